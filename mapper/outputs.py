"""Writing a build's files: the map, its GeoJSON, the report and the embed snippet."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import unicodedata
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit

from gazetteer import Gazetteer, GazetteerError
from gazetteer.atomic import FileSet

from .analysis import FLAGS, PARTNER_CAP, Analysis
from .errors import MapperError, RenderError
from .ledger import Event
from .render import build_map

__all__ = ["write_outputs", "to_geojson", "report_markdown", "embed_snippet", "check_name", "safe_name"]

#: Characters no file name may hold here: path separators, and those Windows
#: forbids (a ':' would also turn the embed's relative address into a scheme).
_FORBIDDEN = set('/\\:*?"<>|')
MAX_NAME = 100


def to_geojson(analysis: Analysis) -> dict[str, Any]:
    features = []
    for claim in analysis.claims:
        place = analysis.places[claim.id]
        res = analysis.resolutions[claim.id]
        features.append({
            "type": "Feature",
            "id": claim.id,
            "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]} if place else None,
            "properties": {
                "id": claim.id, "date": claim.date, "place": claim.place,
                "place_id": place.id if place else None, "place_name": place.name if place else None,
                "place_kind": place.kind if place else None, "match_status": res.status,
                "claimant": claim.claimant, "side": claim.side, "claim": claim.claim,
                "status": claim.status, "flags": analysis.flags[claim.id],
                "inside_claimed": analysis.inside_claimed.get(claim.id),
                "source": claim.source, "url": claim.url, "quote": claim.quote,
            },
        })
    return {"type": "FeatureCollection", "features": features}


#: Characters that start Markdown or HTML markup anywhere in a line (emphasis,
#: links, images, code, raw HTML, entities, tables, strikethrough, math,
#: mentions): backslash-escaped wherever they appear in ledger text.
_MD_ALWAYS = re.compile(r"([\\`*_\[\](){}<>!#|~&@$^])")
#: '.' and ':' make autolinks (example.org, http://, a@b.org) only inside a
#: word: escaped there, left alone before a space so that sentences stay readable.
_MD_IN_WORD = re.compile(r"([.:])(?=\S)")
_LINE_BREAKS = re.compile(r"[\x00-\x1f\x7f\u2028\u2029\x85]+")
_MD_ANY = re.compile(r"[\\`*_\[\](){}<>!#|~&@$^.:\x00-\x1f\x7f\u2028\u2029\x85]")
#: Flag partners listed per claim: many claims about one place in a few days
#: would otherwise make the report grow with the square of their number.


def _md(text: Any) -> str:
    """Ledger text as literal Markdown text: it renders as written, never as markup."""
    text = str(text)
    if not _MD_ANY.search(text):
        return text
    text = _LINE_BREAKS.sub(" ", text)
    return _MD_IN_WORD.sub(r"\\\1", _MD_ALWAYS.sub(r"\\\1", text))


def _partners(ids: list[str], total: int) -> str:
    # The analysis keeps at most PARTNER_CAP partners and counts the rest.
    shown = ", ".join(_md(i) for i in ids[:PARTNER_CAP])
    more = max(total, len(ids)) - len(ids[:PARTNER_CAP])
    return shown + (f" and {more} more" if more > 0 else "")


def report_markdown(analysis: Analysis, *, title: str, problems: list, as_of: dt.date | None = None) -> str:
    claims = analysis.claims
    lines = [f"# {_md(title)}", ""]
    days = sorted(c.day for c in claims)
    if days:
        lines.append(f"{len(claims)} claims from {days[0]} to {days[-1]}.")
    mapped = sum(1 for c in claims if analysis.places[c.id] is not None)
    lines += [f"{mapped} placed on the map, {len(claims) - mapped} not placed.", ""]
    lines += ["## Counts", "", "| side | claims |", "| --- | --- |"]
    sides: dict[str, int] = {}
    for c in claims:
        sides[c.side] = sides.get(c.side, 0) + 1
    lines += [f"| {_md(s)} | {n} |" for s, n in sorted(sides.items())]
    lines += ["", "| flag | claims |", "| --- | --- |"]
    lines += [f"| {f} | {sum(1 for c in claims if f in analysis.flags[c.id])} |" for f in FLAGS]
    if days:
        day = as_of or days[-1]
        lines += ["", f"## What each side claims to control on {day}", ""]
        control = analysis.control(day)
        if not control:
            lines.append("No side claims a place (no captured or holds claims standing).")
        for side, keys in control.items():
            lines.append(f"- {_md(side)}: {', '.join(_md(analysis.label(k)) for k in keys)}")
    lines += ["", "## Unresolved and ambiguous places", ""]
    unresolved = analysis.unresolved()
    if not unresolved:
        lines.append("None: every place resolved.")
    for label, (res, ids) in sorted(unresolved.items()):
        lines.append(f"- **{_md(label)}**: {res.status}; claims {', '.join(_md(i) for i in ids)}")
        for cand in res.candidates[:5]:
            lines.append(f"  - candidate {cand.place.id} {_md(cand.place.name)} ({cand.place.kind}, "
                         f"score {cand.score:.2f})")
    lines += ["", "## Flags found", ""]
    flagged = [c for c in claims if analysis.flags[c.id]]
    if not flagged:
        lines.append("None.")
    for c in flagged:
        place = analysis.places[c.id]
        where = place.name if place else c.place
        totals = analysis.related_total.get(c.id, {})
        rel = "; ".join(f"{k}: {_partners(v, totals.get(k, len(v)))}" for k, v in analysis.related[c.id].items())
        lines.append(f"- {c.date} {_md(c.claimant)} — {c.claim} {_md(where)} [{_md(c.id)}]: "
                     f"{', '.join(analysis.flags[c.id])}" + (f" ({rel})" if rel else ""))
    lines += ["", "## Captures inside land already claimed", ""]
    inside = analysis.inside_claimed
    if not inside:
        lines.append("None.")
    by_id = {c.id: c for c in claims}
    for cid, earlier_id in inside.items():
        c, e = by_id[cid], by_id[earlier_id]
        lines.append(f"- {c.date} {_md(c.claimant)} claims {_md(analysis.label(analysis.keys[cid]))} "
                     f"[{_md(cid)}], inside {_md(analysis.label(analysis.keys[earlier_id]))}, claimed captured "
                     f"on {e.date} [{_md(earlier_id)}]")
    if problems:
        lines += ["", "## Rows left out", ""]
        lines += [f"- {_md(p)}" for p in problems]
    lines += ["", "Places: Who's On First and GeoNames (CC BY 4.0), with the project's curated names.", ""]
    return "\n".join(lines)


def _embed_src(file_name: str, base_url: str | None) -> str:
    """The iframe's address: the file name as one relative path segment, or under an http(s) base URL.

    Built, not concatenated: a name such as ``javascript:alert(1)`` becomes
    ``javascript%3Aalert%281%29.html``, a relative file, never a scheme.
    """
    segment = quote(file_name, safe="")
    if base_url is None:
        return segment
    parts = urlsplit(base_url)
    if (parts.scheme.lower() not in ("http", "https") or not parts.netloc or parts.query or parts.fragment
            or re.search(r"[\s\x00-\x1f\x7f]", base_url)):
        raise MapperError(f"base_url {base_url!r}: give an http:// or https:// address of a folder "
                          "(no query, fragment or spaces)")
    return urlunsplit((parts.scheme.lower(), parts.netloc, parts.path.rstrip("/") + "/" + segment, "", ""))


def embed_snippet(name: str, title: str, *, base_url: str | None = None) -> str:
    """HTML to paste into an article: a sandboxed iframe showing ``NAME.html``
    (beside the article, or under ``base_url``)."""
    t = html.escape(title, quote=True)
    src = html.escape(_embed_src(f"{name}.html", base_url), quote=True)
    return (
        f'<div class="claims-map-embed" style="position:relative;width:100%;max-width:1280px;'
        f'height:70vh;min-height:360px;max-height:760px;margin:0 auto;">\n'
        f'  <iframe src="{src}" title="{t}" loading="lazy" referrerpolicy="no-referrer"\n'
        f'    sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"\n'
        f'    style="position:absolute;inset:0;width:100%;height:100%;border:0;"></iframe>\n'
        f'</div>\n'
    )


def check_name(name: str) -> str:
    """``name`` when it is a plain file name to build NAME.html and the rest from; else MapperError."""
    why = None
    if not isinstance(name, str) or not name.strip():
        why = "is empty"
    elif len(name) > MAX_NAME:
        why = f"is {len(name)} characters long; at most {MAX_NAME}"
    elif any(ch in _FORBIDDEN for ch in name):
        why = "holds a path separator or one of : * ? \" < > |"
    elif any(unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") for ch in name):
        why = "holds a control or invisible character"
    elif name.startswith(".") or name != name.strip():
        why = "starts with a dot or a space, or ends with a space"
    if why:
        raise MapperError(f"--name {name!r} {why}: give a plain file name such as 'war-2020'")
    return name


def safe_name(text: str, *, default: str = "map") -> str:
    """A plain file name made from ``text`` (a ledger's file name): letters, digits, '-', '_' and '.'."""
    text = unicodedata.normalize("NFKC", text)
    slug = re.sub(r"[^\w.-]+", "-", text).strip("-._ ")[:MAX_NAME].strip("-._ ")
    return slug or default


def write_outputs(analysis: Analysis, gaz: Gazetteer, out_dir: Path, name: str, *, title: str,
                  as_of: dt.date | None = None, events: list[Event] = (), self_contained: bool = False,
                  problems: list = (), png_size: tuple[int, int] | None = None) -> dict[str, Path]:
    """Write NAME.html, .geojson, .report.md, .embed.html (and .png with ``png_size``) as one set.

    Every file is made first, as a temporary file in ``out_dir``; then all are
    renamed into place under the lock ``out_dir/.NAME.lock``. A build that
    fails leaves the files of the last one as they were, and two builds of
    one NAME never mix their files.
    """
    check_name(name)
    if not analysis.claims:
        raise MapperError(f"{analysis.ledger.path}: no valid claims to map"
                          + (f"; {len(problems)} row(s) left out, first: {problems[0]}" if problems else ""))
    out_dir = Path(out_dir)
    page = build_map(analysis, gaz, title=title, as_of=as_of, events=events, self_contained=self_contained)
    texts = {
        "html": (".html", page),
        "geojson": (".geojson", json.dumps(to_geojson(analysis), ensure_ascii=False, indent=1,
                                           sort_keys=True) + "\n"),
        "report": (".report.md", report_markdown(analysis, title=title, problems=list(problems), as_of=as_of)),
        "embed": (".embed.html", embed_snippet(name, title)),
    }
    try:
        with FileSet(out_dir, lock=f".{name}.lock") as files:
            paths = {kind: files.write_text(f"{name}{suffix}", text) for kind, (suffix, text) in texts.items()}
            if png_size is not None:
                from .image import write_png

                if not self_contained:
                    page = build_map(analysis, gaz, title=title, as_of=as_of, events=events, self_contained=True)
                write_png(page, files.stage(f"{name}.png"), size=png_size)
                paths["png"] = out_dir / f"{name}.png"
            files.commit()
    except GazetteerError as exc:
        raise RenderError(str(exc)) from None
    return paths

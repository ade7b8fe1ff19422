"""Writing a build's files: the map, its exports (GeoJSON, CSV, GeoPackage), the
claimed-control areas, the report and the embed snippet."""

from __future__ import annotations

import contextlib
import datetime as dt
import html
from collections import Counter
from itertools import chain, repeat
import operator
from operator import attrgetter
import math
import os
import re
import unicodedata
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit

import orjson

from gazetteer import Gazetteer, GazetteerError
from gazetteer.atomic import FileSet, ending_signals_held

from .analysis import FLAGS, PARTNER_CAP, RETRACTED_STATUSES, Analysis
from .errors import MapperError, RenderError
from .claimtable import ClaimTable
from .forked import Forked, can_fork
from .ledger import Event
from .page import build_map, build_map_files, map_bytes
from .tiles import DEFAULT_TILES, REFERRER_POLICY

__all__ = ["write_outputs", "report_markdown", "embed_snippet", "amp_snippet", "check_name", "safe_name"]

#: Characters no file name may hold here: path separators, and those Windows
#: forbids (a ':' would also turn the embed's relative address into a scheme).
_FORBIDDEN = set('/\\:*?"<>|')
MAX_NAME = 100
#: From this many claims a build's exports are made in a forked copy when forking is possible
#: and a core is spare (``write_outputs(workers=None)``): below it, the copy's own CPU (pages
#: copied on write) is about what it takes off this process.
FORK_CLAIMS = 10_000


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


def _partners(ids: list[str], total: int, escape=None) -> str:
    # The analysis keeps at most PARTNER_CAP partners and counts the rest.
    if total <= len(ids) <= PARTNER_CAP:  # the common case: all listed
        return ", ".join(map(escape or _md, ids))
    shown = ", ".join(map(escape or _md, ids[:PARTNER_CAP]))
    more = max(total, len(ids)) - len(ids[:PARTNER_CAP])
    return shown + (f" and {more} more" if more > 0 else "")


def _number(value: float) -> str:
    return f"{int(value):,}" if value == int(value) else f"{value:,.2f}".rstrip("0").rstrip(".")


def _numbers(claims: list) -> list[str]:
    """The ``count`` column summed per side and unit (units matched regardless of case)."""
    sums: dict[tuple[str, str], list] = {}
    for c in claims:
        if c.count is None or c.status in RETRACTED_STATUSES:
            continue
        unit = c.unit or ""
        entry = sums.setdefault((c.side, unit.casefold()), [unit, [], 0])
        entry[1].append(c.count)
        entry[2] += 1
    if not sums:
        return []
    lines = ["", "## Numbers claimed", "",
             "The count column summed per side and unit, as each side's claims state them: a toll "
             "reported twice counts twice, and deleted or retracted claims are left out.", "",
             "| side | unit | total | claims |", "| --- | --- | --- | --- |"]
    for (side, _), (unit, counts, n) in sorted(sums.items()):
        lines.append(f"| {_md(side)} | {_md(unit) if unit else '(no unit)'} | {_number(math.fsum(counts))} | {n} |")
    return lines


class _Escaped(dict):
    """Text -> its Markdown escape, made on first use of a text not given."""

    def __missing__(self, key: str) -> str:
        value = self[key] = _md(key)
        return value


def report_markdown(analysis: Analysis, *, title: str, problems: list, as_of: dt.date | None = None) -> str:
    claims = analysis.claims
    places, all_flags = analysis.places, analysis.flags
    # Each distinct text escaped once; claim ids (a flag's partners) all at once,
    # most of them needing nothing.
    text = _Escaped().__getitem__

    ids = list(map(attrgetter("id"), claims))
    id_md = _Escaped(zip(ids, ids))
    id_md.update((cid, _md(cid)) for cid in filter(_MD_ANY.search, ids))
    escape_id = id_md.__getitem__
    # By identity: counting None by == would call Place.__eq__ for every placed claim.
    mapped = len(ids) - list(map(operator.is_, map(places.__getitem__, ids), repeat(None))).count(True)
    sides = Counter(map(attrgetter("side"), claims))
    flag_lists = list(map(all_flags.__getitem__, ids))
    counted = Counter(chain.from_iterable(flag_lists))
    flag_counts = {f: counted.get(f, 0) for f in FLAGS}
    flagged = [c for c, flags in zip(claims, flag_lists) if flags]
    days = list(map(attrgetter("day"), claims))
    first, last = (min(days), max(days)) if days else (None, None)
    lines = [f"# {_md(title)}", ""]
    if claims:
        lines.append(f"{len(claims)} claims from {first} to {last}.")
    lines += [f"{mapped} placed on the map, {len(claims) - mapped} not placed.", ""]
    lines += ["## Counts", "", "| side | claims |", "| --- | --- |"]
    lines += [f"| {_md(s)} | {n} |" for s, n in sorted(sides.items())]
    lines += ["", "| flag | claims |", "| --- | --- |"]
    lines += [f"| {f} | {flag_counts[f]} |" for f in FLAGS]
    lines += _numbers(claims)
    if claims:
        day = as_of or last
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
    if not flagged:
        lines.append("None.")
    related, related_total = analysis.related, analysis.related_total
    for c in flagged:
        cid = c.id
        place = places[cid]
        where = place.name if place else c.place
        rel = ""
        if related[cid]:
            totals = related_total.get(cid) or {}
            # All partners listed (the common case) is joined here; _partners cuts a long list.
            rel = " (" + "; ".join([f"{k}: {', '.join(map(escape_id, v))}"
                                    if totals.get(k, len(v)) <= len(v) <= PARTNER_CAP else
                                    f"{k}: {_partners(v, totals.get(k, len(v)), escape_id)}"
                                    for k, v in related[cid].items()]) + ")"
        lines.append(f"- {c.date} {text(c.claimant)} — {c.claim} {text(where)} [{escape_id(cid)}]: "
                     f"{', '.join(all_flags[cid])}{rel}")
    lines += ["", "## Captures inside land already claimed", ""]
    inside = analysis.inside_claimed
    if not inside:
        lines.append("None.")
    by_id = dict(zip(map(attrgetter("id"), claims), claims)) if inside else {}
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


#: What the embed's frame may do: run its own scripts and open source links in
#: a new tab. Without allow-same-origin its origin is opaque: it cannot reach
#: the article's page, and browsers send no Referer for its tile requests.
SANDBOX = "allow-scripts allow-popups allow-popups-to-escape-sandbox"
#: Embed height in pixels when nothing but the iframe's attributes survives.
EMBED_HEIGHT = 600


def embed_snippet(name: str, title: str, *, base_url: str | None = None, fallback_image: bool = False) -> str:
    """HTML to paste into an article: a sandboxed iframe showing ``NAME.html``
    (beside the article, or under ``base_url``).

    The iframe is sized by its own ``width``/``height`` attributes and lies in
    the article's flow, so a CMS that keeps only the ``<iframe>``, or a page
    whose policy blocks inline styles, still shows a 600 px map that covers
    nothing. The wrapper and ``style`` attributes only add a height that
    follows the screen. With ``base_url`` (the maps' own host, another origin
    than the article's) the frame keeps its origin, so tile servers get the
    Referer they ask for. With ``fallback_image``, readers without scripts see
    ``NAME.png``.
    """
    t = html.escape(title, quote=True)
    src = html.escape(_embed_src(f"{name}.html", base_url), quote=True)
    sandbox = SANDBOX + (" allow-same-origin" if base_url else "")
    lines = [
        '<div class="claims-map-embed" style="max-width:1280px;margin:1em auto;">',
        f'  <iframe src="{src}" title="{t}" width="100%" height="{EMBED_HEIGHT}" loading="lazy"',
        f'    referrerpolicy="{REFERRER_POLICY}" sandbox="{sandbox}"',
        '    style="display:block;width:100%;height:75vh;min-height:420px;max-height:760px;border:0;"></iframe>',
    ]
    if fallback_image:
        png = html.escape(_embed_src(f"{name}.png", base_url), quote=True)
        lines.append(f'  <noscript><a href="{src}"><img src="{png}" alt="{t}" width="1280" height="800" '
                     'style="max-width:100%;height:auto;"></a></noscript>')
    lines.append("</div>")
    return "\n".join(lines) + "\n"


def amp_snippet(name: str, title: str, *, base_url: str | None = None, fallback_image: bool = False) -> str:
    """The embed for AMP pages: an ``amp-iframe`` with a placeholder shown until the map loads.

    AMP loads a frame only from an https address on another origin than the
    page's: without ``base_url`` the snippet says so in a comment.
    """
    t = html.escape(title, quote=True)
    src = html.escape(_embed_src(f"{name}.html", base_url), quote=True)
    lines = ['<!-- In the page\'s <head>: <script async custom-element="amp-iframe" '
             'src="https://cdn.ampproject.org/v0/amp-iframe-0.1.js"></script> -->']
    if not base_url or not base_url.lower().startswith("https://"):
        lines.append("<!-- AMP needs an https:// address on the maps' own host: build with "
                     "--base-url https://maps.example.org/folder/ -->")
    lines += [
        f'<amp-iframe src="{src}" title="{t}" layout="fixed-height" height="{EMBED_HEIGHT}"',
        f'  sandbox="{SANDBOX} allow-same-origin" frameborder="0" referrerpolicy="{REFERRER_POLICY}">',
    ]
    if fallback_image:
        png = html.escape(_embed_src(f"{name}.png", base_url), quote=True)
        lines.append(f'  <amp-img placeholder layout="fill" src="{png}" alt="{t}"></amp-img>')
    else:
        lines.append(f'  <div placeholder>{html.escape(title)}</div>')
    lines.append("</amp-iframe>")
    return "\n".join(lines) + "\n"


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
                  problems: list = (), png_size: tuple[int, int] | None = None,
                  tiles: str | None = DEFAULT_TILES, tiles_attr: str | None = None, external_assets: bool = False,
                  base_url: str | None = None, lang: str = "en", gpkg: bool = False,
                  workers: int | None = 1) -> dict[str, Path]:
    """Write NAME.html, .geojson, .csv, .control.geojson, .report.md, .embed.html, .amp.html
    (and .gpkg with ``gpkg``, .png with ``png_size``) as one set.

    ``workers`` 2: the GeoJSON, CSV and report are made in a forked copy of
    this process while this one makes the page (``mapper.forked``); None: 2
    when the ledger has FORK_CLAIMS claims or more and forking is possible
    and safe (see ``forked.can_fork``), else 1. The files are the same
    whatever the number. One by default: a library forks only when asked.

    With ``external_assets`` the page loads its scripts and styles from files
    written beside it (see ``page.build_map_files``). Every file is made
    first, as a temporary file in ``out_dir``; then all are renamed into place
    under the lock ``out_dir/.NAME.lock``. A build that fails leaves the files
    of the last one as they were, and two builds of one NAME never mix their files.
    """
    check_name(name)
    if self_contained and external_assets:
        raise MapperError("--self-contained and --external-assets exclude each other: pick one")
    if not analysis.claims:
        raise MapperError(f"{analysis.ledger.path}: no valid claims to map"
                          + (f"; {len(problems)} row(s) left out, first: {problems[0]}" if problems else ""))
    if gpkg:
        from .exports import need_gis

        need_gis()  # before any work: a missing extra is said at once
    out_dir = Path(out_dir)
    fallback = f"{name}.png" if png_size is not None else None
    page_options = dict(title=title, as_of=as_of, events=events, tiles=tiles, tiles_attr=tiles_attr,
                        fallback_image=quote(fallback, safe="") if fallback else None, lang=lang)
    if workers is not None and (isinstance(workers, bool) or not isinstance(workers, int) or workers < 1):
        raise MapperError(f"workers must be a whole number >= 1, not {workers!r:.60}")
    if workers is None:
        workers = 2 if len(analysis.claims) >= FORK_CLAIMS and can_fork() else 1

    def exports() -> tuple[list[bytes], bytes, bytes]:
        table = ClaimTable(analysis, gaz)  # one table of the claims feeds every export
        return (table.geojson_pieces(), table.csv().encode(),
                report_markdown(analysis, title=title, problems=list(problems), as_of=as_of).encode())

    suffixes = {"html": ".html", "geojson": ".geojson", "csv": ".csv", "control": ".control.geojson",
                "report": ".report.md", "embed": ".embed.html", "amp": ".amp.html"}
    with contextlib.ExitStack() as stack:
        files: FileSet | None = None
        staged: dict[str, Path] = {}
        forked = None
        if workers > 1 and hasattr(os, "fork"):
            # The copy writes the exports itself, into files staged here for it, instead of sending
            # their bytes back (50 MB at 50,000 claims, copied four times on the way).
            files = stack.enter_context(_file_set(out_dir, name))
            staged = {kind: _stage(files, f"{name}{suffixes[kind]}") for kind in _EXPORTS}
            with ending_signals_held():
                forked = Forked(lambda: _write_staged(files, staged, exports()))
                stack.callback(forked.cancel)  # when this process fails first; nothing once the result came
        assets: dict[str, str | bytes] = {}
        if external_assets:
            assets = build_map_files(analysis, gaz, name, **page_options)
            page = assets.pop(f"{name}.html")
        else:
            page = map_bytes(analysis, gaz, self_contained=self_contained, **page_options)
        # numpy and shapely (the control layer's geometry) are imported here, after the fork: a
        # forked copy making the exports never needs them.
        from .control import claimed_control

        day = as_of or max(c.day for c in analysis.claims)
        control = claimed_control(analysis, gaz, window=analysis.window).dissolved(day)
        texts: dict[str, str | bytes | list[bytes]] = {
            "html": page,
            "control": orjson.dumps(control) + b"\n",
            "embed": embed_snippet(name, title, base_url=base_url, fallback_image=bool(fallback)),
            "amp": amp_snippet(name, title, base_url=base_url, fallback_image=bool(fallback)),
        }
        written = set(staged)  # by the forked copy
        if forked is not None:
            # This process's files are written while the copy still makes its own.
            try:
                for kind, data in texts.items():
                    files.write_text(f"{name}{suffixes[kind]}", data)
            except GazetteerError as exc:
                raise RenderError(str(exc)) from None
            written.update(texts)
            forked.result()
        else:
            texts.update(zip(_EXPORTS, exports()))
        try:
            if files is None:
                files = stack.enter_context(FileSet(out_dir, lock=f".{name}.lock"))
            paths = {}
            for kind, suffix in suffixes.items():
                if kind in written:
                    paths[kind] = out_dir / f"{name}{suffix}"
                else:
                    paths[kind] = files.write_text(f"{name}{suffix}", texts[kind])
            for file_name, content in sorted(assets.items()):
                paths[file_name] = files.write_text(file_name, content)
            if gpkg:
                from .exports import write_gpkg

                write_gpkg(analysis, gaz, files.stage(f"{name}.gpkg"), rows=ClaimTable(analysis, gaz).rows())
                paths["gpkg"] = out_dir / f"{name}.gpkg"
            if png_size is not None:
                from .image import write_png

                shown = page.decode() if self_contained else build_map(analysis, gaz, self_contained=True,
                                                                        **page_options)
                write_png(shown, files.stage(f"{name}.png"), size=png_size)
                paths["png"] = out_dir / f"{name}.png"
            files.commit()
        except GazetteerError as exc:
            raise RenderError(str(exc)) from None
    return paths


#: What ``write_outputs``'s exports make, in order.
_EXPORTS = ("geojson", "csv", "report")


@contextlib.contextmanager
def _file_set(out_dir: Path, name: str):
    """``FileSet``, a failure to make the folder said as a RenderError (as when the files are written)."""
    try:
        files = FileSet(out_dir, lock=f".{name}.lock")
    except GazetteerError as exc:
        raise RenderError(str(exc)) from None
    with files:
        yield files


def _stage(files: FileSet, name: str) -> Path:
    try:
        return files.stage(name)
    except GazetteerError as exc:
        raise RenderError(str(exc)) from None


def _write_staged(files: FileSet, staged: dict[str, Path], made: tuple) -> dict:
    """In the forked copy: the exports written into their staged files; nothing to send back."""
    for kind, data in zip(_EXPORTS, made):
        try:
            files.write_staged(staged[kind], data)
        except GazetteerError as exc:
            raise RenderError(str(exc)) from None
    return {}

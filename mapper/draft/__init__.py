"""Drafting a ledger from the text of an article or an official post.

    from mapper.draft import draft_ledger, write_draft

    rows = draft_ledger(text, published="2020-10-26", source="Azatutyun", url="https://...")
    write_draft(rows, "draft.csv")

One row per place mention and claim, in the ledger's own columns (so
``mapper check`` and ``mapper build`` read the file) plus review columns:
``mention`` (the name as looked up, undeclined), ``start``/``end`` (character
offsets of ``place`` in the text), ``place_id`` and ``confidence``. Every row
has ``status`` ``draft``: a person reviews it before it is published. A place
the text names with no claim gets a row with claim ``other``; a name the
gazetteer cannot settle gets a row with an empty ``place_id``; nothing a
reviewer needs is dropped.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import sys
import tempfile
import weakref
from collections.abc import Iterable
from pathlib import Path

from gazetteer import Gazetteer

from ..errors import MapperError
from ..ledger import CLAIMS as CLAIM_ORDER
from .claims import Speaker, claim_kinds, detect_language, side_of, speakers_in
from .dates import LANGS, DateFinder
from .places import Mention, PlaceFinder
from .text import DraftInputError, read_text, sentences

__all__ = ["COLUMNS", "DraftInputError", "draft_ledger", "read_text", "write_draft"]

COLUMNS = ("date", "place", "near", "claimant", "side", "claim", "source", "url", "quote", "status", "notes",
           "mention", "start", "end", "place_id", "lat", "lon", "confidence")


class _Tools:
    """What drafting needs loaded once per gazetteer: the automaton and dateparser."""

    _cache: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    def __init__(self, gaz: Gazetteer) -> None:
        self.places = PlaceFinder(gaz)
        self.dates = DateFinder()

    @classmethod
    def of(cls, gaz: Gazetteer) -> _Tools:
        tools = cls._cache.get(gaz)
        if tools is None:
            tools = cls._cache[gaz] = cls(gaz)
        return tools


_DEFAULT: list[Gazetteer] = []


def _gazetteer(gaz: Gazetteer | None) -> Gazetteer:
    if gaz is not None:
        return gaz
    if not _DEFAULT:
        _DEFAULT.append(Gazetteer())
    return _DEFAULT[0]


def _as_date(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise DraftInputError(f"published {value!r} is not an ISO date (YYYY-MM-DD)") from None


def draft_ledger(text: str, *, published: dt.date | str | None = None, source: str | None = None,
                 url: str | None = None, lang: str = "auto", gazetteer: Gazetteer | None = None) -> list[dict]:
    """Draft ledger rows (dicts keyed by ``COLUMNS``) for the places and claims of a text."""
    if lang != "auto" and lang not in LANGS:
        raise DraftInputError(f"lang {lang!r} is not one of auto, {', '.join(LANGS)}")
    day = _as_date(published)
    tools = _Tools.of(_gazetteer(gazetteer))
    lang = detect_language(text) if lang == "auto" else lang
    mentions = tools.places.find(text, as_of=day.isoformat() if day else None)
    rows: list[dict] = []
    _mark_datelines(text, mentions)
    sents = sentences(text)
    by_sentence: dict[int, list[Mention]] = {}
    bounds = [s.start for s in sents]
    for m in mentions:
        by_sentence.setdefault(max(0, _index_at(bounds, m.start)), []).append(m)
    speakers = [speakers_in(s.text) for s in sents]
    published_iso = day.isoformat() if day else ""
    state = _State()
    for i, sent in enumerate(sents):
        here = speakers[i]
        state.speaker = here[0] if here else (_paragraph_speaker(sents, speakers, i) or state.speaker)
        dates = tools.dates.dates_in(sent.text, lang, day)
        ms = by_sentence.get(i, [])
        _mark_parents_as_context(ms)
        clauses = _clauses(sent)
        clause_kinds = [claim_kinds(text[a:b], lang) for a, b in clauses]
        sentence_kinds = [k for k in CLAIM_ORDER if any(k in ks for ks in clause_kinds)]
        for (a, b), kinds in zip(clauses, clause_kinds):
            said_here = [sp for sp in here if a <= sent.start + sp.start < b]
            speaker = said_here[0] if said_here else state.speaker
            here_ms = [m for m in ms if a <= m.start < b]
            own = [m for m in here_ms if _is_own(m)]
            notes: list[str] = []
            if not (here or said_here):
                notes.append("claimant from the context" if speaker else "no claimant found: fill it in")
            base = {"claimant": speaker.claimant if speaker else (source or "unattributed"),
                    "side": (speaker.side if speaker else side_of(source) if source else None) or "",
                    "source": source or "", "url": url or "", "quote": sent.text, "status": "draft"}

            def date_for(offset: int) -> tuple[str, list[str]]:
                if dates:
                    return min(dates, key=lambda d: abs(d[0] - (offset - sent.start)))[1], []
                if state.date:
                    return state.date, ["date from an earlier sentence"]
                return published_iso, (["date: the publication's"] if published_iso else ["no date found: fill it in"])

            if kinds and not own and state.places and i - state.places_at <= 1:
                # "Yes, we have retreated": the place is the one just named.
                for m in state.places:
                    when, dnotes = date_for(a)
                    for kind in kinds:
                        rows.append(_row({**base, "date": when}, m, *_as_said(kind, sent.text, speaker),
                                         [*notes, *dnotes, "place from an earlier sentence or clause"]))
            if not kinds and own:
                # Another clause's claim, or, for a list that follows one ("The villages were A, B
                # and C"), the claim just made.
                kinds = [k for k in sentence_kinds if any(
                    k in ks and any(c0 <= m.start < c1 for m in ms if _is_own(m))
                    for (c0, c1), ks in zip(clauses, clause_kinds))]
                if not kinds and state.kinds and (sum(map(_is_own, ms)) >= 2 or ":" in sent.text):
                    kinds = list(state.kinds)
                    notes.append("claim from the sentence before the list")
            for m in here_ms:
                when, dnotes = date_for(m.start)
                row_base = {**base, "date": when}
                if m.is_context:
                    rows.append(_row(row_base, m, "other", [*notes, *dnotes, *(
                        [] if "the dateline" in m.notes else ["names where the other places lie"])]))
                elif kinds and _is_own(m) or kinds and not own:
                    for kind in kinds:
                        rows.append(_row(row_base, m, *_as_said(kind, sent.text, speaker), [*notes, *dnotes]))
                else:
                    rows.append(_row(row_base, m, "other",
                                     [*notes, *dnotes, "place mentioned; no claim found in the sentence"]))
            if kinds:
                state.kinds = kinds
            if own:
                state.places, state.places_at = [own[-1]], i
        if dates:
            state.date = dates[-1][1]
    return rows


# Where a sentence splits into claims: quotes, semicolons, "adding that", "while".
_CLAUSE = re.compile(r"[“”«»\"]|;|,\s+(?:adding|while|but|and added|whereas|and the|and that)\b|\s+but\s+|"
                     r",\s+(?:а|но|однако)\s+|,\s+(?:lakin|ancaq|amma)\s+|,\s+(?:իսկ|սակայն|բայց)\s+")
_ENEMY_ACTS = re.compile(r"\b(?:Azerbaijan|Azerbaijani|Azeri|the enemy|the adversary|Turkish)\b|Азербайдж|противник|"
                         r"Ադրբեջան|ադրբեջան|թշնամի|հակառակորդ", re.IGNORECASE)


def _clauses(sent) -> list[tuple[int, int]]:
    """(start, end) offsets in the text of a sentence's clauses."""
    cuts = [0, *(m.start() for m in _CLAUSE.finditer(sent.text)), len(sent.text)]
    out = [(sent.start + a, sent.start + b) for a, b in zip(cuts, cuts[1:]) if sent.text[a:b].strip(" “”«»\";,")]
    return out or [(sent.start, sent.end)]


def _as_said(kind: str, sentence: str, speaker: Speaker | None) -> tuple[str, list[str]]:
    """The claim as the ledger records it, and a note: a capture the Armenian side reports the
    other side made is its own loss (withdrew)."""
    armenian = speaker is not None and speaker.side in ("Armenia", "Artsakh")
    if kind == "captured" and armenian and _ENEMY_ACTS.search(sentence):
        return "withdrew", ["an admission: the speaker's side lost the place"]
    if kind == "withdrew" and armenian:
        return kind, ["an admission by the side that withdrew"]
    return kind, []


class _State:
    """What carries from sentence to sentence: the speaker, the last date, places and claim."""

    def __init__(self) -> None:
        self.speaker: Speaker | None = None
        self.date: str | None = None
        self.places: list[Mention] = []
        self.places_at = -2  # the sentence that named them
        self.kinds: list[str] = []


def _is_own(m: Mention) -> bool:
    """A place the clause is about: not a list's district, nor a whole region named in passing."""
    return not m.is_context and not (m.place is not None and m.place.kind in ("region", "country"))


_DATELINE = re.compile(r"\s*[—–-]|\s*,\s*\d|\s*\(")


def _mark_datelines(text: str, mentions: list[Mention]) -> None:
    """"YEREVAN—" opens a report: where it was filed, not where anything happened."""
    for m in mentions:
        at_start = m.start == 0 or text[max(0, m.start - 2):m.start].strip() == "" and text[m.start - 1:m.start] == "\n"
        if at_start and (m.surface.isupper() or _DATELINE.match(text, m.end)):
            m.is_context = True
            m.notes.append("the dateline")


def _mark_parents_as_context(ms: list[Mention]) -> None:
    """In "Sanasar in the south of Artsakh", Artsakh only says where Sanasar is."""
    places = [m.place for m in ms if m.place is not None]
    for m in ms:
        if m.place is not None and any(m.place.id in p.parents for p in places):
            m.is_context = True


def _index_at(bounds: list[int], offset: int) -> int:
    import bisect

    return bisect.bisect_right(bounds, offset) - 1


def _paragraph_speaker(sents, speakers, i: int) -> Speaker | None:
    """The speaker of a sentence that names none: the paragraph's last one before it, else the next
    one ("…,” said Pashinyan.")."""
    para = sents[i].paragraph
    before = [j for j in range(i - 1, -1, -1) if sents[j].paragraph == para]
    after = [j for j in range(i + 1, len(sents)) if sents[j].paragraph == para]
    for j in before:
        if speakers[j]:
            return speakers[j][0]
    for j in after:
        if speakers[j]:
            return speakers[j][0]
    return None


def _row(base: dict, m: Mention, claim: str, said_notes: list[str], notes: list[str] | None = None) -> dict:
    if notes is None:  # called as _row(base, m, claim, notes)
        said_notes, notes = [], said_notes
    notes = [*said_notes, *notes]
    place = m.place
    res = m.resolution
    notes = [*notes, *m.notes]
    if place is None:
        if res is not None and res.status == "ambiguous":
            names = "; ".join(f"{c.place.name} ({c.place.id})" for c in res.candidates[:4])
            notes.append(f"ambiguous: {names}")
        else:
            notes.append("not in the gazetteer")
    return {
        **base, "place": m.surface, "near": m.near or "", "claim": claim, "notes": "; ".join(notes),
        "mention": m.query, "start": m.start, "end": m.end,
        "place_id": place.id if place else "", "lat": place.lat if place else "",
        "lon": place.lon if place else "", "confidence": m.confidence if place else "",
    }


def write_draft(rows: Iterable[dict], output: str | Path) -> None:
    """Write rows as CSV with ``COLUMNS``: to ``-`` (standard output) or, through a temporary file, a path."""
    buf = io.StringIO(newline="")
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    data = buf.getvalue()
    if str(output) == "-":
        sys.stdout.write(data)
        return
    path = Path(output)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent or Path("."))
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError as exc:
        raise MapperError(f"{path}: cannot write the draft: {exc.strerror or exc}") from None

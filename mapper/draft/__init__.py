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
from .claims import Speaker, claim_kinds, detect_language, side_of, speakers_in
from .dates import LANGS, DateFinder
from .places import Mention, PlaceFinder
from .text import DraftInputError, read_text, sentences

__all__ = ["COLUMNS", "DraftInputError", "draft_ledger", "read_text", "write_draft"]

COLUMNS = ("date", "place", "near", "claimant", "side", "claim", "source", "url", "quote", "status", "notes",
           "mention", "start", "end", "place_id", "lat", "lon", "confidence")
_FIRST_PERSON_KINDS = {"withdrew", "holds", "denies"}


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
    by_sentence: dict[int, list[Mention]] = {}
    sents = sentences(text)
    bounds = [s.start for s in sents]
    for m in mentions:
        i = max(0, _index_at(bounds, m.start))
        by_sentence.setdefault(i, []).append(m)
    speaker: Speaker | None = None
    speakers = [speakers_in(s.text) for s in sents]
    date_of = [tools.dates.date_in(s.text, lang, day) for s in sents]
    carried_date, last_places = None, []
    for i, sent in enumerate(sents):
        if i == 0 or sents[i - 1].paragraph != sent.paragraph:
            carried_date, last_places = None, []
        here = speakers[i]
        speaker = here[0] if here else (_paragraph_speaker(sents, speakers, i) or speaker)
        when = date_of[i] or carried_date or (day.isoformat() if day else "")
        carried_date = date_of[i] or carried_date
        kinds = claim_kinds(sent.text, lang)
        claimant = speaker.claimant if speaker else (source or "unattributed")
        side = speaker.side if speaker else side_of(claimant) if source else None
        base = {"date": when, "claimant": claimant, "side": side or "", "source": source or "",
                "url": url or "", "quote": sent.text, "status": "draft"}
        notes = []
        if not date_of[i]:
            notes.append("date from an earlier sentence" if when and when != (day and day.isoformat())
                         else "date: the publication's" if when else "no date found: fill it in")
        if not here:
            notes.append("claimant from the context" if speaker else "no claimant found: fill it in")
        ms = by_sentence.get(i, [])
        _mark_parents_as_context(ms)
        own = [m for m in ms if not m.is_context]
        for clause_start, clause_end in _clauses(sent):
            kinds = claim_kinds(text[clause_start:clause_end], lang)
            here_ms = [m for m in ms if clause_start <= m.start < clause_end]
            if kinds and not [m for m in here_ms if not m.is_context] and last_places:
                # "Yes, we have retreated": the place is the one just named.
                for m in last_places:
                    for kind in kinds:
                        rows.append(_row(base, m, _as_said(kind, sent.text, speaker), [
                            *notes, "place from an earlier sentence or clause"]))
                continue
            if not kinds:
                kinds = [k for k in claim_kinds(sent.text, lang) if any(
                    claim_kinds(text[a:b], lang) and any(a <= m.start < b for m in own)
                    for a, b in _clauses(sent))] if here_ms else []
            for m in here_ms:
                if m.is_context:
                    rows.append(_row(base, m, "other", [*notes, "names where the other places lie"]))
                elif kinds:
                    for kind in kinds:
                        said = _as_said(kind, sent.text, speaker)
                        extra = ["an admission: the speaker's side lost the place"] if said != kind else []
                        if said == "withdrew" and speaker and speaker.side in ("Armenia", "Artsakh") and not extra:
                            extra.append("an admission by the side that withdrew")
                        rows.append(_row(base, m, said, [*notes, *extra]))
                else:
                    rows.append(_row(base, m, "other", [*notes, "place mentioned; no claim found in the sentence"]))
            own_here = [m for m in here_ms if not m.is_context]
            if own_here:
                last_places = [own_here[-1]]
    return rows


# Where a sentence splits into claims: quotes, semicolons, "adding that", "while".
_CLAUSE = re.compile(r"[“”«»\"]|;|,\s+(?:adding|while|but|and added|whereas)\b|\s+but\s+|,\s+(?:а|но)\s+|,\s+lakin\s+")
_ENEMY_ACTS = re.compile(r"\b(?:Azerbaijan|Azerbaijani|Azeri|the enemy|the adversary|Turkish)\b|Азербайдж|противник|"
                         r"Ադրբեջան|ադրբեջան|թշնամի|հակառակորդ", re.IGNORECASE)


def _clauses(sent) -> list[tuple[int, int]]:
    """(start, end) offsets in the text of a sentence's clauses."""
    cuts = [0, *(m.start() for m in _CLAUSE.finditer(sent.text)), len(sent.text)]
    out = [(sent.start + a, sent.start + b) for a, b in zip(cuts, cuts[1:]) if sent.text[a:b].strip(" “”«»\";,")]
    return out or [(sent.start, sent.end)]


def _as_said(kind: str, sentence: str, speaker: Speaker | None) -> str:
    """A capture the Armenian side reports the other side made is its own loss: withdrew."""
    if kind == "captured" and speaker and speaker.side in ("Armenia", "Artsakh") and _ENEMY_ACTS.search(sentence):
        return "withdrew"
    return kind


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
    """The speaker of a sentence that names none: the paragraph's, nearest first."""
    para = sents[i].paragraph
    order = sorted((j for j in range(len(sents)) if sents[j].paragraph == para and j != i),
                   key=lambda j: (abs(j - i), j > i))
    for j in order:
        if speakers[j]:
            return speakers[j][0] if j < i else speakers[j][0]
    return None


def _row(base: dict, m: Mention, claim: str, notes: list[str]) -> dict:
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

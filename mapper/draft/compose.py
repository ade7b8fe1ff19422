"""Composing rows: which claim, claimant and date each place mention of a sentence gets.

A sentence is cut into clauses (quotes, semicolons, "adding that", ", and the");
each clause's claim kinds apply to its places. What carries from sentence to
sentence (the speaker, the last date, the place just named, the claim just made)
is a ``_State``: a claim with no place ("Yes, we have retreated") takes the place
of the sentence before; a list with no verb ("The villages were A, B and C")
takes the claim just made.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

from ..ledger import CLAIMS as CLAIM_ORDER
from .claims import Speaker, claim_kinds, side_of, speakers_in
from .dates import DateFinder
from .places import Mention
from .text import Sentence, sentences

__all__ = ["compose"]


def compose(text: str, mentions: list[Mention], *, lang: str, day: dt.date | None, dates: DateFinder,
            source: str | None, url: str | None) -> list[dict]:
    """The draft rows of a text whose places are found."""
    return _Composer(text, mentions, lang=lang, day=day, dates=dates, source=source, url=url).rows


class _State:
    """What carries from sentence to sentence: the speaker, the last date, places and claim."""

    def __init__(self) -> None:
        self.speaker: Speaker | None = None
        self.date: str | None = None
        self.places: list[Mention] = []
        self.places_at = -2  # the sentence that named them
        self.kinds: list[str] = []


class _Composer:
    def __init__(self, text: str, mentions: list[Mention], *, lang: str, day: dt.date | None,
                 dates: DateFinder, source: str | None, url: str | None) -> None:
        self.text, self.lang, self.dates = text, lang, dates
        self.source, self.url = source, url
        self.published = day.isoformat() if day else ""
        self.day = day
        self.rows: list[dict] = []
        self.state = _State()
        _mark_datelines(text, mentions)
        self.sents = sentences(text)
        bounds = [s.start for s in self.sents]
        self.by_sentence: dict[int, list[Mention]] = {}
        for m in mentions:
            self.by_sentence.setdefault(max(0, bisect.bisect_right(bounds, m.start) - 1), []).append(m)
        self.speakers = [speakers_in(s.text) for s in self.sents]
        self.paragraph_speakers = _paragraph_speakers(self.sents, self.speakers)
        for i, sent in enumerate(self.sents):
            self._sentence(i, sent)

    def _sentence(self, i: int, sent: Sentence) -> None:
        state, here = self.state, self.speakers[i]
        state.speaker = here[0] if here else (self.paragraph_speakers[i] or state.speaker)
        self.sentence_dates = self.dates.dates_in(sent.text, self.lang, self.day)
        ms = self.by_sentence.get(i, [])
        _mark_parents_as_context(ms)
        clauses = _clauses(sent)
        starts = [m.start for m in ms]
        in_clause = [ms[bisect.bisect_left(starts, a):bisect.bisect_left(starts, b)] for a, b in clauses]
        clause_kinds = [claim_kinds(self.text[a:b], self.lang) for a, b in clauses]
        # Kinds of the clauses that name a place of their own: for a place in a clause with none.
        placed = {k for ks, cms in zip(clause_kinds, in_clause) if any(map(_is_own, cms)) for k in ks}
        placed_kinds = [k for k in CLAIM_ORDER if k in placed]
        own_in_sentence = sum(map(_is_own, ms))
        for (a, b), kinds, here_ms in zip(clauses, clause_kinds, in_clause):
            said = [sp for sp in here if a <= sent.start + sp.start < b]
            self._clause(i, sent, a, kinds, said[0] if said else state.speaker, bool(here or said),
                         here_ms, own_in_sentence, placed_kinds)
        if self.sentence_dates:
            state.date = self.sentence_dates[-1][1]

    def _clause(self, i: int, sent: Sentence, a: int, kinds: list[str], speaker: Speaker | None,
                named: bool, here_ms: list[Mention], own_in_sentence: int, placed_kinds: list[str]) -> None:
        state = self.state
        own = [m for m in here_ms if _is_own(m)]
        notes = [] if named else ["claimant from the context" if speaker else "no claimant found: fill it in"]
        base = {"claimant": speaker.claimant if speaker else (self.source or "unattributed"),
                "side": (speaker.side if speaker else side_of(self.source) if self.source else None) or "",
                "source": self.source or "", "url": self.url or "", "quote": sent.text, "status": "draft"}
        if kinds and not own and state.places and i - state.places_at <= 1:
            # "Yes, we have retreated": the place is the one just named.
            for m in state.places:
                when, dnotes = self._date_for(sent, a)
                for kind in kinds:
                    claim, said = _as_said(kind, sent.text, speaker)
                    self.rows.append(_row({**base, "date": when}, m, claim, [
                        *said, *notes, *dnotes, "place from an earlier sentence or clause"]))
        if not kinds and own:
            kinds = placed_kinds
            if not kinds and state.kinds and (own_in_sentence >= 2 or ":" in sent.text):
                kinds = list(state.kinds)
                notes.append("claim from the sentence before the list")
        for m in here_ms:
            when, dnotes = self._date_for(sent, m.start)
            row_base = {**base, "date": when}
            if m.is_context:
                why = [] if "the dateline" in m.notes else ["names where the other places lie"]
                self.rows.append(_row(row_base, m, "other", [*notes, *dnotes, *why]))
            elif kinds and (_is_own(m) or not own):
                for kind in kinds:
                    claim, said = _as_said(kind, sent.text, speaker)
                    self.rows.append(_row(row_base, m, claim, [*said, *notes, *dnotes]))
            else:
                self.rows.append(_row(row_base, m, "other",
                                      [*notes, *dnotes, "place mentioned; no claim found in the sentence"]))
        if kinds:
            state.kinds = kinds
        if own:
            state.places, state.places_at = [own[-1]], i

    def _date_for(self, sent: Sentence, offset: int) -> tuple[str, list[str]]:
        """The date nearest the place in its sentence, else the last one named, else the publication's."""
        if self.sentence_dates:
            return min(self.sentence_dates, key=lambda d: abs(d[0] - (offset - sent.start)))[1], []
        if self.state.date:
            return self.state.date, ["date from an earlier sentence"]
        if self.published:
            return self.published, ["date: the publication's"]
        return "", ["no date found: fill it in"]


# Where a sentence splits into claims: quotes, semicolons, "adding that", "while".
_CLAUSE = re.compile(r"[“”«»\"]|;|,\s+(?:adding|while|but|and added|whereas|and the|and that)\b|\s+but\s+|"
                     r",\s+(?:а|но|однако)\s+|,\s+(?:lakin|ancaq|amma)\s+|,\s+(?:իսկ|սակայն|բայց)\s+")
_ENEMY_ACTS = re.compile(r"\b(?:Azerbaijan|Azerbaijani|Azeri|the enemy|the adversary|Turkish)\b|Азербайдж|противник|"
                         r"Ադրբեջան|ադրբեջան|թշնամի|հակառակորդ", re.IGNORECASE)


def _clauses(sent: Sentence) -> list[tuple[int, int]]:
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
    parents = {pid for m in ms if m.place is not None for pid in m.place.parents}
    for m in ms:
        if m.place is not None and m.place.id in parents:
            m.is_context = True


def _paragraph_speakers(sents: list[Sentence], speakers: list[list[Speaker]]) -> list[Speaker | None]:
    """For each sentence, the speaker its paragraph gives it when it names none: the last one named
    before it in the paragraph, else the next one ("…,” said Pashinyan."). Two passes: linear."""
    out: list[Speaker | None] = [None] * len(sents)
    last: Speaker | None = None
    for i, sent in enumerate(sents):
        if i and sents[i - 1].paragraph != sent.paragraph:
            last = None
        out[i] = last
        if speakers[i]:
            last = speakers[i][0]
    following: Speaker | None = None
    for i in range(len(sents) - 1, -1, -1):
        if i + 1 < len(sents) and sents[i + 1].paragraph != sents[i].paragraph:
            following = None
        if out[i] is None:
            out[i] = following
        if speakers[i]:
            following = speakers[i][0]
    return out


def _row(base: dict, m: Mention, claim: str, notes: list[str]) -> dict:
    place = m.place
    res = m.resolution
    notes = [*notes, *m.notes]
    if place is None:
        if res is not None and res.status == "ambiguous":
            names = "; ".join(f"{c.place.name} ({c.place.id})" for c in res.candidates[:4])
            notes.append(f"ambiguous: {names}")
        elif not any("list item" in n for n in notes):
            notes.append("not in the gazetteer")
    return {
        **base, "place": m.surface, "near": m.near or "", "claim": claim, "notes": "; ".join(notes),
        "mention": m.query, "start": m.start, "end": m.end,
        "place_id": place.id if place else "", "lat": place.lat if place else "",
        "lon": place.lon if place else "", "confidence": m.confidence if place else "",
    }

"""Finding the places a text names, with one automaton over every gazetteer name.

Every name of every place (and, for names ending in a vowel, the stem a case
ending attaches to: Шуша -> Шуш-у) is reduced word by word to the gazetteer's
phonetic skeleton and compiled into one Aho-Corasick automaton, once per
gazetteer. A text is reduced the same way, word by word, into one string
whose words map back to their offsets, and scanned in one pass. A match must
start at a word; it ends at a word's end, or inside the last word when what
is left of that word is a case ending (Հադրութ-ում, Гадрут-е, Qubadlı-da,
Füzuli-nin). Each match is then resolved by the gazetteer, with the district a
list gives ("the villages of A, B and C of D district") as ``near`` and the
text's other places as context for names that stay ambiguous.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from gazetteer import Gazetteer
from gazetteer.model import Place, Resolution
from gazetteer.normalize import script_of
from gazetteer.ranking import km, notability

from .automaton import WORD as _WORD
from .automaton import automaton_for as _automaton
from .automaton import key as _key
from .automaton import lexicon as _lexicon
from .automaton import stems as _stems

__all__ = ["Mention", "PlaceFinder", "find_places"]

_SENTENCE_START = re.compile(r"(?:^|[.!?։]\s+|\n\s*)[\"“«(]?$")
#: How many of the text's other places, the nearest named, an ambiguous name is read beside.
CONTEXT_PLACES = 24
#: A name whose key is shorter than this (Tuğ, Sur) is kept only in a list,
#: with a descriptor, or when it is a well-known place.
SHORT_KEY = 4


@dataclass
class Mention:
    """One place named in the text: where, as written, and what it resolved to."""

    start: int
    end: int
    surface: str  # as written, with a descriptor that follows it ("Syunik Province")
    query: str  # what was asked of the gazetteer (stem, descriptor in English)
    near: str | None = None
    kind_hint: str | None = None
    resolution: Resolution | None = None
    notes: list[str] = field(default_factory=list)
    #: Used as the district of a list: context, not a place the text claims.
    is_context: bool = False
    short: bool = False
    in_list: bool = False
    sentence_initial: bool = False
    group: list = field(default_factory=list)
    #: Part of an organisation's or a title's name ("Artsakh Defense Army", "Hadrut's former mayor").
    in_name: bool = False

    @property
    def place(self) -> Place | None:
        return self.resolution.place if self.resolution and self.resolution.status == "resolved" else None

    @property
    def confidence(self) -> float:
        if self.place is None:
            return 0.0
        return round(min(1.0, self.resolution.candidates[0].score), 2)


class PlaceFinder:
    """Finds and resolves the places of texts; build one per gazetteer and reuse it."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gaz = gazetteer or Gazetteer()
        self.auto = _automaton(self.gaz)
        self.lex = _lexicon()

    # --- scanning --------------------------------------------------------

    def _scan(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, name as it would be undeclined) of every match, longest first at each place."""
        words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
        if not words:
            return []
        keys = [_key(w) for _, _, w in words]
        hay = " ".join(keys)
        starts: dict[int, int] = {}  # haystack offset -> word index
        ends: dict[int, int] = {}
        pos = 0
        for i, k in enumerate(keys):
            starts[pos] = i
            ends[pos + len(k)] = i
            pos += len(k) + 1
        found = []
        for pi, a, b in self.auto.automaton.find_matches_as_indexes(hay, overlapping=True):
            first = starts.get(a)
            if first is None:
                continue
            pattern = self.auto.patterns[pi]
            last_word = first + pattern.count(" ")
            if last_word >= len(words):
                continue
            ws, we, w = words[last_word]
            if b in ends and ends[b] == last_word and not self.auto.stem_only[pi]:
                name = text[words[first][0]:we]
                found.append((words[first][0], we, name, 0))
                continue
            # The match ends inside the word (or is a stem): accept it only
            # when the rest of the word is a case ending.
            want = pattern.rsplit(" ", 1)[-1]
            head = pattern[: len(pattern) - len(want)]
            stems = [stem for stem in _stems(w) if head + _key(stem) in self.auto.full]
            if stems:
                # The fullest reading: Шушу is Шуша, not a place called Шуш.
                name = text[words[first][0]:ws] + max(stems, key=len)
                found.append((words[first][0], we, name, 1))
        # Longest first; a match inside a longer one is dropped.
        # An undeclined reading before a declined one of the same words.
        found.sort(key=lambda f: (f[0], -(f[1] - f[0]), f[3]))
        out: list[tuple[int, int, str]] = []
        for f in found:
            if out and f[0] < out[-1][1]:
                continue
            out.append(f[:3])
        return out

    # --- filters ---------------------------------------------------------

    def _looks_like_a_person_or_word(self, text: str, start: int, end: int) -> str | None:
        """Why a match is no place (a word, a person's name), or None."""
        surface = text[start:end]
        first = surface[0]
        if first.isalpha() and first.lower() != first.upper() and not first.isupper():
            return "lower case"
        words = _WORD.findall(surface)
        if len(words) == 1 and words[0].casefold() in self.lex["not_places"]:
            return "a common word"
        before = _WORD.findall(text[max(0, start - 40):start])
        gap = text[max(0, start - 3):start]
        if before and before[-1].casefold() in self.lex["before_person"] and "," not in gap and "\n" not in gap:
            return "follows a title or given name"
        after = _WORD.search(text, end)
        if after and after.start() - end <= 1 and text[end:after.start()] in (" ", "") and after.group()[0].isupper():
            # "Gevorg Hambardzumyan": a capitalised word that another
            # capitalised word follows, when that one is a surname.
            word = after.group()
            if word.casefold() not in self.lex["descriptors"] and any(
                    w.casefold().endswith(self.lex["surname"]) for w in (word, *_stems(word))):
                return "a given name"
        return None

    def _descriptor(self, text: str, end: int) -> tuple[int, str | None]:
        """The end of a descriptor word right after a name, and its kind."""
        m = re.compile(r"[ \u00a0]*(?:-ի\s+)?([^\W\d_]+(?:\s+anbarı)?)").match(text, end)
        if m:
            kind = self.lex["descriptors"].get(m.group(1).casefold())
            if kind:
                return m.end(), kind
        return end, None

    # --- finding ---------------------------------------------------------

    def find(self, text: str, *, as_of: str | None = None) -> list[Mention]:
        """Every place the text names, in order, resolved; see the module's docstring."""
        mentions: list[Mention] = []
        for start, end, name in self._scan(text):
            why = self._looks_like_a_person_or_word(text, start, end)
            if why or name.casefold() in self.lex["not_places"]:
                continue
            stop, kind = self._descriptor(text, end)
            if kind == "village" and name != text[start:end]:
                # "Füzulinin kəndləri" are the villages of Füzuli, not a village.
                stop, kind = end, None
            own_word = False
            if kind is None:
                # The gazetteer knows some names with their descriptor ("Füzuli rayonu", "Лачинский район").
                kind = self.lex["descriptors"].get(_WORD.findall(text[start:end])[-1].casefold())
                own_word = kind is not None
                if kind is not None and len(_WORD.findall(name)) == 1:
                    kind, own_word = None, False
            query = name
            if kind in ("district", "province") and not own_word:
                query = f"{name} {kind}"
            surface = text[start:stop]
            mention = Mention(start=start, end=stop, surface=surface, query=query, kind_hint=kind,
                              short=len("".join(_key(w) for w in _WORD.findall(name))) < SHORT_KEY)
            mentions.append(mention)
        mentions = self._unknown_names(text, mentions)
        mentions = self._list_items(text, mentions)
        for m in mentions:
            m.sentence_initial = bool(_SENTENCE_START.search(text, max(0, m.start - 4), m.start)) or m.start == 0
            m.in_name = bool(self._ORG_AFTER.match(text, m.end) or self._ORG_BEFORE.search(text, max(0, m.start - 60), m.start)
                             or self._ACTOR_AFTER.match(text, m.end)
                             or self._ACTOR_BEFORE.search(text, max(0, m.start - 20), m.start))
        mentions = self._merge_parentheses(text, mentions)
        self._shared_descriptors(text, mentions)
        self._lists(text, mentions)
        for m in mentions:
            m.resolution = self.gaz.resolve(m.query, near=m.near, as_of=as_of)
        for m in mentions:
            top = m.resolution.candidates[0] if m.resolution.candidates else None
            if m.notes and "list item" in m.notes[0] and top is not None and top.layer == "fuzzy":
                # A spelling the gazetteer only guesses at: the reviewer gets the guess, not a pin.
                m.notes[0] = f"a list item the gazetteer does not know (it suggests {top.place.name}, {top.place.id})"
                m.resolution = Resolution(query=m.resolution.query, near=m.resolution.near, status="not_found",
                                          candidates=m.resolution.candidates, why="only a fuzzy guess")
        self._use_context(mentions, as_of)
        for m in mentions:
            # "Naxçıvan Muxtar Respublikasının Ordubad rayonu": a larger unit before a unit is no list.
            if m.group and all(g.place is not None and g.place.kind != "settlement" for g in m.group):
                m.is_context = False
        return [m for m in mentions if self._keep(m)]

    _ORG_AFTER = re.compile(
        r"(?:'s|’s|-?ի|-?и|-?ın|-?in|-?un|-?ün|-?nın|-?nin)?\s+(?:Defen[cs]e Army|Human Rights|Ombudsman|president|"
        r"presidential|Rescue Service|State Emergency|authorities|government|leader|former mayor|mayor|governor|"
        r"պաշտպանության|ՊԲ|ՊՆ|մարդու իրավունքների|նախագահ|արտակարգ|կառավարություն|իշխանություն|նախկին քաղաքապետ|"
        r"քաղաքապետ|մարզպետ|ombudsman|омбудсмен|президент|власт|мэр|арми[яи] обороны|"
        r"separatçı|rejim|başçı|icra hakimiyyət)", re.IGNORECASE)
    _ORG_BEFORE = re.compile(
        r"(?:Defender|Ombudsman|President|spokesman|Minister|Ministry|Defen[cs]e|government|authorities|leader|mayor|"
        r"governor)"
        r"\s+of\s+(?:the\s+)?$|(?:омбудсмен[а-я]*|президент[а-я]*|глав[а-я]*|власт[а-я]*)\s+(?:[а-яё]+\s+)?$", re.IGNORECASE)

    #: A place named as an actor: "Baku said", "Yerevan denies", "под контроль Баку".
    _ACTOR_AFTER = re.compile(
        r"(?:'s|’s)?\s+(?:said|says|claimed|claims|denied|denies|announced|reported|accused|insists|insisted|"
        r"заявил|заявляет|сообщил|сообщает|обвинил|обвиняет|утверждает|отрицает|bildirib|bildirir|açıqlayıb|"
        r"iddia|հայտարար|պնդ|հերք)", re.IGNORECASE)
    _ACTOR_BEFORE = re.compile(r"(?:под контроль|под контролем|control of|nəzarətinə)\s+$", re.IGNORECASE)

    _LEAD = re.compile(r"\b(?:village|town|settlement) of\s+|\b(?:сёла|села|село|селе|селу|деревня|деревне|посёлок|"
                       r"поселок|посёлке|поселке)\s+", re.IGNORECASE)
    _CAP = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ſƏА-ЯЁԱ-Ֆ][^\W\d_]+(?:-[^\W\d_]+)?")

    def _unknown_names(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """Names the gazetteer lacks, which a descriptor shows are places ("Xyzabad village")."""
        covered = bytearray(len(text) + 1)  # linear: no scan of the mentions per word
        for m in mentions:
            covered[m.start:m.end] = b"\x01" * (m.end - m.start)
        extra = []

        def free(a: int, b: int) -> bool:
            return not any(covered[a:b])

        for m in self._CAP.finditer(text):
            if m.group().casefold() in self.lex["not_places"] or not free(m.start(), m.end()):
                continue
            stop, kind = self._descriptor(text, m.end())
            lead = self._LEAD.search(text, max(0, m.start() - 12), m.start())
            led = lead is not None and lead.end() == m.start()
            if kind in (None, "landmark") and not led:
                continue
            if self._looks_like_a_person_or_word(text, m.start(), m.end()):
                continue
            query = m.group() + (f" {kind}" if kind in ("district", "province") else "")
            extra.append(Mention(start=m.start(), end=stop, surface=text[m.start():stop], query=query,
                                 kind_hint=kind or "village"))
            covered[m.start():stop] = b"\x01" * (stop - m.start())
        return sorted([*mentions, *extra], key=lambda m: m.start)

    _SEP = re.compile(r"\s*(?:,\s*(?:and|və|ve|и|և|ու)?|\s(?:and|və|ve|и|և|եւ|ու))\s+", re.IGNORECASE)
    _ITEM = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ſƏА-ЯЁԱ-Ֆ][^\W\d_]+(?:[ -][A-ZÀ-ÖØ-ÞĀ-ſƏА-ЯЁԱ-Ֆ][^\W\d_]+){0,2}")

    def _list_items(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """Items of a list that the automaton missed ("Karkhulu, Yukhari Guzdak, Dejal"): between two
        places the gazetteer knows, a capitalised name set off by commas or "and" is a place too; the
        gazetteer is asked for it, spelling variants and all."""
        extra = []
        for a, b in zip(mentions, mentions[1:]):
            gap = text[a.end:b.start]
            if len(gap) > 60 or any(ch in gap for ch in ".;:!?()\n"):
                continue
            first = self._SEP.match(gap)
            if not first:
                continue
            pos = first.end()
            while pos < len(gap):
                item = self._ITEM.match(gap, pos)
                if not item:
                    break
                after = self._SEP.match(gap, item.end())
                tail = gap[item.end():]
                ends_here = after is not None or (b.kind_hint in ("district", "province") and re.fullmatch(
                    r"\s+(?:in|of|in the|of the)\s+", tail))
                if not ends_here:
                    break
                words = _WORD.findall(item.group())
                if not any(w.casefold() in self.lex["not_places"] for w in words):
                    start = a.end + item.start()
                    extra.append(Mention(start=start, end=start + len(item.group()), surface=item.group(),
                                         query=item.group(), kind_hint=None, in_list=True,
                                         notes=["a list item the automaton did not know; the gazetteer's guess"]))
                if after is None:
                    break
                pos = after.end()
        return sorted([*mentions, *extra], key=lambda m: m.start)

    def _merge_parentheses(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """"Sanasar (Gubadli)": one mention, the parenthesis its context."""
        out: list[Mention] = []
        i = 0
        while i < len(mentions):
            m = mentions[i]
            if i + 1 < len(mentions):
                nxt = mentions[i + 1]
                between = text[m.end:nxt.start]
                if between.strip() == "(" and text[nxt.end:nxt.end + 1] == ")":
                    out.append(Mention(start=m.start, end=nxt.end + 1, surface=text[m.start:nxt.end + 1],
                                       query=f"{m.query} ({nxt.query})", kind_hint=m.kind_hint))
                    i += 2
                    continue
            out.append(m)
            i += 1
        return out

    _PLURAL_UNITS = re.compile(r"(?:districts|regions|provinces|районов|районах|районы|rayonları|rayonlarının|"
                               r"rayonlarında|շրջանները|շրջանների|շրջաններում|marzes|մարզերը|մարզերի)$", re.IGNORECASE)

    def _shared_descriptors(self, text: str, mentions: list[Mention]) -> None:
        """"Fizuli and Jabrayil districts": the plural word names both units."""
        for i in range(len(mentions) - 1, 0, -1):
            last = mentions[i]
            if last.kind_hint not in ("district", "province") or not self._PLURAL_UNITS.search(last.surface):
                continue
            j = i - 1
            while j >= 0 and self._is_list_gap(text[mentions[j].end:mentions[j + 1].start]) \
                    and mentions[j].kind_hint is None:
                mentions[j].kind_hint = last.kind_hint
                mentions[j].query = f"{mentions[j].query} {last.kind_hint}"
                j -= 1

    def _is_list_gap(self, gap: str) -> bool:
        gap = gap.strip().casefold()
        if not gap:
            return False
        for word in self.lex["list_words"]:
            gap = gap.replace(word, " ")
        return not gap.strip(" ,")

    def _is_unit_gap(self, gap: str) -> bool:
        words = _WORD.findall(gap.casefold())
        if re.search(r"[.;:!?()]", gap):
            return False
        return all(w in self.lex["between"] or self.lex["descriptors"].get(w) == "village" for w in words)

    def _lists(self, text: str, mentions: list[Mention]) -> None:
        """Give each item of a list the district or province named with it."""
        for i, unit in enumerate(mentions):
            if unit.kind_hint not in ("district", "province"):
                continue
            group: list[Mention] = []
            # Items before the unit: "A, B and C (villages) of D district", "сёла A, B и C D-ского района".
            j = i - 1
            if j >= 0 and self._is_unit_gap(text[mentions[j].end:unit.start]):
                group.append(mentions[j])
                while j > 0 and self._is_list_gap(text[mentions[j - 1].end:mentions[j].start]):
                    j -= 1
                    group.append(mentions[j])
            # Items after a genitive unit: "D rayonunun A, B və C kəndləri", "D-ի շրջանի A, B և C գյուղերը".
            tail = unit.surface.casefold()
            if tail.endswith(("rayonunun", "շրջանի", "մարզի", "district's", "region's")):
                j = i + 1
                if j < len(mentions) and self._is_unit_gap(text[unit.end:mentions[j].start]):
                    group.append(mentions[j])
                    while j + 1 < len(mentions) and self._is_list_gap(text[mentions[j].end:mentions[j + 1].start]):
                        j += 1
                        group.append(mentions[j])
            # "In D district the troops freed A, B and C": the unit leads, a few words before the list.
            if not group and re.search(r"(?:\bin|\bв|\bво)\s+$", text[max(0, unit.start - 4):unit.start], re.IGNORECASE):
                j = i + 1
                if j < len(mentions) and mentions[j].start - unit.end <= 40 and not re.search(
                        r"[.;:!?]", text[unit.end:mentions[j].start]):
                    group.append(mentions[j])
                    while j + 1 < len(mentions) and self._is_list_gap(text[mentions[j].end:mentions[j + 1].start]):
                        j += 1
                        group.append(mentions[j])
            for item in group:
                if item.near is None and item.kind_hint not in ("district", "province"):
                    item.near = unit.query
            if group:
                unit.is_context = True
                unit.group = group
        for a, b in zip(mentions, mentions[1:]):
            if self._is_list_gap(text[a.end:b.start]):
                a.in_list = b.in_list = True

    def _use_context(self, mentions: list[Mention], as_of: str | None) -> None:
        """An ambiguous name means the candidate most of the text's other places lie near."""
        all_settled = [(i, m.place) for i, m in enumerate(mentions)
                       if m.place is not None and m.place.kind not in ("country", "region")]
        settled_at = [i for i, _ in all_settled]
        regions = list({m.place.id: m.place for m in mentions
                        if m.place is not None and m.place.kind in ("country", "region")}.values())
        for index, m in enumerate(mentions):
            if m.resolution.status != "ambiguous":
                continue
            cands = m.resolution.candidates
            if len(cands) >= 2 and all(c.place.kind in ("district", "province") for c in cands[:2]) \
                    and km(cands[0].place, cands[1].place) <= 25:
                # Şuşa district and Shushi Province: one area under two divisions.
                m.resolution = Resolution(query=m.resolution.query, near=m.resolution.near, status="resolved",
                                          candidates=cands, why="a district and a province of one name and area")
                m.notes.append(f"also {cands[1].place.name} ({cands[1].place.id}), the same area")
                continue
            # The places named nearest in the text: a long text costs no more per name than a short one.
            k = bisect.bisect_left(settled_at, index)
            settled = [p for _, p in all_settled[max(0, k - CONTEXT_PLACES // 2):k + CONTEXT_PLACES // 2]]
            if not settled and not regions:
                continue
            support = []
            for cand in cands:
                near = sum(1 for p in settled if p.id != cand.place.id and (
                    p.id in cand.place.parents or cand.place.id in p.parents
                    or set(p.parents[:1]) & set(cand.place.parents[:1]) or km(p, cand.place) <= 40))
                near += sum(1 for p in regions if p.id in cand.place.parents)
                # A bare name is the town rather than the unit named after it; then the closer one.
                wrong_kind = (cand.place.kind == "settlement") == (m.kind_hint in ("district", "province"))
                mean_km = sum(km(p, cand.place) for p in settled) / len(settled) if settled else 0.0
                support.append(((-near, wrong_kind, round(mean_km / 10)), cand))
            support.sort(key=lambda sc: sc[0])
            if support[0][0][0] < 0 and (len(support) == 1 or support[0][0] < support[1][0]):
                best = support[0][1]
                m.resolution = Resolution(query=m.resolution.query, near=m.resolution.near, status="resolved",
                                          candidates=(best, *(c for _, c in support[1:])),
                                          why=f"ambiguous; {best.place.name} is where the text's other places lie")
                m.notes.append(f"chosen beside the text's other places ({-support[0][0][0]} nearby)")

    def _keep(self, m: Mention) -> bool:
        """Whether a match is worth a reviewer's row."""
        res = m.resolution
        if m.short and not (m.in_list or m.near or m.kind_hint or (m.place and notability(m.place)[0] > 0.03)):
            return False
        if m.in_name:
            return False
        if m.sentence_initial and not (m.in_list or m.near or m.kind_hint) and len(_WORD.findall(m.surface)) == 1 \
                and not (m.place is not None and notability(m.place)[0] > 0):
            return False  # "Last night", "Heavy strikes": a capital only because a sentence starts there
        if res.status == "not_found":
            return m.kind_hint is not None or bool(m.notes and "list item" in m.notes[0])
        if res.status == "ambiguous":
            return any(self._plausible(c.place, c.layer) for c in res.candidates)
        place = m.place
        if place.kind == "country":
            return False  # "Armenia", "Azerbaijan" are the parties, not places of events
        top = res.candidates[0]
        if not self._plausible(place, top.layer):
            return False
        if script_of(top.matched) != script_of(m.surface) and not self._plausible(place, "phonetic"):
            return False  # "Last" is Լաստ only through a transliteration, and far from the war
        words = _WORD.findall(m.surface)
        if words[-1].casefold().endswith(self.lex["surname"]) and not notability(place)[0] \
                and m.kind_hint is None and not m.in_list and not m.near:
            return False
        return True

    def _plausible(self, place: Place, layer: str) -> bool:
        if layer in ("exact", "normalised", "inflected"):
            return True
        return self.gaz.in_area(place) or notability(place)[0] > 0.03


def find_places(text: str, *, gazetteer: Gazetteer | None = None, as_of: str | None = None) -> list[Mention]:
    """The places a text names; see ``PlaceFinder``."""
    return PlaceFinder(gazetteer).find(text, as_of=as_of)

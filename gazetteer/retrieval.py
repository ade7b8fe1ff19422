"""Finding the places a name may mean: candidate retrieval, before any ranking.

Layers, from strict to loose: **exact** (case-folded), **normalised** (any
script to ASCII) and **phonetic** (the romanization-folding skeleton) looked up
together; only when they find nothing, a declined form's **inflected** stems;
only when those find nothing, **fuzzy** (rapidfuzz on the skeletons, through a
piece index (fuzzyindex.py), so that a query scores a short list, not a fifth of all keys).

A retrieval is ``{place index: (layer score, name index, layer)}``, the best
layer per place. What the candidates are worth is decision.py's business.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cached_property
from typing import Any

from rapidfuzz import fuzz, process

from .fuzzyindex import PieceIndex
from .normalize import (armenian_gh_readings, armenian_kh_readings, exact_key, foreign_readings, has_arabic,
                        inflection_stems, name_pair, norm_key, script_of, short_stems, skeleton, skeleton_of_norm)
from .parsing import ParsedName, armenian_name_parts, russian_name_parts

log = logging.getLogger("gazetteer.core")  # the name users configure for fuzzy-guess logging

__all__ = ["LAYER_SCORES", "CROSS_SCRIPT_SCORE", "Retriever", "Found"]

#: Place index -> (layer score, name index, layer).
Found = dict[int, tuple[float, int, str]]

# Layers close together: a phonetic match in the conflict zone must be able to
# tie with a normalised one elsewhere (and so be reported as ambiguous).
LAYER_SCORES = {"exact": 1.0, "normalised": 0.99, "phonetic": 0.92, "inflected": 0.9}
#: A normalised match across scripts (Сисиан ~ Sisian) went through a lossy
#: transliteration; within one script it only lost diacritics (Lacin ~ Laçın).
CROSS_SCRIPT_SCORE = 0.97
#: A sound-alike of a declined Armenian name whose stem is a place's own name:
#: below the inflected layer by the decision's margin (decision.MARGIN), so that
#: of two places equal in all else the one named by the stem is chosen.
DECLINED_SOUND_ALIKE = 0.85
#: A sound-alike of a Russian case form whose stem is a place's own Russian
#: name ("Берда", Берд's genitive, sounds like Bərdə): below the declined
#: sound-alike by a notable place's bonus (ranking.NOTABLE_BONUS), so that a
#: larger town that only sounds like the text does not win on its size.
RUSSIAN_SOUND_ALIKE = DECLINED_SOUND_ALIKE - 0.1
#: Fuzzy candidates kept per query (distinct keys).
FUZZY_KEYS = 8


#: The kind hints of a unit's word ("district", "province", or "area": either).
_UNIT_HINTS = frozenset({"district", "province", "area"})


def fuzzy_cutoff(length: int) -> float:
    """Similarity (0-100) a fuzzy match needs: short names need to be closer."""
    if length <= 4:
        return 101.0  # never: too many short names differ by one letter
    if length <= 6:
        return 83.0
    if length <= 9:
        return 78.0
    return 74.0


def fuzzy_score(similarity: float, cutoff: float) -> float:
    """Layer score of a fuzzy match: 0.62 at the cutoff, 0.82 for identical keys."""
    return 0.62 + 0.2 * (similarity - cutoff) / (100.0 - cutoff)


def _pairs(hits: Sequence[int]) -> Iterator[tuple[int, int]]:
    """(place index, name index) from a compiled index entry: [place, name, place, name...]."""
    it = iter(hits)
    return zip(it, it)


def _merge(found: Found, hits: Found, cap: float | None = None) -> None:
    """Add ``hits`` to ``found``, the best layer per place (capped ones count as "inflected")."""
    for pi, (score, ni, layer) in hits.items():
        if cap is not None:
            score, layer = min(score, cap), "inflected"
        if pi not in found or found[pi][0] < score:
            found[pi] = (score, ni, layer)


class Retriever:
    """Candidate places for a name, from the compiled name keys."""

    def __init__(self, records: list[dict[str, Any]], norm: dict[str, list[int]],
                 skel: dict[str, list[int]], pieces: dict[str, dict[str, str]] | None = None) -> None:
        self._records = records
        self._norm = norm
        self._skel = skel
        self._stored_pieces = pieces

    # --- the strict layers ----------------------------------------------

    def matches(self, text: str, *, fuzzy: bool = False, phonetic: bool = True) -> Found:
        """Places with a name matching ``text``, best layer per place; with
        ``fuzzy``, the fuzzy layer's guesses when the strict layers find nothing
        (asked by a search, never by a reading of a name: a stem or a phrase's
        part that matches nothing is no reading)."""
        found: Found = {}
        # An exact match is a normalised match whose text is the same once
        # case-folded: checking the few normalised hits spares an index.
        norm = norm_key(text)
        norm_hits = self._norm.get(norm)
        if norm_hits:
            # The text's own keys only when a stored name is not written as it is.
            wanted = script = None
            records = self._records
            exact, normalised = LAYER_SCORES["exact"], LAYER_SCORES["normalised"]
            for pi, ni in _pairs(norm_hits):
                stored = records[pi]["names"][ni]["text"]
                # A name stored as written is exact without keying it (half the hits).
                if stored == text:
                    hit = (exact, ni, "exact")
                elif exact_key(stored) == (wanted or (wanted := exact_key(text))):
                    hit = (exact, ni, "exact")
                elif script_of(stored) == (script or (script := script_of(text))):
                    hit = (normalised, ni, "normalised")
                else:
                    hit = (CROSS_SCRIPT_SCORE, ni, "normalised")
                # The best layer per place; of equals, the first name.
                if pi not in found or found[pi][0] < hit[0]:
                    found[pi] = hit
        if not phonetic:
            return found
        skel = skeleton_of_norm(norm)
        phonetic_score = LAYER_SCORES["phonetic"]
        for pi, ni in _pairs(self._skel.get(skel, ())):
            if pi not in found or found[pi][0] < phonetic_score:
                found[pi] = (phonetic_score, ni, "phonetic")
        if found or not fuzzy:
            return found
        return self._fuzzy(text, skel)

    def _fuzzy(self, text: str, skel: str) -> Found:
        found: Found = {}
        logged = log.isEnabledFor(logging.INFO)  # asked once, not for each key
        for key, similarity, cutoff in self.fuzzy_keys(skel):
            score = fuzzy_score(similarity, cutoff)
            for pi, ni in _pairs(self._skel[key]):
                if pi not in found or found[pi][0] < score:
                    found[pi] = (score, ni, "fuzzy")
            if logged:
                log.info("fuzzy guess: %r ~ %r (similarity %.0f)", text, key, similarity)
        return found

    def find(self, parsed: ParsedName, *, fuzzy: bool = True) -> Found:
        """Matches for a parsed name, reading after reading until one finds a
        place: the name and its other readings as written (and, if they only
        sound like names, the stem a declined form spells); its uninflected
        stems ("Հադրութում" is "in Hadrut"); its name inside a sentence's
        phrase; two names of one place joined; another press's orthography;
        then fuzzy guesses."""
        # Most names have no other reading: their matches are the retrieval as they are.
        found = self.matches(parsed.name)
        for text in parsed.alternatives:
            _merge(found, self.matches(text))
        found = self._declined(parsed, found) if found else self._by_stems(parsed)
        for reading in (self._armenian_phrase, self._russian_phrase, self._joined_pair, self._orthography):
            if found:
                break
            found = reading(parsed)
        kh = "kh" in parsed.name or "Kh" in parsed.name
        if kh:
            _merge(found, self._armenian_gh(parsed))
        if found and parsed.kind_hint in _UNIT_HINTS and has_arabic(parsed.name):
            _merge(found, self._unit_of_its_seat(found, parsed.kind_hint))
        if not found and fuzzy and not self._two_places(parsed):
            # The strict layers found nothing for the name: straight to its spelling.
            found = self._fuzzy(parsed.name, skeleton(parsed.name))
            if not found and kh:
                found = self._armenian_kh_heard(parsed)
        return found

    def _unit_of_its_seat(self, found: Found, hint: str) -> Found:
        """The units a found town is the seat of, named as it is in Latin script: the
        Persian and Arabic press name a rayon by its seat's name ("محافظة أغدام",
        "شهرستان آقدام", "ضلع اغدام"), which the data holds for the town alone. Each at
        the town's score, so a unit matched by its own name keeps its place."""
        records = self._records
        units: Found = {}
        # A rayon is named for its seat; a province only where the text says province
        # ("منطقة شوشا" is the Shusha rayon, not Artsakh's Shushi province around it).
        kinds = ("province",) if hint == "province" else ("district",)
        for pi, (score, _, _) in list(found.items()):
            town = records[pi]
            if town["kind"] != "settlement":
                continue
            parents = set(town["parents"])
            for name in town["names"]:
                if script_of(name["text"]) != "Latn":
                    continue
                for upi, (_, ni, layer) in self.matches(name["text"], phonetic=False).items():
                    unit = records[upi]
                    if unit["kind"] in kinds and unit["id"] in parents and upi not in found:
                        units[upi] = (score, ni, layer)
        return units

    def _two_places(self, parsed: ParsedName) -> bool:
        """Whether the name joins two places' names by a hyphen or a dash ("Goris-Kapan",
        "Горис–Капан": a road or a route between them), each found as written: no
        spelling like the whole is either ("Goris-Kapan" is not Göyşaban)."""
        pair = name_pair(parsed.name)
        return pair is not None and all(self.matches(part, phonetic=False) for part in pair)

    def _by_stems(self, parsed: ParsedName) -> Found:
        """A name found nowhere as written: the places its stems name, at the inflected layer at best."""
        stems: Found = {}
        for stem in inflection_stems(parsed.name):
            _merge(stems, self.matches(stem))
        if script_of(parsed.name) in ("Armn", "Cyrl") and any(layer != "phonetic" for _, _, layer in stems.values()):
            # A declined Armenian name whose stem is a place's own name ("Կիչանի",
            # Kichan's): the villages that only sound like the stem (Gican) fall
            # below it. A unit keeps its sound-alike: "Մարտունու" is Martuni's,
            # the district's and the province's alike. Russian the same:
            # "Артаниша" is Artanish's, not Ardenis's (which only sounds like it).
            # An Armenian stem that is a place's own Armenian name ("Լուսավանում",
            # Lusavan's) does the same to a place whose Latin name only
            # transliterates alike (Charentsavan, once "Lusavan"), however large.
            own = script_of(parsed.name) == "Armn" and any(self._armenian_name(pi, hit) for pi, hit in stems.items())
            stems = {pi: (DECLINED_SOUND_ALIKE, ni, layer)
                     if self._records[pi].get("kind") == "settlement" and (
                         layer == "phonetic" or (own and not self._armenian_name(pi, (0, ni))))
                     else (score, ni, layer) for pi, (score, ni, layer) in stems.items()}
        found: Found = {}
        _merge(found, stems, cap=LAYER_SCORES["inflected"])
        for stem in short_stems(parsed.name) if not found else ():
            # An Armenian three-letter stem as written only: "Շոշում" is Shosh's,
            # not Sus's, whose three letters sound alike.
            _merge(found, self.matches(stem, phonetic=script_of(stem) != "Armn"), cap=LAYER_SCORES["inflected"])
        return found

    def _declined(self, parsed: ParsedName, found: Found) -> Found:
        """A name found as written that is a declined form all the same: the
        place its stem names joins (or outranks) the places it only sounds like,
        and a unit's genitive that a hamlet bears as its name brings the unit."""
        if parsed.name.endswith("ի") and any(hit[2] == "normalised" and self._georgian_name(pi, hit)
                                             for pi, hit in found.items()):
            # Georgian's nominative ends in -ი as Armenian's genitive ends in -ի:
            # "Ծաղկաշատի" (Tsaghkashat's) spells the Georgian name of Lori's
            # Tsaghkashat. The places the stem names in Armenian stand level with
            # it, so that the genitive is read as its nominative is, not by which
            # namesake has a Georgian name.
            _merge(found, {pi: (CROSS_SCRIPT_SCORE, ni, "normalised")
                           for pi, (_, ni, _) in self._as_written(inflection_stems(parsed.name),
                                                                   self._armenian_name).items()})
        if script_of(parsed.name) == "Armn" and all(layer == "phonetic" for _, _, layer in found.values()):
            # A declined Armenian name that only sounds like other names ("Կութի",
            # Kut's, sounds like Koti): a stem written as a place's own Armenian
            # name is the better reading, and the sound-alikes fall below it.
            stems = {pi: hit for stem in (*inflection_stems(parsed.name), *short_stems(parsed.name))
                     for pi, hit in self.matches(stem, phonetic=False).items() if self._armenian_name(pi, hit)}
            if stems:
                found = {pi: (DECLINED_SOUND_ALIKE, ni, layer) for pi, (_, ni, layer) in found.items()}
                if any(len(stem) == 3 for stem in short_stems(parsed.name)):
                    # A three-letter stem ("Շոշի", Shosh's) sounds like far more than it
                    # spells: Շուշի (Shushi), whose notability outweighs any margin.
                    # Spelled as a place's own Armenian name, the stem is the reading;
                    # its sound-alikes, in any letters, are dropped ("Սոսի" is Sos's, not
                    # Shushi province's, which the area prior would tie with it).
                    found = {}
                _merge(found, stems, cap=LAYER_SCORES["inflected"])
            return found
        if all(layer == "phonetic" or (score == CROSS_SCRIPT_SCORE and script_of(parsed.name) == "Cyrl"
                                       and parsed.kind_hint in (None, "settlement"))
               for score, _, layer in found.values()) and (declined := inflection_stems(parsed.name)):
            # (A Latin spelling shared is set against the stems only when the text
            # names a place, not a unit: "Нахичевани район" says what it is.)
            # In other scripts, a declined form that only sounds like a name ("Тертере",
            # "in Tartar", is a sound-alike of Dardərə): the name its stem spells as
            # written is a candidate too, and the scores decide. (Two rounds met this
            # at once; Armenian's branch above demotes the sound-alikes instead.)
            stems = self._as_written(declined)
            if script_of(parsed.name) == "Cyrl" and self._russian_named(stems):
                # A Russian case form whose stem is a place's own Russian name ("Берда",
                # "в Берде": Берд's genitive and locative) above the places it only
                # sounds like or shares a Latin spelling with (Bərdə, also "Berde").
                # A place the stem names too keeps its own match ("Нахичевани" is the
                # city's Georgian name transliterated and Нахичевань's locative).
                found = {pi: hit if pi in stems else (RUSSIAN_SOUND_ALIKE, hit[1], hit[2])
                         for pi, hit in found.items()}
            elif any(layer != "phonetic" for _, _, layer in found.values()):
                stems = {}  # a Latin spelling shared, and no Russian name to set against it
            _merge(found, stems)
            return found
        if parsed.name.endswith("ի") and all(self._records[pi].get("kind") == "settlement" for pi in found):
            # An Armenian genitive ("Սյունիքի", Syunik's) that a hamlet also
            # bears as its name: the unit it declines is a candidate too.
            _merge(found, self._as_written(inflection_stems(parsed.name),
                                           lambda pi, _: self._records[pi].get("kind") in ("province", "district")))
        return found

    def _armenian_phrase(self, parsed: ParsedName) -> Found:
        """An Armenian phrase with the sentence's words still on it ("Աղավնոյի
        դպրոցի", "Արցախի Փառուխ"): its capitalised name, as written or declined."""
        found: Found = {}
        if parsed.kind_hint not in (None, "settlement"):
            return found
        for part in armenian_name_parts(parsed.name):
            found = self._as_written((part, *inflection_stems(part)), self._armenian_name)
            if found:
                break
        return found

    def _russian_phrase(self, parsed: ParsedName) -> Found:
        """A Russian phrase with the sentence's words still on it ("после сдачи
        Карвачара", "Жители Тертера"): its capitalised name, as written or declined."""
        found: Found = {}
        if parsed.kind_hint in (None, "settlement"):
            for part in russian_name_parts(parsed.name):
                _merge(found, self.find(ParsedName(part, part), fuzzy=False))
        return found

    def _joined_pair(self, parsed: ParsedName) -> Found:
        """Two names of one place joined by a hyphen ("Бердзора-Лачина",
        Berdzor-Lachin's genitive): the places both parts name. Two places'
        names joined (a road "Степанакерт-Горис") share none."""
        found: Found = {}
        shared: Found | None = None
        for part in name_pair(parsed.name) or ():
            hits = self.matches(part)
            for stem in () if hits else inflection_stems(part):
                _merge(hits, self.matches(stem), cap=LAYER_SCORES["inflected"])
            shared = hits if shared is None else {pi: min(hit, shared[pi]) for pi, hit in hits.items()
                                                 if pi in shared}
        _merge(found, shared or {}, cap=LAYER_SCORES["inflected"])
        return found

    def _orthography(self, parsed: ParsedName) -> Found:
        """Another press's orthography, read as it would be ("Hocalı" is Xocalı).
        The other readings too: "Гёрусского района" is read by its stem's, "Горус rayonu"."""
        found: Found = {}
        for reading in dict.fromkeys(r for text in (parsed.name, *parsed.alternatives)
                                     for r in foreign_readings(text)):
            _merge(found, self.matches(reading), cap=LAYER_SCORES["inflected"])
        return found

    def _armenian_gh(self, parsed: ParsedName) -> Found:
        """A "kh" that stands for Armenian ղ, as Russian-route romanizations write it
        ("Tsakhkashat" for Ծաղկաշատ): the places whose Armenian name the "gh"
        spelling writes, at the cross-script layer (a lossy transliteration), so
        that a namesake holding the "kh" spelling as a variant of its own (the
        Tsaghkashat of Lori) does not win on that alone."""
        found: Found = {}
        for reading in armenian_gh_readings(parsed.name):
            hits = {pi: (min(score, CROSS_SCRIPT_SCORE), ni, "normalised")
                    for pi, (score, ni, _) in self.matches(reading, phonetic=False).items()
                    if self._records[pi]["names"][ni]["lang"].startswith("hye")}
            _merge(found, hits)
        return found

    def _armenian_kh_heard(self, parsed: ParsedName) -> Found:
        """The last resort for a name with "kh" that nothing matched, not even by its
        spelling: the Russian route writes Armenian հ as х too, so a "kh" may stand
        for "h" as well as "gh" ("Eghtsakhokh", Եղցահող by way of Егцахох, has both:
        "Eghtsahogh"). Such a reading counts only as a sound-alike."""
        found: Found = {}
        for reading in armenian_kh_readings(parsed.name):
            hits = {pi: (min(score, LAYER_SCORES["phonetic"]), ni, "phonetic")
                    for pi, (score, ni, _) in self.matches(reading).items()}
            _merge(found, hits)
        return found

    def _as_written(self, texts: Iterable[str], keep: Callable[[int, tuple], bool] | None = None) -> Found:
        """Places the texts (a name's stems, a phrase's parts) name as written, no
        sound-alikes, at the inflected layer at best; only those ``keep(place
        index, hit)`` accepts, if given."""
        found: Found = {}
        for text in texts:
            hits = self.matches(text, phonetic=False)
            if keep is not None:
                hits = {pi: hit for pi, hit in hits.items() if keep(pi, hit)}
            _merge(found, hits, cap=LAYER_SCORES["inflected"])
        return found

    def _armenian_name(self, pi: int, hit: tuple) -> bool:
        """Whether a hit matched an Armenian name (a genitive's -ի reads as Georgian's -ი too)."""
        return script_of(self._records[pi]["names"][hit[1]]["text"]) == "Armn"

    def _georgian_name(self, pi: int, hit: tuple) -> bool:
        """Whether a hit matched a Georgian name (its first letter in the Georgian block)."""
        return "\u10a0" <= self._records[pi]["names"][hit[1]]["text"][0] <= "\u10ff"

    def _russian_named(self, found: Found) -> bool:
        """Whether a place of ``found`` matched by a Russian (Cyrillic) name of its own."""
        return any(script_of(self._records[pi]["names"][ni]["text"]) == "Cyrl" for pi, (_, ni, _) in found.items())

    def spelled_alike(self, parsed: ParsedName) -> Found:
        """Fuzzy matches for a name even when strict layers found some: asked
        only when the context rules out every strict match ("Tsakhkashat" near
        Askeran is Tsaghkashat there, not the Tsakhkashat of Armenia)."""
        found: Found = {}
        for key, similarity, cutoff in self.fuzzy_keys(skeleton(parsed.name)):
            for pi, ni in _pairs(self._skel[key]):
                score = fuzzy_score(similarity, cutoff)
                if pi not in found or found[pi][0] < score:
                    found[pi] = (score, ni, "fuzzy")
        return found

    # --- fuzzy ------------------------------------------------------------

    def fuzzy_keys(self, skel: str) -> list[tuple[str, float, float]]:
        """Up to FUZZY_KEYS skeleton keys close to ``skel``: (key, similarity, cutoff).

        The piece index (fuzzyindex.py) proposes a short list: keys sharing an
        aligned half with the query (any spelling one edit away keeps one half
        intact), then, when none of those is close enough, keys sharing an
        aligned third (two edits away). rapidfuzz scores only that list.
        """
        cutoff = fuzzy_cutoff(len(skel))
        if cutoff > 100:
            return []
        return [(key, similarity, cutoff) for key, similarity in self._pieces.close(skel, cutoff, limit=FUZZY_KEYS)]

    def similar(self, text: str, *, limit: int, cutoff: float = 60) -> Found:
        """Places with names like ``text``, for browsing (search): a low cutoff, every key scored."""
        found: Found = {}
        for key, similarity, _ in process.extract(skeleton(text), self._skel_keys, scorer=fuzz.ratio,
                                                  score_cutoff=cutoff, limit=limit):
            for pi, ni in _pairs(self._skel[key]):
                found.setdefault(pi, (0.5 * similarity / 100.0, ni, "fuzzy"))
        return found

    @cached_property
    def _skel_keys(self) -> list[str]:
        return list(self._skel)

    @cached_property
    def _pieces(self) -> PieceIndex:
        return PieceIndex(self._skel, self._stored_pieces)

"""Scoring a name's candidate places: the evidence for and against each.

A candidate starts from how its name matched (``retrieval.LAYER_SCORES``) and
gains or loses for the name's type, its validity on the source's date, the
kind the text names, the context, the area of interest and how notable the
place is. Scores are sums of evidence, not probabilities, and can exceed 1.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable

from .model import Candidate, Name, Place
from .normalize import exact_key, name_base, qualifiers, script_of
from .parsing import ParsedName

__all__ = ["ADMIN_KINDS", "CONTEXT_CREDIT", "score_place", "town_before_its_unit", "town_before_namesakes",
           "full_before_partial", "km",
           "notability", "is_town", "own_qualifiers", "own_pairs", "read_own",
           "is_partial", "spelled_alike", "lettered_apart", "known_town", "names_of_its_own"]

ADMIN_KINDS = {"district", "province", "region", "country"}
NAME_TYPE_BONUS = {"curated": 0.03, "preferred": 0.0, "variant": -0.02, "historical": -0.03}
AS_OF_PENALTY = 0.1
#: What the context says of a candidate (decision.py judges the fit): inside
#: the unit named, or near the place named, at the edge of the unit (its
#: simplified outline misses it by a little), or outside it.
CONTEXT_CREDIT = {"inside": 0.15, "near": 0.15, "edge": 0.05, "outside": -0.15}
AREA_BONUS = 0.05
SEAT_PENALTY = 0.15
HAMLET_PENALTY = 0.05
#: A name that only shares part of the place's name: "Mahmudlu" for Üçüncü
#: Mahmudlu, "Verin Shorzha" for Nerkin Shorzha. The qualifier is part of the name.
PARTIAL_PENALTY = 0.12
#: "Zəngilan kəndi" (village) for a town, "город X" for a village: more than
#: NOTABLE_BONUS, since the text's own word outranks the press prior ("Kənd
#: Horadiz" is the village, though the town is the one the press names).
SIZE_PENALTY = 0.15
#: A township (a qəsəbə, посёлок, ավան: ``new.type: township`` in the curated
#: folder) is named with its word ("Bartaz qəsəbəsi", "поселок Бартаз", Turkish
#: "Bartaz kasabası"), and the word picks it over a village of its name; the
#: lists name the village bare, so a bare name means the village. WOF does not
#: say which villages are townships: only a place known to be one is judged so.
TOWNSHIP_BONUS = SIZE_PENALTY
TOWNSHIP_BARE_PENALTY = 0.1
#: A settlement this size is taken for the seat of a unit of its name; a
#: smaller one is a village that shares the unit's name.
SEAT_POPULATION = 5000
#: A village of no note loses this much to a town of its name (SEAT_POPULATION
#: people) when the context fits the town as well: "Sheki"
#: is the city of 62,000, not the Şəki village of Yevlax that the area of
#: interest favours; "Shamakhi" the city, not a Syunik hamlet filed so.
NAMESAKE_PENALTY = 0.1
#: Places in the curated files are the ones the conflict's press names; a
#: bare name means the one readers know, not an obscure namesake.
NOTABLE_BONUS = 0.1
#: A town named in this many ways is a known town, not a hamlet.
NOTABLE_NAMES = 10
#: What NOTABLE_NAMES names are worth, and the reason given for it.
NAMES_BONUS = 0.03
NAMES_REASON = "known by {} names"
NEAR_KM = 30.0
#: The languages whose preferred names say what a place is called.
_MAIN_LANGS = {"aze", "hye", "rus", "eng"}
_OWN_LANGS = {"AZ": {"aze"}, "AM": {"hye"}}


def km(a: Place, b: Place) -> float:
    """Distance in km between two places (``km_between``)."""
    return km_between(a.lat, a.lon, b.lat, b.lon)


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance in km, equirectangular: exact enough within a region (the
    reverse look-up, which reports distances, uses the haversine)."""
    dlat = math.radians(lat2 - lat1)
    dlon = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(dlat, dlon)


def is_town(place: Place) -> bool:
    """A town rather than a village: SEAT_POPULATION people, or a city rank."""
    return (place.population or 0) >= SEAT_POPULATION or place.raw.get("unit") == "city"


def notability(place: Place, name: Name | None = None) -> tuple[float, str]:
    """How well known a place is, as a bonus and its reason: the strongest sign
    counts. With ``name`` (the name that matched), a place the press names by
    some names only (``notable_as``) is press-named by those alone."""
    population = place.population or 0
    if _press_named(place) and (
            name is None or "notable_as" not in place.raw or name.text in place.raw["notable_as"]):
        return NOTABLE_BONUS, "named in the conflict's press (curated)"
    # The reason is read by people: a province of 134,061 is no "town".
    if population >= SEAT_POPULATION:
        return NOTABLE_BONUS, (f"a town of {population:,}" if place.kind == "settlement"
                               else f"a {place.kind} of {population:,} people")
    if population >= 1000:
        return 0.04, (f"a village of {population:,}" if place.kind == "settlement"
                      else f"a {place.kind} of {population:,} people")
    if place.name_count >= NOTABLE_NAMES:
        return NAMES_BONUS, NAMES_REASON.format(place.name_count)
    return 0.0, ""


def _size_fit(place: Place, hint: str | None, why: list[str]) -> float:
    """What the text's word for a settlement's size (or its lack) says of this one."""
    size = "town" if is_town(place) else "township" if place.raw.get("type") == "township" else "village"
    if hint is None:
        if size != "township":
            return 0.0
        why.append("a township, and the text names none")
        return -TOWNSHIP_BARE_PENALTY
    if hint == "township":
        if size != "township":
            return 0.0
        why.append("a township, as the text says")
        return TOWNSHIP_BONUS
    # A township is a small town: the Turkish press's "kasaba", English "town".
    if size == hint or (hint == "town" and size == "township"):
        return 0.0
    why.append(f"a {size}, and the text says {hint}")
    return -SIZE_PENALTY


def own_qualifiers(place: Place) -> frozenset[tuple[str, frozenset[str]]]:
    """The place's own names as (base, qualifiers): ("sirik", {"lower"}) for
    Aşağı Sirik. Own names are the display name and the preferred names in
    the country's own language: sources in other languages (GeoNames'
    Russian "Сирик" for Aşağı Sirik) often drop the qualifier."""
    return frozenset(own_pairs(place.name, place.country,
                               ((n.text, n.lang, n.type, n.translit) for n in place.names)))


def own_pairs(display: str, country: str | None,
              names: Iterable[tuple[str, str, str, bool]]) -> list[tuple[str, frozenset[str]]]:
    """``own_qualifiers`` from a place's display name, country and names as
    (text, lang, type, translit), in order: what the importer stores with
    each place, so that a look-up does not normalise the names of every
    candidate it meets."""
    langs = _OWN_LANGS.get(country or "", _MAIN_LANGS)
    own = [display, *(text for text, lang, kind, translit in names
                      if kind in ("preferred", "curated") and lang in langs and not translit)]
    return [(name_base(text), qualifiers(text)) for text in own]


def read_own(stored: str) -> frozenset[tuple[str, frozenset[str]]]:
    """``own_qualifiers`` from the importer's string ("sirik:lower sirikkend")."""
    out = []
    for pair in stored.split(" "):
        base, _, quals = pair.partition(":")
        out.append((base, frozenset(quals.split(",")) if quals else frozenset()))
    return frozenset(out)


def is_partial(parsed: ParsedName, own: frozenset[tuple[str, frozenset[str]]]) -> bool:
    """Whether the name given leaves out (or adds) a qualifier of the place's
    own name of the same base: "Sirik" for Aşağı Sirik. A place whose own
    names have another base (Kirov, called Hin Shen in Armenian) says nothing."""
    base, wanted = parsed.base, parsed.qualifiers
    same_base = [quals for own_base, quals in own if own_base == base]
    return bool(same_base) and wanted not in same_base


def score_place(place: Place, name: Name, base: float, layer: str, *, parsed: ParsedName,
                fit: tuple[str, str] | None, as_of: dt.date | None, in_area: bool,
                own: frozenset[tuple[str, frozenset[str]]] | None = None,
                partial: bool | None = None) -> Candidate:
    """One candidate, with its score and the reasons for it. ``fit`` is how the
    context given relates to the place (a CONTEXT_CREDIT level and the
    context's label), None when no context was given or none was understood;
    ``own`` the place's ``own_qualifiers`` if the caller keeps them, ``partial``
    whether the name given is only part of its name, if the caller knows."""
    score, why = base, [f"{layer} match on {name.lang} name {name.text!r}"]
    score += NAME_TYPE_BONUS.get(name.type, 0.0)
    if as_of is not None and not name.valid_on(as_of):
        score -= AS_OF_PENALTY
        why.append(f"name not in use on {as_of.isoformat()}")
    if partial is None:
        partial = layer != "fuzzy" and is_partial(parsed, own if own is not None else own_qualifiers(place))
    if partial:
        score -= PARTIAL_PENALTY
        why.append(f"its name is {place.name!r}: the name given is only part of it")
    if parsed.kind_hint:
        exact_kind = place.kind == parsed.kind_hint or (
            parsed.kind_hint == "area" and place.kind in ADMIN_KINDS)
        if parsed.kind_hint == "district" and place.raw.get("unit") == "city":
            # Şuşa is a district and a city of district rank: "Shusha district"
            # is the district.
            exact_kind = False
        # Sources mix up district and province ("Syunik region"): a near
        # miss between the two fits, but less than the exact kind, by more
        # than MARGIN with the curated bonus ("Шушинский район" is Şuşa
        # district, not Shushi province, though both are named so).
        fits = exact_kind or {parsed.kind_hint, place.kind} == {"district", "province"} or (
            parsed.kind_hint == "district" and place.kind == "district")
        score += 0.1 if exact_kind else (0.0 if fits else -0.2)
        why.append(f"{'fits' if fits else 'does not fit'} the word for a {parsed.kind_hint}")
    if place.kind == "settlement":
        score += _size_fit(place, parsed.size_hint, why)
    if fit is not None:
        level, label = fit
        score += CONTEXT_CREDIT[level]
        why.append({"inside": f"in {label}", "near": f"near {label}", "edge": f"at the edge of {label}",
                    "outside": f"not in {label}"}[level])
    if in_area:
        score += AREA_BONUS
        why.append("in the area of interest")
    bonus, reason = notability(place, name)
    if bonus:
        score += bonus
        why.append(reason)
    if not place.current:
        score -= 0.05
        why.append("not current in the source")
    # Positional: a class called with keywords builds a dict of them (every candidate is made here).
    return Candidate(place, round(score, 4), name.text, layer, tuple(why))


def full_before_partial(cands: list[Candidate], partial: set[str], fit_rank: dict[str, int],
                        margin: float, *, reason: str = "a place has the whole name given") -> list[Candidate]:
    """A place whose whole name was given outranks one whose name was given
    only in part ("Shorzha" is Shorzha, not Verin Shorzha), however notable
    the latter: the qualifier is part of the name. A partial match keeps its
    score only where the context fits it better than every full match (no
    context fits all alike); otherwise it ends ``margin`` below the best full
    match that fits as well, so that it is neither chosen nor a rival."""
    full = [c for c in cands if c.place.id not in partial]
    if not full:
        return cands
    out = []
    for cand in cands:
        if cand.place.id in partial:
            rank = fit_rank.get(cand.place.id, FIT_RANK[None])
            peers = [c.score for c in full if fit_rank.get(c.place.id, FIT_RANK[None]) >= rank]
            if peers and cand.score > max(peers) - margin:
                cand = Candidate(place=cand.place, score=round(max(peers) - margin - 0.01, 4),
                                 matched=cand.matched, layer=cand.layer,
                                 why=(*cand.why, reason))
        out.append(cand)
    return out


def worded_before_bare(cands: list[Candidate], parsed: ParsedName, fit_rank: dict[str, int],
                       margin: float) -> list[Candidate]:
    """Of two landmarks, one whose stored name holds the word given outranks one
    matched by the bare name alone: "Murovdag tunnel" is the tunnel, not the
    Murovdag ridge, though the word stripped leaves the ridge's name."""
    words = len(parsed.name.split())
    landmarks = [c for c in cands if c.place.kind == "landmark"]
    plain = {c.place.id for c in landmarks if len(c.matched.split()) <= words}
    if not plain or len(plain) == len(landmarks):
        return cands
    return full_before_partial(cands, plain, fit_rank, margin, reason="a landmark has the name with its word")


#: The retrieval score of a name as written (diacritics aside, in its own
#: script: retrieval.LAYER_SCORES["normalised"]), and the layers that matched
#: only a spelling like it.
WRITTEN = 0.99
_ALIKE_LAYERS = frozenset({"phonetic", "inflected", "fuzzy"})


def spelled_alike(cands: list[Candidate], bases: dict[str, float]) -> set[str]:
    """The candidates that only sound like the name when another of their
    kind is spelled as written (diacritics aside, in the name's own script):
    "Sos" is the village of Sos, not Sus, however well known Sus is. A
    transliteration across scripts is neither: the Daşaltı of Shusha is
    "Dashalty" as much as the obscure village of that spelling, and the
    better known wins there; "Чинарлы" is no more the Çinarlı that has a
    "Chinarly" among its names than the Çinarlı of Xocavənd."""
    written = {c.place.kind for c in cands if bases.get(c.place.id, 0.0) >= WRITTEN}
    if not written:
        return set()
    alike = [c for c in cands if c.place.kind in written and c.layer in _ALIKE_LAYERS]
    if not alike:
        return set()
    # A namesake is no sound-alike: "Sarnaghpyur" is spelled as one record of
    # Shirak's Sarnaghbyur lists it among its undetermined variants, and is as
    # much a romanization of "Սառնաղբյուր", which Askeran's village bears as
    # well. A candidate heard through a name in another script than the one
    # written, a name the place spelled as written bears too, is its namesake
    # when that spelling is only such a variant: it picks a romanization, not a
    # place. A language's own name for it still does ("Гасымлы", the Russian
    # name of one Qasımlı, is that one); and heard through a name of the written
    # script a place is a sound-alike still ("Airivank" is Hayravank's old name,
    # not the Əyrivəng of Azerbaijan, which an Azerbaijani writer spells so).
    loose = [c for c in cands if bases.get(c.place.id, 0.0) >= WRITTEN and _a_variant(c)]
    if not loose:
        return {c.place.id for c in alike}
    scripts = {script_of(c.matched) for c in cands if bases.get(c.place.id, 0.0) >= WRITTEN}
    across = {exact_key(c.matched) for c in alike if script_of(c.matched) not in scripts}
    if across:
        across.intersection_update(key for c in loose for key in _name_keys(c.place))
    return {c.place.id for c in alike if not (across and exact_key(c.matched) in across)}


def _a_variant(cand: Candidate) -> bool:
    """Whether the name a candidate matched is only an undetermined variant spelling."""
    return any(n.text == cand.matched and n.lang == "und" and n.type == "variant" for n in cand.place.names)


#: Letters of the Azerbaijani alphabet beyond ASCII: a name written with them
#: is written with its diacritics, and an "a" in it is no "ə".
_AZE_LETTERS = frozenset("əıöüşçğƏİÖÜŞÇĞ")


def lettered_apart(cands: list[Candidate], written: str) -> set[str]:
    """The candidates whose Latin name differs from the name given in a letter
    the name's own diacritics tell apart, when another of their kind is spelled
    exactly so: "Nüzgar" is the village of Nüzgar, not the Nərimanlı once
    called Nüzgər (the writer who puts ü would have put ə). A name written
    without the Azerbaijani letters says nothing of them ("Nuzgar" is either)."""
    if not _AZE_LETTERS.intersection(written):
        return set()
    exact = {c.place.kind for c in cands if c.layer == "exact" and script_of(c.matched) == "Latn"}
    if not exact:
        return set()
    letters = _letters(written)
    return {c.place.id for c in cands if c.place.kind in exact and c.layer == "normalised"
            and script_of(c.matched) == "Latn" and _AZE_LETTERS.intersection(c.matched)
            and _letters(c.matched) != letters}


def _letters(text: str) -> str:
    """The letters of a name, case-folded: "Birinci-Ağalı" and "Birinci Ağalı" are spelled alike."""
    return "".join(ch for ch in exact_key(text) if ch.isalpha())


def town_before_its_unit(cands: list[Candidate]) -> list[Candidate]:
    """A bare name that is both a town and the unit around it means the town;
    one that is both a unit and a hamlet inside it means the unit.

    "Gubadli" is the town; "Gubadli district" the district. But "Syunik" is
    the province, not the village of Syunik in it. An administrative candidate
    loses SEAT_PENALTY when a known town candidate (curated, or of
    SEAT_POPULATION people) lies in it or within NEAR_KM of its centre; a
    smaller settlement loses HAMLET_PENALTY when it lies in a unit candidate. A
    settlement inside a city-rank unit of its name is that city.
    """
    units = [c.place for c in cands if c.place.kind in ADMIN_KINDS and c.place.kind != "country"]
    if not units:
        return cands
    cities = {u.id for u in units if u.raw.get("unit") == "city"}
    towns = [c.place for c in cands if c.place.kind == "settlement"
             and (known_town(c.place) or cities.intersection(c.place.parents))]
    out = []
    for cand in cands:
        place, penalty, reason = cand.place, 0.0, ""
        if place in units and any(place.id in t.parents or km(place, t) <= NEAR_KM for t in towns):
            penalty, reason = SEAT_PENALTY, "a town has this name: say 'district' to mean the unit"
        elif place.kind == "settlement" and place not in towns and any(u.id in place.parents for u in units):
            penalty, reason = HAMLET_PENALTY, "the unit it lies in has this name"
        if penalty:
            cand = Candidate(place=place, score=round(cand.score - penalty, 4), matched=cand.matched,
                             layer=cand.layer, why=(*cand.why, reason))
        out.append(cand)
    return out


def town_before_namesakes(cands: list[Candidate], fits: dict[str, str] | None = None,
                          bases: dict[str, float] | None = None) -> list[Candidate]:
    """A bare name shared by a town and villages of no note means the town.

    A settlement of no note (``notability`` below NOTABLE_BONUS: neither
    press-named nor SEAT_POPULATION strong) loses NAMESAKE_PENALTY when a
    town of SEAT_POPULATION people has its name and the context, if any, fits
    the town at least as well: the area-of-interest bonus and a hamlet's many
    imported names must not outweigh the town readers know. A press-named
    village is no such town (Çinarlı, once Vank, is no reason to pass over
    the other Vank), but keeps its own score; between towns nothing changes
    ("Martuni" stays open between Xocavənd and the Gegharkunik town); a
    village the context fits better than every town keeps its score. With
    ``bases`` (each candidate's retrieval score), a town matched less well than
    the village does not have its name: "Լուսավանում" is the Lusavan of
    Jabrayil as much as Charentsavan, once "Lusavan" in Latin letters only (a
    guess at a spelling has no name of its own to keep).
    """
    fits = fits or {}
    towns = [c for c in cands if c.place.kind == "settlement" and (c.place.population or 0) >= SEAT_POPULATION]
    if not towns:
        return cands
    best = max(FIT_RANK[fits.get(c.place.id)] for c in towns)
    top = max(bases.get(c.place.id, 0.0) for c in towns) if bases else None
    out = []
    for cand in cands:
        place = cand.place
        if (place.kind == "settlement" and notability(place)[0] < NOTABLE_BONUS
                and FIT_RANK[fits.get(place.id)] <= best
                and (top is None or cand.layer == "fuzzy" or top >= bases.get(place.id, 0.0))):
            cand = Candidate(place=place, score=round(cand.score - NAMESAKE_PENALTY, 4), matched=cand.matched,
                             layer=cand.layer, why=(*cand.why, "a town has this name"))
        out.append(cand)
    return out


def names_of_its_own(cands: list[Candidate]) -> list[Candidate]:
    """"Known by N names" counts the names no rival holds too.

    WOF gives Martuni's Ağkənd the labels of Hadrut's Spitakashen in five
    languages: a record that took a namesake's names is no better known than
    the namesake for holding them, and a name both places hold says nothing of
    which one a text means. A candidate keeps the bonus only with NOTABLE_NAMES
    names that no other candidate of its kind has (by ``exact_key``); else it
    loses it and its reason: "Spitakashen" near Hadrut is a tie, not Ağkənd by
    0.05. A unit or landmark named for a town holds the town's names by being
    named for it, and takes nothing from it: the city of Yerevan keeps its
    lead over its province.
    """
    # The reason is there only for a place of NOTABLE_NAMES names or more, in its one wording.
    noted = [i for i, c in enumerate(cands) if c.place.name_count >= NOTABLE_NAMES
             and NAMES_REASON.format(c.place.name_count) in c.why]
    if not noted:
        return cands
    out = list(cands)
    for i in noted:
        cand = cands[i]
        place = cand.place
        if place.raw.get("unshared", 0) >= NOTABLE_NAMES:
            continue  # enough names no other place of its kind holds (compile._mark_unshared), whoever the rivals
        rivals = [c.place for c in cands if c.place.kind == place.kind and c.place.id != place.id]
        if not rivals:
            continue  # no namesake of its kind: every name is its own
        theirs = set().union(*map(_name_keys, rivals))
        own = sum(1 for key in _name_keys(place) if key not in theirs)
        if own < NOTABLE_NAMES:
            reason = NAMES_REASON.format(place.name_count)
            out[i] = Candidate(place=cand.place, score=round(cand.score - NAMES_BONUS, 4), matched=cand.matched,
                               layer=cand.layer, why=tuple(r for r in cand.why if r != reason))
    return out


def _name_keys(place: Place) -> tuple[str, ...]:
    """The ``exact_key`` of each of a place's names, in order, kept on the place: a place
    is a candidate of many look-ups, and its names are the same each time."""
    keys = place.__dict__.get("_name_keys")
    if keys is None:
        stored = place.raw.get("names") if place.raw else None
        texts = [n["text"] for n in stored] if stored is not None else [n.text for n in place.names]
        keys = place.__dict__["_name_keys"] = tuple(exact_key(text) for text in texts)
    return keys


#: How well a context fits a place, by its level: None is no context at all,
#: which says less than any fit and more than "outside" (which rules a place out).
FIT_RANK = {"inside": 3, "near": 3, "edge": 2, None: 1, "outside": 0}


def known_town(place: Place) -> bool:
    """Big enough to be the seat a unit is named after: curated (unless its entry says it is
    not notable: a name fixed is no fame), or SEAT_POPULATION people."""
    return _press_named(place) or (place.population or 0) >= SEAT_POPULATION


def _press_named(place: Place) -> bool:
    """Marked by the curated file as a place the conflict's press names: a curated
    place unless its entry says ``notable: false``, or one marked ``notable: true``."""
    return bool(place.sources.get("curated") and place.raw.get("notable") is not False) \
        or bool(place.raw.get("notable"))

"""Scoring a name's candidate places: the evidence for and against each.

A candidate starts from how its name matched (``core.LAYER_SCORES``) and
gains or loses for the name's type, its validity on the source's date, the
kind the text names, the context, the area of interest and how notable the
place is. Scores are sums of evidence, not probabilities, and can exceed 1.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

from .model import Candidate, Name, Place
from .normalize import ParsedName

__all__ = ["ADMIN_KINDS", "score_place", "town_before_its_unit", "fits_context", "km", "notability"]

ADMIN_KINDS = {"district", "province", "region", "country"}
NAME_TYPE_BONUS = {"curated": 0.03, "preferred": 0.0, "variant": -0.02, "historical": -0.03}
AS_OF_PENALTY = 0.1
CONTEXT_BONUS = 0.15
AREA_BONUS = 0.05
SEAT_PENALTY = 0.15
HAMLET_PENALTY = 0.05
#: A settlement this size is taken for the seat of a unit of its name; a
#: smaller one is a village that shares the unit's name.
SEAT_POPULATION = 5000
#: Places in the curated file are the ones the conflict's press names.
NOTABLE_BONUS = 0.06
#: A town named in this many ways is a known town, not a hamlet.
NOTABLE_NAMES = 10
NEAR_KM = 30.0


def km(a: Place, b: Place) -> float:
    """Distance in km, equirectangular: exact enough within a region."""
    dlat = math.radians(b.lat - a.lat)
    dlon = math.radians(b.lon - a.lon) * math.cos(math.radians((a.lat + b.lat) / 2))
    return 6371.0 * math.hypot(dlat, dlon)


def fits_context(place: Place, context: Sequence[Place]) -> bool:
    """Whether a place lies in, is, or is near one of the context places."""
    for ctx in context:
        if ctx.id == place.id or ctx.id in place.parents:
            return True
        if ctx.kind in ("settlement", "landmark") and km(ctx, place) <= NEAR_KM:
            return True
        # The parenthesis names a town whose district holds the place:
        # "Sanasar (Gubadli)" read as the town of Gubadli.
        if ctx.kind == "settlement" and ctx.parents and ctx.parents[0] in place.parents:
            return True
    return False


def notability(place: Place) -> tuple[float, str]:
    """How well known a place is, as a bonus and its reason: the strongest sign counts."""
    population = place.population or 0
    if place.sources.get("curated"):
        return NOTABLE_BONUS, "named in the conflict's press (curated)"
    if population >= 5000:
        return NOTABLE_BONUS, f"a town of {population:,}"
    if population >= 1000:
        return 0.04, f"a village of {population:,}"
    if len(place.names) >= NOTABLE_NAMES:
        return 0.03, f"known by {len(place.names)} names"
    return 0.0, ""


def score_place(place: Place, name: Name, base: float, layer: str, *, parsed: ParsedName,
                context: Sequence[Place], as_of: dt.date | None, in_area: bool) -> Candidate:
    """One candidate, with its score and the reasons for it."""
    score, why = base, [f"{layer} match on {name.lang} name {name.text!r}"]
    score += NAME_TYPE_BONUS.get(name.type, 0.0)
    if as_of is not None and not name.valid_on(as_of):
        score -= AS_OF_PENALTY
        why.append(f"name not in use on {as_of.isoformat()}")
    if parsed.kind_hint:
        exact_kind = place.kind == parsed.kind_hint or (
            parsed.kind_hint == "area" and place.kind in ADMIN_KINDS)
        if parsed.kind_hint == "district" and place.raw.get("unit") == "city":
            # Şuşa is a district and a city of district rank: "Shusha district"
            # is the district.
            exact_kind = False
        # Sources mix up district and province ("Syunik region"): a near
        # miss between the two fits, but less than the exact kind.
        fits = exact_kind or {parsed.kind_hint, place.kind} == {"district", "province"} or (
            parsed.kind_hint == "district" and place.kind == "district")
        score += 0.1 if exact_kind else (0.03 if fits else -0.2)
        why.append(f"{'fits' if fits else 'does not fit'} the word for a {parsed.kind_hint}")
    if context:
        if fits_context(place, context):
            score += CONTEXT_BONUS
            why.append("in the context given")
        else:
            score -= CONTEXT_BONUS
    if in_area:
        score += AREA_BONUS
        why.append("in the area of interest")
    bonus, reason = notability(place)
    if bonus:
        score += bonus
        why.append(reason)
    if not place.current:
        score -= 0.05
        why.append("not current in the source")
    return Candidate(place=place, score=round(score, 4), matched=name.text, layer=layer, why=tuple(why))


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
             and (_known_town(c.place) or cities.intersection(c.place.parents))]
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


def _known_town(place: Place) -> bool:
    """Big enough to be the seat a unit is named after: curated, or SEAT_POPULATION people."""
    return bool(place.sources.get("curated")) or (place.population or 0) >= SEAT_POPULATION

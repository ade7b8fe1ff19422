"""Deciding what a name means: reading the context, scoring the candidates, and
refusing to pick between places that fit equally well.

Context is read strictly: a district, province or country given as context is
looked up by its exact, normalised or phonetic names among units only, and a
town or village as context only by its exact or normalised names, never by a
sound-alike (``near="Masallı"`` is Masallı district, not the village Meşəli).
A candidate inside the unit named (its polygon; its parent chain where no
polygon is known, or else the polygons of the districts it covers) gets the
full context credit; one at the edge of the
simplified outline a little; one outside it a penalty. When no candidate lies
inside, one within LOOSE_KM of the outline counts as at its edge (points and
outlines are off by a few km); context said with "near" ("near Fuzuli
district") fits such places fully. When the context contradicts every
candidate, nothing is resolved: the candidates are returned as suggestions
and ``why`` says so, unless a bare context that names a unit is also a known
town's name elsewhere and that town fits one ("Geghhovit" near "Martuni"). A
context that names two places far apart chooses neither between namesakes
that lie by each.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .model import Candidate, Name, Place, Resolution
from .parsing import ParsedName, parse_name
from .ranking import (ADMIN_KINDS, FIT_RANK, NEAR_KM, known_town, full_before_partial, is_partial, km,
                      own_qualifiers, read_own, score_place, spelled_alike, lettered_apart, town_before_its_unit,
                      worded_before_bare, names_of_its_own,
                      town_before_namesakes)
from .regions import Regions
from .retrieval import Found, Retriever

__all__ = ["Context", "Decider", "Scored", "MARGIN", "MIN_SCORE", "FUZZY_RESOLVE"]

#: A fuzzy match weaker than this is a suggestion, never a resolution.
FUZZY_RESOLVE = 0.72
#: Two candidates closer than this are a tie: the result is ambiguous.
MARGIN = 0.05
#: Two candidates that each fit another place of an ambiguous context are
#: rivals when the best leads by less than this: the lead is then only how well
#: known each is (NOTABLE_BONUS and AREA_BONUS, and a little more).
SPLIT_GAP = 0.2
#: Below this the best candidate is only a suggestion.
MIN_SCORE = 0.62
#: Two candidates of one kind this close together are one place recorded twice
#: (WOF holds some villages twice, once filed under the wrong country): they
#: are not rivals, and the better-scored record stands for both.
DUPLICATE_KM = 3.0
#: Around the point of a unit with no outline, the distance that may still lie in it.
ROUGH_KM = 35.0
#: "Near" a unit: this far outside its outline still fits.
LOOSE_KM = 15.0
#: Of villages near one town, one this much (and twice) farther than the nearest does not fit.
NEARER_KM = 10.0
_LOOSE = re.compile(r"^\s*(?:near|around|close\s+to|not\s+far\s+from|outskirts\s+of|около|близ|возле|вблизи|под)\s+",
                    re.IGNORECASE)
#: Layers by which a town or village given as context may match.
_STRICT_LAYERS = ("exact", "normalised")


def _far_beyond_the_nearest(distances: dict[int, float]) -> frozenset[int]:
    """Of namesakes by their distance from a context's point, those more than
    twice (and NEARER_KM) as far as the nearest; none when fewer than two."""
    if len(distances) < 2:
        return frozenset()
    closest = min(distances.values())
    return frozenset(pi for pi, d in distances.items() if d > max(2 * closest, closest + NEARER_KM))


def _other_country(place: Place, ctx: Place) -> bool:
    """Whether a place of one point (not a landmark: a river or a range is filed
    where its point lies, and crosses the line) and the unit are filed under
    different countries."""
    return bool(place.kind != "landmark" and place.country and ctx.country and place.country != ctx.country)


@dataclass(frozen=True)
class Context:
    """One context string as understood: the places it names (none if not
    understood), and whether it says only "near" them ("near Fuzuli district")."""

    text: str
    places: tuple[Place, ...]
    loose: bool = False
    #: Those of ``places`` that count only as the seat of a rough unit named
    #: ("Askeran": Artsakh's province, known by its point, and its town).
    seats: tuple[Place, ...] = ()
    #: Known towns of the name far from the units it names ("Martuni": the
    #: Gegharkunik town, beside the Artsakh province): the context's other
    #: reading, taken only when the first rules out every candidate.
    elsewhere: tuple[Place, ...] = ()

    def other_reading(self) -> Context | None:
        return Context(self.text, self.elsewhere, self.loose) if self.elsewhere else None

    @property
    def label(self) -> str:
        if not self.places:
            return repr(self.text)
        first = self.places[0]
        more = f" or {len(self.places) - 1} other place(s) of that name" if len(self.places) > 1 else ""
        return f"{first.name} ({first.kind}){more}"


class Decider:
    """Scores a retrieval against the context and decides: resolved, ambiguous or not found."""

    def __init__(self, *, place: Callable[[int], Place], retriever: Retriever, regions: Regions,
                 in_area: Callable[[Place], bool], area_on: bool,
                 own: Sequence[str] | None = None, name: Callable[[int, int], Name] | None = None,
                 members: Callable[[str], Sequence[Place]] | None = None) -> None:
        self._place = place
        #: The units a unit covers (those whose parent chain holds it).
        self._members = members or (lambda unit_id: ())
        #: A place's name by (place index, name index): all its names need not be built.
        self._name = name or (lambda pi, ni: place(pi).names[ni])
        self._retriever = retriever
        self._regions = regions
        self._in_area = in_area
        self._area_on = area_on
        #: Each place's own names as compiled (``ranking.read_own``), by place index.
        self._stored_own = own
        self._own: dict[int, frozenset[tuple[str, frozenset[str]]]] = {}

    # --- context ------------------------------------------------------------

    def read_context(self, text: str) -> Context:
        """The places a context string names, read strictly (see the module's docstring)."""
        loose = bool(_LOOSE.match(text))
        parsed = parse_name(text)
        found = self._retriever.find(parsed, fuzzy=False)
        units, others = [], []
        for pi, (score, _, layer) in found.items():
            place = self._place(pi)
            if place.kind in ADMIN_KINDS:
                units.append((score, place))
            elif layer in _STRICT_LAYERS:
                others.append((score, place))
        if not units and not others:
            # A town's name in another press's spelling ("Adschikabul", German
            # for Hacıqabul) only sounds like the town; as context it names
            # the unit the town is the seat of, by its name as spelled there.
            for pi, (score, _, _) in found.items():
                town = self._place(pi)
                if town.kind != "settlement" or not known_town(town):
                    continue
                strict = (self._place(upi) for upi, (_, _, layer) in self._retriever.matches(town.name).items()
                          if layer in _STRICT_LAYERS)
                named_for = [(score, unit) for unit in strict if unit.kind in ADMIN_KINDS and unit.id in town.parents]
                # Armenia's raions went in 1995; the data holds some, by their
                # names as written ("Sisian raion", "Qarakilsə rayonu"), not in
                # every spelling: "Sisyan rayonu", as Azerbaijani pages write
                # Sisian's, names no unit, so it names the seat it was named for.
                units += named_for
                if not named_for and parsed.kind_hint == "district":
                    others.append((score, town))
        hint = parsed.kind_hint
        elsewhere: tuple[Place, ...] = ()
        if units and hint not in ("district", "province", "area"):
            # A unit only sounding like the context (phonetic) is another
            # place when something is spelled like it: "Meşəli" is the
            # village, not Masallı district. Not when what is spelled like it
            # lies in the unit: "Cebrayil", the town's name without its
            # letters, still names the district around it; nor when the text
            # says it names a unit ("Cebrayil rayonu").
            best = max(score for score, _ in units + others)
            inside = {u for s, p in others if s >= best - 0.035 for u in p.parents}
            units = [(s, p) for s, p in units if s >= best - 0.035 or p.id in inside]
        seats: list[tuple[float, Place]] = []
        if hint == "settlement" or hint == "landmark":
            chosen = others or units
        else:
            # "Jabrayil district" as context is the district, not the town
            # (whose surroundings reach into the next district); so is a bare
            # "Masallı" that names a district and a town.
            chosen = units or others
            if units and hint is None:
                elsewhere = tuple(sorted({p for _, p in others if p.kind == "settlement" and known_town(p)
                                          and all(self._level(p, u) == "outside" for _, u in units)},
                                         key=lambda p: p.id))
            rough = [p for _, p in units if not self._regions.has(p.id)]
            seats = [(s, p) for s, p in others if any(u.id in p.parents for u in rough)] if rough else []
            # A unit known only by the districts it covers (an Artsakh
            # province) is rough: its seat of the same name counts too,
            # with the places around it ("Khtsaberd village in Hadrut").
            chosen = chosen + seats
        places = tuple(sorted({p for _, p in chosen}, key=lambda p: p.id))
        seat_places = tuple(sorted({p for _, p in seats if p not in {q for _, q in units}}, key=lambda p: p.id))
        return Context(text=text, places=places, loose=loose, elsewhere=elsewhere, seats=seat_places)

    def fit(self, place: Place, contexts: Sequence[Context]) -> tuple[str, str] | None:
        """How the understood contexts relate to a place: the best level over them."""
        best: tuple[str, str] | None = None
        for context in contexts:
            for ctx in context.places:
                level = self._level(place, ctx)
                if context.loose and level in ("edge", "outside") and self._close(place, ctx):
                    level = "near"
                if best is None or FIT_RANK[level] > FIT_RANK[best[0]]:
                    best = (level, f"{ctx.name} ({ctx.kind})")
        return best

    def _nearest_edge(self, place: Place, contexts: Sequence[Context]) -> tuple[str, str] | None:
        for context in contexts:
            for ctx in context.places:
                if self._close(place, ctx):
                    return ("edge", f"{ctx.name} ({ctx.kind})")
        return None

    def _close(self, place: Place, ctx: Place) -> bool:
        """Within LOOSE_KM of a unit's outline (or of a rough unit's reach)."""
        if ctx.kind not in ADMIN_KINDS:
            return False  # a place as context already counts what is near it
        distance = self._regions.distance_km(ctx.id, place)
        if distance is None:
            return km(ctx, place) <= ROUGH_KM + LOOSE_KM and not _other_country(place, ctx)
        return distance <= LOOSE_KM

    def _level(self, place: Place, ctx: Place) -> str:
        if ctx.id == place.id:
            return "inside"
        if ctx.kind in ADMIN_KINDS:
            chained = ctx.id in place.parents
            if chained and not self._regions.has(ctx.id):
                # A unit known by the districts it covers (an Artsakh province
                # spans parts of them): its parent chain is the better word.
                return "inside"
            located = self._regions.locate(ctx.id, place)
            if located is None:
                # A unit with no outline (an Artsakh province, known by the
                # districts it covers, or not even those) is rough: near its
                # centre is at its edge, not outside it. (A place filed under it
                # was answered above.) Its reach stops at the state line: an
                # Armenian SSR raion's reach ("Qarakilsə rayonunun Ərəfsə", the
                # Sisian raion) holds Armenia's Arevis, not Nakhchivan's Arafsa
                # 15 km beyond the border, as a town's does (below).
                if _other_country(place, ctx):
                    return "outside"
                if km(ctx, place) <= ROUGH_KM or self._by_members(ctx, place):
                    return "edge"
                return "outside"
            # The polygon outranks the parent chain, which is wrong for some
            # villages (filed under a district of the other country).
            same_country = None in (place.country, ctx.country) or place.country == ctx.country
            if located == "edge" and chained and same_country:
                return "inside"
            if located == "inside" and not chained and same_country and any(
                    self._regions.kind(p) == ctx.kind for p in place.parents):
                # The parents come from full-resolution outlines, or from a
                # reviewer (a boundary village filed under its real district):
                # the simplified polygon's "inside" is only its edge.
                return "edge"
            return located
        if km(ctx, place) <= NEAR_KM:
            # Near a town across the state line is only at its edge: "Ərəfsə"
            # near Sisian is Armenia's Arevis, not Nakhchivan's Arafsa beyond
            # the border, though both lie within NEAR_KM of the town.
            if place.country and ctx.country and place.country != ctx.country:
                return "edge"
            return "near"
        # The parenthesis names a town whose district holds the place:
        # "Sanasar (Gubadli)" read as the town of Gubadli. Beyond a district's
        # reach of the town only at its edge, and only in a district: a
        # namesake in its province 60 km off (Armenia's towns have no district
        # above them) is not the village "in the Chambarak Municipality" next to it.
        if ctx.kind == "settlement" and ctx.parents and ctx.parents[0] in place.parents:
            if km(ctx, place) <= ROUGH_KM:
                return "near"
            return "edge" if self._regions.kind(ctx.parents[0]) == "district" else "outside"
        return "outside"

    def _by_members(self, ctx: Place, place: Place) -> bool:
        """Whether a place lies at the edge of a unit it is not filed under,
        read off the units that unit covers: within LOOSE_KM of a member's
        outline, or ROUGH_KM of a rough member's centre. A region known only
        by its provinces ("Карабах") reaches as far as they do, not only as far
        as its own centre: Madagiz, filed under Tərtər, lies 57 km from
        Stepanakert but 14 km from the Martakert province's centre."""
        for member in self._members(ctx.id):
            distance = self._regions.distance_km(member.id, place)
            if distance is None:
                if km(member, place) <= ROUGH_KM:
                    return True
            elif distance <= LOOSE_KM:
                return True
        return False

    # --- deciding -------------------------------------------------------------

    def score(self, parsed: ParsedName, found: Found, contexts: Sequence[Context],
              as_of: dt.date | None) -> Scored:
        understood = [c for c in contexts if c.places]
        out, fits, bases, partial, borrowed = [], {}, {}, set(), set()
        judged = {pi: self.fit(self._place(pi), understood) for pi in found} if understood else {}
        if judged and any(c.seats for c in understood):
            judged = self._inside_before_the_seat(judged, understood)
        beyond: frozenset[int] = frozenset()
        if len(judged) > 1:
            judged = self._nearest_namesake_nearer(judged, understood)
            judged, beyond = self._nearest_namesake_in_reach(judged, understood)
        if judged and not any(fit and fit[0] in ("inside", "near") for fit in judged.values()):
            # Nothing lies in the unit: one just outside its outline is at its
            # edge (a point or an outline off by a few km), not contradicted.
            for pi, fit in judged.items():
                if fit and fit[0] == "outside" and pi not in beyond:
                    judged[pi] = self._nearest_edge(self._place(pi), understood) or fit
        place_of, name_of = self._place, self._name
        in_area = self._in_area if self._area_on else None
        # Whether the name given says a qualifier: when neither it nor a
        # place's own names do, nothing of the place's name is left out.
        plain = not parsed.qualifiers
        stored = self._stored_own if plain else None
        # "Xaçınçay su anbarı" is the reservoir, never the river it is named for.
        not_type, only_types = parsed.not_type, parsed.only_types
        for pi, (base, ni, layer) in found.items():
            place = place_of(pi)
            if not_type and place.kind == "landmark" and place.raw.get("type") == not_type:
                continue
            if only_types and place.kind == "landmark" and place.raw.get("type") not in only_types:
                continue
            fit = judged.get(pi) if judged else None
            if fit is not None:
                fits[place.id] = fit[0]
            bases[place.id] = base
            part = layer != "fuzzy" and (":" in stored[pi] if stored is not None else True) and is_partial(
                parsed, self._own_qualifiers(pi, place))
            if part:
                partial.add(place.id)
            name = name_of(pi, ni)
            if name.hidden:
                borrowed.add(place.id)
            out.append(score_place(place, name, base, layer, parsed=parsed, fit=fit, as_of=as_of,
                                   in_area=in_area is not None and in_area(place), partial=part))
        if len(out) > 1:
            # Candidates against each other: a lone one (most look-ups) has no rival to yield to.
            out = self._rerank(parsed, out, fits, bases, partial, borrowed)
        return Scored(out, fits, bases)

    def _inside_before_the_seat(self, judged: dict[int, tuple[str, str] | None],
                                contexts: Sequence[Context]) -> dict[int, tuple[str, str] | None]:
        """A place inside a rough unit named (by its parent chain) outranks one
        only near the unit's seat: "Vardadzor" in the Askeran province is
        Pircamal, of that province, not Gülyataq 30 km from the town of Askeran
        and in none of its districts. The seat still counts where nothing lies
        inside the unit."""
        units_only = [Context(c.text, tuple(p for p in c.places if p not in c.seats), c.loose) for c in contexts]
        strict = {pi: self.fit(self._place(pi), units_only) for pi in judged}
        if not any(fit and fit[0] == "inside" for fit in strict.values()):
            return judged
        out = dict(judged)
        for pi, fit in judged.items():
            own = strict[pi]
            if fit and fit[0] == "near" and not (own and FIT_RANK[own[0]] >= FIT_RANK["near"]):
                out[pi] = ("edge", fit[1])
        return out

    def _nearest_namesake_nearer(self, judged: dict[int, tuple[str, str] | None],
                                 contexts: Sequence[Context]) -> dict[int, tuple[str, str] | None]:
        """Of villages of one name near a town named as context, one far beyond the
        nearest does not fit: "Vorotan" near Sisian is the Vorotan 10 km from
        Sisian, not Goris's, 31 km off, though NEAR_KM (and their common
        province) holds both."""
        towns = [p for c in contexts for p in c.places if p.kind not in ADMIN_KINDS]
        # Villages against villages: a unit's distance is its centre's, and says nothing.
        near = {pi: min(km(self._place(pi), t) for t in towns) for pi, fit in judged.items()
                if fit and fit[0] == "near" and self._place(pi).kind == "settlement"} if towns else {}
        far = _far_beyond_the_nearest(near)
        return {pi: ("outside", fit[1]) if pi in far else fit for pi, fit in judged.items()} if far else judged

    def _nearest_namesake_in_reach(self, judged: dict[int, tuple[str, str] | None],
                                   contexts: Sequence[Context]
                                   ) -> tuple[dict[int, tuple[str, str] | None], frozenset[int]]:
        """Of villages of one name in a rough unit's reach (a unit known by its
        point alone: an Armenian SSR raion), one far beyond the nearest to its
        point is not in it, as near a town (above): "Vorotan" of the Sisian raion
        ("Սիսիանի տարածաշրջանի Որոտան") is the Vorotan 10 km from Sisian, not
        Goris's 31 km off, though ROUGH_KM holds both. Returns the fits and the
        villages so ruled out, which no edge (LOOSE_KM) brings back."""
        rough = {f"{p.name} ({p.kind})": p for c in contexts for p in c.places
                 if p.kind in ADMIN_KINDS and not self._regions.has(p.id) and not self._regions.covers(p.id)}
        if not rough:
            return judged, frozenset()
        # One beyond the reach ("outside") counts too: LOOSE_KM would bring it back to
        # the edge when nothing lies inside, as nothing does in a rough unit ("Агарак"
        # of the Meghri raion is the town 7 km from its point, not Kapan's 43 km off).
        reach = {pi: km(self._place(pi), rough[fit[1]]) for pi, fit in judged.items()
                 if fit and fit[0] in ("edge", "outside") and fit[1] in rough
                 and self._place(pi).kind == "settlement"}
        far = _far_beyond_the_nearest(reach) if any(judged[pi][0] == "edge" for pi in reach) else frozenset()
        if not far:
            return judged, far
        return {pi: ("outside", fit[1]) if pi in far else fit for pi, fit in judged.items()}, far

    @staticmethod
    def _rerank(parsed: ParsedName, out: list[Candidate], fits: dict[str, str], bases: dict[str, float],
                partial: set[str], borrowed: frozenset[str] | set[str] = frozenset()) -> list[Candidate]:
        out = names_of_its_own(out)
        if not parsed.kind_hint:
            out = town_before_its_unit(out)
        if parsed.kind_hint in (None, "settlement") and parsed.size_hint in (None, "town"):
            out = town_before_namesakes(out, fits, bases)
        fit_rank = {pid: FIT_RANK[level] for pid, level in fits.items()}
        if partial:
            out = full_before_partial(out, partial, fit_rank, MARGIN)
        if parsed.kind_hint == "landmark" and parsed.worded:
            out = worded_before_bare(out, parsed, fit_rank, MARGIN)
        alike = spelled_alike(out, bases) | lettered_apart(out, parsed.name)
        if alike:
            out = full_before_partial(out, alike, fit_rank, MARGIN, reason="a place is spelled as written")
        if borrowed:
            # A name the importer found to be a neighbour's (labels.flag_borrowed_names: Mishni's
            # Russian "Агджакенд" is Ağcakənd's, 14 km off) still resolves alone, but yields to any
            # place matched by a name of its own, as a partial match does.
            out = full_before_partial(out, borrowed, fit_rank, MARGIN, reason="the name matched is another place's")
        out.sort(key=_best_first)
        return out

    def _own_qualifiers(self, pi: int, place: Place) -> frozenset[tuple[str, frozenset[str]]]:
        own = self._own.get(pi)
        if own is None:
            own = self._own[pi] = (own_qualifiers(place) if self._stored_own is None
                                   else read_own(self._stored_own[pi]))
        return own

    def decide(self, name: str, near: str | None, parsed: ParsedName, scored: Scored,
               contexts: Sequence[Context]) -> Resolution | None:
        """The resolution, or None when nothing fits well enough (the caller may
        ask online, then settle for ``weak``)."""
        candidates = scored.candidates
        result = _maker(name, near, contexts)
        if not candidates or candidates[0].score < MIN_SCORE:
            return None
        understood = [c for c in contexts if c.places]
        if understood and not any(level != "outside" for level in scored.fits.values()):
            where = "; ".join(c.label for c in understood)
            return result("not_found", candidates[:5],
                          f"no place of this name lies in or near {where}; the suggestions lie elsewhere")
        top = candidates[0]
        if top.layer == "fuzzy" and scored.bases[top.place.id] < FUZZY_RESOLVE:
            return result("not_found", candidates[:5],
                          "no place has this name; the suggestions are spelled differently")
        if parsed.kind_hint == "landmark" and top.place.kind != "landmark":
            return result("not_found", candidates[:5],
                          "no landmark has this name; the suggestions are places of other kinds")
        if parsed.kind_hint == "settlement" and top.place.kind == "landmark" and parsed.worded:
            # "the village of Ishkhanasar" is no mountain: a village the data lacks
            # is not its namesake peak. Only a word the text holds says so, not a
            # phrase read as a settlement's ("Maiden Tower in Baku").
            return result("not_found", candidates[:5],
                          "no settlement has this name; the suggestions are places of other kinds")
        # A rival the context puts outside is none to a top it fits, even at its edge
        # only: a rough unit (an Armenian SSR raion, no outline) holds its own villages
        # no better than that ("Воротан Сисианского района" is Sisian's Vorotan, not
        # Goris's 31 km from the raion's point, ahead by its Russian name alone).
        ruled_out = scored.fits.get(top.place.id) in ("inside", "near", "edge")
        worded_landmark = parsed.kind_hint == "landmark" and top.place.kind == "landmark"
        rivals = [c for c in candidates[1:] if top.score - c.score < MARGIN and not _same_place(top.place, c.place)
                  and not _one_unit(top.place, c.place, parsed.kind_hint, parsed.raw)
                  # "Vorotan River" is the river, whatever else a village of the name has for it:
                  # as no other kind answers a landmark's word, none ties with the landmark.
                  and not (worded_landmark and c.place.kind != "landmark")
                  and not (ruled_out and scored.fits.get(c.place.id) == "outside")]
        split = None if rivals or not understood else self._split_context(candidates, scored.fits, understood)
        if split is not None:
            other, context = split
            return result("ambiguous", [top, other], f"the context {context.text!r} names more than one place, and "
                                                     f"{top.place.name} lies by one and {other.place.name} by another; "
                                                     "give a district or province as context")
        if rivals:
            close = [c for c in candidates if top.score - c.score < 0.15]
            return result("ambiguous", close[:10], f"{len(rivals) + 1} places fit equally well; give a district "
                                                   "or province as context")
        return result("resolved", candidates[:5], "; ".join(top.why))


    def _split_context(self, candidates: Sequence[Candidate], fits: dict[str, str],
                       understood: Sequence[Context]) -> tuple[Candidate, Context] | None:
        """A runner-up that fits another of the places an ambiguous context names, as well as the best fits its own.

        "Bashkend" near "Keshishkend": Keshishkend was Yeghegnadzor's name and is
        a village's name in Gadabay, and a Bashkend lies by each. The context
        says nothing between them, and what puts one ahead is only the prior
        (how well known each is), which the context was given to overrule.
        """
        top = candidates[0]
        level = fits.get(top.place.id)
        if level not in ("inside", "near"):
            return None
        for context in understood:
            if len(context.places) < 2:
                continue
            # A context that is a candidate's own other name ("Талыш (Талиш)", both
            # spellings of the name read) fits that candidate, and says nothing of
            # which namesake is meant: only the places beside the candidates count.
            mine = [p for p in context.places if p.id != top.place.id and self._fits(top.place, p, context)]
            if not mine:
                continue
            for cand in candidates[1:]:
                if top.score - cand.score >= SPLIT_GAP or fits.get(cand.place.id) != level \
                        or _same_place(top.place, cand.place):
                    continue
                theirs = [p for p in context.places if p not in mine and p.id != cand.place.id
                          and self._fits(cand.place, p, context)]
                if theirs and not any(self._fits(cand.place, p, context) for p in mine) and all(
                        km(a, b) > NEAR_KM for a in mine for b in theirs):
                    return cand, context
        return None

    def _fits(self, place: Place, ctx: Place, context: Context) -> bool:
        level = self._level(place, ctx)
        return level in ("inside", "near") or (context.loose and level in ("edge", "outside")
                                               and self._close(place, ctx))

    @staticmethod
    def weak(name: str, near: str | None, scored: Scored, contexts: Sequence[Context]) -> Resolution:
        """Not found: no candidate, or only weak ones, returned as suggestions."""
        return _maker(name, near, contexts)(
            "not_found", scored.candidates[:5],
            "no place has this name" if not scored.candidates else "only weak matches; see the suggestions")


def _best_first(cand: Candidate) -> tuple[float, str]:
    return -cand.score, cand.place.id


def _same_place(a: Place, b: Place) -> bool:
    """One place recorded twice: the same kind, DUPLICATE_KM apart at most."""
    return a.kind == b.kind and km(a, b) <= DUPLICATE_KM


def _one_unit(a: Place, b: Place, hint: str | None, text: str = "") -> bool:
    """A district and a province of one seat, the first of the kind the text
    names: one area under two governments (the NKAO's Mardakert raion and
    Artsakh's Martakert province), and the text's word says which."""
    if {a.kind, b.kind} != {"district", "province"} or km(a, b) > DUPLICATE_KM:
        return False
    # Where the word does not choose, the unit of the present outranks the one
    # abolished (the NKAO's raions ended in 1991-1992): "Martuni district",
    # "Мартунинском районе" in the press of 2016-2025 is Artsakh's region. Not
    # when the text is the abolished unit's own name ("Askeran raion").
    folded = text.casefold().strip()
    return hint == a.kind or (a.current and not b.current
                              and not any(n.text.casefold() == folded for n in b.names))


def _maker(name: str, near: str | None, contexts: Sequence[Context]) -> Callable[..., Resolution]:
    unknown = [c.text for c in contexts if not c.places]
    note = f"; context {', '.join(map(repr, unknown))} matched no place" if unknown else ""

    def result(status: str, cands: Sequence[Candidate], why: str) -> Resolution:
        return Resolution(name, status, tuple(cands), why + note, near)
    return result


@dataclass(frozen=True)
class Scored:
    """Candidates best first, with each one's context fit and layer score by place id."""

    candidates: list[Candidate]
    fits: dict[str, str]
    bases: dict[str, float]

    def __init__(self, candidates: list[Candidate], fits: dict[str, str], bases: dict[str, float]) -> None:
        # One a look-up: not a frozen __setattr__ per field (see model.Candidate).
        fields = self.__dict__
        fields["candidates"], fields["fits"], fields["bases"] = candidates, fits, bases

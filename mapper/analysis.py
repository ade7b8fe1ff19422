"""Resolving a ledger's places and finding the patterns in its claims.

Flags, on each claim:

* ``repeat``: a side claims ``captured`` for a place it had already claimed
  captured, with no ``withdrew`` by it and no ``captured`` by another side in
  between;
* ``contested``: another side ``denies``, ``holds`` or claims ``captured`` of
  the same place within ``window`` days either way (both claims get it);
* ``corroborated``: another side says it ``withdrew`` from the place within
  ``corroboration_days`` either way of the capture claim (an admission may
  come first);
* ``retracted``: the claim's status is ``deleted`` or ``retracted``; such a
  claim is no evidence for or against any other.

Claims are taken in time order (date-times in UTC, a bare date as its day),
then by id, never by row; windows count whole local days.

The same place under different names is one place: claims are grouped by the
gazetteer's place id, or by the name's normalised key when unresolved.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from itertools import compress, repeat
import operator
from operator import attrgetter, itemgetter

from gazetteer import Gazetteer, Place, Resolution
from gazetteer.normalize import norm_key

from .ledger import Claim, Ledger

__all__ = ["FLAGS", "Analysis", "analyse"]

FLAGS = ("repeat", "contested", "corroborated", "retracted")
_CONTESTING = {"denies", "holds", "captured"}
#: Claims about who has the ground: what a denial, a "holds" or a rival
#: capture contradicts.
_TERRITORIAL = {"captured", "holds"}
_CONTROL = {"captured", "holds", "withdrew"}
_kind, _id, _day, _side = attrgetter("claim"), attrgetter("id"), attrgetter("day"), attrgetter("side")
_place, _near, _lat, _lon = attrgetter("place"), attrgetter("near"), attrgetter("lat"), attrgetter("lon")
#: Stands in for a claim placed one by one until it is.
_UNPLACED = (None, None, None)


@dataclass
class Analysis:
    ledger: Ledger
    #: claim id -> resolution of its place
    resolutions: dict[str, Resolution]
    #: claim id -> the place the claim is about (None when not resolved)
    places: dict[str, Place | None]
    #: claim id -> place key (place id, or "name:<key>" when unresolved)
    keys: dict[str, str]
    flags: dict[str, list[str]] = field(default_factory=dict)
    #: claim id -> the claim ids behind each of its flags
    related: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    #: capture claim id -> the same side's earlier capture claim on the area it lies in
    inside_claimed: dict[str, str] = field(default_factory=dict)
    #: claim id -> flag -> how many partners it has (``related`` lists at most PARTNER_CAP)
    related_total: dict[str, dict[str, int]] = field(default_factory=dict)
    #: the claims sorted by time (UTC) then id
    ordered: list[Claim] | None = None
    #: days either way within which another side's claim contests one
    window: int = 3
    #: what is made from the analysis once and used by several outputs (the control layer)
    derived: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def claims(self) -> list[Claim]:
        return self.ordered if self.ordered is not None else self.ledger.claims

    @staticmethod
    def name_key(text: str) -> str:
        """The key of claims whose place did not resolve: its normalised name."""
        return f"name:{norm_key(text) or text}"

    def label(self, key: str) -> str:
        """A readable name for a place key: the place's name, or the text as a ledger wrote it."""
        return self._labels.get(key, key)

    @cached_property
    def _labels(self) -> dict[str, str]:
        claims, places = self.claims, self.places
        ids = list(map(_id, claims))
        keys = list(map(self.keys.__getitem__, ids))
        # The first claim (in time order) about a place names it: each key's first index, found
        # in C (a later claim's index is overwritten by an earlier one's), then one step per place.
        first = dict(zip(reversed(keys), range(len(keys) - 1, -1, -1)))
        out: dict[str, str] = {}
        for key, i in first.items():
            place = places[ids[i]]
            out[key] = place.name if place else claims[i].place
        return out

    def timeline(self, key: str) -> list[Claim]:
        """Every claim about one place (by place key), oldest first."""
        return [c for c in self.claims if self.keys[c.id] == key]

    def control(self, as_of: dt.date) -> dict[str, list[str]]:
        """What each side claims to control on a date: side -> place keys.

        A side claims a place when its latest captured/holds/withdrew claim
        about it, up to that date and not retracted, is captured or holds.
        """
        flags, keys = self.flags, self.keys
        # Claims about who holds the ground, picked in C: most claims are attacks, shelling, tolls.
        about = list(compress(self.claims, map(_CONTROL.__contains__, map(_kind, self.claims))))
        ids = list(map(_id, about))
        # Those up to the day and not retracted, also picked in C.
        standing = map(operator.and_, map(as_of.__ge__, map(_day, about)),
                       map(operator.not_, map(operator.contains, map(flags.get, ids, repeat(())),
                                              repeat("retracted"))))
        kept = list(compress(zip(about, ids), standing))
        # Each (side, place)'s last claim, in time order: a dict keeps the last value given for a key.
        latest: dict[tuple[str, str], Claim] = dict(zip(
            zip(map(_side, map(itemgetter(0), kept)), map(keys.__getitem__, map(itemgetter(1), kept))),
            map(itemgetter(0), kept)))
        out: dict[str, list[str]] = defaultdict(list)
        for (side, key), claim in sorted(latest.items()):
            if claim.claim in ("captured", "holds"):
                out[side].append(key)
        return dict(out)

    def unresolved(self) -> dict[str, tuple[Resolution, list[str]]]:
        """Place text -> (resolution, claim ids) for places not resolved."""
        out: dict[str, tuple[Resolution, list[str]]] = {}
        claims = self.claims
        placed = map(self.places.__getitem__, map(_id, claims))
        for claim in compress(claims, map(operator.is_, placed, repeat(None))):
            label = claim.place + (f" (near {claim.near})" if claim.near else "")
            out.setdefault(label, (self.resolutions[claim.id], []))[1].append(claim.id)
        return out


def _locate(gaz: Gazetteer, claim: Claim, res: Resolution) -> Place | None:
    if claim.lat is not None and claim.lon is not None:
        # Explicit coordinates override the gazetteer, keeping its identity
        # (and names) when the name resolved.
        base = res.place
        return Place(id=base.id if base else f"point:{claim.lat:.5f},{claim.lon:.5f}",
                     name=base.name if base else claim.place,
                     kind=base.kind if base else "landmark", lat=claim.lat, lon=claim.lon,
                     country=base.country if base else None, parents=base.parents if base else (),
                     names=base.names if base else (), sources=base.sources if base else {"ledger": True})
    return res.place


#: Time first (UTC; a bare date is its noon), then id: never the row, so
#: the flags do not depend on how a ledger happens to be sorted.
_order = attrgetter("when", "id")


def _dated(res: Resolution) -> bool:
    """Whether the source's date can change this resolution.

    A date only ever lowers the score of a candidate whose matched name was not
    in use on it (``gazetteer.ranking``); so when no candidate listed holds a
    name with a validity period, no date changes which candidates are listed,
    their scores or the status, and one undated resolution serves every claim.
    """
    return any(n.valid_from or n.valid_to for c in res.candidates for n in c.place.names)


class _Resolver:
    """Each distinct (name, near) resolved once; by day only for names whose
    candidates have validity periods (a few dozen places in the gazetteer)."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self._undated: dict[tuple[str, str | None], Resolution] = {}
        self._by_day: dict[tuple[str, str | None, dt.date], Resolution] = {}
        self._dated: set[tuple[str, str | None]] = set()

    def seed(self, found: dict[tuple[str, str | None], Resolution]) -> None:
        """Take undated resolutions made ahead (``lookups.resolve_names``) as ``__call__`` would
        have taken them when it first met each (name, near)."""
        for key, res in found.items():
            if _dated(res):
                self._dated.add(key)
            else:
                self._undated[key] = res

    def undated(self, name: str, near: str | None) -> bool:
        """Whether (name, near) has one answer for every day (known once it has been resolved)."""
        return (name, near) in self._undated

    def __call__(self, name: str, near: str | None, day: dt.date) -> Resolution:
        key = (name, near)
        res = self._undated.get(key)
        if res is not None:
            return res
        if key not in self._dated:
            res = self.gaz.resolve(name, near=near)
            if not _dated(res):
                self._undated[key] = res
                return res
            self._dated.add(key)
        res = self._by_day.get((name, near, day))
        if res is None:
            res = self._by_day[(name, near, day)] = self.gaz.resolve(name, near=near, as_of=day)
        return res


def analyse(ledger: Ledger, gaz: Gazetteer, *, window: int = 3, corroboration_days: int = 7,
            workers: int = 1) -> Analysis:
    """Resolve every claim's place and flag the claims.

    A place name is resolved once per distinct (name, near), and per day only
    when a date can change its answer. Flags are computed per place in one
    pass over its claims sorted by time then id; windows are counted in whole
    local days, both ways, so the result is the same whatever the row order.
    ``workers`` 2: the distinct names are looked up in two processes at once
    (``mapper.lookups``), the same resolutions.
    """
    claims = sorted(ledger.claims, key=_order)
    resolve = _Resolver(gaz)
    if workers > 1:
        from .lookups import resolve_names

        resolve.seed(resolve_names(gaz, zip(map(attrgetter("place"), claims), map(attrgetter("near"), claims)),
                                   workers=workers))
    ids = list(map(_id, claims))
    pairs = list(zip(map(_place, claims), map(_near, claims)))
    # (name, near) -> (resolution, place, key) where no date changes the answer: most of a
    # ledger, a few thousand names, each resolved at its first claim and given to all its
    # claims at once. The rest (a claim with a position of its own, a name whose answer a
    # date changes, a blank name) is placed claim by claim.
    known: dict[tuple[str, str | None], tuple[Resolution, Place | None, str]] = {}
    first = dict(zip(reversed(pairs), reversed(claims)))  # each pair's first claim: written last
    for pair in dict.fromkeys(pairs):  # in the order of first claims, as claim by claim
        name, near = pair
        res = resolve(name, near, first[pair].day)
        if name.strip() and resolve.undated(name, near):
            place = res.place
            known[pair] = (res, place, place.id if place is not None else Analysis.name_key(name))
    found = list(map(known.get, pairs))
    located = map(operator.and_, map(operator.is_not, map(_lat, claims), repeat(None)),
                  map(operator.is_not, map(_lon, claims), repeat(None)))
    for i in compress(range(len(claims)), located):
        found[i] = None
    one_by_one = [i for i, f in enumerate(found) if f is None] if None in found else []
    if one_by_one:
        found = [_UNPLACED if f is None else f for f in found]
    resolutions: dict[str, Resolution] = dict(zip(ids, map(itemgetter(0), found)))
    places: dict[str, Place | None] = dict(zip(ids, map(itemgetter(1), found)))
    keys: dict[str, str] = dict(zip(ids, map(itemgetter(2), found)))
    name_keys: dict[str, str] = {}
    for i in one_by_one:
        claim = claims[i]
        cid = claim.id
        res = resolve(claim.place, claim.near, claim.day)
        resolutions[cid] = res
        place = res.place if claim.lat is None or claim.lon is None else _locate(gaz, claim, res)
        places[cid] = place
        if place is not None:
            key = place.id
        elif claim.place.strip():
            key = name_keys.get(claim.place)
            if key is None:
                key = name_keys[claim.place] = Analysis.name_key(claim.place)
        else:
            # A claim about no place is about nothing another claim is about.
            key = f"none:{cid}"
        keys[cid] = key
    result = Analysis(ledger=ledger, resolutions=resolutions, places=places, keys=keys, ordered=claims,
                      window=window)
    # Only flagged claims get entries while flagging: most claims have none.
    flags: dict[str, set[str]] = defaultdict(set)
    related: dict[str, dict[str, list[str]]] = defaultdict(dict)
    totals: dict[str, dict[str, int]] = defaultdict(dict)
    by_place: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.status in RETRACTED_STATUSES:
            flags[claim.id].add("retracted")
        else:
            # A retracted claim is withdrawn by its own author: it is no
            # evidence for or against any other claim.
            by_place[keys[claim.id]].append(claim)

    def mark(claim: Claim, flag: str, partners: list[str], total: int) -> None:
        flags[claim.id].add(flag)
        related[claim.id][flag] = partners
        totals[claim.id][flag] = total

    for group in by_place.values():
        _flag_repeats(group, mark)
        index = _SideIndex(group)
        for claim in group:
            if claim.claim == "captured":
                found = index.others(claim, "withdrew", corroboration_days)
                if found[0]:
                    mark(claim, "corroborated", found[1], found[0])
            opposing = ("contesting" if claim.claim in _TERRITORIAL else
                        "territorial" if claim.claim in _CONTESTING else None)
            if opposing:
                found = index.others(claim, opposing, window)
                if found[0]:
                    mark(claim, "contested", found[1], found[0])
    # Most claims have no flags: each gets lists and dicts of its own, the flagged their contents.
    ids = [c.id for c in claims]
    result.flags = {cid: [] for cid in ids}
    for cid, found in flags.items():
        result.flags[cid] = [f for f in FLAGS if f in found]
    result.related = {cid: {} for cid in ids}
    for cid, partners in related.items():
        result.related[cid] = dict(sorted(partners.items()))
    result.related_total = {cid: {} for cid in ids}
    result.related_total.update(totals)
    result.inside_claimed = _inside_claimed(claims, places, result.flags)
    return result


#: How many partners of a flag are listed; the total is kept beside them.
PARTNER_CAP = 10
RETRACTED_STATUSES = ("deleted", "retracted")


#: The roles a claim plays against other sides' claims about its place.
_ROLES = {"withdrew": ("withdrew",), "captured": ("territorial", "contesting"),
          "holds": ("territorial", "contesting"), "denies": ("contesting",)}


class _SideIndex:
    """One place's claims by role and side, sorted by day: the claims of other
    sides within a window are found by bisection, not by scanning pairs."""

    def __init__(self, group: list[Claim]) -> None:
        by: dict[tuple[str, str], tuple[list[int], list[str]]] = {}
        for claim in group:  # sorted by time, so days ascend within each list
            roles = _ROLES.get(claim.claim)
            if roles:
                day = claim.day.toordinal()
                for role in roles:
                    days, ids = by.setdefault((role, claim.side), ([], []))
                    days.append(day)
                    ids.append(claim.id)
        self._by_role: dict[str, list[tuple[str, list[int], list[str]]]] = defaultdict(list)
        for (role, side), (days, ids) in sorted(by.items(), key=lambda kv: kv[0]):
            self._by_role[role].append((side, days, ids))

    def others(self, claim: Claim, role: str, window: int) -> tuple[int, list[str]]:
        """(how many, the first PARTNER_CAP ids) of other sides' claims in
        ``role`` within ``window`` days either way of ``claim``."""
        sides = self._by_role.get(role)
        if not sides:
            return 0, []
        day = claim.day.toordinal()
        total, ids = 0, []
        for side, days, side_ids in sides:
            if side == claim.side:
                continue
            lo, hi = bisect_left(days, day - window), bisect_right(days, day + window)
            if hi > lo:
                total += hi - lo
                ids += side_ids[lo:min(hi, lo + PARTNER_CAP)]
        return total, sorted(ids)[:PARTNER_CAP]


def _flag_repeats(group: list[Claim], mark) -> None:
    """``repeat``: a side's capture of a place it had claimed captured, with no
    withdrawal by it and no capture by another side in between."""
    last: dict[str, Claim] = {}
    for claim in group:
        if claim.claim == "captured":
            prev = last.get(claim.side)
            if prev is not None:
                mark(claim, "repeat", [prev.id], 1)
            # Another side's capture in between breaks every other side's run.
            last = {claim.side: claim}
        elif claim.claim == "withdrew":
            last.pop(claim.side, None)


def _inside_claimed(claims: list[Claim], places: dict[str, Place | None],
                    flags: dict[str, list[str]]) -> dict[str, str]:
    """Captures of a place that lies in a district, province or region the same
    side had already claimed captured: claim id -> that earlier claim's id.

    The pattern of a president naming "liberated" villages in land announced
    as taken the week before. Not a flag (the flags are fixed): a finding for
    the report. A withdrawal by the side from the area, in between, clears it.
    """
    area_claims: dict[tuple[str, str], Claim] = {}
    out: dict[str, str] = {}
    for claim in claims:  # time order
        kind = claim.claim
        if kind != "captured" and kind != "withdrew":
            continue
        place = places[claim.id]
        if place is None or "retracted" in flags[claim.id]:
            continue
        if kind == "captured":
            for parent in place.parents:
                earlier = area_claims.get((claim.side, parent))
                if earlier is not None and earlier.day < claim.day:
                    out[claim.id] = earlier.id
                    break
            if place.kind in ("district", "province", "region"):
                area_claims.setdefault((claim.side, place.id), claim)
        else:
            area_claims.pop((claim.side, place.id), None)
    return out

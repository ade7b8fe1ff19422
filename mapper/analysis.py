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
        out: dict[str, str] = {}
        for claim in self.claims:
            place = self.places[claim.id]
            out.setdefault(self.keys[claim.id], place.name if place else claim.place)
        return out

    def timeline(self, key: str) -> list[Claim]:
        """Every claim about one place (by place key), oldest first."""
        return [c for c in self.claims if self.keys[c.id] == key]

    def control(self, as_of: dt.date) -> dict[str, list[str]]:
        """What each side claims to control on a date: side -> place keys.

        A side claims a place when its latest captured/holds/withdrew claim
        about it, up to that date and not retracted, is captured or holds.
        """
        latest: dict[tuple[str, str], Claim] = {}
        for claim in self.claims:
            if claim.day > as_of or claim.claim not in _CONTROL or "retracted" in self.flags.get(claim.id, ()):
                continue
            latest[(claim.side, self.keys[claim.id])] = claim
        out: dict[str, list[str]] = defaultdict(list)
        for (side, key), claim in sorted(latest.items()):
            if claim.claim in ("captured", "holds"):
                out[side].append(key)
        return dict(out)

    def unresolved(self) -> dict[str, tuple[Resolution, list[str]]]:
        """Place text -> (resolution, claim ids) for places not resolved."""
        out: dict[str, tuple[Resolution, list[str]]] = {}
        for claim in self.claims:
            res = self.resolutions[claim.id]
            if self.places[claim.id] is None:
                label = claim.place + (f" (near {claim.near})" if claim.near else "")
                out.setdefault(label, (res, []))[1].append(claim.id)
        return out


def _locate(claim: Claim, res: Resolution) -> Place | None:
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


def _order(claim: Claim) -> tuple[dt.datetime, str]:
    # Time first (UTC; a bare date is its noon), then id: never the row, so
    # the flags do not depend on how a ledger happens to be sorted.
    return claim.when, claim.id


def analyse(ledger: Ledger, gaz: Gazetteer, *, window: int = 3, corroboration_days: int = 7) -> Analysis:
    """Resolve every claim's place once per distinct (name, near, day) and flag the claims.

    Flags are computed per place in one pass over its claims sorted by time
    then id; windows are counted in whole local days, both ways, so the result
    is the same whatever the row order.
    """
    claims = sorted(ledger.claims, key=_order)
    resolutions: dict[str, Resolution] = {}
    places: dict[str, Place | None] = {}
    keys: dict[str, str] = {}
    for claim in claims:
        res = gaz.resolve(claim.place, near=claim.near, as_of=claim.day)
        resolutions[claim.id] = res
        place = _locate(claim, res)
        places[claim.id] = place
        # gaz.resolve refuses an empty name (and the ledger reader rejects the
        # row first), so every claim has a name to key on.
        keys[claim.id] = place.id if place is not None else Analysis.name_key(claim.place)
    result = Analysis(ledger=ledger, resolutions=resolutions, places=places, keys=keys, ordered=claims)
    flags: dict[str, set[str]] = {c.id: set() for c in claims}
    related: dict[str, dict[str, list[str]]] = {c.id: {} for c in claims}
    totals: dict[str, dict[str, int]] = {c.id: {} for c in claims}
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
                total, partners = index.others(claim, "withdrew", corroboration_days)
                if total:
                    mark(claim, "corroborated", partners, total)
            opposing = ("contesting" if claim.claim in _TERRITORIAL else
                        "territorial" if claim.claim in _CONTESTING else None)
            if opposing:
                total, partners = index.others(claim, opposing, window)
                if total:
                    mark(claim, "contested", partners, total)
    result.flags = {cid: [f for f in FLAGS if f in fl] for cid, fl in flags.items()}
    result.related = {cid: dict(sorted(rel.items())) for cid, rel in related.items()}
    result.related_total = totals
    result.inside_claimed = _inside_claimed(claims, places, flags)
    return result


#: How many partners of a flag are listed; the total is kept beside them.
PARTNER_CAP = 10
RETRACTED_STATUSES = ("deleted", "retracted")


class _SideIndex:
    """One place's claims by side and role, sorted by day: the claims of other
    sides within a window are found by bisection, not by scanning pairs."""

    def __init__(self, group: list[Claim]) -> None:
        self._by: dict[tuple[str, str], tuple[list[int], list[Claim]]] = {}
        for claim in group:  # sorted by time, so days ascend within each list
            roles = []
            if claim.claim == "withdrew":
                roles.append("withdrew")
            if claim.claim in _TERRITORIAL:
                roles.append("territorial")
            if claim.claim in _CONTESTING:
                roles.append("contesting")
            for role in roles:
                days, items = self._by.setdefault((role, claim.side), ([], []))
                days.append(claim.day.toordinal())
                items.append(claim)

    def others(self, claim: Claim, role: str, window: int) -> tuple[int, list[str]]:
        """(how many, the first PARTNER_CAP ids) of other sides' claims in
        ``role`` within ``window`` days either way of ``claim``."""
        day = claim.day.toordinal()
        total, ids = 0, []
        # Any order: the total is a sum and the ids are sorted below.
        for (have, side), (days, items) in self._by.items():
            if have != role or side == claim.side:
                continue
            lo, hi = bisect_left(days, day - window), bisect_right(days, day + window)
            total += hi - lo
            ids.extend(c.id for c in items[lo:min(hi, lo + PARTNER_CAP)])
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
                    flags: dict[str, set[str]]) -> dict[str, str]:
    """Captures of a place that lies in a district, province or region the same
    side had already claimed captured: claim id -> that earlier claim's id.

    The pattern of a president naming "liberated" villages in land announced
    as taken the week before. Not a flag (the flags are fixed): a finding for
    the report. A withdrawal by the side from the area, in between, clears it.
    """
    area_claims: dict[tuple[str, str], Claim] = {}
    out: dict[str, str] = {}
    for claim in claims:  # time order
        place = places[claim.id]
        if place is None or "retracted" in flags[claim.id]:
            continue
        if claim.claim == "captured":
            for parent in place.parents:
                earlier = area_claims.get((claim.side, parent))
                if earlier is not None and earlier.day < claim.day:
                    out[claim.id] = earlier.id
                    break
            if place.kind in ("district", "province", "region"):
                area_claims.setdefault((claim.side, place.id), claim)
        elif claim.claim == "withdrew":
            area_claims.pop((claim.side, place.id), None)
    return out

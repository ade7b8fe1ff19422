"""Resolving a ledger's places and finding the patterns in its claims.

Flags, on each claim:

* ``repeat``: a side claims ``captured`` for a place it had already claimed
  captured, with no ``withdrew`` by it and no ``captured`` by another side in
  between;
* ``contested``: another side ``denies``, ``holds`` or claims ``captured`` of
  the same place within ``window`` days either way (both claims get it);
* ``corroborated``: another side says it ``withdrew`` from the place within
  ``corroboration_days`` after the capture claim;
* ``retracted``: the claim's status is ``deleted`` or ``retracted``.

The same place under different names is one place: claims are grouped by the
gazetteer's place id, or by the name's normalised key when unresolved.
"""

from __future__ import annotations

import datetime as dt
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

    @property
    def claims(self) -> list[Claim]:
        return self.ledger.claims

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
            if claim.day > as_of or claim.claim not in _CONTROL or "retracted" in self.flags[claim.id]:
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


def analyse(ledger: Ledger, gaz: Gazetteer, *, window: int = 3, corroboration_days: int = 7) -> Analysis:
    resolutions: dict[str, Resolution] = {}
    places: dict[str, Place | None] = {}
    keys: dict[str, str] = {}
    for claim in ledger.claims:
        res = gaz.resolve(claim.place, near=claim.near, as_of=claim.day)
        resolutions[claim.id] = res
        place = _locate(gaz, claim, res)
        places[claim.id] = place
        keys[claim.id] = place.id if place else Analysis.name_key(claim.place)
    result = Analysis(ledger=ledger, resolutions=resolutions, places=places, keys=keys)
    flags: dict[str, set[str]] = {c.id: set() for c in ledger.claims}
    related: dict[str, dict[str, set[str]]] = {c.id: defaultdict(set) for c in ledger.claims}
    by_place: dict[str, list[Claim]] = defaultdict(list)
    for claim in ledger.claims:  # already in time order
        by_place[keys[claim.id]].append(claim)
        if claim.status in ("deleted", "retracted"):
            flags[claim.id].add("retracted")
    for claims in by_place.values():
        for i, claim in enumerate(claims):
            if claim.claim == "captured":
                _repeat(claim, claims[:i], flags, related)
                for later in claims[i + 1:]:
                    gap = (later.day - claim.day).days
                    if gap > corroboration_days:
                        break
                    if later.claim == "withdrew" and later.side != claim.side:
                        flags[claim.id].add("corroborated")
                        related[claim.id]["corroborated"].add(later.id)
            for other in claims[i + 1:]:
                if (other.day - claim.day).days > window:
                    break
                if other.side == claim.side:
                    continue
                if (claim.claim in _TERRITORIAL and other.claim in _CONTESTING) or \
                        (other.claim in _TERRITORIAL and claim.claim in _CONTESTING):
                    for a, b in ((claim, other), (other, claim)):
                        flags[a.id].add("contested")
                        related[a.id]["contested"].add(b.id)
    result.flags = {cid: [f for f in FLAGS if f in fl] for cid, fl in flags.items()}
    result.related = {cid: {k: sorted(v) for k, v in sorted(rel.items())} for cid, rel in related.items()}
    result.inside_claimed = _inside_claimed(ledger.claims, places, flags)
    return result


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


def _repeat(claim: Claim, earlier: list[Claim], flags, related) -> None:
    # Walk back from the claim: the nearest earlier capture by the same side
    # makes it a repeat, unless that side withdrew, or another side claimed the
    # capture, in between.
    for prev in reversed(earlier):
        if prev.side == claim.side and prev.claim == "withdrew":
            return
        if prev.side != claim.side and prev.claim == "captured":
            return
        if prev.side == claim.side and prev.claim == "captured":
            flags[claim.id].add("repeat")
            related[claim.id]["repeat"].add(prev.id)
            return

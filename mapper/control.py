"""Claimed control by date: the ground each side claims, drawn as areas.

A settlement's area is its Voronoi cell among the gazetteer's settlements of
its district, clipped to the district; a district or province claimed as a
whole is its polygon, less the cells of the settlements that have claims of
their own (those are drawn on top of it, so no two shapes overlap).

A shape's state on a day comes from the ``captured``/``holds``/``withdrew``
claims about its place and about the units that contain it, up to that day
and not retracted: each side's latest such claim says whether it claims the
ground. One side claiming it: that side. Several: the most recent claim wins
when it came more than ``window`` days after every rival's; otherwise the
shape is contested and given to no side. Everything here is *claimed*
control, never a statement of fact.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter
from typing import Any

import numpy as np
import shapely
from shapely.geometry import mapping, shape

from gazetteer import Gazetteer, Place

from .analysis import RETRACTED_STATUSES, Analysis
from .ledger import Claim

__all__ = ["CONTESTED", "ControlLayer", "claimed_control"]

#: The state of a shape claimed by more than one side at once.
CONTESTED = -1
_CONTROL = ("captured", "holds", "withdrew")
_UNITS = ("district", "province")
#: Claims in time order, then by id.
_ORDER = attrgetter("when", "id")
#: Degrees: about 200 m, finer than any claim's precision.
SIMPLIFY = 0.002


@dataclass(frozen=True)
class ControlLayer:
    """Shapes and how their claimed control changes, day by day.

    ``states[i]`` lists ``(day, state)`` for shape ``i`` whenever its state
    changes: a side's index in ``sides``, ``CONTESTED``, or ``None`` (nobody
    claims it any more).
    """

    sides: list[str]
    place_ids: list[str]
    geometries: list[Any]  # shapely geometries, EPSG:4326
    states: list[list[tuple[dt.date, int | None]]]

    def on(self, day: dt.date) -> dict[int, int]:
        """Shape index -> state (side index or CONTESTED) on a day; unclaimed shapes are left out."""
        out = {}
        for i, changes in enumerate(self.states):
            state = None
            for when, value in changes:
                if when > day:
                    break
                state = value
            if state is not None:
                out[i] = state
        return out

    def dissolved(self, day: dt.date) -> dict[str, Any]:
        """A GeoJSON FeatureCollection: one (multi)polygon per side and one for contested ground."""
        groups: dict[int, list[Any]] = defaultdict(list)
        for i, state in self.on(day).items():
            groups[state].append(self.geometries[i])
        features = []
        for state in sorted(groups):
            geom = shapely.union_all(groups[state])
            geom = shapely.orient_polygons(geom) if hasattr(shapely, "orient_polygons") else geom
            side = None if state == CONTESTED else self.sides[state]
            features.append({
                "type": "Feature",
                "properties": {"side": side,
                               "status": "contested" if side is None else "claimed",
                               "label": "contested" if side is None else f"claimed by {side}",
                               "as_of": day.isoformat()},
                "geometry": _rounded(mapping(geom)),
            })
        return {"type": "FeatureCollection", "features": features}

    def payload(self, days: list[str]) -> dict[str, Any]:
        """What the page needs: shapes once, and per day only the shapes that change.

        ``diff[day]`` maps a shape index to its new state (``null`` for none);
        stepping the slider forward applies one day's diff, so a step touches
        only what changes.
        """
        diff: dict[str, dict[str, int | None]] = {}
        for i, changes in enumerate(self.states):
            for when, value in changes:
                diff.setdefault(when.isoformat(), {})[str(i)] = value
        return {
            "shapes": [_rounded(mapping(g)) for g in self.geometries],
            "places": self.place_ids,
            "diff": {d: diff[d] for d in sorted(diff)},
        }


def _rounded(geo: dict[str, Any], digits: int = 4) -> dict[str, Any]:
    def walk(value):
        if isinstance(value, (list, tuple)):
            if value and isinstance(value[0], (int, float)):
                return [round(float(v), digits) for v in value]
            return [walk(v) for v in value]
        return value
    return {"type": geo["type"], "coordinates": walk(geo["coordinates"])}


class _Shapes(dict):
    """Unit id -> polygon, each made from its GeoJSON when first asked for: a
    ledger's claims lie in a few of the ninety units. (Only look-ups and
    ``in`` are used: ``values()`` would give the GeoJSON.)"""

    def __getitem__(self, key: str) -> Any:
        value = super().__getitem__(key)
        if isinstance(value, dict):
            value = shape(value)
            self[key] = value
        return value


class _Areas:
    """Unit polygons and settlement cells of one gazetteer, computed on first need."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self.units = _Shapes({f["id"]: f["geometry"] for f in gaz.boundaries["features"]
                              if f["properties"]["kind"] in _UNITS})
        self._members: dict[str, list[tuple[str, float, float]]] | None = None
        self._cells: dict[str, tuple[dict[str, int], list[Any]]] = {}
        self._clipped: dict[str, dict[int, Any | None]] = {}

    def unit_of(self, place: Place) -> str | None:
        """The smallest unit with a polygon that lists the place among its parents."""
        for parent in place.parents:
            if parent in self.units:
                return parent
        return None

    def members(self, unit: str) -> list[tuple[str, float, float]]:
        """(id, lon, lat) of the settlements whose smallest unit with a polygon is ``unit``."""
        if self._members is None:
            self._members = defaultdict(list)
            # The compiled records, not Place objects: building eight thousand
            # of those costs more than all the geometry that follows.
            units = self.units
            for rec in self.gaz.records():
                if rec["kind"] == "settlement":
                    for parent in rec["parents"]:
                        if parent in units:
                            self._members[parent].append((rec["id"], rec["lon"], rec["lat"]))
                            break
        return self._members.get(unit, [])

    def cell(self, place: Place) -> Any | None:
        unit = self.unit_of(place)
        if unit is None:
            return None
        if unit not in self._cells:
            self._cells[unit] = self._voronoi(unit)
        index, cells = self._cells[unit]
        at = index.get(place.id)
        if at is None:
            return None
        # Clipped to the unit only when a claim needs it: a unit has a hundred
        # settlements, a ledger's claims name a few of them.
        if at not in self._clipped[unit]:
            clipped = shapely.simplify(shapely.intersection(cells[at], self.units[unit]), SIMPLIFY)
            self._clipped[unit][at] = None if clipped.is_empty else clipped
        return self._clipped[unit][at]

    def clip(self, places: list[Place]) -> None:
        """Clip the cells of ``places`` to their units ahead of ``cell``: one array operation
        per unit instead of three calls per place (the same GEOS operations, the same shapes)."""
        wanted: dict[str, set[int]] = defaultdict(set)
        for place in places:
            unit = self.unit_of(place)
            if unit is None:
                continue
            if unit not in self._cells:
                self._cells[unit] = self._voronoi(unit)
            at = self._cells[unit][0].get(place.id)
            if at is not None and at not in self._clipped[unit]:
                wanted[unit].add(at)
        for unit, ats in wanted.items():
            order = sorted(ats)
            cells = self._cells[unit][1]
            clipped = shapely.simplify(shapely.intersection(cells[order], self.units[unit]), SIMPLIFY)
            for at, geom, empty in zip(order, clipped, shapely.is_empty(clipped)):
                self._clipped[unit][at] = None if empty else geom

    def _voronoi(self, unit: str) -> tuple[dict[str, int], list[Any]]:
        """Place id -> the index of its Voronoi cell, and the cells (not yet clipped to the unit)."""
        polygon = self.units[unit]
        self._clipped[unit] = {}
        # One point per position: two records at one spot would split a cell.
        # Each of them gets the whole cell, so that a claim about either
        # (Ararat town and the village of Davalu share a point) is drawn.
        at: dict[tuple[float, float], list[str]] = {}
        for pid, lon, lat in sorted(self.members(unit)):
            at.setdefault((round(lon, 5), round(lat, 5)), []).append(pid)
        if not at:
            return {}, []
        if len(at) == 1:
            self._clipped[unit][0] = polygon.simplify(SIMPLIFY)
            return {pid: 0 for pid in next(iter(at.values()))}, [polygon]
        # Whole arrays through shapely: a Point object per settlement cost more
        # than the diagram itself.
        points = shapely.multipoints(np.array(list(at), dtype=float))
        cells = shapely.get_parts(shapely.voronoi_polygons(points, extend_to=polygon, ordered=True))
        return {pid: i for i, pids in enumerate(at.values()) for pid in pids}, cells


@lru_cache(maxsize=4)
def _areas(gaz: Gazetteer) -> _Areas:
    return _Areas(gaz)


def _state(latest: dict[str, Claim], sides: dict[str, int], window: int) -> int | None:
    claiming = [c for c in latest.values() if c.claim in ("captured", "holds")]
    if not claiming:
        return None
    claiming.sort(key=_ORDER)
    newest = claiming[-1]
    if all((newest.day - other.day).days > window for other in claiming[:-1]):
        return sides[newest.side]
    return CONTESTED


def claimed_control(analysis: Analysis, gaz: Gazetteer, *, window: int = 3) -> ControlLayer:
    """The claimed-control layer of an analysed ledger (see the module's docstring).

    Made once per analysis, gazetteer and window: the page and the control
    file of one build share it."""
    key = ("control", id(gaz), window)
    layer = analysis.derived.get(key)
    if layer is None or layer[0] is not gaz:
        layer = analysis.derived[key] = (gaz, _claimed_control(analysis, gaz, window))
    return layer[1]


def _claimed_control(analysis: Analysis, gaz: Gazetteer, window: int) -> ControlLayer:
    areas = _areas(gaz)
    claims = [c for c in analysis.claims
              if c.claim in _CONTROL and c.status not in RETRACTED_STATUSES
              and analysis.places.get(c.id) is not None]
    sides = sorted({c.side for c in claims})
    side_index = {s: i for i, s in enumerate(sides)}
    about: dict[str, list[Claim]] = defaultdict(list)
    place_of: dict[str, Place] = {}
    for claim in claims:
        place = analysis.places[claim.id]
        if place.kind in ("country", "region"):
            continue  # too coarse to draw as ground: the side panel lists them
        about[place.id].append(claim)
        place_of[place.id] = place

    shapes: list[tuple[str, Any, list[Claim]]] = []
    cells_in: dict[str, list[Any]] = defaultdict(list)
    areas.clip([place_of[pid] for pid in about if place_of[pid].kind == "settlement"])
    for pid in sorted(about):
        place = place_of[pid]
        if place.kind in _UNITS:
            continue
        geom = areas.cell(place) if place.kind == "settlement" else None
        if geom is None:
            continue
        own = about[pid] + [c for parent in place.parents for c in about.get(parent, ())]
        shapes.append((pid, geom, own))
        for parent in place.parents:
            cells_in[parent].append(geom)
    for pid in sorted(about):
        place = place_of[pid]
        if place.kind not in _UNITS or pid not in areas.units:
            continue
        geom = areas.units[pid]
        if cells_in.get(pid):
            geom = geom.difference(shapely.union_all(cells_in[pid]))
        inner = [u for u in about if u != pid and place_of[u].kind in _UNITS and pid in place_of[u].parents
                 and u in areas.units]
        if inner:
            geom = geom.difference(shapely.union_all([areas.units[u] for u in inner]))
        geom = geom.simplify(SIMPLIFY)
        if geom.is_empty:
            continue
        own = about[pid] + [c for parent in place.parents for c in about.get(parent, ())]
        shapes.append((pid, geom, own))

    states = []
    for _, _, own in shapes:
        own.sort(key=_ORDER)
        latest: dict[str, Claim] = {}
        changes: list[tuple[dt.date, int | None]] = []
        current: int | None = None
        for i, claim in enumerate(own):
            latest[claim.side] = claim
            if i + 1 < len(own) and own[i + 1].day == claim.day:
                continue  # one state per day: the day's last word
            state = _state(latest, side_index, window)
            if state != current:
                changes.append((claim.day, state))
                current = state
        states.append(changes)
    return ControlLayer(sides=sides, place_ids=[s[0] for s in shapes],
                        geometries=[s[1] for s in shapes], states=states)

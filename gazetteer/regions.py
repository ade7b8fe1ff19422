"""Unit outlines (boundaries.geojson) and where a point lies against them.

Point in polygon by ray casting and distance to an edge on a local flat
projection, in plain Python: a look-up tests a few simplified outlines, and
importing shapely (with numpy) would cost more than all the tests a batch makes.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from .model import Place

__all__ = ["EDGE_KM", "Regions"]

#: A point this close outside a unit's simplified outline may still lie in it.
EDGE_KM = 3.0


class Regions:
    """Unit polygons (boundaries.geojson) by place id, read on first use.

    Point in polygon by ray casting, in plain Python: a few simplified
    outlines are tested per query, and importing shapely (with numpy) would
    cost more than all the tests a batch makes.
    """

    def __init__(self, load: Callable[[], dict[str, Any]],
                 covered: Callable[[set[str]], dict[str, list[str]]] | None = None) -> None:
        self._load = load
        #: Given the ids with an outline, the units without one and the outlined
        #: districts each covers (the Nakhchivan AR, known by its districts).
        self._covered_by = covered
        self._covered: dict[str, list[str]] | None = None
        self._features: dict[str, dict[str, Any]] | None = None
        self._shapes: dict[str, tuple[tuple[float, float, float, float], list[list[list[float]]]]] = {}

    def has(self, unit_id: str) -> bool:
        if self._features is None:
            self._features = {f.get("id") or f["properties"].get("id"): f
                              for f in self._load().get("features", [])
                              if (f.get("geometry") or {}).get("type") in ("Polygon", "MultiPolygon")}
        return unit_id in self._features

    def kind(self, unit_id: str) -> str | None:
        """The unit's kind when it has an outline (district, province, country)."""
        if not self.has(unit_id):
            return None
        assert self._features is not None
        return self._features[unit_id]["properties"].get("kind")

    def covers(self, unit_id: str) -> list[str]:
        """The outlined districts a unit without an outline of its own covers."""
        if self._covered is None:
            self.has(unit_id)
            assert self._features is not None
            self._covered = self._covered_by(set(self._features)) if self._covered_by else {}
        return self._covered.get(unit_id, [])

    def locate(self, unit_id: str, place: Place) -> str | None:
        """"inside", "edge" or "outside" the unit's polygon, or the polygons of
        the districts it covers; None when it has neither."""
        if not self.has(unit_id):
            levels = {self.locate(d, place) for d in self.covers(unit_id)}
            # Outside every district it covers is not yet outside the unit: its own reach
            # (ROUGH_KM, the units it covers) is the decider's to judge.
            return next((level for level in ("inside", "edge") if level in levels), None)
        shape = self._shapes.get(unit_id)
        if shape is None:
            assert self._features is not None
            geometry = self._features[unit_id]["geometry"]
            polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
            rings = [ring for polygon in polygons for ring in polygon]
            xs = [pt[0] for ring in rings for pt in ring]
            ys = [pt[1] for ring in rings for pt in ring]
            shape = self._shapes[unit_id] = ((min(xs), min(ys), max(xs), max(ys)), rings)
        (west, south, east, north), rings = shape
        x, y = place.lon, place.lat
        # Degrees of margin that EDGE_KM makes at this latitude.
        margin = EDGE_KM / (111.32 * max(math.cos(math.radians(y)), 0.1))
        if not (west - margin <= x <= east + margin and south - margin <= y <= north + margin):
            return "outside"
        if _crossings(rings, x, y) % 2:
            return "inside"
        return "edge" if _distance_km(rings, x, y) <= EDGE_KM else "outside"

    def distance_km(self, unit_id: str, place: Place) -> float | None:
        """How far outside the unit's outline a place lies (0 inside); None when it has none."""
        located = self.locate(unit_id, place)
        if located is None:
            return None
        if located == "inside":
            return 0.0
        if not self.has(unit_id):
            return min(d for d in (self.distance_km(c, place) for c in self.covers(unit_id)) if d is not None)
        return _distance_km(self._shapes[unit_id][1], place.lon, place.lat)


def _crossings(rings: list[list[list[float]]], x: float, y: float) -> int:
    """Edges of all rings that a ray from (x, y) to the east crosses (odd: inside; holes are rings too)."""
    count = 0
    for ring in rings:
        x1, y1 = ring[-1][0], ring[-1][1]
        for pt in ring:
            x2, y2 = pt[0], pt[1]
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                count += 1
            x1, y1 = x2, y2
    return count


def _distance_km(rings: list[list[list[float]]], x: float, y: float) -> float:
    """Distance from (x, y) to the nearest edge, in km on a local flat projection."""
    kx, ky = 111.32 * math.cos(math.radians(y)), 111.32
    best = math.inf
    for ring in rings:
        ax, ay = (ring[-1][0] - x) * kx, (ring[-1][1] - y) * ky
        for pt in ring:
            bx, by = (pt[0] - x) * kx, (pt[1] - y) * ky
            dx, dy = bx - ax, by - ay
            length = dx * dx + dy * dy
            t = 0.0 if length == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / length))
            best = min(best, math.hypot(ax + t * dx, ay + t * dy))
            ax, ay = bx, by
    return best

"""Reverse look-up: which place is at a point, and which units hold it.

Points (settlements, landmarks) and unit polygons (districts, provinces,
countries) go in two shapely STRtrees built on first use, so a query costs a
tree search, not a scan of every place.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import shapely
from shapely.geometry import Point, shape

from .errors import InputError
from .model import Place

if TYPE_CHECKING:
    from .core import Gazetteer

__all__ = ["Nearest", "SpatialIndex"]

_POINT_KINDS = ("settlement", "landmark")
#: Kilometres per degree of latitude (mean Earth radius 6,371 km).
_KM_PER_DEG = math.pi * 6371.0 / 180


@dataclass(frozen=True)
class Nearest:
    """The place nearest a point, how far it is, and the units the point lies in (smallest first)."""

    place: Place
    distance_km: float
    within: tuple[Place, ...]


def _check_point(lat: object, lon: object) -> tuple[float, float]:
    try:
        lat, lon = float(lat), float(lon)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise InputError(f"lat/lon must be numbers, got {lat!r}, {lon!r}") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise InputError(f"lat {lat} / lon {lon} is not a point on Earth (lat -90..90, lon -180..180)")
    return lat, lon


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    # Haversine: exact enough at any distance this region has.
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


class SpatialIndex:
    """STRtrees over one gazetteer's places and unit polygons."""

    def __init__(self, gaz: Gazetteer) -> None:
        self._gaz = gaz
        points = [p for p in gaz if p.kind in _POINT_KINDS]
        self._points = points
        self._point_tree = shapely.STRtree([Point(p.lon, p.lat) for p in points])
        units = [(f["id"], shape(f["geometry"])) for f in gaz.boundaries["features"] if f["id"] in gaz]
        self._unit_ids = [u for u, _ in units]
        self._unit_geoms = [g for _, g in units]
        self._unit_tree = shapely.STRtree(self._unit_geoms)

    def within(self, lat: float, lon: float) -> tuple[Place, ...]:
        """The units whose polygon holds the point, smallest first."""
        lat, lon = _check_point(lat, lon)
        point = Point(lon, lat)
        hits = self._unit_tree.query(point, predicate="intersects")
        ordered = sorted(hits, key=lambda i: (self._unit_geoms[i].area, self._unit_ids[i]))
        return tuple(self._gaz.get(self._unit_ids[i]) for i in ordered)

    def nearest(self, lat: float, lon: float, *, kinds: tuple[str, ...] = _POINT_KINDS,
                max_km: float = 25.0) -> Nearest | None:
        """The settlement or landmark nearest the point, within ``max_km``; ``None`` if none is."""
        lat, lon = _check_point(lat, lon)
        unknown = set(kinds) - set(_POINT_KINDS)
        if unknown:
            raise InputError(f"kinds {sorted(unknown)} have no points here; use {', '.join(_POINT_KINDS)}")
        if not max_km > 0:
            raise InputError(f"max_km must be above 0, got {max_km!r}")
        # Search a box wide enough for max_km at this latitude, then rank by true distance.
        dlat = max_km / _KM_PER_DEG
        dlon = dlat / max(math.cos(math.radians(lat)), 0.01)
        box = shapely.box(lon - dlon, lat - dlat, lon + dlon, lat + dlat)
        best: tuple[float, str, Place] | None = None
        for i in self._point_tree.query(box):
            place = self._points[i]
            if place.kind not in kinds:
                continue
            dist = _km(lat, lon, place.lat, place.lon)
            if dist <= max_km and (best is None or (dist, place.id) < best[:2]):
                best = (dist, place.id, place)
        if best is None:
            return None
        return Nearest(place=best[2], distance_km=round(best[0], 3), within=self.within(lat, lon))

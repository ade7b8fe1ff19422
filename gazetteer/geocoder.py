"""A geopy geocoder backed by the gazetteer, so code written for geopy works offline."""

from __future__ import annotations

from typing import Any

from geopy.geocoders.base import Geocoder
from geopy.location import Location

from .core import Gazetteer

__all__ = ["GazetteerGeocoder"]


class GazetteerGeocoder(Geocoder):
    """``geocode()`` answers from the gazetteer; no network is touched.

    Works with geopy's ``RateLimiter`` and anything else that takes a geocoder.
    Ambiguous names return every candidate when ``exactly_one=False`` and
    ``None`` when ``exactly_one=True``: a geocoder that must pick one would guess.
    Each Location's ``raw`` is the place's compiled record plus the resolution.
    """

    def __init__(self, gazetteer: Gazetteer | None = None, *, near: str | None = None,
                 user_agent: str = "armaz-gazetteer") -> None:
        super().__init__(user_agent=user_agent)
        self.gazetteer = gazetteer or Gazetteer()
        self.near = near

    def geocode(self, query: str, *, exactly_one: bool = True, near: str | None = None,
                as_of: Any = None, **_ignored: Any):
        res = self.gazetteer.resolve(query, near=near or self.near, as_of=as_of)
        if res.status == "resolved":
            locs = [self._location(res.candidates[0], res)]
        elif res.status == "ambiguous" and not exactly_one:
            locs = [self._location(c, res) for c in res.candidates]
        else:
            return None if exactly_one else []
        return locs[0] if exactly_one else locs

    def reverse(self, query: Any, *, exactly_one: bool = True, **_ignored: Any):
        raise NotImplementedError("GazetteerGeocoder does not reverse-geocode")

    @staticmethod
    def _location(cand, res) -> Location:
        place = cand.place
        raw = {**place.raw, "status": res.status, "score": cand.score, "layer": cand.layer}
        return Location(place.name, (place.lat, place.lon), raw)

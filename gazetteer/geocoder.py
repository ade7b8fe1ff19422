"""A geopy geocoder backed by the gazetteer, so code written for geopy works offline."""

from __future__ import annotations

from typing import Any

from geopy.geocoders.base import Geocoder
from geopy.location import Location

from .core import Gazetteer
from .errors import InputError
from .model import DISPLAY_LANGS, Place

__all__ = ["GazetteerGeocoder"]


class GazetteerGeocoder(Geocoder):
    """``geocode()`` answers from the gazetteer; no network is touched.

    Works with geopy's ``RateLimiter`` and anything else that takes a geocoder.
    Ambiguous names return every candidate when ``exactly_one=False`` and
    ``None`` when ``exactly_one=True``: a geocoder that must pick one would guess.
    Each Location's ``raw`` is the place's compiled record plus the resolution.
    A Location's ``address`` is the place and the units above it, in the
    ``language`` asked for (ISO 639-1 or 639-3: "en"/"eng", "hy", "az", "ru"),
    falling back to the place's display name where a unit has no name in it.
    """

    def __init__(self, gazetteer: Gazetteer | None = None, *, near: str | None = None,
                 user_agent: str = "armaz-gazetteer") -> None:
        super().__init__(user_agent=user_agent)
        self.gazetteer = gazetteer or Gazetteer()
        self.near = near

    def geocode(self, query: str, *, exactly_one: bool = True, near: str | None = None,
                as_of: Any = None, language: str | None = None, **_ignored: Any):
        lang = _language(language)
        res = self.gazetteer.resolve(query, near=near or self.near, as_of=as_of)
        if res.status == "resolved":
            cands = [res.candidates[0]]
        elif res.status == "ambiguous" and not exactly_one:
            cands = list(res.candidates)
        else:
            return None if exactly_one else []
        locs = [self._location(c.place, lang, {"status": res.status, "score": c.score, "layer": c.layer})
                for c in cands]
        return locs[0] if exactly_one else locs

    def reverse(self, query: Any, *, exactly_one: bool = True, language: str | None = None,
                max_km: float = 25.0, **_ignored: Any):
        """The settlement or landmark nearest a point ("lat, lon", a pair, or a geopy Point)."""
        from geopy.point import Point as GeoPoint

        lang = _language(language)
        try:
            point = GeoPoint(query)
        except (TypeError, ValueError) as exc:
            raise InputError(f"cannot read {query!r} as a point: {exc}") from None
        hit = self.gazetteer.reverse(point.latitude, point.longitude, max_km=max_km)
        if hit is None:
            return None if exactly_one else []
        loc = self._location(hit.place, lang, {"distance_km": hit.distance_km,
                                                 "within": [p.id for p in hit.within]})
        return loc if exactly_one else [loc]

    def _location(self, place: Place, lang: str, extra: dict[str, Any]) -> Location:
        raw = {**place.raw, **extra}
        chain = [place, *self.gazetteer.parents(place)]
        address = ", ".join(dict.fromkeys(p.label(lang) or p.name for p in chain))
        return Location(address, (place.lat, place.lon), raw)


_ISO1 = {"en": "eng", "hy": "hye", "az": "aze", "ru": "rus"}


def _language(language: str | None) -> str:
    if language is None:
        return "eng"
    code = _ISO1.get(str(language).lower().split("-")[0].split("_")[0], str(language).lower())
    if code not in DISPLAY_LANGS:
        raise InputError(f"language {language!r} is not one of en, hy, az, ru (or eng, hye, aze, rus)")
    return code

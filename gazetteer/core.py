"""The gazetteer: loading the compiled data and resolving names against it."""

from __future__ import annotations

import datetime as dt
import gc
import json
import logging
import math
from collections.abc import Iterable, Sequence
from functools import cached_property
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

from .compile import DATA_DIR, FORMAT
from .errors import DataError, InputError, PlaceNotFound
from .model import Candidate, Name, Place, Resolution
from .normalize import (
    NORMALISER_VERSION,
    ParsedName,
    exact_key,
    inflection_stems,
    norm_key,
    parse_name,
    script_of,
    skeleton,
    skeleton_of_norm,
)
from .ranking import ADMIN_KINDS, score_place, town_before_its_unit

log = logging.getLogger(__name__)

__all__ = ["Gazetteer", "DEFAULT_AREA", "exempt_from_gc"]

#: The conflict zone (lon/lat box): Nagorno-Karabakh, the districts around it,
#: Armenia's Syunik, Vayots Dzor and Gegharkunik and Azerbaijan's front-line
#: towns from Ganja and Mingachevir to Beylagan. Candidates inside it rank higher.
DEFAULT_AREA = (45.4, 38.8, 47.8, 40.9)

# Layers close together: a phonetic match in the conflict zone must be able to
# tie with a normalised one elsewhere (and so be reported as ambiguous).
LAYER_SCORES = {"exact": 1.0, "normalised": 0.99, "phonetic": 0.93, "inflected": 0.9}
#: A normalised match across scripts (Сисиан ~ Sisian) went through a lossy
#: transliteration; within one script it only lost diacritics (Lacin ~ Laçın).
CROSS_SCRIPT_SCORE = 0.97
#: A fuzzy match weaker than this is a suggestion, never a resolution.
FUZZY_RESOLVE = 0.72
#: Two candidates closer than this are a tie: the result is ambiguous.
MARGIN = 0.05
#: Below this the best candidate is only a suggestion.
MIN_SCORE = 0.62


def _fuzzy_cutoff(length: int) -> float:
    """Similarity (0-100) a fuzzy match needs: short names need to be closer."""
    if length <= 4:
        return 101.0  # never: too many short names differ by one letter
    if length <= 6:
        return 83.0
    if length <= 9:
        return 78.0
    return 74.0


def _check_area(area: Sequence[float] | None) -> tuple[float, float, float, float] | None:
    if area is None:
        return None
    try:
        west, south, east, north = (float(v) for v in area)
    except (TypeError, ValueError):
        raise InputError(f"area {area!r}: give (west, south, east, north) in degrees, or None") from None
    if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
        raise InputError(f"area {area!r}: west must be below east and south below north, in degrees")
    return west, south, east, north


class Gazetteer:
    """Places of Azerbaijan, Armenia and Nagorno-Karabakh, with every known name.

    ``Gazetteer()`` loads the data shipped with the package; ``Gazetteer(path)``
    a file compiled by ``gazetteer import wof``. ``area`` is the lon/lat box
    whose places rank higher (``None`` to rank all places alike); ``fallback``
    an optional geopy geocoder (or a geopy service name, such as
    ``"nominatim"``, made with ``user_agent``) asked, through a rate limiter
    and a cache, for names the gazetteer does not know. Off by default.
    """

    def __init__(self, path: str | Path | None = None, *,
                 area: Sequence[float] | None = DEFAULT_AREA,
                 fallback: Any = None, fallback_delay: float = 1.0,
                 user_agent: str = "armaz-conflict-maps gazetteer",
                 cache_size: int = 50_000) -> None:
        self.path = Path(path) if path else DATA_DIR / "gazetteer.json"
        # The file is a million small objects: collecting garbage while they
        # are created costs more than creating them.
        collecting = gc.isenabled()
        gc.disable()
        try:
            with open(self.path, "rb") as fh:
                doc = json.loads(fh.read())
        except FileNotFoundError:
            raise DataError(f"{self.path}: gazetteer data file not found; "
                            "build it with 'gazetteer import wof DIR...'") from None
        except (OSError, ValueError) as exc:
            raise DataError(f"{self.path}: cannot read gazetteer data: {exc}") from exc
        finally:
            if collecting:
                gc.enable()
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            raise DataError(f"{self.path}: not a gazetteer data file (expected format {FORMAT!r})")
        if doc.get("normaliser_version") != NORMALISER_VERSION:
            raise DataError(f"{self.path}: built with normaliser version "
                            f"{doc.get('normaliser_version')}, this code has {NORMALISER_VERSION}; "
                            "re-run 'gazetteer import wof'")
        self.attribution: str = doc["attribution"]
        self.sources: list[str] = doc.get("sources", [])
        self._records: list[dict[str, Any]] = doc["places"]
        self._norm: dict[str, list[list[int]]] = doc["keys"]["norm"]
        self._skel: dict[str, list[list[int]]] = doc["keys"]["skel"]
        self._places: list[Place | None] = [None] * len(self._records)
        self._by_id = {rec["id"]: i for i, rec in enumerate(self._records)}
        self.area = _check_area(area)
        if isinstance(fallback, str):
            from geopy.exc import GeocoderNotFound
            from geopy.geocoders import get_geocoder_for_service

            try:
                fallback = get_geocoder_for_service(fallback)(user_agent=user_agent)
            except GeocoderNotFound:
                raise InputError(f"fallback {fallback!r} is not a geopy service (try 'nominatim')") from None
        self._fallback = fallback
        self._fallback_delay = fallback_delay
        self._cache: dict[tuple[str, str | None, str | None], Resolution] = {}
        self._cache_size = cache_size

    # --- places ----------------------------------------------------------

    def _place(self, index: int) -> Place:
        place = self._places[index]
        if place is None:
            rec = self._records[index]
            place = Place(
                id=rec["id"], name=rec["name"], kind=rec["kind"], lat=rec["lat"], lon=rec["lon"],
                country=rec.get("country"), parents=tuple(rec["parents"]),
                names=tuple(Name(n["text"], n["lang"], n["type"], n.get("valid_from"), n.get("valid_to"),
                                 n.get("note"), bool(n.get("translit")), bool(n.get("hidden")))
                             for n in rec["names"]),
                sources=rec["sources"], current=rec.get("current", True),
                population=rec.get("population"), raw=rec,
            )
            self._places[index] = place
        return place

    def __len__(self) -> int:
        return len(self._records)

    def __iter__(self):
        return (self._place(i) for i in range(len(self._records)))

    def __contains__(self, place_id: object) -> bool:
        return place_id in self._by_id

    def get(self, place_id: str) -> Place:
        """The place with this id: its own (``wof:421169387``, ``gz:artsakh``), or
        any source id it carries: a WOF id merged into it, ``gn:147305``
        (GeoNames), ``wd:Q1017710`` (Wikidata), or a bare WOF number."""
        key = str(place_id).strip()
        if key.isdigit():
            key = f"wof:{key}"
        index = self._by_id.get(key)
        if index is None:
            index = self._source_ids.get(key)
        if index is None:
            raise PlaceNotFound(f"no place with id {place_id!r}; ids look like 'wof:421169387', "
                                "'gz:artsakh', 'gn:147305' or 'wd:Q1017710'")
        return self._place(index)

    @cached_property
    def _source_ids(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for i, rec in enumerate(self._records):
            sources = rec["sources"]
            for wof_id in sources.get("wof", []):
                out.setdefault(f"wof:{wof_id}", i)
            if sources.get("gn"):
                out.setdefault(f"gn:{sources['gn']}", i)
            if sources.get("wd"):
                out.setdefault(f"wd:{sources['wd']}", i)
        return out

    def parents(self, place: Place) -> list[Place]:
        return [self.get(p) for p in place.parents if p in self._by_id]

    def in_area(self, place: Place) -> bool:
        if self.area is None:
            return True
        west, south, east, north = self.area
        return west <= place.lon <= east and south <= place.lat <= north

    @cached_property
    def boundaries(self) -> dict[str, Any]:
        """Simplified district, province and country polygons as a GeoJSON FeatureCollection."""
        path = self.path.with_name("boundaries.geojson")
        try:
            with open(path, encoding="utf-8") as fh:
                return json.load(fh)
        except FileNotFoundError:
            return {"type": "FeatureCollection", "features": []}
        except (OSError, ValueError) as exc:
            raise DataError(f"{path}: cannot read boundaries: {exc}") from exc

    def to_geodataframe(self):
        """All places as a GeoDataFrame (points), one row a place, EPSG:4326."""
        import geopandas as gpd

        rows = [{"id": p.id, "name": p.name, "kind": p.kind, "country": p.country,
                 "parent": p.parents[0] if p.parents else None, **{
                     f"name_{lang}": text for lang, text in p.labels().items()},
                 "lat": p.lat, "lon": p.lon} for p in self]
        frame = gpd.GeoDataFrame(rows)
        return frame.set_geometry(gpd.points_from_xy(frame["lon"], frame["lat"]), crs="EPSG:4326")

    # --- matching --------------------------------------------------------

    def _matches(self, text: str, *, fuzzy: bool = True) -> dict[int, tuple[float, int, str]]:
        """Place index -> (layer score, name index, layer), best layer per place."""
        found: dict[int, tuple[float, int, str]] = {}

        def add(hits: Iterable[Sequence[int]], layer: str, score: float | None = None) -> None:
            value = LAYER_SCORES[layer] if score is None else score
            for pi, ni in hits:
                if pi not in found or found[pi][0] < value:
                    found[pi] = (value, ni, layer)

        # An exact match is a normalised match whose text is the same once
        # case-folded: checking the few normalised hits spares an index.
        norm = norm_key(text)
        norm_hits = self._norm.get(norm, ())
        wanted = exact_key(text)
        records = self._records
        add([h for h in norm_hits if exact_key(records[h[0]]["names"][h[1]]["text"]) == wanted], "exact")
        script = script_of(text)
        same = [h for h in norm_hits if script_of(records[h[0]]["names"][h[1]]["text"]) == script]
        add(same, "normalised")
        add(norm_hits, "normalised", CROSS_SCRIPT_SCORE)
        skel = skeleton_of_norm(norm)
        add(self._skel.get(skel, ()), "phonetic")
        if found or not fuzzy:
            return found
        cutoff = _fuzzy_cutoff(len(skel))
        if cutoff > 100:
            return found
        # A key can sit in two blocks: ask for more and skip repeats. When the
        # blocks hold nothing within the cutoff, the whole length band is
        # searched. (Searching it also after weak block hits would catch more
        # typos in the first two letters, at a third of the throughput.)
        seen: set[str] = set()
        hits = process.extract(skel, self._keys_for(skel, cutoff), scorer=fuzz.ratio,
                               score_cutoff=cutoff, limit=16)
        if not hits:
            hits = process.extract(skel, self._keys_for(skel, cutoff, blocked=False), scorer=fuzz.ratio,
                                   score_cutoff=cutoff, limit=16)
        for key, similarity, _ in hits:
            if key in seen or len(seen) == 8:
                continue
            seen.add(key)
            add(self._skel[key], "fuzzy", self._fuzzy_score(similarity, cutoff))
            log.info("fuzzy guess: %r ~ %r (similarity %.0f)", text, key, similarity)
        return found

    @cached_property
    def _skel_keys(self) -> list[str]:
        return list(self._skel)

    @staticmethod
    def _fuzzy_score(similarity: float, cutoff: float) -> float:
        """Layer score of a fuzzy match: 0.62 at the cutoff, 0.82 for identical keys."""
        return 0.62 + 0.2 * (similarity - cutoff) / (100.0 - cutoff)

    def _keys_for(self, skel: str, cutoff: float, *, blocked: bool = True) -> list[str]:
        """The keys a fuzzy match is worth trying against.

        Only keys whose length lets fuzz.ratio reach ``cutoff`` at all (it is
        at most 200 * min / (len1 + len2)); with ``blocked``, of those only
        keys that share the query's first letter, or its second letter in
        second place, or start with its second letter (a swap of the first
        two): a tenth of the keys, where nearly every typo's match lies.
        """
        length = len(skel)
        low = math.ceil(length * cutoff / (200.0 - cutoff))
        high = math.floor(length * (200.0 - cutoff) / cutoff)
        first, second = self._skel_blocks
        if not blocked:
            return [k for (n, _), ks in first.items() if low <= n <= high for k in ks]
        keys: list[str] = []
        for n in range(low, high + 1):
            keys += first.get((n, skel[0]), ())
            keys += second.get((n, skel[1]), ())
            if skel[1] != skel[0]:
                keys += first.get((n, skel[1]), ())
        return keys

    @cached_property
    def _skel_blocks(self) -> tuple[dict[tuple[int, str], list[str]], dict[tuple[int, str], list[str]]]:
        """Keys by (length, first letter) and by (length, second letter)."""
        first: dict[tuple[int, str], list[str]] = {}
        second: dict[tuple[int, str], list[str]] = {}
        for key in self._skel:
            first.setdefault((len(key), key[0]), []).append(key)
            if len(key) > 1:
                second.setdefault((len(key), key[1]), []).append(key)
        return first, second

    def _find(self, parsed: ParsedName) -> dict[int, tuple[float, int, str]]:
        """Matches for a parsed name: the name and its other readings, then its
        uninflected stems ("Հադրութում" is "in Hadrut"), then fuzzy guesses."""
        found: dict[int, tuple[float, int, str]] = {}

        def merge(hits: dict[int, tuple[float, int, str]], cap: float | None = None) -> None:
            for pi, (score, ni, layer) in hits.items():
                if cap is not None:
                    score, layer = min(score, cap), "inflected"
                if pi not in found or found[pi][0] < score:
                    found[pi] = (score, ni, layer)

        for text in (parsed.name, *parsed.alternatives):
            merge(self._matches(text, fuzzy=False))
        if not found:
            for stem in inflection_stems(parsed.name):
                merge(self._matches(stem, fuzzy=False), cap=LAYER_SCORES["inflected"])
        if not found:
            merge(self._matches(parsed.name))
        return found

    def _context_places(self, text: str) -> list[Place]:
        parsed = parse_name(text)
        found = self._find(parsed)
        places = [self._place(pi) for pi in sorted(found)]
        if parsed.kind_hint in ("district", "province", "area"):
            # "Jabrayil district" as context is the district, not the town
            # (whose 30 km around reaches into the next district).
            units = [p for p in places if p.kind in ADMIN_KINDS]
            places = units or places
        return places

    def _score(self, parsed: ParsedName, found: dict[int, tuple[float, int, str]],
               context: Sequence[Place], as_of: dt.date | None) -> list[Candidate]:
        out = []
        for pi, (base, ni, layer) in found.items():
            place = self._place(pi)
            out.append(score_place(place, place.names[ni], base, layer, parsed=parsed, context=context,
                                   as_of=as_of, in_area=self.area is not None and self.in_area(place)))
        if not parsed.kind_hint:
            out = town_before_its_unit(out)
        out.sort(key=lambda c: (-c.score, c.place.id))
        return out

    def resolve(self, name: str, near: str | None = None, as_of: dt.date | str | None = None) -> Resolution:
        """Resolve a place name as a source wrote it.

        ``near``: context as sources give it (a district, province, country or
        nearby place). ``as_of``: the date of the source; names not in use
        then rank lower. Returns a Resolution whose status is ``resolved``,
        ``ambiguous`` (candidates returned, none picked) or ``not_found``
        (with suggestions, if any).
        """
        if not isinstance(name, str) or not name.strip():
            raise InputError("empty place name: give the name as the source wrote it")
        if isinstance(as_of, str):
            try:
                as_of = dt.date.fromisoformat(as_of[:10])
            except ValueError:
                raise InputError(f"as_of {as_of!r} is not an ISO date (YYYY-MM-DD)") from None
        cache_key = (name, near, as_of.isoformat() if as_of else None)
        hit = self._cache.get(cache_key)
        if hit is not None:
            return hit
        result = self._resolve(name, near, as_of)
        if len(self._cache) >= self._cache_size:
            self._cache.clear()
        self._cache[cache_key] = result
        return result

    def _resolve(self, name: str, near: str | None, as_of: dt.date | None) -> Resolution:
        parsed = parse_name(name)
        context_texts = [*parsed.context, *([near] if near and near.strip() else [])]
        context = [p for text in context_texts for p in self._context_places(text)]
        found = self._find(parsed)
        candidates = self._score(parsed, found, context, as_of)
        if context_texts and not context:
            note = f"; context {', '.join(map(repr, context_texts))} matched no place"
        else:
            note = ""
        if not candidates or candidates[0].score < MIN_SCORE:
            online = self._ask_fallback(name, near)
            if online is not None:
                return online
            return Resolution(query=name, near=near, status="not_found", candidates=tuple(candidates[:5]),
                              why=("no place has this name" if not candidates else
                                   "only weak matches; see the suggestions") + note)
        top = candidates[0]
        if top.layer == "fuzzy" and found[self._by_id[top.place.id]][0] < FUZZY_RESOLVE:
            return Resolution(query=name, near=near, status="not_found", candidates=tuple(candidates[:5]),
                              why="no place has this name; the suggestions are spelled differently" + note)
        rivals = [c for c in candidates[1:] if top.score - c.score < MARGIN]
        if rivals:
            close = [c for c in candidates if top.score - c.score < 0.15]
            return Resolution(query=name, near=near, status="ambiguous", candidates=tuple(close[:10]),
                              why=f"{len(rivals) + 1} places fit equally well; give a district or "
                                  "province as context" + note)
        if top.layer == "fuzzy":
            log.info("resolved %r by a fuzzy guess to %s (%s)", name, top.place.id, top.matched)
        return Resolution(query=name, near=near, status="resolved", candidates=tuple(candidates[:5]),
                          why="; ".join(top.why) + note)

    def search(self, text: str, *, limit: int = 10) -> list[Candidate]:
        """Places whose names look like ``text``, best first, fuzzy matches included."""
        parsed = parse_name(text)
        found = self._matches(parsed.name)
        if len(found) < limit:
            skel = skeleton(parsed.name)
            for key, similarity, _ in process.extract(skel, self._skel_keys, scorer=fuzz.ratio,
                                                      score_cutoff=60, limit=limit):
                for pi, ni in self._skel[key]:
                    found.setdefault(pi, (0.5 * similarity / 100.0, ni, "fuzzy"))
        return self._score(parsed, found, (), None)[:limit]

    # --- online fallback -------------------------------------------------

    @cached_property
    def _fallback_geocode(self):
        from geopy.extra.rate_limiter import RateLimiter

        return RateLimiter(self._fallback.geocode, min_delay_seconds=self._fallback_delay,
                           max_retries=1, swallow_exceptions=False)

    def _ask_fallback(self, name: str, near: str | None) -> Resolution | None:
        if self._fallback is None:
            return None
        from geopy.exc import GeopyError

        from .errors import FallbackError

        query = f"{name}, {near}" if near else name
        try:
            location = self._fallback_geocode(query, exactly_one=True)
        except GeopyError as exc:
            raise FallbackError(f"online fallback failed for {query!r}: {exc}") from exc
        if location is None:
            return None
        raw = location.raw if isinstance(location.raw, dict) else {}
        place = Place(id=f"online:{raw.get('osm_type', 'place')}/{raw.get('osm_id', query)}",
                      name=location.address, kind=str(raw.get("kind", "settlement")),
                      lat=location.latitude, lon=location.longitude, country=None, parents=(),
                      names=(Name(text=location.address, lang="und", type="variant"),),
                      sources={"online": type(self._fallback).__name__}, raw=raw)
        cand = Candidate(place=place, score=MIN_SCORE, matched=location.address, layer="online",
                         why=(f"not in the gazetteer; found online by {type(self._fallback).__name__}",))
        return Resolution(query=name, near=near, status="resolved", candidates=(cand,),
                          why=cand.why[0] + ": check it")


def exempt_from_gc() -> None:
    """Exempt every object alive now (a loaded gazetteer) from garbage collection.

    A gazetteer is a million objects that live as long as the program; without
    this, every full collection walks them all, and a batch spends a third of
    its time there. It affects the whole process, so the command-line tools
    call it and the library leaves it to its callers.
    """
    gc.collect()
    gc.freeze()

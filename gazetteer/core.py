"""The gazetteer: loading the compiled data and resolving names against it."""

from __future__ import annotations

import datetime as dt
import gc
import logging
import re
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path
from typing import Any

import orjson

from .compile import DATA_DIR, FORMAT
from .decision import MIN_SCORE, Decider
from .errors import DataError, InputError, PlaceNotFound
from .fuzzyindex import TABLES
from .model import Candidate, Name, Place, Resolution
from .normalize import MAX_NAME, NORMALISER_VERSION
from .parsing import parse_name
from .regions import Regions
from .retrieval import Retriever

log = logging.getLogger(__name__)
#: English's article before a landmark's word, which a stored name does not hold.
_LEADING_ARTICLE = re.compile(r"^(?:the|an?)\s+", re.IGNORECASE)

__all__ = ["Gazetteer", "DEFAULT_AREA", "exempt_from_gc"]

#: The conflict zone (lon/lat box): Nagorno-Karabakh, the districts around it,
#: Armenia's Syunik, Vayots Dzor and Gegharkunik and Azerbaijan's front-line
#: towns from Ganja and Mingachevir to Beylagan. Candidates inside it rank higher.
DEFAULT_AREA = (45.4, 38.8, 47.8, 40.9)


_new_name = tuple.__new__


def _name(n: dict[str, Any]) -> Name:
    """A stored name as a Name; most have only text, language and type, and are
    built without NamedTuple's keyword machinery (a place's first look-up
    builds all its names)."""
    if len(n) == 3:
        return _new_name(Name, (n["text"], n["lang"], n["type"], None, None, None, False, False))
    return Name(n["text"], n["lang"], n["type"], n.get("valid_from"), n.get("valid_to"), n.get("note"),
                bool(n.get("translit")), bool(n.get("hidden")))


class _StoredNames:
    """A stored place's names, built on first use: scoring a candidate reads
    one name and the count, and a batch's answers none; a place has six on
    average and building them was the most of building the place."""

    def __get__(self, place: Place | None, owner: type | None = None) -> Any:
        if place is None:
            return self
        names = place.__dict__["names"] = tuple(map(_name, place.raw["names"]))
        return names


class StoredPlace(Place):
    """A place of the compiled data: a ``Place`` made without the dataclass's
    field-by-field ``__init__`` (the record holds every field), its names
    built when first read. Equal to and hashed as any ``Place`` of its id."""

    names = _StoredNames()  # type: ignore[assignment]

    @property
    def name_count(self) -> int:
        return len(self.raw["names"])


_new_place = object.__new__
_set_field = object.__setattr__


def _stored_place(rec: dict[str, Any]) -> Place:
    place = _new_place(StoredPlace)
    # The fields as one dict made in place (no keyword dict to copy from).
    _set_field(place, "__dict__", {
        "id": rec["id"], "name": rec["name"], "kind": rec["kind"], "lat": rec["lat"], "lon": rec["lon"],
        "country": rec.get("country"), "parents": tuple(rec["parents"]), "sources": rec["sources"],
        "current": rec.get("current", True), "population": rec.get("population"), "raw": rec})
    return place


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


def _fits_inside(result, scored) -> bool:
    """Whether ``result`` resolved to a place inside its context's unit: "near" a
    village given as context is not enough ("the Syunik village of Shikahogh" read
    as a village Syunik near Shikahogh)."""
    return (result is not None and result.status == "resolved"
            and scored.fits.get(result.candidates[0].place.id) == "inside")


def _check_text(value: Any, what: str, *, required: bool) -> str | None:
    """A name or context as given: a string of at most MAX_NAME characters."""
    if value is None and not required:
        return None
    if not isinstance(value, str):
        raise InputError(f"{what} must be a string, not {type(value).__name__} ({value!r:.60})")
    if len(value) > MAX_NAME:
        raise InputError(f"{what} is {len(value):,} characters long; a place name is at most {MAX_NAME} "
                         "(is this a whole paragraph?)")
    if required and not value.strip():
        raise InputError("empty place name: give the name as the source wrote it")
    return value if value.strip() else None


def _check_date(value: Any) -> dt.date | None:
    """as_of: None, a date (or datetime), or an ISO date string (a time after it is allowed)."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise InputError(f"as_of must be a date or an ISO date string (YYYY-MM-DD), not "
                         f"{type(value).__name__} ({value!r:.60})")
    text = value.strip()
    try:
        return dt.date.fromisoformat(text) if len(text) == 10 else dt.datetime.fromisoformat(text).date()
    except ValueError:
        raise InputError(f"as_of {value!r:.60} is not an ISO date (YYYY-MM-DD)") from None


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
        doc = _read_data(self.path)
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            if isinstance(doc, dict) and str(doc.get("format")).startswith("armaz-gazetteer/"):
                raise DataError(f"{self.path}: written by another version of the importer (format "
                                f"{doc.get('format')!r}, this code reads {FORMAT!r}); re-run 'gazetteer import wof'")
            raise DataError(f"{self.path}: not a gazetteer data file (expected format {FORMAT!r})")
        if doc.get("normaliser_version") != NORMALISER_VERSION:
            raise DataError(f"{self.path}: built with normaliser version "
                            f"{doc.get('normaliser_version')}, this code has {NORMALISER_VERSION}; "
                            "re-run 'gazetteer import wof'")
        self.attribution: str = doc["attribution"]
        self.sources: list[str] = doc.get("sources", [])
        self._records: list[dict[str, Any]] = doc["places"]
        pieces = doc.get("pieces")
        if pieces is not None and not (isinstance(pieces, dict) and all(
                isinstance(pieces.get(table), dict) for table in TABLES)):
            raise DataError(f"{self.path}: its fuzzy 'pieces' are not the tables {', '.join(TABLES)}; "
                            "re-run 'gazetteer import wof'")
        self._retriever = Retriever(self._records, doc["keys"]["norm"], doc["keys"]["skel"], pieces)
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
        elif fallback is not None and not callable(getattr(fallback, "geocode", None)):
            raise InputError(f"fallback must be a geopy geocoder (an object with .geocode) or a geopy service "
                             f"name such as 'nominatim', not {type(fallback).__name__} ({fallback!r:.60})")
        if isinstance(fallback_delay, bool) or not isinstance(fallback_delay, (int, float)) or fallback_delay < 0:
            raise InputError(f"fallback_delay must be a number of seconds >= 0, not {fallback_delay!r:.60}")
        if isinstance(cache_size, bool) or not isinstance(cache_size, int) or cache_size < 0:
            raise InputError(f"cache_size must be a whole number >= 0, not {cache_size!r:.60}")
        self._fallback = fallback
        self._fallback_delay = fallback_delay
        self._cache: dict[tuple[str, str | None, str | None], Resolution] = {}
        self._cache_size = cache_size
        own = doc.get("own")
        if own is not None and (not isinstance(own, list) or len(own) != len(self._records)
                                or not all(isinstance(item, str) for item in own)):
            raise DataError(f"{self.path}: its 'own' names are not one list per place; "
                            "re-run 'gazetteer import wof'")
        self._decider = Decider(place=self._place, name=self._name, retriever=self._retriever,
                                regions=Regions(lambda: self.boundaries, self._covered_units),
                                in_area=self.in_area, area_on=self.area is not None, own=own,
                                members=self._members)

    # --- places ----------------------------------------------------------

    def _place(self, index: int) -> Place:
        place = self._places[index]
        if place is None:
            place = self._places[index] = _stored_place(self._records[index])
        return place

    def _members(self, unit_id: str) -> tuple[Place, ...]:
        """The units that ``unit_id`` covers: districts and provinces whose parent chain holds it."""
        return tuple(self._place(i) for i in self._member_indexes.get(unit_id, ()))

    @cached_property
    def _member_indexes(self) -> dict[str, list[int]]:
        # Built once, at the first rough unit a context names, or the first outline
        # looked up (one pass over the records; no place is built for it).
        members: dict[str, list[int]] = {}
        for index, rec in enumerate(self._records):
            if rec.get("kind") in ("district", "province"):
                for parent in rec.get("parents", ()):
                    members.setdefault(parent, []).append(index)
        return members

    def _name(self, index: int, name_index: int) -> Name:
        """One name of a place (equal to ``names[name_index]``), without building all its names."""
        n = self._records[index]["names"][name_index]
        # _name's work without its call (every candidate scored reads one name).
        if len(n) == 3:
            return _new_name(Name, (n["text"], n["lang"], n["type"], None, None, None, False, False))
        return _new_name(Name, (n["text"], n["lang"], n["type"], n.get("valid_from"), n.get("valid_to"),
                                n.get("note"), bool(n.get("translit")), bool(n.get("hidden"))))

    def __len__(self) -> int:
        return len(self._records)

    def __iter__(self):
        return (self._place(i) for i in range(len(self._records)))

    def records(self):
        """The compiled records as stored, in order, without building a Place for each.

        For readers of every place at once (the claimed-control geometry, the
        drafting automaton): building eight thousand Places costs more than
        what they do with them. The records are the gazetteer's own: read them,
        do not change them.
        """
        return iter(self._records)

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
            # orjson: the stdlib parser took 30 ms, at the first context a process reads.
            with open(path, "rb") as fh:
                return orjson.loads(fh.read())
        except FileNotFoundError:
            # Said, not raised: a data file copied on its own still answers, but a district named
            # as context is then read as a rough area around its seat, and answers can differ.
            log.warning("%s: no boundaries.geojson beside the data file, so districts and provinces named "
                        "as context are read as rough areas; copy the boundaries file the importer wrote "
                        "with it", self.path)
            return {"type": "FeatureCollection", "features": []}
        except (OSError, ValueError) as exc:
            raise DataError(f"{path}: cannot read boundaries: {exc}") from exc

    def _covered_units(self, outlined: set[str]) -> dict[str, list[str]]:
        """Units without an outline, each with the outlined districts that list it as a parent
        (of its ``_members``, those with an outline)."""
        records = self._records
        out = {unit: sorted(records[i]["id"] for i in members
                            if records[i]["kind"] == "district" and records[i]["id"] in outlined)
               for unit, members in self._member_indexes.items() if unit not in outlined}
        return {unit: ids for unit, ids in out.items() if ids}

    def to_geodataframe(self):
        """All places as a GeoDataFrame (points), one row a place, EPSG:4326 (needs the ``gis`` extra)."""
        try:
            import geopandas as gpd
        except ImportError as exc:
            raise ImportError(f"Gazetteer.to_geodataframe needs geopandas, which is not installed ({exc}): "
                              "pip install 'armaz-conflict-maps[gis]'") from None

        rows = [{"id": p.id, "name": p.name, "kind": p.kind, "country": p.country,
                 "parent": p.parents[0] if p.parents else None, **{
                     f"name_{lang}": text for lang, text in p.labels().items()},
                 "lat": p.lat, "lon": p.lon} for p in self]
        frame = gpd.GeoDataFrame(rows)
        return frame.set_geometry(gpd.points_from_xy(frame["lon"], frame["lat"]), crs="EPSG:4326")

    # --- resolving -------------------------------------------------------

    def resolve(self, name: str, near: str | None = None, as_of: dt.date | str | None = None) -> Resolution:
        """Resolve a place name as a source wrote it.

        ``near``: context as sources give it (a district, province, country or
        nearby place). ``as_of``: the date of the source (a date, or an ISO
        date string); names not in use then rank lower. Returns a Resolution
        whose status is ``resolved``, ``ambiguous`` (candidates returned, none
        picked) or ``not_found`` (with suggestions, if any). Raises InputError
        for arguments of the wrong type, an empty name, or one longer than
        MAX_NAME characters.
        """
        name = _check_text(name, "the place name", required=True)
        near = _check_text(near, "near", required=False)
        day = _check_date(as_of)
        cache_key = (name, near, day.isoformat() if day else None)
        hit = self._cache.get(cache_key)
        if hit is not None:
            return hit
        result = self._resolve(name, near, day)
        if len(self._cache) >= self._cache_size:
            self._cache.clear()
        if self._cache_size:
            self._cache[cache_key] = result
        return result

    def _resolve(self, name: str, near: str | None, as_of: dt.date | None) -> Resolution:
        parsed = parse_name(name)
        result, scored, contexts = self._decide(name, near, parsed, as_of)
        other = parsed.other_reading
        if other is not None and not _fits_inside(result, scored):
            # "X village of Y" read both ways ("Davit Bek village of Syunik",
            # "the Syunik village of Shikahogh"): the other reading is taken
            # only when it finds its place inside the unit named and the first
            # does not (a place merely near a village named as context).
            second, second_scored, second_contexts = self._decide(name, near, other, as_of)
            if _fits_inside(second, second_scored):
                parsed, result, scored, contexts = other, second, second_scored, second_contexts
        if result is not None and result.status != "not_found":
            top = result.candidates[0]
            if result.status == "resolved" and top.layer == "fuzzy":
                log.info("resolved %r by a fuzzy guess to %s (%s)", name, top.place.id, top.matched)
            return result
        if near and parsed.kind_hint == "landmark" and 0 < len(near.strip()) <= 40:
            # A landmark named without its place, the place given as context ("Cuma
            # Mescidi'ni" near "Ağdam"): the landmark a name holds with the place's
            # name first ("Ağdam Cümə məscidi"), if that finds one.
            joined = parse_name(f"{near.strip()} {_LEADING_ARTICLE.sub('', name.strip(), count=1)}")
            second = self._decide(name, near, joined, as_of)[0]
            if second is not None and second.status == "resolved" and second.candidates[0].place.kind == "landmark":
                return second
        # Not found here, whether nothing matched or only weak or ruled-out
        # candidates did: a caller who gave a fallback wants it asked then.
        local = result if result is not None else self._decider.weak(name, near, scored, contexts)
        online = self._ask_fallback(name, near, local)
        return online if online is not None else local

    def _decide(self, name: str, near: str | None, parsed, as_of: dt.date | None):
        """The decision on one reading of ``name``, its scores and its contexts."""
        texts = [*parsed.context, *([near] if near and near.strip() else [])]
        decider = self._decider
        contexts = [decider.read_context(text) for text in texts]
        whole = parse_name(name, owner=False) if parsed.owners else None
        if whole is not None and (not any(c.places for c in contexts if c.text in parsed.owners)
                                  or self._retriever.matches(whole.name, phonetic=False)):
            # A first word read as a district's genitive that names no place
            # is part of the name after all; so is one of a place's whole name
            # ("Լոռի Բերդ", "Սարի Սուրբ" are villages, not Berd of Lori).
            parsed = whole
            texts = [*parsed.context, *([near] if near and near.strip() else [])]
            contexts = [decider.read_context(text) for text in texts]
        else:
            # Of a genitive's two readings ("Laçının": Laçın or Laçı), the one naming no place is no context.
            contexts = [c for c in contexts if c.places or c.text not in parsed.owners]
        found = self._retriever.find(parsed)
        scored = decider.score(parsed, found, contexts, as_of)
        result = decider.decide(name, near, parsed, scored, contexts)
        if result is not None and result.status == "not_found" and scored.fits \
                and all(level == "outside" for level in scored.fits.values()):
            # The context rules out every place spelled so: one spelled a
            # little differently inside it is the place meant (a romanization
            # the data lacks), if it fits the context.
            alike = {pi: hit for pi, hit in self._retriever.spelled_alike(parsed).items() if pi not in found}
            if alike:
                rescored = decider.score(parsed, {**found, **alike}, contexts, as_of)
                second = decider.decide(name, near, parsed, rescored, contexts)
                # Only for a place the context fits: a weak look-alike at the
                # context's edge does not make the place it ruled out fit it.
                if second is not None and second.status != "not_found" \
                        and rescored.fits.get(second.candidates[0].place.id) != "outside":
                    result = second
        if result is not None and result.status == "not_found" and scored.fits \
                and all(level == "outside" for level in scored.fits.values()) \
                and any(c.elsewhere for c in contexts):
            # The context read as a unit rules out every place of the name; read
            # as the known town of its name elsewhere, it may fit one ("Geghhovit"
            # near "Martuni": the Gegharkunik town, not the Artsakh province).
            others = [c.other_reading() or c for c in contexts]
            rescored = decider.score(parsed, found, others, as_of)
            second = decider.decide(name, near, parsed, rescored, others)
            if second is not None and second.status != "not_found" \
                    and rescored.fits.get(second.candidates[0].place.id) != "outside":
                result, scored, contexts = second, rescored, others
        return result, scored, contexts

    def search(self, text: str, *, limit: int = 10) -> list[Candidate]:
        """Places whose names look like ``text``, best first, fuzzy matches included."""
        text = _check_text(text, "the search text", required=True)
        parsed = parse_name(text)
        found = self._retriever.matches(parsed.name, fuzzy=True)
        if len(found) < limit:
            for pi, hit in self._retriever.similar(parsed.name, limit=limit).items():
                found.setdefault(pi, hit)
        return self._decider.score(parsed, found, (), None).candidates[:limit]

    # --- notebooks and points --------------------------------------------

    def resolve_series(self, series, *, near=None, as_of=None):
        """A pandas Series of Resolutions, index kept; blank cells are ``not_found``.
        See ``gazetteer.frames.resolve_series``."""
        from .frames import resolve_series

        return resolve_series(self, series, near=near, as_of=as_of)

    def resolve_frame(self, frame, column: str, *, near: str | None = None, as_of=None):
        """A copy of a DataFrame with match columns added. See ``gazetteer.frames.resolve_frame``."""
        from .frames import resolve_frame

        return resolve_frame(self, frame, column, near=near, as_of=as_of)

    @cached_property
    def _spatial(self):
        from .spatial import SpatialIndex

        return SpatialIndex(self)

    def reverse(self, lat: float, lon: float, *, max_km: float = 25.0,
                kinds: tuple[str, ...] = ("settlement", "landmark")):
        """The settlement or landmark nearest a point (a ``Nearest``: place,
        distance_km, and the units holding the point), or ``None`` beyond ``max_km``."""
        return self._spatial.nearest(lat, lon, max_km=max_km, kinds=kinds)

    # --- online fallback -------------------------------------------------

    @cached_property
    def _fallback_geocode(self):
        from geopy.extra.rate_limiter import RateLimiter

        return RateLimiter(self._fallback.geocode, min_delay_seconds=self._fallback_delay,
                           max_retries=1, swallow_exceptions=False)

    def _ask_fallback(self, name: str, near: str | None, local: Resolution) -> Resolution | None:
        """The fallback's answer, the gazetteer's own suggestions after it; None when not asked or not found."""
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
        return Resolution(query=name, near=near, status="resolved", candidates=(cand, *local.candidates),
                          why=cand.why[0] + ": check it")


def _read_data(path: Path) -> Any:
    """The compiled file, parsed by orjson (a third of the stdlib parser's time).

    The file is two hundred thousand small containers: collecting garbage
    while they are created costs more than creating them. Once made, they are
    moved straight to the oldest generation (``gc.freeze`` then ``unfreeze``
    moves lists, it scans nothing; what else was young goes with them, to be
    collected by the next full collection); left young, every young collection
    of the next thousand look-ups would walk them all again before they got there.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        with open(path, "rb") as fh:
            doc = orjson.loads(fh.read())
    except FileNotFoundError:
        raise DataError(f"{path}: gazetteer data file not found; "
                        "build it with 'gazetteer import wof DIR...'") from None
    except (OSError, ValueError) as exc:
        raise DataError(f"{path}: cannot read gazetteer data: {exc}") from exc
    finally:
        if not gc.get_freeze_count():
            # Never when a caller froze objects: unfreeze would thaw theirs.
            gc.freeze()
            gc.unfreeze()
        if collecting:
            gc.enable()
    return doc


def exempt_from_gc() -> None:
    """Exempt every object alive now (a loaded gazetteer) from garbage collection.

    A gazetteer is two hundred thousand objects that live as long as the
    program; without this, every full collection walks them all. It affects
    the whole process, so the command-line tools call it and the library
    leaves it to its callers. Only the young generations are collected first:
    a gazetteer is loaded straight into the oldest (see ``_read_data``) and
    leaves no garbage there, and a full collection to find what little else
    might be in it would walk the whole gazetteer once more (about 60 ms).
    """
    gc.collect(1)
    gc.freeze()

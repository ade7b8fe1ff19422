"""The data the map page draws: places, claims by day, claimed control, UI strings.

Everything a reader sees that depends on language (UI strings, dates, place
names) is decided here, in Python, so that the page's script formats nothing
itself. The payload is compact, because a page of 50,000 claims is mostly
this data: claims are stored by column (one list per field, a claim is an
index into each), refer to places, days, kinds, statuses and repeated
strings (claimants, sources, links, quotes, dates, place hierarchies) by
index, flags are one bit each, a field no claim has is left out, and a
place does not list its claims (the page gathers them from the claims' place
column). ``claim_rows`` turns the columns back into one dict per claim.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import weakref
from functools import lru_cache
from itertools import chain
from typing import Any

from gazetteer import Gazetteer, Place

from .analysis import FLAGS, Analysis
from .claimtable import _fields, field_or_none
from .i18n import _LOCALE, format_day, format_when, other_names, place_name
from .i18n import strings as ui_strings
from .ledger import Event

__all__ = ["build_payload", "claim_rows", "SIDE_COLORS"]

SIDE_COLORS = {"Azerbaijan": "#1f77b4", "Armenia": "#d62728", "Artsakh": "#ff7f0e"}
_OTHER_COLORS = ("#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf")
#: Claims about these are not drawn at a point: the page lists them in a side panel.
PANEL_KINDS = ("country", "region")
#: Places drawn as their polygon, when the gazetteer has one.
AREA_KINDS = ("district", "province")
#: A slider with one stop per calendar day reads best; past this many days, one stop per claim day.
MAX_CALENDAR_DAYS = 1500
#: Past this many point places the page paints its markers on one canvas instead of one SVG element
#: each (see claims.js, makeCanvas, and the README's "Speed and size" for the measurements).
CANVAS_PLACES = 200


def _side_colors(sides: list[str]) -> list[dict[str, str]]:
    out, extra = [], iter(_OTHER_COLORS)
    for side in sides:
        out.append({"name": side, "color": SIDE_COLORS.get(side) or next(extra, "#444444")})
    return out


_SAFE_URL = re.compile(r"(?i)^https?://[^\s]+$")


def _safe_url(url: str | None) -> str | None:
    return url if url and _SAFE_URL.match(url) else None


#: Gazetteer -> (its boundaries, [(bounds, geometry)] of its districts and provinces): the
#: bounds of a polygon are the same on every build.
_AREA_BOUNDS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _area_bounds(gaz: Gazetteer) -> list[tuple[tuple[float, float, float, float], dict[str, Any]]]:
    boundaries = gaz.boundaries
    try:
        cached = _AREA_BOUNDS.get(gaz)
    except TypeError:  # an object that cannot be weakly referred to: not cached
        cached = None
    if cached is None or cached[0] is not boundaries:
        cached = (boundaries, [(_bounds(f["geometry"]), f["geometry"]) for f in boundaries["features"]
                               if f["properties"]["kind"] in AREA_KINDS])
        with contextlib.suppress(TypeError):
            _AREA_BOUNDS[gaz] = cached
    return cached[1]


def _bounds(geometry: dict[str, Any]) -> tuple[float, float, float, float]:
    """(min x, min y, max x, max y) of a GeoJSON geometry's positions, as shapely gives them
    (without making a shape: a build reads the bounds of ninety polygons)."""
    coordinates = geometry["coordinates"]
    if geometry["type"] == "Point":
        positions = [coordinates]
    else:
        depth = {"LineString": 0, "MultiPoint": 0, "Polygon": 1, "MultiLineString": 1, "MultiPolygon": 2}
        positions = coordinates
        for _ in range(depth[geometry["type"]]):
            positions = [p for part in positions for p in part]
    xs, ys = [p[0] for p in positions], [p[1] for p in positions]
    return float(min(xs)), float(min(ys)), float(max(xs)), float(max(ys))


def _boundaries_near(gaz: Gazetteer, bounds: list[list[float]], margin: float = 0.4) -> list[dict[str, Any]]:
    south, west = bounds[0][0] - margin, bounds[0][1] - margin
    north, east = bounds[1][0] + margin, bounds[1][1] + margin
    return [{"type": "Feature", "properties": {}, "geometry": geometry}
            for (minx, miny, maxx, maxy), geometry in _area_bounds(gaz)
            if minx <= east and maxx >= west and miny <= north and maxy >= south]


def _days(claim_days: set[dt.date], as_of: dt.date | None) -> list[dt.date]:
    days = set(claim_days) | ({as_of} if as_of else set())
    first, last = min(days), max(days)
    if (last - first).days < MAX_CALENDAR_DAYS:
        return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
    return sorted(days)


@lru_cache(maxsize=4096)
def _when(text: str, lang: str) -> str:
    return format_when(text, lang)


def _count(value: Any, lang: str) -> str | None:
    if value is None or value == "":
        return None
    from babel.numbers import format_decimal  # only a ledger with counts pays for babel

    try:
        return format_decimal(value, locale=_LOCALE[lang])
    except (TypeError, ValueError, ArithmeticError):
        return str(value)


def _counts(values: list[Any], lang: str) -> list[str | None]:
    """``_count`` of each value, each distinct number formatted once."""
    done: dict[tuple[type, Any], str | None] = {}
    out = []
    for value in values:
        if value is None:
            out.append(None)
            continue
        try:
            text = done.get((type(value), value))
        except TypeError:  # unhashable: formatted each time
            out.append(_count(value, lang))
            continue
        if text is None:
            text = done[(type(value), value)] = _count(value, lang)
        out.append(text)
    return out


class _Places:
    """The places claims are about, each listed once with its names in the page's language.

    An entry's ``h`` (its parents' names, a string of the payload's table) is
    the text itself until the table is made: ``heads`` lists them by place."""

    def __init__(self, gaz: Gazetteer, lang: str) -> None:
        self.gaz, self.lang = gaz, lang
        self.areas = {f["id"]: f["geometry"] for f in gaz.boundaries["features"]}
        self.items: list[dict[str, Any]] = []
        self.heads: list[str] = []
        self.area_list: list[dict[str, Any]] = []
        self._index: dict[str, int] = {}
        #: A parent heads many places: its name is looked up once.
        self._names: dict[str, str] = {}

    def _name(self, place: Place) -> str:
        name = self._names.get(place.id)
        if name is None:
            name = self._names[place.id] = place_name(place, self.lang)
        return name

    def index(self, place: Place, *, own_point: bool) -> int:
        # A claim giving its own coordinates keeps the resolved place's id: keyed
        # by id alone, whichever claim came first would decide for all whether
        # the place is drawn at that point or as its area.
        key = f"{place.id}@{place.lat},{place.lon}" if own_point else place.id
        if key in self._index:
            return self._index[key]
        parents = [self._name(p) for p in self.gaz.parents(place)] if place.id in self.gaz else []
        head = " › ".join(parents[:3])
        entry: dict[str, Any] = {"n": place_name(place, self.lang), "o": other_names(place, self.lang),
                                 "k": place.kind, "c": [round(place.lat, 5), round(place.lon, 5)], "h": head}
        if place.kind in PANEL_KINDS:
            entry["z"] = 1
        elif place.kind in AREA_KINDS and place.id in self.areas and not own_point:
            entry["g"] = len(self.area_list)
            self.area_list.append({"type": "Feature", "properties": {}, "geometry": self.areas[place.id]})
        self._index[key] = len(self.items)
        self.items.append(entry)
        self.heads.append(head)
        return self._index[key]


#: The claims' columns, in the payload's order; the optional ones hold None where a claim has no value.
_COLUMNS = ("id", "d", "s", "c", "cl", "w", "st", "f", "p", "in", "k", "q", "src", "u", "n", "un", "as")
_OPTIONAL = frozenset(("p", "in", "k", "q", "src", "u", "n", "un", "as"))
#: The columns of strings, in the order a claim's strings join the table: a
#: string's index is where it is first met in this order, claim by claim
#: (``h`` is the parents' names of a place the claim is the first to name).
_STRING_ORDER = ("cl", "w", "q", "src", "u", "n", "un", "h", "as")


def _claim_columns(analysis: Analysis, places: _Places, lang: str, day_index: dict[dt.date, int],
                   side_index: dict[str, int], kind_index: dict[str, int],
                   status_index: dict[str, int]) -> tuple[dict[str, list[Any]], list[Any], int]:
    """(the claims by column, the table of strings, how many claims have no place on the map).

    Column by column, mostly in C (``map``): no dict per claim, and what
    repeats (a date's text, a set of flags, a place) is worked out once."""
    claims = analysis.claims
    n = len(claims)

    field = _fields(claims)  # every field of every claim in one transposition (in C)
    try:
        counts, units = field("count"), field("unit")
    except AttributeError:  # claims of one's own, made before counts and units
        counts, units = [field_or_none(c, "count") for c in claims], [field_or_none(c, "unit") for c in claims]

    ids = field("id")
    out: dict[str, list[Any]] = {
        "id": ids,
        "d": list(map(day_index.__getitem__, field("day"))),
        "s": list(map(side_index.__getitem__, field("side"))),
        "c": list(map(kind_index.__getitem__, field("claim"))),
        "st": list(map(status_index.__getitem__, field("status"))),
    }
    bits_of: dict[tuple[str, ...], int] = {}

    def bits(flags: list[str] | None) -> int:
        if not flags:
            return 0
        flags = tuple(flags)
        found = bits_of.get(flags)
        if found is None:
            found = bits_of[flags] = sum(1 << FLAGS.index(f) for f in set(flags))
        return found

    out["f"] = list(map(bits, map(analysis.flags.get, ids)))
    inside = analysis.inside_claimed
    earlier = [None] * n
    if inside:
        index_of = {cid: i for i, cid in enumerate(ids)}
        for i, cid in enumerate(ids):
            if cid in inside:
                earlier[i] = index_of[inside[cid]]
    out["in"] = earlier
    out["k"] = _counts(counts, lang)
    dates = field("date")
    whens = {date: _when(date, lang) for date in set(dates)}
    urls = field("url")
    text: dict[str, list[Any]] = {
        "cl": field("claimant"), "w": list(map(whens.__getitem__, dates)), "q": field("quote"),
        "src": field("source"), "u": [u if u and _SAFE_URL.match(u) else None for u in urls],
        "n": field("notes"), "un": [unit or None for unit in units],
    }
    where = list(map(analysis.places.__getitem__, ids))
    lats = field("lat")
    # Each claim's entry in the places list is ``_Places.index``'s: by the place's id, or by its own
    # point for a claim giving coordinates. Each distinct entry is indexed once, at its first claim
    # (which lists its parents' names), in claim order as the entries are numbered.
    keys = [None if place is None else place.id if lat is None else f"{place.id}@{place.lat},{place.lon}"
            for place, lat in zip(where, lats)]
    entries = dict.fromkeys(keys)
    entries.pop(None, None)
    first = dict(zip(reversed(keys), range(n - 1, -1, -1)))  # the earliest claim of each key wins
    heads = [None] * n
    items = places.items
    for key in entries:
        i = first[key]
        before = len(items)
        entries[key] = at = places.index(where[i], own_point=lats[i] is not None)
        if len(items) > before:
            heads[i] = places.heads[at]
    out["p"] = list(map(entries.get, keys))
    also = [name if place is not None and name != place.name else None
            for name, place in zip(field("place"), where)]
    text["h"], text["as"] = heads, also
    # Each string's first appearance, claim by claim in _STRING_ORDER, gives its index.
    table = dict.fromkeys(chain.from_iterable(zip(*(text[key] for key in _STRING_ORDER))))
    table.pop(None, None)
    for i, string in enumerate(table):
        table[string] = i
    for key in _STRING_ORDER:
        if key != "h":
            out[key] = list(map(table.get, text[key]))
    for entry in places.items:
        entry["h"] = table[entry["h"]]
    # An optional field no claim has is left out.
    columns = {key: out[key] for key in _COLUMNS
               if key not in _OPTIONAL or any(v is not None for v in out[key])}
    return columns, list(table), where.count(None)


def claim_rows(payload: dict[str, Any]) -> list[dict[str, Any]]:
    """The payload's claims as one dict per claim, each with the fields it has.

    Indices stay indices (into ``strings``, ``places``, ``days``, ``sides``),
    except the kind and the status, given by name, and the flags, as a list of
    names."""
    columns, kinds, statuses = payload["claims"], payload["kinds"], payload["statuses"]
    rows = []
    for i in range(len(columns["id"])):
        row = {key: column[i] for key, column in columns.items() if column[i] is not None}
        row["c"], row["st"] = kinds[row["c"]], statuses[row["st"]]
        row["f"] = [f for bit, f in enumerate(payload["flags"]) if row["f"] >> bit & 1]
        rows.append(row)
    return rows


def _control(analysis: Analysis, gaz: Gazetteer, side_index: dict[str, int], day_index: dict[dt.date, int],
             days: list[dt.date], lang: str) -> dict[str, Any] | None:
    """The claimed-control layer: shapes once, and per day (by index) the shapes whose state changes."""
    from .control import CONTESTED, claimed_control

    layer = claimed_control(analysis, gaz)
    if not layer.place_ids:
        return None
    raw = layer.payload([])
    page_side = [side_index[s] for s in layer.sides]
    diff: dict[str, dict[str, int | None]] = {}
    for day, changes in raw["diff"].items():
        when = dt.date.fromisoformat(day)
        # A change on a day the slider has no stop for shows at the next stop.
        at = day_index.get(when)
        if at is None:
            at = next((i for i, d in enumerate(days) if d >= when), len(days) - 1)
        slot = diff.setdefault(str(at), {})
        for shape_id, state in changes.items():
            slot[shape_id] = state if state is None or state == CONTESTED else page_side[state]
    return {"shapes": raw["shapes"], "names": [place_name(gaz.get(pid), lang) for pid in layer.place_ids],
            "diff": diff}


def build_payload(analysis: Analysis, gaz: Gazetteer, *, title: str, as_of: dt.date | None,
                  events: list[Event], lang: str = "en", control: bool = True) -> dict[str, Any]:
    """The data the map script draws (see the module's docstring)."""
    claims = analysis.claims
    sides = sorted({c.side for c in claims}, key=lambda s: (s not in SIDE_COLORS, s))
    side_index = {s: i for i, s in enumerate(sides)}
    days = _days({c.day for c in claims}, as_of)
    day_index = {d: i for i, d in enumerate(days)}
    kinds = sorted({c.claim for c in claims})
    statuses = sorted({c.status for c in claims})
    kind_index = {k: i for i, k in enumerate(kinds)}
    status_index = {s: i for i, s in enumerate(statuses)}
    places = _Places(gaz, lang)
    columns, texts, unmapped = _claim_columns(analysis, places, lang, day_index, side_index, kind_index,
                                              status_index)
    drawn = [p for p in places.items if "z" not in p]
    bounds = ([[min(p["c"][0] for p in drawn), min(p["c"][1] for p in drawn)],
               [max(p["c"][0] for p in drawn), max(p["c"][1] for p in drawn)]] if drawn else None)
    ui = ui_strings(lang)
    claimants = sorted(set(columns["cl"]), key=lambda k: texts[k].casefold())
    return {
        "title": title,
        "lang": lang,
        "ui": ui,
        "sides": _side_colors(sides),
        "claimants": claimants,
        "statuses": statuses,
        "kinds": kinds,
        "flags": list(FLAGS),
        "places": places.items,
        "areas": places.area_list,
        "claims": columns,
        "strings": texts,
        "days": [d.isoformat() for d in days],
        "dayLabels": [format_day(d, lang) for d in days],
        "asOf": (as_of or days[-1]).isoformat(),
        "events": [{"name": e.name, "start": e.start.isoformat(), "end": e.end.isoformat() if e.end else None}
                   for e in events],
        "boundaries": {"type": "FeatureCollection", "features": _boundaries_near(gaz, bounds) if bounds else []},
        "bounds": bounds,
        "canvas": sum(1 for p in drawn if "g" not in p) > CANVAS_PLACES,
        "unmapped": unmapped,
        "flagHelp": [f for f in ("repeat", "contested", "corroborated", "retracted") if f in FLAGS],
        "control": _control(analysis, gaz, side_index, day_index, days, lang) if control else None,
        "attribution": "Places: Who's On First, GeoNames (CC BY 4.0)",
    }

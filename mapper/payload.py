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

import datetime as dt
from functools import lru_cache
from typing import Any

from shapely.geometry import shape

from gazetteer import Gazetteer, Place

from .analysis import FLAGS, Analysis
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


class _Strings:
    """Repeated strings (claimants, sources, quotes, dates) stored once, referred to by index."""

    def __init__(self) -> None:
        self.items: list[str] = []
        self._index: dict[str, int] = {}

    def __call__(self, text: str | None) -> int | None:
        if text is None:
            return None
        if text not in self._index:
            self._index[text] = len(self.items)
            self.items.append(text)
        return self._index[text]


def _side_colors(sides: list[str]) -> list[dict[str, str]]:
    out, extra = [], iter(_OTHER_COLORS)
    for side in sides:
        out.append({"name": side, "color": SIDE_COLORS.get(side) or next(extra, "#444444")})
    return out


def _safe_url(url: str | None) -> str | None:
    import re

    return url if url and re.match(r"(?i)^https?://[^\s]+$", url) else None


def _boundaries_near(gaz: Gazetteer, bounds: list[list[float]], margin: float = 0.4) -> list[dict[str, Any]]:
    south, west = bounds[0][0] - margin, bounds[0][1] - margin
    north, east = bounds[1][0] + margin, bounds[1][1] + margin
    out = []
    for feature in gaz.boundaries["features"]:
        if feature["properties"]["kind"] not in AREA_KINDS:
            continue
        minx, miny, maxx, maxy = shape(feature["geometry"]).bounds
        if minx <= east and maxx >= west and miny <= north and maxy >= south:
            out.append({"type": "Feature", "properties": {}, "geometry": feature["geometry"]})
    return out


def _days(claim_days: set[dt.date], as_of: dt.date | None) -> list[dt.date]:
    days = set(claim_days) | ({as_of} if as_of else set())
    first, last = min(days), max(days)
    if (last - first).days < MAX_CALENDAR_DAYS:
        return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
    return sorted(days)


@lru_cache(maxsize=4096)
def _when(text: str, lang: str) -> str:
    from .i18n import format_when

    return format_when(text, lang)


def _count(value: Any, lang: str) -> str | None:
    if value is None or value == "":
        return None
    from babel.numbers import format_decimal

    from .i18n import _LOCALE

    try:
        return format_decimal(value, locale=_LOCALE[lang])
    except (TypeError, ValueError, ArithmeticError):
        return str(value)


class _Places:
    """The places claims are about, each listed once with its names in the page's language."""

    def __init__(self, gaz: Gazetteer, lang: str, strings: _Strings) -> None:
        self.gaz, self.lang, self.strings = gaz, lang, strings
        self.areas = {f["id"]: f["geometry"] for f in gaz.boundaries["features"]}
        self.items: list[dict[str, Any]] = []
        self.area_list: list[dict[str, Any]] = []
        self._index: dict[str, int] = {}

    def index(self, place: Place, *, own_point: bool) -> int:
        from .i18n import other_names, place_name

        # A claim giving its own coordinates keeps the resolved place's id: keyed
        # by id alone, whichever claim came first would decide for all whether
        # the place is drawn at that point or as its area.
        key = f"{place.id}@{place.lat},{place.lon}" if own_point else place.id
        if key in self._index:
            return self._index[key]
        parents = [place_name(p, self.lang) for p in self.gaz.parents(place)] if place.id in self.gaz else []
        entry: dict[str, Any] = {"n": place_name(place, self.lang), "o": other_names(place, self.lang),
                                 "k": place.kind, "c": [round(place.lat, 5), round(place.lon, 5)],
                                 "h": self.strings(" › ".join(parents[:3]))}
        if place.kind in PANEL_KINDS:
            entry["z"] = 1
        elif place.kind in AREA_KINDS and place.id in self.areas and not own_point:
            entry["g"] = len(self.area_list)
            self.area_list.append({"type": "Feature", "properties": {}, "geometry": self.areas[place.id]})
        self._index[key] = len(self.items)
        self.items.append(entry)
        return self._index[key]


#: The claims' columns, in the payload's order; the optional ones hold None where a claim has no value.
_COLUMNS = ("id", "d", "s", "c", "cl", "w", "st", "f", "p", "in", "k", "q", "src", "u", "n", "un", "as")
_OPTIONAL = frozenset(("p", "in", "k", "q", "src", "u", "n", "un", "as"))


def _claim_item(claim: Any, analysis: Analysis, strings: _Strings, day_index: dict[dt.date, int],
                side_index: dict[str, int], index_of: dict[str, int], kind_index: dict[str, int],
                status_index: dict[str, int], lang: str) -> dict[str, Any]:
    flags = analysis.flags.get(claim.id) or ()
    item: dict[str, Any] = {"id": claim.id, "d": day_index[claim.day], "s": side_index[claim.side],
                            "c": kind_index[claim.claim], "cl": strings(claim.claimant),
                            "w": strings(_when(claim.date, lang)), "st": status_index[claim.status],
                            "f": sum(1 << FLAGS.index(f) for f in set(flags))}
    if claim.id in analysis.inside_claimed:
        item["in"] = index_of[analysis.inside_claimed[claim.id]]
    item["k"] = _count(getattr(claim, "count", None), lang)
    for key, value in (("q", strings(claim.quote)), ("src", strings(claim.source)),
                       ("u", strings(_safe_url(claim.url))), ("n", strings(claim.notes)),
                       ("un", strings(getattr(claim, "unit", None) or None))):
        item[key] = value
    return item


def _columns(items: list[dict[str, Any]]) -> dict[str, list[Any]]:
    """One list per field; an optional field no claim has is left out."""
    out = {}
    for key in _COLUMNS:
        column = [item.get(key) for item in items]
        if key not in _OPTIONAL or any(v is not None for v in column):
            out[key] = column
    return out


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
    from .i18n import place_name

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
    from .i18n import format_day, strings as ui_strings

    claims = analysis.claims
    sides = sorted({c.side for c in claims}, key=lambda s: (s not in SIDE_COLORS, s))
    side_index = {s: i for i, s in enumerate(sides)}
    days = _days({c.day for c in claims}, as_of)
    day_index = {d: i for i, d in enumerate(days)}
    kinds = sorted({c.claim for c in claims})
    statuses = sorted({c.status for c in claims})
    kind_index = {k: i for i, k in enumerate(kinds)}
    status_index = {s: i for i, s in enumerate(statuses)}
    strings = _Strings()
    places = _Places(gaz, lang, strings)
    index_of = {c.id: i for i, c in enumerate(claims)}
    out_claims, unmapped = [], 0
    for claim in claims:
        item = _claim_item(claim, analysis, strings, day_index, side_index, index_of, kind_index, status_index, lang)
        place: Place | None = analysis.places[claim.id]
        if place is None:
            unmapped += 1
        else:
            item["p"] = places.index(place, own_point=claim.lat is not None)
            if claim.place != place.name:
                item["as"] = strings(claim.place)
        out_claims.append(item)
    drawn = [p for p in places.items if "z" not in p]
    bounds = ([[min(p["c"][0] for p in drawn), min(p["c"][1] for p in drawn)],
               [max(p["c"][0] for p in drawn), max(p["c"][1] for p in drawn)]] if drawn else None)
    ui = ui_strings(lang)
    claimants = sorted({c["cl"] for c in out_claims}, key=lambda k: strings.items[k].casefold())
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
        "claims": _columns(out_claims),
        "strings": strings.items,
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

"""Rendering an analysed ledger as a Leaflet map (folium)."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re
import warnings
from functools import cached_property
from html import escape as html_escape
from importlib import resources
from typing import Any

import folium
from branca.element import Element, Figure, MacroElement
from jinja2 import Template
from shapely.geometry import shape

from gazetteer import Gazetteer, Place

from .analysis import FLAGS, Analysis
from .errors import RenderError
from .ledger import Event

__all__ = ["ClaimsLayer", "build_map", "to_folium", "SIDE_COLORS"]

LEAFLET_VERSION = "1.9.3"
LEAFLET_JS = f"https://cdn.jsdelivr.net/npm/leaflet@{LEAFLET_VERSION}/dist/leaflet.js"
LEAFLET_CSS = f"https://cdn.jsdelivr.net/npm/leaflet@{LEAFLET_VERSION}/dist/leaflet.css"
SIDE_COLORS = {"Azerbaijan": "#1f77b4", "Armenia": "#d62728", "Artsakh": "#ff7f0e"}
_OTHER_COLORS = ("#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf")
FLAG_HELP = (
    ("repeat", "the side had already claimed this capture"),
    ("contested", "another side denies it, holds or claims it within days"),
    ("corroborated", "the other side admits withdrawing"),
    ("retracted", "post deleted or claim retracted"),
)
TILE_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'


def _asset(name: str) -> str:
    return resources.files("mapper").joinpath("assets", name).read_text(encoding="utf-8")


def script_json(value: Any) -> str:
    """JSON safe inside a <script> element: no '</script>', '<!--' or line separators survive."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


class _Verbatim(Element):
    """Text put into the page exactly as given: its render never compiles a template.

    branca wraps what a MacroElement's macros return in a new ``Element``,
    whose string it compiles as a template again when the page renders; data
    placed there would be evaluated. Our code and data go in through this
    class instead.
    """

    def __init__(self, text: str) -> None:
        super().__init__()
        self._name = "Verbatim"
        self.text = text

    def render(self, **kwargs: Any) -> str:
        return self.text


_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class ClaimsLayer(MacroElement):
    """A folium plugin drawing claims: one small class, a static script and stylesheet.

    ``payload`` is the data the script draws (places, claims, sides, days);
    see ``build_payload``. It goes into the page as one
    ``<script type="application/json">`` element that no template engine
    sees; ``claims.js`` (never a template) reads it with ``JSON.parse``. The
    only template is the call that starts the script, rendered once with two
    generated names as values. It needs Leaflet alone.
    """

    _template = Template("{{ this.js_name }}({{ this.map_name }}, {{ this.data_id|tojson }});")
    _script_name = "mapper_claims_js"
    _style_name = "mapper_claims_css"

    def __init__(self, payload: dict[str, Any]) -> None:
        super().__init__()
        self._name = "ClaimsLayer"
        self.payload = payload
        self.js_name = "mapperClaimsLayer"

    @cached_property
    def data_json(self) -> str:
        return script_json(self.payload)

    @property
    def data_id(self) -> str:
        return f"{self.get_name()}_data"

    def render(self, **kwargs: Any) -> None:
        figure = self.get_root()
        if not isinstance(figure, Figure) or not isinstance(self._parent, folium.Map):
            raise RenderError("add the ClaimsLayer to a folium.Map before rendering it")
        self.map_name = self._parent.get_name()
        for name in (self.map_name, self.get_name()):
            if not _NAME.fullmatch(name):
                raise RenderError(f"element name {name!r} is not a JavaScript name")
        figure.header.add_child(_Verbatim(f"<style>{_asset('claims.css')}</style>"), name=self._style_name)
        figure.html.add_child(_Verbatim(
            f'<script type="application/json" id="{self.data_id}">{self.data_json}</script>'),
            name=self.data_id)
        figure.script.add_child(_Verbatim(_script_asset()), name=self._script_name)
        figure.script.add_child(_Verbatim(self._template.render(this=self)), name=self.get_name())
        for child in self._children.values():
            child.render(**kwargs)


def _script_asset() -> str:
    js = _asset("claims.js")
    # Inline in a <script> element: these would end it early or change how it is parsed.
    for bad in ("</script", "<script", "<!--"):
        if bad in js.lower():
            raise RenderError(f"mapper/assets/claims.js must not contain {bad!r}")
    return js


def _side_colors(sides: list[str]) -> list[dict[str, str]]:
    out, extra = [], iter(_OTHER_COLORS)
    for side in sides:
        out.append({"name": side, "color": SIDE_COLORS.get(side) or next(extra, "#444444")})
    return out


def _safe_url(url: str | None) -> str | None:
    return url if url and re.match(r"(?i)^https?://[^\s]+$", url) else None


def _area_geometries(gaz: Gazetteer) -> dict[str, dict[str, Any]]:
    return {f["id"]: f["geometry"] for f in gaz.boundaries["features"]}


class _Strings:
    """Repeated ledger strings (claimants, sources, quotes) stored once, referred to by index."""

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


def _boundaries_near(gaz: Gazetteer, bounds: list[list[float]], margin: float = 0.4) -> list[dict[str, Any]]:
    south, west = bounds[0][0] - margin, bounds[0][1] - margin
    north, east = bounds[1][0] + margin, bounds[1][1] + margin
    out = []
    for feature in gaz.boundaries["features"]:
        if feature["properties"]["kind"] not in ("district", "province"):
            continue
        minx, miny, maxx, maxy = shape(feature["geometry"]).bounds
        if minx <= east and maxx >= west and miny <= north and maxy >= south:
            out.append({"type": "Feature", "properties": {}, "geometry": feature["geometry"]})
    return out


def build_payload(analysis: Analysis, gaz: Gazetteer, *, title: str, as_of: dt.date | None,
                  events: list[Event]) -> dict[str, Any]:
    """The data the map script draws. Claims are compact: optional fields are
    left out when empty, and repeated strings are indices into ``strings``."""
    claims = analysis.claims
    sides = sorted({c.side for c in claims}, key=lambda s: (s not in SIDE_COLORS, s))
    side_index = {s: i for i, s in enumerate(sides)}
    areas = _area_geometries(gaz)
    strings = _Strings()
    places: list[dict[str, Any]] = []
    place_index: dict[str, int] = {}
    area_list: list[dict[str, Any]] = []
    out_claims = []
    index_of = {c.id: i for i, c in enumerate(claims)}
    unmapped = 0
    for i, claim in enumerate(claims):
        place: Place | None = analysis.places[claim.id]
        item: dict[str, Any] = {"id": claim.id, "d": claim.day.isoformat(), "s": side_index[claim.side],
                                "c": claim.claim, "cl": strings(claim.claimant)}
        if place is None:
            unmapped += 1
        else:
            # A claim giving its own coordinates is drawn there, apart from the
            # place's other claims: one entry per place and position, so that
            # neither the first claim's point nor its area stands for the rest.
            key = place.id if claim.lat is None else f"{place.id}@{place.lat},{place.lon}"
            if key not in place_index:
                parents = [p.name for p in gaz.parents(place)] if place.id in gaz else []
                entry = {"n": place.name, "k": place.kind, "l": place.labels(),
                         "c": [round(place.lat, 5), round(place.lon, 5)],
                         "h": " › ".join(parents[:3]), "t": []}
                if place.kind in ("district", "province") and place.id in areas and claim.lat is None:
                    entry["g"] = len(area_list)
                    area_list.append({"type": "Feature", "properties": {}, "geometry": areas[place.id]})
                place_index[key] = len(places)
                places.append(entry)
            item["p"] = place_index[key]
            places[item["p"]]["t"].append(i)
            if claim.place != place.name:
                item["as"] = strings(claim.place)
        if claim.date != item["d"]:
            item["w"] = claim.date
        if claim.status != "published":
            item["st"] = claim.status
        if analysis.flags[claim.id]:
            item["f"] = analysis.flags[claim.id]
        if claim.id in analysis.inside_claimed:
            item["in"] = index_of[analysis.inside_claimed[claim.id]]
        for key, value in (("q", strings(claim.quote)), ("src", strings(claim.source)),
                           ("u", _safe_url(claim.url)), ("n", strings(claim.notes))):
            if value is not None:
                item[key] = value
        out_claims.append(item)
    days = sorted({c["d"] for c in out_claims} | ({as_of.isoformat()} if as_of else set()))
    lats = [p["c"][0] for p in places]
    lons = [p["c"][1] for p in places]
    bounds = [[min(lats), min(lons)], [max(lats), max(lons)]] if lats else None
    return {
        "title": title,
        "sides": _side_colors(sides),
        "places": places,
        "areas": area_list,
        "claims": out_claims,
        "strings": strings.items,
        "days": days,
        "asOf": as_of.isoformat() if as_of else days[-1],
        "events": [{"name": e.name, "start": e.start.isoformat(), "end": e.end.isoformat() if e.end else None}
                   for e in events],
        "boundaries": {"type": "FeatureCollection",
                       "features": _boundaries_near(gaz, bounds) if bounds else []},
        "bounds": bounds,
        "unmapped": unmapped,
        "flagHelp": [list(f) for f in FLAG_HELP if f[0] in FLAGS],
        "attribution": "Places: Who's On First, GeoNames (CC BY 4.0)",
        "credit": "Claims as reported by each side; a claim is not a fact.",
    }


def _asset_bytes(name: str) -> bytes:
    return resources.files("mapper").joinpath("assets", name).read_bytes()


def _leaflet_tags(html: str) -> tuple[str, str]:
    """The <script> and <link> tags folium wrote for Leaflet."""
    tags = f'<script src="{LEAFLET_JS}"></script>', f'<link rel="stylesheet" href="{LEAFLET_CSS}"/>'
    if not all(tag in html for tag in tags):
        raise RenderError(f"folium {folium.__version__} writes Leaflet's tags differently; "
                          "mapper/render.py must follow")
    return tags


def _pin_leaflet(html: str) -> str:
    """Add Subresource Integrity to the CDN tags, from the vendored copy of the same version.

    A CDN that served altered code would be refused by the reader's browser,
    and the article would get no map rather than someone else's script.
    """
    script_tag, css_tag = _leaflet_tags(html)
    sri = {name: "sha256-" + base64.b64encode(hashlib.sha256(
        _asset_bytes(f"leaflet-{LEAFLET_VERSION}/{name}")).digest()).decode() for name in ("leaflet.js", "leaflet.css")}
    return html.replace(script_tag, f'<script src="{LEAFLET_JS}" integrity="{sri["leaflet.js"]}" '
                                    f'crossorigin="anonymous"></script>').replace(
        css_tag, f'<link rel="stylesheet" href="{LEAFLET_CSS}" integrity="{sri["leaflet.css"]}" '
                 f'crossorigin="anonymous"/>')


def _inline_leaflet(html: str) -> str:
    css = _asset(f"leaflet-{LEAFLET_VERSION}/leaflet.css")
    for image in ("layers.png", "layers-2x.png"):
        data = _asset_bytes(f"leaflet-{LEAFLET_VERSION}/{image}")
        css = css.replace(f"url(images/{image})", "url(data:image/png;base64," + base64.b64encode(data).decode() + ")")
    js = _asset(f"leaflet-{LEAFLET_VERSION}/leaflet.js")
    script_tag, css_tag = _leaflet_tags(html)
    # Leaflet's own source holds no "</script>"; guard anyway.
    js = js.replace("</script", "<\\/script")
    return html.replace(script_tag, f"<script>{js}</script>").replace(css_tag, f"<style>{css}</style>")


def _number_elements(root: Element, seed: str) -> None:
    """Give every element a stable id: folium's are random, and outputs must be byte-identical.

    The ids start with ``seed`` (a hash of the map's data), so that two
    different maps put in one page keep apart.
    """
    counter = 0

    def walk(element: Element) -> None:
        nonlocal counter
        element._id = f"{seed}_{counter:04d}"
        counter += 1
        for child in element._children.values():
            walk(child)

    walk(root)


def _new_map() -> folium.Map:
    fmap = folium.Map(location=[39.8, 46.7], zoom_start=8, tiles=None, control_scale=True, prefer_canvas=False)
    # The claims layer needs Leaflet only: no jQuery, Bootstrap or icon fonts.
    fmap.default_js = [("leaflet", LEAFLET_JS)]
    fmap.default_css = [("leaflet_css", LEAFLET_CSS)]
    folium.TileLayer("OpenStreetMap", attr=TILE_ATTRIBUTION, name="OpenStreetMap", control=False).add_to(fmap)
    return fmap


def _as_analysis(data: Any, gaz: Gazetteer | None) -> tuple[Analysis, Gazetteer]:
    from .analysis import analyse
    from .ledger import Ledger, read_ledger

    gaz = gaz if gaz is not None else Gazetteer()
    if isinstance(data, Analysis):
        return data, gaz
    ledger = data if isinstance(data, Ledger) else read_ledger(data)
    if ledger.problems:
        # A notebook shows warnings: rows left out are never silent.
        warnings.warn(f"{len(ledger.problems)} row(s) left out of the map; first: {ledger.problems[0]} "
                      "(all of them: read_ledger(...).problems)", UserWarning, stacklevel=3)
    return analyse(ledger, gaz), gaz


def _as_date(value: dt.date | str | None) -> dt.date | None:
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise RenderError(f"as_of={value!r}: give a date, or a string YYYY-MM-DD")


def to_folium(data: Any, gaz: Gazetteer | None = None, *, title: str | None = None,
              as_of: dt.date | str | None = None, events: list[Event] | str | Any = (),
              m: folium.Map | None = None) -> folium.Map:
    """A ``folium.Map`` drawing the claims of ``data`` (an ``Analysis``, a ``Ledger``,
    or anything ``read_ledger`` reads), for notebooks and folium code.

    With ``m``, the claims layer is added to that map and it is returned.
    Ledger text reaches the page as data only (see ``ClaimsLayer``), never
    through folium's templates, which evaluate template syntax in their values.

    >>> m = to_folium("claims.csv", title="Claims")   # doctest: +SKIP
    >>> m                                             # shows in Jupyter   # doctest: +SKIP
    """
    if m is not None and not isinstance(m, folium.Map):
        raise RenderError(f"m={type(m).__name__}: give a folium.Map, or None for a new one")
    analysis, gaz = _as_analysis(data, gaz)
    if not analysis.claims:
        raise RenderError(f"{analysis.ledger.path}: no valid claims to map")
    if not isinstance(events, (list, tuple)):
        from .ledger import read_events

        events = read_events(events)
    payload = build_payload(analysis, gaz, title=title or "", as_of=_as_date(as_of), events=list(events))
    fmap = _new_map() if m is None else m
    ClaimsLayer(payload).add_to(fmap)
    if m is None and title:
        fmap.get_root().title = html_escape(title)
    return fmap


def build_map(analysis: Analysis, gaz: Gazetteer, *, title: str, as_of: dt.date | None = None,
              events: list[Event] = (), self_contained: bool = False) -> str:
    """The map page as HTML, byte-identical for the same input."""
    fmap = to_folium(analysis, gaz, title=title, as_of=as_of, events=list(events))
    root = fmap.get_root()
    root.title = html_escape(title)
    layer = next(c for c in fmap._children.values() if isinstance(c, ClaimsLayer))
    seed = hashlib.sha256(layer.data_json.encode()).hexdigest()[:8]
    _number_elements(root, seed)
    html = root.render()
    return _inline_leaflet(html) if self_contained else _pin_leaflet(html)

"""The claims layer as a folium plugin, for notebooks and folium code (``to_folium``).

``mapper build`` writes its page without folium (see ``mapper.page``);
``build_map`` and ``build_map_files`` are here too for those who look for them.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from functools import cached_property
from html import escape as html_escape
from typing import Any

import folium
from branca.element import Element, Figure, MacroElement
from jinja2 import Template

from gazetteer import Gazetteer

from .analysis import Analysis
from .errors import RenderError
from .ledger import Event
from .page import LEAFLET_CSS, LEAFLET_JS, _asset, as_date, build_map, build_map_files, check_lang, script_asset
from .page import script_json  # noqa: F401  (its old home)
from .payload import SIDE_COLORS, build_payload
from .tiles import DEFAULT_TILES, REFERRER_POLICY, Tiles, resolve_tiles

__all__ = ["ClaimsLayer", "build_map", "build_map_files", "to_folium", "SIDE_COLORS"]


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
        figure.script.add_child(_Verbatim(script_asset()), name=self._script_name)
        figure.script.add_child(_Verbatim(self._template.render(this=self)), name=self.get_name())
        for child in self._children.values():
            child.render(**kwargs)


def _new_map(tiles: Tiles | None = None) -> folium.Map:
    fmap = folium.Map(location=[39.8, 46.7], zoom_start=8, tiles=None, control_scale=True, prefer_canvas=False)
    # The claims layer needs Leaflet only: no jQuery, Bootstrap or icon fonts.
    fmap.default_js = [("leaflet", LEAFLET_JS)]
    fmap.default_css = [("leaflet_css", LEAFLET_CSS)]
    if tiles is not None:
        folium.TileLayer(tiles.url, attr=tiles.attribution, name=tiles.name, control=False,
                         max_zoom=tiles.max_zoom, max_native_zoom=tiles.max_zoom, subdomains=tiles.subdomains,
                         referrer_policy=REFERRER_POLICY).add_to(fmap)
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


def to_folium(data: Any, gaz: Gazetteer | None = None, *, title: str | None = None,
              as_of: dt.date | str | None = None, events: list[Event] | str | Any = (),
              m: folium.Map | None = None, tiles: str | None = DEFAULT_TILES,
              tiles_attr: str | None = None, lang: str = "en") -> folium.Map:
    """A ``folium.Map`` drawing the claims of ``data`` (an ``Analysis``, a ``Ledger``,
    or anything ``read_ledger`` reads), for notebooks and folium code.

    With ``m``, the claims layer is added to that map and it is returned;
    otherwise ``tiles`` names the background (see ``mapper.tiles.resolve_tiles``).
    ``lang`` (en, hy, az, ru) is the language of every string the map shows.
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
    payload = build_payload(analysis, gaz, title=title or "", as_of=as_date(as_of), events=list(events),
                            lang=check_lang(lang))
    fmap = _new_map(resolve_tiles(tiles, tiles_attr)) if m is None else m
    ClaimsLayer(payload).add_to(fmap)
    if m is None and title:
        fmap.get_root().title = html_escape(title)
    return fmap



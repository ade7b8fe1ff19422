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

from gazetteer import Gazetteer

from .analysis import Analysis
from .errors import RenderError
from .ledger import Event
from .page import finish_page, split_assets
from .tiles import DEFAULT_TILES, REFERRER_POLICY, Tiles, resolve_tiles
from .payload import SIDE_COLORS, build_payload

__all__ = ["ClaimsLayer", "build_map", "build_map_files", "to_folium", "SIDE_COLORS"]

LEAFLET_VERSION = "1.9.3"
LEAFLET_JS = f"https://cdn.jsdelivr.net/npm/leaflet@{LEAFLET_VERSION}/dist/leaflet.js"
LEAFLET_CSS = f"https://cdn.jsdelivr.net/npm/leaflet@{LEAFLET_VERSION}/dist/leaflet.css"


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


def _check_lang(lang: str) -> str:
    from .i18n import LANGS

    if lang not in LANGS:
        raise RenderError(f"lang={lang!r}: choose one of {', '.join(LANGS)}")
    return lang


def _set_lang(html: str, lang: str) -> str:
    """Say the page's language on its <html> element, for screen readers and hyphenation."""
    opening = re.search(r"<html(\s[^>]*)?>", html)
    if opening is None:
        raise RenderError("folium's page has no <html> element; mapper/render.py must follow")
    attrs = re.sub(r'\slang="[^"]*"', "", opening.group(1) or "")
    return html[:opening.start()] + f'<html lang="{_check_lang(lang)}"{attrs}>' + html[opening.end():]


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
    payload = build_payload(analysis, gaz, title=title or "", as_of=_as_date(as_of), events=list(events),
                            lang=_check_lang(lang))
    fmap = _new_map(resolve_tiles(tiles, tiles_attr)) if m is None else m
    ClaimsLayer(payload).add_to(fmap)
    if m is None and title:
        fmap.get_root().title = html_escape(title)
    return fmap


def build_map(analysis: Analysis, gaz: Gazetteer, *, title: str, as_of: dt.date | None = None,
              events: list[Event] = (), self_contained: bool = False, tiles: str | None = DEFAULT_TILES,
              tiles_attr: str | None = None, lang: str = "en", fallback_image: str | None = None) -> str:
    """The map page as HTML, byte-identical for the same input."""
    return _render_page(analysis, gaz, title=title, as_of=as_of, events=events, tiles=tiles, tiles_attr=tiles_attr,
                        lang=lang, fallback_image=fallback_image,
                        finish=_inline_leaflet if self_contained else _pin_leaflet)


def build_map_files(analysis: Analysis, gaz: Gazetteer, name: str, *, title: str, as_of: dt.date | None = None,
                    events: list[Event] = (), tiles: str | None = DEFAULT_TILES, tiles_attr: str | None = None,
                    lang: str = "en", fallback_image: str | None = None) -> dict[str, str | bytes]:
    """The map as files with no inline script or style, for pages served with
    ``Content-Security-Policy: script-src 'self'; style-src 'self'``: ``NAME.html``,
    ``NAME.js``, ``NAME.data.js``, ``NAME.css`` and the shared ``page.ASSET_FILES``."""
    found: dict[str, str] = {}

    def split(html: str) -> str:
        page, files = split_assets(html, name, claims_js=_script_asset(), claims_css=_asset("claims.css"),
                                   leaflet_tags=_leaflet_tags(html))
        found.update(files)
        return page

    html = _render_page(analysis, gaz, title=title, as_of=as_of, events=events, tiles=tiles, tiles_attr=tiles_attr,
                        lang=lang, fallback_image=fallback_image, finish=split)
    css = _asset(f"leaflet-{LEAFLET_VERSION}/leaflet.css")
    for image in ("layers.png", "layers-2x.png"):
        css = css.replace(f"url(images/{image})", f"url(leaflet-{image})")
    out: dict[str, str | bytes] = {f"{name}.html": html, **found, "leaflet.css": css,
                                   "leaflet.js": _asset(f"leaflet-{LEAFLET_VERSION}/leaflet.js"),
                                   "claims.js": _script_asset(), "claims.css": _asset("claims.css")}
    for image in ("layers.png", "layers-2x.png"):
        out[f"leaflet-{image}"] = _asset_bytes(f"leaflet-{LEAFLET_VERSION}/{image}")
    return out


def _render_page(analysis: Analysis, gaz: Gazetteer, *, title: str, as_of: dt.date | None, events: list[Event],
                 tiles: str | None, tiles_attr: str | None, lang: str, fallback_image: str | None,
                 finish) -> str:
    fmap = to_folium(analysis, gaz, title=title, as_of=as_of, events=list(events), tiles=tiles,
                     tiles_attr=tiles_attr, lang=lang)
    root = fmap.get_root()
    root.title = html_escape(title)
    layer = next(c for c in fmap._children.values() if isinstance(c, ClaimsLayer))
    seed = hashlib.sha256(layer.data_json.encode()).hexdigest()[:8]
    _number_elements(root, seed)
    html = finish_page(_set_lang(root.render(), lang), title=title, fallback_image=fallback_image)
    return finish(html)

"""The map page ``mapper build`` writes: one static template, filled once with values.

The page is ours, not folium's: a command-line build imports neither folium
nor branca nor a template engine (they cost more than half a second on every
run). ``_PAGE`` is a ``string.Template`` substituted in a single pass: a value
put into it is never read as template source again, and each value is made
safe for where it goes (text escaped as HTML, JSON escaped for a script
element, names generated and checked). The page draws the same map as
``render.to_folium`` (Leaflet, one tile layer, the claims layer) and adds what
a page readers open on phones, with screen readers or inside a CMS needs: a
zoomable viewport, a ``main`` landmark, a referrer policy tile servers accept,
Leaflet pinned by Subresource Integrity, inline (``self_contained``) or, for
a strict Content-Security-Policy, no inline script or style at all
(``build_map_files``).
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re
from html import escape
from importlib import resources
from string import Template
from typing import Any
from urllib.parse import quote

import orjson

from gazetteer import Gazetteer

from .analysis import Analysis
from .errors import RenderError
from .ledger import Event
from .tiles import DEFAULT_TILES, REFERRER_POLICY, Tiles, resolve_tiles

__all__ = ["build_map", "build_map_files", "map_bytes", "script_json", "ASSET_FILES", "LEAFLET_VERSION"]

LEAFLET_VERSION = "1.9.3"
LEAFLET_JS = f"https://cdn.jsdelivr.net/npm/leaflet@{LEAFLET_VERSION}/dist/leaflet.js"
LEAFLET_CSS = f"https://cdn.jsdelivr.net/npm/leaflet@{LEAFLET_VERSION}/dist/leaflet.css"
#: Shared files an external-assets build writes beside the map (same bytes for every map).
ASSET_FILES = ("leaflet.js", "leaflet.css", "leaflet-layers.png", "leaflet-layers-2x.png", "claims.js", "claims.css")

#: The whole page. Slots: $lang, $title (escaped text), $head (Leaflet, styles,
#: scripts), $map (a generated name), $noscript, $data (the claims element, or
#: nothing), $tail (the scripts that start the map). The data, the bulk of the
#: page, goes between the two halves as bytes.
_PAGE = """<!DOCTYPE html>
<html lang="$lang">
<head>
<title>$title</title>
<meta http-equiv="content-type" content="text/html; charset=UTF-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta name="referrer" content="$referrer" />
$head
</head>
<body>
<main class="cm-main" aria-labelledby="${map}_h1">
<h1 class="cm-sr-only" id="${map}_h1">$title</h1>
$noscript
<div class="folium-map" id="$map" ></div>
</main>
$data$tail
</body>
</html>
"""
_PAGE_HEAD, _PAGE_TAIL = (Template(part) for part in _PAGE.split("$data"))

#: The map's own styles: it fills the window.
_MAP_CSS = Template("""#$map { position: relative; width: 100.0%; height: 100.0%; left: 0.0%; top: 0.0%; }
.leaflet-container { font-size: 1rem; }
html, body { width: 100%; height: 100%; margin: 0; padding: 0; }
""")

#: The script that makes the map, its tiles and the claims layer; $tiles is a
#: tile layer's JSON options (see ``_tile_layer``), or nothing.
_SETUP = Template("""var $map = L.map("$map", {center: [39.8, 46.7], crs: L.CRS.EPSG3857, zoom: 8, zoomControl: true,
  preferCanvas: false});
L.control.scale().addTo($map);
$tiles$layer($map, "$data_id");
""")

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _asset(name: str) -> str:
    return resources.files("mapper").joinpath("assets", name).read_text(encoding="utf-8")


def _asset_bytes(name: str) -> bytes:
    return resources.files("mapper").joinpath("assets", name).read_bytes()


def script_asset() -> str:
    """claims.js, checked to be safe inline in a <script> element."""
    js = _asset("claims.js")
    # Inline in a <script> element: these would end it early or change how it is parsed.
    for bad in ("</script", "<script", "<!--"):
        if bad in js.lower():
            raise RenderError(f"mapper/assets/claims.js must not contain {bad!r}")
    return js


_SCRIPT_UNSAFE = ((b"<", b"\\u003c"), (b">", b"\\u003e"), (b"&", b"\\u0026"),
                  ("\u2028".encode(), b"\\u2028"), ("\u2029".encode(), b"\\u2029"))


def _script_json_bytes(value: Any) -> bytes:
    """``script_json`` as UTF-8 bytes, as the page is written."""
    try:
        data = orjson.dumps(value, option=orjson.OPT_SORT_KEYS)
    except TypeError:  # what orjson refuses (a lone surrogate, an integer past 64 bits)
        data = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode(
            "utf-8", "surrogatepass")
    for bad, good in _SCRIPT_UNSAFE:
        data = data.replace(bad, good)
    return data


def script_json(value: Any) -> str:
    """JSON safe inside a <script> element: no '</script>', '<!--' or line separators survive.

    Compact, keys sorted, non-ASCII as UTF-8 (orjson: a 50,000-claim payload in
    a tenth of the time of the standard library's encoder, the same text)."""
    return _script_json_bytes(value).decode("utf-8", "surrogatepass")


def _js_value(value: Any) -> str:
    """A JavaScript value (JSON) safe inside a <script> element, escaped as folium escapes its options."""
    return (json.dumps(value, separators=(", ", ": ")).replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("&", "\\u0026").replace("'", "\\u0027"))


def _tile_layer(tiles: Tiles, name: str, map_name: str) -> str:
    """The tile layer, with the options folium gives it. The URL and attribution are
    JSON strings, never code or template source (``--tiles-attr`` is already
    escaped HTML, which Leaflet shows as such)."""
    options = {"minZoom": 0, "maxZoom": tiles.max_zoom, "maxNativeZoom": tiles.max_zoom, "noWrap": False,
               "attribution": tiles.attribution, "subdomains": tiles.subdomains, "detectRetina": False,
               "tms": False, "opacity": 1, "referrerPolicy": REFERRER_POLICY}
    return f"var {name} = L.tileLayer({_js_value(tiles.url)}, {_js_value(options)});\n{name}.addTo({map_name});\n"


def check_lang(lang: str) -> str:
    from .i18n import LANGS

    if lang not in LANGS:
        raise RenderError(f"lang={lang!r}: choose one of {', '.join(LANGS)}")
    return lang


def as_date(value: dt.date | str | None) -> dt.date | None:
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise RenderError(f"as_of={value!r}: give a date, or a string YYYY-MM-DD")


def _sri(name: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(_asset_bytes(f"leaflet-{LEAFLET_VERSION}/{name}")).digest()
                                        ).decode()


def _leaflet_css(image_url) -> str:
    css = _asset(f"leaflet-{LEAFLET_VERSION}/leaflet.css")
    for image in ("layers.png", "layers-2x.png"):
        css = css.replace(f"url(images/{image})", f"url({image_url(image)})")
    return css


def _inline_leaflet() -> str:
    css = _leaflet_css(lambda image: "data:image/png;base64," + base64.b64encode(
        _asset_bytes(f"leaflet-{LEAFLET_VERSION}/{image}")).decode())
    # Leaflet's own source holds no "</script>"; guard anyway.
    js = _asset(f"leaflet-{LEAFLET_VERSION}/leaflet.js").replace("</script", "<\\/script")
    return f"<script>{js}</script>\n<style>{css}</style>"


def _pinned_leaflet() -> str:
    """Leaflet from its CDN, with Subresource Integrity from the vendored copy of
    the same version: a CDN that served altered code would be refused by the
    reader's browser, and the article would get no map rather than someone else's script."""
    return (f'<script src="{LEAFLET_JS}" integrity="{_sri("leaflet.js")}" crossorigin="anonymous"></script>\n'
            f'<link rel="stylesheet" href="{LEAFLET_CSS}" integrity="{_sri("leaflet.css")}" crossorigin="anonymous"/>')


class _Page:
    """One map's page: its names, data and parts, made once."""

    def __init__(self, analysis: Analysis, gaz: Gazetteer, *, title: str, as_of, events, tiles, tiles_attr,
                 lang: str, fallback_image: str | None) -> None:
        from .payload import build_payload

        if not analysis.claims:
            raise RenderError(f"{analysis.ledger.path}: no valid claims to map")
        tile_spec = resolve_tiles(tiles, tiles_attr)
        payload = build_payload(analysis, gaz, title=title or "", as_of=as_date(as_of),
                                events=list(events), lang=check_lang(lang))
        self.data = _script_json_bytes(payload)
        # Names from a hash of the data: stable for the same input (files stay
        # byte-identical), apart for different maps put in one page.
        seed = hashlib.sha256(self.data).hexdigest()[:8]
        self.map = f"map_{seed}_0001"
        self.data_id = f"claims_layer_{seed}_{3 if tile_spec else 2:04d}_data"
        for name in (self.map, self.data_id):
            if not _NAME.fullmatch(name):
                raise RenderError(f"element name {name!r} is not a JavaScript name")
        self.tiles = _tile_layer(tile_spec, f"tile_layer_{seed}_0002", self.map) if tile_spec else ""
        self.title, self.lang, self.fallback = escape(title, quote=True), lang, fallback_image

    def setup(self) -> str:
        return _SETUP.substitute(map=self.map, tiles=self.tiles, layer="mapperClaimsLayer", data_id=self.data_id)

    def css(self) -> str:
        return _MAP_CSS.substitute(map=self.map)

    def html(self, *, head: str, data: bytes, tail: str) -> bytes:
        """The page as UTF-8: the data goes in as the bytes it was serialised to."""
        if self.fallback:
            noscript = (f'<noscript><img class="cm-fallback" src="{escape(self.fallback, quote=True)}" '
                        f'alt="{self.title}"></noscript>')
        else:
            noscript = '<noscript><p class="cm-noscript">This map needs JavaScript.</p></noscript>'
        values = dict(lang=self.lang, title=self.title, referrer=REFERRER_POLICY, head=head, map=self.map,
                      noscript=noscript, tail=tail)
        return _PAGE_HEAD.substitute(values).encode() + data + _PAGE_TAIL.substitute(values).encode()


def build_map(analysis: Analysis, gaz: Gazetteer, *, title: str, as_of: dt.date | None = None,
              events: list[Event] = (), self_contained: bool = False, tiles: str | None = DEFAULT_TILES,
              tiles_attr: str | None = None, lang: str = "en", fallback_image: str | None = None) -> str:
    """The map page as HTML, byte-identical for the same input (see ``map_bytes``)."""
    return map_bytes(analysis, gaz, title=title, as_of=as_of, events=events, self_contained=self_contained,
                     tiles=tiles, tiles_attr=tiles_attr, lang=lang, fallback_image=fallback_image).decode()


def map_bytes(analysis: Analysis, gaz: Gazetteer, *, title: str, as_of: dt.date | None = None,
              events: list[Event] = (), self_contained: bool = False, tiles: str | None = DEFAULT_TILES,
              tiles_attr: str | None = None, lang: str = "en", fallback_image: str | None = None) -> bytes:
    """The map page as UTF-8, as a build writes it.

    ``title`` is text (escaped here); ``fallback_image`` is a relative file
    name shown when scripts do not run; ``self_contained`` inlines Leaflet
    (the page works offline), otherwise it loads from its CDN, pinned."""
    page = _Page(analysis, gaz, title=title, as_of=as_of, events=events, tiles=tiles, tiles_attr=tiles_attr,
                 lang=lang, fallback_image=fallback_image)
    head = (f"{_inline_leaflet() if self_contained else _pinned_leaflet()}\n<style>\n{page.css()}</style>\n"
            f"<style>{_asset('claims.css')}</style>")
    data = b'<script type="application/json" id="%s">%s</script>\n' % (page.data_id.encode(), page.data)
    # claims.js defines the layer; the set-up calls it once the page has parsed.
    tail = f"<script>\n{script_asset()}\n</script>\n<script>\n{page.setup()}</script>"
    return page.html(head=head, data=data, tail=tail)


def build_map_files(analysis: Analysis, gaz: Gazetteer, name: str, *, title: str, as_of: dt.date | None = None,
                    events: list[Event] = (), tiles: str | None = DEFAULT_TILES, tiles_attr: str | None = None,
                    lang: str = "en", fallback_image: str | None = None) -> dict[str, str | bytes]:
    """The map as files with no inline script or style, for pages served with
    ``Content-Security-Policy: script-src 'self'; style-src 'self'``: ``NAME.html``,
    ``NAME.js`` (the set-up), ``NAME.data.js`` (the claims), ``NAME.css`` and the
    shared ``ASSET_FILES``. Scripts run in document order: Leaflet, claims.js,
    the data, then the set-up."""
    page = _Page(analysis, gaz, title=title, as_of=as_of, events=events, tiles=tiles, tiles_attr=tiles_attr,
                 lang=lang, fallback_image=fallback_image)
    src = escape(quote(name, safe=""), quote=True)
    head = ('<link rel="stylesheet" href="leaflet.css"/>\n<link rel="stylesheet" href="claims.css"/>\n'
            f'<link rel="stylesheet" href="{src}.css"/>\n<script src="leaflet.js"></script>\n'
            '<script src="claims.js"></script>')
    tail = f'<script src="{src}.data.js"></script>\n<script src="{src}.js"></script>'
    html = page.html(head=head, data=b"", tail=tail).decode()
    if re.search(r"<script(?![^>]*\bsrc=)[^>]*>|<style|\sstyle=", html):
        raise RenderError("an inline script or style is left in an external-assets page")
    out: dict[str, str | bytes] = {
        f"{name}.html": html,
        # The JSON is already escaped for a script element, so it is safe as a script file too.
        f"{name}.data.js": b'(window.mapperClaimsData = window.mapperClaimsData || {})["%s"] = %s;\n'
                           % (page.data_id.encode(), page.data),
        f"{name}.js": page.setup(),
        f"{name}.css": page.css(),
        "leaflet.css": _leaflet_css(lambda image: f"leaflet-{image}"),
        "leaflet.js": _asset(f"leaflet-{LEAFLET_VERSION}/leaflet.js"),
        "claims.js": script_asset(),
        "claims.css": _asset("claims.css"),
    }
    for image in ("layers.png", "layers-2x.png"):
        out[f"leaflet-{image}"] = _asset_bytes(f"leaflet-{LEAFLET_VERSION}/{image}")
    return out

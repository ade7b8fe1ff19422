"""The map page's chrome: viewport, landmarks, and assets inline, pinned or as files.

folium writes a page for notebooks; a page readers open on phones, with
screen readers, or inside a CMS with a strict Content-Security-Policy needs
more: a zoomable viewport, a ``main`` landmark, a referrer policy
that tile servers accept, and (``external``) no inline script or style at all.
"""

from __future__ import annotations

import re
from html import escape
from urllib.parse import quote

from .errors import RenderError
from .tiles import REFERRER_POLICY

__all__ = ["finish_page", "split_assets", "ASSET_FILES"]

#: Shared files an external-assets build writes beside the map (same bytes for every map).
ASSET_FILES = ("leaflet.js", "leaflet.css", "leaflet-layers.png", "leaflet-layers-2x.png", "claims.js", "claims.css")

_VIEWPORT = re.compile(r'<meta name="viewport" content="[^"]*"\s*/>')
_MAP_DIV = re.compile(r'<div class="folium-map" id="([A-Za-z0-9_]+)" ></div>')


def _one(pattern: re.Pattern, html: str, what: str) -> re.Match:
    found = list(pattern.finditer(html))
    if len(found) != 1:
        raise RenderError(f"folium writes {what} differently ({len(found)} found); mapper/page.py must follow")
    return found[0]


def finish_page(html: str, *, title: str, fallback_image: str | None = None) -> str:
    """folium's page with a viewport readers may zoom, a referrer policy, and
    the map inside a ``main`` landmark headed by the title.

    ``title`` is text (escaped here); ``fallback_image`` is a relative file
    name shown when scripts do not run.
    """
    viewport = _one(_VIEWPORT, html, "the viewport meta tag")
    html = (html[:viewport.start()] + '<meta name="viewport" content="width=device-width, initial-scale=1" />\n'
            f'    <meta name="referrer" content="{REFERRER_POLICY}" />' + html[viewport.end():])
    div = _one(_MAP_DIV, html, "the map's element")
    t = escape(title, quote=True)
    noscript = ""
    if fallback_image:
        noscript = (f'<noscript><img class="cm-fallback" src="{escape(fallback_image, quote=True)}" '
                    f'alt="{t}"></noscript>')
    else:
        noscript = '<noscript><p class="cm-noscript">This map needs JavaScript.</p></noscript>'
    main = (f'<main class="cm-main" aria-labelledby="{div.group(1)}_h1">\n'
            f'<h1 class="cm-sr-only" id="{div.group(1)}_h1">{t}</h1>\n{noscript}\n{div.group(0)}\n</main>')
    return html[:div.start()] + main + html[div.end():]


_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
_INLINE_STYLE = re.compile(r"<style>(.*?)</style>", re.S)
_DATA = re.compile(r'<script type="application/json" id="([A-Za-z0-9_]+)">(.*?)</script>', re.S)


def split_assets(html: str, name: str, *, claims_js: str, claims_css: str,
                 leaflet_tags: tuple[str, str]) -> tuple[str, dict[str, str]]:
    """The page with no inline script or style, and the files it now loads.

    ``name`` prefixes the map's own files (``NAME.js``: folium's set-up;
    ``NAME.data.js``: the claims; ``NAME.css``: folium's styles); Leaflet and
    the claims layer load from shared files (``ASSET_FILES``). Scripts run
    in document order: Leaflet, claims.js, the data, then the set-up.
    """
    files: dict[str, str] = {}
    data = list(_DATA.finditer(html))
    if len(data) != 1:
        raise RenderError("an external-assets page holds exactly one claims layer")
    data_id, payload = data[0].group(1), data[0].group(2)
    # The JSON is already escaped for a script element, so it is safe as a script file too.
    files[f"{name}.data.js"] = (f"(window.mapperClaimsData = window.mapperClaimsData || {{}})[\"{data_id}\"] = "
                                f"{payload};\n")
    html = html[:data[0].start()] + html[data[0].end():]
    scripts = [m.group(1) for m in _INLINE_SCRIPT.finditer(html)]
    styles = [m.group(1) for m in _INLINE_STYLE.finditer(html)]
    setup = "\n".join(scripts)
    if claims_js not in setup or not any(claims_css in s for s in styles):
        raise RenderError("the claims layer's script or style is missing from the page")
    files[f"{name}.js"] = setup.replace(claims_js, "").strip() + "\n"
    files[f"{name}.css"] = "\n".join(s.replace(claims_css, "") for s in styles).strip() + "\n"
    html = _INLINE_SCRIPT.sub("", html)
    html = _INLINE_STYLE.sub("", html)
    script_tag, css_tag = leaflet_tags
    src = escape(quote(name, safe=""), quote=True)
    head = ('<link rel="stylesheet" href="leaflet.css"/>\n    <link rel="stylesheet" href="claims.css"/>\n'
            f'    <link rel="stylesheet" href="{src}.css"/>\n    <script src="leaflet.js"></script>\n'
            '    <script src="claims.js"></script>')
    if script_tag not in html or css_tag not in html:
        raise RenderError("Leaflet's tags are missing from the page")
    html = html.replace(css_tag, "").replace(script_tag, head)
    tail = f'<script src="{src}.data.js"></script>\n<script src="{src}.js"></script>\n</html>'
    if not html.rstrip().endswith("</html>"):
        raise RenderError("folium writes the page's end differently; mapper/page.py must follow")
    html = html.rstrip()[: -len("</html>")] + tail + "\n"
    if re.search(r"<script(?![^>]*\bsrc=)[^>]*>|<style|\sstyle=", html):
        raise RenderError("an inline script or style is left in an external-assets page")
    return html, files

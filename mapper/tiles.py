"""The map's background tiles: a named provider, a URL template of the user's own, or none.

OpenStreetMap's own tile servers are a shared, donated service whose usage
policy (https://operations.osmfoundation.org/policies/tiles/) forbids heavy
use and asks for a valid Referer: a news site's traffic should name a
provider it has an agreement with (``--tiles`` with a URL template and an
API key, or a provider name such as ``Thunderforest.Landscape`` with its key).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from .errors import MapperError

__all__ = ["Tiles", "resolve_tiles", "DEFAULT_TILES", "REFERRER_POLICY"]

DEFAULT_TILES = "OpenStreetMap"
#: Sends the page's origin (never its path) to tile servers: what OSM and
#: providers that check a Referer accept, and no more than that.
REFERRER_POLICY = "strict-origin-when-cross-origin"
_TEMPLATE = re.compile(r"(?i)^https://[^\s\"'<>\\]+$")


@dataclass(frozen=True)
class Tiles:
    """Where tiles come from: ``url`` is a Leaflet URL template; ``attribution`` is HTML."""

    name: str
    url: str
    attribution: str
    max_zoom: int = 19
    subdomains: str = "abc"


#: The default background, as xyzservices describes it: a build that keeps the
#: default need not import xyzservices (and urllib, http and ssl with it: a
#: twentieth of a second on every run). A test checks it against xyzservices.
OSM = Tiles(name="OpenStreetMap.Mapnik", url="https://tile.openstreetmap.org/{z}/{x}/{y}.png",
            attribution='&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
            max_zoom=19, subdomains="abc")


def _named(spec: str) -> Tiles:
    if spec.lower() == "openstreetmap":
        return OSM
    import xyzservices

    query = "OpenStreetMap.Mapnik" if spec.lower() == "openstreetmap" else spec
    try:
        provider = xyzservices.providers.query_name(query)
    except ValueError:
        raise MapperError(f"--tiles {spec!r}: no such tile provider; give a name from xyzservices "
                          "(e.g. OpenStreetMap, Esri.WorldGrayCanvas, Esri.WorldTopoMap), an https:// URL "
                          "template with {z}, {x} and {y}, or 'none'") from None
    if provider.requires_token():
        raise MapperError(f"--tiles {spec!r} needs an API key: give its https:// URL template with your key "
                          "in it, and --tiles-attr")
    return Tiles(name=provider.name, url=provider.build_url(fill_subdomain=False, scale_factor=""),
                 attribution=provider.html_attribution, max_zoom=int(provider.get("max_zoom", 19)),
                 subdomains=str(provider.get("subdomains", "abc")))


def resolve_tiles(spec: str | None = DEFAULT_TILES, attribution: str | None = None) -> Tiles | None:
    """The tiles ``spec`` names: an xyzservices/folium name, an https URL template
    (then ``attribution``, shown as text, is required) or ``none`` (None: no tiles).

    ``attribution`` comes from the command line and is escaped: it shows as
    written, never as markup.
    """
    if spec is None:
        spec = DEFAULT_TILES
    spec = spec.strip()
    if spec.lower() == "none":
        if attribution:
            raise MapperError("--tiles-attr goes with tiles: drop it, or give --tiles")
        return None
    if "/" not in spec:
        tiles = _named(spec)
        return tiles if not attribution else Tiles(tiles.name, tiles.url, html.escape(attribution),
                                                     tiles.max_zoom, tiles.subdomains)
    if not _TEMPLATE.match(spec) or not all(k in spec for k in ("{z}", "{x}", "{y}")):
        raise MapperError(f"--tiles {spec!r}: a URL template is an https:// address with {{z}}, {{x}} and {{y}} "
                          "in it (and no spaces or quotes)")
    if not attribution or not attribution.strip():
        raise MapperError(f"--tiles {spec!r}: give the provider's attribution with --tiles-attr "
                          "(e.g. --tiles-attr '© OpenStreetMap contributors, © MyTiles')")
    return Tiles(name="custom", url=spec, attribution=html.escape(attribution.strip()))

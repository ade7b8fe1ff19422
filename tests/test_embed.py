"""Embeds that survive a CMS: stripped snippets, strict Content-Security-Policy, AMP, a PNG fallback, tiles.

The browser tests serve the built folder from a local http.server that sends
the policy as a header, as a newsroom's server would, and refuse every other
address.
"""

import contextlib
import functools
import http.server
import re
import threading
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from mapper.cli import EXAMPLE, EXAMPLE_EVENTS, cli
from mapper.page import ASSET_FILES


CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:"


def build(out, *args, ledger=EXAMPLE):
    result = CliRunner().invoke(cli, ["build", str(ledger), "--events", str(EXAMPLE_EVENTS), "--name", "ex",
                                      "--output-dir", str(out), *args])
    assert result.exit_code == 0, result.output
    return result


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags(html, name=None):
    parser = _Tags()
    parser.feed(html)
    return [a for t, a in parser.tags if name is None or t == name]


@contextlib.contextmanager
def serve(folder: Path, headers: dict[str, str]):
    """http://127.0.0.1:PORT/ serving ``folder`` with ``headers`` on every answer."""
    class Handler(http.server.SimpleHTTPRequestHandler):
        def end_headers(self):
            for k, v in headers.items():
                self.send_header(k, v)
            super().end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def local_page(browser, width=1280, height=800):  # noqa: F811
    """A page that reaches 127.0.0.1 only, and records CSP violations and errors."""
    page = browser.new_page(viewport={"width": width, "height": height})
    page.route(re.compile(r"^https?://(?!127\.0\.0\.1[:/])"), lambda route: route.abort())
    page.add_init_script("window.__csp = []; document.addEventListener('securitypolicyviolation', "
                         "e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));")
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    return page, errors


# --- external assets -------------------------------------------------------------------------------

def test_external_assets_page_has_no_inline_script_or_style(tmp_path):
    build(tmp_path / "o", "--external-assets")
    html = (tmp_path / "o" / "ex.html").read_text(encoding="utf-8")
    scripts = tags(html, "script")
    assert scripts and all(s.get("src") for s in scripts)
    assert "<style" not in html and not any("style" in a for a in tags(html))
    assert not re.search(r"\son[a-z]+=", html)
    # Every file the page names is written beside it, and nothing is fetched from elsewhere.
    named = [s["src"] for s in scripts] + [link["href"] for link in tags(html, "link")]
    assert set(named) == {"leaflet.js", "claims.js", "ex.data.js", "ex.js", "leaflet.css", "claims.css", "ex.css"}
    for name in [*named, *ASSET_FILES]:
        assert (tmp_path / "o" / name).is_file(), name
    assert "url(leaflet-layers.png)" in (tmp_path / "o" / "leaflet.css").read_text(encoding="utf-8")
    # Deterministic, like every build.
    build(tmp_path / "p", "--external-assets")
    for path in (tmp_path / "o").iterdir():
        if not path.name.startswith("."):
            assert path.read_bytes() == (tmp_path / "p" / path.name).read_bytes(), path.name


def test_external_assets_excludes_self_contained(tmp_path):
    result = CliRunner().invoke(cli, ["build", str(EXAMPLE), "--output-dir", str(tmp_path),
                                      "--external-assets", "--self-contained"])
    assert result.exit_code == 2 and "not both" in result.output
    assert not list(tmp_path.iterdir())


@pytest.mark.browser
@pytest.mark.parametrize("external", [True, False])
def test_map_draws_under_a_strict_csp_only_with_external_assets(browser, tmp_path, external):  # noqa: F811
    out = tmp_path / "o"
    build(out, *(["--external-assets"] if external else []), "--tiles", "none")
    with serve(out, {"Content-Security-Policy": CSP}) as base:
        page, errors = local_page(browser)
        page.goto(f"{base}/ex.html")
        if not external:
            # The inline scripts are refused: the reason for the external mode.
            page.wait_for_timeout(500)
            assert page.evaluate("window.__csp.length") > 0
            assert page.locator("[data-claims-ready]").count() == 0
            return
        page.wait_for_selector("[data-claims-ready]", timeout=15000)
        assert page.evaluate("window.__csp") == []
        assert errors == []
        assert page.locator(".cm-marker, path.cm-area").count() > 3
        assert page.locator(".cm-slider").is_visible()
        # Styles from the files apply: the map fills the window, the summary is hidden from sight.
        box = page.locator(".leaflet-container").bounding_box()
        assert box["width"] == 1280 and box["height"] == 800
        page.locator(".cm-marker").first.click()
        # Built when opened, the popup shows a frame or more after the click (CI once read it too soon).
        page.locator(".leaflet-popup .cm-popup").wait_for(state="visible", timeout=10000)
        assert page.evaluate("window.__csp") == []


# --- the snippet in an article ----------------------------------------------------------------------

ARTICLE = ('<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width">'
           "<title>Article</title></head><body><h1>Article</h1><p id='before'>Text before.</p>{embed}"
           "<p id='after'>Text after.</p></body></html>")


def only_the_iframe(snippet):
    """What a CMS that keeps the iframe alone (and drops style) leaves."""
    (frame,) = re.findall(r"<iframe.*?</iframe>", snippet, re.S)
    return re.sub(r'\sstyle="[^"]*"', "", frame)


@pytest.mark.browser
@pytest.mark.parametrize("variant", ["whole", "iframe only", "styles blocked"])
@pytest.mark.parametrize("width", [360, 1280])
def test_the_embed_keeps_its_size_and_covers_nothing(browser, tmp_path, variant, width):  # noqa: F811
    out = tmp_path / "o"
    build(out, "--tiles", "none", "--self-contained")
    snippet = (out / "ex.embed.html").read_text(encoding="utf-8")
    headers = {}
    if variant == "iframe only":
        snippet = only_the_iframe(snippet)
    elif variant == "styles blocked":
        headers = {"Content-Security-Policy": "style-src 'self'"}
    (out / "article.html").write_text(ARTICLE.format(embed=snippet), encoding="utf-8")
    with serve(out, headers) as base:
        page, _ = local_page(browser, width, 800)
        page.goto(f"{base}/article.html")
        frame = page.locator("iframe")
        box = frame.bounding_box()
        assert box["width"] >= width - 20 and box["width"] <= width
        assert box["height"] >= 420
        before = page.locator("#before").bounding_box()
        after = page.locator("#after").bounding_box()
        # In the flow of the article: below the text before it, above the text after it.
        assert before["y"] + before["height"] <= box["y"] and box["y"] + box["height"] <= after["y"]
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.frame_locator("iframe").locator("[data-claims-ready]").wait_for(timeout=15000)
        if variant == "styles blocked":
            assert page.evaluate("window.__csp.length") > 0  # the snippet's style attributes were refused


def test_snippet_is_sized_by_attributes_and_the_wrapper_is_optional():
    from mapper.outputs import embed_snippet

    snippet = embed_snippet("m", "T")
    (frame,) = tags(snippet, "iframe")
    assert frame["width"] == "100%" and int(frame["height"]) >= 400
    assert "position" not in frame.get("style", "") and "position" not in snippet
    assert frame["referrerpolicy"] == "strict-origin-when-cross-origin"
    assert "allow-same-origin" not in frame["sandbox"]  # beside the article: its origin stays opaque
    (frame,) = tags(embed_snippet("m", "T", base_url="https://maps.example.org/x/"), "iframe")
    assert frame["sandbox"].split()[-1] == "allow-same-origin"  # its own host: tile servers see a Referer


# --- AMP and the PNG fallback ------------------------------------------------------------------------

def test_amp_snippet_and_png_fallback_written_beside_the_embed(tmp_path, monkeypatch):
    def fake_png(html, path, size):
        # Chromium is tested in test_browser; here only where the picture goes.
        assert "<noscript>" in html
        path.write_bytes(b"\x89PNG\r\n\x1a\n")
        return path

    monkeypatch.setattr("mapper.image.write_png", fake_png)
    out = tmp_path / "o"
    build(out, "--png", "--base-url", "https://maps.example.org/2020/")
    amp = (out / "ex.amp.html").read_text(encoding="utf-8")
    (frame,) = tags(amp, "amp-iframe")
    assert frame["src"] == "https://maps.example.org/2020/ex.html"
    assert frame["layout"] == "fixed-height" and int(frame["height"]) >= 400
    assert "allow-scripts" in frame["sandbox"]
    (img,) = tags(amp, "amp-img")
    assert "placeholder" in img and img["src"] == "https://maps.example.org/2020/ex.png"
    embed = (out / "ex.embed.html").read_text(encoding="utf-8")
    (img,) = tags(embed, "img")
    assert img["src"] == "https://maps.example.org/2020/ex.png" and img["alt"]
    assert re.search(r"<noscript><a [^>]*><img ", embed)
    # The map page itself shows the picture when scripts do not run.
    html = (out / "ex.html").read_text(encoding="utf-8")
    assert re.search(r'<noscript><img class="cm-fallback" src="ex.png"', html)
    assert (out / "ex.png").read_bytes().startswith(b"\x89PNG")


def test_amp_snippet_without_base_url_says_what_amp_needs(tmp_path):
    build(tmp_path)
    amp = (tmp_path / "ex.amp.html").read_text(encoding="utf-8")
    assert "--base-url https://" in amp and "<div placeholder>" in amp
    assert "<img" not in (tmp_path / "ex.embed.html").read_text(encoding="utf-8")  # no PNG built, none named


# --- tiles -----------------------------------------------------------------------------------------

def tile_call(html):
    match = re.search(r'L\.tileLayer\(\s*"([^"]*)",\s*(\{.*?\})\s*\)', html, re.S)
    return match and (match.group(1), match.group(2))


def test_tiles_by_name_template_or_none(tmp_path):
    build(tmp_path / "a")
    url, options = tile_call((tmp_path / "a" / "ex.html").read_text(encoding="utf-8"))
    assert url == "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    assert '"referrerPolicy": "strict-origin-when-cross-origin"' in options
    build(tmp_path / "b", "--tiles", "Esri.WorldGrayCanvas")
    url, options = tile_call((tmp_path / "b" / "ex.html").read_text(encoding="utf-8"))
    assert "arcgisonline.com" in url and "Esri" in options
    build(tmp_path / "c", "--tiles", "https://tiles.example.org/{z}/{x}/{y}.png?key=abc",
          "--tiles-attr", "© Example <b>Tiles</b>")
    url, options = tile_call((tmp_path / "c" / "ex.html").read_text(encoding="utf-8"))
    assert url == "https://tiles.example.org/{z}/{x}/{y}.png?key=abc"
    assert "\\u0026lt;b\\u0026gt;Tiles" in options  # the attribution is text: escaped before Leaflet sees it
    build(tmp_path / "d", "--tiles", "none")
    assert tile_call((tmp_path / "d" / "ex.html").read_text(encoding="utf-8")) is None


@pytest.mark.parametrize("args, message", [
    (["--tiles", "NoSuchProvider.Foo"], "no such tile provider"),
    (["--tiles", "https://tiles.example.org/{z}/{x}/{y}.png"], "--tiles-attr"),
    (["--tiles", "http://tiles.example.org/{z}/{x}/{y}.png", "--tiles-attr", "x"], "https://"),
    (["--tiles", "https://tiles.example.org/tile.png", "--tiles-attr", "x"], "{z}"),
    (["--tiles", "javascript:alert(1)//{z}/{x}/{y}", "--tiles-attr", "x"], "https://"),
    (["--tiles", "Thunderforest.OpenCycleMap"], "API key"),
    (["--base-url", "ftp://maps.example.org/"], "base_url"),
])
def test_bad_tiles_are_clear_errors_before_anything_runs(tmp_path, args, message):
    result = CliRunner().invoke(cli, ["build", str(EXAMPLE), "--output-dir", str(tmp_path / "o"), *args])
    assert result.exit_code == 2 and message in result.output, result.output
    assert not (tmp_path / "o").exists()


@pytest.mark.browser
def test_tiles_are_asked_for_with_a_referer_from_the_maps_own_host(browser, tmp_path):  # noqa: F811
    """The map on its own host (--base-url), the article on another: tile servers see the map's origin."""
    maps, site = tmp_path / "maps", tmp_path / "site"
    site.mkdir()
    seen = []
    with serve(maps, {}) as maps_base:
        build(maps, "--self-contained", "--base-url", maps_base + "/",
              "--tiles", "https://tiles.example.org/{z}/{x}/{y}.png", "--tiles-attr", "Example tiles")
        (site / "article.html").write_text(ARTICLE.format(
            embed=(maps / "ex.embed.html").read_text(encoding="utf-8")), encoding="utf-8")
        with serve(site, {}) as site_base:
            page, _ = local_page(browser)
            png = (Path(__file__).resolve().parents[1] / "mapper/assets/leaflet-1.9.3/layers.png").read_bytes()

            def tile(route):
                seen.append(route.request.headers.get("referer"))
                route.fulfill(status=200, content_type="image/png", body=png)

            page.route(re.compile(r"^https://tiles\.example\.org/"), tile)
            page.goto(f"{site_base}/article.html")
            page.frame_locator("iframe").locator("[data-claims-ready]").wait_for(timeout=15000)
            page.frame_locator("iframe").locator(".leaflet-tile-loaded").first.wait_for(timeout=15000)
    assert seen and all(r == maps_base + "/" for r in seen), seen[:3]


def test_the_default_tiles_are_what_xyzservices_says():
    # The default is written out so that a build need not import xyzservices; it must not go stale.
    import xyzservices

    from mapper.tiles import OSM

    provider = xyzservices.providers.query_name("OpenStreetMap.Mapnik")
    assert OSM.url == provider.build_url(fill_subdomain=False, scale_factor="")
    assert OSM.attribution == provider.html_attribution
    assert (OSM.max_zoom, OSM.subdomains) == (int(provider.get("max_zoom", 19)), str(provider.get("subdomains", "abc")))

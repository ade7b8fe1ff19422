"""mapper.to_folium: a folium.Map for notebooks and folium code, as a notebook user calls it."""

import re
from importlib import resources

import folium
import pytest
from branca.element import Figure

import mapper
from mapper.cli import EXAMPLE, EXAMPLE_DIR
from mapper.errors import RenderError

from .test_browser import offline_page

DATA_ID = re.compile(r'<script type="application/json" id="([A-Za-z0-9_]+)">')


def test_returns_a_map_or_adds_to_the_one_given(gaz, tmp_path):
    m = mapper.to_folium(EXAMPLE, gaz, title="Ceasefire", as_of="2020-10-24", events=EXAMPLE_DIR / "events.csv")
    assert isinstance(m, folium.Map)
    m.save(str(tmp_path / "saved.html"))
    html = (tmp_path / "saved.html").read_text(encoding="utf-8")
    assert len(DATA_ID.findall(html)) == 1 and "<title>Ceasefire</title>" in html
    assert '"asOf":"2020-10-24"' in html and "Humanitarian ceasefire (US-brokered)" in html
    # Added to a map of the user's own, which keeps what it had.
    own = folium.Map(location=[40, 46], zoom_start=7)
    folium.Marker([40, 46], tooltip="mine").add_to(own)
    analysis = mapper.analyse(mapper.read_ledger(EXAMPLE), gaz)
    assert mapper.to_folium(analysis, gaz, m=own) is own
    html = own.get_root().render()
    assert "mine" in html and len(DATA_ID.findall(html)) == 1
    with pytest.raises(RenderError, match="folium.Map"):
        mapper.to_folium(analysis, gaz, m=Figure())
    bad = tmp_path / "bad.csv"
    bad.write_text("date,place,claimant,claim\n2020-10-26,Sanasar,Aliyev,captured\n26/10/2020,Hadrut,Aliyev,captured\n",
                   encoding="utf-8")
    with pytest.warns(UserWarning, match=r"1 row\(s\) left out .*row 3: field 'date'"):
        mapper.to_folium(bad, gaz)
    with pytest.raises(RenderError, match="as_of"):
        mapper.to_folium(analysis, gaz, as_of="26/10/2020")


def test_ids_unique_per_map_and_deterministic_per_build(gaz):
    a = mapper.analyse(mapper.read_ledger(EXAMPLE), gaz)
    b = mapper.analyse(mapper.read_ledger(EXAMPLE_DIR / "war-2020.csv"), gaz)
    pages = [mapper.to_folium(x, gaz).get_root().render() for x in (a, a)]
    assert DATA_ID.findall(pages[0]) != DATA_ID.findall(pages[1])  # two maps of one ledger in a notebook
    first, again = (mapper.build_map(a, gaz, title="t") for _ in range(2))
    assert first == again  # the CLI's files are byte-identical
    other = mapper.build_map(b, gaz, title="t")
    assert DATA_ID.findall(first) != DATA_ID.findall(other)
    assert re.findall(r'class="folium-map" id="([^"]+)"', first) != re.findall(r'class="folium-map" id="([^"]+)"', other)


def serve_leaflet_locally(page):
    """Readers get Leaflet from its CDN; the test serves the same version from the package."""
    base = resources.files("mapper").joinpath("assets", "leaflet-1.9.3")
    def serve(body, kind):
        return lambda route: route.fulfill(body=body, content_type=kind)

    for name, kind in (("leaflet.js", "application/javascript"), ("leaflet.css", "text/css")):
        page.route(f"https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/{name}",
                   serve(base.joinpath(name).read_bytes(), kind))


@pytest.mark.browser
def test_two_maps_on_one_page_both_work(browser, tmp_path, gaz):  # noqa: F811
    a = mapper.analyse(mapper.read_ledger(EXAMPLE), gaz)
    b = mapper.analyse(mapper.read_ledger(EXAMPLE_DIR / "war-2020.csv"), gaz)
    # One document holding two maps (a page that places them side by side) ...
    figure = Figure()
    for analysis, title in ((a, "first"), (b, "second")):
        m = mapper.to_folium(analysis, gaz, title=title)
        m.height = (400, "px")
        figure.add_child(m)
    (tmp_path / "two.html").write_text(figure.render(), encoding="utf-8")
    # ... and a notebook's page, with each map's output cell as Jupyter shows it.
    cells = "".join(f"<div class='cell'>{mapper.to_folium(x, gaz, title=t)._repr_html_()}</div>"
                    for x, t in ((a, "first"), (a, "again")))
    (tmp_path / "notebook.html").write_text(f"<!doctype html><html><body>{cells}</body></html>", encoding="utf-8")

    page = offline_page(browser, 1000, 900)
    serve_leaflet_locally(page)
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((tmp_path / "two.html").resolve().as_uri())
    page.wait_for_function("document.querySelectorAll('[data-claims-ready]').length === 2", timeout=15000)
    maps = page.locator(".folium-map")
    assert maps.count() == 2
    for i, title in enumerate(("first", "second")):
        assert maps.nth(i).locator(".cm-title h2").inner_text() == title
        assert maps.nth(i).locator(".cm-marker, path.cm-area").count() > 0
    assert maps.nth(1).locator(".cm-marker, path.cm-area").count() > maps.nth(0).locator(".cm-marker, path.cm-area").count()
    # Each map's slider drives its own map.
    maps.nth(0).locator(".cm-slider").fill("0")
    assert maps.nth(0).locator(".cm-date-label").inner_text() == "25 October 2020"  # dates in the map's language (en)
    assert maps.nth(1).locator(".cm-date-label").inner_text() == "10 November 2020"

    page.goto((tmp_path / "notebook.html").resolve().as_uri())
    for frame in page.frames[1:]:
        frame.wait_for_selector("[data-claims-ready]", timeout=15000)
    assert len(page.frames) == 3
    assert errors == []

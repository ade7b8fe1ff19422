"""The canvas path: a map with many places paints its point markers on one canvas.

Past ``CANVAS_PLACES`` point places the payload says ``canvas`` and claims.js
paints the markers instead of making one SVG element each. These tests force
that path on small ledgers (by rewriting the page's data, as a big ledger
would set it) and drive it as a reader does: a real pointer click on a marker
opens that place's popup, a slider step repaints the right places in the
right colours, the places list opens the same popups from the keyboard, and
hostile ledger text in canvas popups, tooltips and the list stays text.
"""

import csv
import json
import re

import pytest
from click.testing import CliRunner

from mapper.cli import cli
from mapper.payload import SIDE_COLORS

from .test_browser import open_map
from .test_browser_hostile import ROWS as HOSTILE_ROWS, assert_nothing_ran, build_hostile, hostile, texts

pytestmark = pytest.mark.browser

DATA = re.compile(r'(<script type="application/json" id="[A-Za-z0-9_]+">)(.*?)(</script>)', re.S)
# Places far apart and clear of the controls at the fitted zoom: no marker is moved aside.
ROWS = [
    ("a", "2020-10-01", "Hadrut", "Aliyev", "Azerbaijan", "captured", "", ""),
    ("b", "2020-10-01", "Shusha", "Artsakh Defense Army", "Artsakh", "holds", "", ""),
    ("c", "2020-10-02", "Lachin", "Armenia MoD", "Armenia", "attacked", "", ""),
    ("d", "2020-10-05", "Shusha", "Aliyev", "Azerbaijan", "captured", "", ""),
    ("e", "2020-10-05", "Hill 4", "Aliyev", "Azerbaijan", "holds", "39.85", "46.95"),
]


def page_data(path):
    return json.loads(DATA.search(path.read_text(encoding="utf-8")).group(2))


def force_canvas(path):
    """The page's data as a ledger past CANVAS_PLACES would have it: canvas on."""
    from mapper.render import script_json

    html = path.read_text(encoding="utf-8")
    match = DATA.search(html)
    data = json.loads(match.group(2))
    assert data["canvas"] is False  # a small map: SVG markers unless told
    data["canvas"] = True
    path.write_text(html[:match.start(2)] + script_json(data) + html[match.end(2):], encoding="utf-8")
    return data


@pytest.fixture
def small(tmp_path):
    with (tmp_path / "c.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "date", "place", "claimant", "side", "claim", "lat", "lon"])
        writer.writerows(ROWS)
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "c.csv"), "--name", "c", "--output-dir", str(tmp_path),
                                      "--self-contained"])
    assert result.exit_code == 0, result.output
    geo = {f["id"]: f["properties"] for f in json.loads((tmp_path / "c.geojson").read_text("utf-8"))["features"]}
    assert {geo[r[0]]["geometry_kind"] for r in ROWS} == {"point"}  # all markers, no area
    data = force_canvas(tmp_path / "c.html")
    # Each ledger name's place in the page's data, found by its coordinates.
    at = {(round(geo[r[0]]["lat"], 5), round(geo[r[0]]["lon"], 5)): r[2] for r in ROWS}
    coords = {at[tuple(p["c"])]: p["c"] for p in data["places"]}
    assert set(coords) == {r[2] for r in ROWS}
    return tmp_path / "c.html", coords, data


# Where a place's marker is on screen, and the canvas pixel at its centre.
AT = """([lat, lon]) => {
  const map = window[document.querySelector('.folium-map').id];
  const box = map.getContainer().getBoundingClientRect(), pt = map.latLngToContainerPoint([lat, lon]);
  const canvas = document.querySelector('canvas.cm-canvas'), r = canvas.getBoundingClientRect();
  const x = box.left + pt.x, y = box.top + pt.y;
  const px = canvas.getContext('2d').getImageData(Math.round((x - r.left) * canvas.width / r.width),
                                                   Math.round((y - r.top) * canvas.height / r.height), 1, 1).data;
  return {x: x, y: y, rgba: [px[0], px[1], px[2], px[3]]};
}"""
FRAME = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"


def rgb(color):
    return [int(color[i:i + 2], 16) for i in (1, 3, 5)]


# Each place's marker colour on the canvas, null where nothing is painted.
COLOURS = """(coords) => {
  const map = window[document.querySelector('.folium-map').id], box = map.getContainer().getBoundingClientRect();
  const canvas = document.querySelector('canvas.cm-canvas'), r = canvas.getBoundingClientRect();
  const ctx = canvas.getContext('2d'), out = {};
  for (const [name, c] of Object.entries(coords)) {
    const pt = map.latLngToContainerPoint(c);
    const px = ctx.getImageData(Math.round((box.left + pt.x - r.left) * canvas.width / r.width),
                                Math.round((box.top + pt.y - r.top) * canvas.height / r.height), 1, 1).data;
    out[name] = px[3] === 255 ? [px[0], px[1], px[2]] : null;
  }
  return out;
}"""
SETTLED = "([coords, want]) => JSON.stringify((" + COLOURS + ")(coords)) === JSON.stringify(want)"
STATE = """() => {
  const map = window[document.querySelector('.folium-map').id], canvas = document.querySelector('canvas.cm-canvas');
  return {zoom: map.getZoom(), center: map.getCenter(), animating: !!map._animatingZoom,
          canvas: [canvas.width, canvas.height, canvas.style.transform], places: canvas.getAttribute('data-places'),
          day: document.querySelector('.cm-slider').value};
}"""


def assert_colours(page, coords, want):
    """The canvas settles on these colours (a paint is one frame away, a relayout 120 ms)."""
    want = {name: want[name] for name in coords}
    try:
        page.wait_for_function(SETTLED, arg=[coords, want], timeout=5000)
    except Exception:
        got = page.evaluate(COLOURS, coords)
        assert got == want, page.evaluate(STATE)


def step(page, day):
    page.locator(".cm-slider").fill(str(day))
    page.evaluate(FRAME)


def test_canvas_replaces_the_svg_markers(browser, small):
    path, coords, data = small
    page, errors = open_map(browser, path)
    assert page.locator(".cm-marker").count() == 0 and page.locator("canvas.cm-canvas").count() == 1
    # The markers are far enough apart at the fitted zoom that none was moved aside.
    spots = [page.evaluate(AT, c) for c in coords.values()]
    assert min(abs(a["x"] - b["x"]) + abs(a["y"] - b["y"]) for a in spots for b in spots if a is not b) > 30
    assert errors == []


def test_a_click_on_a_canvas_marker_opens_that_places_popup(browser, small):
    path, coords, data = small
    page, errors = open_map(browser, path)
    for name in ("Hadrut", "Shusha", "Hill 4"):
        at = page.evaluate(AT, coords[name])
        page.mouse.move(at["x"], at["y"])
        tip = page.locator(".leaflet-tooltip .cm-tip:not(.cm-control-tip)")
        tip.wait_for()
        head = next(p["n"] for p in data["places"] if p["c"] == coords[name])
        assert tip.inner_text().startswith(head + " — ")
        page.mouse.click(at["x"] + 5, at["y"] + 4)  # within the 24 px target, off centre
        page.locator(".leaflet-popup .cm-popup").wait_for()
        assert page.locator(".leaflet-popup h3").inner_text() == head
        page.locator(".leaflet-popup-close-button").dispatch_event("click")
        page.locator(".leaflet-popup").wait_for(state="detached")
    # Beside a marker, a click opens nothing.
    at = page.evaluate(AT, coords["Hadrut"])
    page.mouse.click(at["x"] + 40, at["y"] + 40)
    page.evaluate(FRAME)
    assert page.locator(".leaflet-popup").count() == 0
    assert errors == []


def test_a_slider_step_repaints_the_right_places_in_their_sides_colours(browser, small):
    path, coords, data = small
    page, errors = open_map(browser, path)
    blue, orange, red = (rgb(SIDE_COLORS[s]) for s in ("Azerbaijan", "Artsakh", "Armenia"))
    day = {d: i for i, d in enumerate(data["days"])}
    step(page, day["2020-10-01"])
    assert_colours(page, coords, {"Hadrut": blue, "Shusha": orange, "Lachin": None, "Hill 4": None})
    assert page.locator("canvas.cm-canvas").get_attribute("data-places") == "2"
    step(page, day["2020-10-02"])
    assert_colours(page, coords, {"Hadrut": blue, "Shusha": orange, "Lachin": red, "Hill 4": None})
    step(page, day["2020-10-05"])
    assert_colours(page, coords, {"Hadrut": blue, "Shusha": blue, "Lachin": red, "Hill 4": blue})
    # The places list says the same: each place's latest claim's side and kind.
    page.locator(".cm-places summary").click()
    page.locator(".cm-place-button").first.wait_for()
    kinds = page.locator(".cm-place-button").evaluate_all(
        "els => els.map(e => [e.textContent.split(' — ')[0], e.className])")
    side = {s["name"]: i for i, s in enumerate(data["sides"])}
    heads = {name: next(p["n"] for p in data["places"] if p["c"] == c) for name, c in coords.items()}
    classes = dict(kinds)
    assert set(classes) == set(heads.values())
    for name, (who, kind) in {"Hadrut": ("Azerbaijan", "captured"), "Shusha": ("Azerbaijan", "captured"),
                              "Lachin": ("Armenia", "attacked"), "Hill 4": ("Azerbaijan", "holds")}.items():
        assert f"cm-side-{side[who]} cm-claim-{kind}" in classes[heads[name]]
    # Back: Shusha is Artsakh's again, Lachin and Hill 4 gone, list and summary included.
    step(page, day["2020-10-01"])
    assert_colours(page, coords, {"Hadrut": blue, "Shusha": orange, "Lachin": None, "Hill 4": None})
    page.evaluate(FRAME)
    assert page.locator(".cm-place-button").count() == 2
    assert f"cm-side-{side['Artsakh']} cm-claim-holds" in page.locator(".cm-place-button").evaluate_all(
        "els => els.map(e => e.className).join(' ')")
    assert page.locator(".cm-places summary").inner_text().endswith("(2)")
    # A side switched off in the layer control disappears from the canvas.
    page.locator(".leaflet-control-layers label", has_text="Artsakh").locator("input").uncheck()
    page.evaluate(FRAME)
    assert_colours(page, coords, {"Hadrut": blue, "Shusha": None, "Lachin": None, "Hill 4": None})
    assert errors == []


def test_the_places_list_opens_popups_from_the_keyboard(browser, small):
    path, coords, data = small
    page, errors = open_map(browser, path)
    page.locator(".cm-places summary").focus()
    page.keyboard.press("Enter")
    button = page.locator(".cm-place-button").first
    button.wait_for()
    button.focus()
    name = button.inner_text().split(" — ")[0]
    page.keyboard.press("Enter")
    page.locator(".leaflet-popup .cm-popup").wait_for()
    assert page.locator(".leaflet-popup h3").inner_text() == name
    assert page.evaluate("document.activeElement.closest('.leaflet-popup') !== null")
    assert page.locator(".leaflet-popup-content").get_attribute("role") == "dialog"
    page.keyboard.press("Escape")
    page.locator(".leaflet-popup").wait_for(state="detached")
    assert page.evaluate("document.activeElement.classList.contains('cm-place-button')")
    assert page.evaluate("document.activeElement.textContent").startswith(name)
    assert errors == []


def test_axe_finds_nothing_serious_on_a_canvas_map(browser, small):
    axe = pytest.importorskip("axe_playwright_python.sync_playwright")
    from .test_accessibility import TAGS

    path, coords, data = small
    page, errors = open_map(browser, path)
    for details in page.locator("details").all():
        details.evaluate("d => { d.open = true; }")
    page.locator(".cm-place-button").first.wait_for()
    page.locator(".cm-place-button").first.focus()
    page.keyboard.press("Enter")
    page.locator(".leaflet-popup .cm-popup").wait_for()
    page.wait_for_function("getComputedStyle(document.querySelector('.leaflet-popup')).opacity === '1'")
    results = axe.Axe().run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
    bad = [f"{v['id']}: {[n['target'] for n in v['nodes'][:5]]}" for v in results.response["violations"]
           if v["impact"] in ("serious", "critical")]
    assert bad == []
    # The canvas itself is hidden from screen readers: the list says what it shows.
    assert page.locator("canvas.cm-canvas").get_attribute("aria-hidden") == "true"
    assert errors == []


def test_hostile_text_in_canvas_popups_tooltips_and_the_list_is_inert(browser, tmp_path):
    path = build_hostile(tmp_path)
    data = force_canvas(path)
    page, errors = open_map(browser, path)
    page.locator(".cm-places summary").focus()
    page.keyboard.press("Enter")
    buttons = page.locator(".cm-place-button")
    buttons.first.wait_for()
    assert buttons.count() == 3  # Sanasar, the hostile place, Mincivan; the district is an area
    assert any(t.startswith(hostile("place") + " — " + hostile("claimant2")) for t in texts(page, ".cm-place-button"))
    seen = set()
    for i in range(buttons.count()):
        buttons.nth(i).click()
        page.locator(".leaflet-popup .cm-popup").wait_for()
        seen.add(page.locator(".leaflet-popup h3").inner_text())
        seen.update(texts(page, ".leaflet-popup .cm-quote, .leaflet-popup .cm-notes, .leaflet-popup .cm-claimant, "
                                ".leaflet-popup .cm-source, .leaflet-popup .cm-as, .leaflet-popup .cm-inside"))
        page.locator(".leaflet-popup-close-button").dispatch_event("click")  # the layer control's long names cover it
        page.locator(".leaflet-popup").wait_for(state="detached")
    for row in HOSTILE_ROWS[:2]:
        for field in ("quote", "notes", "claimant", "source"):
            assert row[field] in seen, field
    assert hostile("place") in seen
    assert "As written: " + HOSTILE_ROWS[0]["place"] in seen
    # The pointer path: hover and click the hostile place's marker on the canvas.
    place = next(p for p in data["places"] if p["n"] == hostile("place"))
    # Zoomed in on it, as a reader would, clear of the layer control's long hostile names.
    page.evaluate("""(c) => { const map = window[document.querySelector('.folium-map').id];
                              map.setView(c, 13, {animate: false}); }""", place["c"])
    page.evaluate(FRAME)
    at = page.evaluate(AT, place["c"])
    page.mouse.move(at["x"], at["y"])
    tip = page.locator(".leaflet-tooltip .cm-tip:not(.cm-control-tip)")
    tip.wait_for()
    assert tip.text_content().startswith(hostile("place") + " — ")
    page.mouse.click(at["x"], at["y"])
    page.locator(".leaflet-popup .cm-popup").wait_for()
    assert page.locator(".leaflet-popup h3").text_content() == hostile("place")
    # Only the https source is a link; the javascript: address never became one.
    assert page.locator(".leaflet-popup a.cm-source").evaluate_all("els => els.map(a => a.protocol)") == ["https:"]
    assert_nothing_ran(page, errors)

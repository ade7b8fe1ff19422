"""WCAG 2.2 AA in Chromium, with axe-core and with the keyboard, at desktop and phone widths.

axe finds what a machine can (names, roles, contrast, target size, landmarks);
the other tests drive the map as a keyboard or screen-reader user does and
check what they would meet: the date read out, popups that open and close
from the keyboard, a text alternative that says what the map shows, and a
phone-sized embed where nothing covers the date or the slider.
"""

import json
import re

import pytest
from click.testing import CliRunner

from mapper.cli import EXAMPLE, EXAMPLE_DIR, EXAMPLE_EVENTS, cli

from .test_browser import offline_page, open_map

axe_sync = pytest.importorskip("axe_playwright_python.sync_playwright")
pytestmark = pytest.mark.browser

WAR = EXAMPLE_DIR / "war-2020.csv"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


@pytest.fixture(scope="module")
def maps(tmp_path_factory):
    out = tmp_path_factory.mktemp("maps")
    for ledger, name in ((EXAMPLE, "ex"), (WAR, "war")):
        result = CliRunner().invoke(cli, ["build", str(ledger), "--events", str(EXAMPLE_EVENTS), "--name", name,
                                          "--output-dir", str(out), "--self-contained"])
        assert result.exit_code == 0, result.output
    return out


def serious(target, context=None):
    """axe's serious and critical violations on a page or frame, as readable lines."""
    results = axe_sync.Axe().run(target, context=context, options={"runOnly": {"type": "tag", "values": TAGS}})
    return [f"{v['impact']} {v['id']}: {[n['target'] for n in v['nodes'][:5]]} {v['nodes'][0]['failureSummary']}"
            for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


def phone_or_desktop(width):
    return (width, 800) if width > 600 else (width, 640)


@pytest.mark.parametrize("name", ["ex", "war"])
@pytest.mark.parametrize("width", [1280, 360])
def test_axe_finds_nothing_serious_in_any_state(browser, maps, name, width):  # noqa: F811
    page, errors = open_map(browser, maps / f"{name}.html", *phone_or_desktop(width))
    assert serious(page) == []
    # Every drawer open: the legend, the filters, the side panel. On a phone they
    # cover part of the map, and the markers under them, by the reader's choice:
    # there the drawers' own content is checked.
    for details in page.locator("details").all():
        details.evaluate("d => { d.open = true; }")
    assert serious(page, None if width > 600 else ".leaflet-control-container") == []
    for details in page.locator("details").all():
        details.evaluate("d => { d.open = false; }")
    # A popup open, read at an earlier date (so that future claims show greyed).
    page.locator(".cm-slider").fill("3")
    page.locator(".leaflet-marker-icon").first.focus()
    page.keyboard.press("Enter")
    page.locator(".leaflet-popup .cm-popup").wait_for()
    page.wait_for_function("getComputedStyle(document.querySelector('.leaflet-popup')).opacity === '1'")  # faded in
    # On a phone the popup covers markers as the drawers do: its content and the controls are checked.
    assert serious(page, None if width > 600 else {"include": [[".leaflet-popup-pane"],
                                                                [".leaflet-control-container"]]}) == []
    assert errors == []


def test_the_page_has_a_language_a_zoomable_viewport_and_landmarks(maps):
    html = (maps / "ex.html").read_text(encoding="utf-8")
    assert re.search(r'<html lang="en"', html)
    (viewport,) = re.findall(r'<meta name="viewport" content="([^"]*)"', html)
    assert "user-scalable=no" not in viewport and "maximum-scale" not in viewport
    assert re.search(r'<main [^>]*aria-labelledby="[^"]+">\s*<h1 ', html)


def test_lang_follows_the_map_language(tmp_path):
    result = CliRunner().invoke(cli, ["build", str(EXAMPLE), "--output-dir", str(tmp_path), "--name", "hy",
                                      "--lang", "hy"])
    assert result.exit_code == 0, result.output
    assert '<html lang="hy"' in (tmp_path / "hy.html").read_text(encoding="utf-8")


def test_the_slider_speaks_dates_and_the_date_is_live(browser, maps):  # noqa: F811
    page, errors = open_map(browser, maps / "ex.html")
    slider, label = page.locator(".cm-slider"), page.locator(".cm-date-label")
    assert label.get_attribute("aria-live") == "polite"
    assert slider.get_attribute("aria-label")
    slider.focus()
    before = label.inner_text()
    assert slider.get_attribute("aria-valuetext") == before and re.search(r"20\d\d", before)
    page.keyboard.press("ArrowLeft")
    after = label.inner_text()
    assert after != before and slider.get_attribute("aria-valuetext") == after
    assert not re.fullmatch(r"\d+", slider.get_attribute("aria-valuetext"))  # a date, not an index
    page.keyboard.press("ArrowRight")
    assert label.inner_text() == before
    assert errors == []


def tab_to(page, locator, limit=80):
    """Press Tab until ``locator`` has focus, as a keyboard user would; the number of presses."""
    for n in range(1, limit + 1):
        page.keyboard.press("Tab")
        if locator.evaluate("e => e === document.activeElement"):
            return n
    raise AssertionError(f"{locator} never took focus in {limit} tabs")


def test_keyboard_reaches_layers_markers_and_popups_and_esc_closes(browser, maps):  # noqa: F811
    page, errors = open_map(browser, maps / "ex.html")
    # A side's layer switch, reached and toggled by the keyboard.
    azerbaijan = page.locator(".leaflet-control-layers-overlays label", has_text="Azerbaijan").locator("input")
    tab_to(page, azerbaijan)
    shown = page.locator(".cm-side-2").filter(visible=True)
    page.keyboard.press("Space")
    assert shown.count() == 0
    page.keyboard.press("Space")
    assert shown.count() > 0
    # A marker: a named button; Enter opens its popup and focus moves in; Esc closes it and focus comes back.
    marker = page.locator(".leaflet-marker-icon").first
    assert marker.get_attribute("role") == "button" and marker.get_attribute("title")
    marker.focus()
    page.keyboard.press("Enter")
    popup = page.locator(".leaflet-popup .leaflet-popup-content")
    popup.wait_for()
    assert popup.evaluate("e => e.contains(document.activeElement)")
    assert popup.get_attribute("role") == "dialog" and popup.get_attribute("aria-labelledby")
    page.keyboard.press("Escape")
    page.locator(".leaflet-popup").wait_for(state="detached")
    assert marker.evaluate("e => e === document.activeElement")
    assert errors == []


def test_area_claims_take_focus_only_with_a_name(browser, maps):  # noqa: F811
    page, errors = open_map(browser, maps / "ex.html")
    areas = page.locator("path.cm-area")
    assert areas.count() == 2
    focusable = page.locator(".leaflet-container [tabindex]:not([tabindex='-1'])")
    for i in range(focusable.count()):
        node = focusable.nth(i)
        name = node.evaluate("e => e.getAttribute('aria-label') || e.getAttribute('title') || e.textContent.trim()")
        assert name, node.evaluate("e => e.outerHTML.slice(0, 200)")
    for i in range(areas.count()):
        area = areas.nth(i)
        assert area.get_attribute("tabindex") == "0" and area.get_attribute("role") == "button"
        assert area.get_attribute("aria-label")
    areas.first.focus()
    page.keyboard.press("Enter")
    page.locator(".leaflet-popup .cm-popup").wait_for()
    assert areas.first.get_attribute("aria-label") in page.locator(".leaflet-popup h3").inner_text()
    page.keyboard.press("Escape")
    page.locator(".leaflet-popup").wait_for(state="detached")
    assert areas.first.evaluate("e => e === document.activeElement")
    assert errors == []


@pytest.mark.parametrize("width", [1280, 360])
def test_targets_are_at_least_24_px(browser, maps, width):  # noqa: F811
    page, errors = open_map(browser, maps / "war.html", *phone_or_desktop(width))
    for details in page.locator("details").all():
        details.evaluate("d => { d.open = true; }")
    # WCAG 2.5.8: 24 by 24 px, or a 24 px circle round the target's centre that meets no other target's.
    small = page.evaluate("""() => {
      const all = [...document.querySelectorAll(
          '.leaflet-marker-icon, .leaflet-container button, .leaflet-container input, .leaflet-container summary,'
          + ' .leaflet-control-zoom a, .leaflet-control-layers-toggle, path[tabindex]')]
        .filter(e => e.getClientRects().length).map(e => [e, e.getBoundingClientRect()])
        .filter(([e, r]) => {  // what a pointer can reach: not under a control
          const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          return hit && (e === hit || e.contains(hit));
        });
      const centre = r => [r.left + r.width / 2, r.top + r.height / 2];
      return all.filter(([e, r]) => r.width < 24 || r.height < 24).filter(([e, r]) => {
        const [x, y] = centre(r);
        return all.some(([f, q]) => f !== e && !f.contains(e) && !e.contains(f) &&
          Math.max(q.left - x, 0, x - q.right) ** 2 + Math.max(q.top - y, 0, y - q.bottom) ** 2 < 12 * 12);
      }).map(([e, r]) => (e.className.baseVal ?? e.className) + ' ' + Math.round(r.width) + 'x' + Math.round(r.height));
    }""")
    assert small == []
    assert errors == []


def test_a_text_alternative_summarises_the_map(browser, maps):  # noqa: F811
    page, errors = open_map(browser, maps / "war.html")
    geo = json.loads((maps / "war.geojson").read_text(encoding="utf-8"))["features"]
    summary = page.locator("section.cm-summary")
    assert summary.count() == 1
    # Hidden from sight, not from screen readers.
    assert summary.evaluate("e => getComputedStyle(e).display !== 'none' && !e.closest('[aria-hidden=true]')")
    assert summary.evaluate("e => !!e.closest('main')")
    text = summary.text_content()
    days = sorted(f["properties"]["date"][:10] for f in geo)
    assert f"{len(geo)} claims" in text
    by_side = {}
    for f in geo:
        by_side.setdefault(f["properties"]["side"], []).append(f["properties"]["claim"])
    for side, kinds in by_side.items():
        assert f"{side}: {len(kinds)} claims" in text
        for kind in set(kinds):
            kind_text = "ceasefire violation" if kind == "violation" else kind
            assert f"{kind_text}: {kinds.count(kind)}" in text, (side, kind)
    for flag in ("repeat", "contested", "corroborated", "retracted"):
        n = sum(1 for f in geo if flag in f["properties"]["flags"])
        assert (f"{flag}: {n}" in text) == (n > 0)
    # The date range, as the title shows it.
    first_last = page.locator(".cm-range").inner_text().split(" – ")
    assert all(d in text for d in first_last) and days[0][:4] in text
    assert errors == []


@pytest.mark.parametrize("name", ["ex", "war"])
def test_in_a_360_px_embed_nothing_covers_the_date_or_the_slider(browser, maps, name):  # noqa: F811
    snippet = (maps / f"{name}.embed.html").read_text(encoding="utf-8")
    article = maps / f"article-{name}.html"
    article.write_text('<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width">'
                       f"<title>A</title></head><body><main><h1>Article</h1>{snippet}</main></body></html>",
                       encoding="utf-8")
    page = offline_page(browser, 360, 740)
    page.goto(article.resolve().as_uri())
    frame = page.frame_locator("iframe")
    frame.locator("[data-claims-ready]").wait_for(timeout=15000)
    inner = page.frames[1]

    def overlaps():
        return inner.evaluate("""() => {
          const boxOf = e => e.getBoundingClientRect();
          const meet = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
          const keep = [...document.querySelectorAll('.cm-slider, .cm-date-label, .cm-play')].map(boxOf);
          const others = [...document.querySelectorAll('.leaflet-control')]
            .filter(c => !c.classList.contains('cm-time') && c.getClientRects().length);
          return others.filter(c => keep.some(k => meet(boxOf(c), k))).map(c => c.className);
        }""")

    def covered_share():
        return inner.evaluate("""() => {
          const map = document.querySelector('.leaflet-container').getBoundingClientRect();
          const area = [...document.querySelectorAll('.leaflet-control')].filter(c => c.getClientRects().length)
            .map(c => c.getBoundingClientRect()).reduce((s, r) => s + r.width * r.height, 0);
          return area / (map.width * map.height);
        }""")

    assert overlaps() == []
    assert page.frame_locator("iframe").locator(".cm-legend").evaluate("d => d.open") is False  # collapsed
    assert covered_share() < 0.5
    # Opened, the legend still leaves the date and the slider alone.
    frame.locator(".cm-legend summary").click()
    assert overlaps() == []
    # And the slider works from inside the frame.
    box = frame.locator(".cm-slider").bounding_box()
    assert box["width"] >= 80
    assert serious(inner) == []

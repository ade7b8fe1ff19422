"""The map's story in Chromium: claimed control by date, the side panel, filters, the address, languages.

The expectations come from the bundled war example's ledger (read with the
library) and from facts checked against the sources the ledger cites: Shushi
is claimed by Artsakh's side through October and by Azerbaijan from
8-9 November 2020.
"""

import datetime as dt
import json
import re

import pytest

from mapper import analyse, read_ledger
from mapper.cli import EXAMPLE, EXAMPLE_EVENTS
from mapper.i18n import LANGS, strings

from .test_browser import build, offline_page, open_map

pytestmark = pytest.mark.browser
WAR = EXAMPLE.parent / "war-2020.csv"
DATA_RE = re.compile(r'<script type="application/json" id="[A-Za-z0-9_]+">(.*?)</script>', re.S)


@pytest.fixture(scope="module")
def war(tmp_path_factory):
    out = tmp_path_factory.mktemp("war")
    build(out, str(WAR), "--name", "war")
    html = (out / "war.html").read_text(encoding="utf-8")
    return out / "war.html", json.loads(DATA_RE.search(html).group(1))


@pytest.fixture(scope="module")
def war_claims(gaz):
    analysis = analyse(read_ledger(WAR), gaz)
    return [(c, analysis.places[c.id]) for c in analysis.claims]


def go_to(page, day):
    """Move the slider to a date, as a reader drags it."""
    days = page.evaluate("() => JSON.parse(document.querySelector('script[type=\"application/json\"]').textContent).days")
    page.locator(".cm-slider").fill(str(days.index(day)))
    assert page.locator(".leaflet-container").get_attribute("data-as-of") == day


def shape_state(page, index):
    cls = page.locator(f"path.cm-ctl[data-shape='{index}']").get_attribute("class")
    if "cm-ctl-none" in cls:
        return None
    return "contested" if "cm-ctl-contested" in cls else int(re.search(r"cm-ctl-side-(\d+)", cls).group(1))


def test_control_layer_moves_with_the_slider(browser, war):  # noqa: F811
    path, data = war
    sides = [s["name"] for s in data["sides"]]
    shushi = next(i for i, n in enumerate(data["control"]["names"]) if n in ("Shusha", "Shushi", "Shusha (Shushi)"))
    page, errors = open_map(browser, path)
    go_to(page, "2020-11-01")
    assert shape_state(page, shushi) == sides.index("Artsakh")
    fill = page.locator(f"path.cm-ctl[data-shape='{shushi}']").get_attribute("fill")
    assert fill.lower() == data["sides"][sides.index("Artsakh")]["color"]
    go_to(page, "2020-11-10")
    assert shape_state(page, shushi) == sides.index("Azerbaijan")
    go_to(page, "2020-11-08")  # both sides claim it within days: given to neither, hatched
    assert shape_state(page, shushi) == "contested"
    assert page.locator(f"path.cm-ctl[data-shape='{shushi}']").get_attribute("fill").startswith("url(#")
    go_to(page, "2020-09-27")
    assert shape_state(page, shushi) is None
    # Stepping back and forth gives the same picture as arriving directly.
    go_to(page, "2020-11-10")
    assert shape_state(page, shushi) == sides.index("Azerbaijan")
    # The tooltip says "claimed", never that a side holds the ground.
    page.locator(f"path.cm-ctl[data-shape='{shushi}']").dispatch_event("mouseover")
    tip = page.locator(".cm-control-tip").last.inner_text()
    assert "Azerbaijan claims this ground" in tip and "Shush" in tip
    assert errors == []


def test_a_slider_step_restyles_only_the_shapes_that_change(browser, war):  # noqa: F811
    path, data = war
    page, errors = open_map(browser, path)
    days = data["days"]
    busiest = max(data["control"]["diff"], key=lambda d: len(data["control"]["diff"][d]))
    day = int(busiest)
    go_to(page, days[day - 1])
    touched = page.evaluate("""(next) => {
        const seen = new Set();
        const obs = new MutationObserver(ms => ms.forEach(m => {
            const el = m.target.closest ? m.target.closest('path') : null;
            if (el && el.classList.contains('cm-ctl')) seen.add(el.getAttribute('data-shape'));
            m.addedNodes.forEach(n => { if (n.classList && n.classList.contains('cm-ctl')) seen.add('new'); });
        }));
        obs.observe(document.querySelector('.leaflet-cm-control-pane-pane, .leaflet-pane'), {subtree: true, attributes: true, childList: true});
        const slider = document.querySelector('.cm-slider');
        slider.value = next;
        slider.dispatchEvent(new Event('input'));
        return new Promise(r => setTimeout(() => { obs.disconnect(); r([...seen]); }, 50));
    }""", day)
    changed = set(data["control"]["diff"][busiest])
    assert changed and touched and {t for t in touched if t != "new"} <= changed
    # Shapes are made once: a step adds or removes no element.
    assert "new" not in touched
    assert page.locator("path.cm-ctl").count() == len(data["control"]["shapes"])
    assert errors == []


def test_side_panel_lists_region_claims_and_follows_the_slider(browser, war, war_claims):  # noqa: F811
    path, _ = war
    page, errors = open_map(browser, path)
    region = [c for c, place in war_claims if place is not None and place.kind in ("country", "region")]
    assert len(region) > 5
    for day in ("2020-10-10", "2020-10-20", "2020-11-10"):
        go_to(page, day)
        expected = [c for c in region if c.day <= dt.date.fromisoformat(day)]
        assert page.locator(".cm-panel-list > li.cm-entry").count() == len(expected)
        assert sorted(page.locator(".cm-panel .cm-claimant").all_inner_texts()) == sorted(c.claimant for c in expected)
    # Region claims are never drawn at a point.
    names = page.locator(".cm-marker").evaluate_all("els => els.map(e => e.title)")
    assert not any("Karabakh" in n or n == "Artsakh" for n in names)
    go_to(page, "2020-09-27")
    assert page.locator(".cm-panel-list > li.cm-entry").count() == 0
    assert page.locator(".cm-panel-empty").inner_text() == strings("en")["panel_empty"]
    assert errors == []


def drawn_places(claims, day, keep):
    return {place.id for c, place in claims if place is not None and place.kind not in ("country", "region")
            and c.day <= day and keep(c)}


def test_claimant_filter_hides_another_claimants_markers(browser, war, war_claims):  # noqa: F811
    path, _ = war
    page, errors = open_map(browser, path)
    last = max(c.day for c, _ in war_claims)
    everything = drawn_places(war_claims, last, lambda c: True)
    assert page.locator(".cm-marker:visible, path.cm-area:visible").count() == len(everything)
    page.locator(".cm-filters summary").click()
    option = page.locator(".cm-filter-claimant .cm-filter-option", has_text="President Ilham Aliyev").locator("input")
    option.uncheck()
    rest = drawn_places(war_claims, last, lambda c: c.claimant != "President Ilham Aliyev")
    assert len(rest) < len(everything)
    assert page.locator(".cm-marker:visible, path.cm-area:visible").count() == len(rest)
    page.wait_for_function("location.hash.includes('claimant=')")  # once the view rests
    option.check()
    assert page.locator(".cm-marker:visible, path.cm-area:visible").count() == len(everything)
    assert errors == []


def test_the_address_restores_date_side_claimant_and_status(browser, war, war_claims):  # noqa: F811
    path, data = war
    page, errors = open_map(browser, path)
    go_to(page, "2020-11-09")
    page.locator(".cm-filters summary").click()
    page.locator(".cm-filter-claimant .cm-filter-option", has_text="Azerbaijan Ministry of Defense") \
        .locator("input").uncheck()
    page.locator(".leaflet-control-layers-overlays label", has_text="Armenia").locator("input").uncheck()
    page.wait_for_function("location.hash.includes('side=') && location.hash.includes('claimant=')")
    address = page.url
    assert "date=2020-11-09" in address
    count = page.locator(".cm-marker:visible, path.cm-area:visible").count()
    panel = page.locator(".cm-panel-list > li").count()

    again = offline_page(browser, 1280, 800)
    again.goto(address)
    again.wait_for_selector("[data-claims-ready]")
    assert again.locator(".cm-date-label").inner_text() == "9 November 2020"
    assert again.locator(".cm-marker:visible, path.cm-area:visible").count() == count
    assert again.locator(".cm-panel-list > li").count() == panel
    assert not again.locator(".leaflet-control-layers-overlays label", has_text="Armenia").locator("input").is_checked()
    assert not again.locator(".cm-filter-claimant .cm-filter-option", has_text="Azerbaijan Ministry of Defense") \
        .locator("input").is_checked()
    expected = drawn_places(war_claims, dt.date(2020, 11, 9),
                            lambda c: c.side != "Armenia" and c.claimant != "Azerbaijan Ministry of Defense")
    assert count == len(expected)
    # A hand-written address: "claims as of 9 November", published claims only.
    page.goto(path.resolve().as_uri() + "#date=2020-11-09&status=published")
    page.reload()
    page.wait_for_selector("[data-claims-ready]")
    assert page.locator(".cm-date-label").inner_text() == "9 November 2020"
    assert errors == []


MONTH = {"en": "October", "ru": "октября", "hy": "հոկտեմբերի", "az": "oktyabr"}
GUBADLI = {"en": "Gubadli", "ru": "Кубатлы", "hy": "Սանասար", "az": "Qubadlı"}


@pytest.mark.parametrize("lang", LANGS)
def test_every_language_shows_its_strings_dates_and_names(browser, tmp_path, lang):  # noqa: F811
    build(tmp_path, str(EXAMPLE), "--events", str(EXAMPLE_EVENTS), "--name", "l", "--lang", lang)
    page, errors = open_map(browser, tmp_path / "l.html")
    ui = strings(lang)
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator(".cm-legend summary").inner_text() == ui["legend"]
    assert page.locator(".cm-panel summary").inner_text() == ui["panel_title"]
    assert page.locator(".cm-filters summary").inner_text() == ui["filters"]
    overlays = page.locator(".leaflet-control-layers-overlays").inner_text()
    assert ui["claimed_control"] in overlays and ui["boundaries"] in overlays
    label = page.locator(".cm-date-label").inner_text()
    assert MONTH[lang] in label and "26" in label and "2020" in label
    page.locator(".cm-claim-captured.cm-flag-repeat").first.click()
    popup = page.locator(".leaflet-popup .cm-popup")
    assert popup.locator(".cm-place").inner_text() == GUBADLI[lang]
    others = popup.locator(".cm-other-names").inner_text()
    assert all(GUBADLI[o] in others for o in LANGS if o not in (lang, "en") and GUBADLI[o] != GUBADLI[lang])
    assert ui["claims"]["captured"].upper() in popup.inner_text().upper()
    assert MONTH[lang] in popup.locator(".cm-date").first.inner_text()
    assert errors == []

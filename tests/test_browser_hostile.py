"""Hostile text through every field the map shows, opened in Chromium as a reader opens it.

Each field carries markup that runs a script if it is ever parsed as HTML (an
image's onerror, an early </script>, an SVG's onload raising a dialog) and a
javascript: address. The page is driven through every way ledger text reaches
it (layer control, title, event label, marker titles, tooltips, popups, the
"inside" note, the legend), and then: no script ran, no dialog opened, no
element came from the text, and each text shows exactly as written.
"""

import csv
import re
import json

import pytest
from click.testing import CliRunner

from mapper.cli import cli

from .test_browser import offline_page, open_map

pytestmark = pytest.mark.browser


def hostile(label):
    # No parentheses: the gazetteer reads "Sanasar (...)" as a name with its context.
    return (f"{label} <img src=x onerror=window.__pwned=1> </script><script>window.__pwned=1</script> "
            f"<svg onload=alert`1`> <a href=javascript:alert`2`>link</a> {{{{7*7}}}} &amp; \"' ` end")


SIDE1, SIDE2 = hostile("side1"), hostile("side2")
ROWS = [
    # A place that resolves (Qubadlı) under hostile text: shown as "as written".
    {"id": "r1", "date": "2020-10-26", "place": f"Sanasar ({hostile('as-written')})", "claimant": hostile("claimant1"),
     "side": SIDE1, "claim": "captured", "source": hostile("source1"), "url": "javascript:window.__pwned=1",
     "quote": hostile("quote1"), "notes": hostile("notes1")},
    # A place the gazetteer does not know, put on the map by its coordinates: the name itself is hostile.
    {"id": "r2", "date": "2020-10-26", "place": hostile("place"), "lat": "39.82", "lon": "46.75",
     "claimant": hostile("claimant2"), "side": SIDE2, "claim": "denies", "source": hostile("source2"),
     "url": "https://example.org/a?q=<script>&x=\"'", "quote": hostile("quote2"), "notes": hostile("notes2")},
    # A district claimed by side 1, then a village inside it: the popup's "inside ..." names side 1.
    {"id": "d", "date": "2020-10-22", "place": "Zangilan district", "claimant": hostile("claimant1"),
     "side": SIDE1, "claim": "captured"},
    {"id": "v", "date": "2020-10-26", "place": "Mincivan", "claimant": hostile("claimant1"), "side": SIDE1,
     "claim": "captured"},
    # A claim about a whole region: listed in the side panel, not drawn.
    {"id": "g", "date": "2020-10-25", "place": "Nagorno-Karabakh", "claimant": hostile("claimant3"), "side": SIDE2,
     "claim": "violation", "source": hostile("source3"), "quote": hostile("quote3"), "notes": hostile("notes3")},
]
TITLE = hostile("title")
EVENT = hostile("event")


def build_hostile(tmp_path):
    fields = ["id", "date", "place", "lat", "lon", "claimant", "side", "claim", "source", "url", "quote", "notes"]
    with (tmp_path / "h.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=fields)
        writer.writeheader()
        writer.writerows(ROWS)
    with (tmp_path / "events.csv").open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([["name", "start", "notes"], [EVENT, "2020-10-26", hostile("event-notes")]])
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "h.csv"), "--events", str(tmp_path / "events.csv"),
                                      "--title", TITLE, "--name", "h", "--output-dir", str(tmp_path),
                                      "--self-contained"])
    assert result.exit_code == 0, result.output
    geo = {f["id"]: f["properties"] for f in json.loads((tmp_path / "h.geojson").read_text("utf-8"))["features"]}
    # The premises: r1's text resolved to a named place, so the popup shows it "as written".
    assert geo["r1"]["place_name"] and geo["r1"]["place_name"] != ROWS[0]["place"]
    assert all(geo[i]["place_id"] for i in ("r2", "d", "v", "g"))
    assert geo["g"]["place_kind"] == "region"
    return tmp_path / "h.html"


def assert_nothing_ran(page, errors):
    assert page.evaluate("window.__pwned") is None
    assert [e for e in errors if e.startswith("dialog")] == []
    found = page.evaluate(r"""() => ({
        handlers: document.querySelectorAll('[onerror], [onload], [onclick]').length,
        images: document.querySelectorAll('img:not(.leaflet-tile)').length,
        jsLinks: [...document.querySelectorAll('a[href], [src], [action], [formaction]')]
                 .filter(a => /^\s*javascript:/i.test(a.getAttribute('href') || a.getAttribute('src') || '')).length,
        scripts: [...document.querySelectorAll('script:not([type="application/json"])')]
                 .filter(s => s.textContent.includes('__pwned')).length,
        svgs: [...document.querySelectorAll('svg')].filter(s => !s.closest('.cm-marker, .cm-legend, .leaflet-pane, .leaflet-control-attribution')).length
    })""")
    assert found == {"handlers": 0, "images": 0, "jsLinks": 0, "scripts": 0, "svgs": 0}


def texts(page, selector):
    return page.locator(selector).evaluate_all("els => els.map(e => e.textContent)")


def test_hostile_text_in_every_field_shows_as_written(browser, tmp_path):  # noqa: F811
    page, errors = open_map(browser, build_hostile(tmp_path))

    # Title, event label, layer control.
    assert page.title() == TITLE
    assert texts(page, ".cm-title h2") == [TITLE]
    assert texts(page, ".cm-events") == [EVENT]
    labels = texts(page, ".leaflet-control-layers-overlays label")
    assert labels == [" " + SIDE1, " " + SIDE2, " Claimed control", " District boundaries"]
    side1 = page.locator(".leaflet-control-layers-overlays label").first.locator("input")
    side1.uncheck()
    side1.check()
    # The legend names the sides of the claimed-control layer: as text, nothing came into it.
    assert texts(page, ".cm-control-legend li > span:last-child") == [
        f" Claimed by {SIDE1}", f" Claimed by {SIDE2}", " Contested"]
    assert page.locator(".cm-legend img, .cm-legend a, .cm-legend [onerror], .cm-legend [onload]").count() == 0

    seen = {cls: set() for cls in ("cm-place", "cm-claimant", "cm-quote", "cm-source", "cm-as", "cm-notes",
                                   "cm-inside", "cm-control-line", "cm-tip")}
    marker_titles = set(page.locator(".cm-marker").evaluate_all("els => els.map(e => e.title)"))
    targets = [page.locator(".cm-marker").nth(i) for i in range(page.locator(".cm-marker").count())]
    targets += [page.locator("path.cm-area").nth(i) for i in range(page.locator("path.cm-area").count())]
    assert len(targets) == 4
    for target in targets:
        target.dispatch_event("mouseover")
        seen["cm-tip"].update(texts(page, ".leaflet-tooltip .cm-tip"))
        target.dispatch_event("mouseout")
        target.dispatch_event("click")
        popup = page.locator(".leaflet-popup .cm-popup")
        popup.wait_for()
        for cls in seen:
            if cls != "cm-tip":
                seen[cls].update(texts(page, f".leaflet-popup .{cls}"))
        # The only link is the https source, opened apart from the map.
        links = page.locator(".leaflet-popup a.cm-source")
        for i in range(links.count()):
            assert links.nth(i).get_attribute("href").startswith("https://example.org/a?q=")
            assert "noopener" in links.nth(i).get_attribute("rel")
        page.locator(".leaflet-popup-close-button").dispatch_event("click")  # the long labels cover it
        page.locator(".leaflet-popup").wait_for(state="detached")
        assert_nothing_ran(page, errors)

    for row in (ROWS[0], ROWS[1]):
        assert row["claimant"] in seen["cm-claimant"]
        assert row["quote"] in seen["cm-quote"]
        assert row["source"] in seen["cm-source"]
        assert row["notes"] in seen["cm-notes"]
    assert f"As written: {ROWS[0]['place']}" in seen["cm-as"]
    assert ROWS[1]["place"] in seen["cm-place"]
    assert f"{ROWS[1]['place']} — {ROWS[1]['claimant']} ({SIDE2}): denies, 26 October 2020" in seen["cm-tip"]
    assert ROWS[1]["place"] in marker_titles
    assert any(t.endswith(f" — {ROWS[0]['claimant']} ({SIDE1}): captured, 26 October 2020") for t in seen["cm-tip"])
    assert f"{SIDE1}: captured (26 October 2020)" in seen["cm-control-line"]
    assert any(t.startswith("Inside ") and t.endswith(f", which {SIDE1} claimed captured on 22 October 2020")
               for t in seen["cm-inside"])
    # The side panel: the region claim's text, as written.
    region = ROWS[4]
    assert texts(page, ".cm-panel .cm-claimant") == [region["claimant"]]
    assert texts(page, ".cm-panel .cm-quote") == [region["quote"]]
    assert texts(page, ".cm-panel .cm-notes") == [region["notes"]]
    assert texts(page, ".cm-panel .cm-source") == [region["source"]]
    # The claimant filter: each claimant's name is an option's text.
    claimants = {r["claimant"] for r in ROWS}
    assert sorted(texts(page, ".cm-filter-claimant .cm-filter-option")) == sorted(claimants)
    option = page.locator(".cm-filter-claimant .cm-filter-option", has_text="claimant3").locator("input")
    option.uncheck()
    assert page.locator(".cm-panel .cm-claimant").count() == 0
    page.wait_for_function("location.hash.includes('claimant=')")  # once the view rests
    option.check()
    assert not [e for e in errors if not e.startswith("Failed to load")]
    assert_nothing_ran(page, errors)


def test_hostile_file_name_and_title_in_the_embed(browser, tmp_path):  # noqa: F811
    ledger = tmp_path / "javascript:alert(1).csv"
    ledger.write_text("date,place,claimant,claim\n2020-10-26,Sanasar,Aliyev,captured\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(ledger), "--output-dir", str(out), "--self-contained"])
    assert result.exit_code == 0, result.output
    (embed,) = out.glob("*.embed.html")
    article = out / "article.html"
    article.write_text("<!doctype html><html><head><title>Article</title></head><body>"
                       f"{embed.read_text(encoding='utf-8')}</body></html>", encoding="utf-8")
    page = offline_page(browser, 1000, 800)
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(article.resolve().as_uri())
    # The iframe loads the map written beside the article, not a javascript: address.
    page.frame_locator("iframe").locator("[data-claims-ready]").wait_for(timeout=15000)
    assert dialogs == [] and page.evaluate("window.__pwned") is None


def test_the_page_refuses_non_http_links_even_if_the_data_holds_them(browser, tmp_path):  # noqa: F811
    """The renderer drops non-http(s) URLs; the script is the second lock, tested here alone
    by writing javascript: and data: addresses straight into the page's data."""
    from mapper.render import script_json

    path = build_hostile(tmp_path)
    html = path.read_text(encoding="utf-8")
    match = re.search(r'(<script type="application/json" id="[A-Za-z0-9_]+">)(.*?)(</script>)', html, re.S)
    data = json.loads(match.group(2))
    urls = ["javascript:window.__pwned=1", " JavaScript:window.__pwned=1", "java\tscript:window.__pwned=1",
            "data:text/html,<b>x</b>"]
    assert len(data["claims"]["id"]) == len(urls) + 1  # the region claim has no address
    data["claims"]["u"] = list(range(len(data["strings"]), len(data["strings"]) + len(urls))) + [len(data["strings"])]
    data["strings"].extend(urls)
    path.write_text(html[:match.start(2)] + script_json(data) + html[match.end(2):], encoding="utf-8")
    page, errors = open_map(browser, path)
    for i in range(page.locator(".cm-marker").count()):
        page.locator(".cm-marker").nth(i).dispatch_event("click")
        page.locator(".leaflet-popup .cm-popup").wait_for()
        assert page.locator(".leaflet-popup a").count() == 1  # the close button only
        page.locator(".leaflet-popup-close-button").dispatch_event("click")
        page.locator(".leaflet-popup").wait_for(state="detached")
    assert_nothing_ran(page, errors)


def test_counts_and_units_show_as_text_even_if_the_data_holds_markup(browser, tmp_path):  # noqa: F811
    """Counts come formatted from Python and units are ledger text: written straight
    into the page's data here, markup and all, they still show as text."""
    from mapper.render import script_json

    path = build_hostile(tmp_path)
    html = path.read_text(encoding="utf-8")
    match = re.search(r'(<script type="application/json" id="[A-Za-z0-9_]+">)(.*?)(</script>)', html, re.S)
    data = json.loads(match.group(2))
    unit = hostile("unit")
    data["strings"].append(unit)
    n = len(data["claims"]["id"])
    data["claims"]["k"] = [hostile("count")] * n
    data["claims"]["un"] = [len(data["strings"]) - 1] * n
    path.write_text(html[:match.start(2)] + script_json(data) + html[match.end(2):], encoding="utf-8")
    page, errors = open_map(browser, path)
    assert texts(page, ".cm-panel .cm-count") == [f"Number: {hostile('count')} {unit}"]
    page.locator(".cm-marker").first.dispatch_event("click")
    page.locator(".leaflet-popup .cm-popup").wait_for()
    assert f"Number: {hostile('count')} {unit}" in texts(page, ".leaflet-popup .cm-count")
    assert_nothing_ran(page, errors)

"""The data the map page draws: levels, days, languages, claimed control, counts."""

import datetime as dt
import types

import pytest

from mapper import analyse, read_ledger
from mapper.cli import EXAMPLE
from mapper.control import claimed_control
from mapper.i18n import strings
from mapper.payload import build_payload, claim_rows

WAR = EXAMPLE.parent / "war-2020.csv"


@pytest.fixture(scope="module")
def war(gaz):
    return analyse(read_ledger(WAR), gaz)


@pytest.fixture  # built in each test: mutmut ties a module-scoped value to the first test only
def payload(war, gaz):
    return build_payload(war, gaz, title="war", as_of=None, events=[], lang="en")


def test_country_and_region_claims_go_to_the_panel_not_the_map(payload, war):
    panel = [p for p in payload["places"] if p.get("z")]
    assert panel and all(p["k"] in ("country", "region") for p in panel)
    assert all("g" not in p for p in panel)  # never drawn as an area either
    panel_index = {i for i, p in enumerate(payload["places"]) if p.get("z")}
    in_panel = sum(1 for c in claim_rows(payload) if c.get("p") in panel_index)
    assert in_panel == sum(1 for c in war.claims if war.places[c.id] and war.places[c.id].kind in ("country", "region"))
    # The map's extent leaves them out: Nagorno-Karabakh's centroid does not stretch it.
    drawn = [p["c"] for p in payload["places"] if not p.get("z")]
    assert payload["bounds"] == [[min(c[0] for c in drawn), min(c[1] for c in drawn)],
                                 [max(c[0] for c in drawn), max(c[1] for c in drawn)]]


def test_the_slider_has_a_stop_per_calendar_day(payload, war):
    days = [dt.date.fromisoformat(d) for d in payload["days"]]
    assert days[0] == min(c.day for c in war.claims) and days[-1] == max(c.day for c in war.claims)
    assert all((b - a).days == 1 for a, b in zip(days, days[1:]))
    assert len(payload["dayLabels"]) == len(days) and payload["dayLabels"][0] == "27 September 2020"
    for claim, item in zip(war.claims, claim_rows(payload), strict=True):
        assert payload["days"][item["d"]] == claim.day.isoformat()


def test_control_diffs_are_keyed_by_day_index_and_page_side(payload, war, gaz):
    layer = claimed_control(war, gaz)
    control = payload["control"]
    assert len(control["shapes"]) == len(control["names"]) == len(layer.place_ids)
    sides = [s["name"] for s in payload["sides"]]
    shushi = next(i for i, pid in enumerate(layer.place_ids) if gaz.get(pid).name.startswith("Shusha"))
    seen = {int(day): states[str(shushi)] for day, states in control["diff"].items() if str(shushi) in states}
    # Artsakh's on 29 October, contested on 8 November, Azerbaijan's from 9 November.
    expected = {dt.date(2020, 10, 29): "Artsakh", dt.date(2020, 11, 8): -1, dt.date(2020, 11, 9): "Azerbaijan"}
    got = {dt.date.fromisoformat(payload["days"][d]): (s if s == -1 else sides[s]) for d, s in seen.items()}
    assert got == expected


@pytest.mark.parametrize("lang,month,name", [("ru", "октября", "Кубатлы"), ("az", "oktyabr", "Qubadlı"),
                                             ("hy", "հոկտեմբերի", "Սանասար"), ("en", "October", "Gubadli")])
def test_the_page_language_decides_strings_dates_and_headline_names(gaz, lang, month, name):
    analysis = analyse(read_ledger(EXAMPLE), gaz)
    data = build_payload(analysis, gaz, title="", as_of=None, events=[], lang=lang)
    assert data["ui"] == strings(lang) and data["lang"] == lang
    assert all(month in label for label in data["dayLabels"])
    assert any(month in s for s in data["strings"])  # claims' dates, formatted
    gubadli = next(p for p in data["places"] if name == p["n"])
    assert name not in gubadli["o"] and gubadli["o"]


def test_counts_and_units_when_the_ledger_has_them(war, gaz):
    claim = war.claims[0]
    counted = claim._replace(count=1234.0, unit="killed")
    fake = types.SimpleNamespace(**{k: getattr(war, k) for k in ("places", "flags", "inside_claimed", "ledger")},
                                 claims=[counted])
    data = build_payload(fake, gaz, title="", as_of=None, events=[], lang="ru", control=False)
    item = claim_rows(data)[0]
    assert item["k"] == "1\xa0234" and data["strings"][item["un"]] == "killed"


def test_markers_go_on_a_canvas_past_canvas_places_point_places(war, gaz, monkeypatch):
    import mapper.payload as module

    data = build_payload(war, gaz, title="", as_of=None, events=[], control=False)
    points = sum(1 for p in data["places"] if not p.get("z") and "g" not in p)
    assert 0 < points <= module.CANVAS_PLACES and data["canvas"] is False  # the war example keeps SVG markers
    monkeypatch.setattr(module, "CANVAS_PLACES", points)
    assert build_payload(war, gaz, title="", as_of=None, events=[], control=False)["canvas"] is False
    monkeypatch.setattr(module, "CANVAS_PLACES", points - 1)
    assert build_payload(war, gaz, title="", as_of=None, events=[], control=False)["canvas"] is True


def test_claims_by_column_read_back_as_one_row_per_claim(payload, war):
    columns = payload["claims"]
    assert {len(c) for c in columns.values()} == {len(war.claims)}
    # No claim in the war example has a count, a unit or a claim inside another's area left out.
    assert "k" not in columns and "un" not in columns
    rows = claim_rows(payload)
    assert [r["id"] for r in rows] == [c.id for c in war.claims]
    for claim, row in zip(war.claims, rows):
        assert row["c"] == claim.claim and row["st"] == claim.status
        assert row["f"] == [f for f in payload["flags"] if f in war.flags.get(claim.id, ())]
        assert payload["strings"][row["cl"]] == claim.claimant
        assert payload["sides"][row["s"]]["name"] == claim.side
        assert ("q" in row) == bool(claim.quote) and ("u" in row) == bool(claim.url)
    # A place does not list its claims: the page gathers them from the place column.
    assert all("t" not in p for p in payload["places"])
    assert all(isinstance(p["h"], int) for p in payload["places"])


def test_the_payload_is_the_same_for_the_same_input(payload, war, gaz):
    from mapper.render import script_json

    again = build_payload(war, gaz, title="war", as_of=None, events=[], lang="en")
    assert script_json(again) == script_json(payload)

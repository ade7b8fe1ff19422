"""The data the map page draws: levels, days, languages, claimed control, counts."""

import datetime as dt
import types

import pytest

from mapper import analyse, read_ledger
from mapper.cli import EXAMPLE
from mapper.control import claimed_control
from mapper.i18n import strings
from mapper.payload import build_payload

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
    in_panel = sum(len(p["t"]) for p in panel)
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
    for claim, item in zip(war.claims, payload["claims"]):
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
    item = data["claims"][0]
    assert item["k"] == "1\xa0234" and data["strings"][item["un"]] == "killed"

"""The bundled 2020 war ledger: sourced claims from both sides that tell the 44 days as claimed control."""

import csv
import datetime as dt
from collections import Counter

import pytest

from mapper.analysis import analyse
from mapper.cli import EXAMPLE_DIR
from mapper.control import CONTESTED, claimed_control
from mapper.ledger import read_ledger

WAR = EXAMPLE_DIR / "war-2020.csv"
FIRST, LAST = dt.date(2020, 9, 27), dt.date(2020, 11, 10)


@pytest.fixture(scope="module")
def war(gaz):
    analysis = analyse(read_ledger(WAR), gaz)
    return analysis, claimed_control(analysis, gaz)


def test_every_row_is_sourced_dated_within_the_war_and_short():
    with open(WAR, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for n, row in enumerate(rows, 2):
        assert row["source"].strip(), f"row {n}: no source"
        assert row["url"].startswith(("https://", "http://")), f"row {n}: url {row['url']!r}"
        # Quotes are paraphrases, not copied paragraphs.
        assert 0 < len(row["quote"]) <= 120, f"row {n}: quote of {len(row['quote'])} characters"
        assert FIRST <= dt.date.fromisoformat(row["date"]) <= LAST, f"row {n}: {row['date']} outside the war"


def test_both_sides_speak_in_every_kind_that_matters(war):
    analysis, _ = war
    by = Counter((c.side, c.claim) for c in analysis.claims)
    assert by[("Azerbaijan", "captured")] >= 100
    armenian = ("Armenia", "Artsakh")
    for kind in ("denies", "holds", "withdrew", "attacked", "casualties", "violation"):
        assert sum(by[(s, kind)] for s in armenian) >= 1, kind
    for kind in ("attacked", "casualties", "violation"):
        assert by[("Azerbaijan", kind)] >= 1, kind
    # Several voices per side, so the claimant filter has something to separate.
    voices = Counter(c.side for c in {(c.side, c.claimant): c for c in analysis.claims}.values())
    assert voices["Azerbaijan"] >= 3 and voices["Armenia"] >= 3 and voices["Artsakh"] >= 3


def test_the_announced_towns_are_captured_on_their_days(war, gaz):
    analysis, _ = war
    announced = {"Sugovushan": "2020-10-03", "Jabrayil": "2020-10-04", "Hadrut": "2020-10-09",
                 "Fuzuli": "2020-10-17", "Zangilan": "2020-10-20", "Gubadli": "2020-10-25", "Shusha": "2020-11-08"}
    for name, day in announced.items():
        pid = gaz.resolve(name).place.id
        firsts = [c.date for c in analysis.claims if c.claim == "captured" and c.side == "Azerbaijan"
                  and analysis.places[c.id] is not None and analysis.places[c.id].id == pid]
        assert firsts and min(firsts) == day, (name, firsts)


def test_claimed_control_grows_over_the_44_days(war, gaz):
    _, layer = war
    az = layer.sides.index("Azerbaijan")

    def held(day):
        return sum(1 for state in layer.on(dt.date.fromisoformat(day)).values() if state == az)

    days = ["2020-09-27", "2020-10-04", "2020-10-09", "2020-10-17", "2020-10-20", "2020-10-25",
            "2020-11-08", "2020-11-10"]
    counts = [held(d) for d in days]
    assert counts == sorted(counts) and counts[0] < counts[3] < counts[-1], counts
    assert counts[-1] >= 100
    # Shushi: held by Artsakh before the assault, contested on the day Baku claims it and
    # Yerevan denies it, Azerbaijan's once Stepanakert admits the loss.
    shusha = layer.place_ids.index(gaz.resolve("Shusha").place.id)
    assert layer.on(dt.date(2020, 10, 30))[shusha] == layer.sides.index("Artsakh")
    assert layer.on(dt.date(2020, 11, 8))[shusha] == CONTESTED
    assert layer.on(dt.date(2020, 11, 10))[shusha] == az

"""``analyse`` resolves each distinct (name, near) once, and by date only where a date can
change the answer: the same resolutions as resolving every claim on its own date."""

import csv
import datetime as dt

from gazetteer import Gazetteer
from mapper.analysis import analyse
from mapper.ledger import read_ledger

#: Names whose places have names with validity periods (renamed in 2020, or Soviet-era names),
#: names without, an unknown name, an ambiguous one and one with context.
NAMES = [("Madagiz", None), ("Suqovuşan", None), ("Vank", None), ("Çinarlı", None), ("Kirovabad", None),
         ("Ganja", None), ("Hadrut", None), ("Shusha", None), ("Sanasar", None), ("Lachin", None),
         ("Nowhere-Xyz", None), ("Agbulaq", None), ("Aghdara", "Tartar district"), ("Mardakert raion", None)]
DAYS = [dt.date(1980, 5, 1), dt.date(2020, 10, 2), dt.date(2020, 10, 3), dt.date(2020, 10, 19),
        dt.date(2020, 10, 20), dt.date(2020, 11, 9)]


def write(path):
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["id", "date", "place", "near", "claimant", "side", "claim"])
        n = 0
        for day in DAYS:
            for name, near in NAMES:
                for claimant in ("Aliyev", "Armenia MoD"):
                    n += 1
                    writer.writerow([f"c{n:03d}", day.isoformat(), name, near or "", claimant,
                                     "Azerbaijan" if claimant == "Aliyev" else "Armenia", "attacked"])
    return path


def test_same_resolutions_as_one_claim_at_a_time(tmp_path):
    led = read_ledger(write(tmp_path / "l.csv"))
    fresh = Gazetteer()  # its cache starts empty
    a = analyse(led, Gazetteer())
    for claim in led.claims:
        expected = fresh.resolve(claim.place, near=claim.near, as_of=claim.day)
        got = a.resolutions[claim.id]
        assert (got.status, got.why, [(c.place.id, c.score, c.why) for c in got.candidates]) == \
               (expected.status, expected.why, [(c.place.id, c.score, c.why) for c in expected.candidates]), claim
    # The premise: the date decides some of these names (renamed villages rank lower before their rename).
    madagiz = {c.day: a.resolutions[c.id] for c in led.claims if c.place == "Suqovuşan"}
    assert madagiz[dt.date(2020, 10, 2)].score != madagiz[dt.date(2020, 10, 3)].score


def test_each_undated_name_is_resolved_once(tmp_path):
    led = read_ledger(write(tmp_path / "l.csv"))
    gaz = Gazetteer()
    calls = []
    resolve = gaz.resolve

    def counting(name, near=None, as_of=None):
        calls.append((name, near, as_of))
        return resolve(name, near=near, as_of=as_of)

    gaz.resolve = counting
    a = analyse(led, gaz)
    undated = [(n, near) for n, near in NAMES
               if not any(nm.valid_from or nm.valid_to
                          for c in a.resolutions[next(x.id for x in led.claims if x.place == n)].candidates
                          for nm in c.place.names)]
    assert len(undated) >= 6
    for name, near in undated:
        assert sum(1 for c in calls if c[:2] == (name, near)) == 1, name
    # A dated name: one undated look (to learn that dates matter), then one per distinct day.
    dated = len(NAMES) - len(undated)
    assert len(calls) == len(undated) + dated * (1 + len(DAYS)) < len(led.claims) / 2

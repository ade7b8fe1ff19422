"""The flag rules, each stated by a case that fails when the rule breaks."""

import random

import pytest

from mapper.analysis import PARTNER_CAP, analyse
from mapper.ledger import read_ledger

HEADER = "id,date,place,claimant,side,claim,status,source,url\n"
HADRUT = "wof:1125938249"


def flags_of(tmp_path, gaz, rows, name="l.csv", **kw):
    path = tmp_path / name
    path.write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return analyse(read_ledger(path), gaz, **kw)


def az(cid, date, claim, place="Hadrut", status="published"):
    return f"{cid},{date},{place},Aliyev,Azerbaijan,{claim},{status},,"


def ar(cid, date, claim, place="Hadrut", status="published"):
    return f"{cid},{date},{place},Artsakh Defense Army,Artsakh,{claim},{status},,"


@pytest.mark.parametrize("gap,expected", [(0, True), (3, True), (4, False)])
def test_contested_window_boundary(tmp_path, gaz, gap, expected):
    a = flags_of(tmp_path, gaz, [az("a", "2020-10-01", "captured"), ar("b", f"2020-10-{1 + gap:02d}", "denies")])
    assert ("contested" in a.flags["a"]) is expected
    assert ("contested" in a.flags["b"]) is expected


def test_contested_window_is_an_argument(tmp_path, gaz):
    rows = [az("a", "2020-10-01", "captured"), ar("b", "2020-10-06", "denies")]
    assert "contested" not in flags_of(tmp_path, gaz, rows).flags["a"]
    assert "contested" in flags_of(tmp_path, gaz, rows, window=5).flags["a"]


def test_contested_works_backwards_in_time(tmp_path, gaz):
    a = flags_of(tmp_path, gaz, [ar("b", "2020-10-01", "holds"), az("a", "2020-10-03", "captured")])
    assert a.flags["a"] == ["contested"] and a.related["a"]["contested"] == ["b"]


def test_same_side_never_contests(tmp_path, gaz):
    a = flags_of(tmp_path, gaz, [az("a", "2020-10-01", "captured"), az("b", "2020-10-01", "denies"),
                                 az("c", "2020-10-02", "holds")])
    assert all("contested" not in a.flags[c] for c in "abc")


def test_denial_contests_only_its_own_place(tmp_path, gaz):
    a = flags_of(tmp_path, gaz, [az("a", "2020-10-01", "captured"),
                                 ar("b", "2020-10-01", "denies", place="Nagorno-Karabakh")])
    assert a.flags["a"] == [] and a.flags["b"] == []


def test_two_denials_do_not_contest_each_other(tmp_path, gaz):
    a = flags_of(tmp_path, gaz, [az("a", "2020-10-01", "denies"), ar("b", "2020-10-01", "denies")])
    assert a.flags["a"] == [] and a.flags["b"] == []


@pytest.mark.parametrize("claim", ["attacked", "violation", "casualties", "other", "withdrew"])
def test_non_territorial_claims_are_not_contested(tmp_path, gaz, claim):
    a = flags_of(tmp_path, gaz, [az("a", "2020-10-01", claim), ar("b", "2020-10-01", "denies")])
    assert a.flags["a"] == [] and a.flags["b"] == []


def test_repeat_and_what_breaks_a_run(tmp_path, gaz):
    a = flags_of(tmp_path, gaz, [
        az("a", "2020-10-01", "captured"),
        az("b", "2020-10-20", "captured"),          # repeat of a (far outside any window)
        ar("c", "2020-10-21", "captured"),          # another side's capture in between
        az("d", "2020-10-22", "captured"),          # not a repeat
        az("e", "2020-10-23", "withdrew"),
        az("f", "2020-10-24", "captured"),          # not a repeat: withdrew in between
        az("g", "2020-10-25", "captured"),          # repeat of f
    ])
    assert a.related["b"]["repeat"] == ["a"]
    assert "repeat" not in a.flags["d"] and "repeat" not in a.flags["f"]
    assert a.related["g"]["repeat"] == ["f"]
    assert "repeat" not in a.flags["c"] and "repeat" not in a.flags["a"]


def test_another_sides_withdrawal_does_not_break_a_run(tmp_path, gaz):
    a = flags_of(tmp_path, gaz, [az("a", "2020-10-01", "captured"), ar("w", "2020-10-02", "withdrew"),
                                 az("b", "2020-10-20", "captured")])
    assert "repeat" in a.flags["b"]


@pytest.mark.parametrize("gap,expected", [(-7, True), (-1, True), (0, True), (7, True), (8, False), (-8, False)])
def test_corroboration_both_ways(tmp_path, gaz, gap, expected):
    import datetime as dt
    day = dt.date(2020, 10, 15) + dt.timedelta(days=gap)
    a = flags_of(tmp_path, gaz, [az("a", "2020-10-15", "captured"), ar("w", day.isoformat(), "withdrew")])
    assert ("corroborated" in a.flags["a"]) is expected


def test_own_withdrawal_never_corroborates(tmp_path, gaz):
    a = flags_of(tmp_path, gaz, [az("a", "2020-10-15", "captured"), az("w", "2020-10-16", "withdrew")])
    assert "corroborated" not in a.flags["a"]


@pytest.mark.parametrize("status", ["deleted", "retracted"])
def test_retracted_claims_are_flagged_and_no_evidence(tmp_path, gaz, status):
    a = flags_of(tmp_path, gaz, [az("a", "2020-10-01", "captured"), ar("b", "2020-10-01", "denies", status=status),
                                 ar("w", "2020-10-01", "withdrew", status=status),
                                 az("c", "2020-10-02", "captured", status=status)])
    assert a.flags["b"] == ["retracted"] and a.flags["w"] == ["retracted"]
    assert a.flags["a"] == []
    import datetime as dt
    # A deleted capture is not control either.
    assert a.control(dt.date(2020, 10, 2)) == {"Azerbaijan": [HADRUT]}


@pytest.mark.parametrize("status", ["published", "reposted"])
def test_live_statuses_are_not_retracted(tmp_path, gaz, status):
    a = flags_of(tmp_path, gaz, [az("a", "2020-10-01", "captured", status=status)])
    assert a.flags["a"] == []


def test_partners_are_capped_with_their_total(tmp_path, gaz):
    rows = [az("a", "2020-10-02", "captured")] + [ar(f"d{i:02d}", "2020-10-02", "denies") for i in range(25)]
    a = flags_of(tmp_path, gaz, rows)
    assert len(a.related["a"]["contested"]) == PARTNER_CAP
    assert a.related_total["a"]["contested"] == 25
    assert a.related["a"]["contested"] == [f"d{i:02d}" for i in range(PARTNER_CAP)]


WAR = [
    az("a1", "2020-10-01", "captured"), ar("b1", "2020-10-01T09:00+04:00", "denies"),
    ar("b2", "2020-10-01", "withdrew"), az("a2", "2020-10-02T23:30+04:00", "captured"),
    az("a3", "2020-10-09", "captured"), az("a4", "2020-10-10", "withdrew"), az("a5", "2020-10-12", "captured"),
    az("s1", "2020-10-20", "captured", place="Shushi"), ar("s2", "2020-10-22", "withdrew", place="Şuşa"),
    ar("s3", "2020-10-21", "holds", place="Shusha"), az("s4", "2020-10-21", "captured", place="Shusha"),
    az("x1", "2020-10-21", "captured", place="Shusha", status="deleted"),
]


def test_flags_do_not_depend_on_row_order(tmp_path, gaz):
    first = flags_of(tmp_path, gaz, WAR)
    assert any(first.flags.values())
    rng = random.Random(7)
    for i in range(6):
        rows = WAR[:]
        rng.shuffle(rows)
        other = flags_of(tmp_path, gaz, rows, name=f"p{i}.csv")
        assert other.flags == first.flags
        assert other.related == first.related
        assert [c.id for c in other.claims] == [c.id for c in first.claims]


def test_order_is_utc_time_then_id(tmp_path, gaz):
    a = flags_of(tmp_path, gaz, [az("z", "2020-10-01T08:00+04:00", "captured"),
                                 az("y", "2020-10-01T05:00+00:00", "captured"),
                                 az("b", "2020-10-03", "captured"), az("a", "2020-10-03", "captured")])
    # 08:00+04:00 is 04:00 UTC, before 05:00 UTC; same time: by id.
    assert [c.id for c in a.claims] == ["z", "y", "a", "b"]
    assert a.related["y"]["repeat"] == ["z"] and a.related["b"]["repeat"] == ["a"]

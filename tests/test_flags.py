"""The flag rules, each stated by a case that fails when the rule breaks."""

import random

import pytest

from mapper.analysis import PARTNER_CAP, analyse
from mapper.ledger import read_ledger

HEADER = "id,date,place,claimant,side,claim,status,source,url\n"
HADRUT = "wof:1125938249"


def write_rows(tmp_path, rows, name="l.csv"):
    path = tmp_path / name
    path.write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def flags_of(tmp_path, gaz, rows, name="l.csv", **kw):
    return analyse(read_ledger(write_rows(tmp_path, rows, name)), gaz, **kw)


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


# --- The rules, one by one, as the mutation run (benchmarks/mutation.py flags) asks for them. ---

import datetime as dt  # noqa: E402

from gazetteer.normalize import norm_key  # noqa: E402
from mapper.analysis import FLAGS, Analysis  # noqa: E402
from mapper.ledger import CLAIMS, Claim, Ledger  # noqa: E402

SHUSHA = "wof:421174129"
TERRITORIAL, CONTESTING = {"captured", "holds"}, {"captured", "holds", "denies"}


def D(day, month=10):
    return dt.date(2020, month, day)


def test_which_pairs_of_claims_contest_and_corroborate(tmp_path, gaz):
    # Every pair of claim kinds by two sides on one place, the same day: a
    # territorial claim is contested by another side's denial, holds or
    # capture; a capture is corroborated by another side's withdrawal.
    for first in CLAIMS:
        for second in CLAIMS:
            a = flags_of(tmp_path, gaz, [az("a", "2020-10-05", first), ar("b", "2020-10-05", second)])
            contested = (first in TERRITORIAL and second in CONTESTING) or (
                second in TERRITORIAL and first in CONTESTING)
            assert ("contested" in a.flags["a"]) is contested, (first, second)
            assert ("contested" in a.flags["b"]) is contested, (first, second)
            assert ("corroborated" in a.flags["a"]) is (first == "captured" and second == "withdrew"), (first, second)
            assert ("corroborated" in a.flags["b"]) is (second == "captured" and first == "withdrew"), (first, second)
            if contested:
                assert a.related["a"]["contested"] == ["b"] and a.related["b"]["contested"] == ["a"]
                assert a.related_total["a"]["contested"] == 1 == a.related_total["b"]["contested"]


def test_flags_list_in_fixed_order_with_their_partners(tmp_path, gaz):
    a = flags_of(tmp_path, gaz, [az("a", "2020-10-01", "captured"), az("b", "2020-10-05", "captured"),
                                 ar("w", "2020-10-06", "withdrew"), ar("d", "2020-10-07", "denies"),
                                 ar("e", "2020-10-08", "denies")])
    assert FLAGS == ("repeat", "contested", "corroborated", "retracted")
    assert a.flags["b"] == ["repeat", "contested", "corroborated"]
    assert a.related["b"] == {"contested": ["d", "e"], "corroborated": ["w"], "repeat": ["a"]}
    assert list(a.related["b"]) == ["contested", "corroborated", "repeat"]
    assert a.related_total["b"] == {"repeat": 1, "contested": 2, "corroborated": 1}
    assert a.related["a"] == {"corroborated": ["w"]} and a.related_total["a"] == {"corroborated": 1}
    assert a.flags["w"] == [] and a.related["w"] == {} and a.related_total["w"] == {}


def test_listed_partners_are_the_earliest_ten_sorted_by_id(tmp_path, gaz):
    # Twelve denials within the window: the six on the 3rd come after the six
    # on the 1st, whatever their ids; the ten listed are the earliest, by id.
    rows = [az("cap", "2020-10-02", "captured")]
    rows += [ar(f"z{i}", "2020-10-01", "denies") for i in range(6)]
    rows += [ar(f"a{i}", "2020-10-03", "denies") for i in range(6)]
    a = flags_of(tmp_path, gaz, rows)
    assert a.related_total["cap"]["contested"] == 12
    assert a.related["cap"]["contested"] == [f"a{i}" for i in range(4)] + [f"z{i}" for i in range(6)]


def test_partners_from_several_sides_are_counted_together(tmp_path, gaz):
    rows = [az("cap", "2020-10-02", "captured")]
    rows += [ar(f"r{i:02d}", "2020-10-02", "denies") for i in range(8)]
    rows += [f"m{i:02d},2020-10-02,Hadrut,Armenia MoD,Armenia,denies,published,," for i in range(8)]
    a = flags_of(tmp_path, gaz, rows)
    assert a.related_total["cap"]["contested"] == 16
    assert a.related["cap"]["contested"] == [f"m{i:02d}" for i in range(8)] + ["r00", "r01"]


def test_repeat_names_the_previous_capture_and_counts_one(tmp_path, gaz):
    a = flags_of(tmp_path, gaz, [az("a", "2020-10-01", "captured"), az("b", "2020-10-20", "captured"),
                                 az("c", "2020-10-30", "captured")])
    assert a.related["b"]["repeat"] == ["a"] and a.related["c"]["repeat"] == ["b"]
    assert a.related_total["c"]["repeat"] == 1
    assert a.flags["a"] == []


def test_control_is_each_sides_latest_word_up_to_the_day(tmp_path, gaz):
    a = flags_of(tmp_path, gaz, [
        ar("h", "2020-10-01", "holds"),
        az("s", "2020-10-03", "captured", place="Shusha"),
        az("c", "2020-10-05", "captured"),
        ar("w", "2020-10-07", "withdrew"),
        az("d", "2020-10-08", "denies"),              # not about control: does not undo c
        az("x", "2020-10-09", "attacked", place="Shusha"),
        az("y", "2020-10-10", "withdrew", place="Shusha"),
    ])
    assert a.control(dt.date(2020, 9, 30)) == {}
    assert a.control(D(1)) == {"Artsakh": [HADRUT]}          # a claim counts from its own day
    assert a.control(D(2)) == {"Artsakh": [HADRUT]}
    assert a.control(D(5)) == {"Artsakh": [HADRUT], "Azerbaijan": sorted([HADRUT, SHUSHA])}
    assert a.control(D(7)) == {"Azerbaijan": sorted([HADRUT, SHUSHA])}
    assert a.control(D(9)) == {"Azerbaijan": sorted([HADRUT, SHUSHA])}
    assert a.control(D(10)) == {"Azerbaijan": [HADRUT]}


def test_control_skips_retracted_claims_of_every_kind(tmp_path, gaz):
    a = flags_of(tmp_path, gaz, [az("c", "2020-10-01", "captured"),
                                 az("w", "2020-10-02", "withdrew", status="retracted"),
                                 ar("h", "2020-10-03", "holds", status="deleted")])
    assert a.control(D(5)) == {"Azerbaijan": [HADRUT]}


NEAR_HEADER = "id,date,place,near,claimant,side,claim\n"


def test_unresolved_places_are_one_place_by_their_normalised_name(tmp_path, gaz):
    path = tmp_path / "u.csv"
    path.write_text(NEAR_HEADER + "a,2020-10-01,Xyzzyville,,Aliyev,Azerbaijan,captured\n"
                    "b,2020-10-02,XYZZYVILLE,,Artsakh Defense Army,Artsakh,denies\n"
                    "c,2020-10-03,Xyzzyville,Khojavend,Aliyev,Azerbaijan,captured\n"
                    "h,2020-10-04,Hadrut,,Aliyev,Azerbaijan,captured\n", encoding="utf-8")
    a = analyse(read_ledger(path), gaz)
    key = "name:" + norm_key("Xyzzyville")
    assert key == "name:xyzzyville"
    assert a.keys["a"] == a.keys["b"] == a.keys["c"] == key
    assert a.places["a"] is None and a.resolutions["a"].status == "not_found"
    assert a.flags["a"] == ["contested"] and a.flags["c"] == ["repeat", "contested"]
    assert a.label(key) == "Xyzzyville"                      # as the earliest claim wrote it
    assert a.label(HADRUT) == gaz.get(HADRUT).name == "Hadrut"
    assert a.label("wof:0") == "wof:0"
    assert [c.id for c in a.timeline(key)] == ["a", "b", "c"]
    assert [c.id for c in a.timeline(HADRUT)] == ["h"]
    unresolved = a.unresolved()
    assert list(unresolved) == ["Xyzzyville", "XYZZYVILLE", "Xyzzyville (near Khojavend)"]
    assert unresolved["Xyzzyville"][1] == ["a"] and unresolved["XYZZYVILLE"][1] == ["b"]
    assert unresolved["Xyzzyville (near Khojavend)"][1] == ["c"]
    assert unresolved["Xyzzyville"][0] is a.resolutions["a"]
    assert a.control(D(5)) == {"Azerbaijan": sorted([HADRUT, key])}


def test_a_name_with_no_letters_is_its_own_key():
    assert norm_key("???") == ""
    assert Analysis.name_key("???") == "name:???"
    assert Analysis.name_key("Xyzzyville") == "name:xyzzyville"


def _claim(cid, place, side="Azerbaijan", claim="captured", day=D(5), **kw):
    when = dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.timezone.utc)
    return Claim(id=cid, row=2, date=day.isoformat(), day=day, when=when, place=place,
                 claimant=side, claim=claim, side=side, **kw)


def test_a_claim_about_no_place_is_an_input_error(gaz):
    from gazetteer.errors import InputError

    with pytest.raises(InputError, match="empty place name"):
        analyse(Ledger(path="x", claims=[_claim("a", " ")]), gaz)


def test_coordinates_make_a_point_place_unless_both_are_given(gaz):
    a = analyse(Ledger(path="x", claims=[
        _claim("p", "Xyzzyville", lat=39.47, lon=47.05),
        _claim("h", "Гадрут", lat=39.5, lon=46.8, day=D(6)),
        _claim("q", "Hadrut", lat=39.5, day=D(7)),
        _claim("r", "Hadrut", lon=46.8, day=D(8)),
    ]), gaz)
    p = a.places["p"]
    assert (p.id, p.name, p.kind, p.lat, p.lon) == ("point:39.47000,47.05000", "Xyzzyville", "landmark", 39.47, 47.05)
    assert (p.country, p.parents, p.names, p.sources) == (None, (), (), {"ledger": True})
    hadrut = gaz.get(HADRUT)
    h = a.places["h"]
    assert (h.id, h.name, h.kind, h.country, h.parents, h.names, h.sources) == (
        hadrut.id, hadrut.name, hadrut.kind, hadrut.country, hadrut.parents, hadrut.names, hadrut.sources)
    assert (h.lat, h.lon) == (39.5, 46.8)
    for cid in "qr":   # one coordinate alone is not a position: the gazetteer's stands
        q = a.places[cid]
        assert (q.id, q.name, q.lat, q.lon) == (hadrut.id, hadrut.name, hadrut.lat, hadrut.lon)


def test_each_claim_is_resolved_with_its_context_and_its_date(tmp_path, gaz):
    # "Sugovushan" is the name Madagiz took on 3 October 2020: before that
    # day it is no name of it; "Martuni" is one of several, until the
    # district is given.
    path = tmp_path / "r.csv"
    path.write_text(NEAR_HEADER + "a,2020-10-02,Sugovushan,,Aliyev,Azerbaijan,captured\n"
                    "b,2020-10-03,Sugovushan,,Aliyev,Azerbaijan,captured\n"
                    "c,2020-10-03,Martuni,Khojavend,Aliyev,Azerbaijan,captured\n"
                    "d,2020-10-03,Martuni,,Aliyev,Azerbaijan,captured\n", encoding="utf-8")
    led = read_ledger(path)
    a = analyse(led, gaz)
    assert a.ledger is led
    assert a.resolutions["a"].status == "ambiguous" and a.places["a"] is None
    assert a.places["b"].id == "wof:1209142461" == gaz.resolve("Sugovushan", as_of="2020-10-03").place.id
    assert a.places["c"].id == gaz.resolve("Martuni", near="Khojavend").place.id
    assert a.resolutions["d"].status == "ambiguous"
    assert a.keys["a"] == "name:sugovushan" and a.keys["b"] == "wof:1209142461"


def test_control_of_an_analysis_built_by_hand_without_flags(gaz, tmp_path):
    led = read_ledger(write_rows(tmp_path, [az("a", "2020-10-01", "captured")]))
    done = analyse(led, gaz)
    bare = Analysis(ledger=led, resolutions=done.resolutions, places=done.places, keys=done.keys)
    assert bare.flags == {} and bare.control(D(2)) == {"Azerbaijan": [HADRUT]}
    assert [c.id for c in bare.claims] == ["a"]


def test_inside_claimed_takes_the_smallest_unit_and_the_first_claim_on_it(tmp_path, gaz):
    a = flags_of(tmp_path, gaz, [
        az("r", "2020-10-01", "captured", place="Nagorno-Karabakh"),      # region
        az("p", "2020-10-02", "captured", place="Kashatagh"),             # province in it
        az("d", "2020-10-03", "captured", place="Zangilan district"),     # district in that
        az("d2", "2020-10-04", "captured", place="Zangilan district"),
        az("v", "2020-10-05", "captured", place="Mincivan"),              # village in the district
        az("n", "2020-10-06", "captured", place="Azerbaijan"),            # a country is not an area claim
        az("h", "2020-10-07", "captured", place="Hadrut"),                # in the region only
    ])
    assert a.places["p"].id == "gz:kashatagh" and a.places["r"].kind == "region"
    assert a.inside_claimed == {"p": "r", "d": "p", "d2": "p", "v": "d", "h": "r"}


def test_inside_claimed_needs_an_earlier_day_a_capture_and_the_same_side(tmp_path, gaz):
    def inside(rows):
        return flags_of(tmp_path, gaz, rows).inside_claimed

    village = ("v", "2020-10-05", "captured")
    assert inside([az("d", "2020-10-05", "captured", place="Zangilan district"), az(*village, place="Mincivan")]) == {}
    assert inside([az("d", "2020-10-04", "holds", place="Zangilan district"), az(*village, place="Mincivan")]) == {}
    assert inside([ar("d", "2020-10-04", "captured", place="Zangilan district"), az(*village, place="Mincivan")]) == {}
    assert inside([az("d", "2020-10-04", "captured", place="Zangilan district", status="retracted"),
                   az(*village, place="Mincivan")]) == {}
    assert inside([az("d", "2020-10-04", "captured", place="Zangilan district"),
                   az(*village, place="Mincivan", status="deleted")]) == {}
    assert inside([az("d", "2020-10-03", "captured", place="Zangilan district"),
                   az("w", "2020-10-04", "withdrew", place="Zangilan district"), az(*village, place="Mincivan")]) == {}
    # Another side's withdrawal, or a claim about a place not found, changes nothing.
    assert inside([az("d", "2020-10-03", "captured", place="Zangilan district"),
                   ar("w", "2020-10-04", "withdrew", place="Zangilan district"),
                   az("x", "2020-10-04", "captured", place="Xyzzyville"),
                   az(*village, place="Mincivan")]) == {"v": "d"}


def test_a_name_is_resolved_with_its_context_and_on_its_claims_day(tmp_path, gaz):
    # "Vang" was renamed Çinarlı on 20 October 2020: before, the name is the
    # village's own; after, it is only a former name and ties with namesakes,
    # unless the claim's context (near) says which. "Martuni" needs its context
    # on any day. Each claim is resolved with its own context and day, though
    # the analysis looks each (name, context) up once when no date matters.
    path = tmp_path / "n.csv"
    path.write_text("id,date,place,near,claimant,side,claim,status\n"
                    "v1,2020-09-30,Vang,,Aliyev,Azerbaijan,captured,published\n"
                    "v2,2020-10-25,Vang,,Aliyev,Azerbaijan,captured,published\n"
                    "v3,2020-10-25,Vang,Xocavənd,Aliyev,Azerbaijan,captured,published\n"
                    "m1,2020-10-25,Martuni,Khojavend,Aliyev,Azerbaijan,captured,published\n"
                    "m2,2020-10-26,Martuni,,Aliyev,Azerbaijan,captured,published\n", encoding="utf-8")
    a = analyse(read_ledger(path), gaz)
    ids = {cid: (place.id if place else None) for cid, place in a.places.items()}
    assert ids == {"v1": "wof:1327370313", "v2": None, "v3": "wof:1327370313",
                   "m1": "wof:1125861049", "m2": None}
    assert a.resolutions["v2"].status == "ambiguous" and a.resolutions["m2"].status == "ambiguous"


def test_a_place_s_label_is_its_earliest_claim_s_text_whatever_the_row_order(tmp_path, gaz):
    path = tmp_path / "l.csv"
    path.write_text(NEAR_HEADER + "z,2020-10-09,XYZZYVILLE,,Aliyev,Azerbaijan,captured\n"
                    "m,2020-10-05,xyzzyVille,,Aliyev,Azerbaijan,attacked\n"
                    "a,2020-10-01,Xyzzyville,,Aliyev,Azerbaijan,attacked\n"
                    "b,2020-10-02,XyzzyvillE,,Aliyev,Azerbaijan,attacked\n", encoding="utf-8")
    a = analyse(read_ledger(path), gaz)
    assert a.label("name:xyzzyville") == "Xyzzyville"


def test_two_workers_resolve_as_one_and_look_up_half_the_names_here(tmp_path, gaz, monkeypatch):
    # analyse(workers=2) has a forked copy look up every other distinct name (mapper.lookups): the same
    # resolutions, flags and places; names valid for a period still resolved per day, here.
    names = []
    for rec in gaz.records():
        if rec["kind"] == "settlement" and rec["name"] not in names:
            names.append(rec["name"])
        if len(names) == 420:
            break
    dated = ["Madagiz", "Suqovuşan", "Vank", "Kirovabad"]  # names in use for a period only
    lines = [f"n{i},2020-10-{1 + i % 20:02d},{name},Aliyev,Azerbaijan,{'captured' if i % 3 else 'holds'},"
             "published,,\n" for i, name in enumerate(names)]
    lines += [f"m{i},2020-10-{1 + i % 20:02d},{name},Artsakh Defense Army,Artsakh,denies,published,,\n"
              for i, name in enumerate(names[::7])]
    lines += [f"d{i}{j},{day},{name},Aliyev,Azerbaijan,attacked,published,,\n"
              for i, name in enumerate(dated) for j, day in enumerate(("1980-05-01", "2020-10-20"))]
    path = tmp_path / "l.csv"
    path.write_text(HEADER + "".join(lines), encoding="utf-8")
    led = read_ledger(path)
    asked = []
    real = gaz.resolve
    monkeypatch.setattr(gaz, "resolve", lambda name, near=None, as_of=None: (
        asked.append((name, as_of)) or real(name, near=near, as_of=as_of)))
    one = analyse(led, gaz)  # one process by default
    asked_one = list(asked)
    asked.clear()
    two = analyse(led, gaz, workers=2)
    distinct = list(dict.fromkeys(c.place for c in sorted(led.claims, key=lambda c: (c.when, c.id))))
    assert len(distinct) == 424
    assert [n for n, day in asked_one if day is None] == distinct
    assert [n for n, day in asked if day is None] == distinct[0::2]  # the copy looked up the rest
    per_day = sorted((n, day) for n, day in asked_one if day is not None)
    assert sorted((n, day) for n, day in asked if day is not None) == per_day
    assert set(dated) <= {n for n, _ in per_day}
    assert two.flags == one.flags and two.keys == one.keys and two.related == one.related
    assert {cid: p and p.id for cid, p in two.places.items()} == {cid: p and p.id for cid, p in one.places.items()}
    assert ({cid: (r.status, [(c.place.id, c.score) for c in r.candidates]) for cid, r in two.resolutions.items()}
            == {cid: (r.status, [(c.place.id, c.score) for c in r.candidates]) for cid, r in one.resolutions.items()})


def test_a_name_is_placed_with_its_claims_context_and_each_context_once(tmp_path, gaz, monkeypatch):
    # The same name with and without a district: two look-ups, each given to its own claims.
    path = tmp_path / "n.csv"
    path.write_text("id,date,place,near,claimant,side,claim\n"
                    "a,2020-10-20,Qaradağlı,Xocavənd,Aliyev,Azerbaijan,captured\n"
                    "b,2020-10-21,Qaradağlı,,Aliyev,Azerbaijan,captured\n"
                    "c,2020-10-22,Qaradağlı,Xocavənd,Aliyev,Azerbaijan,holds\n", encoding="utf-8")
    asked = []
    real = gaz.resolve
    monkeypatch.setattr(gaz, "resolve", lambda name, near=None, as_of=None: (
        asked.append((name, near)) or real(name, near=near, as_of=as_of)))
    a = analyse(read_ledger(path), gaz, window=5)
    assert asked == [("Qaradağlı", "Xocavənd"), ("Qaradağlı", None)]  # each (name, context) once, in order
    assert a.window == 5
    assert a.places["a"].id == a.places["c"].id == "wof:1310442495"
    assert a.places["b"] is None and a.resolutions["b"].status == "ambiguous"
    assert a.keys["a"] == a.keys["c"] != a.keys["b"]
    assert a.resolutions["a"] is a.resolutions["c"]


def test_a_claim_about_no_place_is_refused_naming_why(gaz, tmp_path):
    # A library caller may make claims of its own; a blank place is no name to look up.
    from gazetteer.errors import InputError
    from mapper.ledger import Ledger

    led = read_ledger(write_rows(tmp_path, [az("a", "2020-10-20", "captured")]))
    with pytest.raises(InputError, match="empty place name"):
        analyse(Ledger(path="x", claims=[c._replace(place="  ") for c in led.claims]), gaz)

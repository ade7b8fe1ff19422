"""The page data's helpers (mapper.payload), rule by rule, with known answers.

Written for the mutation run (benchmarks/mutation.py render) when the payload
was built in mapper/render.py; the payload's own shape is tested in
tests/test_payload.py."""

import datetime as dt
import json

import pytest

from mapper.analysis import analyse
from mapper.ledger import Event, read_ledger
from mapper.payload import _boundaries_near, _safe_url, _side_colors, build_payload, claim_rows
from mapper.render import script_json

HEADER = "id,date,place,near,claimant,side,claim,status,source,url,quote,notes,lat,lon\n"
HADRUT = "wof:1125938249"
ROWS = [
    "a,2020-10-09,Hadrut,,Aliyev,Azerbaijan,captured,published,MoD,https://mod.gov.az/1,q1,,,",
    "b,2020-10-10T08:00+04:00,Гадрут,,Artsakh Defense Army,Artsakh,denies,reposted,MoD,javascript:alert(1),,n1,,",
    "c,2020-10-20,Zangilan district,,Aliyev,Azerbaijan,captured,published,,http://x.az/a b,,,,",
    "d,2020-10-26,Mincivan,,Aliyev,Azerbaijan,captured,published,,,,,,",
    "e,2020-10-27,Xyzzyville,,Aliyev,Azerbaijan,attacked,deleted,,,,,,",
    "f,2020-10-28,Zangilan district,,Aliyev,Azerbaijan,holds,published,,,,,39.1,46.6",
]


@pytest.fixture(scope="module")
def analysed(tmp_path_factory, gaz):
    path = tmp_path_factory.mktemp("payload") / "l.csv"
    path.write_text(HEADER + "\n".join(ROWS) + "\n", encoding="utf-8")
    return analyse(read_ledger(path), gaz)


@pytest.fixture
def made(analysed, gaz):
    # The payload is built in each test, so that each test checks build_payload itself.
    analysis = analysed
    events = [Event("Truce", dt.date(2020, 10, 18), None), Event("Ceasefire", dt.date(2020, 10, 10),
                                                                  dt.date(2020, 10, 11), "n")]
    payload = build_payload(analysis, gaz, title="War <2020>", as_of=None, events=events)
    return analysis, payload


def claim(payload, cid):
    return next(c for c in claim_rows(payload) if c["id"] == cid)




def test_repeated_strings_are_stored_once(made):
    _, p = made
    assert len(p["strings"]) == len(set(p["strings"]))
    assert p["strings"].count("Aliyev") == 1 and p["strings"].count("MoD") == 1












def test_known_sides_first_then_the_rest_alphabetically_with_their_own_colours():
    sides = ["Armenia", "Azerbaijan", "Artsakh"] + [f"Side {i}" for i in range(8)]
    assert [s["color"] for s in _side_colors(sides)] == [
        "#d62728", "#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
        "#17becf", "#444444"]
    assert [s["name"] for s in _side_colors(sides)] == sides


def test_side_order_in_the_payload(tmp_path, gaz):
    path = tmp_path / "s.csv"
    path.write_text("id,date,place,claimant,side,claim\n"
                    "a,2020-10-01,Hadrut,X,Zeta,holds\nb,2020-10-01,Hadrut,Y,Alpha,holds\n"
                    "c,2020-10-01,Hadrut,Z,Azerbaijan,holds\nd,2020-10-01,Hadrut,W,Armenia,holds\n",
                    encoding="utf-8")
    p = build_payload(analyse(read_ledger(path), gaz), gaz, title="t", as_of=None, events=[])
    assert [s["name"] for s in p["sides"]] == ["Armenia", "Azerbaijan", "Alpha", "Zeta"]
    assert [claim(p, c)["s"] for c in "abcd"] == [3, 2, 1, 0]


def test_a_ledger_with_no_place_found_has_no_bounds(tmp_path, gaz):
    path = tmp_path / "n.csv"
    path.write_text("id,date,place,claimant,side,claim\na,2020-10-01,Xyzzyville,X,Zeta,holds\n", encoding="utf-8")
    p = build_payload(analyse(read_ledger(path), gaz), gaz, title="t", as_of=None, events=[])
    assert p["bounds"] is None and p["boundaries"]["features"] == [] and p["places"] == []
    assert p["unmapped"] == 1 and p["asOf"] == "2020-10-01"


@pytest.mark.parametrize("url,safe", [
    ("https://x.az/a?b=1", True), ("HTTP://X.AZ", True), ("http://x.az/a b", False), ("javascript:alert(1)", False),
    ("ftp://x.az", False), (" https://x.az", False), ("https://", False), ("", False), (None, False),
    ("data:text/html,https://x", False),
])
def test_only_web_links_are_links(url, safe):
    assert _safe_url(url) == (url if safe else None)


def test_script_json_cannot_end_the_script_and_is_sorted_and_compact():
    text = script_json({"b": "</script><!-- & \u2028 \u2029", "a": [1, 2]})
    assert text == ('{"a":[1,2],"b":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028 \\u2029"}')
    assert json.loads(text) == {"a": [1, 2], "b": "</script><!-- & \u2028 \u2029"}
    assert script_json("Гадрут") == '"Гадрут"'


def test_boundaries_near_take_units_touching_the_box_and_its_margin(gaz):
    hadrut = gaz.get(HADRUT)
    box = [[hadrut.lat, hadrut.lon], [hadrut.lat, hadrut.lon]]
    near = _boundaries_near(gaz, box)
    wider = _boundaries_near(gaz, box, margin=1.0)
    none = _boundaries_near(gaz, [[10.0, 10.0], [10.0, 10.0]])
    assert 0 < len(near) < len(wider) and none == []
    assert all(f == {"type": "Feature", "properties": {}, "geometry": f["geometry"]} for f in near)
    from shapely.geometry import box as make_box, shape
    area = make_box(hadrut.lon - 0.4, hadrut.lat - 0.4, hadrut.lon + 0.4, hadrut.lat + 0.4)
    expected = [f["geometry"] for f in gaz.boundaries["features"]
                if f["properties"]["kind"] in ("district", "province")
                and make_box(*shape(f["geometry"]).bounds).intersects(area)]
    assert [f["geometry"] for f in near] == expected
    # Countries and regions are never drawn as boundaries.
    kinds = {f["properties"]["kind"] for f in gaz.boundaries["features"]}
    assert {"country"} <= kinds



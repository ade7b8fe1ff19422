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




# --- Each field as the page receives it, from the six-claim ledger above (known answers). ---

ZANGILAN = "Kashatag › East Zangezur economic region › Kalbajar-Lachin economic region"


def test_each_claim_field_by_column(made):
    _, p = made
    assert p["claims"] == {
        "id": ["a", "b", "c", "d", "e", "f"],
        "d": [0, 1, 11, 17, 18, 19],  # 9, 10, 20, 26, 27 and 28 October, from the 9th
        "s": [1, 0, 1, 1, 1, 1],  # Artsakh, then Azerbaijan
        "c": [1, 2, 1, 1, 0, 3],  # attacked, captured, denies, holds
        "cl": [0, 6, 0, 0, 0, 0],
        "w": [1, 7, 10, 13, 15, 16],
        "st": [1, 2, 1, 1, 0, 1],  # deleted, published, reposted
        "f": [2, 2, 0, 0, 8, 0],  # contested is bit 1, retracted bit 3
        "p": [0, 0, 1, 2, None, 1],
        "in": [None, None, None, 2, None, None],  # Mincivan lies in claim c's Zangilan
        "q": [2, None, None, None, None, None],
        "src": [3, 3, None, None, None, None],
        "u": [4, None, None, None, None, None],  # javascript: and a URL with a space are no links
        "n": [None, 8, None, None, None, None],
        "as": [None, 9, 12, None, None, 12],  # written otherwise than the place's name
    }
    assert p["strings"] == [
        "Aliyev", "9 October 2020", "q1", "MoD", "https://mod.gov.az/1",
        "Xocavand › Hadrut › Karabakh economic region", "Artsakh Defense Army",
        "10 October 2020, 08:00 (UTC+4)", "n1", "Гадрут", "20 October 2020", ZANGILAN, "Zangilan district",
        "26 October 2020", "Zangilan › Kashatag › East Zangezur economic region", "27 October 2020",
        "28 October 2020"]


def test_each_claim_read_back_by_name(made):
    _, p = made
    s = p["strings"]
    rows = {r["id"]: r for r in claim_rows(p)}
    assert rows["a"] == {"id": "a", "d": 0, "s": 1, "c": "captured", "cl": 0, "w": 1, "st": "published",
                         "f": ["contested"], "p": 0, "q": 2, "src": 3, "u": 4}
    assert rows["e"] == {"id": "e", "d": 18, "s": 1, "c": "attacked", "cl": 0, "w": 15, "st": "deleted",
                         "f": ["retracted"]}
    b = rows["b"]
    assert (s[b["cl"]], s[b["w"]], s[b["n"]], s[b["as"]], s[b["src"]]) == (
        "Artsakh Defense Army", "10 October 2020, 08:00 (UTC+4)", "n1", "Гадрут", "MoD")
    assert "u" not in b and "q" not in b and "k" not in b and "un" not in b
    assert p["sides"][b["s"]]["name"] == "Artsakh" and p["days"][b["d"]] == "2020-10-10"
    assert rows["d"]["in"] == 2 and rows["d"]["p"] == 2 and "as" not in rows["d"]


def test_each_place_once_with_its_names_kind_point_hierarchy_and_area(made, gaz):
    _, p = made
    s = p["strings"]
    assert [{k: v for k, v in place.items() if k != "o"} for place in p["places"]] == [
        {"n": "Hadrut", "k": "settlement", "c": [39.52002, 47.0318], "h": 5},
        {"n": "Zangilan", "k": "district", "c": [39.05545, 46.64146], "h": 11, "g": 0},
        {"n": "Minjivan", "k": "settlement", "c": [39.03058, 46.7214], "h": 14}]
    assert [place["o"] for place in p["places"]] == [
        ["Հադրութ", "Гадрут"], ["Կովսական", "Zəngilan", "Зангеланский район"], ["Միջնավան", "Mincivan", "Миндживан"]]
    assert s[5] == "Xocavand › Hadrut › Karabakh economic region" and s[11] == ZANGILAN
    analysis, _ = made
    geometry = {f["id"]: f["geometry"] for f in gaz.boundaries["features"]}
    assert p["areas"] == [{"type": "Feature", "properties": {}, "geometry": geometry[analysis.places["c"].id]}]
    assert p["bounds"] == [[39.03058, 46.64146], [39.52002, 47.0318]]
    assert p["unmapped"] == 1 and p["canvas"] is False


def test_the_page_s_lists_days_and_events(made):
    _, p = made
    assert p["title"] == "War <2020>" and p["lang"] == "en"
    assert p["sides"] == [{"name": "Artsakh", "color": "#ff7f0e"}, {"name": "Azerbaijan", "color": "#1f77b4"}]
    assert p["claimants"] == [0, 6]  # Aliyev, Artsakh Defense Army: by name, case-blind
    assert p["kinds"] == ["attacked", "captured", "denies", "holds"]
    assert p["statuses"] == ["deleted", "published", "reposted"]
    assert p["flags"] == ["repeat", "contested", "corroborated", "retracted"] == p["flagHelp"]
    assert p["days"] == [f"2020-10-{d:02d}" for d in range(9, 29)]
    assert p["dayLabels"] == [f"{d} October 2020" for d in range(9, 29)]
    assert p["asOf"] == "2020-10-28"
    assert p["events"] == [{"name": "Truce", "start": "2020-10-18", "end": None},
                           {"name": "Ceasefire", "start": "2020-10-10", "end": "2020-10-11"}]
    assert p["attribution"] == "Places: Who's On First, GeoNames (CC BY 4.0)"
    assert p["ui"]["legend"] == "Legend"
    assert p["boundaries"]["type"] == "FeatureCollection" and p["boundaries"]["features"]


def test_the_control_layer_by_day_index_and_page_side(made):
    _, p = made
    assert p["control"]["names"] == ["Hadrut", "Minjivan", "Zangilan"]
    # Azerbaijan (page side 1) holds Hadrut from day 0, Minjivan and Zangilan from day 11 (20 October).
    assert p["control"]["diff"] == {"0": {"0": 1}, "11": {"1": 1, "2": 1}}
    assert len(p["control"]["shapes"]) == 3

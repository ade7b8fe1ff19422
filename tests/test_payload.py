"""The data the map page draws (mapper.render.build_payload), field by field, with
known answers. Written for the mutation run (benchmarks/mutation.py render)."""

import datetime as dt
import json

import pytest

from mapper.analysis import analyse
from mapper.ledger import Event, read_ledger
from mapper.render import SIDE_COLORS, _boundaries_near, _safe_url, _side_colors, build_payload, script_json

HEADER = "id,date,place,near,claimant,side,claim,status,source,url,quote,notes,lat,lon\n"
HADRUT, SANASAR, ZANGILAN_DISTRICT = "wof:1125938249", "wof:421169387", "wof:85668659"
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
    return next(c for c in payload["claims"] if c["id"] == cid)


def test_claims_are_compact_with_only_what_they_have(made, gaz):
    a, p = made
    s = p["strings"]
    assert [c["id"] for c in p["claims"]] == ["a", "b", "c", "d", "e", "f"]
    ca = claim(p, "a")
    assert ca == {"id": "a", "d": "2020-10-09", "s": 1, "c": "captured", "cl": ca["cl"], "p": ca["p"],
                  "src": ca["src"], "u": "https://mod.gov.az/1", "q": ca["q"], "f": ["contested"]}
    assert (s[ca["cl"]], s[ca["src"]], s[ca["q"]]) == ("Aliyev", "MoD", "q1")
    cb = claim(p, "b")
    # As written in another script, at a time of day, reposted, flagged, a source but no safe URL.
    assert s[cb["as"]] == "Гадрут" and cb["w"] == "2020-10-10T08:00+04:00" and cb["st"] == "reposted"
    assert cb["p"] == ca["p"] and s[cb["n"]] == "n1" and cb["src"] == ca["src"] and "u" not in cb
    assert cb["s"] == 0 and cb["f"] == ["contested"] and s[cb["cl"]] == "Artsakh Defense Army"
    assert "as" not in ca and "w" not in ca and "st" not in ca and "n" not in ca
    cc = claim(p, "c")
    assert "u" not in cc and "f" not in cc and "q" not in cc and "src" not in cc
    assert claim(p, "e")["st"] == "deleted" and claim(p, "e")["f"] == ["retracted"]
    assert claim(p, "d")["in"] == 2                 # index of claim c, the district claimed before
    assert "in" not in cc and "p" not in claim(p, "e")
    assert p["unmapped"] == 1


def test_repeated_strings_are_stored_once(made):
    _, p = made
    assert len(p["strings"]) == len(set(p["strings"]))
    assert p["strings"].count("Aliyev") == 1 and p["strings"].count("MoD") == 1


def test_places_once_with_names_parents_claims_and_areas(made, gaz):
    a, p = made
    hadrut = p["places"][claim(p, "a")["p"]]
    place = gaz.get(HADRUT)
    parents = [q.name for q in gaz.parents(place)]
    assert hadrut == {"n": place.name, "k": "settlement", "l": place.labels(),
                      "c": [round(place.lat, 5), round(place.lon, 5)], "h": " › ".join(parents[:3]), "t": [0, 1]}
    assert len(parents) > 3 and hadrut["h"].count(" › ") == 2
    district = p["places"][claim(p, "c")["p"]]
    assert district["k"] == "district" and district["t"] == [2]
    assert p["areas"][district["g"]]["geometry"] == next(
        f["geometry"] for f in gaz.boundaries["features"] if f["id"] == ZANGILAN_DISTRICT)
    assert p["areas"][district["g"]]["type"] == "Feature" and p["areas"][district["g"]]["properties"] == {}
    # The same district given as a point is a point: an entry of its own, with no area
    # (it used to share the district's entry and be drawn as the district's area).
    point = p["places"][claim(p, "f")["p"]]
    assert point["c"] == [39.1, 46.6] and "g" not in point and claim(p, "f")["p"] != claim(p, "c")["p"]
    assert point["n"] == district["n"] and point["t"] == [5]
    assert len(p["areas"]) == 1 and len(p["places"]) == 4


def test_a_point_claim_first_does_not_take_the_area_from_later_claims(tmp_path, gaz):
    path = tmp_path / "o.csv"
    path.write_text("id,date,place,claimant,side,claim,lat,lon\n"
                    "f,2020-10-01,Zangilan district,Aliyev,Azerbaijan,holds,39.1,46.6\n"
                    "c,2020-10-20,Zangilan district,Aliyev,Azerbaijan,captured,,\n"
                    "g,2020-10-21,Zangilan district,Aliyev,Azerbaijan,captured,,\n", encoding="utf-8")
    p = build_payload(analyse(read_ledger(path), gaz), gaz, title="t", as_of=None, events=[])
    point, district = p["places"][claim(p, "f")["p"]], p["places"][claim(p, "c")["p"]]
    assert point["c"] == [39.1, 46.6] and "g" not in point and point["t"] == [0]
    assert district["t"] == [1, 2] and p["areas"][district["g"]]["geometry"]["type"] in ("Polygon", "MultiPolygon")


def test_days_bounds_and_the_date_shown(made, gaz):
    _, p = made
    assert p["days"] == ["2020-10-09", "2020-10-10", "2020-10-20", "2020-10-26", "2020-10-27", "2020-10-28"]
    assert p["asOf"] == "2020-10-28"
    lats = [q["c"][0] for q in p["places"]]
    lons = [q["c"][1] for q in p["places"]]
    assert p["bounds"] == [[min(lats), min(lons)], [max(lats), max(lons)]]
    assert p["bounds"][0] != p["bounds"][1]


def test_as_of_is_a_day_of_its_own(gaz, made):
    a, _ = made
    p = build_payload(a, gaz, title="t", as_of=dt.date(2020, 11, 9), events=[])
    assert p["asOf"] == "2020-11-09" and p["days"][-1] == "2020-11-09" and len(p["days"]) == 7
    assert p["events"] == []


def test_everything_else_the_page_is_given(made):
    _, p = made
    assert p["title"] == "War <2020>"
    assert p["sides"] == [{"name": "Artsakh", "color": SIDE_COLORS["Artsakh"]},
                          {"name": "Azerbaijan", "color": SIDE_COLORS["Azerbaijan"]}]
    assert p["events"] == [{"name": "Truce", "start": "2020-10-18", "end": None},
                           {"name": "Ceasefire", "start": "2020-10-10", "end": "2020-10-11"}]
    assert p["flagHelp"] == [["repeat", "the side had already claimed this capture"],
                             ["contested", "another side denies it, holds or claims it within days"],
                             ["corroborated", "the other side admits withdrawing"],
                             ["retracted", "post deleted or claim retracted"]]
    assert p["attribution"] == "Places: Who's On First, GeoNames (CC BY 4.0)"
    assert p["credit"] == "Claims as reported by each side; a claim is not a fact."
    assert p["boundaries"]["type"] == "FeatureCollection" and p["boundaries"]["features"]


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


def test_a_point_not_in_the_gazetteer_has_no_parents_and_rounded_coordinates(tmp_path, gaz):
    path = tmp_path / "pt.csv"
    path.write_text("id,date,place,claimant,side,claim,lat,lon\n"
                    "a,2020-10-01,Xyzzy height,Aliyev,Azerbaijan,captured,39.1234567,46.7654321\n",
                    encoding="utf-8")
    p = build_payload(analyse(read_ledger(path), gaz), gaz, title="t", as_of=None, events=[])
    [entry] = p["places"]
    assert entry == {"n": "Xyzzy height", "k": "landmark", "l": {}, "c": [39.12346, 46.76543], "h": "", "t": [0]}
    assert "as" not in p["claims"][0] and p["unmapped"] == 0
    assert p["bounds"] == [[39.12346, 46.76543], [39.12346, 46.76543]]

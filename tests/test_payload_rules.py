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
        "p": [0, 0, 1, 2, None, 3],  # f gives its own point: an entry of its own
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
        {"n": "Minjivan", "k": "settlement", "c": [39.03058, 46.7214], "h": 14},
        {"n": "Zangilan", "k": "district", "c": [39.1, 46.6], "h": 11}]  # claim f's own point, not the area
    assert [place["o"] for place in p["places"]] == [
        ["Հադրութ", "Гадрут"], ["Կովսական", "Zəngilan", "Зангеланский район"], ["Միջնավան", "Mincivan", "Миндживан"],
        ["Կովսական", "Zəngilan", "Зангеланский район"]]
    assert s[5] == "Xocavand › Hadrut › Karabakh economic region" and s[11] == ZANGILAN
    analysis, _ = made
    geometry = {f["id"]: f["geometry"] for f in gaz.boundaries["features"]}
    assert p["areas"] == [{"type": "Feature", "properties": {}, "geometry": geometry[analysis.places["c"].id]}]
    assert p["bounds"] == [[39.03058, 46.6], [39.52002, 47.0318]]
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


# --- Rules with a ledger of their own. ---

def _build(tmp_path, gaz, rows, *, header="id,date,place,claimant,side,claim,status,lat,lon", **options):
    path = tmp_path / "l.csv"
    path.write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    analysis = analyse(read_ledger(path), gaz)
    options = {"title": "t", "as_of": None, "events": [], **options}
    return analysis, build_payload(analysis, gaz, **options)


def test_a_point_of_the_ledger_s_own_is_a_landmark_with_no_hierarchy(tmp_path, gaz):
    _, p = _build(tmp_path, gaz, ["a,2020-10-01,Xyzzyville,X,Zeta,holds,published,39.123456,46.654321"])
    assert p["places"] == [{"n": "Xyzzyville", "o": [], "k": "landmark", "c": [39.12346, 46.65432], "h": 2}]
    assert p["strings"][2] == "" and p["unmapped"] == 0
    assert "as" not in p["claims"]  # written as the place is named
    assert p["bounds"] == [[39.12346, 46.65432], [39.12346, 46.65432]]


def test_a_point_claim_first_does_not_take_the_area_from_later_claims(tmp_path, gaz):
    _, p = _build(tmp_path, gaz, ["a,2020-10-01,Zangilan district,X,Zeta,holds,published,39.1,46.6",
                                  "b,2020-10-02,Zangilan district,X,Zeta,holds,published,,",
                                  "c,2020-10-03,Zangilan district,X,Zeta,holds,published,39.1,46.6",
                                  "d,2020-10-04,Zangilan district,X,Zeta,holds,published,39.2,46.6"])
    # Each claim's own point is an entry of its own; the claim without one gets the district's area.
    assert p["claims"]["p"] == [0, 1, 0, 2]
    assert [place.get("g") for place in p["places"]] == [None, 0, None]
    assert [place["c"] for place in p["places"]] == [[39.1, 46.6], [39.05545, 46.64146], [39.2, 46.6]]
    assert len(p["areas"]) == 1


def test_a_district_without_its_own_point_is_its_area(tmp_path, gaz):
    analysis, p = _build(tmp_path, gaz, ["a,2020-10-01,Zangilan district,X,Zeta,holds,published,,"])
    geometry = {f["id"]: f["geometry"] for f in gaz.boundaries["features"]}
    assert p["places"][0]["g"] == 0 and "z" not in p["places"][0]
    assert p["areas"] == [{"type": "Feature", "properties": {}, "geometry": geometry[analysis.places["a"].id]}]


@pytest.mark.parametrize("name", ["Azerbaijan", "Nagorno-Karabakh"])
def test_countries_and_regions_go_to_the_panel_and_stretch_no_bounds(tmp_path, gaz, name):
    analysis, p = _build(tmp_path, gaz, [f"a,2020-10-01,{name},X,Zeta,holds,published,,",
                                         "b,2020-10-01,Hadrut,X,Zeta,holds,published,,"])
    assert analysis.places["a"].kind in ("country", "region")
    assert p["places"][0]["z"] == 1 and "g" not in p["places"][0] and "z" not in p["places"][1]
    hadrut = p["places"][1]["c"]
    assert p["bounds"] == [hadrut, hadrut]


def test_only_panel_places_give_no_bounds_and_no_boundaries(tmp_path, gaz):
    _, p = _build(tmp_path, gaz, ["a,2020-10-01,Azerbaijan,X,Zeta,holds,published,,"])
    assert p["bounds"] is None and p["boundaries"] == {"type": "FeatureCollection", "features": []}
    assert p["canvas"] is False


def test_as_of_extends_the_days_either_way_and_is_the_last_day_otherwise(tmp_path, gaz):
    rows = ["a,2020-10-02,Hadrut,X,Zeta,holds,published,,", "b,2020-10-04,Hadrut,X,Zeta,holds,published,,"]
    _, p = _build(tmp_path, gaz, rows)
    assert p["days"] == ["2020-10-02", "2020-10-03", "2020-10-04"] and p["asOf"] == "2020-10-04"
    _, p = _build(tmp_path, gaz, rows, as_of=dt.date(2020, 10, 6))
    assert p["days"][-1] == "2020-10-06" and len(p["days"]) == 5 and p["asOf"] == "2020-10-06"
    _, p = _build(tmp_path, gaz, rows, as_of=dt.date(2020, 9, 30))
    assert p["days"][0] == "2020-09-30" and len(p["days"]) == 5 and p["asOf"] == "2020-09-30"
    assert p["claims"]["d"] == [2, 4]


@pytest.mark.parametrize("span,calendar", [(1499, True), (1500, False)])
def test_one_stop_per_calendar_day_below_max_calendar_days_else_per_claim_day(tmp_path, gaz, span, calendar):
    last = dt.date(2016, 1, 1) + dt.timedelta(days=span)
    _, p = _build(tmp_path, gaz, ["a,2016-01-01,Hadrut,X,Zeta,holds,published,,",
                                  f"b,{last.isoformat()},Hadrut,X,Zeta,holds,published,,"], control=False)
    assert len(p["days"]) == (span + 1 if calendar else 2)
    assert p["days"][0] == "2016-01-01" and p["days"][-1] == last.isoformat()
    assert p["claims"]["d"] == [0, len(p["days"]) - 1]


def test_control_changes_on_a_day_without_a_stop_show_at_the_next_stop(tmp_path, gaz):
    import mapper.payload as module

    rows = ["a,2020-10-01,Hadrut,X,Azerbaijan,captured,published,,",
            "b,2020-10-03,Hadrut,Y,Armenia,captured,published,,",
            "c,2020-10-05,Talish,Y,Armenia,attacked,published,,"]
    _, calendar = _build(tmp_path, gaz, rows)
    assert calendar["control"]["names"] == ["Hadrut"]
    # Azerbaijan's (page side 1), then contested (-1, passed as it is): two sides within days.
    assert calendar["control"]["diff"] == {"0": {"0": 1}, "2": {"0": -1}}
    diff = module._control  # the same, through a slider with a stop only on 2 and 5 October
    analysis = analyse(read_ledger(tmp_path / "l.csv"), gaz)
    days = [dt.date(2020, 10, 2), dt.date(2020, 10, 5)]
    got = diff(analysis, gaz, {"Armenia": 0, "Azerbaijan": 1}, {d: i for i, d in enumerate(days)}, days, "en")
    assert got["diff"] == {"0": {"0": 1}, "1": {"0": -1}}
    days = [dt.date(2020, 9, 1), dt.date(2020, 10, 2)]  # a change after the last stop shows at the last
    got = diff(analysis, gaz, {"Armenia": 0, "Azerbaijan": 1}, {d: i for i, d in enumerate(days)}, days, "en")
    assert got["diff"] == {"1": {"0": -1}}


def test_no_control_layer_without_a_controlling_claim_or_when_asked(tmp_path, gaz):
    _, p = _build(tmp_path, gaz, ["a,2020-10-01,Hadrut,X,Zeta,attacked,published,,"])
    assert p["control"] is None
    _, p = _build(tmp_path, gaz, ["a,2020-10-01,Hadrut,X,Zeta,captured,published,,"], control=False)
    assert p["control"] is None


def test_control_names_in_the_page_s_language(tmp_path, gaz):
    _, p = _build(tmp_path, gaz, ["a,2020-10-01,Hadrut,X,Azerbaijan,captured,published,,"], lang="ru")
    assert p["control"]["names"] == ["Гадрут"] and p["places"][0]["n"] == "Гадрут"


@pytest.mark.parametrize("value,lang,text", [
    (None, "en", None), ("", "en", None), (0, "en", "0"), (1234.5, "en", "1,234.5"), (1234.5, "ru", "1\xa0234,5"),
    (1234, "en", "1,234"), ("abc", "en", "abc"), ([1], "en", "[1]"),
])
def test_counts_formatted_per_language_and_kept_as_written_when_not_numbers(value, lang, text):
    from mapper.payload import _count

    assert _count(value, lang) == text


def test_strings_are_stored_once_in_the_order_claims_first_use_them_and_none_is_no_index(tmp_path, gaz):
    # Claim by claim: claimant, date, quote, source, link, notes, unit, the
    # parents of a place it is the first to name, the place as written.
    _, p = _build(tmp_path, gaz, [
        "a,2020-10-01,Hadrut,Q,Zeta,captured,published,S1,https://x.org/1,quote A,note,killed,3",
        "b,2020-10-02,Гадрут,P,Zeta,holds,published,S2,javascript:x,quote A,,,",
        "c,2020-10-02,Nowhere-ville,Q,Zeta,holds,published,S1,,,,,",
    ], header="id,date,place,claimant,side,claim,status,source,url,quote,notes,unit,count")
    head = p["strings"][7]
    assert head.startswith("Xocavand › ") and p["places"][0]["h"] == 7
    assert p["strings"] == ["Q", "1 October 2020", "quote A", "S1", "https://x.org/1", "note", "killed", head,
                            "P", "2 October 2020", "S2", "Гадрут"]
    claims = p["claims"]
    assert claims["cl"] == [0, 8, 0] and claims["w"] == [1, 9, 9] and claims["q"] == [2, 2, None]
    assert claims["src"] == [3, 10, 3] and claims["u"] == [4, None, None] and claims["n"] == [5, None, None]
    assert claims["un"] == [6, None, None] and claims["as"] == [None, 11, None] and claims["p"] == [0, 0, None]
    assert claims["k"] == ["3", None, None] and p["unmapped"] == 1


def _square(kind, west, south, east, north):
    ring = [[west, south], [east, south], [east, north], [west, north], [west, south]]
    return {"id": f"{kind}:{west},{south}", "properties": {"kind": kind},
            "geometry": {"type": "Polygon", "coordinates": [ring]}}


@pytest.mark.parametrize("square,near", [
    # The claims' box is 40..41 N, 45..46 E; with the 0.5 margin, 39.5..41.5 N, 44.5..46.5 E.
    (("district", 46.5, 40, 47, 41), True), (("district", 46.75, 40, 47, 41), False),  # east edge
    (("district", 44, 40, 44.5, 41), True), (("district", 44, 40, 44.25, 41), False),  # west edge
    (("province", 45, 41.5, 46, 42), True), (("province", 45, 41.75, 46, 42), False),  # north edge
    (("province", 45, 39, 46, 39.5), True), (("province", 45, 39, 46, 39.25), False),  # south edge
    (("country", 45, 40, 46, 41), False), (("region", 45, 40, 46, 41), False),  # never drawn
    (("district", 30, 30, 60, 60), True),  # holds the whole box
])
def test_boundaries_near_the_claims_bounds_and_their_margin_exactly(square, near):
    import types

    feature = _square(*square)
    gaz = types.SimpleNamespace(boundaries={"features": [feature]})
    got = _boundaries_near(gaz, [[40.0, 45.0], [41.0, 46.0]], margin=0.5)
    assert got == ([{"type": "Feature", "properties": {}, "geometry": feature["geometry"]}] if near else [])


def test_district_bounds_are_computed_once_per_gazetteer_and_again_for_new_boundaries(monkeypatch):
    import mapper.payload as payload

    class Gaz:  # weakly referable, as a Gazetteer is
        boundaries = {"features": [_square("district", 45, 40, 46, 41), _square("country", 45, 40, 46, 41)]}

    made = []
    real_bounds = payload._bounds
    monkeypatch.setattr(payload, "_bounds", lambda geometry: made.append(geometry) or real_bounds(geometry))
    gaz = Gaz()
    for _ in range(3):
        assert len(_boundaries_near(gaz, [[40.0, 45.0], [41.0, 46.0]])) == 1
    assert len(made) == 1  # the district's bounds, once; the country is never drawn
    gaz.boundaries = {"features": [_square("district", 50, 50, 51, 51)]}
    assert _boundaries_near(gaz, [[40.0, 45.0], [41.0, 46.0]]) == []  # not the old boundaries' answer
    assert len(made) == 2
    assert len(_boundaries_near(Gaz(), [[40.0, 45.0], [41.0, 46.0]])) == 1 and len(made) == 3


def test_bounds_are_shapely_s_for_every_boundary_and_geometry_type(gaz):
    from shapely.geometry import shape

    from mapper.payload import _bounds

    geometries = [f["geometry"] for f in gaz.boundaries["features"]] + [
        {"type": "Point", "coordinates": [46.5, 39.5]},
        {"type": "MultiPoint", "coordinates": [[46.5, 39.5], [45, 41]]},
        {"type": "MultiLineString", "coordinates": [[[1, 2], [3, -4]], [[-5, 6], [0, 0]]]},
        {"type": "MultiPolygon", "coordinates": [_square("district", 45, 40, 46, 41)["geometry"]["coordinates"],
                                                 _square("district", 47, 38, 48, 39)["geometry"]["coordinates"]]},
    ]
    assert {g["type"] for g in geometries} >= {"Polygon", "MultiPolygon", "LineString", "Point"}
    for geometry in geometries:
        assert _bounds(geometry) == shape(geometry).bounds


def test_the_default_margin_is_four_tenths_of_a_degree():
    import types

    inside, outside = _square("district", 46.375, 40, 47, 41), _square("district", 46.4375, 40, 47, 41)
    gaz = types.SimpleNamespace(boundaries={"features": [inside, outside]})
    assert [f["geometry"] for f in _boundaries_near(gaz, [[40.0, 45.0], [41.0, 46.0]])] == [inside["geometry"]]


def test_a_province_without_its_own_point_is_its_area_too(tmp_path, gaz):
    _, p = _build(tmp_path, gaz, ["a,2020-10-01,Syunik Province,X,Zeta,holds,published,,"])
    geometry = {f["id"]: f["geometry"] for f in gaz.boundaries["features"]}
    assert p["places"][0]["k"] == "province" and p["places"][0]["g"] == 0
    assert p["areas"] == [{"type": "Feature", "properties": {}, "geometry": geometry["wof:85668119"]}]


@pytest.mark.parametrize("points,canvas", [(200, False), (201, True)])
def test_past_two_hundred_point_places_the_markers_go_on_a_canvas(tmp_path, gaz, points, canvas):
    rows = [f"p{i},2020-10-01,Spot {i},X,Zeta,holds,published,39.{i:03d},46.5" for i in range(points)]
    # Areas and panel places are not markers: they never count.
    rows += ["z1,2020-10-01,Zangilan district,X,Zeta,holds,published,,", "z2,2020-10-01,Azerbaijan,X,Zeta,holds,published,,"]
    _, p = _build(tmp_path, gaz, rows, control=False)
    assert sum(1 for place in p["places"] if place["k"] == "landmark") == points
    assert p["canvas"] is canvas


def test_claimants_listed_by_name_whatever_their_case(tmp_path, gaz):
    _, p = _build(tmp_path, gaz, ["a,2020-10-01,Hadrut,beta,Zeta,holds,published,,",
                                  "b,2020-10-01,Hadrut,Alpha,Zeta,holds,published,,",
                                  "c,2020-10-01,Hadrut,Gamma,Zeta,holds,published,,",
                                  "d,2020-10-01,Hadrut,alpha,Zeta,holds,published,,"])
    assert [p["strings"][i] for i in p["claimants"]] in (["Alpha", "alpha", "beta", "Gamma"],
                                                         ["alpha", "Alpha", "beta", "Gamma"])
    assert len(p["claimants"]) == 4


def test_each_flag_is_one_bit_once_whatever_the_analysis_repeats(made, gaz):
    import types

    analysis, _ = made
    fake = types.SimpleNamespace(claims=analysis.claims[:1], places=analysis.places, ledger=analysis.ledger,
                                 inside_claimed={}, flags={"a": ["retracted", "contested", "retracted", "repeat"]})
    p = build_payload(fake, gaz, title="", as_of=None, events=[], control=False)
    assert p["claims"]["f"] == [1 + 2 + 8] and claim_rows(p)[0]["f"] == ["repeat", "contested", "retracted"]


def test_unmapped_counts_every_claim_without_a_place(tmp_path, gaz):
    _, p = _build(tmp_path, gaz, ["a,2020-10-01,Xyzzyville,X,Zeta,holds,published,,",
                                  "b,2020-10-01,Hadrut,X,Zeta,holds,published,,",
                                  "c,2020-10-02,Plughtown,X,Zeta,holds,published,,"])
    assert p["unmapped"] == 2 and p["claims"]["p"] == [None, 0, None]


def test_a_claim_at_the_place_s_own_coordinates_is_still_a_point_of_its_own(tmp_path, gaz):
    analysis, _ = _build(tmp_path, gaz, ["a,2020-10-01,Zangilan district,X,Zeta,holds,published,,"])
    place = analysis.places["a"]
    _, p = _build(tmp_path, gaz, ["a,2020-10-01,Zangilan district,X,Zeta,holds,published,,",
                                  f"b,2020-10-02,Zangilan district,X,Zeta,holds,published,{place.lat!r},{place.lon!r}"])
    # The first claim is drawn as the area; the second gave coordinates, so it is a point, though the same.
    assert p["claims"]["p"] == [0, 1] and p["places"][0]["g"] == 0 and "g" not in p["places"][1]


@pytest.mark.parametrize("dropped", ["count", "unit", "both"])
def test_claims_of_ones_own_without_count_or_unit_still_build(tmp_path, gaz, dropped):
    # Claims made by a caller's own code before claims had counts and units
    # (a named tuple without one field or both) are read by attribute, the
    # field they do have kept; tuple's own count() method is no count (it
    # reached the page as "<built-in method count ...>").
    from collections import namedtuple

    analysis, whole = _build(tmp_path, gaz, [
        "a,2020-10-01,Hadrut,Q,Zeta,captured,published,killed,3",
        "b,2020-10-02,Hadrut,P,Zeta,holds,published,,",
    ], header="id,date,place,claimant,side,claim,status,unit,count")
    gone = {"count", "unit"} if dropped == "both" else {dropped}
    fields = [f for f in analysis.claims[0]._fields if f not in gone]
    Older = namedtuple("Older", fields)
    analysis.ordered = [Older(*(getattr(c, f) for f in fields)) for c in analysis.claims]
    p = build_payload(analysis, gaz, title="t", as_of=None, events=[])
    claims = p["claims"]
    want_k = [None, None] if "count" in gone else whole["claims"]["k"]
    assert claims.get("k", [None, None]) == want_k and whole["claims"]["k"] == ["3", None]
    if "unit" in gone:
        assert claims.get("un", [None, None]) == [None, None]
        assert "killed" not in p["strings"]
    else:
        assert p["strings"][claims["un"][0]] == "killed" and claims["un"][1] is None

"""Claimed control by date: which ground each side claims, as areas."""

import datetime as dt
import json

import pytest
import shapely
from shapely.geometry import Point, shape

from mapper.analysis import analyse
from mapper.control import CONTESTED, _areas, claimed_control
from mapper.ledger import read_ledger

HEADER = "id,date,place,near,claimant,side,claim,status\n"
HADRUT = "wof:1125938249"
KHOJAVEND_DISTRICT = "wof:85668611"
ZANGILAN_DISTRICT = "wof:85668659"


@pytest.fixture(autouse=True)
def fresh_areas():
    # Areas are cached per gazetteer; each test computes its own so that it
    # checks the cells and units itself, not the ones an earlier test left.
    _areas.cache_clear()
    yield


def layer(tmp_path, gaz, rows, **kw):
    path = tmp_path / "l.csv"
    path.write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    analysis = analyse(read_ledger(path), gaz)
    return analysis, claimed_control(analysis, gaz, **kw)


def D(day):
    return dt.date(2020, 10, day)


def test_a_settlement_claim_shades_its_cell_in_its_district(tmp_path, gaz):
    _, c = layer(tmp_path, gaz, ["a,2020-10-09,Hadrut,,Aliyev,Azerbaijan,captured,published"])
    assert c.place_ids == [HADRUT]
    hadrut = gaz.get(HADRUT)
    cell = c.geometries[0]
    assert cell.buffer(0.003).contains(Point(hadrut.lon, hadrut.lat))
    district = next(shape(f["geometry"]) for f in gaz.boundaries["features"] if f["id"] == KHOJAVEND_DISTRICT)
    assert district.buffer(0.01).contains(cell)
    # A village's cell, not the district.
    assert cell.area < district.area / 10
    assert c.on(D(8)) == {} and c.on(D(9)) == {0: c.sides.index("Azerbaijan")}


def test_withdrawal_clears_and_the_other_side_takes_over(tmp_path, gaz):
    _, c = layer(tmp_path, gaz, [
        "a,2020-10-01,Hadrut,,Artsakh Defense Army,Artsakh,holds,published",
        "b,2020-10-09,Hadrut,,Artsakh Defense Army,Artsakh,withdrew,published",
        "c,2020-10-20,Hadrut,,Aliyev,Azerbaijan,captured,published",
    ])
    art, aze = c.sides.index("Artsakh"), c.sides.index("Azerbaijan")
    assert c.states[0] == [(D(1), art), (D(9), None), (D(20), aze)]
    assert c.on(D(10)) == {}


def test_rival_claims_within_the_window_are_contested_then_resolved(tmp_path, gaz):
    _, c = layer(tmp_path, gaz, [
        "a,2020-10-01,Hadrut,,Artsakh Defense Army,Artsakh,holds,published",
        "b,2020-10-04,Hadrut,,Aliyev,Azerbaijan,captured,published",   # 3 days: contested
        "c,2020-10-09,Hadrut,,Aliyev,Azerbaijan,captured,published",   # 8 days after a: Azerbaijan
    ])
    aze = c.sides.index("Azerbaijan")
    assert c.on(D(4)) == {0: CONTESTED}
    assert c.on(D(9)) == {0: aze}


def test_window_boundary(tmp_path, gaz):
    rows = ["a,2020-10-01,Hadrut,,Artsakh Defense Army,Artsakh,holds,published",
            "b,2020-10-05,Hadrut,,Aliyev,Azerbaijan,captured,published"]
    _, c = layer(tmp_path, gaz, rows)
    assert c.on(D(5)) == {0: c.sides.index("Azerbaijan")}      # 4 days > 3
    _, c = layer(tmp_path, gaz, rows, window=4)
    assert c.on(D(5)) == {0: CONTESTED}


def test_retracted_and_non_territorial_claims_do_not_shade(tmp_path, gaz):
    _, c = layer(tmp_path, gaz, [
        "a,2020-10-01,Hadrut,,Aliyev,Azerbaijan,captured,deleted",
        "b,2020-10-01,Hadrut,,Aliyev,Azerbaijan,attacked,published",
        "c,2020-10-01,Hadrut,,Aliyev,Azerbaijan,denies,published",
        "d,2020-10-01,Nagorno-Karabakh,,Aliyev,Azerbaijan,captured,published",
        "e,2020-10-01,Azerbaijan,,Aliyev,Azerbaijan,holds,published",
    ])
    assert c.place_ids == [] and c.on(D(30)) == {}


def test_a_district_claim_covers_the_unit_less_cells_with_claims_of_their_own(tmp_path, gaz):
    a, c = layer(tmp_path, gaz, [
        "a,2020-10-20,Zangilan district,,Aliyev,Azerbaijan,captured,published",
        "b,2020-10-18,Zangilan,,Artsakh Defense Army,Artsakh,holds,published",
    ])
    town = a.places["b"].id
    assert set(c.place_ids) == {town, ZANGILAN_DISTRICT}
    unit = c.geometries[c.place_ids.index(ZANGILAN_DISTRICT)]
    cell = c.geometries[c.place_ids.index(town)]
    assert unit.intersection(cell).area < 1e-5   # no overlap
    on = c.on(D(30))
    aze = c.sides.index("Azerbaijan")
    # The district claim is the newest word about the town too (2 days after: contested).
    assert on[c.place_ids.index(ZANGILAN_DISTRICT)] == aze
    assert on[c.place_ids.index(town)] == CONTESTED


def test_payload_ships_shapes_once_and_per_day_changes(tmp_path, gaz):
    _, c = layer(tmp_path, gaz, [
        "a,2020-10-01,Hadrut,,Artsakh Defense Army,Artsakh,holds,published",
        "b,2020-10-09,Hadrut,,Artsakh Defense Army,Artsakh,withdrew,published",
    ])
    p = c.payload([])
    assert len(p["shapes"]) == 1 and p["places"] == [HADRUT]
    assert p["diff"] == {"2020-10-01": {"0": c.sides.index("Artsakh")}, "2020-10-09": {"0": None}}


def test_dissolved_geojson_per_side_counter_clockwise(tmp_path, gaz):
    _, c = layer(tmp_path, gaz, [
        "a,2020-10-09,Hadrut,,Aliyev,Azerbaijan,captured,published",
        "b,2020-10-20,Zangilan district,,Aliyev,Azerbaijan,captured,published",
        "c,2020-10-09,Shusha,,Artsakh Defense Army,Artsakh,holds,published",
    ])
    fc = c.dissolved(D(25))
    by_side = {f["properties"]["side"]: f for f in fc["features"]}
    assert set(by_side) == {"Azerbaijan", "Artsakh"}
    assert all(f["properties"]["status"] == "claimed" for f in fc["features"])
    for f in fc["features"]:
        geom = shape(f["geometry"])
        polys = geom.geoms if geom.geom_type == "MultiPolygon" else [geom]
        assert all(shapely.is_ccw(p.exterior) for p in polys)
    assert json.dumps(c.dissolved(D(25))) == json.dumps(fc)   # deterministic
    assert c.dissolved(D(8))["features"] == []


# --- Each rule on its own, as the mutation run (benchmarks/mutation.py control) asks for them. ---

SHUSHA_TOWN = "wof:421174129"
SHUSHA_CITY_UNIT = "wof:85668711"   # a unit holding one settlement: its cell is the whole unit
ARARAT_TOWN, DAVALU, ARARAT_PROVINCE = "wof:421205495", "wof:1293500353", "wof:85668099"


def unit_shape(gaz, uid):
    return next(shape(f["geometry"]) for f in gaz.boundaries["features"] if f["id"] == uid)


def test_the_only_settlement_of_a_unit_gets_the_whole_unit(tmp_path, gaz):
    _, c = layer(tmp_path, gaz, ["a,2020-10-09,Shusha,,Aliyev,Azerbaijan,captured,published"])
    assert c.place_ids == [SHUSHA_TOWN]
    unit = unit_shape(gaz, SHUSHA_CITY_UNIT)
    assert abs(c.geometries[0].area - unit.area) < unit.area * 0.02
    # Simplified to about 200 m, no coarser.
    assert c.geometries[0].hausdorff_distance(unit) <= 0.0021


def test_settlements_at_one_point_share_its_cell(tmp_path, gaz):
    # Ararat town and the village of Davalu have one position in the data: a
    # claim about the town must still be drawn (it used to get no shape).
    _, c = layer(tmp_path, gaz, ["a,2020-10-01,Ararat,Ararat,Armenia MoD,Armenia,holds,published"])
    assert c.place_ids == [ARARAT_TOWN]
    town = gaz.get(ARARAT_TOWN)
    assert c.geometries[0].buffer(0.003).contains(Point(town.lon, town.lat))
    assert unit_shape(gaz, ARARAT_PROVINCE).buffer(0.01).contains(c.geometries[0])
    _, both = layer(tmp_path, gaz, ["a,2020-10-01,Ararat,Ararat,Armenia MoD,Armenia,holds,published",
                                    "b,2020-10-01,Davalu,,Armenia MoD,Armenia,holds,published"])
    assert both.place_ids == [DAVALU, ARARAT_TOWN]
    assert both.geometries[0].equals(both.geometries[1])


def test_places_with_no_area_are_not_drawn(tmp_path, gaz):
    _, c = layer(tmp_path, gaz, [
        "a,2020-10-01,Aregi,,Armenia MoD,Armenia,holds,published",        # in no unit with a polygon
        "b,2020-10-01,Xyzzyville,,Armenia MoD,Armenia,holds,published",   # not found
        "c,2020-10-01,Armenia,,Armenia MoD,Armenia,holds,published",      # a country
    ])
    assert c.place_ids == [] and c.states == [] and c.sides == ["Armenia"]


def test_cells_and_the_unit_claimed_as_a_whole_tile_the_unit(tmp_path, gaz):
    a, c = layer(tmp_path, gaz, [
        "z,2020-10-20,Zangilan district,,Aliyev,Azerbaijan,captured,published",
        "t,2020-10-18,Zangilan,,Artsakh Defense Army,Artsakh,holds,published",
        "m,2020-10-18,Mincivan,,Artsakh Defense Army,Artsakh,holds,published",
    ])
    town, village = a.places["t"].id, a.places["m"].id
    # Settlements first (by id), then units.
    assert c.place_ids == sorted([town, village]) + [ZANGILAN_DISTRICT]
    geoms = dict(zip(c.place_ids, c.geometries))
    # Shapes simplified one by one may overlap by a sliver, no more.
    for x, y in ((town, village), (town, ZANGILAN_DISTRICT), (village, ZANGILAN_DISTRICT)):
        assert geoms[x].intersection(geoms[y]).area < 1e-4
    district = unit_shape(gaz, ZANGILAN_DISTRICT)
    union = shapely.union_all(list(geoms.values()))
    assert abs(union.area - district.area) < district.area * 0.01
    assert geoms[town].area < district.area / 10 and geoms[village].area < district.area / 10
    assert 0 < geoms[ZANGILAN_DISTRICT].hausdorff_distance(district.difference(
        shapely.union_all([geoms[town], geoms[village]]))) <= 0.0021


def test_sides_are_sorted_and_states_are_their_indexes(tmp_path, gaz):
    _, c = layer(tmp_path, gaz, ["a,2020-10-01,Hadrut,,Aliyev,Azerbaijan,holds,published",
                                 "b,2020-10-20,Hadrut,,Armenia MoD,Armenia,captured,published",
                                 "c,2020-10-25,Hadrut,,Artsakh Defense Army,Artsakh,captured,published"])
    assert c.sides == ["Armenia", "Artsakh", "Azerbaijan"]
    assert c.states[0] == [(D(1), 2), (D(20), 0), (D(25), 1)]


def test_one_state_per_day_the_days_last_word(tmp_path, gaz):
    _, c = layer(tmp_path, gaz, [
        "a,2020-10-01,Hadrut,,Artsakh Defense Army,Artsakh,holds,published",
        "b,2020-10-05T08:00+00:00,Hadrut,,Aliyev,Azerbaijan,captured,published",
        "c,2020-10-05T09:00+00:00,Hadrut,,Aliyev,Azerbaijan,withdrew,published",
        "d,2020-10-12,Hadrut,,Artsakh Defense Army,Artsakh,holds,published",   # no change: not listed
    ])
    art = c.sides.index("Artsakh")
    assert c.states[0] == [(D(1), art)]
    assert c.on(D(5)) == {0: art}


def test_the_newest_claim_decides_at_the_same_hour_by_id(tmp_path, gaz):
    # Both on the 9th at noon: ordered by id, "b" is the newest and gives its side.
    _, c = layer(tmp_path, gaz, ["b,2020-10-01,Hadrut,,Artsakh Defense Army,Artsakh,holds,published",
                                 "a,2020-10-01,Hadrut,,Aliyev,Azerbaijan,captured,published",
                                 "c,2020-10-09,Hadrut,,Aliyev,Azerbaijan,captured,published"])
    assert c.states[0] == [(D(1), CONTESTED), (D(9), c.sides.index("Azerbaijan"))]


def test_window_counts_days_from_every_rival(tmp_path, gaz):
    # Azerbaijan's capture is 4 days after Armenia's but 2 after Artsakh's: contested.
    _, c = layer(tmp_path, gaz, ["a,2020-10-01,Hadrut,,Armenia MoD,Armenia,holds,published",
                                 "b,2020-10-03,Hadrut,,Artsakh Defense Army,Artsakh,holds,published",
                                 "c,2020-10-05,Hadrut,,Aliyev,Azerbaijan,captured,published"])
    assert c.on(D(5)) == {0: CONTESTED}
    assert c.on(D(3)) == {0: CONTESTED} and c.on(D(2)) == {0: c.sides.index("Armenia")}


def test_dissolved_features_say_who_claims_what_and_when(tmp_path, gaz):
    _, c = layer(tmp_path, gaz, [
        "a,2020-10-09,Hadrut,,Aliyev,Azerbaijan,captured,published",
        "b,2020-10-09,Shusha,,Aliyev,Azerbaijan,captured,published",
        "c,2020-10-09,Shusha,,Artsakh Defense Army,Artsakh,holds,published",
    ])
    fc = c.dissolved(D(12))
    assert fc["type"] == "FeatureCollection"
    props = [f["properties"] for f in fc["features"]]
    # Contested first (its state, -1, sorts before the sides' indexes).
    assert props == [
        {"side": None, "status": "contested", "label": "contested", "as_of": "2020-10-12"},
        {"side": "Azerbaijan", "status": "claimed", "label": "claimed by Azerbaijan", "as_of": "2020-10-12"},
    ]
    assert all(f["type"] == "Feature" for f in fc["features"])
    contested = shape(fc["features"][0]["geometry"])
    assert contested.buffer(0.003).contains(Point(gaz.get(SHUSHA_TOWN).lon, gaz.get(SHUSHA_TOWN).lat))
    assert abs(contested.area - c.geometries[c.place_ids.index(SHUSHA_TOWN)].area) < 1e-6
    assert shapely.is_ccw(shape(fc["features"][1]["geometry"]).exterior)


def _positions(value):
    if isinstance(value[0], (int, float)):
        yield value
    else:
        for v in value:
            yield from _positions(v)


def test_shapes_are_rounded_to_four_decimals(tmp_path, gaz):
    _, c = layer(tmp_path, gaz, ["a,2020-10-09,Hadrut,,Aliyev,Azerbaijan,captured,published"])
    shapes = c.payload([])["shapes"] + [f["geometry"] for f in c.dissolved(D(9))["features"]]
    assert [s["type"] for s in shapes] == ["Polygon", "Polygon"]
    coords = [x for s in shapes for pos in _positions(s["coordinates"]) for x in pos]
    assert len(coords) > 20 and all(x == round(x, 4) for x in coords)
    assert any(x != round(x, 3) for x in coords)
    raw = [x for pos in _positions(json.loads(json.dumps(shapely.geometry.mapping(c.geometries[0])))["coordinates"])
           for x in pos]
    assert coords[:len(raw)] == [round(x, 4) for x in raw]


def test_claims_about_a_country_or_region_shade_nothing_inside_it(tmp_path, gaz):
    # Too coarse to draw as ground: they neither colour the land nor contest
    # a settlement's own claims, and the claims after them still count.
    _, c = layer(tmp_path, gaz, [
        "a,2020-10-01,Azerbaijan,,Aliyev,Azerbaijan,holds,published",
        "b,2020-10-01,Nagorno-Karabakh,,Aliyev,Azerbaijan,captured,published",
        "c,2020-10-02,Hadrut,,Artsakh Defense Army,Artsakh,holds,published",
    ])
    assert c.place_ids == [HADRUT]
    assert c.states[0] == [(D(2), c.sides.index("Artsakh"))]


def test_a_place_with_no_cell_does_not_stop_the_others(tmp_path, gaz):
    # Aregi lies in no unit with a polygon; Sanasar's id sorts after it.
    _, c = layer(tmp_path, gaz, ["a,2020-10-01,Aregi,,Armenia MoD,Armenia,holds,published",
                                 "b,2020-10-01,Sanasar,,Aliyev,Azerbaijan,captured,published"])
    assert c.place_ids == ["wof:421169387"]


SYUNIK = "wof:85668119"


def test_units_without_a_polygon_are_not_drawn_and_do_not_stop_the_rest(tmp_path, gaz):
    # Kashatagh (an Artsakh province) has no polygon; Hadrut's id sorts
    # before the district's, which must still be drawn after it.
    a, c = layer(tmp_path, gaz, ["k,2020-10-01,Kashatagh,,Aliyev,Azerbaijan,captured,published",
                                 "h,2020-10-01,Hadrut,,Aliyev,Azerbaijan,captured,published",
                                 "z,2020-10-01,Zangilan district,,Aliyev,Azerbaijan,captured,published"])
    assert a.places["k"].kind == "province"
    assert c.place_ids == [HADRUT, ZANGILAN_DISTRICT]


def test_a_unit_claimed_inside_another_is_cut_out_of_it(tmp_path, gaz, monkeypatch):
    # The bundled data nests no unit polygon in another, so a district is
    # made up inside Syunik: claimed by one side, Syunik by the other.
    from gazetteer import Place
    from mapper.analysis import Analysis
    from mapper.control import _Areas

    areas = _Areas(gaz)
    syunik = areas.units[SYUNIK]
    inner = syunik.centroid.buffer(0.1)
    assert syunik.contains(inner)
    areas.units["test:inner"] = inner
    monkeypatch.setattr("mapper.control._areas", lambda g: areas)
    province = gaz.get(SYUNIK)
    district = Place(id="test:inner", name="Inner", kind="district", lat=inner.centroid.y, lon=inner.centroid.x,
                     country="AM", parents=(SYUNIK, "wof:85632773"), names=(), sources={})
    base, _ = layer(tmp_path, gaz, ["p,2020-10-01,Syunik,,Armenia MoD,Armenia,holds,published",
                                    "d,2020-10-05,Syunik,,Aliyev,Azerbaijan,captured,published"])
    led = base.ledger
    places = {"p": province, "d": district}
    analysis = Analysis(ledger=led, resolutions=base.resolutions, places=places,
                        keys={"p": SYUNIK, "d": "test:inner"}, ordered=base.claims)
    c = claimed_control(analysis, gaz)
    assert c.place_ids == ["test:inner", SYUNIK]      # units by id
    cut, outer = c.geometries
    assert outer.intersection(cut).area < inner.area * 0.05 and abs(cut.area - inner.area) < inner.area * 0.05
    assert abs(outer.area - (syunik.area - inner.area)) < syunik.area * 0.01
    arm, aze = c.sides.index("Armenia"), c.sides.index("Azerbaijan")
    # The district's own claims and its province's: 4 days apart, the newest wins.
    assert c.states == [[(D(1), arm), (D(5), aze)], [(D(1), arm)]]


def test_a_unit_covered_by_its_one_settlement_is_not_drawn_and_later_units_are(tmp_path, gaz):
    # Ganja's city district holds one settlement, Ganja, whose cell is all of
    # it: claimed both ways, the unit has no ground left; Shirvan's district
    # (a later id) is still drawn.
    _, c = layer(tmp_path, gaz, ["a,2020-10-01,Ganja city district,,Aliyev,Azerbaijan,holds,published",
                                 "b,2020-10-01,Ganja,,Aliyev,Azerbaijan,holds,published",
                                 "c,2020-10-01,Shirvan district,,Aliyev,Azerbaijan,holds,published"])
    assert c.place_ids == ["wof:421168739", "wof:85668701"]


def test_both_settlements_of_a_two_settlement_unit_get_a_cell(tmp_path, gaz):
    _, c = layer(tmp_path, gaz, ["a,2020-10-01,Shirvan city,,Aliyev,Azerbaijan,holds,published",
                                 "b,2020-10-01,Hacı Qəhrəmanlı,,Aliyev,Azerbaijan,holds,published"])
    assert sorted(c.place_ids) == ["wof:1310326379", "wof:890433249"]
    one, two = c.geometries
    assert one.intersection(two).area < 1e-4 < min(one.area, two.area)


def test_a_first_word_that_claims_nothing_is_no_change(tmp_path, gaz):
    _, c = layer(tmp_path, gaz, ["a,2020-10-01,Hadrut,,Artsakh Defense Army,Artsakh,withdrew,published",
                                 "b,2020-10-05,Hadrut,,Aliyev,Azerbaijan,captured,published"])
    assert c.states[0] == [(D(5), c.sides.index("Azerbaijan"))]


def test_the_last_two_claims_on_one_day_make_one_state(tmp_path, gaz):
    _, c = layer(tmp_path, gaz, [
        "a,2020-10-01,Hadrut,,Artsakh Defense Army,Artsakh,holds,published",
        "b,2020-10-05T08:00+00:00,Hadrut,,Aliyev,Azerbaijan,captured,published",
        "c,2020-10-05T09:00+00:00,Hadrut,,Aliyev,Azerbaijan,withdrew,published",
    ])
    assert c.states[0] == [(D(1), c.sides.index("Artsakh"))]


def test_cells_clipped_together_are_the_cells_clipped_one_by_one(gaz):
    from mapper.control import _Areas

    one_by_one, together = _Areas(gaz), _Areas(gaz)
    places = [p for p in gaz if p.kind == "settlement" and one_by_one.unit_of(p) == "wof:85668083"][:40]
    places += [gaz.resolve("Hadrut").place, gaz.resolve("Shusha").place]
    assert len(places) > 20
    expected = [one_by_one.cell(p) for p in places]
    together.clip(places)
    assert together._clipped and all(together._clipped.values())  # made by clip, not by cell
    got = [together.cell(p) for p in places]
    assert [None if g is None else g.wkb for g in got] == [None if g is None else g.wkb for g in expected]
    assert sum(g is not None for g in got) > 20

"""Claimed control by date: which ground each side claims, as areas."""

import datetime as dt
import json

import shapely
from shapely.geometry import Point, shape

from mapper.analysis import analyse
from mapper.control import CONTESTED, claimed_control
from mapper.ledger import read_ledger

HEADER = "id,date,place,near,claimant,side,claim,status\n"
HADRUT = "wof:1125938249"
KHOJAVEND_DISTRICT = "wof:85668611"
ZANGILAN_DISTRICT = "wof:85668659"


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

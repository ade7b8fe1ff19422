"""Exports for GIS and spreadsheets, read back the way their users read them."""

import csv
import io
import json

import geopandas as gpd
import pandas as pd
import pytest
import shapely
from shapely.geometry import shape

from mapper.analysis import analyse
from mapper.exports import COLUMNS, claim_rows, claims_csv, claims_geojson, write_gpkg
from mapper.ledger import read_ledger

HEADER = "id,date,place,near,claimant,side,claim,status,quote\n"
ROWS = [
    "a,2020-10-21T01:30+04:00,Zangilan district,,Aliyev,Azerbaijan,captured,published,=HYPERLINK(\"http://x\")",
    "b,2020-10-22,Hadrut,,Artsakh Defense Army,Artsakh,denies,published,+cmd|' /C calc'!A0",
    "c,2020-10-22,Hadrut,,Aliyev,Azerbaijan,captured,published,-2+3",
    "d,2020-10-23,Nowhere-at-all-xyz,,Aliyev,Azerbaijan,attacked,deleted,@SUM(1)",
]


@pytest.fixture(scope="module")
def built(tmp_path_factory, gaz):
    tmp = tmp_path_factory.mktemp("exp")
    path = tmp / "l.csv"
    path.write_text(HEADER + "\n".join(ROWS) + "\n", encoding="utf-8")
    analysis = analyse(read_ledger(path), gaz)
    return tmp, analysis


def test_rows_split_local_day_and_utc_instant(built, gaz):
    _, a = built
    rows = {r["id"]: r for r in claim_rows(a, gaz)}
    # 01:30 at UTC+4 on the 21st is 21:30 UTC on the 20th: the day stays the source's.
    assert rows["a"]["day"] == "2020-10-21" and rows["a"]["datetime"] == "2020-10-20T21:30:00Z"
    assert rows["b"]["day"] == "2020-10-22" and rows["b"]["datetime"] is None
    assert rows["b"]["flags"] == "contested" and rows["b"]["flag_contested"] is True
    assert rows["c"]["flag_contested"] is True and rows["c"]["flag_repeat"] is False
    assert rows["d"]["flags"] == "retracted" and rows["d"]["place_id"] is None
    assert rows["a"]["geometry_kind"] == "area" and rows["c"]["geometry_kind"] == "point"
    assert list(rows["a"]) == list(COLUMNS)


def test_geojson_reads_in_geopandas_with_areas_as_polygons(built, gaz):
    tmp, a = built
    path = tmp / "claims.geojson"
    path.write_text(claims_geojson(a, gaz), encoding="utf-8")
    frame = gpd.read_file(path)
    by_id = frame.set_index("id")
    assert by_id.loc["a"].geometry.geom_type in ("Polygon", "MultiPolygon")
    assert by_id.loc["c"].geometry.geom_type == "Point"
    assert by_id.loc["d"].geometry is None
    assert str(by_id.loc["a", "day"])[:10] == "2020-10-21"
    assert bool(by_id.loc["c", "flag_contested"]) is True
    raw = json.loads(path.read_text(encoding="utf-8"))
    poly = shape(next(f for f in raw["features"] if f["id"] == "a")["geometry"])
    for p in (poly.geoms if poly.geom_type == "MultiPolygon" else [poly]):
        assert shapely.is_ccw(p.exterior)                 # RFC 7946
        assert all(not shapely.is_ccw(r) for r in p.interiors)


def test_csv_is_flat_and_formula_safe(built, gaz):
    _, a = built
    text = claims_csv(a, gaz)
    rows = list(csv.DictReader(io.StringIO(text)))
    quotes = {r["id"]: r["quote"] for r in rows}
    assert quotes["a"].startswith("'=") and quotes["b"].startswith("'+")
    assert quotes["c"] == "'-2+3" and quotes["d"] == "'@SUM(1)"
    frame = pd.read_csv(io.StringIO(text))
    assert {"lat", "lon", "day", "datetime"} <= set(frame.columns)
    assert frame.loc[frame["id"] == "c", "lat"].notna().all()
    assert rows[0]["flag_repeat"] in ("true", "false")
    semi = claims_csv(a, gaz, delimiter=";")
    assert semi.splitlines()[0] == ";".join(COLUMNS)


def test_gpkg_reads_back_and_is_byte_identical(built, gaz):
    tmp, a = built
    one, two = write_gpkg(a, gaz, tmp / "one.gpkg"), write_gpkg(a, gaz, tmp / "two.gpkg")
    assert one.read_bytes() == two.read_bytes()
    frame = gpd.read_file(one, layer="claims")
    assert len(frame) == 4 and frame.crs.to_epsg() == 4326
    assert set(frame.geom_type.dropna()) == {"Point", "Polygon"} or "MultiPolygon" in set(frame.geom_type.dropna())


def test_exports_are_deterministic(built, gaz):
    _, a = built
    assert claims_geojson(a, gaz) == claims_geojson(a, gaz)
    assert claims_csv(a, gaz) == claims_csv(a, gaz)

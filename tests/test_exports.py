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


# --- Every column and every branch, as the mutation run (benchmarks/mutation.py exports) asks. ---

import os  # noqa: E402

from mapper.exports import claims_csv as _csv, to_geodataframe  # noqa: E402

HADRUT = "wof:1125938249"
FULL_HEADER = "id,date,place,near,claimant,side,claim,status,source,url,quote,notes,lat,lon\n"
FULL = [
    "p,2020-10-02,Syunik,,Armenia MoD,Armenia,holds,reposted,MoD,https://mil.am/1,Гадрут «держим»,n1,,",
    "q,2020-10-03,Zangilan district,,Aliyev,Azerbaijan,captured,published,AZ,https://x.az/2,q2,n2,39.1234567,46.7654321",
    "r,2020-10-04,Hadrut,Khojavend,Aliyev,Azerbaijan,captured,published,,,,,,",
    "s,2020-10-05T10:15:30+04:00,Hadrut,,Aliyev,Azerbaijan,captured,published,,,,,,",
    "t,2020-10-06,Zangilan district,,Aliyev,Azerbaijan,captured,published,,,,,,",
    "u,2020-10-06,Zangilan,,Aliyev,Azerbaijan,captured,published,,,,,,",
    "v,2020-10-06,Zangilan district,,Artsakh Defense Army,Artsakh,denies,published,,,,,,",
    "x,2020-10-08,Xyzzyville,,Aliyev,Azerbaijan,attacked,published,,,,,,",
    "ж,2020-10-09,Hadrut,,Aliyev,Azerbaijan,captured,published,,,,,39.6,46.9",
]


@pytest.fixture(scope="module")
def full_analysis(tmp_path_factory, gaz):
    tmp = tmp_path_factory.mktemp("full")
    path = tmp / "f.csv"
    path.write_text(FULL_HEADER + "\n".join(FULL) + "\n", encoding="utf-8")
    return tmp, analyse(read_ledger(path), gaz)


@pytest.fixture
def full(full_analysis, gaz):
    # Rows made in each test, so that each test checks claim_rows itself.
    tmp, analysis = full_analysis
    return tmp, analysis, {r["id"]: r for r in claim_rows(analysis, gaz)}


def test_every_column_of_a_row(full, gaz):
    _, a, rows = full
    p = rows["p"]
    syunik = gaz.get("wof:85668119")
    assert p == {
        "id": "p", "date": "2020-10-02", "day": "2020-10-02", "datetime": None,
        "place": "Syunik", "near": None, "place_id": syunik.id, "place_name": syunik.name,
        "place_kind": "province", "lat": round(syunik.lat, 6), "lon": round(syunik.lon, 6),
        "geometry_kind": "area", "match_status": "resolved", "claimant": "Armenia MoD", "side": "Armenia",
        "claim": "holds", "status": "reposted", "flags": "",
        "flag_repeat": False, "flag_contested": False, "flag_corroborated": False, "flag_retracted": False,
        "inside_claimed": None, "count": None, "unit": None,
        "source": "MoD", "url": "https://mil.am/1", "quote": "Гадрут «держим»", "notes": "n1",
    }
    assert rows["r"]["near"] == "Khojavend" and rows["r"]["place_id"] == HADRUT
    assert rows["s"]["datetime"] == "2020-10-05T06:15:30Z" and rows["s"]["day"] == "2020-10-05"


def test_geometry_kind_and_coordinates(full, gaz):
    _, a, rows = full
    # A district with explicit coordinates is the point given, rounded to 6 decimals.
    assert rows["q"]["geometry_kind"] == "point"
    assert (rows["q"]["lat"], rows["q"]["lon"]) == (39.123457, 46.765432)
    assert rows["t"]["geometry_kind"] == "area" and rows["u"]["geometry_kind"] == "point"
    assert rows["u"]["place_kind"] == "settlement"
    assert rows["x"]["geometry_kind"] is None and rows["x"]["lat"] is None and rows["x"]["place_id"] is None


def test_flags_column_joins_every_flag_and_inside_claimed_names_the_claim(full):
    _, a, rows = full
    assert rows["s"]["flags"] == "repeat" and rows["s"]["flag_repeat"] is True
    # q claimed the district (at a point given) before t and u.
    assert rows["u"]["inside_claimed"] == "q" and rows["u"]["flags"] == ""
    assert rows["t"]["flags"] == "repeat; contested" and rows["t"]["flag_contested"] is True
    assert rows["t"]["flag_repeat"] is True and rows["t"]["flag_corroborated"] is False


def test_geojson_features_one_per_line_with_ids_geometry_and_every_property(full, gaz):
    tmp, a, rows = full
    text = claims_geojson(a, gaz)
    lines = text.splitlines()
    assert lines[0] == '{"type":"FeatureCollection","features":[' and lines[-1] == "]}"
    assert len(lines) == len(rows) + 2 and text.endswith("]}\n")
    assert "Гадрут «держим»" in text                      # UTF-8, not \u escapes
    doc = json.loads(text)
    features = {f["id"]: f for f in doc["features"]}
    assert all(f["type"] == "Feature" for f in doc["features"])
    assert features["p"]["properties"] == json.loads(json.dumps(rows["p"]))
    assert features["q"]["geometry"] == {"type": "Point", "coordinates": [46.765432, 39.123457]}
    assert features["p"]["geometry"]["type"] in ("Polygon", "MultiPolygon")
    syunik = next(f for f in gaz.boundaries["features"] if f["id"] == "wof:85668119")
    assert shape(features["p"]["geometry"]).equals(shape(syunik["geometry"]))
    # The same area twice is the same geometry.
    assert features["t"]["geometry"] == features["v"]["geometry"]
    assert shape(features["t"]["geometry"]).area > 0.01
    assert features["x"]["geometry"] is None
    # One place, two points: a claim's own coordinates are its own geometry.
    assert features["ж"]["geometry"]["coordinates"] == [46.9, 39.6]
    assert features["r"]["geometry"]["coordinates"] == [rows["r"]["lon"], rows["r"]["lat"]] != [46.9, 39.6]
    assert '{"type":"Feature","id":"ж",' in text
    # Rows passed in are used as given.
    assert claims_geojson(a, gaz, rows=[rows["r"]]).count('"type":"Feature"') == 1


def test_csv_cells_guard_formulas_and_write_booleans_and_blanks(full, gaz):
    tmp, a, rows = full
    text = _csv(a, gaz)
    assert text.endswith("\r\n") and text.count("\r\n") == len(rows) + 1
    table = {r["id"]: r for r in csv.DictReader(io.StringIO(text, newline=""))}
    # A ledger cell is stripped, but rows given directly may start with a tab or CR.
    odd = dict(rows["s"], quote="\tTAB", notes="\rCR", source="ok=1")
    [guarded] = list(csv.DictReader(io.StringIO(_csv(a, gaz, rows=[odd]), newline="")))
    assert (guarded["quote"], guarded["notes"], guarded["source"]) == ("'\tTAB", "'\rCR", "ok=1")
    assert table["p"]["near"] == "" and table["p"]["datetime"] == "" and table["p"]["flag_repeat"] == "false"
    assert table["s"]["flag_repeat"] == "true"
    assert table["p"]["quote"] == "Гадрут «держим»" and table["p"]["lat"] == str(rows["p"]["lat"])
    one = _csv(a, gaz, rows=[rows["r"]])
    assert len(list(csv.reader(io.StringIO(one)))) == 2


def test_geodataframe_has_every_column_and_areas_as_polygons(full, gaz):
    _, a, rows = full
    frame = to_geodataframe(a, gaz)
    assert list(frame.columns) == [*COLUMNS, "geometry"] and frame.crs.to_epsg() == 4326
    by_id = frame.set_index("id")
    assert by_id.loc["p"].geometry.geom_type in ("Polygon", "MultiPolygon")
    assert by_id.loc["q"].geometry.coords[0] == (46.765432, 39.123457)
    assert len(to_geodataframe(a, gaz, rows=[rows["r"]])) == 1


@pytest.mark.parametrize("before", [None, "1999-12-31T00:00:00.000Z"])
def test_gpkg_leaves_the_environment_as_it_found_it(full, gaz, monkeypatch, before):
    tmp, a, _ = full
    if before is None:
        monkeypatch.delenv("OGR_CURRENT_DATE", raising=False)
    else:
        monkeypatch.setenv("OGR_CURRENT_DATE", before)
    out = write_gpkg(a, gaz, str(tmp / f"env-{before is None}.gpkg"))
    assert out == tmp / f"env-{before is None}.gpkg" and out.stat().st_size > 0
    assert os.environ.get("OGR_CURRENT_DATE") == before
    assert b"2000-01-01T00:00:00.000Z" in out.read_bytes()


def test_geojson_is_written_compact(full, gaz):
    _, a, _ = full
    text = claims_geojson(a, gaz)
    assert '{"type":"Feature","id":"q","geometry":{"type":"Point","coordinates":[46.765432,39.123457]},' \
           '"properties":{"id":"q","date":"2020-10-03","day":"2020-10-03","datetime":null,' in text


def test_rows_of_an_analysis_built_without_flags(full, gaz):
    from mapper.analysis import Analysis

    _, a, _ = full
    bare = Analysis(ledger=a.ledger, resolutions=a.resolutions, places=a.places, keys=a.keys, ordered=a.claims)
    rows = claim_rows(bare, gaz)
    assert [r["flags"] for r in rows] == [""] * len(rows)
    assert not any(r[f"flag_{f}"] for r in rows for f in ("repeat", "contested", "corroborated", "retracted"))
    assert [r["inside_claimed"] for r in rows] == [None] * len(rows)


def test_gpkg_of_the_rows_given_stamped_with_a_fixed_date(full, gaz, tmp_path):
    import sqlite3

    _, a, rows = full
    one = write_gpkg(a, gaz, tmp_path / "one.gpkg", rows=[rows["r"]])
    assert list(gpd.read_file(one, layer="claims")["id"]) == ["r"]
    with sqlite3.connect(one) as db:
        assert db.execute("SELECT table_name, last_change FROM gpkg_contents").fetchall() == [
            ("claims", "2000-01-01T00:00:00.000Z")]


# --- rules the mutation run found unstated (benchmarks/mutation.py exports) -----------------------

RULES = [
    # Captured, then the other side admits withdrawing: corroborated, nothing else.
    "k1,2020-10-09,Hadrut,,Aliyev,Azerbaijan,captured,published,,,=1+1,,,,3",
    "k2,2020-10-10,Hadrut,,Armenia MoD,Armenia,withdrew,published,,,,,,,",
    "k3,2020-10-11,Hadrut,,Aliyev,Azerbaijan,attacked,published,,,,,,,2.5",
]


@pytest.fixture(scope="module")
def rules(tmp_path_factory, gaz):
    path = tmp_path_factory.mktemp("rules") / "r.csv"
    path.write_text(FULL_HEADER.rstrip("\n") + ",count\n" + "\n".join(RULES) + "\n", encoding="utf-8")
    analysis = analyse(read_ledger(path), gaz)
    return analysis, {r["id"]: r for r in claim_rows(analysis, gaz)}


def test_each_flag_has_its_own_column(rules):
    _, rows = rules
    k1 = rows["k1"]
    assert k1["flags"] == "corroborated"
    assert (k1["flag_repeat"], k1["flag_contested"], k1["flag_corroborated"], k1["flag_retracted"]) == \
        (False, False, True, False)


def test_a_whole_count_is_an_integer_and_a_fraction_stays(rules, gaz):
    analysis, rows = rules
    assert rows["k1"]["count"] == 3 and type(rows["k1"]["count"]) is int
    assert rows["k3"]["count"] == 2.5 and rows["k2"]["count"] is None
    table = {r["id"]: r for r in csv.DictReader(io.StringIO(_csv(analysis, gaz), newline=""))}
    assert (table["k1"]["count"], table["k3"]["count"], table["k2"]["count"]) == ("3", "2.5", "")


def test_a_guarded_row_still_writes_its_flags_as_words(rules, gaz):
    # k1's quote starts a formula, so its row takes the guarded path, cell by cell.
    analysis, rows = rules
    [row] = list(csv.DictReader(io.StringIO(_csv(analysis, gaz, rows=[rows["k1"]]), newline="")))
    assert row["quote"] == "'=1+1"
    assert [row[f"flag_{f}"] for f in ("repeat", "contested", "corroborated", "retracted")] == \
        ["false", "false", "true", "false"]


def test_without_geopandas_the_error_says_how_to_install_it(monkeypatch):
    import builtins

    from mapper.exports import GIS_HINT, need_gis

    real_import = builtins.__import__

    def no_geopandas(name, *args, **kwargs):
        if name == "geopandas":
            raise ImportError("No module named 'geopandas'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_geopandas)
    with pytest.raises(ImportError) as err:
        need_gis()
    assert str(err.value).startswith("the GeoPackage export needs geopandas, which is not installed")
    assert str(err.value).endswith(GIS_HINT)

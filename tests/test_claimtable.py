"""The claims table writes the same bytes as the row-by-row writers, for every kind of cell."""

import csv
import dataclasses
import io
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mapper.analysis import analyse
from mapper.claimtable import COLUMNS, CSV_DELIMITERS, ClaimTable
from mapper.exports import claim_rows, claims_csv, geojson_bytes
from mapper.ledger import read_ledger

HEADER = "id,date,place,near,claimant,side,claim,status,source,url,quote,notes,lat,lon,count,unit\n"
ROWS = [
    # formulas, quotes, delimiters of every kind, line breaks, a lone CR, non-ASCII, empty cells
    'a,2020-10-21T01:30+04:00,Zangilan district,,Aliyev,Azerbaijan,captured,published,=cmd,,"say ""hi"", then",'
    '"two\nlines",,,12,killed',
    'b,2020-10-22,Hadrut,Khojavend,Artsakh Defense Army,Artsakh,denies,published,+x,https://x.org/a;b,'
    '"tab\there|pipe",-minus,,,1.5,km²',
    "c,2020-10-22,Hadrut,,Aliyev,Azerbaijan,captured,published,@at,,Гадрут «держим»,,39.6,46.9,,",
    "d,2020-10-23,Nowhere-at-all-xyz,,Aliyev,Azerbaijan,attacked,deleted,,,'apostrophe,,,,0,",
    "e,2020-10-23,Hadrut,,Aliyev,Azerbaijan,captured,published,,,\"x\rcr\",,,,,",
    "f,2020-10-24,Zangilan district,,Aliyev,Azerbaijan,captured,published,,,,,,,,",
    "g,2020-10-24,Syunik,,Armenia MoD,Armenia,holds,reposted,MoD,,,,-0.0,0.0,,",
]


@pytest.fixture(scope="module")
def analysis(tmp_path_factory, gaz):
    path = tmp_path_factory.mktemp("table") / "l.csv"
    path.write_text(HEADER + "\n".join(ROWS) + "\n", encoding="utf-8")
    led = read_ledger(path)
    assert not led.problems and len(led.claims) == len(ROWS)
    return analyse(led, gaz)


def test_rows_are_the_columns_in_order_one_dict_per_claim(analysis, gaz):
    rows = ClaimTable(analysis, gaz).rows()
    assert [r["id"] for r in rows] == [c.id for c in analysis.claims]
    assert all(list(r) == list(COLUMNS) for r in rows)
    a = next(r for r in rows if r["id"] == "a")
    assert a["count"] == 12 and type(a["count"]) is int and a["datetime"] == "2020-10-20T21:30:00Z"
    assert a["flag_repeat"] is False and a["geometry_kind"] == "area" and a["near"] is None


@pytest.mark.parametrize("delimiter", CSV_DELIMITERS)
def test_csv_is_the_csv_module_s_bytes_for_each_delimiter(analysis, gaz, delimiter):
    rows = claim_rows(analysis, gaz)
    text = ClaimTable(analysis, gaz).csv(delimiter)
    assert text == claims_csv(analysis, gaz, rows, delimiter=delimiter)  # the row-by-row writer
    read = list(csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter))
    by_id = {r["id"]: r for r in read}
    assert by_id["a"]["source"] == "'=cmd" and by_id["a"]["quote"] == 'say "hi", then'
    assert by_id["a"]["notes"] == "two\nlines" and by_id["b"]["notes"] == "'-minus"
    assert by_id["b"]["quote"] == "tab\there|pipe" and by_id["e"]["quote"] == "x\rcr"


def test_csv_refuses_a_delimiter_it_does_not_write_and_the_export_still_writes_it(analysis, gaz):
    with pytest.raises(ValueError):
        ClaimTable(analysis, gaz).csv(":")
    assert claims_csv(analysis, gaz, delimiter=":") == claims_csv(analysis, gaz, claim_rows(analysis, gaz),
                                                                   delimiter=":")


def test_geojson_is_the_row_writer_s_bytes_and_one_feature_a_line(analysis, gaz):
    data = ClaimTable(analysis, gaz).geojson()
    assert data == geojson_bytes(analysis, gaz, claim_rows(analysis, gaz))
    lines = data.decode().split("\n")
    assert len(lines) == len(ROWS) + 3 and lines[-1] == "" and lines[-2] == "]}"
    assert [json.loads(line.rstrip(","))["id"] for line in lines[1:-2]] == [c.id for c in analysis.claims]


def test_a_place_at_minus_zero_is_written_as_given(analysis, gaz):
    g = next(r for r in ClaimTable(analysis, gaz).rows() if r["id"] == "g")
    assert g["geometry_kind"] == "point" and str(g["lat"]) == "-0.0"
    assert ",-0.0,0.0," in ClaimTable(analysis, gaz).csv()


_TEXT = st.text(alphabet=st.sampled_from(list('ab ,;|\t"\'\r\n=+-@\x00é«')), max_size=8)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(st.tuples(_TEXT, st.one_of(st.none(), _TEXT), _TEXT), min_size=len(ROWS),
                      max_size=len(ROWS)),
       counts=st.lists(st.one_of(st.none(), st.floats(0, 1e12), st.integers(0, 10**6).map(float)),
                       min_size=len(ROWS), max_size=len(ROWS)))
def test_any_text_and_count_is_written_as_the_row_writers_write_it(analysis, gaz, texts, counts):
    claims = [c._replace(claimant=a or "x", quote=b, source=s or None, count=n)
              for c, (a, b, s), n in zip(analysis.claims, texts, counts)]
    changed = dataclasses.replace(analysis, ordered=claims)
    table, rows = ClaimTable(changed, gaz), claim_rows(changed, gaz)
    for delimiter in CSV_DELIMITERS:
        assert table.csv(delimiter) == claims_csv(changed, gaz, rows, delimiter=delimiter)
    assert table.geojson() == geojson_bytes(changed, gaz, rows)


def _shapely_oriented(geometry):
    shapely = pytest.importorskip("shapely")
    from shapely.geometry import mapping, shape

    return json.dumps(mapping(shapely.orient_polygons(shape(geometry))))


def test_every_unit_s_polygon_is_oriented_as_shapely_orients_it_without_shapely(gaz, monkeypatch):
    import mapper.claimtable as claimtable

    areas = claimtable.area_geometries(gaz)
    assert len(areas) > 80
    expected = {unit: _shapely_oriented(geometry) for unit, geometry in areas.items()}

    def no_shapely(geometry):
        raise AssertionError("a unit's polygon went through shapely")

    # Every unit's rings have a clear orientation: none may need shapely (a forked copy never imports it).
    monkeypatch.setattr(claimtable, "_oriented_by_shapely", no_shapely)
    for unit, geometry in areas.items():
        assert json.dumps(claimtable._oriented(geometry)) == expected[unit], unit


SQUARE_CW = [[0, 0], [0, 4], [4, 4], [4, 0], [0, 0]]          # clockwise, whole numbers
HOLE_CCW = [[1.0, 1.0], [2.0, 1.0], [2.0, 2.0], [1.0, 2.0], [1.0, 1.0]]


@pytest.mark.parametrize("geometry,via_shapely", [
    ({"type": "Polygon", "coordinates": [SQUARE_CW, HOLE_CCW]}, False),               # both rings turned
    ({"type": "Polygon", "coordinates": [SQUARE_CW[::-1], HOLE_CCW[::-1]]}, False),   # both already right
    ({"type": "MultiPolygon", "coordinates": [[SQUARE_CW], [[[5, 5], [6, 5], [6, 6], [5, 5]]]]}, False),
    # What has no clear orientation here goes to shapely, whose answer is its own:
    ({"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [2, 2], [0, 0]]]}, True),  # flat
    ({"type": "Polygon", "coordinates": [SQUARE_CW[:-1]]}, True),                    # not closed
    ({"type": "Polygon", "coordinates": [[[*p, 1] for p in SQUARE_CW]]}, True),       # with heights
    ({"type": "Polygon", "coordinates": []}, True),                                  # empty
    ({"type": "MultiPolygon", "coordinates": []}, True),
    ({"type": "Point", "coordinates": [1.0, 2.0]}, True),                            # no polygon at all
])
def test_made_up_polygons_are_oriented_as_shapely_orients_them(geometry, via_shapely, monkeypatch):
    import mapper.claimtable as claimtable

    expected = _shapely_oriented(geometry)
    through = []
    real = claimtable._oriented_by_shapely
    monkeypatch.setattr(claimtable, "_oriented_by_shapely", lambda g: through.append(g) or real(g))
    done = claimtable._oriented(geometry)
    assert json.dumps(done) == expected
    assert through == ([geometry] if via_shapely else [])
    if geometry["coordinates"] and geometry["coordinates"][0] is SQUARE_CW:
        # exterior counter-clockwise, the hole clockwise, whole numbers as floats
        assert done["coordinates"][0][:2] == ((0.0, 0.0), (4.0, 0.0))
        assert done["coordinates"][1][:2] == ((1.0, 1.0), (1.0, 2.0))


def test_the_exports_of_an_area_claim_import_no_shapely(tmp_path):
    # What a forked copy making the exports runs: numpy and shapely stay out of it.
    import subprocess
    import sys
    from pathlib import Path

    path = tmp_path / "l.csv"
    path.write_text(HEADER + ROWS[0] + "\n", encoding="utf-8")
    code = ("import sys; from gazetteer import Gazetteer; from mapper.analysis import analyse; "
            "from mapper.ledger import read_ledger; from mapper.claimtable import ClaimTable; "
            f"g = Gazetteer(); t = ClaimTable(analyse(read_ledger({str(path)!r}), g), g); "
            "assert b'\"geometry_kind\":\"area\"' in t.geojson() and b'Polygon' in t.geojson(); t.csv(); "
            "print(sorted(m for m in ('numpy', 'shapely') if m in sys.modules))")
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root,
                          env={**__import__("os").environ, "PYTHONPATH": str(root)})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize("kept", [0, 1, 2])
def test_geojson_of_no_one_and_two_claims_is_the_row_writer_s(analysis, gaz, kept):
    # The document's head and tail go on the first and last feature: the edge cases of that.
    part = dataclasses.replace(analysis, ordered=analysis.claims[:kept])
    data = ClaimTable(part, gaz).geojson()
    assert data == geojson_bytes(part, gaz, claim_rows(part, gaz))
    assert json.loads(data)["features"] == json.loads(geojson_bytes(analysis, gaz))["features"][:kept]

"""Reverse look-up and pandas helpers, through the calls a notebook makes."""

import math

import pandas as pd
import pytest

from gazetteer.errors import InputError
from gazetteer.frames import FRAME_COLUMNS, resolve_frame, resolve_series
from gazetteer.spatial import SpatialIndex

SANASAR = "wof:421169387"


@pytest.fixture(scope="module")
def index(gaz):
    return SpatialIndex(gaz)


def test_nearest_place_is_the_town_at_its_own_point(gaz, index):
    town = gaz.get(SANASAR)
    hit = index.nearest(town.lat, town.lon)
    assert hit.place.id == SANASAR and hit.distance_km == 0
    names = [p.name for p in hit.within]
    kinds = [p.kind for p in hit.within]
    assert kinds[-1] == "country" and "Azerbaijan" in names[-1]
    assert kinds[0] == "district"


def test_nearest_measures_true_distance(gaz, index):
    town = gaz.get(SANASAR)
    # 0.01° of latitude north: 1.11 km.
    hit = index.nearest(town.lat + 0.01, town.lon)
    assert hit.place.id == SANASAR or hit.distance_km <= 1.12
    assert math.isclose(index.nearest(town.lat + 0.01, town.lon, max_km=50).distance_km,
                        hit.distance_km)


def test_nothing_within_range_is_none(index):
    assert index.nearest(35.0, 40.0) is None           # the Syrian desert
    assert index.nearest(35.0, 40.0, max_km=1) is None


def test_kinds_filter(gaz, index):
    town = gaz.get(SANASAR)
    hit = index.nearest(town.lat, town.lon, kinds=("landmark",), max_km=200)
    assert hit is None or hit.place.kind == "landmark"


@pytest.mark.parametrize("args,kw", [(("x", 46.0), {}), ((91, 46.0), {}), ((39.0, 181), {}),
                                     ((39.0, 46.0), {"max_km": 0}), ((39.0, 46.0), {"kinds": ("district",)})])
def test_bad_arguments_are_input_errors(index, args, kw):
    with pytest.raises(InputError):
        index.nearest(*args, **kw)


def test_a_point_in_armenia_is_within_armenian_units(index):
    yerevan = index.nearest(40.1792, 44.4991)
    assert yerevan.within[-1].country == "AM"


def test_resolve_series_passes_blank_cells_through(gaz):
    s = pd.Series(["Sanasar", None, "", float("nan"), "Кубатлы", "Sanasar"], index=list("abcdef"))
    out = resolve_series(gaz, s)
    assert list(out.index) == list("abcdef")
    assert [r.status for r in out] == ["resolved", "not_found", "not_found", "not_found", "resolved", "resolved"]
    assert out["a"].place.id == SANASAR and out["e"].place.id == SANASAR
    assert "empty" in out["b"].why
    assert out["a"] is out["f"]   # one resolution per distinct name


def test_resolve_series_near_per_row(gaz):
    s = pd.Series(["Martuni", "Martuni"])
    out = resolve_series(gaz, s, near=pd.Series(["Khojavend", None]))
    assert out[0].status == "resolved" and out[0].place.id == gaz.resolve("Martuni", near="Khojavend").place.id
    assert out[1].status == "ambiguous"
    with pytest.raises(InputError):
        resolve_series(gaz, s, near=pd.Series(["x"], index=[7]))
    with pytest.raises(InputError):
        resolve_series(gaz, ["Sanasar"])


def test_resolve_frame_adds_columns(gaz):
    df = pd.DataFrame({"village": ["Sanasar", None, "Martuni"], "district": [None, None, "Khojavend"]})
    out = resolve_frame(gaz, df, "village", near="district")
    assert list(out.columns) == ["village", "district", *FRAME_COLUMNS]
    assert out.loc[0, "place_id"] == SANASAR and out.loc[0, "match_status"] == "resolved"
    assert out.loc[0, "match_layer"] in ("exact", "normalised", "phonetic")
    assert out.loc[1, "match_status"] == "not_found" and pd.isna(out.loc[1, "place_id"])
    assert out.loc[2, "kind"] == "settlement"
    assert "match_status" not in df.columns     # a copy
    with pytest.raises(InputError, match="not a column"):
        resolve_frame(gaz, df, "place")
    with pytest.raises(InputError, match="already has"):
        resolve_frame(gaz, out, "village")


def test_the_gazetteer_offers_them_as_methods(gaz):
    town = gaz.get(SANASAR)
    hit = gaz.reverse(town.lat, town.lon)
    assert hit.place.id == SANASAR and hit.within[-1].kind == "country"
    assert gaz.reverse(35.0, 40.0) is None
    out = gaz.resolve_series(pd.Series(["Кубатлы", None]))
    assert out[0].place.id == SANASAR and out[1].status == "not_found"
    frame = gaz.resolve_frame(pd.DataFrame({"p": ["Sanasar"]}), "p")
    assert frame.loc[0, "place_id"] == SANASAR

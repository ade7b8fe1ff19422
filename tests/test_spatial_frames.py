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


def _km(lat1, lon1, lat2, lon2):
    # Haversine on a 6371 km sphere, written here so the index is checked against another computation.
    p1, p2, dlat, dlon = map(math.radians, (lat1, lat2, lat2 - lat1, lon2 - lon1))
    a = math.sin(dlat / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dlon / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def test_kinds_filter(gaz, index):
    town = gaz.get(SANASAR)
    # The nearest landmark by brute force over the data (the curated landmarks change; the rule does not).
    nearest = min((_km(town.lat, town.lon, p.lat, p.lon), p.id) for p in gaz if p.kind == "landmark")
    assert nearest[0] > 10  # so villages nearer than it exist, and the filter is what skips them
    hit = index.nearest(town.lat, town.lon, kinds=("landmark",), max_km=200)
    assert (hit.place.id, hit.place.kind) == (nearest[1], "landmark")
    assert hit.distance_km == pytest.approx(nearest[0], abs=0.05)
    assert index.nearest(town.lat, town.lon, max_km=200).place.kind != "landmark"
    assert index.nearest(town.lat, town.lon, kinds=("landmark",), max_km=nearest[0] - 0.5) is None


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


# --- Each rule on its own, as the mutation run (benchmarks/mutation.py spatial) asks. ---

import random  # noqa: E402

import shapely  # noqa: E402
from shapely.geometry import shape  # noqa: E402

import numpy as np  # noqa: E402
from geopy.distance import great_circle  # noqa: E402

from gazetteer.spatial import _km  # noqa: E402

ARARAT_TOWN, DAVALU = "wof:421205495", "wof:1293500353"


def test_distances_are_great_circle_km_on_a_6371_km_earth():
    assert round(_km(39.0, 46.0, 40.0, 46.0), 6) == round(great_circle((39, 46), (40, 46), radius=6371.0).km, 6)
    for a, b in [((39.8, 46.75), (40.18, 44.51)), ((38.9, 48.9), (41.2, 43.8)), ((39.5, 46.6), (39.5, 46.61))]:
        assert abs(_km(*a, *b) - great_circle(a, b, radius=6371.0).km) < 1e-9
    assert _km(39.5, 46.6, 39.5, 46.6) == 0


def test_nearest_is_the_true_nearest_within_range_everywhere(gaz):
    # An independent brute-force answer (numpy haversine over every point
    # place) at random points of the region, for several ranges. A fresh
    # index: this test checks what the index is built from, too.
    index = SpatialIndex(gaz)
    places = [p for p in gaz if p.kind in ("settlement", "landmark")]
    lat = np.radians([p.lat for p in places])
    lon = np.radians([p.lon for p in places])
    ids = np.array([p.id for p in places])
    rng = random.Random(4)
    found = []
    for _ in range(60):
        qlat, qlon = rng.uniform(38.3, 41.6), rng.uniform(43.4, 50.5)
        max_km = rng.choice([0.5, 3.0, 8.0, 25.0, 60.0])
        a = (np.sin((lat - np.radians(qlat)) / 2) ** 2
             + np.cos(lat) * np.cos(np.radians(qlat)) * np.sin((lon - np.radians(qlon)) / 2) ** 2)
        dist = 2 * 6371.0 * np.arcsin(np.sqrt(a))
        inside = dist <= max_km
        hit = index.nearest(qlat, qlon, max_km=max_km)
        if not inside.any():
            assert hit is None, (qlat, qlon, max_km)
            continue
        found.append(max_km)
        best = min(zip(dist[inside], ids[inside]), key=lambda t: (t[0], t[1]))
        assert hit.place.id == best[1], (qlat, qlon, max_km)
        assert abs(hit.distance_km - best[0]) < 0.0006 and hit.distance_km == round(hit.distance_km, 3)
    # Most points find a place, at every range but the shortest.
    assert len(found) >= 20 and {3.0, 8.0, 25.0, 60.0} <= set(found)


def test_range_is_inclusive_and_wide_enough_east_and_west(gaz, index):
    town = gaz.get(SANASAR)
    for dlon in (0.15, -0.15):     # about 13 km due east or west: the longitude box must reach it
        lat, lon = town.lat, town.lon + dlon
        exact = _km(lat, lon, town.lat, town.lon)
        hit = index.nearest(lat, lon, max_km=60)
        far = index.nearest(lat, lon, max_km=exact)
        assert far is not None and hit.place.id == far.place.id
        assert far.distance_km == round(_km(lat, lon, far.place.lat, far.place.lon), 3)
    # Exactly at the range: found; a hair beyond: not.
    near = index.nearest(town.lat + 0.01, town.lon)
    d = _km(town.lat + 0.01, town.lon, near.place.lat, near.place.lon)
    assert index.nearest(town.lat + 0.01, town.lon, max_km=d).place.id == near.place.id
    assert index.nearest(town.lat + 0.01, town.lon, max_km=d * 0.999) is None


def test_places_at_one_point_are_told_apart_by_id(gaz, index):
    town = gaz.get(ARARAT_TOWN)
    assert (gaz.get(DAVALU).lat, gaz.get(DAVALU).lon) == (town.lat, town.lon)
    hit = index.nearest(town.lat, town.lon)
    assert hit.place.id == min(ARARAT_TOWN, DAVALU) == DAVALU


def test_kinds_choose_landmarks_settlements_or_both(gaz, index):
    mosque = gaz.get("gz:agdam-mosque")
    lat, lon = mosque.lat + 0.001, mosque.lon
    assert index.nearest(lat, lon).place.id == mosque.id
    assert index.nearest(lat, lon, kinds=("landmark",)).place.id == mosque.id
    village = index.nearest(lat, lon, kinds=("settlement",))
    assert village.place.kind == "settlement" and village.distance_km > index.nearest(lat, lon).distance_km
    town = gaz.get(SANASAR)
    assert index.nearest(town.lat, town.lon, kinds=("settlement",)).place.id == SANASAR


def test_within_lists_every_unit_holding_the_point_smallest_first(gaz):
    index = SpatialIndex(gaz)
    town = gaz.get(SANASAR)
    units = index.within(town.lat, town.lon)
    features = {f["id"]: shape(f["geometry"]) for f in gaz.boundaries["features"]}
    holding = [u for u, g in features.items() if u in gaz and g.intersects(shapely.geometry.Point(town.lon, town.lat))]
    assert sorted(p.id for p in units) == sorted(holding) and len(units) >= 2
    areas = [features[p.id].area for p in units]
    assert areas == sorted(areas)
    assert index.nearest(town.lat, town.lon).within == units
    assert index.within(35.0, 40.0) == ()


@pytest.mark.parametrize("lat,lon", [(90, 0), (-90, 0), (0, 180), (0, -180), ("39.5", "46.5")])
def test_the_edges_of_the_earth_are_points(index, lat, lon):
    index.within(lat, lon)
    index.nearest(lat, lon)


@pytest.mark.parametrize("lat,lon", [(90.001, 0), (-90.001, 0), (0, 180.001), (0, -180.001), (None, 1)])
def test_beyond_the_edges_is_an_input_error(index, lat, lon):
    with pytest.raises(InputError, match="not a point on Earth|must be numbers"):
        index.within(lat, lon)


def test_max_km_must_be_above_zero(index):
    with pytest.raises(InputError, match="max_km must be above 0"):
        index.nearest(39.5, 46.5, max_km=-1)
    assert index.nearest(39.5, 46.5, max_km=1e-9) is None
    with pytest.raises(InputError, match=r"kinds \['district'\]"):
        index.nearest(39.5, 46.5, kinds=("settlement", "district"))


def test_blank_cells_are_none_nan_and_whitespace_only(gaz):
    s = pd.Series([" \t", 0, np.nan, "Sanasar"])
    out = resolve_series(gaz, s)
    assert [r.status for r in out] == ["not_found", "not_found", "not_found", "resolved"]
    assert out[0].why == "empty cell: nothing to resolve" and out[0].query == "" and out[0].candidates == ()
    assert out[1].query == "0" and "empty" not in (out[1].why or "")
    assert out.name is None and out.dtype == object
    named = resolve_series(gaz, pd.Series(["Sanasar"], name="village"))
    assert named.name == "village"


def test_one_context_for_every_cell_and_the_date_is_passed_on(gaz):
    s = pd.Series(["Martuni", "Martuni"])
    khojavend = gaz.resolve("Martuni", near="Khojavend").place.id
    assert [r.place.id for r in resolve_series(gaz, s, near="Khojavend")] == [khojavend, khojavend]
    assert [r.status for r in resolve_series(gaz, s, near=" ")] == ["ambiguous", "ambiguous"]
    assert [r.status for r in resolve_series(gaz, s, near=pd.Series([np.nan, ""]))] == ["ambiguous", "ambiguous"]
    with pytest.raises(InputError, match="as_of"):
        resolve_series(gaz, s, as_of="not a date")
    with pytest.raises(InputError, match="as_of"):
        resolve_frame(gaz, pd.DataFrame({"v": ["Sanasar"]}), "v", as_of="not a date")


def test_errors_name_what_was_given(gaz):
    with pytest.raises(InputError, match="takes a pandas Series, got list"):
        resolve_series(gaz, ["Sanasar"])
    with pytest.raises(InputError, match="same index"):
        resolve_series(gaz, pd.Series(["a"]), near=pd.Series(["x"], index=[7]))
    with pytest.raises(InputError, match="takes a pandas DataFrame, got Series"):
        resolve_frame(gaz, pd.Series(["Sanasar"]), "v")
    df = pd.DataFrame({"v": ["Sanasar"], "kind": ["x"], "lat": [1]})
    with pytest.raises(InputError, match=r"already has column\(s\) \['kind', 'lat'\]"):
        resolve_frame(gaz, df, "v")
    with pytest.raises(InputError, match=r"column 'w' is not a column; columns: v"):
        resolve_frame(gaz, df[["v"]], "w")
    with pytest.raises(InputError, match=r"near 'd' is not a column; columns: v"):
        resolve_frame(gaz, df[["v"]], "v", near="d")


def test_every_added_column_for_a_found_and_a_missing_place(gaz):
    df = pd.DataFrame({"v": ["Sanasar", "Xyzzyville", "Martuni"]}, index=[10, 11, 12])
    out = resolve_frame(gaz, df, "v")
    town = gaz.get(SANASAR)
    res = gaz.resolve("Sanasar")
    row = out.loc[10]
    assert (row["match_status"], row["place_id"], row["place_name"], row["kind"], row["lat"], row["lon"]) == (
        "resolved", SANASAR, town.name, town.kind, town.lat, town.lon)
    assert row["score"] == res.candidates[0].score and row["match_layer"] == res.candidates[0].layer
    for i in (11, 12):   # not found; ambiguous: no place, so no score or layer either
        assert out.loc[i, "match_status"] in ("not_found", "ambiguous")
        assert all(pd.isna(out.loc[i, c]) for c in FRAME_COLUMNS[1:])
    assert list(out.index) == [10, 11, 12]


@pytest.mark.parametrize("end", ["east", "west", "north", "south"])
def test_the_search_box_reaches_max_km_in_every_direction(gaz, end):
    # From the place at each end of the data, a point 26 km further out: the
    # place is found within 30 km and not within 25 (a box cut short in
    # longitude, where degrees are shorter, would miss it).
    index = SpatialIndex(gaz)
    points = [p for p in gaz if p.kind in ("settlement", "landmark")]
    pick = {"east": lambda p: p.lon, "west": lambda p: -p.lon, "north": lambda p: p.lat, "south": lambda p: -p.lat}
    edge = max(points, key=pick[end])
    step = 26 / (math.pi * 6371 / 180)
    lat, lon = edge.lat, edge.lon
    if end in ("east", "west"):
        lon += (1 if end == "east" else -1) * step / math.cos(math.radians(lat))
    else:
        lat += step if end == "north" else -step
    hit = index.nearest(lat, lon, max_km=30)
    assert hit is not None and hit.place.id == edge.id and 25.9 < hit.distance_km < 26.1
    assert index.nearest(lat, lon, max_km=25) is None


def test_no_context_is_no_context_and_numbers_are_names(gaz):
    out = resolve_series(gaz, pd.Series(["Sanasar", 2.5]))
    alone = gaz.resolve("Sanasar")
    assert out[0].near is None and out[0].why == alone.why and out[0].place.id == SANASAR
    assert out[1].query == "2.5" and "empty" not in out[1].why
    blank_near = resolve_series(gaz, pd.Series(["Sanasar", "Sanasar"]), near=pd.Series([float("nan"), " "]))
    assert [r.near for r in blank_near] == [None, None] and blank_near[0].why == alone.why


def test_a_misaligned_context_series_says_so_exactly(gaz):
    with pytest.raises(InputError, match=r"^'near' as a Series must have the same index as the names$"):
        resolve_series(gaz, pd.Series(["a"]), near=pd.Series(["x"], index=[7]))
    with pytest.raises(InputError, match=r"near 'd' is not a column; columns: v, w$"):
        resolve_frame(gaz, pd.DataFrame({"v": ["Sanasar"], "w": [1]}), "v", near="d")


def test_the_layer_is_the_chosen_candidates(gaz):
    res = gaz.resolve("Karakend")
    assert res.status == "resolved" and len(res.candidates) == 1
    out = resolve_frame(gaz, pd.DataFrame({"v": ["Karakend"]}), "v")
    assert out.loc[0, "match_layer"] == res.candidates[0].layer and out.loc[0, "score"] == res.candidates[0].score


def test_nearest_reaches_25_km_by_default_and_names_the_kinds_it_knows(gaz, index):
    top = max((p for p in gaz if p.kind in ("settlement", "landmark")), key=lambda p: p.lat)
    lat = top.lat + 25.5 / (6371.0 * math.pi / 180)
    assert index.nearest(lat, top.lon) is None
    assert index.nearest(lat, top.lon, max_km=26).place.id == top.id
    with pytest.raises(InputError, match=r"^kinds \['region'\] have no points here; use settlement, landmark$"):
        index.nearest(39.5, 46.5, kinds=("region",))

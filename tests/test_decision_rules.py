"""The context rules of gazetteer.decision at their edges: how far "inside",
"at the edge", "near" and "outside" reach for units with an outline and for
rough units without one. Written for the mutation run
(benchmarks/mutation.py decision)."""

import math

import pytest
from shapely.geometry import Point, shape

from gazetteer import Place
from gazetteer.decision import EDGE_KM, LOOSE_KM, ROUGH_KM, Context, Regions

KHOJAVEND_DISTRICT = "wof:85668611"
KASHATAGH = "gz:kashatagh"          # an Artsakh province: no outline, known by its point
HADRUT = "wof:1125938249"
KM_PER_DEG = 6371.0 * math.pi / 180


def at(lat, lon, parents=(), country="AZ", pid="test:p"):
    return Place(id=pid, name="P", kind="settlement", lat=lat, lon=lon, country=country, parents=parents,
                 names=(), sources={})


def north_of(place, km):
    return at(place.lat + km / KM_PER_DEG, place.lon)


@pytest.fixture(scope="module")
def regions(gaz):
    return Regions(lambda: gaz.boundaries)


def outside_by(gaz, unit_id, km):
    """A point about ``km`` outside a unit's outline, due east of its eastmost vertex."""
    poly = shape(next(f["geometry"] for f in gaz.boundaries["features"] if f["id"] == unit_id))
    minx, miny, maxx, maxy = poly.bounds
    ring = poly.exterior if poly.geom_type == "Polygon" else max(poly.geoms, key=lambda g: g.area).exterior
    x, y = max(ring.coords, key=lambda c: c[0])
    return at(y, x + km / (KM_PER_DEG * math.cos(math.radians(y))))


def test_distance_is_zero_inside_and_the_gap_outside(gaz, regions):
    hadrut = gaz.get(HADRUT)
    assert regions.locate(KHOJAVEND_DISTRICT, hadrut) == "inside"
    assert regions.distance_km(KHOJAVEND_DISTRICT, hadrut) == 0.0
    for km, where in ((1.0, "edge"), (EDGE_KM - 0.5, "edge"), (EDGE_KM + 0.5, "outside"), (10.0, "outside")):
        place = outside_by(gaz, KHOJAVEND_DISTRICT, km)
        assert regions.locate(KHOJAVEND_DISTRICT, place) == where, km
        assert abs(regions.distance_km(KHOJAVEND_DISTRICT, place) - km) < 0.05 * km, km
    assert regions.locate(KASHATAGH, hadrut) is None and regions.distance_km(KASHATAGH, hadrut) is None
    assert regions.has(KHOJAVEND_DISTRICT) and not regions.has(KASHATAGH)


def test_point_in_polygon_matches_shapely_across_a_district(gaz, regions):
    poly = shape(next(f["geometry"] for f in gaz.boundaries["features"] if f["id"] == KHOJAVEND_DISTRICT))
    minx, miny, maxx, maxy = poly.bounds
    for i in range(15):
        for j in range(15):
            lon, lat = minx + (maxx - minx) * (i + 0.5) / 15, miny + (maxy - miny) * (j + 0.5) / 15
            inside = poly.contains(Point(lon, lat))
            got = regions.locate(KHOJAVEND_DISTRICT, at(lat, lon))
            if inside:
                assert got in ("inside", "edge") and (got == "inside" or poly.exterior.distance(Point(lon, lat)) < 0.05)
            else:
                assert got in ("outside", "edge")


def test_a_rough_unit_reaches_rough_km_and_near_it_loose_km_more(gaz):
    decider = gaz._decider
    kashatagh = gaz.get(KASHATAGH)
    strict = [Context("Kashatagh", (kashatagh,))]
    loose = [Context("near Kashatagh", (kashatagh,), loose=True)]
    for km, level, loosely in ((ROUGH_KM - 1, "edge", "near"), (ROUGH_KM + 1, "outside", "near"),
                               (ROUGH_KM + LOOSE_KM - 1, "outside", "near"),
                               (ROUGH_KM + LOOSE_KM + 1, "outside", "outside")):
        place = north_of(kashatagh, km)
        assert decider.fit(place, strict)[0] == level, km
        assert decider.fit(place, loose)[0] == loosely, km
    # Filed under it: inside, however far its point.
    chained = at(kashatagh.lat + 1, kashatagh.lon, parents=(KASHATAGH,))
    assert decider.fit(chained, strict)[0] == "inside"


def test_near_a_unit_with_an_outline_reaches_loose_km_outside_it(gaz):
    decider = gaz._decider
    district = gaz.get(KHOJAVEND_DISTRICT)
    strict = [Context("Khojavend district", (district,))]
    loose = [Context("near Khojavend district", (district,), loose=True)]
    for km, level, loosely in ((LOOSE_KM - 2, "outside", "near"), (LOOSE_KM + 2, "outside", "outside")):
        place = outside_by(gaz, KHOJAVEND_DISTRICT, km)
        assert decider.fit(place, strict)[0] == level, km
        assert decider.fit(place, loose)[0] == loosely, km


def test_near_a_town_is_never_stretched(gaz):
    # "near <a town>" already means its surroundings (NEAR_KM): a place far
    # from it stays outside, loose or not.
    decider = gaz._decider
    hadrut = gaz.get(HADRUT)
    far = north_of(hadrut, 60)
    assert decider.fit(far, [Context("near Hadrut", (hadrut,), loose=True)])[0] == "outside"
    assert decider.fit(north_of(hadrut, 10), [Context("Hadrut", (hadrut,))])[0] == "near"


def test_context_labels():
    one = at(39.0, 46.0, pid="a")
    assert Context("x", ()).label == "'x'"
    assert Context("x", (one,)).label == "P (settlement)"
    assert Context("x", (one, at(39.0, 46.1, pid="b"))).label == "P (settlement) or 1 other place(s) of that name"


def ids(context):
    return [(p.id, p.kind) for p in context.places]


def test_context_is_read_strictly_and_by_what_it_says_it_is(gaz):
    read = gaz._decider.read_context
    # A bare name that is a unit is the unit; "village"/"town" asks for the settlements.
    assert ids(read("Aghdam")) == [("wof:85668257", "district")]
    assert {kind for _, kind in ids(read("Agdam village"))} == {"settlement"} and len(read("Agdam village").places) > 1
    assert ids(read("Shusha city")) == [("wof:421174129", "settlement")]
    # A rough unit (no outline) brings its seat of the same name along.
    assert ids(read("Hadrut")) == [("gz:hadrut-province", "province"), (HADRUT, "settlement")]
    assert ids(read("Hadrut village")) == [(HADRUT, "settlement")]
    # Never by a misspelling: a context that matches nothing says so.
    assert read("Khojavendx").places == () and not read("Khojavendx").loose
    assert read("near Hadrut").loose and ids(read("near Hadrut")) == ids(read("Hadrut"))
    res = gaz.resolve("Martuni", near="Khojavendx")
    assert res.status == "ambiguous" and res.why.endswith("; context 'Khojavendx' matched no place")


def test_weak_results_keep_the_query_and_five_suggestions(gaz):
    from gazetteer.decision import Decider, Scored

    many = gaz.resolve("Garadagli").candidates
    assert len(many) > 5
    res = Decider.weak("Garadagly", "Aghdam", Scored(list(many), {}, {}), [Context("Nowhere", ())])
    assert (res.query, res.near, res.status) == ("Garadagly", "Aghdam", "not_found")
    assert res.candidates == tuple(many[:5])
    assert res.why == "only weak matches; see the suggestions; context 'Nowhere' matched no place"
    none = Decider.weak("Xyzzy", None, Scored([], {}, {}), [])
    assert (none.why, none.candidates, none.near) == ("no place has this name", (), None)


def test_distance_to_the_middle_of_an_edge(gaz, regions):
    # Points off the middle of the district's longest edges, where the
    # nearest part of the outline is the edge itself, not a vertex.
    poly = shape(next(f["geometry"] for f in gaz.boundaries["features"] if f["id"] == KHOJAVEND_DISTRICT))
    ring = list((poly if poly.geom_type == "Polygon" else max(poly.geoms, key=lambda g: g.area)).exterior.coords)
    edges = sorted(zip(ring, ring[1:]), key=lambda e: -math.dist(*e))[:6]
    checked = 0
    for (x1, y1), (x2, y2) in edges:
        mx, my = (x1 + x2) / 2, (y1 + y2) / 2
        kx, ky = 111.32 * math.cos(math.radians(my)), 111.32
        nx, ny = -(y2 - y1) * ky, (x2 - x1) * kx           # normal, in km
        norm = math.hypot(nx, ny)
        for side in (1, -1):
            px, py = mx + side * 2.0 * nx / norm / kx, my + side * 2.0 * ny / norm / ky
            if poly.contains(Point(px, py)) or poly.exterior.distance(Point(px, py)) * kx < 1.5:
                continue
            place = at(py, px)
            assert regions.locate(KHOJAVEND_DISTRICT, place) == "edge"
            assert abs(regions.distance_km(KHOJAVEND_DISTRICT, place) - 2.0) < 0.1
            checked += 1
    assert checked >= 3


def test_the_decisions_say_why_with_known_answers(gaz):
    from gazetteer.decision import MARGIN

    tie = gaz.resolve("Garadagli", near="Nowhere at all")
    assert tie.status == "ambiguous" and len(tie.candidates) == 10
    assert tie.why == ("13 places fit equally well; give a district or province as context"
                       "; context 'Nowhere at all' matched no place")
    assert tie.query == "Garadagli" and tie.near == "Nowhere at all"
    assert all(tie.candidates[0].score - c.score < MARGIN for c in tie.candidates)
    landmark = gaz.resolve("Hadrut monastery")
    assert (landmark.status, landmark.why) == (
        "not_found", "no landmark has this name; the suggestions are places of other kinds")
    assert 0 < len(landmark.candidates) <= 5
    one = gaz.resolve("Sanasar")
    assert one.status == "resolved" and one.why == "; ".join(one.candidates[0].why)

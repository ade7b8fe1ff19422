"""The context rules of gazetteer.decision at their edges: how far "inside",
"at the edge", "near" and "outside" reach for units with an outline and for
rough units without one. Written for the mutation run
(benchmarks/mutation.py decision)."""

import math

import pytest
from shapely.geometry import Point, shape

from gazetteer import Place
from gazetteer.decision import LOOSE_KM, ROUGH_KM, Context
from gazetteer.regions import EDGE_KM, Regions

KHOJAVEND_DISTRICT = "wof:85668611"
KASHATAGH = "gz:kashatagh"          # an Artsakh province: no outline, known by its point
ROUGH_UNIT = "gz:martuni-province"  # an Artsakh province with no outline and no district it covers whole
HADRUT = "wof:1125938249"
KM_PER_DEG = 6371.0 * math.pi / 180


def at(lat, lon, parents=(), country="AZ", pid="test:p"):
    return Place(id=pid, name="P", kind="settlement", lat=lat, lon=lon, country=country, parents=parents,
                 names=(), sources={})


def north_of(place, km):
    return at(place.lat + km / KM_PER_DEG, place.lon)


def east_of(place, km):
    return at(place.lat, place.lon + km / (KM_PER_DEG * math.cos(math.radians(place.lat))))


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
    # Rough: no outline, and no outlined district it covers (Kashatagh is now
    # located by the three districts it covers: see test_wrongs_rules).
    assert not decider._regions.has(ROUGH_UNIT) and not decider._regions.covers(ROUGH_UNIT)
    kashatagh = gaz.get(ROUGH_UNIT)
    strict = [Context("Martuni", (kashatagh,))]
    loose = [Context("near Martuni", (kashatagh,), loose=True)]
    for km, level, loosely in ((ROUGH_KM - 1, "edge", "near"), (ROUGH_KM + 1, "outside", "near"),
                               (ROUGH_KM + LOOSE_KM - 1, "outside", "near"),
                               (ROUGH_KM + LOOSE_KM + 1, "outside", "outside")):
        place = east_of(kashatagh, km)
        assert decider.fit(place, strict)[0] == level, km
        assert decider.fit(place, loose)[0] == loosely, km
    # Filed under it: inside, however far its point.
    chained = at(kashatagh.lat + 1, kashatagh.lon, parents=(ROUGH_UNIT,))
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
    # 15 since amb11: a Qaradağlı no longer leads by names the other Qaradağlıs hold too.
    assert tie.why == ("15 places fit equally well; give a district or province as context"
                       "; context 'Nowhere at all' matched no place")
    assert tie.query == "Garadagli" and tie.near == "Nowhere at all"
    assert all(tie.candidates[0].score - c.score < MARGIN for c in tie.candidates)
    landmark = gaz.resolve("Hadrut monastery")
    assert (landmark.status, landmark.why) == (
        "not_found", "no landmark has this name; the suggestions are places of other kinds")
    assert 0 < len(landmark.candidates) <= 5
    one = gaz.resolve("Sanasar")
    assert one.status == "resolved" and one.why == "; ".join(one.candidates[0].why)


# --- Every distance rule at its exact boundary, in a made-up world -------------------------------
#
# The rules say "within" (<=): a place exactly at a limit is inside it. Real
# coordinates never land there, so the boundary is found here by bisection on
# floats, and the test is skipped only if floating point has no exact point
# (it has, for the values below).

SQUARE = "test:square"      # a district with an outline: 0.2 W-0, 40.0-40.2 N (an east edge at 0 keeps floats fine)
ROUGH = "test:rough"        # a province with no outline, known by its point


def unit(pid, kind="district", lat=40.1, lon=-0.1, country="AZ"):
    return Place(id=pid, name=pid, kind=kind, lat=lat, lon=lon, country=country, parents=(), names=(), sources={})


def square_regions(ring=((-0.2, 40.0), (0.0, 40.0), (0.0, 40.2), (-0.2, 40.2), (-0.2, 40.0))):
    feature = {"type": "Feature", "id": SQUARE, "properties": {},
               "geometry": {"type": "Polygon", "coordinates": [[list(pt) for pt in ring]]}}
    return Regions(lambda: {"type": "FeatureCollection", "features": [feature]})


def made_up_decider(regions=None):
    from gazetteer.decision import Decider

    return Decider(place=None, retriever=None, regions=regions or square_regions(), in_area=lambda p: False,
                   area_on=False)


def exactly(f, target, lo, hi):
    """A float x in [lo, hi] with f(x) == target (f increasing), or None."""
    for _ in range(200):
        mid = (lo + hi) / 2
        if mid in (lo, hi):
            break
        lo, hi = (mid, hi) if f(mid) < target else (lo, mid)
    return hi if f(hi) == target else None


def exactly_north_of(origin, distance):
    """A place exactly ``distance`` km north of ``origin`` by gazetteer.ranking.km."""
    from gazetteer.ranking import km

    for nudge in range(50):
        base = unit(origin.id, origin.kind, origin.lat + nudge * 1e-9, origin.lon)
        lat = exactly(lambda la: km(base, at(la, base.lon)), distance, base.lat, base.lat + 2 * distance / 100)
        if lat is not None:
            return base, at(lat, base.lon)
    pytest.skip("no float lands exactly on the boundary")


def exactly_east_of_square(regions, distance):
    """A place exactly ``distance`` km east of the square's outline."""
    for i in range(50):
        lat = 40.1 + i * 1e-4
        lon = exactly(lambda x: regions.distance_km(SQUARE, at(lat, x)), distance, 0.0, 1.0)
        if lon is not None:
            return at(lat, lon)
    pytest.skip("no float lands exactly on the boundary")


def test_one_place_recorded_twice_reaches_exactly_duplicate_km():
    from gazetteer.decision import DUPLICATE_KM, _same_place

    a, b = exactly_north_of(unit("a", "settlement", 0.0), DUPLICATE_KM)
    b = unit("b", "settlement", b.lat, b.lon)
    assert _same_place(a, b)
    assert not _same_place(a, unit("c", "settlement", b.lat + 1e-6, b.lon))


def test_near_a_town_reaches_exactly_near_km():
    from gazetteer.ranking import NEAR_KM

    town, place = exactly_north_of(unit("town", "settlement", 0.0), NEAR_KM)
    decider = made_up_decider()
    assert decider.fit(place, [Context("town", (town,))]) == ("near", "town (settlement)")
    beyond = at(place.lat + 1e-6, place.lon)
    assert decider.fit(beyond, [Context("town", (town,))]) == ("outside", "town (settlement)")
    # ... unless the town's district holds the place ("Sanasar (Gubadli)").
    seat = Place(id="town", name="town", kind="settlement", lat=town.lat, lon=town.lon, country="AZ",
                 parents=("d",), names=(), sources={})
    assert decider.fit(at(beyond.lat, beyond.lon, parents=("d",)), [Context("town", (seat,))])[0] == "near"
    assert decider.fit(at(beyond.lat, beyond.lon, parents=("e",)), [Context("town", (seat,))])[0] == "outside"


def test_a_rough_unit_reaches_exactly_rough_km_and_loosely_loose_km_more():
    from gazetteer.decision import ROUGH_KM

    decider = made_up_decider()
    province, edge = exactly_north_of(unit(ROUGH, "province", 0.0), ROUGH_KM)
    assert decider.fit(edge, [Context("p", (province,))])[0] == "edge"
    assert decider.fit(at(edge.lat + 1e-6, edge.lon), [Context("p", (province,))])[0] == "outside"
    province, near = exactly_north_of(unit(ROUGH, "province", 0.0), ROUGH_KM + LOOSE_KM)
    assert decider.fit(near, [Context("near p", (province,), loose=True)])[0] == "near"
    assert decider.fit(at(near.lat + 1e-6, near.lon), [Context("near p", (province,), loose=True)])[0] == "outside"


def test_near_an_outline_reaches_exactly_loose_km():
    regions = square_regions()
    decider = made_up_decider(regions)
    square = unit(SQUARE)
    place = exactly_east_of_square(regions, LOOSE_KM)
    assert decider.fit(place, [Context("near s", (square,), loose=True)])[0] == "near"
    assert decider.fit(place, [Context("s", (square,))])[0] == "outside"
    farther = at(place.lat, place.lon + 1e-6)
    assert decider.fit(farther, [Context("near s", (square,), loose=True)])[0] == "outside"


def test_the_edge_of_an_outline_reaches_exactly_edge_km():
    regions = square_regions()
    place = exactly_east_of_square(regions, EDGE_KM)
    assert regions.locate(SQUARE, place) == "edge"
    assert regions.locate(SQUARE, at(place.lat, place.lon + 1e-6)) == "outside"
    assert regions.locate(SQUARE, at(40.1, -0.1)) == "inside"
    assert regions.distance_km(SQUARE, at(40.1, -0.1)) == 0.0


def test_a_ring_left_open_is_closed_at_its_first_point():
    # GeoJSON repeats the first point at the end; an outline that does not is
    # still closed by the edge from its last point back to its first.
    open_ring = square_regions(ring=((-0.2, 40.0), (0.0, 40.0), (0.0, 40.2), (-0.2, 40.2)))
    for lat, lon, where in ((40.1, -0.1, "inside"), (40.1, -0.19, "inside"), (40.1, -0.21, "edge"),
                            (40.1, -0.7, "outside"), (40.19, -0.01, "inside"), (40.01, -0.19, "inside")):
        assert open_ring.locate(SQUARE, at(lat, lon)) == where, (lat, lon)
    assert open_ring.distance_km(SQUARE, at(40.1, -0.21)) == pytest.approx(0.01 * 111.32 * math.cos(math.radians(40.1)),
                                                                          rel=1e-6)


def test_the_best_fit_over_contexts_and_the_first_context_on_a_tie():
    decider = made_up_decider()
    square, town = unit(SQUARE), unit("town", "settlement", 40.1, -0.1)
    inside = at(40.1, -0.05)
    # In the unit and near the town: both the best level; the first given names it.
    assert decider.fit(inside, [Context("s", (square,)), Context("t", (town,))]) == ("inside", "test:square (district)")
    assert decider.fit(inside, [Context("t", (town,)), Context("s", (square,))]) == ("near", "town (settlement)")
    # A better level later wins over a worse one first.
    far = unit("far", "settlement", 41.5, -0.1)
    assert decider.fit(inside, [Context("f", (far,)), Context("s", (square,))]) == ("inside", "test:square (district)")
    assert decider.fit(inside, []) is None and decider.fit(inside, [Context("x", ())]) is None


def test_distance_outside_an_outline_in_km_east_west_and_north():
    # The flat projection: 111.32 km a degree of latitude, times cos(latitude) a degree of longitude.
    regions = square_regions()
    kx = 111.32 * math.cos(math.radians(40.1))
    assert regions.distance_km(SQUARE, at(40.1, 0.02)) == pytest.approx(0.02 * kx, rel=1e-9)
    assert regions.distance_km(SQUARE, at(40.1, -0.22)) == pytest.approx(0.02 * kx, rel=1e-9)
    assert regions.distance_km(SQUARE, at(40.22, -0.1)) == pytest.approx(0.02 * 111.32, rel=1e-6)
    # Off a corner: the distance to the corner itself.
    corner = regions.distance_km(SQUARE, at(40.22, 0.02))
    assert corner == pytest.approx(math.hypot(0.02 * 111.32, 0.02 * 111.32 * math.cos(math.radians(40.22))), rel=1e-3)


def test_a_point_level_with_a_vertex_is_placed_by_its_edges():
    # A diamond: the ray from a point level with its east and west corners
    # passes through a vertex, which must count once, not twice or never.
    diamond = ((0.0, 40.0), (0.1, 40.1), (0.0, 40.2), (-0.1, 40.1), (0.0, 40.0))
    regions = square_regions(ring=diamond)
    assert regions.locate(SQUARE, at(40.1, 0.0)) == "inside"
    assert regions.locate(SQUARE, at(40.1, -0.09)) == "inside"
    assert regions.locate(SQUARE, at(40.1, 0.2)) == "outside"
    assert regions.locate(SQUARE, at(40.1, -0.2)) == "outside"
    assert regions.locate(SQUARE, at(40.0, 0.0)) == "edge"     # on the south corner
    assert regions.locate(SQUARE, at(40.05, 0.0)) == "inside"


# --- decide(): every status, its reason, and the cut-offs at their exact values ------------------

def cand(pid, score, layer="exact", kind="settlement", lat=40.0, why=("exact",)):
    from gazetteer.model import Candidate

    place = Place(id=pid, name=pid, kind=kind, lat=lat, lon=45.0, country="AZ", parents=(), names=(), sources={})
    return Candidate(place=place, score=score, matched=pid, layer=layer, why=why)


def decide(cands, *, bases=None, fits=None, contexts=(), text="X", near=None):
    from gazetteer.decision import Scored
    from gazetteer.parsing import parse_name

    scored = Scored(list(cands), dict(fits or {}), dict(bases or {c.place.id: 1.0 for c in cands}))
    return made_up_decider().decide(text, near, parse_name(text), scored, list(contexts))


def test_below_min_score_nothing_is_decided_at_it_the_best_resolves():
    from gazetteer.decision import MIN_SCORE

    assert decide([]) is None
    assert decide([cand("a", math.nextafter(MIN_SCORE, 0))]) is None
    res = decide([cand("a", MIN_SCORE, why=("exact match", "in the area"))], near="somewhere")
    assert (res.status, res.place.id, res.why, res.query, res.near) == (
        "resolved", "a", "exact match; in the area", "X", "somewhere")


def test_a_fuzzy_match_resolves_from_fuzzy_resolve_up_and_below_it_is_a_suggestion():
    from gazetteer.decision import FUZZY_RESOLVE

    at_cut = decide([cand("a", 0.9, layer="fuzzy")], bases={"a": FUZZY_RESOLVE})
    assert at_cut.status == "resolved" and at_cut.place.id == "a"
    weak = decide([cand("a", 0.9, layer="fuzzy"), cand("b", 0.7, layer="fuzzy", lat=41)],
                  bases={"a": math.nextafter(FUZZY_RESOLVE, 0), "b": 0.9})
    assert (weak.status, weak.why) == ("not_found", "no place has this name; the suggestions are spelled differently")
    assert [c.place.id for c in weak.candidates] == ["a", "b"] and weak.place is None
    # Only the fuzzy layer is held to it: an exact match with a low layer score still resolves.
    assert decide([cand("a", 0.9, layer="phonetic")], bases={"a": 0.5}).status == "resolved"


def test_a_weak_fuzzy_guess_of_a_real_name_stays_a_suggestion(gaz):
    res = gaz.resolve("Hadrutz")
    assert (res.status, res.why) == ("not_found", "no place has this name; the suggestions are spelled differently")
    assert res.candidates[0].place.id == HADRUT and res.place is None


def test_rivals_closer_than_margin_make_it_ambiguous_with_those_within_0_15():
    from gazetteer.decision import MARGIN

    # Scores differ by multiples of 2**-54 from 0.25 up, and MARGIN (0.05) is not
    # one: the tie rule is tested either side, never exactly at it.
    spread = [cand("a", 1.0), cand("b", 1.0 - MARGIN + 1e-9, lat=41), cand("c", 0.86, lat=42),
              cand("d", 0.849, lat=43)]
    res = decide(spread)
    assert res.status == "ambiguous" and res.place is None
    assert [c.place.id for c in res.candidates] == ["a", "b", "c"]
    assert res.why == "2 places fit equally well; give a district or province as context"
    apart = decide([cand("a", 1.0), cand("b", 1.0 - MARGIN - 1e-9, lat=41)])
    assert apart.status == "resolved" and apart.place.id == "a"
    # Twelve rivals: the list keeps ten of them; a resolved result keeps five candidates.
    many = [cand(f"p{i:02}", 1.0 - i * 0.001, lat=40 + i) for i in range(12)]
    tie = decide(many)
    assert tie.why.startswith("12 places fit equally well") and len(tie.candidates) == 10
    assert len(decide([cand("a", 1.0)] + [cand(f"q{i}", 0.5, lat=41 + i) for i in range(7)]).candidates) == 5


def test_one_place_recorded_twice_is_no_rival_but_another_kind_there_is():
    twice = decide([cand("a", 1.0), cand("b", 0.99, lat=40.001)])
    assert twice.status == "resolved" and twice.place.id == "a"
    other_kind = decide([cand("a", 1.0), cand("b", 0.99, kind="landmark", lat=40.001)])
    assert other_kind.status == "ambiguous"


def test_a_landmark_asked_for_is_never_a_village():
    res = decide([cand("v", 1.0)], text="X monastery")
    assert (res.status, res.why) == ("not_found",
                                     "no landmark has this name; the suggestions are places of other kinds")
    assert [c.place.id for c in res.candidates] == ["v"]
    assert decide([cand("m", 1.0, kind="landmark")], text="X monastery").status == "resolved"


def test_context_that_fits_no_candidate_is_not_found_and_one_fit_is_enough():
    square = Context("Square district", (unit(SQUARE),))
    far = decide([cand("a", 1.0), cand("b", 0.7, lat=41)], fits={"a": "outside", "b": "outside"},
                 contexts=[square])
    assert far.status == "not_found" and [c.place.id for c in far.candidates] == ["a", "b"]
    assert far.why == ("no place of this name lies in or near test:square (district); "
                       "the suggestions lie elsewhere")
    for level in ("edge", "near", "inside"):
        res = decide([cand("a", 1.0), cand("b", 0.7, lat=41)], fits={"a": "outside", "b": level},
                     contexts=[square])
        assert res.status == "resolved", level
    # A context that names nothing judges nothing, and says so.
    res = decide([cand("a", 1.0)], contexts=[Context("Nowhere", ())])
    assert (res.status, res.why) == ("resolved", "exact; context 'Nowhere' matched no place")
    two = decide([cand("a", 1.0)], contexts=[Context("Nowhere", ()), Context("Elsewhere", ())])
    assert two.why == "exact; context 'Nowhere', 'Elsewhere' matched no place"


def test_a_landmark_as_context_is_the_landmark_not_the_unit_of_that_name(gaz):
    read = gaz._decider.read_context
    ids = {p.id for p in read("Lachin corridor").places}
    assert "gz:lachin-corridor" in ids and "wof:85668621" not in ids   # not Lachin district
    assert [p.id for p in read("Lachin").places] == ["wof:85668621"]


def test_a_feature_id_is_read_from_the_top_or_from_its_properties_and_no_features_is_no_outlines():
    ring = [[-0.2, 40.0], [0.0, 40.0], [0.0, 40.2], [-0.2, 40.2], [-0.2, 40.0]]
    regions = Regions(lambda: {"features": [
        {"type": "Feature", "properties": {"id": "in:props"}, "geometry": {"type": "Polygon", "coordinates": [ring]}},
        {"type": "Feature", "id": "at:top", "properties": {}, "geometry": {"type": "MultiPolygon",
                                                                              "coordinates": [[ring]]}},
        {"type": "Feature", "id": "a:point", "properties": {}, "geometry": {"type": "Point", "coordinates": [0, 40]}},
    ]})
    assert regions.has("in:props") and regions.has("at:top") and not regions.has("a:point")
    assert regions.locate("in:props", at(40.1, -0.1)) == regions.locate("at:top", at(40.1, -0.1)) == "inside"
    assert regions.locate("a:point", at(40.0, 0.0)) is None
    empty = Regions(lambda: {})
    assert not empty.has("in:props") and empty.locate("in:props", at(40.1, -0.1)) is None


def two_squares():
    def square(pid, west, east):
        ring = [[west, 40.0], [east, 40.0], [east, 40.2], [west, 40.2], [west, 40.0]]
        return {"type": "Feature", "id": pid, "properties": {}, "geometry": {"type": "Polygon", "coordinates": [ring]}}
    return Regions(lambda: {"features": [square("test:d", -0.2, 0.0), square("test:e", 0.15, 0.35)]})


def score_made_up(places, contexts, regions, *, text="X", name="X", layer="exact"):
    from gazetteer.decision import Decider
    from gazetteer.model import Name
    from gazetteer.parsing import parse_name

    named = [Place(id=p.id, name=name, kind=p.kind, lat=p.lat, lon=p.lon, country="AZ", parents=(),
                   names=(Name(text, "und", "variant"),), sources={}) for p in places]
    decider = Decider(place=named.__getitem__, retriever=None, regions=regions, in_area=lambda p: False,
                      area_on=False)
    found = {i: (1.0, 0, layer) for i in range(len(named))}
    scored = decider.score(parse_name(text), found, contexts, None)
    return scored, {c.place.id: c for c in scored.candidates}


def test_when_nothing_lies_in_or_near_the_context_one_just_outside_is_at_its_edge():
    regions = two_squares()
    d, e = unit("test:d"), unit("test:e", lon=0.25)
    # 8.5 km outside D (more than EDGE_KM, less than LOOSE_KM): at its edge when nothing fits better.
    b = at(40.1, 0.1, pid="b")
    far = at(40.1, 1.5, pid="far")
    scored, by_id = score_made_up([b, far], [Context("D", (d,))], regions)
    assert scored.fits == {"b": "edge", "far": "outside"}
    assert "at the edge of test:d (district)" in by_id["b"].why and "not in test:d (district)" in by_id["far"].why
    # A candidate near a town given as context fits: the one outside D stays outside.
    town = unit("town", "settlement", 40.1, 0.6)
    a = at(40.1, 0.65, pid="a")
    scored, _ = score_made_up([a, b], [Context("D", (d,)), Context("T", (town,))], regions)
    assert scored.fits == {"a": "near", "b": "outside"}
    scored, _ = score_made_up([at(40.1, -0.1, pid="in"), b], [Context("D", (d,))], regions)
    assert scored.fits == {"in": "inside", "b": "outside"}
    # A candidate at the edge of E keeps E as its label, though D is nearer in the order given.
    c = at(40.1, 0.13, pid="c")
    scored, by_id = score_made_up([c, far], [Context("D", (d,)), Context("E", (e,))], regions)
    assert scored.fits == {"c": "edge", "far": "outside"}
    assert "at the edge of test:e (district)" in by_id["c"].why
    # No context understood: nothing is judged.
    scored, by_id = score_made_up([b], [Context("Nowhere", ())], regions)
    assert scored.fits == {} and not any("edge" in w or " in " in w for w in by_id["b"].why)


def test_a_name_given_in_part_costs_a_whole_match_but_never_a_fuzzy_guess():
    # "X" for a place called "Verin X" (Upper X): only part of its name.
    place = at(40.1, 0.5, pid="p")
    scored, by_id = score_made_up([place], [], two_squares(), name="Verin X", layer="exact")
    assert any("only part of it" in w for w in by_id["p"].why)
    part_score = by_id["p"].score
    _, fuzzy = score_made_up([place], [], two_squares(), name="Verin X", layer="fuzzy")
    assert not any("only part of it" in w for w in fuzzy["p"].why)
    _, whole = score_made_up([place], [], two_squares(), name="X", layer="exact")
    assert part_score < whole["p"].score


def test_a_not_found_keeps_five_suggestions_and_names_every_context():
    six = [cand(f"s{i}", 1.0 - i * 0.1, lat=40 + i) for i in range(6)]
    contexts = [Context("D", (unit("test:d"),)), Context("E", (unit("test:e"),))]
    far = decide(six, fits={c.place.id: "outside" for c in six}, contexts=contexts)
    assert far.status == "not_found" and [c.place.id for c in far.candidates] == ["s0", "s1", "s2", "s3", "s4"]
    assert far.why == ("no place of this name lies in or near test:d (district); test:e (district); "
                       "the suggestions lie elsewhere")
    fuzzy = [cand(f"s{i}", 1.0 - i * 0.1, layer="fuzzy", lat=40 + i) for i in range(6)]
    weak = decide(fuzzy, bases={c.place.id: 0.7 for c in fuzzy})
    assert weak.status == "not_found" and len(weak.candidates) == 5
    landmark = decide(six, text="X monastery")
    assert landmark.status == "not_found" and len(landmark.candidates) == 5


def test_the_distance_to_an_outline_is_to_its_edges_not_to_its_ring_order():
    # A closed triangle: the nearest edge to a point west of its apex is the
    # sloping west side, 8.3 km off, not anything built from the ring's last points.
    triangle = square_regions(ring=((0.0, 40.0), (0.2, 40.0), (0.1, 40.2), (0.0, 40.0)))
    place = at(40.19, -0.01)
    assert triangle.locate(SQUARE, place) == "outside"
    assert triangle.distance_km(SQUARE, place) == pytest.approx(8.34, abs=0.05)


def test_inside_a_simplified_outline_but_filed_in_another_unit_is_its_edge():
    # Outlines are simplified; parents come from full outlines or a reviewer.
    # A village inside the square's polygon but filed under the next district
    # of the same country is only at the square's edge; filed under nothing
    # of that kind (a country only), or of the other country, it is inside.
    from gazetteer.decision import Context

    def feature(pid, kind, ring):
        return {"type": "Feature", "id": pid, "properties": {"id": pid, "kind": kind},
                "geometry": {"type": "Polygon", "coordinates": [[list(pt) for pt in ring]]}}

    square = ((-0.2, 40.0), (0.0, 40.0), (0.0, 40.2), (-0.2, 40.2), (-0.2, 40.0))
    nxt = ((0.0, 40.0), (0.2, 40.0), (0.2, 40.2), (0.0, 40.2), (0.0, 40.0))
    whole = ((-1, 39), (1, 39), (1, 41), (-1, 41), (-1, 39))
    regions = Regions(lambda: {"type": "FeatureCollection", "features": [
        feature(SQUARE, "district", square), feature("test:next", "district", nxt),
        feature("test:country", "country", whole)]})
    assert regions.kind(SQUARE) == "district" and regions.kind("test:country") == "country"
    assert regions.kind("test:none") is None
    decider = made_up_decider(regions)
    ctx = [Context(text="Square", places=(unit(SQUARE),))]
    filed_next = at(40.1, -0.1, parents=("test:next", "test:country"))
    assert decider.fit(filed_next, ctx) == ("edge", f"{SQUARE} (district)")
    assert decider.fit(at(40.1, -0.1, parents=("test:country",)), ctx)[0] == "inside"
    assert decider.fit(at(40.1, -0.1, parents=("test:next",), country="AM"), ctx)[0] == "inside"
    assert decider.fit(at(40.1, -0.1, parents=(SQUARE, "test:next")), ctx)[0] == "inside"


def _cand(pid, kind, score, layer):
    from gazetteer.model import Candidate

    place = Place(id=pid, name="P", kind=kind, lat=40.0, lon=46.0, country="AZ", parents=(), names=(), sources={})
    return Candidate(place=place, score=score, matched="P", layer=layer, why=("match",))


def test_a_sound_alike_yields_to_a_place_of_its_kind_spelled_as_written():
    from gazetteer.ranking import WRITTEN, spelled_alike
    from gazetteer.retrieval import CROSS_SCRIPT_SCORE, LAYER_SCORES

    assert WRITTEN == LAYER_SCORES["normalised"] > CROSS_SCRIPT_SCORE
    cands = [_cand("sus", "settlement", 1.07, "phonetic"), _cand("sos", "settlement", 1.05, "exact"),
             _cand("unit", "district", 1.0, "inflected"), _cand("guess", "settlement", 0.8, "fuzzy"),
             _cand("online", "settlement", 0.7, "online")]
    bases = {"sus": 0.92, "sos": 1.0, "unit": 0.9, "guess": 0.8, "online": 0.62}
    # Of the written one's kind only; the district found by a reading is no rival.
    assert spelled_alike(cands, bases) == {"sus", "guess"}
    # Diacritics lost within the script still count as written ...
    assert spelled_alike(cands, {**bases, "sos": WRITTEN}) == {"sus", "guess"}
    # ... a transliteration across scripts does not, nor does a sound-alike.
    assert spelled_alike(cands, {**bases, "sos": CROSS_SCRIPT_SCORE}) == set()
    assert spelled_alike(cands, {**bases, "sos": LAYER_SCORES["phonetic"]}) == set()
    # A cross-script match is no sound-alike either: it is never pushed down.
    cands[0] = _cand("sus", "settlement", 1.07, "normalised")
    assert spelled_alike(cands, {**bases, "sus": CROSS_SCRIPT_SCORE}) == {"guess"}


@pytest.mark.parametrize("text,place,not_place", [
    ("Sos", "wof:1242904569", "wof:1344118207"),      # the village of Xocavənd, not the known Sus of Lachin
    ("Shosh", "wof:1226373065", "wof:1344118207"),    # Şuşikənd's Armenian name, not Sus
    ("Dashalty", "wof:1310342217", "wof:1226231261"),  # the known Daşaltı, through its Russian name
])
def test_spelled_as_written_before_sounding_alike_on_the_real_data(gaz, text, place, not_place):
    res = gaz.resolve(text)
    assert res.status == "resolved" and res.place.id == place, res.why
    assert not_place in {c.place.id for c in res.candidates[1:]} or text == "Shosh"


def test_a_context_in_a_case_form_is_the_unit_it_declines(gaz):
    # "Нахичевани" matches the city as written (a transliteration of its
    # Georgian name), but a context is most often a unit: the locative of
    # Нахичевань, the Autonomous Republic, is read too.
    ctx = gaz._decider.read_context("Нахичевани")
    assert "gz:nakhchivan-ar" in {p.id for p in ctx.places}
    # (The retrieval's declined forms read it, as they read "Тертере", in Tartar, which
    # only sounds like Dardərə as written: the district alone.)
    assert [p.id for p in gaz._decider.read_context("Тертере").places] == ["wof:85668653"]
    res = gaz.resolve("Гейдарабад", near="Нахичевани")
    assert res.status == "resolved" and res.place.id == "wof:1310446369", res.why
    # Not when the text says what it is, nor when a unit matched as written.
    assert "gz:nakhchivan-ar" not in {p.id for p in gaz._decider.read_context("город Нахичевани").places}
    # "Кубатлы" is written as the town's Russian name and only sounds like the
    # district's; as for a bare "Jabrayil", the district holding the town is meant.
    assert {p.id for p in gaz._decider.read_context("Кубатлы").places} == {"wof:85668629"}
    assert {p.id for p in gaz._decider.read_context("город Кубатлы").places} == {"wof:421169387"}


def test_a_candidates_own_names_are_read_from_the_data_when_it_stores_them(gaz):
    from gazetteer.decision import Decider
    from gazetteer.parsing import parse_name

    index = next(i for i, place in enumerate(gaz) if place.name == "Aşağı Sirik")
    stored = list(gaz._decider._stored_own)

    def partial(own):
        decider = Decider(place=gaz._place, retriever=gaz._retriever, regions=gaz._decider._regions,
                          in_area=gaz.in_area, area_on=True, own=own)
        parsed = parse_name("Sirik")
        found = gaz._retriever.find(parsed)
        assert index in found
        cand = next(c for c in decider.score(parsed, found, (), None).candidates if c.place.name == "Aşağı Sirik")
        return any("only part of it" in why for why in cand.why)

    # Stored ("sirik:lower") or computed from its names, "Sirik" is only part of Aşağı Sirik's name ...
    assert partial(stored) and partial(None)
    # ... and what the data stores is what counts.
    stored[index] = "sirik"
    assert not partial(stored)


def test_a_unit_spelled_like_its_own_town_stays_the_context(gaz):
    read = gaz._decider.read_context
    jabrayil_district, jabrayil_town = "wof:85668323", "wof:890443189"
    # "Cebrayil" is written exactly as the town's ASCII name and only sounds
    # like the district's; the town lies in the district, so the district is
    # no other place sounding alike: it stays the context.
    assert ids(read("Cebrayil")) == [(jabrayil_district, "district")]
    # The text saying "district" asks for the unit, however it is spelled.
    assert ids(read("Cebrayil rayonu")) == [(jabrayil_district, "district")]
    assert ids(read("Cebrayil şəhəri")) == [(jabrayil_town, "settlement")]
    # A village that only sounds like a district (and does not lie in it)
    # still leaves the district out, unless the text says it names a unit:
    # then the unit spelled like it is the one meant.
    assert {kind for _, kind in ids(read("Meşəli"))} == {"settlement"}
    assert ids(read("Meşəli rayonu")) == ids(read("Meşəli vilayəti")) == [("wof:85668397", "district")]
    # So the Jabrayil village is chosen over the Fuzuli namesake.
    res = gaz.resolve("Sukurbeyli", near="Cebrayil")
    assert res.status == "resolved" and res.place.id == "wof:1209393849"
    assert "in Cəbrayıl (district)" in res.why


def test_a_context_that_says_it_names_a_unit_keeps_a_unit_that_only_sounds_like_it(gaz):
    # Bare, "Meşəli" is the villages spelled so, not Masallı district, which only
    # sounds like it; "Meşəli region" says a unit is meant, and the district is it.
    bare = gaz._decider.read_context("Meşəli")
    assert bare.places and all(p.kind == "settlement" for p in bare.places)
    assert [p.id for p in gaz._decider.read_context("Meşəli region").places] == ["wof:85668397"]


def test_only_a_bare_context_naming_a_unit_reads_as_a_town_elsewhere(gaz):
    # "Martuni": Artsakh's province, or the Gegharkunik town far from it.
    assert "wof:421169491" in {p.id for p in gaz._decider.read_context("Martuni").elsewhere}
    # Said to be a region, it is the unit alone; a town naming no unit has no other reading.
    assert gaz._decider.read_context("Martuni region").elsewhere == ()
    assert gaz._decider.read_context("Sisian").elsewhere == ()
    # The places a context names come in one order, by id.
    askeran = [p.id for p in gaz._decider.read_context("Askeran").places]
    assert askeran == sorted(askeran) and len(askeran) == 2


def test_a_unit_without_an_outline_is_located_by_the_outlined_districts_it_holds(gaz):
    # The districts whose parents name the unit, and that have an outline of their own:
    # Kashatagh by Laçın, Qubadlı and Zəngilan; the Nakhchivan AR by its eight districts;
    # a district (outlined itself) and an Artsakh province holding no district, by none.
    regions = gaz._decider._regions
    assert regions.covers("gz:kashatagh") == ["wof:85668621", "wof:85668629", "wof:85668659"]
    nakhchivan = regions.covers("gz:nakhchivan-ar")
    assert len(nakhchivan) == 8 and all(gaz.get(d).kind == "district" and regions.has(d) for d in nakhchivan)
    assert all("gz:nakhchivan-ar" in gaz.get(d).parents for d in nakhchivan)
    assert regions.covers(ROUGH_UNIT) == [] and regions.covers("wof:85668621") == []

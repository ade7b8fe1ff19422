"""The geopy geocoder: forward and reverse, addresses in the language asked."""

import pytest
from geopy.point import Point

from gazetteer.errors import InputError
from gazetteer.geocoder import GazetteerGeocoder

SANASAR = "wof:421169387"


@pytest.fixture(scope="module")
def geo(gaz):
    return GazetteerGeocoder(gaz)


@pytest.mark.parametrize("lang,head,tail", [
    (None, "Gubadli", "Azerbaijan"), ("en", "Gubadli", "Azerbaijan"), ("eng", "Gubadli", "Azerbaijan"),
    ("hy", "Սանասար", "Ադրբեջանական Հանրապետություն"), ("ru", "Кубатлы", "Азербайджан"),
    ("az", "Qubadlı", "Azərbaycan"), ("ru-RU", "Кубатлы", "Азербайджан"),
])
def test_address_is_the_hierarchy_in_the_language(geo, lang, head, tail):
    loc = geo.geocode("Sanasar", language=lang)
    parts = loc.address.split(", ")
    assert parts[0] == head and parts[-1] == tail and len(parts) >= 4
    assert loc.raw["id"] == SANASAR and loc.raw["status"] == "resolved"


def test_reverse_finds_the_nearest_place(geo, gaz):
    town = gaz.get(SANASAR)
    for query in (f"{town.lat}, {town.lon}", (town.lat, town.lon), Point(town.lat, town.lon)):
        loc = geo.reverse(query)
        assert loc.raw["id"] == SANASAR and loc.raw["distance_km"] == 0
    loc = geo.reverse((town.lat, town.lon), language="ru", exactly_one=False)
    assert loc[0].address.startswith("Кубатлы")
    assert loc[0].raw["within"][-1] == "wof:85632717"   # Azerbaijan


def test_reverse_far_from_everything(geo):
    assert geo.reverse((35.0, 40.0)) is None
    assert geo.reverse((35.0, 40.0), exactly_one=False) == []


@pytest.mark.parametrize("call", [
    lambda g: g.reverse("not a point"),
    lambda g: g.geocode("Sanasar", language="de"),
    lambda g: g.reverse((39.3, 46.5), language="fr"),
])
def test_bad_arguments(geo, call):
    with pytest.raises(InputError):
        call(geo)


def test_ambiguous_names_are_not_guessed(geo):
    assert geo.geocode("Martuni") is None
    assert len(geo.geocode("Martuni", exactly_one=False)) >= 2


# --- Each rule on its own, as the mutation run (benchmarks/mutation.py spatial) asks. ---

ARARAT_TOWN = "wof:421205495"


def test_address_names_each_unit_once_and_falls_back_to_the_display_name(geo, gaz):
    # Ararat town lies in Ararat province: one "Ararat", not two.
    town = gaz.get(ARARAT_TOWN)
    loc = geo._location(town, "eng", {})
    assert loc.address == "Ararat, Armenia"
    assert (loc.latitude, loc.longitude) == (town.lat, town.lon)
    # Ceyranbatan and its economic region have no Armenian name: their display names stand in.
    loc = geo.geocode("Ceyranbatan", language="hy")
    assert loc.address == "Ceyranbatan, Ապշերոնի շրջան, Absheron-Khizi economic region, Ադրբեջանական Հանրապետություն"


def test_raw_is_the_record_plus_the_resolution(geo, gaz):
    loc = geo.geocode("Sanasar")
    res = gaz.resolve("Sanasar")
    assert {k: loc.raw[k] for k in ("status", "score", "layer")} == {
        "status": "resolved", "score": res.candidates[0].score, "layer": res.candidates[0].layer}
    assert {k: v for k, v in loc.raw.items() if k not in ("status", "score", "layer")} == gaz.get(SANASAR).raw
    assert (loc.latitude, loc.longitude) == (gaz.get(SANASAR).lat, gaz.get(SANASAR).lon)


def test_exactly_one_false_gives_lists(geo):
    [one] = geo.geocode("Sanasar", exactly_one=False)
    assert one.raw["id"] == SANASAR
    assert geo.geocode("Xyzzyville", exactly_one=False) == [] and geo.geocode("Xyzzyville") is None
    every = geo.geocode("Martuni", exactly_one=False)
    assert [loc.raw["status"] for loc in every] == ["ambiguous"] * len(every)
    assert [loc.raw["id"] for loc in every] == [c.place.id for c in geo.gazetteer.resolve("Martuni").candidates]


def test_context_from_the_call_or_the_geocoder(gaz):
    khojavend_martuni = gaz.resolve("Martuni", near="Khojavend").place.id
    assert GazetteerGeocoder(gaz, near="Khojavend").geocode("Martuni").raw["id"] == khojavend_martuni
    assert GazetteerGeocoder(gaz).geocode("Martuni", near="Khojavend").raw["id"] == khojavend_martuni
    with pytest.raises(InputError, match="as_of"):
        GazetteerGeocoder(gaz).geocode("Sanasar", as_of="not a date")


def test_a_geocoder_without_a_gazetteer_loads_the_bundled_one():
    geo = GazetteerGeocoder()
    assert geo.geocode("Sanasar").raw["id"] == SANASAR
    assert geo.headers["User-Agent"] == "armaz-gazetteer"
    assert GazetteerGeocoder(geo.gazetteer, user_agent="my-app/1.0").headers["User-Agent"] == "my-app/1.0"


def test_reverse_range_lists_and_one_index(geo, gaz):
    # The nearest place to a point far south-west of the region: Mount Ararat,
    # the one landmark filed in Turkey, closer than Pater, the westernmost village.
    assert geo.reverse((35.0, 40.0), max_km=2000).raw["id"] == "gz:mount-ararat"
    town = gaz.get(ARARAT_TOWN)
    [loc] = geo.reverse((town.lat, town.lon), exactly_one=False)
    assert loc.raw["id"] == "wof:1293500353" and loc.raw["distance_km"] == 0
    assert loc.raw["within"] == [p.id for p in geo.gazetteer._spatial.within(town.lat, town.lon)]
    assert geo.gazetteer._spatial is geo.gazetteer._spatial   # one index per gazetteer


@pytest.mark.parametrize("language,code", [
    (None, "eng"), ("en", "eng"), ("EN", "eng"), ("en-GB", "eng"), ("en_US", "eng"), ("hye", "hye"),
    ("HY", "hye"), ("az", "aze"), ("aze", "aze"), ("ru_RU", "rus"), ("rus", "rus"),
])
def test_language_codes(language, code):
    from gazetteer.geocoder import _language

    assert _language(language) == code


def test_a_bad_language_names_the_choices():
    from gazetteer.geocoder import _language

    with pytest.raises(InputError, match=r"language 'de-DE' is not one of en, hy, az, ru \(or eng, hye, aze, rus\)"):
        _language("de-DE")


def test_reverse_reaches_25_km_by_default(geo, gaz):
    import math

    # 25.5 km due north of the northernmost point place: too far by default.
    top = max((p for p in gaz if p.kind in ("settlement", "landmark")), key=lambda p: p.lat)
    point = (top.lat + 25.5 / (6371.0 * math.pi / 180), top.lon)
    assert geo.reverse(point) is None
    assert geo.reverse(point, max_km=26).raw["id"] == top.id


def test_an_unreadable_point_is_quoted_in_the_error(geo):
    with pytest.raises(InputError, match=r"^cannot read 'not a point' as a point: "):
        geo.reverse("not a point")

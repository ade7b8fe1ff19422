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

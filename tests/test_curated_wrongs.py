"""The Ağdərə district of the law of 5 December 2023 (areas.yaml), which the
data lacked: "Ağdərə rayonu" was the town, confidently, whose point is the
district's seat but whose kind is not a district's.

Compiled with the WOF trees into a temporary folder, so the checks hold whether
or not the shipped data has been regenerated.
"""

from __future__ import annotations

import pytest

from ._compiled import gaz  # noqa: F401  (the compiled gazetteer, not the bundled file)

DISTRICT = "gz:agdara-district"
TOWN = "wof:421204865"


@pytest.mark.parametrize("text", ["Ağdərə rayonu", "Aghdara district", "Agdere rayonu"])
def test_the_district_by_its_word(gaz, text):
    res = gaz.resolve(text)
    assert res.status == "resolved" and res.place.id == DISTRICT, res.why
    assert res.place.kind == "district"


def test_the_bare_name_is_still_the_town(gaz):
    assert gaz.resolve("Ağdərə").place.id == TOWN
    assert gaz.resolve("Aghdara").place.id == TOWN


def test_the_town_is_its_seat(gaz):
    # As context the district reaches round its seat: a village of the
    # district's name near the town, not its namesakes elsewhere.
    assert gaz.get(TOWN).parents[0] == DISTRICT
    res = gaz.resolve("Balliqaya", near="Agdere rayonu")
    assert res.status == "resolved" and res.place.id == "wof:1243292593", res.why


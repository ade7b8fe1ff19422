"""Villages and towns outside the conflict zone, as reports and pages write them (toponyms-azvil11).

Each case failed before its rule: a unit's word joined to its name with a hyphen
("Jalilabad-Region") matched no place, the press's clipped genitive "rayonun" before a
village was read as part of the name, a German spelling of a Russian Soviet name
("Schdanowsk") found nothing, and a town's Soviet name tied villages filed under it.
"""

from __future__ import annotations

import pytest

from gazetteer.normalize import foreign_readings
from gazetteer.parsing import parse_name


@pytest.mark.parametrize("text", ["Əli Bayramlı", "Ali Bayramli", "Ali-Bayramly", "Али-Байрамлы"])
def test_a_towns_soviet_name_is_the_town(gaz, text):
    # Şirvan was Əli Bayramlı 1938-2008; villages WOF files the name under are no rivals.
    res = gaz.resolve(text)
    assert res.status == "resolved" and res.place.id == "wof:890433249", (text, res.why)


def test_a_towns_soviet_name_is_no_current_label(gaz):
    place = gaz.get("wof:890433249")
    old = [n for n in place.names if n.text == "Али-Байрамлы"]
    assert old and all(n.type == "historical" for n in old)

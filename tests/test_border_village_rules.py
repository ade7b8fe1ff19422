"""Descriptors the Armenian press puts on a village written in Latin letters.

"the border village of Khnatsakh" (armenia.news-pravda.com, 27 April 2025, a
road to the Armenian border village) names the village itself; before the
rule the parser read it as a village of a place "border".
"""
import pytest

from gazetteer.parsing import parse_name


@pytest.mark.parametrize("raw", ["border village of Khnatsakh", "the border village of Khnatsakh",
                                 "Border Village of Khnatsakh"])
def test_border_village_of_names_the_village(raw):
    parsed = parse_name(raw)
    assert parsed.name == "Khnatsakh"
    assert parsed.context == ()
    assert parsed.kind_hint == "settlement"
    assert parsed.size_hint == "village"


def test_border_village_with_province_keeps_the_province_as_context():
    parsed = parse_name("border village of Tegh in Syunik province")
    assert parsed.name == "Tegh"
    assert parsed.context == ("Syunik province",)


def test_a_village_of_a_named_place_still_reads_its_context():
    # The rule's guard: "Davit Bek village of Syunik" is a village in Syunik.
    parsed = parse_name("Davit Bek village of Syunik")
    assert parsed.name == "Davit Bek"
    assert parsed.context == ("Syunik",)

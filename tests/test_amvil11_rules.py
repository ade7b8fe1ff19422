"""Villages of Armenia away from the front lines, as general texts name them (toponyms-amvil11).

Each case failed before its rule: French elides "de" after the village word
("le village d'Aroutch"), so the "d'" stayed on the name and nothing was found;
pages translated from English into Russian or Bulgarian keep "Провинция" before
the province's name, which was read as part of the name, so the province gave
no context and "Мартуни (село)" went to a namesake 56 km outside it.
"""

from __future__ import annotations

import pytest

from gazetteer.parsing import parse_name


@pytest.mark.parametrize("text, name, size", [
    ("village d'Aroutch", "Aroutch", "village"),
    ("le village d'Aroutch", "Aroutch", "village"),
    ("la ville d'Achtarak", "Achtarak", "town"),
    # The unelided form was read before, and still is.
    ("village de Lusarat", "Lusarat", "village"),
])
def test_a_french_village_word_before_an_elided_de(text, name, size):
    parsed = parse_name(text)
    assert (parsed.name, parsed.kind_hint, parsed.size_hint) == (name, "settlement", size)


def test_an_apostrophe_inside_a_name_is_not_a_village_word():
    # Only "village d'" is the word: a name of its own with an apostrophe keeps it.
    assert parse_name("d'Aroutch").kind_hint is None


@pytest.mark.parametrize("text, name", [
    ("Провинция Гегаркуник", "Гегаркуник"),
    ("провинции Лори", "Лори"),
    ("провинцию Сюник", "Сюник"),
])
def test_a_russian_province_word_before_the_name(text, name):
    parsed = parse_name(text)
    assert (parsed.name, parsed.kind_hint) == (name, "province")


def test_the_province_word_gives_the_province_as_context(gaz):
    # Martuni, the Gegharkunik village, not the town of the same province nor a namesake outside it.
    res = gaz.resolve("Мартуни (село)", near="Провинция Гегаркуник")
    assert res.status == "resolved" and res.place.id == "wof:1108783361"


def test_the_elided_village_word_finds_the_village(gaz):
    res = gaz.resolve("village d'Aroutch", near="région ouest d'Aragatsotn")
    assert res.status == "resolved" and res.place.name == "Aruch"

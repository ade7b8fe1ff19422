"""Name forms the 2021-2022 border-clash set met (parsing.py).

Each test failed before the rule it guards:

* a word for the ground of a place, which says nothing of its kind, is dropped
  from the end: "Kəlbəcər rayonu ərazisində" (the Azerbaijani MoD's "in the
  territory of"), "the Sev Lake area", "Երասխի հատվածում" (Armenian "in the
  sector of");
* a unit's word in a case form is also tried in the form a unit's own name
  holds: "Basarkeçər rayonunun" is in the raion named "Basarkeçər rayonu";
* "X village of Y" names the village with Y as context even when Y carries no
  unit word ("Davit Bek Village of Syunik").
"""

from __future__ import annotations

import pytest

from gazetteer.parsing import parse_name

from ._compiled import gaz  # noqa: F401  (the compiled gazetteer, not the bundled file)


@pytest.mark.parametrize("text, name, kind", [
    ("Kəlbəcər rayonu ərazisində", "Kəlbəcər", "district"),
    ("Laçın rayonu ərazisindəki", "Laçın", "district"),
    ("Sev Lake area", "Sev", "landmark"),
    ("Vardenis section", "Vardenis", None),
    ("Երասխի հատվածում", "Երասխի", None),
    ("Սոթքի տարածքում", "Սոթքի", None),
])
def test_a_ground_word_is_dropped(text, name, kind):
    parsed = parse_name(text)
    assert (parsed.name, parsed.kind_hint) == (name, kind), parsed


def test_the_ground_word_alone_stays_a_name():
    # Nothing before it: the text is kept, so the caller reports it as not found.
    assert parse_name("area").name == "area"


@pytest.mark.parametrize("text, nominative", [
    ("Basarkeçər rayonunun", "Basarkeçər rayonu"),
    ("Qarakilsə rayonundan", "Qarakilsə rayonu"),
    ("Վարդենիսի շրջանի", "Վարդենիսի շրջան"),
])
def test_a_unit_word_in_a_case_form_is_also_tried_in_the_nominative(text, nominative):
    parsed = parse_name(text)
    assert parsed.kind_hint == "district"
    assert nominative in parsed.alternatives, parsed


def test_village_of_a_bare_province():
    parsed = parse_name("Davit Bek Village of Syunik")
    assert (parsed.name, parsed.kind_hint, parsed.context) == ("Davit Bek", "settlement", ("Syunik",))


@pytest.mark.parametrize("text, expected", [
    # The Soviet Vardenis raion, not the town it is named for.
    ("Basarkeçər rayonunun", "gz:am-vardenis-raion"),
    ("Kəlbəcər rayonu ərazisində", "wof:85668221"),
    ("Երասխի հատվածում", "wof:1108783669"),
])
def test_the_forms_resolve(gaz, text, expected):
    res = gaz.resolve(text)
    assert res.status == "resolved" and res.place.id == expected, res.why


def test_the_village_of_x_is_no_village_of_a_province():
    # "the village of Sanasar" keeps its own reading: the name follows "village of".
    parsed = parse_name("the village of Sanasar (Gubadli)")
    assert (parsed.name, parsed.context) == ("Sanasar", ("Gubadli",))

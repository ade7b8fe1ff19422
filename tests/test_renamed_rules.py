"""The Armenian case forms of the unit words that the renamed-names set met (parsing.py).

Armenian texts put a district or marz in the locative or ablative after the unit's
genitive: "Քաշաթաղի շրջանում" (in the Kashatagh region), "Տավուշի մարզից" (from the
Tavush marz). Only the genitive ("շրջանի", "մարզի") and the bare word were
descriptors, so "Քաշաթաղի շրջանում" was read as one unknown name and found nothing.
Each test below failed before the rule.
"""

from __future__ import annotations

import pytest

from gazetteer.parsing import parse_name

from ._compiled import gaz  # noqa: F401  (the compiled gazetteer, not the bundled file)

KASHATAGH = "gz:kashatagh"
JABRAYIL_DISTRICT = "wof:85668323"
TAVUSH = "wof:85668095"
SYUNIK = "wof:85668119"


@pytest.mark.parametrize("text, name, kind", [
    ("Քաշաթաղի շրջանում", "Քաշաթաղ", "district"),
    ("Ջաբրայիլի շրջանից", "Ջաբրայիլ", "district"),
    ("Տավուշի մարզում", "Տավուշ", "province"),
    ("Սյունիքի մարզից", "Սյունիք", "province"),
])
def test_locative_and_ablative_unit_words_are_descriptors(text, name, kind):
    parsed = parse_name(text)
    assert (parsed.name, parsed.kind_hint) == (name, kind)


def test_a_name_that_only_ends_like_the_word_is_left_alone():
    # The words are whole words: a one-word name is never cut.
    assert parse_name("Շրջանում").name == "Շրջանում"


@pytest.mark.parametrize("text, place", [
    ("Քաշաթաղի շրջանում", KASHATAGH),
    ("Ջաբրայիլի շրջանից", JABRAYIL_DISTRICT),
    ("Տավուշի մարզից", TAVUSH),
])
def test_resolved_to_the_unit(gaz, text, place):
    res = gaz.resolve(text)
    assert res.status == "resolved", (text, res.status, res.why)
    assert res.place.id == place

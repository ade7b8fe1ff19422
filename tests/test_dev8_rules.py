"""Spellings the eighth own set met (parsing.py), from Armenian-language texts.

Each test failed before the rule it guards:

* classical (Mesropian) orthography, as the diaspora and Western Armenian
  press write it: "Մովսէս գիւղին", "Տաւուշի մարզի", read in the reformed
  spelling the data holds; the reformed "և", which NFKC splits into ե and ւ,
  is no mark of it ("Երևան" stays as it is);
* Armenian case forms of the village and town words ("գյուղին", "գյուղից",
  "քաղաքի", "քաղաքից") and the village head or mayor after the name's
  genitive ("Աղավնոյի գյուղապետ");
* a bare Armenian genitive that a hamlet also bears as its name (GeoNames'
  "Syunik'i", Սյունիքի): the province it declines is a candidate too, and the
  notable one wins (retrieval.py).
"""

from __future__ import annotations

import pytest

from gazetteer.parsing import _reformed_armenian, parse_name

MOVSES = "wof:421193275"
BAGHANIS = "wof:1108782661"
MARTAKERT = "wof:421204865"
BERDZOR = "wof:1125773715"
AGHAVNO = "wof:1192979901"
TAVUSH = "wof:85668095"
SYUNIK = "wof:85668119"
MEGHRI = "wof:421173985"
SHUSHA = "wof:421174129"


@pytest.mark.parametrize("classical, reformed", [
    ("Մովսէս գիւղին", "Մովսես գյուղին"), ("Տաւուշի մարզի", "Տավուշի մարզի"), ("Սիւնիք", "Սյունիք"),
    ("Աւետիսեան", "Ավետիսյան"), ("Բաղանիս գիւղը", "Բաղանիս գյուղը")])
def test_classical_orthography_is_read_in_the_reformed_spelling(classical, reformed):
    assert _reformed_armenian(classical) == reformed


@pytest.mark.parametrize("text", [
    "Երևան",            # NFKC makes its և into եւ: both orthographies write that
    "Երեւան", "Սեւան",
    "Այսօր Մովսես",      # no ւ outside ու/եւ: a reformed text, its օ kept
    "Շուռնուխ", "Տավուշ"])
def test_a_reformed_text_is_left_as_it_is(text):
    assert _reformed_armenian(text) == text


@pytest.mark.parametrize("text, name, kind, size", [
    ("Մովսէս գիւղին", "Մովսես", "settlement", "village"),
    ("Բաղանիս գիւղը", "Բաղանիս", "settlement", "village"),
    ("Տաւուշի մարզի", "Տավուշ", "province", None),
    ("Մովսես գյուղից", "Մովսես", "settlement", "village"),
    ("Մարտակերտ քաղաքի", "Մարտակերտ", "settlement", "town"),
    ("Բերձոր քաղաքից", "Բերձոր", "settlement", "town"),
    ("Աղավնոյի գյուղապետ", "Աղավնոյի", "settlement", "village"),
    ("Բերձորի քաղաքապետը", "Բերձորի", "settlement", "town"),
])
def test_armenian_descriptor_forms(text, name, kind, size):
    parsed = parse_name(text)
    assert (parsed.name, parsed.kind_hint, parsed.size_hint) == (name, kind, size)


@pytest.mark.parametrize("text, near, place", [
    ("Մովսէս գիւղի", None, MOVSES), ("Մովսէս գիւղին", "Բերդ շրջանի", MOVSES),
    ("Բաղանիս գիւղը", "Տաւուշի մարզի", BAGHANIS), ("Տաւուշի մարզի", None, TAVUSH),
    ("Մարտակերտ քաղաքի", None, MARTAKERT), ("Բերձոր քաղաքի", None, BERDZOR),
    ("Աղավնոյի գյուղապետ", None, AGHAVNO)])
def test_resolved(gaz, text, near, place):
    res = gaz.resolve(text, near=near)
    assert res.status == "resolved", (text, res.status, res.why)
    assert res.place.id == place


def test_a_provinces_genitive_is_the_province_though_a_hamlet_bears_it(gaz):
    res = gaz.resolve("Սյունիքի")
    assert (res.status, res.place.id if res.place else None) == ("resolved", SYUNIK), res.why


@pytest.mark.parametrize("text, place", [("Մեղրի", MEGHRI), ("Շուշի", SHUSHA)])
def test_a_town_whose_name_ends_in_i_stays_the_town(gaz, text, place):
    # A guard: only a stem that names a province or district adds a candidate.
    res = gaz.resolve(text)
    assert (res.status, res.place.id if res.place else None) == ("resolved", place), res.why

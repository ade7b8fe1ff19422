"""Armenian-script and romanized-Armenian texts of 2019-2024 on Karabakh villages (toponyms-hyart).

Each case failed before its rule: a Western Armenian postposition, an ablative
built on the -ու genitive, the village word's article before a vowel, a
resident's phrase, a French unit word before the name, or a romanization
writing Armenian ղ as "kh" left the name unread or gave a namesake in
Armenia proper outright.
"""

from __future__ import annotations

import pytest

from gazetteer.normalize import inflection_stems
from gazetteer.parsing import parse_name


@pytest.mark.parametrize("text, name, kind", [
    # Western Armenian writes the locative as a genitive or dative with մէջ ("in").
    ("Ստեփանակերտի մէջ", "Ստեփանակերտի", None),
    ("Ծաղկաշատ գիւղին մէջ", "Ծաղկաշատ", "settlement"),
    ("Արցախի Ասկերան շրջանի մէջ", "Ասկերան", "district"),
    # Eastern Armenian's spelling of the same word.
    ("Ստեփանակերտի մեջ", "Ստեփանակերտի", None),
])
def test_the_postposition_mej_is_dropped(text, name, kind):
    parsed = parse_name(text)
    assert (parsed.name, parsed.kind_hint) == (name, kind)


@pytest.mark.parametrize("name, near, place", [
    ("Ստեփանակերտի մէջ", None, "wof:421193975"),  # Stepanakert
    ("Ծաղկաշատ գիւղին մէջ", "Ասկերանի շրջանի", "wof:1277016355"),  # Tsaghkashat of Askeran
    # The Western Armenian context now reads as Askeran: the Khnatsakh there,
    # not Syunik's (which the press mark gave before).
    ("Խնածախ", "Արցախի Ասկերան շրջանի մէջ", "wof:1243292899"),
])
def test_the_postposition_mej_resolved(gaz, name, near, place):
    res = gaz.resolve(name, near)
    assert res.status == "resolved" and res.place.id == place, (name, res.status, res.why)


def test_an_ablative_on_the_u_genitive_is_read_back_to_its_name():
    # Մարտունի, genitive Մարտունու, ablative Մարտունուց ("from Martuni").
    assert inflection_stems("Մարտունուց") == ["Մարտունի"]
    # The plain ablative of a name in a consonant keeps its own ending.
    assert "Հադրութ" in inflection_stems("Հադրութից")


def test_an_ablative_on_the_u_genitive_resolved(gaz):
    res = gaz.resolve("Մարտունուց")
    assert res.status == "resolved" and res.place.id == "wof:1125861049", res.why  # Martuni of Artsakh


@pytest.mark.parametrize("text, name", [
    ("Արցախի Սղնախ գյուղն", "Սղնախ"),
    ("Սղնախ գյուղն", "Սղնախ"),
])
def test_the_village_word_with_the_article_before_a_vowel(text, name):
    parsed = parse_name(text)
    assert (parsed.name, parsed.kind_hint, parsed.size_hint) == (name, "settlement", "village")


@pytest.mark.parametrize("text", ["a resident of Nor Maragha", "residents of Nor Maragha",
                                  "a native of Nor Maragha"])
def test_a_residents_phrase_before_the_name_is_dropped(text):
    assert parse_name(text).name == "Nor Maragha"


@pytest.mark.parametrize("text, name", [
    ("région de Martouni", "Martouni"),
    ("region de Martuni", "Martuni"),
    ("région d'Askeran", "Askeran"),
])
def test_the_french_region_word_before_a_name(text, name):
    parsed = parse_name(text)
    assert (parsed.name, parsed.kind_hint) == (name, "district")


@pytest.mark.parametrize("name, near, place", [
    # Two Vazgenashens (Martuni's and Kashatagh's): the French region word decides.
    ("Vazgenashen", "région de Martouni", "wof:1327233525"),
    ("village de Vazgenashen", "région de Martuni", "wof:1327233525"),
    ("Ivanyan", "région d'Askeran", "wof:1126002571"),
])
def test_the_french_region_word_as_context(gaz, name, near, place):
    res = gaz.resolve(name, near)
    assert res.status == "resolved" and res.place.id == place, (name, near, res.why)

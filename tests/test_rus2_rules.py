"""Russian-language texts of 2016-2024 around a place name (toponyms-rus2).

Each case failed before its rule: a plural village word, a country's genitive
after a unit, or a sentence's words before the name (a headline's "Жители",
"после сдачи", a country's adjective) were read as part of the name, so the
name was not found.
"""

from __future__ import annotations

import pytest

from gazetteer.parsing import parse_name, russian_name_parts


@pytest.mark.parametrize("text, name", [
    # The plural village word before a list: the first name is read.
    ("у сел Воскепар и Баганис", "Воскепар"),
    ("В селах Воскепар и Баганис", "Воскепар"),
    ("в селах Шушакенд и Тагаверд", "Шушакенд"),
    # A name of two words, before a list or alone.
    ("над селами Баганис Айрым и Ашагы Аскипара", "Баганис Айрым"),
    ("селами Баганис Айрым", "Баганис Айрым"),
    ("сел Баганис Айрым", "Баганис Айрым"),
])
def test_a_plural_village_word_and_its_list(text, name):
    parsed = parse_name(text)
    assert (parsed.name, parsed.kind_hint, parsed.size_hint) == (name, "settlement", "village")


def test_a_pair_without_a_plural_word_is_left_alone():
    # Only the plural word says the text lists places.
    assert parse_name("Воскепар и Баганис").name == "Воскепар и Баганис"


@pytest.mark.parametrize("text, name, kind, country", [
    # Read in the nominative, as a context is best read.
    ("Тавушской области Армении", "Тавушской", "province", "Армения"),
    ("в Тертерском районе Азербайджана", "Тертерском", "district", "Азербайджан"),
    ("села Баганис Республики Армения", "Баганис", "settlement", "Республики Армения"),
    ("Мартуни Нагорного Карабаха", "Мартуни", None, "Нагорный Карабах"),
])
def test_a_country_genitive_after_the_name_is_context(text, name, kind, country):
    parsed = parse_name(text)
    assert (parsed.name, parsed.kind_hint) == (name, kind) and country in parsed.context


@pytest.mark.parametrize("text, label, kind", [
    ("Тавушской области Армении", "Tavush", "province"),
    ("в Тертерском районе Азербайджана", "Tərtər", "district"),
])
def test_a_country_genitive_resolved(gaz, text, label, kind):
    res = gaz.resolve(text)
    assert res.status == "resolved", (text, res.why)
    assert res.place.kind == kind and res.place.name.startswith(label), (text, res.place.name)


@pytest.mark.parametrize("text, parts", [
    ("после сдачи Карвачара", ["Карвачара"]),
    ("до центра Шурнуха", ["Шурнуха"]),
    ("армянского Воскепар", ["Воскепар"]),
    ("азербайджанского Ашагы Аскипара", ["Ашагы Аскипара"]),
    # A headline's first word, capitalised: only a listed noun is dropped.
    ("Жители Тертера", ["Тертера"]),
    ("Верин Воскепар", []),
    ("Воскепар", []),
])
def test_russian_name_parts(text, parts):
    assert russian_name_parts(text) == parts


@pytest.mark.parametrize("text, label", [
    ("после сдачи Карвачара", "Kəlbəcər"),
    ("до центра Шурнуха", "Shurnukh"),
    ("армянского Воскепар", "Voskepar"),
    ("азербайджанского Баганис Айрым", "Boğanis Ayrım"),
    # "Тертера" alone sounds like Dardərə; its stem is the town's name as written.
    ("Жители Тертера", "Tərtər"),
    ("Жители Воскепара", "Voskepar"),
])
def test_the_capitalised_name_of_a_russian_phrase_resolved(gaz, text, label):
    res = gaz.resolve(text)
    assert res.status == "resolved", (text, res.why)
    assert res.place.kind == "settlement" and res.place.name.startswith(label), (text, res.place.name)


@pytest.mark.parametrize("text", ["Берда", "в Берде"])
def test_a_russian_case_form_whose_stem_is_a_russian_name_is_no_sound_alike(gaz, text):
    # Берд's genitive and locative: Bərdə (Russian "Барда") only sounds like
    # them, or shares a Latin spelling ("Berde"), and does not win on its size.
    res = gaz.resolve(text)
    assert res.status == "resolved" and res.place.name == "Berd" and res.place.country == "AM", (text, res.why)


def test_barda_in_its_own_case_forms_stays(gaz):
    for text in ("Барды", "в Барде", "Барда"):
        res = gaz.resolve(text)
        assert res.status == "resolved" and res.place.name == "Bərdə", (text, res.why)


@pytest.mark.parametrize("text, near, label", [
    # A bare "Мартуни" is Armenia's town or Karabakh's: the region's genitive decides.
    ("Мартуни Нагорного Карабаха", None, "Xocavənd (Martuni)"),
    ("в городе Мартуни Нагорного Карабаха", None, "Xocavənd (Martuni)"),
    ("Мартуни Армении", None, "Martuni"),
])
def test_a_region_genitive_chooses_between_namesakes(gaz, text, near, label):
    res = gaz.resolve(text)
    assert res.status == "resolved" and res.place.name == label and res.place.kind == "settlement", (text, res.why)


@pytest.mark.parametrize("text, label", [
    # The Azerbaijani MoD's Russian names Armenia's raions by their Azerbaijani
    # names: Gorus (Goris), Gafan (Kapan), Garakilsa (Sisian), with ё and я
    # for Azerbaijani ö and ə after a consonant.
    ("Горусского района", "Goris raion"),
    ("Гёрусского района", "Goris raion"),
    ("в Гёрусском районе", "Goris raion"),
    ("Гёрусском направлении", "Goris raion"),
    ("Гярагилсинского района", "Sisian raion"),
])
def test_an_azerbaijani_raion_name_in_russian(gaz, text, label):
    res = gaz.resolve(text)
    assert res.status == "resolved" and res.place.kind == "district", (text, res.why)
    assert label in {n.text for n in res.place.names}, (text, res.place.name)


@pytest.mark.parametrize("text, label, kind", [
    # A Russian case form found by its stem alone: the place the stem spells
    # above those that only sound like it (Ardenis of Shirak, Kajarants, Tovuz).
    ("Артаниша", "Artanish", "settlement"),
    ("в Артанише", "Artanish", "settlement"),
    ("Каджарана", "Kajaran", "settlement"),
    ("в направлении Тавуша", "Tavush", "province"),
])
def test_a_stem_spelled_as_a_name_above_its_sound_alikes(gaz, text, label, kind):
    res = gaz.resolve(text)
    assert res.status == "resolved" and res.place.name == label and res.place.kind == kind, (text, res.why)


@pytest.mark.parametrize("text, label, kind", [
    # Two fronts named by their adjectives before the plural unit word: the first.
    ("в Кельбаджарском и Лачинском районах", "Kəlbəcər", "district"),
    ("Кельбаджарского и Лачинского районов", "Kəlbəcər", "district"),
    # Where the fire came from, as a defence ministry words it.
    ("со стороны Басаркечарского района", "Vardenis raion (Armenian SSR)", "district"),
    ("с позиций в Басаркечарском районе", "Vardenis raion (Armenian SSR)", "district"),
    ("со стороны села Ашагы Шорджа", "Nerkin Shorzha", "settlement"),
    # The direction word in the genitive.
    ("Агдеринского направления", "Mardakert raion (NKAO)", "district"),
])
def test_defence_ministry_phrasings(gaz, text, label, kind):
    res = gaz.resolve(text)
    assert res.status == "resolved" and res.place.name == label and res.place.kind == kind, (text, res.why)


@pytest.mark.parametrize("text, label", [
    # A Russian landmark word beside the name is its English one too: the
    # checkpoint's names are English and Azerbaijani.
    ("КПП Лачин", "Lachin checkpoint (Hakari bridge)"),
    ("КПП «Лачин»", "Lachin checkpoint (Hakari bridge)"),
    ("пункте пропуска «Лачин»", "Lachin checkpoint (Hakari bridge)"),
])
def test_a_russian_landmark_word_as_its_english_one(gaz, text, label):
    res = gaz.resolve(text)
    assert res.status == "resolved" and res.place.name == label and res.place.kind == "landmark", (text, res.why)


@pytest.mark.parametrize("text, label", [
    # A lower-case adjective before a landmark's word says what it is like.
    ("пограничного пункта пропуска Лачин", "Lachin checkpoint (Hakari bridge)"),
    ("азербайджанского КПП на мосту Хакари", "Lachin checkpoint (Hakari bridge)"),
    ("древнего монастыря Дадиванк", "Dadivank"),
    # A capitalised one is the landmark's name.
    ("Черного озера", "Sev Lich (Black Lake)"),
    ("Лачинского коридора", "Lachin corridor"),
])
def test_an_adjective_before_a_landmark_word(gaz, text, label):
    res = gaz.resolve(text)
    assert res.status == "resolved" and res.place.name == label and res.place.kind == "landmark", (text, res.why)


def test_a_landmark_word_keeps_a_russian_phrase_from_naming_a_place():
    # The sentence's words hold a landmark's word: not a village named after it.
    assert russian_name_parts("пограничного пункта пропуска Лачин") == []
    assert russian_name_parts("взрыв у моста Хакари") == []


@pytest.mark.parametrize("text", ["вокруг села Талыш (Талиш)", "Талыш (Талиш)", "Talish (Talış)"])
def test_a_parenthesis_with_the_other_spelling_does_not_split_namesakes(gaz, text):
    # Both spellings name both villages called Talış: the parenthesis is the
    # name's other spelling, not a place beside one of them, and the Tartar
    # village (the one the press names) stays the answer.
    res = gaz.resolve(text)
    assert res.status == "resolved" and res.place.id == "wof:1310537695", (text, res.why)


def test_a_context_naming_places_beside_namesakes_still_splits_them(gaz):
    # The rule it narrows: "Keshishkend" was Yeghegnadzor's name and is a
    # village of Gadabay, and a Bashkend lies by each.
    res = gaz.resolve("Bashkend", near="Keshishkend")
    assert res.status == "ambiguous", res.why

"""Russian-language agency copy around a place name (toponyms-ru20).

Each case failed before its rule: a preposition of place or a descriptor in
an oblique case was read as part of the name, so the name was not found.
"""

from __future__ import annotations

import pytest

from gazetteer.parsing import parse_name


@pytest.mark.parametrize("text, name", [
    # Prepositions of place, which leave the name in a case form.
    ("по Гяндже", "Гяндже"),
    ("вдоль Лачинского коридора", "Лачинского"),
    ("вокруг Шуши", "Шуши"),
    ("от Сотка", "Сотка"),
    ("до Гориса", "Гориса"),
    ("возле Мадагиза", "Мадагиза"),
    ("к Агдаму", "Агдаму"),
])
def test_a_preposition_of_place_is_dropped(text, name):
    assert parse_name(text).name == name


@pytest.mark.parametrize("text, name, kind, size", [
    # Descriptors in the cases a sentence leaves them in.
    ("селения Мадагиз", "Мадагиз", "settlement", "village"),
    ("селу Талыш", "Талыш", "settlement", "village"),
    ("городу Мингячевир", "Мингячевир", "settlement", "town"),
    ("поселку Бартаз", "Бартаз", "settlement", "township"),
    # A locality or a community says nothing of size.
    ("населенного пункта Джермук", "Джермук", "settlement", None),
    ("населённом пункте Фаррух", "Фаррух", "settlement", None),
    ("общины Тех", "Тех", "settlement", None),
    ("Тавушской области", "Тавушской", "province", None),
])
def test_a_descriptor_in_a_case_form(text, name, kind, size):
    parsed = parse_name(text)
    assert (parsed.name, parsed.kind_hint, parsed.size_hint) == (name, kind, size)


def test_a_preposition_before_a_province_is_no_village_of_it():
    # "в Тавушской области" is the province: the phrase "X Y-ской области"
    # (village X of province Y) needs a name before the province.
    parsed = parse_name("в Тавушской области")
    assert parsed.context == () and parsed.kind_hint == "province"
    # The phrase itself still reads a village of a province.
    parsed = parse_name("село Тех Сюникской области")
    assert (parsed.name, parsed.context) == ("Тех", ("Сюникская область",))


@pytest.mark.parametrize("text, label, kind", [
    ("по Гяндже", "Gəncə", "settlement"),
    ("по Лачинскому коридору", "Lachin corridor", "landmark"),
    ("вдоль Лачинского коридора", "Lachin corridor", "landmark"),
    ("селения Мадагиз", "Suqovuşan", "settlement"),
    ("населенного пункта Джермук", "Jermuk", "settlement"),
    ("в Тавушской области", "Tavush", "province"),
])
def test_resolved(gaz, text, label, kind):
    res = gaz.resolve(text)
    assert res.status == "resolved", (text, res.why)
    assert res.place.kind == kind and label in {n.text for n in res.place.names}, (text, res.place.name)


@pytest.mark.parametrize("text", ["в Тертере", "Тертера"])
def test_a_declined_form_that_only_sounds_like_a_name_tries_its_stem(gaz, text):
    # "Тертере" (in Tartar) is a phonetic match of the village Dardərə, 68 km
    # off; its stem "Тертер" is the town's Russian name as written.
    res = gaz.resolve(text)
    assert res.status == "resolved", (text, res.why)
    assert res.place.name == "Tərtər" and res.place.kind == "settlement", (text, res.place.name)


def test_a_sound_alike_as_written_keeps_its_place(gaz):
    # Not declined: the rule leaves a name its phonetic match explains.
    res = gaz.resolve("Тертер")
    assert res.status == "resolved" and res.place.name == "Tərtər"


@pytest.mark.parametrize("text, name, size", [
    # An adjective before a settlement's word says whose the place is or what
    # it is like; the name follows the word.
    ("азербайджанскому городу Тертер", "Тертер", "town"),
    ("в азербайджанском городе Гянджа", "Гянджа", "town"),
    ("приграничного села Чинари", "Чинари", "village"),
    ("армянское село Мовсес", "Мовсес", "village"),
    # Two of them, after a preposition (the 2024-2026 wire's rebuilt towns); a soft-stem ending;
    # a hyphenated one.
    ("в восстановленном древнем городе Шуша", "Шуша", "town"),
    ("в восстановленный город Шуша", "Шуша", "town"),
    ("в соседнее село Тех", "Тех", "village"),
    ("на верхнее село Тех", "Тех", "village"),
    ("в горно-лесистом селе Чинари", "Чинари", "village"),
])
def test_an_adjective_before_a_settlement_word_is_dropped(text, name, size):
    parsed = parse_name(text)
    assert (parsed.name, parsed.kind_hint, parsed.size_hint) == (name, "settlement", size)


@pytest.mark.parametrize("text, name, kind", [
    # Before a landmark's or a unit's word the adjective is the name itself.
    ("в Лачинском коридоре", "Лачинском", "landmark"),
    ("в Шушинском районе", "Шушинском", "district"),
])
def test_an_adjective_before_other_words_stays(text, name, kind):
    parsed = parse_name(text)
    assert (parsed.name, parsed.kind_hint) == (name, kind)


def test_an_adjective_before_a_settlement_word_resolved(gaz):
    res = gaz.resolve("азербайджанскому городу Тертер")
    assert res.status == "resolved" and res.place.name == "Tərtər" and res.place.kind == "settlement"


@pytest.mark.parametrize("text, near, label", [
    # The region is known by the provinces it covers, and they by their
    # centres: Madagiz and Talış, filed under Tərtər since 1992, lie 57-63 km
    # from Stepanakert but 14-20 km from the Martakert province's centre.
    ("село Мадагиз", "Карабахе", "Suqovuşan"),
    ("Талыш", "Карабах", "Talış"),
    ("Madagiz", "Nagorno-Karabakh", "Suqovuşan"),
])
def test_a_region_reaches_as_far_as_the_units_it_covers(gaz, text, near, label):
    res = gaz.resolve(text, near=near)
    assert res.status == "resolved", (text, near, res.why)
    # (Since the misses round files Madagiz and Talış under the Martakert region, they lie
    # in it; the reach itself is stated on a point below.)
    assert label in {n.text for n in res.place.names}, res.why


def test_a_point_by_a_covered_unit_is_at_the_regions_edge_and_one_far_from_all_outside(gaz):
    from gazetteer import Place
    from gazetteer.decision import ROUGH_KM, Context
    from gazetteer.ranking import km

    region, province = gaz.get("gz:artsakh"), gaz.get("gz:martakert-province")

    def north_of(place, distance):
        return Place(id="test:p", name="P", kind="settlement", lat=place.lat + distance / 111.2, lon=place.lon,
                     country="AZ", parents=(), names=(), sources={})

    by = north_of(province, 10)  # filed under nothing, beyond the region's own reach
    assert km(region, by) > ROUGH_KM + 10
    assert gaz._decider.fit(by, [Context("Karabakh", (region,))])[0] == "edge"
    assert gaz._decider.fit(north_of(province, 80), [Context("Karabakh", (region,))])[0] == "outside"


def test_a_region_does_not_reach_beyond_its_units(gaz):
    # Ijevan, in Tavush, is near none of the region's units.
    res = gaz.resolve("Ijevan", near="Nagorno-Karabakh")
    assert res.status == "not_found" and "lies in or near" in res.why, res.why


@pytest.mark.parametrize("text, name, kind", [
    # "в районе X" is "in the area of X", as the Russian MoD's bulletins put it
    # ("в районе населенного пункта Мадагиз"), not a district named X.
    ("в районе населенного пункта Мадагиз", "Мадагиз", "settlement"),
    ("в районе Шуши", "Шуши", None),
    # A district's word after its adjective is still a district.
    ("в Физулинском районе", "Физулинском", "district"),
])
def test_in_the_area_of_is_no_district(text, name, kind):
    parsed = parse_name(text)
    assert (parsed.name, parsed.kind_hint) == (name, kind)


def test_in_the_area_of_a_town_is_the_town(gaz):
    # Read as a district's word, "в районе Шуши" was the Shushi province.
    res = gaz.resolve("в районе Шуши")
    assert res.status == "resolved" and res.place.kind == "settlement" and res.place.name.startswith("Shusha")


@pytest.mark.parametrize("text, name, kind, size", [
    # Russian abbreviations of the descriptors.
    ("с. Талыш", "Талыш", "settlement", "village"),
    ("г. Физули", "Физули", "settlement", "town"),
    ("пос. Бартаз", "Бартаз", "settlement", "township"),
    ("Тертерского р-на", "Тертерского", "district", None),
    ("Тавушской обл.", "Тавушской", "province", None),
    # "на" before a front's name, as "в" before a place's.
    ("на Физулинском направлении", "Физулинском", "district", None),
])
def test_russian_abbreviations_and_на(text, name, kind, size):
    parsed = parse_name(text)
    assert (parsed.name, parsed.kind_hint, parsed.size_hint) == (name, kind, size)


def test_the_instrumental_in_ей_and_short_stems():
    from gazetteer.normalize import inflection_stems
    # "Шушей" (with Shusha) is Шуша: the stem counts the ending it takes back.
    assert "Шуша" in inflection_stems("Шушей")
    assert "Шуша" in inflection_stems("Шуше")
    assert "Евлах" in inflection_stems("Евлахом")
    # Still no stem of three letters.
    assert "Шуш" not in inflection_stems("Шуше")


def test_the_instrumental_resolved(gaz):
    # "Шушей" was the sound-alike village Susay.
    res = gaz.resolve("под Шушей")
    assert res.status == "resolved" and res.place.name.startswith("Shusha"), res.why


@pytest.mark.parametrize("text", ["Бердзор-Лачин", "Лачин-Бердзор", "Бердзора-Лачина"])
def test_two_names_of_one_place_joined_by_a_hyphen(gaz, text):
    res = gaz.resolve(text)
    assert res.status == "resolved" and "Berdzor" in res.place.name, (text, res.why)


def test_two_places_joined_by_a_hyphen_are_no_place(gaz):
    # A road's two ends name no place of both names.
    assert gaz.resolve("Степанакерт-Горис").status == "not_found"


def test_name_pair():
    from gazetteer.normalize import name_pair
    assert name_pair("Бердзор-Лачин") == ("Бердзор", "Лачин")
    assert name_pair("Шуши") is None and name_pair("Ах-Су") is None


@pytest.mark.parametrize("text, label", [
    # Russian я, ю after a consonant for Azerbaijani ə, ü.
    ("Чимян", "Çimən"),
    ("Дюдюкчю", "Düdükçü"),
    ("Гюздяк", "Güzdək"),
])
def test_russian_soft_vowels_read_plain(gaz, text, label):
    res = gaz.resolve(text)
    assert res.status == "resolved" and res.place.name == label, (text, res.why)


def test_soft_vowel_reading():
    from gazetteer.normalize import foreign_readings
    assert "Чимен" in foreign_readings("Чимян")
    # At a word's start (no consonant before it) the vowel stays.
    assert not foreign_readings("Ялама")


def test_an_agreeing_adjective_is_declined_back():
    from gazetteer.normalize import inflection_stems
    assert "Нагорный Карабах" in inflection_stems("Нагорном Карабахе")
    assert "Нагорный Карабах" in inflection_stems("Нагорного Карабаха")
    # One word, or three: no pairing.
    assert all(" " not in s for s in inflection_stems("Карабахе"))


def test_an_agreeing_adjective_in_a_context(gaz):
    # "Нагорном Карабахе" as context matched no place (only fuzzy reached it),
    # so Martuni stayed a tie of the Karabakh town and the Gegharkunik one.
    context = gaz._decider.read_context("Нагорном Карабахе")
    assert [p.id for p in context.places] == ["gz:artsakh"]
    res = gaz.resolve("Мартуни", near="Нагорном Карабахе")
    assert res.status == "resolved" and res.place.country == "AZ", res.why

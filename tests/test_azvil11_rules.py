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


@pytest.mark.parametrize("text, name, kind", [
    ("Jalilabad-Region", "Jalilabad", "area"),
    ("Gabala-Region", "Gabala", "area"),
    ("Bilasuvar-regionen", "Bilasuvar", "area"),
    ("Akhsu-Distrikt", "Akhsu", "district"),
    ("Qax-distriktet", "Qax", "district"),
    ("Tovuz-Bezirk", "Tovuz", "district"),
])
def test_a_hyphenated_unit_word_is_the_units_word(text, name, kind):
    parsed = parse_name(text)
    assert (parsed.name, parsed.kind_hint) == (name, kind)


@pytest.mark.parametrize("text", ["Dağ-Kəsəmən", "Region-Tovuz", "Regional-Tovuz", "Tovuz-Regionalbahn"])
def test_a_hyphen_elsewhere_stays_in_the_name(text):
    # Only a unit's word at the string's end is split off.
    parsed = parse_name(text)
    assert parsed.name == text and parsed.kind_hint is None


@pytest.mark.parametrize("near, district", [
    ("Jalilabad-Region", "wof:85668331"),
    ("Gabala-Region", "wof:85668541"),
])
def test_a_hyphenated_unit_word_as_context(gaz, near, district):
    res = gaz.resolve(near)
    assert res.status == "resolved" and res.place.id == district, (near, res.why)


def test_the_context_separates_namesakes(gaz):
    # Two villages Astanlı, of Cəlilabad and of Neftçala: the German page's unit decides.
    res = gaz.resolve("Astanly", near="Jalilabad-Region")
    assert res.status == "resolved" and res.place.id == "wof:1225926869", res.why
    assert gaz.resolve("Astanly").status == "ambiguous"


@pytest.mark.parametrize("text, name, context", [
    ("Şabran rayonun Leyti kəndində", "Leyti", ("Şabran rayonu",)),
    ("Füzuli rayonun Qarakollu kəndi", "Qarakollu", ("Füzuli rayonu",)),
    # The full genitive as before.
    ("Şabran rayonunun Leyti kəndində", "Leyti", ("Şabran rayonu",)),
])
def test_the_clipped_district_genitive_before_a_village(text, name, context):
    parsed = parse_name(text)
    assert (parsed.name, parsed.context, parsed.kind_hint) == (name, context, "settlement")


def test_a_village_wof_lacks(gaz):
    res = gaz.resolve("Şabran rayonun Leyti kəndində")
    assert res.status == "resolved" and res.place.id == "gz:leyti-shabran", res.why
    assert gaz.resolve("Leyty", near="Divichi").place.id == "gz:leyti-shabran"


@pytest.mark.parametrize("text, reading", [
    ("Schdanowsk", "zhdanovsk"),
    ("Schitomir", "zhitomir"),
])
def test_german_sch_read_as_russian_zh(text, reading):
    assert reading in foreign_readings(text)


def test_german_sch_is_still_read_as_azerbaijani_s_first():
    # "Daschbaschi" is Daşbaşı: the ş reading comes first, the zh one after it.
    readings = foreign_readings("Daschbaschi")
    assert readings.index("daşbaşi") < readings.index("dazhbazhi")


def test_no_zh_reading_without_sch():
    assert not any("zh" in r for r in foreign_readings("Gazach"))


def test_a_german_soviet_name_resolved(gaz):
    res = gaz.resolve("Schdanowsk")
    assert res.status == "resolved" and res.place.id == "wof:1344144055", res.why


@pytest.mark.parametrize("text", ["Əli Bayramlı", "Ali Bayramli", "Ali-Bayramly", "Али-Байрамлы"])
def test_a_towns_soviet_name_is_the_town(gaz, text):
    # Şirvan was Əli Bayramlı 1938-2008; villages WOF files the name under are no rivals.
    res = gaz.resolve(text)
    assert res.status == "resolved" and res.place.id == "wof:890433249", (text, res.why)


def test_a_towns_soviet_name_is_no_current_label(gaz):
    place = gaz.get("wof:890433249")
    old = [n for n in place.names if n.text == "Али-Байрамлы"]
    assert old and all(n.type == "historical" for n in old)


@pytest.mark.parametrize("text, name", [
    # The Azerbaijani plural village word after a list: the first name is read.
    ("Həzrə və Bunut kəndlərinə", "Həzrə"),
    ("Kalva və Dilman kəndlərində", "Kalva"),
    ("Baş Zəyzid və Orta Zəyzid kəndlərinin", "Baş Zəyzid"),
])
def test_an_azerbaijani_list_before_the_plural_village_word(text, name):
    parsed = parse_name(text)
    assert (parsed.name, parsed.kind_hint, parsed.size_hint) == (name, "settlement", "village")


def test_an_azerbaijani_pair_without_the_plural_word_is_left_alone():
    assert parse_name("Həzrə və Bunut").name == "Həzrə və Bunut"


def test_a_listed_village_with_its_district(gaz):
    # Qəbələ's Həzrə (WOF's Khazrya), not Qusar's.
    res = gaz.resolve("Qəbələnin Həzrə və Bunut kəndlərinə")
    assert res.status == "resolved" and res.place.id == "wof:1276927853", res.why


@pytest.mark.parametrize("text, name, context", [
    ("Şahbuz rayon Kükü kənd orta məktəbinin", "Kükü", ("Şahbuz rayonu",)),
    ("Goranboy rayonu Borsunlu kənd şəhidi", "Borsunlu", ("Goranboy rayonu",)),
    ("Xocavənd rayonunun Qaradağlı kənd qəbiristanlığında", "Qaradağlı", ("Xocavənd rayonu",)),
    ("Kükü kənd tam orta məktəbi", "Kükü", ()),
    ("Şıxmahmud kənd bələdiyyəsinin", "Şıxmahmud", ()),
])
def test_what_of_a_village_an_official_text_names_after_its_word(text, name, context):
    parsed = parse_name(text)
    assert (parsed.name, parsed.context, parsed.kind_hint) == (name, context, "settlement")


@pytest.mark.parametrize("text", ["Tovuz rayon mərkəzi", "Ağdam rayon"])
def test_the_uninflected_unit_word_owns_only_a_capitalised_name(text):
    # "rayon mərkəzi" (the district centre) is no village of the district.
    assert parse_name(text).context == ()


def test_an_official_texts_village_resolved(gaz):
    res = gaz.resolve("Şahbuz rayon Kükü kənd orta məktəbinin")
    assert res.status == "resolved" and res.place.name == "Kükü", res.why
    assert abs(res.place.lat - 39.52) < 0.05


@pytest.mark.parametrize("text, place", [
    ("Petropavlovka", "wof:421180485"),
    ("Gaftaran", "wof:1276826513"),
])
def test_former_names_the_pages_give(gaz, text, place):
    res = gaz.resolve(text)
    assert res.status == "resolved" and res.place.id == place, (text, res.why)


def test_a_former_name_with_its_district(gaz):
    res = gaz.resolve("Vəndam Həzrəsi", near="Qəbələ")
    assert res.status == "resolved" and res.place.id == "wof:1276927853", res.why

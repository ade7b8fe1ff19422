"""Words around the names of the Great Return's texts (toponyms-return11).

Each case failed before its rule: a landmark's word in Turkish or in
Azerbaijani's second word for it ("Füzuli Uluslararası Havalimanı'na",
"Ağdam Cuma Camii'nde", "Füzuli Beynəlxalq Aeroportunda"), a case ending after
an apostrophe or a hyphen on that word ("SES-in"), a plant's number
("Suqovuşan-1 Kiçik Su Elektrik Stansiyasında"), a landmark named by its word
"in" its place ("Juma Mosque in Aghdam", "the airport in Lachin"), and the
Azerbaijani postpositions "doğru" and "qədər" after a dative.
"""

from __future__ import annotations

import pytest

from gazetteer.parsing import parse_name

from ._compiled import gaz  # noqa: F401  (the compiled gazetteer, not the bundled file)


@pytest.mark.parametrize("text, place", [
    # Turkish words for an airport and a mosque, and the apostrophe's case ending.
    ("Füzuli Uluslararası Havalimanı'na", "gz:fuzuli-international-airport"),
    ("Füzuli Uluslararası Havalimanı", "gz:fuzuli-international-airport"),
    ("Ağdam Cuma Camii'nde", "gz:agdam-mosque"),
    ("Ağdam Cuma Camii", "gz:agdam-mosque"),
    # Azerbaijani's other word for an airport, in a case.
    ("Füzuli Beynəlxalq Aeroportunda", "gz:fuzuli-international-airport"),
    ("Füzuli Aeroportu", "gz:fuzuli-international-airport"),
    # A plant's number and its word's case after a hyphen: the plant is read at its reservoir.
    ("“Suqovuşan-2” SES-in", "gz:sugovushan-reservoir"),
    ("“Suqovuşan-1” Kiçik Su Elektrik Stansiyasında", "gz:sugovushan-reservoir"),
    ("Sugovushan-1 hydropower plant", "gz:sugovushan-reservoir"),
    ("the Sugovushan water reservoir", "gz:sugovushan-reservoir"),
    # A landmark's word "in" its place: the landmark the place's name leads.
    ("Juma Mosque in Aghdam", "gz:agdam-mosque"),
    ("The airport in Lachin", "gz:lachin-airport"),
    ("the International Airport in Zangilan", "gz:zangilan-airport"),
    ("the mosque in Zangilan", "gz:zangilan-mosque"),
])
def test_landmark_words_and_phrases(gaz, text, place):
    res = gaz.resolve(text)
    assert res.status == "resolved" and res.place.id == place, (text, res.why)


@pytest.mark.parametrize("text, name", [
    ("Kərkicahana doğru", "Kərkicahana"), ("Şuşaya qədər", "Şuşaya"),
])
def test_azerbaijani_postpositions_after_a_dative(gaz, text, name):
    assert parse_name(text).name == name
    res = gaz.resolve(text)
    assert res.status == "resolved" and res.place.kind == "settlement", (text, res.why)


def test_case_mark_is_cut_only_from_a_landmark_word():
    # Only a landmark's word loses its ending here; a place's name loses its
    # Turkish case earlier, by vowel harmony (tr12's _turkish_case), and a
    # hyphen ending stays (below).
    assert parse_name("Ağdam'da").name == "Ağdam"
    assert parse_name("Füzuli Havalimanı'na").name == "Füzuli"
    # A hyphen ending on another word stays: "Ağdam" is no landmark's word, "Ağbənd" neither.
    assert parse_name("Qaradağlı Ağdam-da").name == "Qaradağlı Ağdam-da"
    assert parse_name("Horadiz-Ağbənd").name == "Horadiz-Ağbənd"


def test_plant_number_only_before_a_plant_word():
    # A village named with a number ("Qarabağlar-2" style) keeps it without a plant's word.
    assert parse_name("Alıbəyli-1 qəsəbəsi").name == "Alıbəyli-1"
    assert parse_name("Suqovuşan-2 SES").name == "Suqovuşan"


def test_in_place_reading_needs_a_landmark_word():
    # "Khtsaberd village in Hadrut" stays a village in Hadrut: no landmark form is made.
    parsed = parse_name("Khtsaberd village in Hadrut")
    assert parsed.kind_hint == "settlement"
    assert not any(a.startswith("Hadrut ") for a in parsed.alternatives)
    parsed = parse_name("The airport in Lachin")
    assert parsed.kind_hint == "landmark" and "Lachin airport" in parsed.alternatives


@pytest.mark.parametrize("text, place_name", [
    # Russian Г for an Azerbaijani h at a word's start, when nothing is spelled so.
    ("Гасанриз", "Həsənriz"), ("В Гасанриз", "Həsənriz"), ("село Гасанриз Агдеринского района", "Həsənriz"),
])
def test_russian_initial_g_read_as_h(gaz, text, place_name):
    res = gaz.resolve(text)
    assert res.status == "resolved" and place_name in res.place.name, (text, res.why)


def test_russian_initial_g_reading_only_as_a_fallback(gaz):
    from gazetteer.normalize import foreign_readings
    assert "Һасанриз" in foreign_readings("Гасанриз")
    # A word's inner г is q or ğ ("Суговушан"), never h; and a name spelled as
    # written keeps its Г (Гасымлы is Qasımlı).
    assert not any("һ" in r or "Һ" in r for r in foreign_readings("Суговушан"))
    res = gaz.resolve("Гасымлы")
    assert res.status == "resolved" and res.place.name.startswith("Qasım"), res.why


@pytest.mark.parametrize("text, first", [
    # Two names before a plural place word: the first is read (the second is another place's).
    ("города Физули и Шуша", "Физули"), ("Füzuli və Şuşa şəhərləri", "Füzuli"),
    ("Aghavno and Sus villages", "Aghavno"), ("Zabux və Sus kəndlərinə", "Zabux"),
    ("у сел Воскепар и Баганис", "Воскепар"),
])
def test_two_names_before_a_plural_word(text, first):
    assert parse_name(text).name == first


def test_singular_town_word_keeps_its_one_name():
    # "города Шуша" is the town's genitive: one name, no pair to split.
    assert parse_name("города Шуша").name == "Шуша"
    # Two names without a plural word are left as written.
    assert parse_name("Füzuli və Şuşa").name == "Füzuli və Şuşa"


@pytest.mark.parametrize("text, place", [
    # A French landmark word before the name, with the article elided into it.
    ("l’aéroport international de Lachin", "gz:lachin-airport"),
    ("l'aéroport de Fuzuli", "gz:fuzuli-international-airport"),
    ("la mosquée de Zangilan", "gz:zangilan-mosque"),
    ("pont d'Hakari", "gz:hakari-bridge"),
])
def test_french_landmark_word_first(gaz, text, place):
    res = gaz.resolve(text)
    assert res.status == "resolved" and res.place.id == place, (text, res.why)


def test_french_unit_after_du():
    parsed = parse_name("le village de Gorchu du district de Lachin")
    assert parsed.name == "Gorchu" and parsed.context == ("district de Lachin",)
    # "du" before a name that is no unit's word stays part of the text.
    assert parse_name("pont du Hakari").name == "Hakari"


@pytest.mark.parametrize("text", ["la ocupada Martakert", "ocupada Martakert"])
def test_occupied_in_other_languages(gaz, text):
    res = gaz.resolve(text)
    assert res.status == "resolved" and res.place.id == "wof:421204865", (text, res.why)


@pytest.mark.parametrize("text, near, place", [
    # A landmark named without its place, the place as context.
    ("Cuma Mescidi'ni", "Ağdam", "gz:agdam-mosque"),
    ("the mosque", "Zangilan", "gz:zangilan-mosque"),
])
def test_landmark_with_its_place_as_context(gaz, text, near, place):
    res = gaz.resolve(text, near=near)
    assert res.status == "resolved" and res.place.id == place, (text, near, res.why)


def test_landmark_with_its_place_as_context_only_when_found_so(gaz):
    # No landmark holds the place's name with these words: still not found.
    assert gaz.resolve("Cümə məscidi", near="Şuşa").status != "resolved"
    # A village's name near a town is not joined to it (the retry is for landmarks only).
    res = gaz.resolve("Xanyurdu", near="Xocalı")
    assert res.status == "resolved" and res.place.kind == "settlement", res.why


@pytest.mark.parametrize("text", [
    "Kərkicahan şəhər tipli qəsəbəsi",  # an urban-type settlement's word after the name
])
def test_urban_type_settlement_word(gaz, text):
    res = gaz.resolve(text)
    assert res.status == "resolved" and res.place.name == "Kərkicahan", (text, res.why)


@pytest.mark.parametrize("text, place_name", [
    # A capital named with whose capital it is: the owner says no more.
    ("Արցախի մայրաքաղաք Ստեփանակերտ", "Xankəndi"), ("Artsakh's capital Stepanakert", "Xankəndi"),
    ("столица Карабаха Степанакерт", "Xankəndi"), ("Capital Stepanakert", "Xankəndi"),
])
def test_capital_of(gaz, text, place_name):
    res = gaz.resolve(text)
    assert res.status == "resolved" and res.place.name == place_name, (text, res.why)


def test_capital_word_alone_is_no_name():
    assert parse_name("capital city").name != "city"


@pytest.mark.parametrize("text, place", [
    # return11.yaml: the Great Return's villages the press names bare.
    ("Xıdırlı", "wof:1276982357"), ("Khidirli", "wof:1276982357"), ("Хыдырлы", "wof:1276982357"),
    ("Xanabad", "wof:1243098517"), ("Ханабад", "wof:1243098517"),
    # press.yaml: Stepanakert's forerunner village, a historical name.
    ("Վարարակն գյուղն", "wof:421193975"), ("Vararakn", "wof:421193975"),
])
def test_return11_curated_names(gaz, text, place):
    res = gaz.resolve(text)
    assert res.status == "resolved" and res.place.id == place, (text, res.why)


def test_namesakes_keep_their_context(gaz):
    # The press mark decides a bare name only: a district still picks its own.
    res = gaz.resolve("Xıdırlı", near="Qubadlı")
    assert res.status == "resolved" and res.place.id == "wof:1243007209", res.why


@pytest.mark.parametrize("text, first", [
    # Two qualifiers sharing one name: the first village has the shared name too.
    ("Aşağı və Yuxarı Veysəlli kəndləri", "Aşağı Veysəlli"),
    ("Upper and Lower Veysalli villages", "Upper Veysalli"),
    ("сел Верхний и Нижний Сирик", "Верхний Сирик"),
    # Two names of their own keep the first whole.
    ("Nor Maragha and Nor Aygestan villages", "Nor Maragha"),
])
def test_two_qualifiers_share_a_name(text, first):
    assert parse_name(text).name == first


@pytest.mark.parametrize("text, place_name", [
    # Turkish qualifiers: Yukarı (Yuxarı), Büyük (Böyük).
    ("Yukarı Veysəlli", "Yuxarı Veysəlli"), ("Büyük Marcanlı", "Böyük Mərcanlı"),
])
def test_turkish_qualifiers(gaz, text, place_name):
    res = gaz.resolve(text)
    assert res.status == "resolved" and res.place.name == place_name, (text, res.why)


@pytest.mark.parametrize("text, place", [
    # A qualifier read in a landmark's forms with its word.
    ("Yukarı Gövher Ağa Camii", "gz:yukhari-govhar-agha-mosque"),
    # "The one in X" before the name, Turkish and Azerbaijani: X is context, and the
    # name is tried with X's name first.
    ("Şuşa'daki Yukarı Gövher Ağa Camii", "gz:yukhari-govhar-agha-mosque"),
    ("Şuşadakı Yuxarı Gövhər Ağa məscidi", "gz:yukhari-govhar-agha-mosque"),
    ("Laçındakı sərhəd-buraxılış məntəqəsi", "gz:lachin-checkpoint"),
])
def test_qualified_landmark_and_the_one_in(gaz, text, place):
    res = gaz.resolve(text)
    assert res.status == "resolved" and res.place.id == place, (text, res.why)


def test_the_one_in_reads_its_place_as_context():
    parsed = parse_name("Şuşadakı Yuxarı Gövhər Ağa məscidi")
    assert parsed.context == ("Şuşa",) and parsed.kind_hint == "landmark"
    # A district's "rayonundakı" keeps its own reading (the district's context).
    assert parse_name("Füzuli rayonundakı Qaraxanbəyli kəndi").context == ("Füzuli rayonu",)

"""The Turkish-language press around a place name (toponyms-tr12).

Each case failed before its rule: Turkish writes a proper name's case ending
after an apostrophe (also a typographic one, or Yeniçağ's grave accent), and
only 'da/'dan were undone, so "Hocalı'ya", "Gence'de" and "Berde`ye" were not
found (and "Şuşa’yı" went by sound to another village); Turkish kent, şehir, il,
bölge and köy in their case and plural forms, a resident's word and a
government's, were read as part of the name.
"""

from __future__ import annotations

import pytest

from gazetteer.parsing import _turkish_case, parse_name

from ._compiled import gaz  # noqa: F401  (the compiled gazetteer, not the bundled file)


@pytest.mark.parametrize("text, name", [
    ("Hocalı'ya", "Hocalı"), ("Hocalı'da", "Hocalı"), ("HOCALI'DA", "HOCALI"),
    ("Gence'de", "Gence"), ("Gence’nin", "Gence"), ("Gence'deki", "Gence"),
    ("Laçın'a", "Laçın"), ("Laçin'e", "Laçin"), ("Fuzuli’den", "Fuzuli"),
    ("Berde`ye", "Berde"), ("Şuşa’yı", "Şuşa"), ("Madagiz'in", "Madagiz"),
    ("Sugovushan'ın", "Sugovushan"), ("Stepanakert’e", "Stepanakert"), ("Terter'de", "Terter"),
    # The sentence's lower-case words after it are not the name.
    ("Gence'ye düzenlenen saldırıda", "Gence"), ("Erivan’dan yapılan", "Erivan"),
])
def test_a_turkish_case_after_an_apostrophe_is_cut_off(text, name):
    assert parse_name(text).name == name


@pytest.mark.parametrize("text", [
    # Armenian romanizations mark aspiration with an apostrophe: no case ending there.
    "Mart'uni", "Step'anakert", "T'alish", "Ts'aghkashat",
    # Against vowel harmony: not a Turkish ending.
    "Gence'da", "Laçın'e", "Hocalı'de",
    # A landmark's word after it: the landmark is meant ("Şuşa'nın kalesi" is the fortress).
    "Şuşa'nın kalesi",
    # A capitalised word after it is another name ("Şuşa'daki Yukarı Gövher Ağa Camii").
    "Şuşa'daki Yukarı Gövher Ağa Camii",
])
def test_no_turkish_case_where_there_is_none(text):
    assert _turkish_case(text) is None


def test_the_one_in_x_before_a_landmark_is_still_read_so():
    parsed = parse_name("Şuşa'daki Yukarı Gövher Ağa Camii")
    assert parsed.name != "Şuşa" and "Şuşa" in parsed.context


@pytest.mark.parametrize("text, name, kind", [
    ("Şuşa kentine", "Şuşa", "settlement"), ("Terter kentinde", "Terter", "settlement"),
    ("Gence kentindeki", "Gence", "settlement"), ("Terter kent merkezindeki", "Terter", "settlement"),
    ("Laçın şehrinin dışından", "Laçın", "settlement"),
    ("Cebrayılın Çocuk Mercanlı köylerinin", "Çocuk Mercanlı", "settlement"),
    ("Fuzuli ve Cebrayıl bölgelerinde", "Fuzuli", "district"),
    ("Berde ve Beylegan illerine", "Berde", "district"),
    ("Hocavend ve Ağdere şehirleri", "Hocavend", "settlement"),
    ("Gence ve Mingeçevir kentlerine", "Gence", "settlement"),
    ("Ağdere gibi şehirlerden", "Ağdere", "settlement"),
])
def test_turkish_unit_words_in_their_cases_and_plurals(text, name, kind):
    parsed = parse_name(text)
    assert (parsed.name, parsed.kind_hint) == (name, kind)


@pytest.mark.parametrize("text, name", [
    ("Terter sakinini", "Terter"), ("Sugovuşhan sakinlerinin", "Sugovuşhan"),
    ("Hankendi ve çevresindeki", "Hankendi"), ("Erivan yönetiminin", "Erivan"),
])
def test_residents_surroundings_and_a_government_are_not_the_name(text, name):
    assert parse_name(text).name == name


@pytest.mark.parametrize("text, name", [("Gubadlı istikametinde", "Gubadlı"), ("Cebrail yönünde", "Cebrail")])
def test_a_turkish_direction_word_is_the_front_of_a_district(text, name):
    parsed = parse_name(text)
    assert (parsed.name, parsed.kind_hint) == (name, "district")


@pytest.mark.parametrize("text", ["Hocalı'ya", "HOCALI'DA", "Gence'de", "Laçin'e", "Şuşa’yı", "Berde`de"])
def test_a_turkish_case_resolves_to_the_place(gaz, text):
    # A stem found only through the Turkish orthography (Hocalı is Xocalı) is found
    # after its ending too; "Şuşa’yı" no longer goes by sound to Susay.
    res = gaz.resolve(text)
    assert res.status == "resolved" and res.place.kind == "settlement" and res.place.country == "AZ", (text, res.why)
    assert res.place.name not in ("Susay",), res.why


@pytest.mark.parametrize("near, town", [(None, "Sisian"), ("Syunik", "Sisian"), ("Lori", "Vanadzor")])
def test_karakilise_is_both_towns_turkish_name(gaz, near, town):
    # Sisian's Qarakilsə and Vanadzor's old Karakilisa are both "Karakilise" in
    # Turkish: the context decides, and bare the area of interest's town.
    res = gaz.resolve("Karakilise", near=near)
    assert res.status == "resolved" and res.place.name == town, (near, res.why)


@pytest.mark.parametrize("text, name, ctx", [
    ("Fuzuli ilinin Dörtçınar", "Dörtçınar", "Fuzuli ili"),
    ("Kelbecer ilinin Yellice köyü", "Yellice", "Kelbecer ili"),
    ("Tovuzkale ilinin Mosesgeh kasabası", "Mosesgeh", "Tovuzkale ili"),
    ("Sederek iline bağlı Heyderabad", "Heyderabad", "Sederek ili"),
    ("Ağdam bölgesindeki Orta Garvand", "Orta Garvand", "Ağdam ili"),
])
def test_the_turkish_district_before_a_village_is_context(text, name, ctx):
    parsed = parse_name(text)
    assert (parsed.name, parsed.context) == (name, (ctx,))


@pytest.mark.parametrize("text, village", [
    ("Fuzuli ilinin Dörtçınar", "Dörtçinar"), ("Gubadlı ilinin Zilanlı", "Zilanlı"),
    ("Ağdam bölgesindeki Orta Garvand", "Orta Qərvənd"), ("Kelbecer ilinin Yellice köyü", "Yellicə"),
])
def test_the_turkish_district_before_a_village_resolves(gaz, text, village):
    res = gaz.resolve(text)
    assert res.status == "resolved" and res.place.name == village, (text, res.why)

"""How the Azerbaijani resettlement press of 2020-2025 names a village (toponyms-azlat).

Each phrasing below was not found before its rule: a district's genitive
without the word "rayonunun" ("Cəbrayılın Horovlu kəndinə"), the district in the
nominative before the village ("Cəbrayıl rayonu Horovlu kəndinə"), and a
participle before the name ("yenidən qurulan Füzuli şəhərinə").
"""

from __future__ import annotations

import pytest

from gazetteer.parsing import aze_genitive_stems, parse_name

from ._compiled import gaz  # noqa: F401  (the compiled gazetteer, not the bundled file)


@pytest.mark.parametrize("word, stems", [
    ("Cəbrayılın", ("Cəbrayıl",)),
    ("Tovuzun", ("Tovuz",)),
    ("Ağdamın", ("Ağdam",)),
    # After a vowel -nın; a stem ending in n reads both ways.
    ("Xocalının", ("Xocalı", "Xocalın")),
    ("Laçının", ("Laçı", "Laçın")),
    # The suffix's vowel breaks the stem's harmony: no genitive.
    ("Laçınin", ()),
    ("Füzulinın", ()),
    ("Şuşa", ()),
])
def test_genitive_stems_follow_vowel_harmony(word, stems):
    assert aze_genitive_stems(word) == stems


@pytest.mark.parametrize("text, name, context", [
    ("Cəbrayılın Horovlu kəndinə", "Horovlu", ("Cəbrayıl",)),
    ("Cəbrayılın Karxulu", "Karxulu", ("Cəbrayıl",)),
    ("Laçının Sus kəndində", "Sus", ("Laçı", "Laçın")),
    ("Cəbrayıl rayonu Horovlu kəndinə", "Horovlu", ("Cəbrayıl rayonu",)),
    ("Ağdərə rayonu Vəngli kəndinin", "Vəngli", ("Ağdərə rayonu",)),
    ("yenidən qurulan Füzuli şəhərinə", "Füzuli", ()),
    ("işğaldan azad edilmiş Ağdam şəhərində", "Ağdam", ()),
    ("Zəngilan rayonunun yenidən salınmış Ağalı kəndinə", "Ağalı", ("Zəngilan rayonu",)),
    # Without diacritics, a trailing Azerbaijani descriptor says the text is Azerbaijani.
    ("Cebrayilin Horovlu kendine", "Horovlu", ("Cebrayil",)),
    # In capitals, as headlines write it: the genitive's "N" is read as its "n".
    ("CƏBRAYILIN HOROVLU KƏNDİ", "HOROVLU", ("CƏBRAYIL",)),
    # The village that is in the district, and a town's own township.
    ("Füzuli rayonundakı Qaraxanbəyli kəndi", "Qaraxanbəyli", ("Füzuli rayonu",)),
    ("Xankəndi şəhərinin Kərkicahan qəsəbəsinə", "Kərkicahan", ("Xankəndi şəhəri",)),
])
def test_district_before_the_village_is_context(text, name, context):
    parsed = parse_name(text)
    assert (parsed.name, parsed.context) == (name, context)


@pytest.mark.parametrize("text", [
    # No letter of the Azerbaijani alphabet: -in is not read as a genitive.
    "Verin Shorzha", "Nerkin Hand",
    # A lower-case genitive is the sentence's word, not a district: "ermənilərin" (the Armenians').
    "ermənilərin Horovlu kəndinə",
    # A district alone, and a district's front: nothing follows "rayonu".
    "Zəngilan rayonu", "Kəlbəcər rayonu istiqamətində",
])
def test_no_owner_where_none_is_written(text):
    parsed = parse_name(text)
    assert parsed.context == () and parsed.owners == ()


@pytest.mark.parametrize("text, place, district", [
    ("Cəbrayılın Horovlu kəndinə", "Horovlu", "Cəbrayıl"),
    ("Laçının Sus kəndində", "Sus", "Lachin"),
    ("Zəngilanın Məmmədbəyli kəndinə", "Məmmədbəyli", "Zəngilan"),
    ("Cəbrayıl rayonu Horovlu kəndinə", "Horovlu", "Cəbrayıl"),
    ("Cebrayilin Horovlu kendine", "Horovlu", "Cəbrayıl"),
    ("Füzuli rayonundakı Qaraxanbəyli kəndi", "Qaraxanbəyli", "Füzuli"),
])
def test_the_genitive_names_the_district(gaz, text, place, district):  # noqa: F811
    res = gaz.resolve(text)
    assert res.status == "resolved" and res.place.name == place
    assert any(district in p.name for p in gaz.parents(res.place))


@pytest.mark.parametrize("text, name", [
    # The first word reads as a genitive whose stem names no place ("Nerk",
    # "Göyərç"): it is part of the name, which is found whole. Read as an
    # owner, "Nerkin Çaylı" would be any Çaylı: ambiguous.
    ("Nerkin Çaylı", "Nerk’in Chaylu"),
    ("Göyərçin Veysəlli", "Göyərçin Veysəlli"),
])
def test_a_genitive_naming_no_place_stays_in_the_name(gaz, text, name):  # noqa: F811
    res = gaz.resolve(text)
    assert res.status == "resolved" and res.place.name == name
    assert "matched no place" not in res.why


def test_the_reading_of_a_genitive_naming_no_place_is_dropped(gaz):  # noqa: F811
    # "Laçının" is Laçın's or Laçı's: the second names nothing and is no context.
    res = gaz.resolve("Laçının Sus kəndində")
    assert res.status == "resolved" and "matched no place" not in res.why


def test_participle_before_the_town_is_dropped(gaz):  # noqa: F811
    res = gaz.resolve("yenidən qurulan Füzuli şəhərinə")
    assert res.status == "resolved" and res.place.kind == "settlement" and "Füzuli" in res.place.name


def test_a_towns_genitive_is_the_town(gaz):  # noqa: F811
    res = gaz.resolve("Xankəndi şəhərinin Kərkicahan qəsəbəsinə")
    assert res.status == "resolved" and res.place.name == "Kərkicahan" and "near Xankəndi" in res.why

"""Name forms the 2021-2022 Armenia-proper border set (toponyms-bord.csv) met.

Each test failed before the rule it guards (checked by taking the rule out):

* a defence ministry's stretch of the border named for a place is the place:
  "the Sev Lich border section", "the Yeraskh border section", Russian "на
  Ерасхском участке" (the word dropped, the adjective's stem read as the name);
* the plural of a unit's word after the last of two names ("Kalbajar and
  Lachin regions", "... Lachin directions", "Gorus və Qafan rayonları") is the
  unit's word all the same;
* a unit named with an English or plural unit word is also tried as the raion
  its stored name holds ("Garakilsa regions" is the raion "Qarakilsə rayonu");
* an Armenian community is named for its seat: "Goris Municipality", and the
  plural of the locality words after the last of several names ("Սոթք
  բնակավայրերում");
* a text that says "village" (or another word for a populated place) is not
  answered with a landmark of the name: "the village of Ishkhanasar" is not
  Mount Ishkhanasar, whatever the data lacks.
"""

from __future__ import annotations

import pytest

from gazetteer.parsing import parse_name

LACHIN_DISTRICT = "wof:85668621"
YERASKH = "wof:1108783669"
SEV_LICH = "gz:sev-lich"
GORIS = "wof:421199795"
SOTK = "wof:1259980107"
MOUNT_ISHKHANASAR = "gz:ishkhanasar"


@pytest.mark.parametrize("text, name", [
    ("Sev Lich border section", "Sev Lich"),
    ("Yeraskh border section", "Yeraskh"),
    ("the Tavush border area", "Tavush"),
    ("Ерасхском участке", "Ерасхском"),
])
def test_a_border_stretch_word_is_dropped(text, name):
    assert parse_name(text).name == name


def test_a_russian_sector_adjective_is_read_as_its_stem():
    assert "Ерасх" in parse_name("Ерасхском участке").alternatives


@pytest.mark.parametrize("text, kind", [
    ("Lachin regions", "area"),
    ("Lachin directions", "district"),
    ("Qafan rayonları", "district"),
    ("Gorus rayonlarında", "district"),
])
def test_a_plural_unit_word_is_a_unit_word(text, kind):
    parsed = parse_name(text)
    assert (parsed.name, parsed.kind_hint) == (text.split()[0], kind), parsed


@pytest.mark.parametrize("text, raion", [
    ("Garakilsa regions", "Garakilsa rayonu"),
    ("Qafan rayonları", "Qafan rayonu"),
    ("Kapan district", "Kapan raion"),
])
def test_a_unit_word_also_tries_the_raion_form(text, raion):
    assert raion in parse_name(text).alternatives


def test_a_town_word_is_not_read_as_a_raion():
    assert not any("rayonu" in a for a in parse_name("Goris town").alternatives)


@pytest.mark.parametrize("text, kind", [
    ("Goris Municipality", "settlement"),
    ("Vardenis urban community", "settlement"),
    ("Սոթք բնակավայրերում", "settlement"),
    ("Կութ համայնքներում", "settlement"),
])
def test_community_words(text, kind):
    parsed = parse_name(text)
    assert (parsed.name, parsed.kind_hint) == (text.split()[0], kind), parsed


@pytest.mark.parametrize("text, near, expected", [
    ("Sev Lich border section", None, SEV_LICH),
    ("Yeraskh border section", None, YERASKH),
    ("Ерасхском участке", None, YERASKH),
    ("Lachin regions", None, LACHIN_DISTRICT),
    ("Lachin directions", None, LACHIN_DISTRICT),
    ("Qafan rayonları", "Ermənistanın", "gz:am-kapan-raion"),
    ("Garakilsa regions", None, "gz:am-sisian-raion"),
    ("Goris Municipality", None, GORIS),
    ("Սոթք բնակավայրերում", "Գեղարքունիքի մարզի", SOTK),
])
def test_the_forms_resolve(gaz, text, near, expected):
    res = gaz.resolve(text, near=near) if near else gaz.resolve(text)
    assert res.status == "resolved" and res.place.id == expected, res.why


@pytest.mark.parametrize("text", ["village of Ishkhanasar", "Ishkhanasar community", "Իշխանասար գյուղ",
                                  "село Ишханасар"])
def test_a_settlement_word_is_not_answered_with_a_landmark(gaz, text):
    res = gaz.resolve(text)
    assert res.status == "not_found", res.why
    assert res.candidates and res.candidates[0].place.id == MOUNT_ISHKHANASAR  # a suggestion still


def test_the_landmark_itself_still_resolves(gaz):
    for text in ("Ishkhanasar", "Mount Ishkhanasar"):
        res = gaz.resolve(text)
        assert res.status == "resolved" and res.place.id == MOUNT_ISHKHANASAR, res.why


def test_a_phrase_read_as_a_settlement_is_no_word_of_the_text(gaz):
    # "X in Y" is read as a place in a town; it says nothing of X's kind.
    res = gaz.resolve("Maiden Tower in Baku")
    assert res.status == "resolved" and res.place.kind == "landmark", res.why


# A Russian case form of a three-letter name (Кут, Тех), read only when nothing
# else is found: normalize.short_stems, tried last by retrieval.find.


@pytest.mark.parametrize("text, stem", [("Кута", "Кут"), ("Куте", "Кут"), ("Теху", "Тех"), ("Кутом", "Кут")])
def test_short_stems(text, stem):
    from gazetteer.normalize import short_stems
    assert short_stems(text) == [stem]


@pytest.mark.parametrize("text", ["Кечута", "Kuta", "Кут", "Нижнем Куте", "Карабах"])
def test_no_short_stem_for_other_names(text):
    from gazetteer.normalize import short_stems
    assert short_stems(text) == []


@pytest.mark.parametrize("text, place", [("Кута", "Kut"), ("Куте", "Kut"), ("Теха", "Tegh"), ("села Кута", "Kut")])
def test_a_short_russian_case_form_resolves(gaz, text, place):
    res = gaz.resolve(text)
    assert res.status == "resolved" and res.place.name == place and res.place.country == "AM", res.why


def test_a_short_stem_never_rivals_a_longer_one(gaz):
    # "Шушу" is Шуша's accusative; "Шуш" would be a rival only if tried beside it.
    res = gaz.resolve("В Шушу")
    assert res.status == "resolved" and res.place.name.startswith("Shusha"), res.why


# Of villages of one name near a town given as context, the nearest: both
# Vorotans of Syunik lie within NEAR_KM of Sisian and of Goris (decision.py,
# _nearest_namesake_nearer).
VOROTAN_SISIAN = "wof:1242859849"  # 10 km east of Sisian
VOROTAN_GORIS = "wof:1225830729"  # on the Goris-Kapan road, 31 km from Sisian


@pytest.mark.parametrize("near, expected", [("Sisian", VOROTAN_SISIAN), ("Սիսիան", VOROTAN_SISIAN),
                                            ("Goris", VOROTAN_GORIS)])
def test_the_nearest_village_of_a_name_near_a_town(gaz, near, expected):
    res = gaz.resolve("Vorotan", near=near)
    assert res.status == "resolved" and res.place.id == expected, res.why


def test_a_unit_is_no_village_to_weigh_by_distance(gaz):
    # A district's point is its centre: the village given as context lies 20 km
    # from it and 8 km from an Armenian village of the name, and the district stands.
    res = gaz.resolve("Tovuz rayonunun", near="Əlibəyli")
    assert res.status == "resolved" and res.place.kind == "district", res.why


def test_a_namesake_is_far_only_beyond_twice_the_nearest_and_ten_km_more(gaz, monkeypatch):
    # Decider._nearest_namesake_nearer at its edges, the distances given: a village is ruled out
    # only when farther than both twice the nearest one's distance and the nearest's plus NEARER_KM.
    import gazetteer.decision as decision
    from gazetteer.decision import NEARER_KM, Context

    villages = [i for i, rec in enumerate(gaz._records) if rec["kind"] == "settlement"][:3]
    town, one, other = (gaz._place(i) for i in villages)
    distance = {}
    monkeypatch.setattr(decision, "km", lambda place, to: distance[place.id])

    def levels(d_one, d_other):
        distance.update({one.id: d_one, other.id: d_other})
        judged = {villages[1]: ("near", "T"), villages[2]: ("near", "T")}
        out = gaz._decider._nearest_namesake_nearer(judged, [Context("T", (town,))])
        return out[villages[1]][0], out[villages[2]][0]

    assert NEARER_KM == 10.0
    assert levels(5, 15) == ("near", "near")  # the nearest's plus 10 km, not beyond
    assert levels(5, 15.01) == ("near", "outside")
    assert levels(5, 14) == ("near", "near")
    assert levels(12, 24) == ("near", "near")  # twice the nearest, not beyond
    assert levels(12, 24.01) == ("near", "outside")
    assert levels(30, 5) == ("outside", "near")

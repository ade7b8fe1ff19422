"""Foreign-language and diaspora spellings of the region's places (toponyms-west11).

Each case failed before its rule: a Western Armenian ablative on a name with no
other classical mark, a French spelling of an Armenian or Azerbaijani name, the
French press's words for a border village and a community, a German genitive, and
a village carrying the labels of a namesake abroad.
"""

from __future__ import annotations

import pytest

from gazetteer.normalize import foreign_readings
from gazetteer.parsing import _reformed_armenian, parse_name


# --- Western Armenian's ablative -էն -----------------------------------------

@pytest.mark.parametrize("text, reformed", [
    # A name without ւ of its own: the ablative alone shows the spelling.
    ("Շուշիէն", "Շուշիից"),
    ("Շուշի քաղաքէն", "Շուշի քաղաքից"),
    ("Ստեփանակերտէն", "Ստեփանակերտից"),
])
def test_the_western_ablative_is_a_mark_of_the_classical_spelling(text, reformed):
    assert _reformed_armenian(text) == reformed


@pytest.mark.parametrize("text", [
    # Reformed spelling with no ending to read: left as it is.
    "Շուշի", "Ստեփանակերտ",
    # էն inside a word, or after fewer than three letters, is no ablative.
    "Էնգելս", "Դէն",
])
def test_no_ablative_no_reading(text):
    assert _reformed_armenian(text) == text


@pytest.mark.parametrize("text, label", [
    ("Շուշիէն", "Shusha (Shushi)"),
    ("Շուշի քաղաքէն", "Shusha (Shushi)"),
    ("Ստեփանակերտէն", "Xankəndi"),
])
def test_the_western_ablative_resolved(gaz, text, label):
    res = gaz.resolve(text)
    assert res.status == "resolved" and res.place.name == label


# --- a French spelling -------------------------------------------------------

@pytest.mark.parametrize("text, readings", [
    ("Talich", ["talix", "talish"]),  # the German final-ch reading stays beside it
    ("Turchsu", ["turshsu"]),
    ("Tavouche", ["tavushe", "tavush"]),  # a mute e after a consonant
    ("Tcharektar", ["charektar"]),  # tch is English ch, not sh
    ("Djebraïl", ["jebraïl", "chebraïl"]),  # French dj, then Western Armenian's j/ch swapped
])
def test_a_french_spelling_read_as_english_writes_it(text, readings):
    assert foreign_readings(text) == readings


@pytest.mark.parametrize("text", [
    # No French cue: English "ch" before a vowel, a name with none.
    "Chinari", "Charektar", "Stepanakert", "Goris",
])
def test_no_french_reading_without_its_cues(text):
    assert foreign_readings(text) == []


def test_german_sch_is_read_as_german_only():
    # German's sch is ş, or Russian ж in a Soviet name (azvil11's "Schdanowsk"): never French.
    assert foreign_readings("Schuscha") == ["şuşa", "zhuzha"]


def test_the_german_final_ch_resolved_beside_the_french_reading(gaz):
    res = gaz.resolve("Gazach")
    assert res.status == "resolved" and res.place.name == "Qazax"


@pytest.mark.parametrize("name, near, label", [
    ("Talich", "Haut-Karabakh", "Talış"),
    ("village de Talich", None, "Talış"),
    ("Turchsu", "région de Chouchi", "Lısogorsk Sovxozu"),
    ("Tavouche", None, "Tavush"),
])
def test_a_french_spelling_resolved(gaz, name, near, label):
    res = gaz.resolve(name, near)
    assert res.status == "resolved" and res.place.name == label


def test_a_name_found_as_written_is_not_read_the_french_way(gaz):
    # "Chinari" matches as written: the French reading ("Shinari") is never tried.
    res = gaz.resolve("Chinari")
    assert res.status == "resolved" and "Chinari" in res.place.name


# --- the French press's descriptors ------------------------------------------

@pytest.mark.parametrize("text, name, size", [
    ("village frontalier de Goti", "Goti", "village"),
    ("le village frontalier de Goti", "Goti", "village"),
    ("communauté de Kapan", "Kapan", None),
])
def test_french_border_village_and_community_words(text, name, size):
    parsed = parse_name(text)
    assert (parsed.name, parsed.kind_hint, parsed.size_hint) == (name, "settlement", size)


def test_the_community_of_kapan_resolved(gaz):
    res = gaz.resolve("communauté de Kapan", "Syunik")
    assert res.status == "resolved" and res.place.name == "Kapan"


# --- a German genitive -------------------------------------------------------

def test_a_german_genitive_after_a_vowel_is_read_without_its_s():
    assert foreign_readings("Schuschas") == ["şuşas", "şuşa", "zhuzhas"]
    # After a consonant -s is no genitive this reads: the name is left alone.
    assert foreign_readings("Latschins") == ["laçins"]


def test_a_german_genitive_resolved(gaz):
    res = gaz.resolve("Schuschas")
    assert res.status == "resolved" and res.place.name == "Shusha (Shushi)"


# --- a namesake abroad's labels ----------------------------------------------

def test_kut_holds_no_label_of_al_kut(gaz):
    kut = gaz.get("wof:1209621421")
    texts = {n["text"] if isinstance(n, dict) else n.text for n in kut.names}
    assert not texts & {"კუთი", "ელ-კუთი", "Al-Kut", "Эль-Кут", "Ель-Кут"}
    assert {"Kut", "Կութ"} <= texts


@pytest.mark.parametrize("name, near", [("Goti", None), ("village frontalier de Goti", "Tavouche")])
def test_the_western_voicing_of_koti_is_koti(gaz, name, near):
    # Goti (Western Armenian for Կոթի) sounded like Kut through Al-Kut's Georgian label.
    res = gaz.resolve(name, near)
    assert res.status == "resolved" and res.place.id == "wof:1193036833"


# --- Western Armenian's affricates --------------------------------------------

@pytest.mark.parametrize("text, readings", [
    # ծ and ձ voiced the Western way: Ծաղկաձոր (Tsaghkadzor) as "Dzaghgatsor".
    ("Dzaghgatsor", ["tsaghgadzor"]),
    # French dj for ճ, then the Western j read as the Eastern ch: Քարվաճառ (Karvachar).
    ("Karvadjar", ["karvajar", "karvachar"]),
    # English writes ճ and չ alike as "ch": no j/ch swap without a French "dj".
    ("Kichani", []),
    ("Jermuk", []),
])
def test_western_armenian_affricates_read(text, readings):
    assert foreign_readings(text) == readings


@pytest.mark.parametrize("name, near, label", [
    ("Dzaghgatsor", "Kotayk", "Tsakhkadzor"),
    ("Karvadjar", None, "Kəlbəcər (Karvachar)"),
])
def test_western_armenian_affricates_resolved(gaz, name, near, label):
    res = gaz.resolve(name, near)
    assert res.status == "resolved" and res.place.name == label


def test_a_bare_dzaghgatsor_ties_as_tsaghkadzor_does(gaz):
    # Five places are named Tsaghkadzor or near it: the reading finds them all.
    assert gaz.resolve("Dzaghgatsor").status == gaz.resolve("Tsaghkadzor").status == "ambiguous"

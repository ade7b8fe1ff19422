"""Rules the northern-border and Nakhchivan-border set (toponyms-delim24) found.

Each test fails when its rule is removed: a direction word after a name reads a
defence ministry's stretch of front, the unit of that name ("Tovuz
istiqamətində" was the town; "in the direction of X" before the name stays the
place); two names of several words joined by a slash are each read whole
("Upper Voskepar/Yukhari Askipara" was read as "Upper Voskepar Askipara");
Turkish "il" and "yerleşke" and Italian "villaggio" are descriptors; a German
"ch" at a word's end is Azerbaijani x ("Gazach", Qazax).
"""

from __future__ import annotations

import pytest

from gazetteer.normalize import foreign_readings
from gazetteer.parsing import parse_name

from ._compiled import gaz  # noqa: F401  (the compiled gazetteer, not the bundled file)

TOVUZ_DISTRICT = "wof:85668241"
TOVUZ_TOWN = "wof:421168733"
QAZAX_DISTRICT = "wof:85668229"


@pytest.mark.parametrize("text, name", [("Tovuz istiqamətində", "Tovuz"), ("Tovuz direction", "Tovuz"),
                                        ("Товузском направлении", "Товузском"),
                                        ("в Товузском направлении", "Товузском")])
def test_a_direction_after_the_name_asks_for_the_unit(text, name):
    parsed = parse_name(text)
    assert parsed.name.removeprefix("в ") == name
    assert parsed.kind_hint == "district"


@pytest.mark.parametrize("text", ["in the direction of Lachin", "direction of Goris", "в направлении Ерасха",
                                  "Երասխի ուղղությամբ"])
def test_a_heading_or_an_armenian_direction_names_no_kind(text):
    assert parse_name(text).kind_hint is None


def test_the_russian_direction_adjective_has_its_stem():
    assert "Товуз" in parse_name("Товузском направлении").alternatives


def test_a_slash_between_names_of_several_words():
    parsed = parse_name("Upper Voskepar/Yukhari Askipara")
    assert {"Upper Voskepar", "Yukhari Askipara"} <= {parsed.name, *parsed.alternatives}
    # One word each side keeps the word-run reading only.
    assert parse_name("Safarsha/Safarşa").alternatives == ("Safarşa",)


@pytest.mark.parametrize("text, name, kind", [
    ("Sederek iline", "Sederek", "district"), ("Sederek ilinin", "Sederek", "district"),
    ("Heyderabad yerleşkesindeki", "Heyderabad", "settlement"), ("villaggio Eraskh", "Eraskh", "settlement"),
])
def test_turkish_and_italian_descriptors(text, name, kind):
    parsed = parse_name(text)
    assert (parsed.name, parsed.kind_hint) == (name, kind)


def test_a_german_final_ch_is_x():
    # The German reading first; a French one (ch as sh, west11) is tried beside it
    # and finds nothing: "Gazach" is Qazax (test_west11_rules).
    assert foreign_readings("Gazach")[0] == "gazax"
    # English writes ç as "ch" before a vowel: no German reading.
    assert foreign_readings("Chinari") == []


@pytest.mark.parametrize("text, expected", [
    ("Tovuz istiqamətində", TOVUZ_DISTRICT), ("Tovuz direction", TOVUZ_DISTRICT),
    ("Товузском направлении", TOVUZ_DISTRICT), ("Tovuz", TOVUZ_TOWN), ("Region Gazach", QAZAX_DISTRICT),
])
def test_resolved(gaz, text, expected):
    res = gaz.resolve(text)
    assert res.status == "resolved" and res.place.id == expected, res.why


def test_a_village_direction_stays_the_village(gaz):
    res = gaz.resolve("Zod istiqamətində", near="Basarkeçər rayonunun")
    assert res.status == "resolved" and res.place.kind == "settlement", res.why
    res = gaz.resolve("in the direction of Lachin")
    assert res.status == "resolved" and res.place.kind == "settlement", res.why


def test_two_names_across_a_slash_resolve(gaz):
    res = gaz.resolve("Upper Voskepar/Yukhari Askipara")
    assert res.status == "resolved" and res.place.name == "Yuxarı Əskipara", res.why

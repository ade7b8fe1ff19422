"""Case forms and abbreviations the sixth own set met (parsing.py).

Each test failed before the rule it guards: the Azerbaijani genitive and dative
after a consonant (Tovuza, Tovuzun, Dəjəlin), an Armenian name ending in a vowel
taking a glide before its case ending (Շորժայում), and an Armenian list's
abbreviated Verin/Nerkin (Վ․ Շորժա).
"""

from __future__ import annotations

import pytest

from gazetteer.normalize import inflection_stems
from gazetteer.parsing import parse_name

TOVUZ = "wof:421168733"
DEJEL = "wof:1277046479"
VERIN_SHORZHA = "wof:1242784163"
NERKIN_SHORZHA = "wof:1242977035"


@pytest.mark.parametrize("declined, stem", [
    ("Tovuza", "Tovuz"), ("Tovuzun", "Tovuz"), ("Dəjəlin", "Dəjəl"), ("Qazaxın", "Qazax"),
    ("Cəbrayıla", "Cəbrayıl"), ("Tərtərə", "Tərtər"), ("Göygölün", "Göygöl")])
def test_azerbaijani_genitive_and_dative_after_a_consonant(declined, stem):
    assert stem in inflection_stems(declined)


@pytest.mark.parametrize("name", [
    "Tovuzin",    # u wants -un: not a genitive
    "Tovuzə",     # u wants -a
    "Lachin",     # English: a wants -ın
    "Martunia",   # the stem ends in a vowel: that dative would be -ya
    "Kalbajar", "Sotk"])
def test_a_stem_that_breaks_vowel_harmony_is_not_tried(name):
    assert inflection_stems(name) == []


def test_armenian_glide_before_the_case_ending():
    assert "Վերին Շորժա" in inflection_stems("Վերին Շորժայում")
    assert "Շորժա" in inflection_stems("Շորժայից")


@pytest.mark.parametrize("text, full", [("Վ․ Շորժա", "Վերին Շորժա"), ("Վ. Շորժա", "Վերին Շորժա"),
                                        ("Ն․ Շորժա", "Ներքին Շորժա")])
def test_armenian_abbreviated_qualifier(text, full):
    assert full in parse_name(text).alternatives


def test_a_letter_without_its_full_stop_is_no_qualifier():
    assert "Վերին Շորժա" not in parse_name("Վ Շորժա").alternatives


@pytest.mark.parametrize("text, near, place", [
    ("Tovuza", None, TOVUZ), ("Dəjəlin", None, DEJEL),
    ("Վերին Շորժայում", None, VERIN_SHORZHA), ("Վերին Շորժայում", "Գեղարքունիքի", VERIN_SHORZHA),
    ("Վ․ Շորժա", "Վարդենիս", VERIN_SHORZHA), ("Ն․ Շորժա", "Վարդենիս", NERKIN_SHORZHA)])
def test_resolved(gaz, text, near, place):
    res = gaz.resolve(text, near=near)
    assert res.status == "resolved", (text, res.status, res.why)
    assert res.place.id == place

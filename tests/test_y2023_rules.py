"""Rules the 2023 set (toponyms-y2023.csv) found missing.

Each fails when its rule is removed: the first run read "Шушинском районе" as a
tie between Şuşa district and Shushi province, "Kashatagh (Lachin) corridor",
"pont d'Hakari", "bacino idrico di Sarsang" and "Laçın yolundan" as no place.
"""

from __future__ import annotations

import pytest

from gazetteer.parsing import parse_name


@pytest.mark.parametrize("text, nominative", [("Шушинском районе", "Шушинский район"),
                                              ("Кельбаджарского района", "Кельбаджарский район"),
                                              ("Лачинском районе", "Лачинский район")])
def test_a_russian_unit_adjective_in_a_case_is_tried_in_the_nominative(text, nominative):
    parsed = parse_name(text)
    assert parsed.kind_hint == "district"
    assert nominative in parsed.alternatives


def test_the_nominative_is_not_made_up_for_a_name_without_an_adjective():
    assert not any(a.endswith("ский район") for a in parse_name("Шуша район").alternatives)


def test_a_parenthesis_before_a_landmark_word_is_the_landmark_s_other_name():
    parsed = parse_name("Kashatagh (Lachin) corridor")
    assert parsed.kind_hint == "landmark" and "Lachin corridor" in parsed.alternatives


def test_a_closing_parenthesis_stays_context_only():
    # "Khojaly (Ivanyan)": two names of a town, no landmark word to carry over.
    parsed = parse_name("Khojaly (Ivanyan)")
    assert parsed.name == "Khojaly" and parsed.context == ("Ivanyan",) and parsed.alternatives == ()


@pytest.mark.parametrize("text, name, english", [("pont d'Hakari", "Hakari", "Hakari bridge"),
                                                 ("corridor de Latchine", "Latchine", "Latchine corridor"),
                                                 ("bacino idrico di Sarsang", "Sarsang", "Sarsang reservoir"),
                                                 ("lac de Sevan", "Sevan", "Sevan lake"),
                                                 ("ponte di Khudaferin", "Khudaferin", "Khudaferin bridge")])
def test_a_french_or_italian_landmark_word_before_the_name(text, name, english):
    parsed = parse_name(text)
    assert (parsed.name, parsed.kind_hint) == (name, "landmark")
    assert english in parsed.alternatives


def test_an_elided_article_inside_a_name_is_left_alone():
    # Only the article after a space is split off: a name's own apostrophe stays.
    assert parse_name("Ch'arek'tar").name == "Ch'arek'tar"


@pytest.mark.parametrize("text", ["Laçın yolu", "Laçın yolundan", "Laçın yolunda"])
def test_an_azerbaijani_road_is_a_landmark_in_any_case(text):
    parsed = parse_name(text)
    assert parsed.kind_hint == "landmark" and parsed.name == "Laçın"
    assert "Laçın yolu" in (parsed.raw, *parsed.alternatives)


def test_resolved_end_to_end(gaz_shipped):
    # The shipped data holds the corridor and the bridge under their English names.
    assert gaz_shipped.resolve("pont d'Hakari").place.kind == "landmark"
    assert gaz_shipped.resolve("Kashatagh (Lachin) corridor").status == "resolved"
    district = gaz_shipped.resolve("Шушинском районе")
    assert district.status == "resolved" and district.place.kind == "district"


@pytest.fixture(scope="module")
def gaz_shipped(imported):
    return imported[0]

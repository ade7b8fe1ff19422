"""Heights, passes and roads as front-line reports name them (toponyms-heights12).

Each case failed before its rule: the English "X mountain pass" (the pass is stored
as "X pass"), an area word after a landmark's word ("the Sotk mountain pass region"
answered the village of Sotk, 9.5 km from the pass), the Azerbaijani plural of the
height word ("Fərrux yüksəkliklərində" for the height stored in the singular), and
the Russian preposition "с" before a pass named by its adjective ("с Омарского
перевала"), Turkish's range word ("Murov sıradağlarındaki") and a war report's
event before a name ("the defense of Mount Ishkhanasar"). heights12.yaml's names
are checked on the compiled data.
"""

from __future__ import annotations

import pytest

from gazetteer.parsing import parse_name

from ._compiled import gaz  # noqa: F401  (the compiled gazetteer, not the bundled file)


@pytest.mark.parametrize("text, name, alternative", [
    ("Sotk mountain pass", "Sotk", "Sotk pass"),
    ("Fərrux yüksəkliklərində", "Fərrux", "Fərrux yüksəkliyi"),
    ("Fərrux yüksəklikləri", "Fərrux", "Fərrux yüksəkliyi"),
    ("Murov sıradağlarındaki", "Murov", "Murov dağı"),
])
def test_a_landmark_word_tries_the_word_a_name_holds(text, name, alternative):
    parsed = parse_name(text)
    assert (parsed.name, parsed.kind_hint) == (name, "landmark") and alternative in parsed.alternatives


@pytest.mark.parametrize("text, name, alternative", [
    ("Sotk mountain pass region", "Sotk", "Sotk pass"),
    ("the Hakari bridge area", "Hakari", "Hakari bridge"),
])
def test_an_area_word_after_a_landmark_word_keeps_the_landmark(text, name, alternative):
    parsed = parse_name(text)
    assert (parsed.name, parsed.kind_hint) == (name, "landmark") and alternative in parsed.alternatives


@pytest.mark.parametrize("text", ["Shusha region", "Syunik region", "Lachin area"])
def test_an_area_word_after_a_place_is_still_an_area(text):
    assert parse_name(text).kind_hint != "landmark"


@pytest.mark.parametrize("text, name", [
    ("the defense of Mount Ishkhanasar", "Ishkhanasar"),
    ("the battle for Shusha", "Shusha"),
    ("liberation of Shusha", "Shusha"),
])
def test_a_war_event_before_a_name_is_dropped(text, name):
    assert parse_name(text).name == name


def test_russian_s_before_a_name_is_a_preposition():
    parsed = parse_name("с Омарского перевала")
    assert parsed.name == "Омарского" and "Омарский перевал" in parsed.alternatives


@pytest.mark.parametrize("text, place", [
    ("Sotk mountain pass region", "gz:sotk-pass"),
    ("Sotk mountain pass", "gz:sotk-pass"),
    ("с Омарского перевала", "gz:omar-pass"),
    ("Fərrux yüksəkliklərində", "gz:farrukh-height"),
    ("Fərrux dağının", "gz:farrukh-height"),
    ("дороге Горис-Гафан", "gz:goris-kapan-road"),
    ("Goris-Kafan road", "gz:goris-kapan-road"),
    ("Сотк-Карвачар", "gz:sotk-karvachar-road"),
    ("Վարդենյաց լեռնանցքը", "gz:selim-pass"),
    ("Ղարաբաղի լեռնաշղթան", "gz:karabakh-range"),
    ("Murov sıradağlarındaki", "gz:murovdag"),
    ("the defense of Mount Ishkhanasar", "gz:ishkhanasar"),
])
def test_heights_passes_and_roads_resolve(gaz, text, place):
    resolution = gaz.resolve(text)
    assert resolution.status == "resolved" and resolution.candidates[0].place.id == place


@pytest.mark.parametrize("text, place", [
    # A bare name stays the village the height or pass is named after.
    ("Fərrux", "wof:1343591669"),
    ("Fərrux kəndində", "wof:1343591669"),
    ("Sotk", "wof:1259980107"),
])
def test_the_bare_name_stays_the_village(gaz, text, place):
    resolution = gaz.resolve(text)
    assert resolution.candidates and resolution.candidates[0].place.id == place

"""Place finding: one automaton over the gazetteer's names, declined forms, lists, and what is no place."""

import pytest

pytest.importorskip("ahocorasick_rs")

from mapper.draft.automaton import automaton_for  # noqa: E402
from mapper.draft.places import PlaceFinder  # noqa: E402


@pytest.fixture(scope="module")
def finder(gaz):
    return PlaceFinder(gaz)


def found(finder, text):
    return {m.surface: m for m in finder.find(text)}


def test_the_automaton_is_built_once_per_gazetteer(gaz, finder):
    assert PlaceFinder(gaz).auto is finder.auto is automaton_for(gaz)


@pytest.mark.parametrize("text, surface, place_id", [
    ("Bombs fell in Հադրութում overnight.", "Հադրութում", "wof:1125938249"),
    ("Бои идут в Гадруте.", "Гадруте", "wof:1125938249"),
    ("Ordu Qubadlıda irəliləyir.", "Qubadlıda", "wof:421169387"),
    ("Füzulinin kəndləri azad edilib.", "Füzulinin", "wof:1242939353"),
    ("Снаряды упали на Шуше.", "Шуше", "wof:421174129"),
    ("Ситуация в Шушу не изменилась.", "Шушу", "wof:421174129"),
    ("Շուշիում լարված է։", "Շուշիում", "wof:421174129"),
])
def test_declined_forms(finder, text, surface, place_id):
    mentions = found(finder, text)
    assert surface in mentions, mentions.keys()
    m = mentions[surface]
    assert text[m.start:m.end] == surface
    assert m.place is not None and m.place.id == place_id


@pytest.mark.parametrize("text, items, unit_id", [
    # (Talış and Madagiz, the list this case first used, left Tərtər for the Ağdərə district of 2023.)
    ("The villages of Sarov and Qaynaq of Tartar district were freed.", ["Sarov", "Qaynaq"], "wof:85668653"),
    ("Füzuli rayonunun Dilağarda, Kürdlər və Qaraxanbəyli kəndləri işğaldan azad edilib.",
     ["Kürdlər", "Qaraxanbəyli kəndləri"], "wof:85668351"),
    ("Освобождены сёла Шыхлар Джебраильского района.", ["Шыхлар"], "wof:85668323"),
    ("Ջաբրայիլի շրջանի Կարխուլու և Շիխլար գյուղերը", ["Կարխուլու", "Շիխլար գյուղերը"], "wof:85668323"),
])
def test_a_list_gives_its_district_to_each_item(finder, gaz, text, items, unit_id):
    mentions = found(finder, text)
    for item in items:
        assert item in mentions, (item, mentions.keys())
        m = mentions[item]
        assert m.near, f"{item} has no near"
        assert m.place is not None and unit_id in m.place.parents, (item, m.place)
    units = [m for m in mentions.values() if m.place is not None and m.place.id == unit_id]
    assert units and all(u.is_context for u in units)


@pytest.mark.parametrize("text", [
    "President Aliyev said so on Monday.",
    "Prime Minister Pashinyan tweeted.",
    "Civilian Gevorg Hambardzumyan was killed.",
    "Oktyabrın 26-da və Mart ayında, May ayında.",
    "The army took the hills in October.",
    "Last night the enemy tried to attack.",
    "Press Secretary of the Ministry of Defense of Artsakh Republic said so.",
])
def test_people_months_and_words_are_no_places(finder, text):
    assert found(finder, text) == {}


def test_parenthesis_is_one_mention_with_its_context(finder):
    text = "They captured the small village of Sanasar (Gubadli) in the south."
    mentions = found(finder, text)
    assert list(mentions) == ["Sanasar (Gubadli)"]
    assert mentions["Sanasar (Gubadli)"].place.id == "wof:421169387"


def test_descriptors_pick_the_unit(finder):
    assert found(finder, "Армия вошла в Лачинский район.")["Лачинский район"].place.id == "wof:85668621"
    mentions = found(finder, "Forces approached Syunik Province and Qubadlı rayonu.")
    assert mentions["Syunik Province"].place.kind == "province"
    assert mentions["Qubadlı rayonu"].place.kind == "district"


def test_offsets_point_at_the_text(finder):
    text = "Shelling hit Martakert and Martuni, Khojavend district, on Sunday. Stepanakert was calm."
    for m in finder.find(text):
        assert text[m.start:m.end] == m.surface
    assert {"Martakert", "Stepanakert"} <= {m.surface for m in finder.find(text)}


def test_patterns_are_cached_on_disk_and_a_bad_cache_is_rebuilt(gaz, tmp_path, monkeypatch):
    from mapper.draft.automaton import _Automaton

    monkeypatch.setenv("MAPPER_CACHE_DIR", str(tmp_path))
    first = _Automaton._cached(gaz)
    files = list(tmp_path.glob("draft-patterns-*.json"))
    assert len(files) == 1 and first
    assert _Automaton._cached(gaz) == first
    files[0].write_text("{not json", encoding="utf-8")
    assert _Automaton._cached(gaz) == first
    assert not list(tmp_path.glob(".draft-patterns-*"))


def test_a_region_before_a_name_and_one_area_under_two_divisions(finder):
    found_ = {m.surface: m for m in finder.find("Արցախի Մարտունի քաղաքը ռմբակոծվել է։ Շուշիի շրջանի Եղցահող համայնքը։")}
    assert found_["Մարտունի քաղաքը"].place.id == "wof:1125861049"  # Artsakh's Martuni, not Gegharkunik's
    assert found_["Շուշիի շրջանի"].place is not None


@pytest.mark.parametrize("text", [
    "To date, Fizuli and Jabrayil districts were liberated.",
    "Füzuli və Cəbrayıl rayonları azad edilib.",
    "Бои в Физулинском и Джебраильском районах.",
])
def test_a_plural_unit_word_names_every_unit_of_the_list(finder, text):
    assert [m.place.id for m in finder.find(text)] == ["wof:85668351", "wof:85668323"]

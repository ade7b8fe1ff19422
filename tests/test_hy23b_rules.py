"""Armenian-side texts of the blockade and the exodus (tests/data/toponyms-hy23b.csv).

Each rule came from the frozen set's first run or from the class it showed
(/work/team/hy23b-first-run.md); the phrasings are as the texts wrote them.
"""
import pytest

from gazetteer.normalize import armenian_kh_readings
from gazetteer.parsing import parse_name


@pytest.mark.parametrize(("raw", "name"), [
    # Through a place's ground, as hhpress.am put the road past Karmir Shuka.
    ("Կարմիր Շուկայի տարածքով", "Կարմիր Շուկայի"),
    ("Խրամորթի տարածքից", "Խրամորթի"),
    # Its "administrative territory", as the ombudsman located fire on farmers.
    ("Ճարտար քաղաքի վարչական տարածքում", "Ճարտար"),
    ("Թաղավարդի վարչական տարածքով", "Թաղավարդի"),
])
def test_armenian_ground_words_after_the_name(raw, name):
    assert parse_name(raw).name == name


@pytest.mark.parametrize(("raw", "name"), [
    # The community's head after its name: nominative or genitive.
    ("Խրամորթ համայնքի ղեկավարը", "Խրամորթ"),
    ("Խրամորթի համայնքի ղեկավար", "Խրամորթի"),
])
def test_armenian_community_head(raw, name):
    parsed = parse_name(raw)
    assert (parsed.name, parsed.kind_hint) == (name, "settlement")


@pytest.mark.parametrize(("raw", "name"), [
    ("former mayor of Askeran", "Askeran"),
    ("the mayor of Chartar", "Chartar"),
    ("head of Astghashen community", "Astghashen"),
    ("head of the Haterk community", "Haterk"),
])
def test_who_runs_a_place_before_its_name(raw, name):
    assert parse_name(raw).name == name


def test_kh_read_as_gh_or_h():
    readings = armenian_kh_readings("Eghtsakhokh")
    # Each "kh" as ղ or as հ, the Russian route's х for both; the name as given is none.
    assert "Eghtsahogh" in readings and "Eghtsaghogh" in readings
    assert "Eghtsakhokh" not in readings and len(readings) == 8
    assert armenian_kh_readings("Khramort") == ["Ghramort", "Hramort"]
    # Only a Latin name with a "kh".
    assert armenian_kh_readings("Tsaghkashat") == [] and armenian_kh_readings("Хачмач") == []


def test_a_kh_spelling_nothing_else_matched(gaz):
    # Western Armenia TV's "Eghtsakhokh" (Егцахох): Yeghtsahogh of Shushi, Sarıbaba.
    for text in ("Eghtsakhokh", "village of Eghtsakhokh"):
        res = gaz.resolve(text)
        assert (res.status, res.place.id) == ("resolved", "wof:1327165127"), text


def test_the_kh_readings_come_after_the_spelling(gaz):
    # A spelling close to a stored name is found by it first: "Khudavan" is
    # Khudavank (Dadivank), not Kotavan heard through "Hudavan".
    res = gaz.resolve("Khudavan monastery complex")
    assert res.status == "resolved" and res.place.kind == "landmark" and "Dadivank" in res.place.name


def test_a_romanization_of_a_shared_name_picks_no_namesake(gaz):
    # "Sarnaghpyur" is spelled so only among the names of Shirak's Sarnaghbyur,
    # but it romanizes "Սառնաղբյուր", the name of Askeran's village too: the
    # spelling does not make Shirak's the one meant.
    res = gaz.resolve("Sarnaghpyur")
    assert res.status != "resolved" or res.place.country != "AM"
    assert gaz.resolve("Sarnaghbyur").place.id == "wof:1360221625"


@pytest.mark.parametrize(("text", "place"), [
    # Heard through a name of the written script, a place is a sound-alike still:
    # "Airivank" is Hayravank's old name, not Azerbaijan's Əyrivəng.
    ("Airivank", "wof:1225944629"),
])
def test_a_sound_alike_in_the_written_script_still_yields(gaz, text, place):
    res = gaz.resolve(text)
    assert (res.status, res.place.id) == ("resolved", place)

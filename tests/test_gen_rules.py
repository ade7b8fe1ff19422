"""English heritage and travel texts' words for a monastery (toponyms-gen).

Each case failed before its rule: "Khudavang Monastery complex" kept the whole
phrase as a name and found nothing; "Aghoghlan Temple" (the Azerbaijani side's
word, məbəd, for the monastery of Tsitsernavank) looked for a landmark named
"Aghoghlan temple" and found none.
"""

from __future__ import annotations

import pytest

from gazetteer.parsing import parse_name

from ._compiled import gaz  # noqa: F401  (the compiled gazetteer, not the bundled file)


@pytest.mark.parametrize("text, name", [
    ("Khudavang Monastery complex", "Khudavang"),
    ("Gtchavank monastic complex", "Gtchavank"),
    ("the Ganjasar Monastery Complex", "Ganjasar"),
    ("Albanian temple complex", "Albanian"),
])
def test_a_monastery_complex_is_a_landmark_word(text, name):
    parsed = parse_name(text)
    assert (parsed.name, parsed.kind_hint) == (name, "landmark")


@pytest.mark.parametrize("text, alternative", [
    ("Aghoghlan Temple", "Aghoghlan monastery"),
    ("Aghoghlan church", "Aghoghlan monastery"),
    ("Dadivank Monastery complex", "Dadivank monastery"),
])
def test_a_church_word_also_reads_as_the_monastery(text, alternative):
    assert alternative in parse_name(text).alternatives


def test_a_lake_is_not_a_monastery():
    # The rule is for a church's words only: a lake stays a lake.
    assert not any(a.endswith("monastery") for a in parse_name("Sevan lake").alternatives)


@pytest.mark.parametrize("query, near, place", [
    ("Khudavang Monastery complex", "Kalbajar", "gz:dadivank"),
    ("Dadivank Monastery complex", "", "gz:dadivank"),
    ("Ganjasar Monastery Complex", "", "gz:gandzasar"),
    ("Aghoghlan Temple", "Lachin", "gz:tsitsernavank"),
    ("Aghoghlan church", "", "gz:tsitsernavank"),
])
def test_the_monastery_resolves(gaz, query, near, place):
    res = gaz.resolve(query, near=near or None)
    assert res.status == "resolved" and res.place.id == place, (res.status, res.place and res.place.id)


@pytest.mark.parametrize("text, name", [
    # Before the rule the adjective was the name and the monastery a context:
    # "medieval" near "Tatev".
    ("the medieval monastery of Tatev", "Tatev"),
    ("the 13th-century monastery of Gandzasar", "Gandzasar"),
    ("the famous monastery of Amaras", "Amaras"),
    # Between the name and its word.
    ("Makaravank Medieval Monastery Complex", "Makaravank"),
    ("Gtichavank 13th-century church", "Gtichavank"),
])
def test_an_age_or_fame_is_no_name(text, name):
    parsed = parse_name(text)
    assert (parsed.name, parsed.context, parsed.kind_hint) == (name, (), "landmark")


def test_a_church_of_a_town_keeps_its_town():
    # A capitalised name before the word is still the church, the town after it its context.
    parsed = parse_name("Ghazanchetsots Cathedral of Shusha")
    assert (parsed.name, parsed.context) == ("Ghazanchetsots", ("Shusha",))


def test_the_medieval_monastery_resolves(gaz):
    res = gaz.resolve("the medieval monastery of Tatev")
    assert res.status == "resolved" and res.place.id == "gz:tatev-monastery"


@pytest.mark.parametrize("query, place", [
    # gen.yaml: landmarks of the heritage guides that no source held.
    ("Metsaranits monastery", "gz:hakobavank"),
    ("Yerits Mankants Monastery", "gz:yerits-mankants"),
    ("Tatik Papik", "gz:we-are-our-mountains"),
    # "monument" is a landmark's word, as "monastery" is.
    ("We Are Our Mountains monument", "gz:we-are-our-mountains"),
    ("Bgheno Noravank monastery", "gz:bgheno-noravank"),
    ("Kachaghakaberd fortress", "gz:kachaghakaberd"),
])
def test_the_guides_landmarks_resolve(gaz, query, place):
    res = gaz.resolve(query)
    assert res.status == "resolved" and res.place.id == place, (res.status, res.place and res.place.id)


def test_a_memorial_is_not_its_town(gaz):
    # The Khojaly memorial stands in Baku: its word says it is no town.
    assert parse_name("Khojaly memorial").kind_hint == "landmark"
    res = gaz.resolve("Khojaly memorial")
    assert res.place is None or res.place.kind == "landmark"


def test_haghpat_is_one_village(gaz):
    # gen.yaml merges WOF's copy of Haghpat 50 km west of the village.
    res = gaz.resolve("Haghpat")
    assert res.status == "resolved" and res.place.id == "wof:1108783199"
    assert abs(res.place.lat - 41.095) < 0.01 and abs(res.place.lon - 44.71) < 0.01


def test_dahrav_is_not_dahraz(gaz):
    # gen.yaml drops Dahrav from Dəhrəz (Armenian Dahraz), 15 km east of Dahrav.
    res = gaz.resolve("Dahrav")
    assert res.status == "resolved" and res.place.id == "wof:1209651493"


@pytest.mark.parametrize("text, joined", [
    ("Gtichi vank", "Gtichavank"),   # the genitive, written apart
    ("Gtcha vank", "Gtchavank"),
    ("Gtich Monastery", "Gtichavank"),  # the English calque
    ("Makar monastery", "Makaravank"),
])
def test_a_monastery_written_apart_is_tried_joined(text, joined):
    assert joined in parse_name(text).alternatives


def test_vank_alone_stays_a_name():
    # "Vank" is a village's name, and "Vank village" a village: no monastery read into them.
    assert parse_name("Vank").alternatives == ()
    assert parse_name("Vank village").kind_hint == "settlement"


@pytest.mark.parametrize("query", ["Gtichi vank", "Gtich Monastery"])
def test_gtichavank_resolves(gaz, query):
    res = gaz.resolve(query)
    assert res.status == "resolved" and res.place.id == "gz:gtichavank"

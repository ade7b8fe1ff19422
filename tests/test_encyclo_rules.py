"""Rules the reference-text set (tests/data/toponyms-encyclo.csv) called for.

Encyclopedia articles in other languages name a district by its Russian
adjective romanized ("Kubatlinski rajon", Croatian; "Lachinsky district", older
English) and a district by its seat's name in their own spelling
("Adschikabul", German for Hacıqabul). A context town is read as the town
first: a namesake in its province but 50 km away is not "in the Chambarak
Municipality".
"""

from __future__ import annotations

import pytest

from gazetteer.parsing import parse_name

QUBADLI_DISTRICT = "wof:85668629"
LACHIN_DISTRICT = "wof:85668621"
HACIQABUL_DISTRICT = "wof:85668293"
QUBALI_HACIQABUL = "wof:1259541749"
MARTUNI_TOWN = "wof:421169491"
MARTUNI_VILLAGE = "wof:1108783361"


@pytest.mark.parametrize("text, stem", [("Kubatlinski rajon", "Kubatli"), ("Lachinsky district", "Lachin"),
                                        ("Zangelanskiy rayon", "Zangelan")])
def test_a_romanized_adjective_with_a_unit_word_tries_its_stem(text, stem):
    parsed = parse_name(text)
    assert parsed.kind_hint == "district"
    assert stem in parsed.alternatives


def test_a_romanized_adjective_alone_is_left_as_written():
    # Without a unit's word the ending may be the name's own ("-sky" villages).
    assert parse_name("Kubatlinski").alternatives == ()


@pytest.mark.parametrize("text, expected", [("Kubatlinski rajon", QUBADLI_DISTRICT),
                                            ("Lachinsky district", LACHIN_DISTRICT)])
def test_districts_named_by_their_romanized_adjective(gaz, text, expected):
    res = gaz.resolve(text)
    assert res.status == "resolved" and res.place.id == expected, res.why


def test_a_seat_spelled_another_way_names_its_district_as_context(gaz):
    # "Adschikabul" only sounds like the town Hacıqabul; as context it is the
    # district, and Qubalı of Hacıqabul fits it.
    res = gaz.resolve("Qubalı", near="Adschikabul")
    assert res.status == "resolved" and res.place.id == QUBALI_HACIQABUL, res.why
    assert "matched no place" not in res.why


def test_the_seat_context_is_the_district_alone(gaz):
    # The unit the town is the seat of, not the town and not a sound-alike village.
    context = gaz._decider.read_context("Adschikabul")
    assert [p.id for p in context.places] == [HACIQABUL_DISTRICT]


def test_a_namesake_far_from_the_context_town_is_not_near_it(gaz):
    # Martuni town is 51 km from Chambarak, in the same province: no longer
    # "near Chambarak" as the village 7 km away is.
    res = gaz.resolve("Martuni", near="Chambarak")
    assert not (res.status == "resolved" and res.place.id == MARTUNI_TOWN), res.why
    village = next(c for c in res.candidates if c.place.id == MARTUNI_VILLAGE)
    town = next(c for c in res.candidates if c.place.id == MARTUNI_TOWN)
    assert "near Chambarak (settlement)" in village.why
    assert "near Chambarak (settlement)" not in town.why


def test_a_context_towns_district_reaches_exactly_rough_km():
    from gazetteer import Place
    from gazetteer.decision import ROUGH_KM, Context
    from tests.test_decision_rules import at, exactly_north_of, made_up_decider, unit

    town, place = exactly_north_of(unit("town", "settlement", 0.0), ROUGH_KM)
    seat = Place(id="town", name="town", kind="settlement", lat=town.lat, lon=town.lon, country="AZ",
                 parents=("d",), names=(), sources={})
    from gazetteer.regions import Regions

    # "d" a district and "p" a province, by their outlines' kinds (far from here).
    ring = [[10.0, 10.0], [10.1, 10.0], [10.1, 10.1], [10.0, 10.0]]
    regions = Regions(lambda: {"features": [
        {"type": "Feature", "id": uid, "properties": {"kind": kind}, "geometry": {"type": "Polygon", "coordinates": [ring]}}
        for uid, kind in (("d", "district"), ("p", "province"))]})
    decider = made_up_decider(regions)
    assert decider.fit(at(place.lat, place.lon, parents=("d",)), [Context("town", (seat,))])[0] == "near"
    beyond = at(place.lat + 1e-6, place.lon, parents=("d",))
    assert decider.fit(beyond, [Context("town", (seat,))])[0] == "edge"
    # A town whose first parent is a province (Armenia's, with no district) reaches no edge beyond it.
    in_province = Place(id="town", name="town", kind="settlement", lat=town.lat, lon=town.lon, country="AM",
                        parents=("p",), names=(), sources={})
    assert decider.fit(at(place.lat, place.lon, parents=("p",)), [Context("town", (in_province,))])[0] == "near"
    assert decider.fit(at(place.lat + 1e-6, place.lon, parents=("p",)), [Context("town", (in_province,))])[0] == "outside"


def test_only_a_known_town_s_sound_alike_names_its_district(gaz, monkeypatch):
    # A village only sounding like the context is too weak a reading to name a unit:
    # read as a village that is no known town, "Adschikabul" names nothing.
    import gazetteer.decision as decision

    monkeypatch.setattr(decision, "known_town", lambda place: False)
    assert gaz._decider.read_context("Adschikabul").places == ()


def test_the_seat_rule_takes_only_a_unit_the_town_lies_in(gaz, monkeypatch):
    # A unit spelled like the town names it only if the town lies in it: with its
    # parents taken away, the town is the seat of nothing.
    import dataclasses

    decider = gaz._decider
    real = decider._place

    def orphaned(pi):
        place = real(pi)
        return dataclasses.replace(place, parents=()) if place.kind == "settlement" else place
    monkeypatch.setattr(decider, "_place", orphaned)
    assert decider.read_context("Adschikabul").places == ()


def test_the_seat_rule_looks_past_a_sound_alike_that_is_no_town(gaz, monkeypatch):
    # A first sound-alike that is no known town is passed over, not the end of the search.
    import gazetteer.decision as decision
    from gazetteer.parsing import parse_name

    decider = gaz._decider
    found = decider._retriever.find(parse_name("Adschikabul"), fuzzy=False)
    town_pi = next(iter(found))
    # A village first in the matches (a real hamlet's index), then the town.
    hamlet = next(i for i, rec in enumerate(gaz._records) if rec["kind"] == "settlement" and i != town_pi
                  and not decision.known_town(decider._place(i)))
    real_find = decider._retriever.find
    monkeypatch.setattr(decider._retriever, "find",
                        lambda parsed, fuzzy=True: {hamlet: (0.92, 0, "phonetic"), **real_find(parsed, fuzzy=fuzzy)}
                        if parsed.name == "Adschikabul" else real_find(parsed, fuzzy=fuzzy))
    assert [p.id for p in decider.read_context("Adschikabul").places] == [HACIQABUL_DISTRICT]

"""Landmark words and phrasings of the 2016-2025 press (toponyms-land3).

Each case failed before its rule: a deposit named with another word than its
stored name's ("Zod gold deposit" for the "Zod gold mine"), the Russian
"месторождение" in its cases (the village of the deposit's name answered,
confidently), a tunnel's word, Armenian "հանք" (mine) and the article on
"օդանավակայան" (airport), a kind in brackets after the name ("Сарысу
(озеро)" answered the village Sarısu 156 km from the lake), a landmark's
other name in brackets read as a place it lies near, and a landmark's word
that leaves another landmark's bare name ("Murovdag tunnel" tied with the
Murovdag ridge).
"""

from __future__ import annotations

import pytest

from gazetteer.model import Candidate, Place
from gazetteer.parsing import parse_name
from gazetteer.ranking import worded_before_bare

from ._compiled import gaz  # noqa: F401  (the compiled gazetteer, not the bundled file)


@pytest.mark.parametrize("text, name, alternative", [
    # Another word for a mine is tried with the name, after it and before it.
    ("Zod gold deposit", "Zod", "Zod gold mine"),
    ("Soyudlu gold field", "Soyudlu", "Soyudlu gold deposit"),
    ("месторождении Веджнали", "Веджнали", "рудник Веджнали"),
    # In an Azerbaijani case form read off the folded end too.
    ("Qızılbulaq qazıntı yatağında", "Qızılbulaq", "Qızılbulaq yatağı"),
])
def test_a_mine_word_tries_its_synonyms(text, name, alternative):
    parsed = parse_name(text)
    assert (parsed.name, parsed.kind_hint) == (name, "landmark") and alternative in parsed.alternatives


@pytest.mark.parametrize("text, name, alternative", [
    ("месторождении Веджнали", "Веджнали", "месторождение Веджнали"),
    ("золотоносном месторождении Веджнали", "Веджнали", "месторождение Веджнали"),
    ("Murovdağ tunelinin", "Murovdağ", "Murovdağ tuneli"),
    ("Murovdag tunnel", "Murovdag", "Murovdag tunnel"),
    ("«Սյունիք» օդանավակայանը", "Սյունիք", "Սյունիք օդանավակայան"),
    ("Topxana meşəsi", "Topxana", "Topxana meşəsi"),
])
def test_new_landmark_words_and_their_cases(text, name, alternative):
    parsed = parse_name(text)
    assert (parsed.name, parsed.kind_hint) == (name, "landmark") and alternative in parsed.alternatives


@pytest.mark.parametrize("text, name, kind", [
    ("Сарысу (озеро)", "Сарысу", "landmark"),
    ("Արաքս(գետ)", "Արաքս", "landmark"),
    ("Ağdam (şəhər)", "Ağdam", "settlement"),
])
def test_a_kind_in_brackets_is_the_descriptor(text, name, kind):
    parsed = parse_name(text)
    assert (parsed.name, parsed.kind_hint, parsed.context) == (name, kind, ())


def test_a_bracket_that_is_no_kind_stays_context():
    assert parse_name("Talış (Tərtər)").context == ("Tərtər",)


def test_a_landmarks_other_name_in_brackets_is_no_context():
    parsed = parse_name("Buzdux (Buzluq) dağı")
    assert parsed.context == () and "Buzluq dağı" in parsed.alternatives
    # Before a settlement's word the bracket is still context, as it was.
    assert parse_name("Talış (Tərtər) kəndi").context == ("Tərtər",)


def _cand(pid: str, matched: str, score: float) -> Candidate:
    place = Place(id=pid, name=matched, kind="landmark", lat=40.0, lon=46.0, country="AZ", parents=(), names=(),
                  sources={})
    return Candidate(place=place, score=score, matched=matched, layer="exact", why=())


def test_worded_before_bare():
    parsed = parse_name("Murovdag tunnel")
    ridge, tunnel = _cand("ridge", "Murovdag", 1.2), _cand("tunnel", "Murovdag tunnel", 1.2)
    out = {c.place.id: c.score for c in worded_before_bare([ridge, tunnel], parsed, {}, 0.1)}
    assert out["tunnel"] == 1.2 and out["ridge"] < 1.1
    # With no landmark holding the word, nothing moves.
    alone = [ridge, _cand("peak", "Murovdag", 1.1)]
    assert worded_before_bare(alone, parsed, {}, 0.1) == alone


@pytest.mark.parametrize("text, place", [
    ("Zod gold deposit", "gz:sotk-mine"),
    ("Սոթքի հանքի", "gz:sotk-mine"),
    ("месторождении Веджнали", "gz:vejnali-deposit"),
    ("золотоносном месторождении Веджнали", "gz:vejnali-deposit"),
    ("Qızılbulaq qazıntı yatağında", "gz:gyzylbulag-deposit"),
    ("«Սյունիք» օդանավակայանը", "gz:syunik-airport"),
    ("Сарысу (озеро)", "gz:sarysu-lake"),
    ("Արաքս(գետ)", "gz:aras-river"),
    ("Buzdux (Buzluq) dağı", "gz:buzdukh"),
    ("Murovdag tunnel", "gz:murovdag-tunnel"),
    ("Murovdagh tunnel", "gz:murovdag-tunnel"),
    ("Murovdag", "gz:murovdag"),
    ("Murovdag ridge", "gz:murovdag"),
])
def test_resolved(gaz, text, place):
    res = gaz.resolve(text)
    assert res.status == "resolved" and res.place.id == place, (text, res.status, res.why)


@pytest.mark.parametrize("text", ["Goris-Kapan", "Горис-Капан", "Горис–Капан"])
def test_two_places_joined_take_no_fuzzy_guess(gaz, text):
    # A road's ends ("the Goris-Kapan road"): the fuzzy layer read Göyşaban. Since
    # heights12.yaml the road is a landmark whose names hold its two ends ("Горис-Капан"
    # in Armenia's road bulletins): that road or nothing, never a guessed place.
    res = gaz.resolve(text)
    assert (res.status == "not_found" and not res.candidates) or (
        res.status == "resolved" and res.place.id == "gz:goris-kapan-road"), (text, res.place)


@pytest.mark.parametrize("text, place", [
    # One place's two names joined still read that place; a qualifier joined to its name too.
    ("Berdzor-Lachin", "wof:1125773715"), ("Бердзора-Лачина", "wof:1125773715"),
    ("Ашагы-Абдуррахманлы", "wof:1226306147"),
])
def test_one_places_names_joined_still_resolve(gaz, text, place):
    res = gaz.resolve(text)
    assert res.status == "resolved" and res.place.id == place, (text, res.why)


@pytest.mark.parametrize("text", ["Sarsang dam", "Sərsəng bəndi", "Sərsəng bəndinin", "плотины Сарсангского водохранилища",
                                  "Սարսանգի ամբարտակ"])
def test_a_dam_is_its_reservoir(gaz, text):
    res = gaz.resolve(text)
    assert res.status == "resolved" and res.place.id == "gz:sarsang-reservoir", (text, res.why)


@pytest.mark.parametrize("text, place", [
    # Armenian "on" after the genitive: at the place.
    ("Իշխանասար լեռան վրա", "gz:ishkhanasar"),
    ("Հակարիի կամրջի վրա", "gz:hakari-bridge"),
])
def test_armenian_on_after_a_landmark(gaz, text, place):
    res = gaz.resolve(text)
    assert res.status == "resolved" and res.place.id == place, (text, res.why)


@pytest.mark.parametrize("text, place", [
    # A Russian landmark word before the name read as its English one after it.
    ("перевале Сотк", "gz:sotk-pass"),
    ("рудник Сотк", "gz:sotk-mine"),
])
def test_a_russian_word_first_as_the_english_name(gaz, text, place):
    res = gaz.resolve(text)
    assert res.status == "resolved" and res.place.id == place, (text, res.why)


@pytest.mark.parametrize("text", ["Xaçınçay su anbarı", "Xaçınçay su anbarından", "Xaçınçay su anbarindan",
                                  "Khachinchay reservoir", "Həkəriçay su anbarı", "Köndələnçay su anbarı"])
def test_a_reservoir_word_never_reads_the_river(gaz, text):
    # A reservoir named for its river: the river's point lies up to 50 km from it.
    res = gaz.resolve(text)
    assert res.place is None or res.place.raw.get("type") != "river", (text, res.place)


@pytest.mark.parametrize("text, place", [
    ("Sərsəng su anbarından", "gz:sarsang-reservoir"), ("Tərtər çayında", "gz:tartar-river"),
    ("Xaçın çayı", "gz:khachinchay-river"), ("Sarsang dam", "gz:sarsang-reservoir"),
])
def test_a_water_word_still_reads_its_own_kind(gaz, text, place):
    res = gaz.resolve(text)
    assert res.status == "resolved" and res.place.id == place, (text, res.why)


def test_the_water_word_is_recorded_only_for_landmarks():
    assert parse_name("Xaçınçay su anbarı").not_type == "river"
    assert parse_name("реки Хакари").not_type == "reservoir"
    assert parse_name("Sarsang").not_type is None


@pytest.mark.parametrize("text, place", [
    ("Qarabağ silsiləsi boyu", "gz:karabakh-range"), ("Araz çayı boyunca", "gz:aras-river"),
    ("Murovdağ silsiləsi boyunca", "gz:murovdag"),
])
def test_along_a_range_or_a_river(gaz, text, place):
    res = gaz.resolve(text)
    assert res.status == "resolved" and res.place.id == place, (text, res.why)


@pytest.mark.parametrize("text, place", [
    ("Vejnəli müqavilə sahəsini", "gz:vejnali-deposit"), ("Qızılbulaq müqavilə sahəsi", "gz:gyzylbulag-deposit"),
])
def test_a_contract_area_is_its_deposit(gaz, text, place):
    res = gaz.resolve(text)
    assert res.status == "resolved" and res.place.id == place, (text, res.why)


@pytest.mark.parametrize("text, place", [
    ("Sarsang HPP", "gz:sarsang-reservoir"), ("Sərsəng SES", "gz:sarsang-reservoir"),
    ("Сарсангская ГЭС", "gz:sarsang-reservoir"), ("Mingachevir HPP", "gz:mingachevir-reservoir"),
    ("Gulabird HPP", "gz:gulabird-hpp"), ("Gulabird hydroelectric power plant", "gz:gulabird-hpp"),
])
def test_a_hydroelectric_plant_is_the_plant_or_its_reservoir(gaz, text, place):
    res = gaz.resolve(text)
    assert res.status == "resolved" and res.place.id == place, (text, res.why)


@pytest.mark.parametrize("text", ["Tatev HPP", "Vorotan HPP"])
def test_a_plants_word_reads_no_other_landmark_nor_a_village(gaz, text):
    # "Tatev HPP" read the Tatev monastery; "Vorotan HPP" the village Vorotan.
    res = gaz.resolve(text)
    assert res.place is None or res.place.raw.get("type") in ("power_plant", "reservoir"), (text, res.place)

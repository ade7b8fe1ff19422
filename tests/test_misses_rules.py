"""Rules found on the ambiguous and not-found answers left in the own sets
(round 7b): each case was ambiguous or not found before its rule, and each
test fails with its rule removed."""

from __future__ import annotations

from gazetteer import Place
from gazetteer.model import Candidate

from ._compiled import gaz  # noqa: F401  (the compiled gazetteer, not the bundled file)
from .test_decision_rules import made_up_decider


def _unit(pid, kind, lat=40.2, lon=46.8):
    return Place(id=pid, name=pid, kind=kind, lat=lat, lon=lon, country="AZ", parents=(), names=(), sources={})


def _decide(text, *places_scores):
    from gazetteer.decision import Scored
    from gazetteer.parsing import parse_name

    cands = [Candidate(place=p, score=s, matched=p.id, layer="exact", why=("exact",)) for p, s in places_scores]
    scored = Scored(cands, {}, {c.place.id: 1.0 for c in cands})
    return made_up_decider().decide(text, None, parse_name(text), scored, [])


def test_a_district_and_a_province_of_one_seat_are_one_area_and_the_word_picks():
    raion, province = _unit("t:raion", "district"), _unit("t:province", "province", lat=40.201)
    res = _decide("X district", (raion, 1.17), (province, 1.15))
    assert res.status == "resolved" and res.place.id == "t:raion"
    res = _decide("X province", (province, 1.17), (raion, 1.15))
    assert res.status == "resolved" and res.place.id == "t:province"
    # Without the unit's word, or with seats apart, they stay rivals.
    assert _decide("X", (raion, 1.17), (province, 1.15)).status == "ambiguous"
    apart = _unit("t:apart", "province", lat=40.3)
    assert _decide("X district", (raion, 1.17), (apart, 1.15)).status == "ambiguous"
    # A landmark at the seat is another kind of place: still a rival.
    assert _decide("X district", (raion, 1.17), (_unit("t:l", "landmark", lat=40.201), 1.15)).status == "ambiguous"


def test_the_soviet_raion_named_with_its_word_is_the_raion(gaz):
    # Russian bulletins of 2022-2023: "в Мардакертском районе". The NKAO raion and
    # Artsakh's Martakert province share the seat; "район" says district.
    res = gaz.resolve("Мардакертском районе")
    assert res.status == "resolved" and res.place.id == "gz:nkao-mardakert-raion", (res.status, res.why)


def test_a_town_as_context_reaches_its_district_but_not_its_province(gaz):
    # "a village in the Chambarak Municipality": the village of Martuni beside
    # Chambarak, not the town of Martuni 59 km off in the same province (which
    # was "at the edge" and tied on its size).
    res = gaz.resolve("Martuni", near="Chambarak")
    assert res.status == "resolved" and res.place.id == "wof:1108783361", (res.status, res.why)
    assert "not in Chambarak" in " ".join(c for cand in res.candidates[1:] for c in cand.why)
    # A town whose district holds the place still reaches past NEAR_KM to its edge:
    # Daşbaşı of Xocavənd district, 36 km from the town named as its context.
    res = gaz.resolve("Taşbaşı", near="Hocavend")
    assert res.status == "resolved" and res.place.id == "wof:1226625151", (res.status, res.why)


def test_inside_a_rough_unit_outranks_near_its_seat(gaz):
    # "Askeran" names Artsakh's province (no outline: known by its districts) and
    # its town. Pircamal (Vardadzor) lies in the province by its parents; Gülyataq,
    # also Vardadzor in Armenian, lies 30 km from the town and in no district of
    # the province. They tied on "in" and "near"; the one inside wins.
    for name, near in (("Vardadzor", "Askeran"), ("Вардадзор", "Аскеранского района")):
        res = gaz.resolve(name, near=near)
        assert res.status == "resolved" and res.place.id == "wof:1276372057", (name, res.status, res.why)
        rival = next(c for c in res.candidates if c.place.id == "wof:1293619529")
        assert any(w.startswith("at the edge of Askeran") for w in rival.why), rival.why
    # Where nothing lies inside the province, the seat still counts in full.
    res = gaz.resolve("Gülyataq", near="Askeran")
    assert res.status == "resolved" and any(w.startswith("near Askeran") for w in res.candidates[0].why)


import pytest  # noqa: E402

from gazetteer.parsing import parse_name  # noqa: E402


@pytest.mark.parametrize("text, name, size", [
    # What was done to it, where it lies: the Russian press's adjectives before the word.
    ("в восстановленный город Физули", "Физули", "town"),
    ("в освобождённом городе Шуша", "Шуша", "town"),
    ("приграничное село Тех", "Тех", "village"),
    ("в древнем разрушенном городе Агдам", "Агдам", "town"),
])
def test_russian_adjectives_before_the_word_are_dropped(text, name, size):
    parsed = parse_name(text)
    assert (parsed.name, parsed.kind_hint, parsed.size_hint, parsed.context) == (name, "settlement", size, ())


@pytest.mark.parametrize("text", ["Красный Базар", "восстановленный Физули", "Нижнее село"])
def test_russian_adjectives_not_before_a_word_or_qualifiers_stay(text):
    # Only before a settlement's word; a qualifier may be part of the name.
    assert parse_name(text).name.startswith(text.split()[0])


def test_russian_adjective_run_is_bounded():
    import signal

    def _late(*_):
        raise TimeoutError("adjective run not linear")

    old = signal.signal(signal.SIGALRM, _late)
    signal.alarm(5)
    try:
        parsed = parse_name("в " + "новый старый красивый " * 40 + "x")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    assert parsed.name.endswith("x")


def test_the_rebuilt_town_is_the_town(gaz):
    res = gaz.resolve("в восстановленный город Физули")
    assert res.status == "resolved" and res.place.kind == "settlement" and "Füzuli" in res.place.name, (
        res.status, res.why)


def _cand(pid, layer, matched, kind="settlement", lat=40.0):
    place = Place(id=pid, name=pid, kind=kind, lat=lat, lon=46.0, country="AZ", parents=(), names=(), sources={})
    return Candidate(place=place, score=1.0, matched=matched, layer=layer, why=())


def test_a_name_written_with_its_letters_is_not_one_differing_in_them():
    from gazetteer.ranking import lettered_apart

    cands = [_cand("nuzgar", "exact", "Nüzgar"), _cand("nerimanli", "normalised", "Nüzgər", lat=41)]
    assert lettered_apart(cands, "Nüzgar") == {"nerimanli"}
    # Without the Azerbaijani letters the writer may have dropped them: no reading.
    assert lettered_apart(cands, "Nuzgar") == set()
    # Only against an exact match of that kind, and only a Latin name with the letters.
    assert lettered_apart(cands[1:], "Nüzgar") == set()
    assert lettered_apart([cands[0], _cand("x", "normalised", "Nüzgər", kind="landmark")], "Nüzgar") == set()
    assert lettered_apart([cands[0], _cand("r", "normalised", "Нюзгяр")], "Nüzgar") == set()
    # The same letters with a hyphen or a space between are spelled alike.
    pair = [_cand("a", "exact", "Birinci Ağalı"), _cand("b", "normalised", "Birinci-Ağalı", lat=41)]
    assert lettered_apart(pair, "Birinci Ağalı") == set()


def test_nuzgar_is_the_village_so_spelled(gaz):
    res = gaz.resolve("Nüzgar")
    assert res.status == "resolved" and res.place.id == "wof:1327013237", (res.status, res.why)


def test_the_nkr_regions_by_their_french_names(gaz):
    # "Région de Chouchi" (base.yaml): the NKR region, not only Azerbaijan's Şuşa
    # district, which Yeghtsahogh (Sarıbaba, in the Lachin district) is not in.
    assert "gz:shushi-province" in {p.id for p in gaz._decider.read_context("Chouchi").places}
    res = gaz.resolve("village de Yeghtsahogh", near="Chouchi")
    assert res.status == "resolved" and res.place.id == "wof:1327165127", (res.status, res.why)
    for french, unit in (("Martouni", "gz:martuni-province"), ("Hadrout", "gz:hadrut-province"),
                         ("Chahoumian", "gz:shahumyan-province")):
        assert unit in {p.id for p in gaz._decider.read_context(french).places}, french
    # A bare "Chouchi" is still the town.
    assert gaz.resolve("Chouchi").place.id == "wof:421174129"


def test_near_a_town_across_the_state_line_is_only_its_edge(gaz):
    from gazetteer.decision import Context

    from .test_decision_rules import at

    town = Place(id="t:town", name="T", kind="settlement", lat=39.5, lon=46.0, country="AM", parents=(),
                 names=(), sources={})
    decider = made_up_decider()
    here, across = at(39.55, 46.0, country="AM"), at(39.55, 46.0, country="AZ")
    assert decider.fit(here, [Context("T", (town,))])[0] == "near"
    assert decider.fit(across, [Context("T", (town,))])[0] == "edge"
    # Arevis of Sisian (Azerbaijani Ərəfsə) and Arafsa of Julfa beyond the border
    # lie within NEAR_KM of Sisian; the context's country picks Arevis.
    res = gaz.resolve("Ərəfsə", near="Sisian")
    assert res.status == "resolved" and res.place.id == "wof:1108784233", (res.status, res.why)


@pytest.mark.parametrize("text", ["Бердзора-Лачина", "Berdzor-Lachin", "Stepanakert-Khankendi"])
def test_two_names_of_one_place_joined_by_a_hyphen(gaz, text):
    res = gaz.resolve(text)
    assert res.status == "resolved", (text, res.status, res.why)
    # (ru20's rule, which this round had built too: retrieval.Retriever, normalize.name_pair.)
    assert res.place is not None and res.place.name.startswith(("Laçın", "Xankəndi")), res.why


def test_two_places_joined_by_a_hyphen_are_no_place(gaz):
    # A road between two towns, or a pair the press lists, names no one place.
    assert gaz.resolve("Lachin-Kalbajar").status == "not_found"
    # A name that is whole with its hyphen is found as written, not split.
    res = gaz.resolve("Bala-Bəhmənli")
    assert not res.why.endswith("name it")


@pytest.mark.parametrize("text, name, context", [
    # A church named, then the town it stands in: the town is context.
    ("St Hovhannes Mkrtich Church of Shushi", "St Hovhannes Mkrtich", ("Shushi",)),
    ("Ghazanchetsots Cathedral of Shusha", "Ghazanchetsots", ("Shusha",)),
])
def test_a_church_of_a_town(text, name, context):
    parsed = parse_name(text)
    assert (parsed.name, parsed.kind_hint, parsed.context) == (name, "landmark", context)
    assert text in parsed.alternatives   # a name that holds "of" is still tried whole


def test_a_church_whose_name_follows_its_word_is_not_split():
    parsed = parse_name("the Church of the Holy Mother of God")
    assert parsed.context == ()


def test_the_church_of_shushi_is_kanach_zham(gaz):
    for text in ("St Hovhannes Mkrtich Church of Shushi", "Green Church of Shusha"):
        res = gaz.resolve(text)
        assert res.status == "resolved" and res.place.id == "gz:kanach-zham", (text, res.status, res.why)


@pytest.mark.parametrize("text, name", [
    # A front's direction written without the Azerbaijani letters, as a URL slug or a
    # keyboard without them puts it: the unit of that name, as with the letters.
    ("Kelbecer istiqametinde", "Kelbecer"),
    ("Tovuz istiqametinden", "Tovuz"),
])
def test_a_direction_word_without_its_letters(text, name):
    parsed = parse_name(text)
    assert (parsed.name, parsed.kind_hint) == (name, "district")


def test_the_kalbajar_direction_is_the_district(gaz):
    res = gaz.resolve("Kelbecer istiqametinde")
    assert res.status == "resolved" and res.place.id == "wof:85668221", (res.status, res.why)


def test_a_place_the_context_rules_out_is_no_rival_to_one_it_fits():
    from gazetteer.decision import Scored
    from gazetteer.parsing import parse_name

    def decide_with(fits):
        a, b = _unit("t:a", "settlement"), _unit("t:b", "settlement", lat=41.5)
        cands = [Candidate(place=a, score=1.05, matched="A", layer="fuzzy", why=("fuzzy",)),
                 Candidate(place=b, score=1.03, matched="A", layer="exact", why=("exact",))]
        scored = Scored(cands, fits, {"t:a": 0.9, "t:b": 1.0})
        return made_up_decider().decide("A", "C", parse_name("A"), scored, [])

    assert decide_with({"t:a": "near", "t:b": "outside"}).status == "resolved"
    assert decide_with({"t:a": "inside", "t:b": "outside"}).status == "resolved"
    # At the context's edge is not ruled out; nor is anything when the top does not fit it.
    assert decide_with({"t:a": "inside", "t:b": "edge"}).status == "ambiguous"
    assert decide_with({}).status == "ambiguous"
    # A top at the edge rules out a rival the context puts outside (b2122): a rough unit
    # (an Armenian SSR raion) holds its villages only at its edge, and "Воротан
    # Сисианского района" tied the Vorotan 10 km from its point with Goris's 31 km off.
    assert decide_with({"t:a": "edge", "t:b": "outside"}).status == "resolved"
    assert decide_with({"t:a": "edge", "t:b": "edge"}).status == "ambiguous"


def test_chinari_by_its_azerbaijani_name_near_berd(gaz):
    # "Tovuzqala rayonunun Çinarlı": Berd's Chinari (Çinari in the data), not the
    # Çinarlı of Xocavənd 190 km off, which the context rules out.
    for name, near in (("Çinarlı", "Tovuzqala rayonu"), ("Cinarli", "Tovuzqala")):
        res = gaz.resolve(name, near=near)
        assert res.status == "resolved" and res.place.id == "wof:1293579051", (name, res.status, res.why)


@pytest.mark.parametrize("text, nominative", [
    ("российской военной базы в Гюмри", "российская военная база в Гюмри"),
    ("102 российскую военную базу", "102-я российская военная база"),
])
def test_a_russian_feminine_phrase_read_in_the_nominative(text, nominative):
    assert nominative in parse_name(text).alternatives


def test_a_phrase_not_all_in_a_feminine_case_has_no_such_reading():
    assert parse_name("Красный Базар").alternatives == ()
    assert parse_name("военной Базар").alternatives == ()


@pytest.mark.parametrize("text", ["российской военной базы в Гюмри", "102 российскую военную базу"])
def test_the_russian_base_in_its_cases(gaz, text):
    res = gaz.resolve(text)
    assert res.status == "resolved" and res.place.id == "gz:base-102", (text, res.status, res.why)

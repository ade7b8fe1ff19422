"""Rules from the notab round: well-known places named bare in general texts
(tourism, mining, railways, biographies), where an obscure namesake inside the
area of interest used to tie with the town readers know."""

from __future__ import annotations

import pytest

from gazetteer import ranking
from gazetteer.model import Candidate, Place
from gazetteer.ranking import town_before_namesakes


def place(pid, *, population=None, kind="settlement", sources=None, raw=None):
    return Place(id=pid, name=pid, kind=kind, lat=40.0, lon=45.0, country="AZ", parents=(), names=(),
                 sources=sources or {}, population=population, raw=raw or {})


def cand(p, score):
    return Candidate(place=p, score=score, matched=p.name, layer="exact", why=("first",))


def test_the_constant():
    assert ranking.NAMESAKE_PENALTY == 0.1 and ranking.SEAT_POPULATION == 5000


def test_a_village_of_no_note_yields_to_a_town_of_its_name():
    town, village = place("town", population=5000), place("village")
    out = town_before_namesakes([cand(town, 1.1), cand(village, 1.08)])
    assert [c.score for c in out] == [1.1, 0.98]
    assert out[1].why == ("first", "a town has this name")
    assert (out[1].place, out[1].matched, out[1].layer) == (village, "village", "exact")
    # One person short of a town: nothing changes, and the list is the one given.
    cands = [cand(place("small", population=4999), 1.1), cand(village, 1.08)]
    assert town_before_namesakes(cands) is cands


@pytest.mark.parametrize("kept", [
    place("big", population=5000),                                   # a town itself
    place("press", sources={"curated": ["press.yaml"]}),              # press-named
    place("marked", raw={"notable": True}),                           # notable by the source
    place("unit", kind="district"),                                   # not a settlement
])
def test_places_of_note_and_units_keep_their_score(kept):
    out = town_before_namesakes([cand(place("town", population=62191), 1.1), cand(kept, 1.08)])
    assert [c.score for c in out] == [1.1, 1.08]


def test_a_curated_fix_of_no_note_is_still_a_village():
    fix = place("fix", sources={"curated": ["villages.yaml"]}, raw={"notable": False})
    out = town_before_namesakes([cand(place("town", population=20000), 1.1), cand(fix, 1.08)])
    assert [c.score for c in out] == [1.1, 0.98]


def test_the_context_keeps_a_village_it_fits_better_than_the_town():
    town, village = place("town", population=30000), place("village")
    cands = [cand(town, 0.95), cand(village, 1.23)]
    inside = town_before_namesakes(cands, {"village": "inside", "town": "outside"})
    assert [c.score for c in inside] == [0.95, 1.23]
    # A village only as near as the town is: the town still wins.
    both = town_before_namesakes(cands, {"village": "near", "town": "inside"})
    assert [c.score for c in both] == [0.95, 1.13]
    edge = town_before_namesakes(cands, {"village": "edge", "town": None})
    assert [c.score for c in edge] == [0.95, 1.23]
    none = town_before_namesakes(cands, {"village": None, "town": "edge"})
    assert [c.score for c in none] == [0.95, 1.13]


@pytest.mark.parametrize("text, pid", [
    ("Sheki", "wof:890440185"),        # the city, not the Şəki village of Ağdaş in the area of interest
    ("Shaki", "wof:890440185"),        # nor the Syunik Shaki
    ("Shamakhi", "wof:890433385"),     # not the Syunik record filed as Shamakhi
    ("Vanadzor", "wof:890433451"),
])
def test_a_bare_city_name_is_the_city(gaz, text, pid):
    res = gaz.resolve(text)
    assert (res.status, res.place.id) == ("resolved", pid), res.why


def test_the_context_still_picks_the_namesake(gaz):
    assert gaz.resolve("Sheki", near="Ağdaş").place.id == "wof:421192321"
    assert gaz.resolve("Shaki", near="Syunik").place.id == "wof:421184069"


def test_a_text_that_says_village_means_the_village(gaz):
    # The rule stands aside when the text's own word is "village": the size
    # word already speaks against the city.
    # Two villages are named so (Ağdaş's and one of the Şəki district): since amb11
    # neither leads by names it shares with the city, and the text says no more.
    res = gaz.resolve("village of Sheki")
    assert res.status == "ambiguous", res.why
    assert {c.place.id for c in res.candidates[:2]} == {"wof:421192321", "wof:1310041999"}
    assert "wof:890440185" not in {c.place.id for c in res.candidates[:3]}  # not the city


@pytest.mark.parametrize("text, size", [
    ("Nic kəndidir", "village"),          # "it is the village of Nic"
    ("Nic kəndinəydi", "village"),        # "(our way) was to the village of Nic"
    ("Nic kendindedir", "village"),       # ASCII, locative then copula
    ("Bartaz qəsəbəsiydi", "township"),
    ("Zəngilan şəhəridir", "town"),
])
def test_an_azerbaijani_descriptor_with_a_copula_is_still_the_descriptor(text, size):
    from gazetteer.parsing import parse_name
    parsed = parse_name(text)
    assert (parsed.name, parsed.kind_hint, parsed.size_hint) == (text.split()[0], "settlement", size)


@pytest.mark.parametrize("text", ["Qədir", "Mirzədir", "Nic dir"])
def test_a_name_that_ends_like_a_copula_is_left_whole(text):
    from gazetteer.parsing import parse_name
    assert parse_name(text).name == text and parse_name(text).kind_hint is None


def test_the_copula_form_resolves_with_its_district(gaz):
    res = gaz.resolve("Nic kəndinəydi", near="Qəbələ")
    assert (res.status, res.place.id) == ("resolved", "wof:1193179933"), res.why

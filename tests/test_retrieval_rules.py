"""Which places a name's spelling reaches, layer by layer (gazetteer/retrieval.py).

Each test states a rule of retrieval with a known answer on the bundled data:
the places a spelling reaches, the layer it reaches them by and the score the
layer gives, before any ranking. The mutation group ``retrieval``
(benchmarks/mutation.py) found these rules stated nowhere else: the tests of
whole resolutions passed whether a declined name's hits were capped at the
inflected layer or not, and whether a stem that matched nothing brought its
fuzzy neighbours in.
"""
import logging

import pytest
from rapidfuzz import fuzz

from gazetteer.normalize import skeleton
from gazetteer.parsing import parse_name
from gazetteer.retrieval import FUZZY_KEYS, LAYER_SCORES, fuzzy_cutoff, fuzzy_score


def _hits(gaz, found):
    """(place id, score, layer, the name it matched) for each place found, by id."""
    records = gaz._records
    return sorted((records[pi]["id"], round(score, 4), layer, records[pi]["names"][ni]["text"])
                  for pi, (score, ni, layer) in found.items())


def _one(gaz, found, place_id):
    return next(hit for hit in _hits(gaz, found) if hit[0] == place_id)


@pytest.mark.parametrize(("text", "place", "hit"), [
    # Written as stored: exact, without keying it.
    ("Sisian", "wof:421203535", (1.0, "exact", "Sisian")),
    # Case apart, the same letters: still exact (the stored name is keyed).
    ("SHUSHA", "wof:421174129", (1.0, "exact", "Shusha")),
    # Diacritics lost, in the name's own script: normalised.
    ("Lacin", "wof:1125773715", (0.99, "normalised", "Laçın")),
    # Across scripts, through a lossy transliteration: normalised, lower.
    ("Сисиан", "wof:421176997", (0.97, "normalised", "Sisian")),
    # Only sounding alike: phonetic.
    ("Xankendi", "wof:421193975", (0.92, "phonetic", "Xankəndi")),
])
def test_each_strict_layer_scores_as_it_says(gaz, text, place, hit):
    assert _one(gaz, gaz._retriever.matches(text, fuzzy=False), place) == (place, *hit)
    assert LAYER_SCORES["exact"] > LAYER_SCORES["normalised"] > 0.97 > LAYER_SCORES["phonetic"]


def test_a_spelling_the_strict_layers_miss_goes_to_the_fuzzy_layer_unless_told_not_to(gaz):
    retriever = gaz._retriever
    assert retriever.matches("Sanasr", fuzzy=False) == {}
    assert retriever.matches("Sanasr") == {}  # strict by default: a stem or a phrase's part is no guess
    found = retriever.matches("Sanasr", fuzzy=True)  # search's call
    assert {layer for _, _, layer in found.values()} == {"fuzzy"}
    # Qubadlı (Sanasar) at the score of its closest key, Սանասար.
    (key, similarity, cutoff), *_ = retriever.fuzzy_keys(skeleton("Sanasr"))
    assert _one(gaz, found, "wof:421169387") == ("wof:421169387", round(fuzzy_score(similarity, cutoff), 4),
                                                "fuzzy", "Սանասար")


def test_a_fuzzy_score_runs_from_its_cutoff_to_identical_keys():
    assert fuzzy_score(80.0, 80.0) == pytest.approx(0.62)
    assert fuzzy_score(100.0, 80.0) == pytest.approx(0.82)
    assert fuzzy_score(90.0, 80.0) == pytest.approx(0.72)
    assert fuzzy_score(91.5, 83.0) == pytest.approx(0.62 + 0.2 * 8.5 / 17.0)


def test_the_shorter_a_key_the_closer_a_fuzzy_match_must_be():
    # Four letters or fewer never (above any similarity); then 83, 78 and 74 from 5, 7 and 10 letters.
    assert [fuzzy_cutoff(n) for n in range(3, 12)] == [101.0, 101.0, 83.0, 83.0, 78.0, 78.0, 78.0, 74.0, 74.0]
    assert fuzzy_cutoff(40) == 74.0


def test_fuzzy_keys_are_few_and_short_names_get_none(gaz):
    retriever = gaz._retriever
    # Four letters or fewer: too many names differ by one letter.
    assert retriever.fuzzy_keys(skeleton("Kutt")) == []
    # A common name reaches many keys (35 within the cutoff for "Qaraqaşlı"); FUZZY_KEYS are kept, best first.
    assert len(retriever._pieces.close(skeleton("Qaraqaşlı"), 78.0, limit=100)) > FUZZY_KEYS
    keys = retriever.fuzzy_keys(skeleton("Qaraqaşlı"))
    assert len(keys) == FUZZY_KEYS
    assert [s for _, s, _ in keys] == sorted((s for _, s, _ in keys), reverse=True)


def test_a_fuzzy_guess_is_logged_with_the_text_and_the_key(gaz, caplog):
    with caplog.at_level(logging.INFO, logger="gazetteer"):
        gaz._retriever.matches("Sanasr", fuzzy=True)
    guesses = [r.getMessage() for r in caplog.records if r.getMessage().startswith("fuzzy guess: ")]
    key = gaz._retriever.fuzzy_keys(skeleton("Sanasr"))[0][0]
    assert guesses and guesses[0].startswith(f"fuzzy guess: 'Sanasr' ~ {key!r} (similarity ")
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="gazetteer"):
        gaz._retriever.matches("Sanasr", fuzzy=True)
    assert not caplog.records


@pytest.mark.parametrize(("text", "hits"), [
    # Not found as written: its stems ("Հադրութում", in Hadrut), capped at the inflected layer.
    ("Հադրութում", [("gz:hadrut-province", 0.9, "inflected", "Հադրութ"),
                    ("wof:1125938249", 0.9, "inflected", "Հադրութ")]),
    # A three-letter Russian stem, tried last.
    ("Кута", [("wof:1209621421", 0.9, "inflected", "Кут")]),
    # An Armenian genitive that only sounds like other names (Koti): the stem that is a
    # place's own Armenian name comes in, and the sound-alikes fall below it.
    ("Կութի", [("wof:1193036833", 0.85, "phonetic", "Koti"), ("wof:1209621421", 0.9, "inflected", "Կութ"),
               ("wof:1226642097", 0.85, "phonetic", "Koti"), ("wof:1309747993", 0.85, "phonetic", "ქუდი")]),
    # An Armenian genitive that a hamlet bears as its name: the unit it declines comes in.
    ("Սյունիքի", [("wof:1310519899", 1.0, "exact", "Սյունիքի"), ("wof:85668119", 0.9, "inflected", "Սյունիք")]),
    # The sentence's words still on an Armenian name: its capitalised name, declined.
    ("Աղավնոյի դպրոցի", [("wof:1192979901", 0.9, "inflected", "Աղավնո")]),
    # Two names of one place joined by a hyphen, in the genitive: the place both name.
    ("Бердзора-Лачина", [("wof:1125773715", 0.9, "inflected", "Лачин")]),
    # Not found as written, its stem a place's own name: the stem's sound-alike villages fall
    # below it, in Armenian ("Կիչանի": Kichan, not Gican) and in Russian ("Артаниша", "Каджарана").
    ("Կիչանի", [("wof:1226178851", 0.85, "inflected", "Gican"), ("wof:1243292593", 0.9, "inflected", "Կիչան")]),
    ("Артаниша", [("wof:1108782573", 0.85, "inflected", "Ardenis"),
                  ("wof:1108783347", 0.9, "inflected", "Артаніш")]),
    ("Каджарана", [("wof:1276894077", 0.85, "inflected", "K’ajaran"),
                   ("wof:1293220529", 0.9, "inflected", "Каджаран")]),
    # Found as written only by a sound-alike (Dardərə): the place the Russian stem names
    # comes in, and what only sounds like it or shares a Latin spelling falls lower.
    ("Тертере", [("wof:1343643799", 0.75, "phonetic", "Dardərə"), ("wof:890433377", 0.9, "inflected", "Тертер")]),
    ("Берде", [("wof:1209858267", 0.9, "inflected", "Բերդ"), ("wof:1310697517", 0.9, "inflected", "Բերդ"),
               ("wof:421178515", 0.9, "inflected", "Берд"), ("wof:421196771", 0.75, "normalised", "Berde"),
               ("wof:85668303", 0.75, "phonetic", "Barda")]),
    # A Russian phrase with the sentence's words on it: its capitalised name, declined.
    ("Жители Тертера", [("wof:1343643799", 0.75, "phonetic", "Dardərə"),
                        ("wof:890433377", 0.9, "inflected", "Тертер")]),
    ("после сдачи Карвачара", [("wof:85668221", 0.9, "inflected", "Karvachar"),
                               ("wof:890441267", 0.9, "inflected", "Карвачар")]),
    # Both names as written: still a reading of the pair, at the inflected layer.
    ("Berdzor-Lachin", [("wof:1125773715", 0.9, "inflected", "Lachin")]),
    # Two places' names joined (a road) share no place.
    ("Степанакерт-Горис", []),
    # Another press's orthography read as Azerbaijani ("Hocalı" is Xocalı).
    ("Hocalı", [("wof:1126002571", 0.9, "inflected", "Xocalı"), ("wof:1276478807", 0.9, "inflected", "Xocalı"),
                ("wof:85668657", 0.9, "inflected", "Xocalı")]),
])
def test_a_declined_or_foreign_form_reaches_its_places_at_the_inflected_layer_only(gaz, text, hits):
    assert _hits(gaz, gaz._retriever.find(parse_name(text), fuzzy=False)) == hits


def test_a_stem_that_matches_nothing_brings_no_fuzzy_neighbours(gaz):
    # Every hit of a declined name comes from a stem spelled as a place's name: none
    # from a fuzzy guess at a stem (those would bring in any village spelled nearly so).
    for text in ("Հադրութում", "Кута", "Կութի", "Аскерана", "Մարտունու", "Бердзора-Лачина", "Hocalı"):
        found = gaz._retriever.find(parse_name(text), fuzzy=False)
        assert found and "fuzzy" not in {layer for _, _, layer in found.values()}, text


def test_fuzzy_guesses_come_only_when_the_strict_layers_find_nothing(gaz):
    retriever = gaz._retriever
    assert {layer for _, _, layer in retriever.find(parse_name("Sanasr")).values()} == {"fuzzy"}
    assert retriever.find(parse_name("Sanasr"), fuzzy=False) == {}
    assert "fuzzy" not in {layer for _, _, layer in retriever.find(parse_name("Sanasar")).values()}


def test_search_scores_a_look_alike_by_half_its_similarity(gaz):
    retriever = gaz._retriever
    found = retriever.similar("Shusa", limit=3)
    assert {layer for _, _, layer in found.values()} == {"fuzzy"}
    keys = set()
    for pi, (score, ni, _) in found.items():
        stored = skeleton(gaz._records[pi]["names"][ni]["text"])
        keys.add(stored)
        assert score == pytest.approx(0.5 * fuzz.ratio(skeleton("Shusa"), stored) / 100.0)
    # The limit counts keys (a key names several places): the three closest.
    assert len(keys) == 3 and len(found) > 3
    # Below a similarity of 60 nothing is a look-alike: a string like no name has fewer than the limit.
    odd = retriever.similar("Qwzxvbnmkj", limit=5)
    assert 0 < len(odd) < 5 and all(score >= 0.3 for score, _, _ in odd.values())
    # The gazetteer's search: the strict matches, then look-alikes up to the limit.
    results = gaz.search("Shusa", limit=4)
    assert len(results) == 4 and results[0].place.name.startswith("Shusha")


def test_the_piece_index_is_the_compiled_one(gaz):
    # The importer stores the fuzzy index: a fresh process does not file 17,000 keys again.
    pieces = gaz._retriever._pieces
    assert pieces._keys == [] and pieces._thirds is not None and len(pieces._heads) > 5_000


def test_a_place_two_of_whose_names_are_close_keeps_its_closest(gaz):
    # The Agarak checkpoint's name and a variant of it are both fuzzy keys of
    # this misspelling: the place keeps the closer one's score and name, not
    # whichever key came later.
    retriever = gaz._retriever
    text = "Agaark checkpoint"
    hits = retriever._fuzzy(text, skeleton(text))
    index = next(pi for pi in hits if gaz._records[pi]["id"] == "gz:agarak-checkpoint")
    best = max(similarity for key, similarity, _ in retriever.fuzzy_keys(skeleton(text))
               if any(pi == index for pi, _ in zip(*[iter(retriever._skel[key])] * 2)))
    score, name_index, layer = hits[index]
    assert layer == "fuzzy" and score == pytest.approx(fuzzy_score(best, fuzzy_cutoff(len(skeleton(text)))))
    assert gaz._records[index]["names"][name_index]["text"] == "Agarak checkpoint"


@pytest.mark.parametrize("text, place", [
    # A capital "Kh" for Armenian ղ at the start of the name, as Russian-route
    # romanizations write Ղազարապատ and Ղազարի: the "gh" reading finds them.
    ("Khazarapat", "wof:1226503913"),  # Əliqulu, Ղազարապատ in Armenian
    ("Khazari", "wof:1259901975"),
])
def test_a_capital_kh_is_read_as_armenian_gh_too(gaz, text, place):
    res = gaz.resolve(text)
    assert res.status == "resolved" and res.place.id == place, (text, res.status, res.why)


def test_a_pair_of_which_one_part_only_sounds_like_a_place_is_no_route(gaz):
    # "Goris-Kapan" joins two places' names as written and takes no fuzzy
    # guess; a part that only sounds like a name ("Abas") makes the text one
    # misspelled name, which the fuzzy layer may still place.
    retriever = gaz._retriever
    assert retriever.matches("Abas") and not retriever.matches("Abas", phonetic=False)
    assert not retriever._two_places(parse_name("Abas-Abd"))
    hits = retriever.find(parse_name("Abas-Abd"))
    assert hits and {layer for _, _, layer in hits.values()} == {"fuzzy"}
    assert retriever._two_places(parse_name("Goris-Kapan"))


@pytest.mark.parametrize("text, place", [
    ("Зардаби", "wof:1293327335"),  # the village Zərdabi, not Zərdab district's Russian locative
    ("Shaumyana", "wof:1309704621"),  # the village, not Shahumyan province's genitive
])
def test_only_an_armenian_genitive_brings_the_unit_it_declines(gaz, text, place):
    # "Սյունիքի" (Syunik's) brings the province beside the hamlet named so; a
    # village whose own name only looks like a unit's case form brings no unit.
    res = gaz.resolve(text)
    assert res.status == "resolved" and [c.place.id for c in res.candidates] == [place], (text, res.candidates)
    syunik = gaz.resolve("Սյունիքի")
    assert {c.place.kind for c in syunik.candidates} == {"province", "settlement"}

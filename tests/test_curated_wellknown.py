"""wellknown.yaml (and Spitak's census figure in renamed.yaml): places general
texts name bare. Compiled with the WOF trees (the session's fixture), so the
checks hold whether or not the shipped data is regenerated; each failed before
the entry it guards."""

from __future__ import annotations

import pytest

from ._compiled import gaz  # noqa: F401  (the compiled gazetteer, not the bundled file)

LAHIJ = "wof:421187543"          # Lahıc of İsmayıllı, the coppersmiths' village
KAJARAN = "wof:1293220529"


@pytest.mark.parametrize("text", ["Lahij", "Lahic", "Lagich", "Lahıc", "Лагич"])
def test_a_bare_lahij_is_the_village_of_ismayilli(gaz, text):
    res = gaz.resolve(text)
    assert (res.status, res.place.id) == ("resolved", LAHIJ), (text, res.why)


def test_the_other_lahics_keep_their_names(gaz):
    # With its district, the Qax record still answers.
    assert gaz.resolve("Lahıc", near="Qax").place.id == "wof:1309839707"


@pytest.mark.parametrize("pid, people", [(KAJARAN, 7163), ("wof:1327455213", 19534),
                                         ("wof:1242975503", 20363), ("wof:890431139", 12881)])
def test_towns_without_a_population_in_wof_have_their_census_figure(gaz, pid, people):
    assert gaz.get(pid).population == people


@pytest.mark.parametrize("text, pid", [("Քաջարանում", KAJARAN), ("Kajaran", KAJARAN),
                                       ("Spitak", "wof:890431139")])
def test_a_town_with_its_figure_is_the_bare_name(gaz, text, pid):
    res = gaz.resolve(text)
    assert (res.status, res.place.id) == ("resolved", pid), (text, res.why)


def test_ismailli_is_the_town_and_as_context_the_district(gaz):
    bare = gaz.resolve("Ismailli")
    assert (bare.status, bare.place.id) == ("resolved", "wof:890436243"), bare.why
    assert gaz.resolve("Ismailli district").place.id == "wof:85668373"
    lahij = gaz.resolve("Lahic", near="Ismailli")
    assert (lahij.status, lahij.place.id) == ("resolved", LAHIJ), lahij.why


def test_sabirabad_town_is_in_its_own_district_and_the_bare_name(gaz):
    town = gaz.get("wof:421180485")
    assert town.parents[0] == "wof:85668447" and "wof:85668433" not in town.parents
    res = gaz.resolve("Sabirabad")
    assert (res.status, res.place.id) == ("resolved", "wof:421180485"), res.why


@pytest.mark.parametrize("text", ["Lankaran", "Ленкорань", "Lənkərana"])
def test_a_bare_lankaran_is_the_town_and_with_its_word_the_rayon(gaz, text):
    res = gaz.resolve(text)
    assert (res.status, res.place.id) == ("resolved", "wof:421182679"), (text, res.why)
    assert gaz.resolve("Lankaran district").place.id == "wof:85668389"

"""Evidence the resolver must not trust: rules that turn confidently wrong
answers into right or honestly ambiguous ones (gazetteer.decision)."""

from gazetteer.decision import SPLIT_GAP

ARTSVASHEN = "wof:1209839605"   # Bashkend to Azerbaijanis: the exclave in Gadabay
VERNASHEN = "wof:890449903"     # Bashkend until 1946: by Yeghegnadzor (Keshishkend)


def test_context_naming_two_places_does_not_choose_between_their_namesakes(gaz):
    # "Keshishkend" is Yeghegnadzor's old name and a village's name in Gadabay:
    # a Bashkend lies by each, and only the prior puts the exclave ahead.
    res = gaz.resolve("Bashkend", near="Keshishkend")
    assert res.status == "ambiguous"
    assert {c.place.id for c in res.candidates} == {ARTSVASHEN, VERNASHEN}
    assert "names more than one place" in res.why
    # The lead the split overrules is the prior's, within SPLIT_GAP.
    assert res.candidates[0].score - res.candidates[1].score < SPLIT_GAP


def test_context_naming_one_place_still_decides(gaz):
    assert gaz.resolve("Bashkend", near="Yeghegnadzor").place.id == VERNASHEN
    assert gaz.resolve("Bashkend", near="Gadabay").place.id == ARTSVASHEN
    # A name only one place has, by one of the context's places, is that place.
    assert gaz.resolve("Vernashen", near="Keshishkend").place.id == VERNASHEN

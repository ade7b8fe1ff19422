"""nakhchivan-tavush.yaml: the data gaps the fifth own set found.

Compiled with the WOF trees into a temporary folder (about ten seconds), so the
checks hold whether or not the shipped data has been regenerated. Each check
failed before the entry it guards: the republic did not exist (a context
"Nakhchivan" covered the city unit only), the Aygedzor names tied four ways,
"Берзене" went by a fuzzy guess to Noyemberyan 181 km away.
"""

from __future__ import annotations

import pytest

from ._compiled import gaz  # noqa: F401  (the compiled gazetteer, not the bundled file)


AR = "gz:nakhchivan-ar"
CITY_UNIT = "wof:85668681"       # the city-rank unit that carried the republic's names
CITY = "wof:1125936343"          # Nakhchivan the town
SADARAK_VILLAGE = "wof:1125773681"
SADARAK_DISTRICT = "wof:85668663"
AYGEDZOR = "wof:1108783339"      # of Tavush (Qulalı until 1939)


def _resolved(gaz, text, near=None):
    res = gaz.resolve(text, near=near)
    assert res.status == "resolved", f"{text!r} near {near!r}: {res.status}, {res.why}"
    return res.place.id


@pytest.mark.parametrize("text", ["Naxçıvan Muxtar Respublikası", "Nakhchivan Autonomous Republic",
                                  "Нахичеванская Автономная Республика"])
def test_the_republic_is_a_region_of_its_own(gaz, text):
    assert _resolved(gaz, text) == AR
    assert gaz.get(AR).kind == "region"


def test_the_city_unit_no_longer_carries_the_republics_names(gaz):
    names = {n.text for n in gaz.get(CITY_UNIT).names}
    assert not names & {"Naxçıvan Muxtar Respublikası", "Нахичеванская Автономная Республика",
                        "Autonome Republik Nachitschewan", "Nakhchyvan MSSR"}
    assert "Naxçıvan" in names  # the city's own name stays


@pytest.mark.parametrize("text", ["Nakhchivan", "Naxçıvan", "Нахичевань", "Նախիջևան"])
def test_a_bare_name_is_still_the_city(gaz, text):
    assert _resolved(gaz, text) == CITY


@pytest.mark.parametrize("text,near,expected", [
    ("Günnüt", "Nakhchivan", "wof:1259628123"),        # Şərur district
    ("Axura", "Naxçıvan", "wof:1226296219"),           # Şərur district
    ("Qıvraq", "Naxçıvan", "wof:1343401727"),          # Kəngərli district
    ("Ordubad", "Nakhchivan", "wof:421198647"),        # the town, 70 km from the city
    ("Sədərək", "Naxçıvan", SADARAK_VILLAGE),          # on the Turkish border
    ("Sederek", "Naxcivan", SADARAK_VILLAGE),
    ("Sharur region", "Nakhchivan", "wof:85668667"),
])
def test_the_republic_as_context_covers_the_whole_exclave(gaz, text, near, expected):
    assert _resolved(gaz, text, near) == expected
    assert AR in gaz.get(expected).parents


def test_sadarak_is_the_village_unless_the_text_says_district(gaz):
    assert _resolved(gaz, "Sədərək") == SADARAK_VILLAGE
    assert _resolved(gaz, "Садарак") == SADARAK_VILLAGE
    assert _resolved(gaz, "Sədərək rayonu") == SADARAK_DISTRICT


def test_aygedzor_of_tavush_is_one_record(gaz):
    # The stray GeoNames copy near Ijevan is merged: its id finds the village.
    assert "wof:1276221595" not in gaz
    assert gaz.get("wof:1276221595").id == AYGEDZOR
    assert _resolved(gaz, "Aygedzor", "Tavush") == AYGEDZOR
    assert _resolved(gaz, "Այգեձոր") == AYGEDZOR
    assert _resolved(gaz, "Qulalı", "Tavush") == AYGEDZOR
    # The Tavush village's old name is no longer the Syunik namesakes' label.
    assert _resolved(gaz, "Qulalı") == AYGEDZOR
    for syunik in ("wof:1292925817", "wof:1326915993"):
        assert "Qulalı" not in {n.text for n in gaz.get(syunik).names}


@pytest.mark.parametrize("text,near,expected", [
    ("Khoranashat", None, "gz:khoranashat"),
    ("Khoranashat Monastery", None, "gz:khoranashat"),
    ("Խորանաշատ վանք", None, "gz:khoranashat"),
    ("Khoranashat", "Chinari", "gz:khoranashat"),
    ("Chinari", None, "wof:1293579051"),               # the bare name stays the village
    ("Coğaz", "Tavuş vilayətində", "wof:1293573747"),  # Berkaber before 1978
    ("Берзене", None, "wof:1276395965"),               # Mehmana's old name
    ("Хейвалу", None, "wof:1209381999"),               # Drmbon
    ("Chapar", None, "wof:1226497345"),
    ("Cerektar", "Kelbecer", "wof:1344224183"),        # Charektar, no longer tied with Chapar
])
def test_names_reach_their_place(gaz, text, near, expected):
    assert _resolved(gaz, text, near) == expected


def test_khoranashat_is_a_monastery_in_tavush(gaz):
    place = gaz.get("gz:khoranashat")
    assert place.kind == "landmark" and place.country == "AM"
    assert "wof:85668095" in place.parents  # Tavush


def test_chapar_no_longer_carries_charektars_name(gaz):
    assert "Çərəkdar" not in {n.text for n in gaz.get("wof:1226497345").names}
    assert "Çərəkdar" in {n.text for n in gaz.get("wof:1344224183").names}


def test_balasoltanli_keeps_its_nkr_name_as_historical(gaz):
    # Aygehovit was Balasoltanlı's name under the NKR; the bare name is the Tavush village.
    names = {n.text: n for n in gaz.get("wof:1327164823").names}
    assert names["Այգեհովիտ"].type == "historical"
    assert _resolved(gaz, "Aygehovit") == "wof:421177911"

"""The villages of the 2020 lists sit in the district the lists give.

WOF's simplified district outlines take in villages of the neighbouring district
near a boundary (a popup then names the wrong district, and the list's own
context finds the village only "at the edge", or ties it with a namesake).
villages-lists.yaml files them under the listed district; these checks compile
the gazetteer from the WOF trees and the curated folder into a temporary folder
(about ten seconds), so they hold whether or not the shipped data has been
regenerated. The expected districts come from the lists, not from the YAML.
"""

from __future__ import annotations

import pytest


CEBRAYIL, FUZULI, XOCAVEND, XOCALI = "wof:85668323", "wof:85668351", "wof:85668611", "wof:85668657"
ZENGILAN, QUBADLI, SUSA = "wof:85668659", "wof:85668629", "wof:85668643"

# A village of a list, and its district as the announcement or the district's
# list of villages gives it (the page is cited in villages-lists.yaml).
LISTED_DISTRICT = [
    ("wof:1310376295", CEBRAYIL),   # Şahvələdli: WOF's Xocavənd took it
    ("wof:1276414067", CEBRAYIL),   # Balyand: Füzuli
    ("wof:1293452945", CEBRAYIL),   # Doşulu: Xocavənd
    ("wof:1327013237", CEBRAYIL),   # Nüzgar: Füzuli
    ("wof:1209786667", CEBRAYIL),   # Qışlaq: Xocavənd
    ("wof:1327117805", CEBRAYIL),   # Əfəndilər: Xocavənd
    ("wof:1259662649", CEBRAYIL),   # Yuxarı Məzrə: Xocavənd
    ("wof:1293572749", CEBRAYIL),   # Cocuq Mərcanlı: Füzuli
    ("wof:1293724319", CEBRAYIL),   # Qərər (WOF Harar): Xocavənd
    ("wof:1310040793", ZENGILAN),   # Yenikənd: Qubadlı
    ("wof:1326466663", ZENGILAN),   # Ağakişilər: Qubadlı
    ("gz:tatar-zangilan", ZENGILAN),
    ("wof:1343295895", QUBADLI),    # the other Tatar stays in Qubadlı
    ("wof:1209041161", FUZULI),     # Arış: Xocavənd
    ("wof:1242936337", FUZULI),     # Xatınbulaq: Xocavənd
    ("wof:1243209309", FUZULI),     # Divanalılar: Xocavənd
    ("wof:1293564955", FUZULI),     # Üçbulaq: Xocavənd
    ("wof:1293759601", FUZULI),     # Çimən: Xocavənd
    ("wof:1276728425", FUZULI),     # Govşadlı: Xocavənd
    ("wof:1243430229", FUZULI),     # Dilağarda: Xocavənd
    ("wof:1209491183", FUZULI),     # Yuxarı Veysəlli, an exclave: Xocavənd
    ("wof:1276801567", XOCAVEND),   # Arpagədik: Laçın
    ("wof:1310537865", XOCAVEND),   # Mirikənd / Myurishen: Ağdam
    ("wof:1327470549", XOCALI),     # Xaçmaç: Xocavənd
    ("wof:1360021889", SUSA),       # Malıbəyli, an exclave: Xankəndi
    ("wof:1242904231", SUSA),       # Yuxarı Quşçular
    ("wof:1309746903", SUSA),       # Aşağı Quşçular
]

# As a list writes the name, its district, and the place meant.
AS_LISTED = [
    ("Əfəndilər", "Cəbrayıl", "wof:1327117805"),  # tied with Qubadlı's
    ("Əfəndilər", "Qubadlı", "wof:1209449793"),
    ("Tatar", "Zəngilan", "gz:tatar-zangilan"),    # found Qubadlı's, 11 km off
    ("Tatar", "Qubadlı", "wof:1343295895"),
    ("Qacar", "Füzuli", "wof:1243417367"),         # not Dilağarda, once both are in Füzuli
    ("Dilağarda", "Füzuli", "wof:1243430229"),
    ("Qərər", "Cəbrayıl", "wof:1293724319"),
    ("Ajapnyak", None, "wof:1360021889"),
    ("Dovudlu", "Qubadlı", "wof:1309940417"),
    ("Qırmızıqaya", "Xocavənd", "wof:1276480675"),  # WOF: Kemraquç, Qumızıqaya      # the list's spelling of Davudlu
]


@pytest.fixture(scope="module")
def compiled(imported):
    return imported[0]


@pytest.mark.parametrize("place_id,district", LISTED_DISTRICT)
def test_listed_village_is_filed_under_the_listed_district(compiled, place_id, district):
    place = compiled.get(place_id)
    districts = [p.id for p in compiled.parents(place) if p.kind == "district"]
    assert districts == [district], f"{place_id} ({place.name}) is under {districts}, the lists say {district}"


@pytest.mark.parametrize("text,near,expected", AS_LISTED)
def test_listed_name_with_its_district_reaches_the_listed_village(compiled, text, near, expected):
    result = compiled.resolve(text, near=near)
    assert result.status == "resolved" and result.place.id == expected, \
        f"{text!r} near {near!r}: {result.status}, {[c.place.id for c in result.candidates[:3]]}"


def test_a_listed_village_without_a_record_is_not_its_neighbour(compiled):
    # Əsgərxanlı and Sirik are two villages of the Cəbrayıl list; WOF gave Sirik
    # both names, so the gazetteer answered Sirik for Əsgərxanlı.
    result = compiled.resolve("Əsgərxanlı", near="Cəbrayıl")
    assert result.place is None or result.place.id != "wof:1293079953", result.why
    assert "Əsgərxanlı" not in {n.text for n in compiled.get("wof:1293079953").names}

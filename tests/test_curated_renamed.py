"""renamed.yaml and the entries it changed in labels.yaml and base.yaml: former,
Soviet-era, other-side and post-2020 names, found by tests/data/toponyms-renamed.csv.

Compiled with the WOF trees into a temporary folder, so the checks hold whether or
not the shipped data has been regenerated. Each resolution failed before its entry
("Leninakan" found nothing, "Üçüncü Qarakilsə" tied three villages named Dzorashen,
"Karvachar District" went to the town); the label checks guard the other half of
the rule: an old name resolves but is never shown as the place's current label.
"""

from __future__ import annotations

import pytest

from ._compiled import gaz  # noqa: F401  (the compiled gazetteer, not the bundled file)

GYUMRI = "wof:421194815"
GAVAR = "wof:1125819727"
YEGHEGNADZOR = "wof:890449899"
TASHIR = "wof:421200497"
VANADZOR = "wof:890433451"
VOROTAN = "wof:1242859849"
TSAKURI = "wof:1193173575"
DZORASHEN_SHIRAK = "wof:1343555861"
KALBAJAR_DISTRICT = "wof:85668221"
KALBAJAR_TOWN = "wof:890441267"
ARTSAKH = "gz:artsakh"
VEDI_RAION = "gz:am-vedi-raion"


@pytest.mark.parametrize("text, near, place", [
    ("Leninakan", None, GYUMRI), ("Ленинакан", None, GYUMRI), ("Լենինական", None, GYUMRI),
    ("Александрополь", None, GYUMRI), ("Ալեքսանդրապոլում", None, GYUMRI),
    ("Nor Bayazet", None, GAVAR), ("Нор-Баязет", None, GAVAR), ("Novo-Bəyazid", None, GAVAR),
    ("Mikoyan", None, YEGHEGNADZOR), ("Միկոյան", None, YEGHEGNADZOR),
    ("Калинино", None, TASHIR), ("Vorontsovka", None, TASHIR),
    ("Gharakilisa", None, VANADZOR),
    ("Urud", "Sisian", VOROTAN),
    ("Hünərli", "Xocavənd", TSAKURI),
    ("Üçüncü Qarakilsə", None, DZORASHEN_SHIRAK),
    ("Karvachar District", None, KALBAJAR_DISTRICT),
    ("Vedi rayonu", None, VEDI_RAION),
    ("Autonome Oblast Bergkarabach", None, ARTSAKH),
    ("Mehri", None, "wof:421173985"), ("Hamamlı", None, "wof:890431139"),
    ("Uluxanlı", None, "wof:890433447"), ("Baharlı", "Xocalı", "wof:1343299125"),
])
def test_former_names_resolve(gaz, text, near, place):
    res = gaz.resolve(text, near=near)
    assert res.status == "resolved", (text, near, res.status, res.why)
    assert res.place.id == place


def test_a_bare_artsakh_era_name_is_still_the_town(gaz):
    # A guard: "Karvachar" named the district only with its word; bare, it is the town,
    # as "Kalbajar" is.
    assert gaz.resolve("Karvachar").place.id == KALBAJAR_TOWN


@pytest.mark.parametrize("place, labels", [
    (GYUMRI, {"eng": "Gyumri", "rus": "Гюмри", "hye": "Գյումրի"}),
    (GAVAR, {"eng": "Gavar", "rus": "Гавар"}),
    (YEGHEGNADZOR, {"eng": "Yeghegnadzor"}),
    (TASHIR, {"eng": "Tashir", "rus": "Ташир"}),
    (KALBAJAR_DISTRICT, {"eng": "Kalbajar"}),
])
def test_old_names_are_not_current_labels(gaz, place, labels):
    got = gaz.get(place).labels()
    assert {lang: got.get(lang) for lang in labels} == labels


def test_a_soviet_name_is_marked_out_of_use_today(gaz):
    assert "not in use" in gaz.resolve("Leninakan", as_of="2010-01-01").why
    assert "not in use" not in gaz.resolve("Leninakan", as_of="1980-01-01").why


def test_the_syunik_dzorashen_lost_the_shirak_name(gaz):
    for place in ("wof:1242863277", "wof:1243061017"):
        assert "Üçüncü Qarakilsə" not in {n.text for n in gaz.get(place).names}
    assert "Üçüncü Qarakilsə" in {n.text for n in gaz.get(DZORASHEN_SHIRAK).names}

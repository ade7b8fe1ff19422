"""azlat.yaml: the resettlement press's İstisu.

Compiled with the WOF trees into a temporary folder, so the checks hold whether
or not the shipped data has been regenerated. Before the entry a bare "İstisu"
in an Azerbaijani text resolved, confidently, to Jermuk in Armenia (whose
Azerbaijani name it also is), 27 km from the Kəlbəcər resort the 2020-2025
press means.
"""

from __future__ import annotations

import pytest

from ._compiled import gaz  # noqa: F401  (the compiled gazetteer, not the bundled file)

KALBAJAR_ISTISU, JERMUK = "wof:1125938013", "wof:421197315"


@pytest.mark.parametrize("text", ["İstisu", "İstisu qəsəbəsində"])
def test_a_bare_istisu_is_either(gaz, text):  # noqa: F811
    res = gaz.resolve(text)
    assert res.status == "ambiguous"
    assert {KALBAJAR_ISTISU, JERMUK} <= {c.place.id for c in res.candidates}


@pytest.mark.parametrize("text, near, expected", [
    ("İstisu qəsəbəsi", "Kəlbəcər", KALBAJAR_ISTISU),
    ("Kəlbəcər rayonunun İstisu qəsəbəsinin", None, KALBAJAR_ISTISU),
    ("Jermuk", None, JERMUK),
])
def test_a_named_district_or_spelling_decides(gaz, text, near, expected):  # noqa: F811
    res = gaz.resolve(text, near=near)
    assert res.status == "resolved" and res.place.id == expected

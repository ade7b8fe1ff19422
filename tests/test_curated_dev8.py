"""dev8.yaml: the data the eighth own set found wrong.

Compiled with the WOF trees into a temporary folder, so the checks hold whether
or not the shipped data has been regenerated. The check failed before the
entry it guards: Nerkin Shorzha's Russian label was Verin Shorzha's name.
"""

from __future__ import annotations

import pytest

from ._compiled import gaz  # noqa: F401  (the compiled gazetteer, not the bundled file)

VERIN_SHORZHA = "wof:1242784163"
NERKIN_SHORZHA = "wof:1242977035"


def test_nerkin_shorzha_is_labelled_with_its_own_russian_name(gaz):
    place = gaz.get(NERKIN_SHORZHA)
    assert place.labels().get("rus") == "Неркин-Шоржа"
    assert "Верин Шоржа" not in {n.text for n in place.names}


# A guard: the fix takes the name from the lower village only, and the upper
# one keeps it.
@pytest.mark.parametrize("text, place", [("Верин Шоржа", VERIN_SHORZHA), ("Неркин-Шоржа", NERKIN_SHORZHA)])
def test_each_shorzha_by_its_russian_name(gaz, text, place):
    res = gaz.resolve(text)
    assert res.status == "resolved", (text, res.status, res.why)
    assert res.place.id == place

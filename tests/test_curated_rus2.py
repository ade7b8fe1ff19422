"""rus2.yaml: Jil of Gegharkunik carries its Russian and Armenian names.

Compiled with the WOF trees into a temporary folder, so the checks hold whether
or not the shipped data has been regenerated. Before the entry, a Russian "Джил"
(and its cases) read Cil of Lənkəran, 300 km away: WOF gives Jil its English
name alone, and Cil the Russian "Джил".
"""

from __future__ import annotations

import pytest

from ._compiled import gaz  # noqa: F401  (the compiled gazetteer, not the bundled file)

JIL = "wof:1108783355"
CIL = "wof:1242825089"


def test_jil_bears_its_russian_and_armenian_names(gaz):
    assert {"Джил", "Ջիլ"} <= {n.text for n in gaz.get(JIL).names}


@pytest.mark.parametrize("text", ["Джил", "Джила", "в Джиле", "Ջիլ"])
def test_jil_in_russian_and_armenian(gaz, text):
    res = gaz.resolve(text)
    assert res.status == "resolved" and res.place.id == JIL, (text, res.why)


def test_cil_keeps_its_own_name(gaz):
    res = gaz.resolve("Cil")
    assert res.status == "resolved" and res.place.id == CIL, res.why

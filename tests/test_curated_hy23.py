"""hy23.yaml: Dahrav no longer carries its neighbour Lusadzor's name.

Compiled with the WOF trees into a temporary folder, so the checks hold whether
or not the shipped data has been regenerated. Before the entry, a declined
"Լուսաձորից" (from Lusadzor) read Dahrav as Lusadzor: WOF gives Dahrav an
undetermined variant "Lusadzor", the name of the next village, Mehdibəyli.
"""

from __future__ import annotations

from ._compiled import gaz  # noqa: F401  (the compiled gazetteer, not the bundled file)

DAHRAV = "wof:1209651493"
LUSADZOR_ASKERAN = "wof:1293914317"


def test_dahrav_does_not_bear_lusadzors_name(gaz):
    assert "Lusadzor" not in {n.text for n in gaz.get(DAHRAV).names}
    assert "Dahrav" in {n.text for n in gaz.get(DAHRAV).names}


def test_lusadzor_is_not_found_in_dahrav(gaz):
    for text in ("Lusadzor", "Լուսաձորից"):
        res = gaz.resolve(text)
        assert DAHRAV not in {c.place.id for c in res.candidates}, text
    # A guard: the Askeran Lusadzor keeps its names.
    assert "Լուսաձոր" in {n.text for n in gaz.get(LUSADZOR_ASKERAN).names}

"""hyscript.yaml: the Armenian press's Չայլու is the front-line village of Martakert.

Compiled with the WOF trees into a temporary folder, so the checks hold whether
or not the shipped data has been regenerated. Before the entry "Չայլու"
resolved, confidently, to the Qazax district's Çaylı, 110 km away, whose
imported names hold the Armenian spelling too.
"""

from __future__ import annotations

from ._compiled import gaz  # noqa: F401  (the compiled gazetteer, not the bundled file)

CHAYLU_TARTAR = "wof:1309835321"
CAYLI_QAZAX = "wof:1243109857"


def test_chaylu_in_armenian_is_the_martakert_village(gaz):
    res = gaz.resolve("Չայլու")
    assert res.status == "resolved", res.why
    assert res.place.id == CHAYLU_TARTAR


def test_the_qazax_village_keeps_its_names(gaz):
    # A guard: the Qazax Çaylı still bears its names, and its district finds it.
    assert "Չայլու" in {n.text for n in gaz.get(CAYLI_QAZAX).names}
    res = gaz.resolve("Çaylı", near="Qazax")
    assert res.status == "resolved" and res.place.id == CAYLI_QAZAX


KHACHIK = "wof:1344251003"


def test_khachik_by_its_armenian_and_russian_names(gaz):
    # Before the entry "Խաչիկ" tied Khachik (found through its English name)
    # with Khechik of Shirak, which only sounds like it.
    for text in ("Խաչիկ", "Хачик", "Խաչիկ գյուղում"):
        res = gaz.resolve(text)
        assert res.status == "resolved", (text, res.why)
        assert res.place.id == KHACHIK

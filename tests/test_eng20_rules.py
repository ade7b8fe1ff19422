"""English wire copy's lead-ins before a place name (toponyms-eng20).

Each case in the first two tests failed before the rule: the owner or a
preposition of nearness left the name unfound, or worse, "near the village of
Mataghis" was read as a village "near the" in a context "Mataghis".
"""

from __future__ import annotations

import pytest

from gazetteer.parsing import parse_name

from ._compiled import gaz  # noqa: F401  (the compiled gazetteer, not the bundled file)


@pytest.mark.parametrize("text, name, context", [
    ("Azerbaijan's Barda", "Barda", ("Azerbaijan",)),
    ("Nagorno-Karabakh's city of Shusha", "Shusha", ("Nagorno-Karabakh",)),
    ("Azerbaijan’s Fuzuli city", "Fuzuli", ("Azerbaijan",)),
    ("Shusha's Ghazanchetsots Cathedral", "Ghazanchetsots", ("Shusha",)),
    ("the Karabakh capital Stepanakert", "Stepanakert", ("Karabakh",)),
    # Both: an owner's region and the region's capital.
    ("Armenia's Syunik capital Kapan", "Kapan", ("Armenia", "Syunik")),
])
def test_the_owner_is_context(text, name, context):
    parsed = parse_name(text)
    assert (parsed.name, parsed.context) == (name, context)


@pytest.mark.parametrize("text, name", [
    ("near the village of Mataghis", "Mataghis"),
    ("near the town of Goris", "Goris"),
    ("just outside Stepanakert", "Stepanakert"),
    ("area of Shusha", "Shusha"),
    ("on the outskirts of Kornidzor", "Kornidzor"),
    ("not far from Tartar", "Tartar"),
])
def test_nearness_is_dropped(text, name):
    parsed = parse_name(text)
    assert parsed.name == name and parsed.context == ()


@pytest.mark.parametrize("text, name, context", [
    # A possessive that is the landmark's own name, not an owner.
    ("Vagif's mausoleum", "Vagif's", ()),
    ("St Mary's Church", "St Mary's", ()),
    # A capitalised place before "village of" is the village's own name.
    ("Davit Bek village of Syunik", "Davit Bek", ("Syunik",)),
    ("Karabakh town of Shushi", "Karabakh", ("Shushi",)),
    # "capital of" names what the place is capital of: no owner before it.
    ("Stepanakert capital of Artsakh", "Stepanakert capital of Artsakh", ()),
])
def test_what_stays(text, name, context):
    parsed = parse_name(text)
    assert (parsed.name, parsed.context) == (name, context)


def test_resolved(gaz):
    # The whole chain: owner as context, nearness dropped, and the place found.
    for text, label in (("Azerbaijan's Barda", "Bərdə"), ("near the town of Goris", "Goris"),
                        ("near the village of Mataghis", "Suqovuşan")):
        res = gaz.resolve(text)
        assert res.status == "resolved", (text, res.why)
        assert label in {n.text for n in res.place.names}, (text, res.place.name)



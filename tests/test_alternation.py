"""The descriptor patterns written as a tree of shared beginnings match as the plain alternation of
their words, longest first, does: the same texts, the same spans, the same word."""

import re

import pytest

from gazetteer.parsing import _KIND_WORDS, _LEADING, _TAIL, _TRAILING, _word_tree


def _flat(words, template):
    return re.compile(template.format("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))),
                      re.IGNORECASE)


def _span(match):
    return None if match is None else (match.span(), match.group("word"))


def test_a_word_that_begins_a_longer_one_is_tried_after_it():
    pattern = re.compile(r"^(?P<word>" + _word_tree(["su", "su anbarı", "sukanal", "dağ"]) + r")\s+", re.IGNORECASE)
    assert pattern.match("su anbarı Sərsəng").group("word") == "su anbarı"
    assert pattern.match("SU Sərsəng").group("word") == "SU"
    assert pattern.match("sukanal X").group("word") == "sukanal"
    assert pattern.match("Dağ X").group("word") == "Dağ"
    assert pattern.match("suk X") is None and pattern.match("su") is None
    assert re.fullmatch(_word_tree(["a"]), "a") and _word_tree([]) == ""
    # Two first letters a case apart both match: the branch holding the longer word goes first.
    cased = re.compile(r"^(?P<word>" + _word_tree(["Su anbarı", "su anbarı yaxınlığı"]) + r")\s+", re.IGNORECASE)
    assert cased.match("su anbarı yaxınlığı X").group("word") == "su anbarı yaxınlığı"


@pytest.mark.parametrize("frame", ["{w} Talış", "Talış {w}", "{W} TALIŞ", "Talış kəndi {w}", "{w}", "{c} Talış",
                                   "Talış  {c}", "{w}{w} X", "X {w}ы", "X Y {w} Z"])
def test_descriptor_patterns_match_as_their_alternation_does(frame):
    words = [w for w, _ in _KIND_WORDS]
    leading = _flat(words, r"^(?P<word>{})\s+")
    trailing = _flat(words, r"\s+(?P<word>{})$")
    for word in dict.fromkeys(words):
        text = frame.format(w=word, W=word.upper(), c=word.capitalize())
        assert _span(_LEADING.match(text)) == _span(leading.match(text)), text
        for pos in (0, max(len(text) - _TAIL, 0)):
            assert _span(_TRAILING.search(text, pos)) == _span(trailing.search(text, pos)), text

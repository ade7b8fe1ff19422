"""The gazetteer's short cuts (issue 12) give what the general paths give, and are taken.

Each short cut skips work that cannot change the answer for the inputs it
takes: these tests compare it with the general path on every name of the data
and of the own test sets (and on crafted text), so that a rule added to the
general path alone, which the short cut would skip, fails here; and they show
the short cut is taken, by making the general path fail where it should not be reached.
"""

from __future__ import annotations

import csv
import io
import random
from pathlib import Path

import pytest

from gazetteer import batch, decision, normalize, parsing
from gazetteer.batch import MATCH_COLUMNS, resolve_csv
from gazetteer.decision import Decider
from gazetteer.normalize import _exact_key_of_any, _norm_key_of_any, _skeleton_of_any, exact_key, norm_key, skeleton_of_norm
from gazetteer.normalize import has_arabic
from gazetteer.parsing import _is_bare_word, _parse_name, parse_name

DATA = Path(__file__).parent / "data"


def _texts(gaz) -> set[str]:
    """Every stored name and each of its words, and every query of the own test sets."""
    texts = set()
    for rec in gaz.records():
        for name in rec["names"]:
            texts.add(name["text"])
            texts.update(name["text"].split())
    for path in sorted(DATA.glob("*.csv")):
        with open(path, encoding="utf-8", newline="") as fh:
            texts.update(row["query"] for row in csv.DictReader(fh))
    return texts


def _crafted() -> list[str]:
    """Short strings of letters the key functions treat specially: apostrophes,
    schwas, h, compatibility forms, combining marks, other scripts."""
    rng = random.Random(12)
    alphabet = "aAbBhHqQyYoOwtTsScCzZdDjJ'`’ʼǝƎəƏ şŞçÇıİ-.,()«»ﬁ²ⅡАБВшШԱբ09\u0301"
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12))) for _ in range(5000)]


def _fields(parsed) -> tuple:
    return (parsed.raw, parsed.name, parsed.alternatives, parsed.kind_hint, parsed.context, parsed.size_hint,
            parsed.qualifiers, parsed.base)


def test_key_functions_equal_their_definitions_on_every_name(gaz):
    texts = sorted(_texts(gaz)) + _crafted()
    assert any(t.isascii() for t in texts) and any(not t.isascii() for t in texts)
    for text in texts:
        assert norm_key.__wrapped__(text) == _norm_key_of_any(text), text
        assert exact_key.__wrapped__(text) == _exact_key_of_any(text), text
        key = _norm_key_of_any(text)
        assert skeleton_of_norm.__wrapped__(key) == _skeleton_of_any(key), text
        # Not only norm keys reach it (``skeleton`` of a stem, of a context).
        assert skeleton_of_norm.__wrapped__(text) == _skeleton_of_any(text), text


def test_the_ascii_short_cuts_are_taken(monkeypatch):
    def refuse(text):
        raise AssertionError(f"the general path was taken for {text!r}")

    monkeypatch.setattr(normalize, "anyascii", refuse)
    assert norm_key.__wrapped__("Qubadli-2") == "qubadli2"
    with pytest.raises(AssertionError):
        norm_key.__wrapped__("Qubadlı")
    # A key without "h" meets only the rules without one, through the bytes table.
    assert normalize._SKELETON_BYTES is not None
    monkeypatch.setattr(normalize, "_SKELETON_RULES", ())
    assert skeleton_of_norm.__wrapped__("dzhabrail") == "tsaprail"  # the full rules would give "japrail"
    assert skeleton_of_norm.__wrapped__("qubadli") == "kupatli"


def test_a_bare_word_parses_as_the_full_parse_does(gaz):
    bare = 0
    for text in sorted(_texts(gaz)):
        # Arabic-script text takes its own parse first (its letters folded, round 12),
        # bare or not: the fast path is the other scripts'.
        if _is_bare_word(text) and not has_arabic(text):
            bare += 1
            assert _fields(parse_name(text)) == _fields(_parse_name(text)), text
    assert bare > 10_000


@pytest.mark.parametrize("text", ["Shusha district", "Шушинский", "district", "Qubadlı (Gubadli)", "Shusha,",
                                  "Aşağı Sirik", "Ağ-dam", "Xankəndi/Stepanakert", "\ufb01zuli"])
def test_what_is_not_a_bare_word_gets_the_full_parse(text):
    assert not _is_bare_word(text)
    assert _fields(parse_name(text)) == _fields(_parse_name(text)) or "/" in text


def test_a_bare_word_does_not_reach_the_full_parse(monkeypatch):
    monkeypatch.setattr(parsing, "_parse_name", lambda raw: pytest.fail(f"full parse of {raw!r}"))
    parsed = parse_name("Qubadlı")
    assert (parsed.name, parsed.alternatives, parsed.kind_hint, parsed.qualifiers) == ("Qubadlı", (), None,
                                                                                        frozenset())


def test_own_qualifiers_are_read_only_where_one_could_matter(gaz, monkeypatch):
    fresh = Decider(place=gaz._place, name=gaz._name, retriever=gaz._retriever, regions=gaz._decider._regions,
                    in_area=gaz.in_area, area_on=True, own=gaz._decider._stored_own)
    # Shorzha: Verin Shorzha's own name has a qualifier, the name given none: a partial match.
    parsed = parse_name("Shorzha")
    scored = fresh.score(parsed, gaz._retriever.find(parsed), (), None)
    verin = next(c for c in scored.candidates if c.place.name == "Verin Shorzha")
    assert any("only part of it" in why for why in verin.why)
    assert verin.score < scored.candidates[0].score
    # Shusha's candidates have no qualifier in their own names: nothing is read.
    monkeypatch.setattr(decision, "read_own", lambda stored: pytest.fail(f"read {stored!r}"))
    parsed = parse_name("Shusha")
    scored = fresh.score(parsed, gaz._retriever.find(parsed), (), None)
    assert scored.candidates and not any("only part" in why for c in scored.candidates for why in c.why)


def test_a_lone_candidate_is_what_reranking_would_make_it(gaz):
    """Re-ranking (a town before its unit, a full name before a part, a name as
    written before a sound-alike) has nothing to do for one candidate: checked on
    every query of the own test sets that finds exactly one."""
    lone = 0
    decider = gaz._decider
    for path in sorted(DATA.glob("*.csv")):
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                parsed = parse_name(row["query"])
                found = gaz._retriever.find(parsed)
                if len(found) != 1:
                    continue
                lone += 1
                scored = decider.score(parsed, found, (), None)
                partial = {c.place.id for c in scored.candidates if any("only part" in w for w in c.why)}
                assert Decider._rerank(parsed, list(scored.candidates), scored.fits, scored.bases,
                                       partial) == scored.candidates, row["query"]
    assert lone > 100


def test_reranking_is_skipped_for_a_lone_candidate_only(gaz, monkeypatch):
    calls = []
    real = Decider._rerank
    monkeypatch.setattr(Decider, "_rerank", staticmethod(lambda *args: calls.append(args) or real(*args)))
    assert gaz._resolve("Ptghni", None, None).status == "resolved"
    assert calls == []
    assert len(gaz._resolve("Shorzha", None, None).candidates) > 1
    assert len(calls) == 1


# --- the batch's rows -----------------------------------------------------------

_AWKWARD = ["Shusha", "Qubadlı", "Şuşa, Azerbaijan", 'the "Lachin" corridor', "Hadrut\nvillage", "Xocalı\r",
            "Füzuli; Horadiz", "Tab\there", "Ağdam"]


def _batch_input(delimiter: str) -> str:
    """Rows of a name and a note, the note plain, empty, quoted or broken over lines."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n", quoting=csv.QUOTE_ALL)  # "\r" kept in its cell
    writer.writerow(["place", "note"])
    for i, name in enumerate(_AWKWARD * 3):
        writer.writerow([name, ["", "plain", f"a{delimiter}b", 'say "x"', "two\nlines", "cr\rhere"][i % 6]])
    return out.getvalue()


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_a_batch_row_is_written_as_the_csv_writer_writes_it_whole(gaz, delimiter):
    """Rows are written as their cells joined and the answer's cells as written
    once: byte for byte what the CSV writer makes of the whole row (a row with a
    "\\r" anywhere quoted whole), for every kind of cell, with each delimiter."""
    text = _batch_input(delimiter)
    out = io.StringIO()
    resolve_csv(gaz, io.BytesIO(text.encode("utf-8")), "place", out, label="in.csv")
    expected = io.StringIO()
    plain = csv.writer(expected, delimiter=delimiter, lineterminator="\n")
    quoted = csv.writer(expected, delimiter=delimiter, lineterminator="\n", quoting=csv.QUOTE_ALL)
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    plain.writerow([*rows[0], *MATCH_COLUMNS])
    for cells in rows[1:]:
        row = cells + batch._csv_cells(batch._match_values(gaz.resolve(cells[0])))
        (quoted if "\r" in "".join(row) else plain).writerow(row)
    assert out.getvalue() == expected.getvalue()


def test_a_batch_row_of_plain_cells_ends_with_its_answer_as_written_once(gaz, monkeypatch):
    made = []

    def answer(values, delimiter):
        made.append(values["match_id"])
        return batch._csv_cells(values), f"{delimiter}ANSWER\n"
    monkeypatch.setattr(batch, "_csv_answer", answer)
    text = "place,note\n" + "Shusha,plain\n" * 5 + 'Shusha,"a,b"\n' + "Ağdam,\n"
    out = io.StringIO()
    resolve_csv(gaz, io.BytesIO(text.encode("utf-8")), "place", out, label="in.csv")
    lines = out.getvalue().splitlines()
    assert lines[1:6] == ["Shusha,plain,ANSWER"] * 5 and lines[7] == "Ağdam,,ANSWER"
    # A cell the writer quotes: the row goes through the writer, with the answer's cells.
    assert lines[6].startswith('Shusha,"a,b",resolved,')
    assert len(made) == 2  # once an answer

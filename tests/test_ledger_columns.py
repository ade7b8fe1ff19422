"""A regular CSV ledger is read column by column; whatever its rows hold, the claims, problems and
row count are the ones the reader row by row gives (the path every JSON, YAML or irregular CSV
ledger takes)."""

import csv
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import mapper.ledger as ledger_module
from mapper.errors import LedgerError
from mapper.ledger import read_ledger

COLUMNS = ("id", "date", "place", "claimant", "side", "claim", "status", "lat", "lon", "count", "extra")
CELLS = {
    "id": ["a", "b", " a ", "", "", "c-1"],
    "date": ["2020-10-26", " 2020-10-27 ", "2020-10-26T08:02+04:00", "", "26/10/2020", "0999-12-31",
             "2020-10-26T08:02"],
    "place": ["Shusha", " Shusha ", "Hadrut", "", "   "],
    "claimant": ["Azerbaijan Ministry of Defense", "Armenia Ministry of Defense", "Someone unknown", "", " x "],
    "side": ["", "Azerbaijan", " Armenia ", ""],
    "claim": ["captured", " Captured ", "holds", "attacked", "seized", ""],
    "status": ["", "published", " DELETED ", "rumour"],
    "lat": ["", "", "39.7", "91", "x", " 39.76 "],
    "lon": ["", "", "46.7", "46.7", "", " 46.75 "],
    "count": ["", "", "12", "1,500", "3.5", "-1", " "],
    "extra": ["", "", "anything"],
}


def _rows(draw_rows):
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in draw_rows:
        if row is None:
            buffer.write("\n")  # a blank line keeps its number
        else:
            writer.writerow(row)
    return buffer.getvalue()


def _both(tmp_path, text, monkeypatch):
    path = tmp_path / "l.csv"
    path.write_text(text, encoding="utf-8")
    by_column = read_ledger(path)
    with monkeypatch.context() as patch:
        patch.setattr(ledger_module, "_by_column", lambda *args: None)
        by_row = read_ledger(path)
    return by_column, by_row


def _same(a, b):
    assert [tuple(c) for c in a.claims] == [tuple(c) for c in b.claims]
    assert a.problems == b.problems
    assert a.rows_read == b.rows_read


_ROW = st.one_of(st.none(), st.tuples(*(st.sampled_from(CELLS[c]) for c in COLUMNS)))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(_ROW, max_size=12))
def test_by_column_is_row_by_row_for_any_mix_of_good_and_bad_rows(tmp_path, monkeypatch, rows):
    _same(*_both(tmp_path, _rows(rows), monkeypatch))


def test_the_column_reader_is_the_one_used_and_reads_what_the_rows_say(tmp_path, monkeypatch):
    text = _rows([("a", "2020-10-26", "Shusha", "Azerbaijan Ministry of Defense", "", "captured", "", "", "",
                   "12", ""),
                  None,
                  ("b", "2020-10-27", " Hadrut ", "Someone unknown", "", "holds", "", "", "", "", ""),
                  ("", "2020-10-26", "Shusha", "Armenia Ministry of Defense", "", "denies", "", "", "", "", ""),
                  ("a", "2020-10-28", "Shusha", "Armenia Ministry of Defense", "", "holds", "", "", "", "", "")])
    used = []
    real = ledger_module._by_column
    monkeypatch.setattr(ledger_module, "_by_column", lambda *args: used.append(1) or real(*args))
    by_column, by_row = _both(tmp_path, text, monkeypatch)
    assert used == [1]
    _same(by_column, by_row)
    assert [(p.row, p.field) for p in by_column.problems] == [(4, "side"), (6, "id")]
    assert by_column.rows_read == 4
    assert [c.id for c in by_column.claims][0] == "a" and by_column.claims[1].id.startswith("c-")
    assert by_column.claims[0].count == 12.0 and by_column.claims[0].side == "Azerbaijan"


def test_equal_cells_are_one_string(tmp_path, monkeypatch):
    rows = [(f"i{n}", "2020-10-26", "Shusha", "Azerbaijan Ministry of Defense", "", "captured", "", "", "", "",
             "") for n in range(3)]
    by_column, _ = _both(tmp_path, _rows(rows), monkeypatch)
    first = by_column.claims[0]
    assert all(c.claimant is first.claimant and c.place is first.place for c in by_column.claims)


def test_a_header_over_two_lines_is_read_from_the_whole_text(tmp_path):
    # The first line alone ends inside a quoted cell: the header is the first record of the whole text.
    path = tmp_path / "l.csv"
    path.write_text('id,date,place,claimant,"side\nx",claim\n'
                    "a,2020-10-26,Shusha,Azerbaijan Ministry of Defense,Armenia,captured\n", encoding="utf-8")
    led = read_ledger(path)
    assert led.problems == [] and [(c.place, c.side) for c in led.claims] == [("Shusha", "Azerbaijan")]


def test_a_bad_header_is_said_as_the_whole_text_says_it(tmp_path):
    path = tmp_path / "l.csv"
    path.write_text('id,da"te,place,"claimant\n",claim\na,2020-10-26,Shusha,x,captured\n', encoding="utf-8")
    with pytest.raises(LedgerError, match="row 1: missing column\\(s\\) date"):
        read_ledger(path)

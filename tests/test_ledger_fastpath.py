"""The ledger reader's one-pass path and its memory of cells already checked.

A CSV ledger whose records are all whole and of the header's width is read in
one pass (``_regular``), without the strict row-by-row reader; any other goes
to the strict reader, which names what is wrong with each bad row. These tests
hold both halves: a regular file never reaches the strict reader (so the fast
path is not dead), and a file the strict reader faults is never accepted by the
fast one (so it cannot let through what the rules refuse). Each distinct date
and count is parsed once; values JSON and YAML give that are not text are read
as their text, whatever the memory holds.
Written for the mutation run (benchmarks/mutation.py files)."""

import datetime as dt
import io

import pytest

from gazetteer import csvfile
from gazetteer.csvfile import MAX_CELL
from mapper import ledger as ledger_module
from mapper.ledger import CLAIMS, STATUSES, read_ledger

UTC = dt.timezone.utc
HEADER = ("id", "date", "place", "claimant", "side", "claim", "notes")


def write(tmp_path, text, name="l.csv"):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def sheet(*rows, sep=",", end="\n"):
    return end.join(sep.join(r) if isinstance(r, tuple) else r for r in (HEADER, *rows)) + end


def row(cid, day="2020-10-26", place="Hadrut", notes=""):
    return (cid, day, place, "Aliyev", "Azerbaijan", "holds", notes)


@pytest.fixture
def strict_rows(monkeypatch):
    """The labels of the files the strict reader was asked to read row by row."""
    asked = []
    real = csvfile.Table.rows

    def rows(self):
        asked.append(self.label)
        return real(self)

    monkeypatch.setattr(csvfile.Table, "rows", rows)
    return asked


# --- a regular file: one pass, never the strict reader ------------------------------------

@pytest.mark.parametrize("sep", [",", ";", "\t"])
def test_a_regular_file_is_read_in_one_pass_whatever_its_delimiter(tmp_path, strict_rows, sep):
    path = write(tmp_path, sheet(row("a"), "", row(" ", place="Shusha"), sep * 6, row("c", "2020-10-27"), sep=sep))
    led = read_ledger(path)
    assert strict_rows == []
    assert [(c.id[:2], c.row, c.place, c.date) for c in led.claims] == [
        ("a", 2, "Hadrut", "2020-10-26"), ("c-", 4, "Shusha", "2020-10-26"), ("c", 6, "Hadrut", "2020-10-27")]
    assert led.problems == [] and led.rows_read == 3


def test_a_file_longer_than_a_cell_with_a_cell_as_long_as_one_holds_is_read_in_one_pass(tmp_path, strict_rows):
    # Past MAX_CELL characters in all, each cell's length is checked; one of exactly MAX_CELL is fine.
    rows = [row(f"r{i}", notes="n" * 100) for i in range(400)] + [row("full", notes="x" * MAX_CELL)]
    text = sheet(*rows)
    assert len(text) > 2 * MAX_CELL
    led = read_ledger(write(tmp_path, text))
    assert strict_rows == []
    assert len(led.claims) == 401 and led.problems == []
    assert [(c.id, c.row, len(c.notes)) for c in led.claims[-2:]] == [("r399", 401, 100), ("full", 402, MAX_CELL)]


def test_line_breaks_inside_quoted_cells_are_kept_as_written(tmp_path, strict_rows):
    # A spreadsheet on Windows ends rows with CRLF; a cell may hold CRLF, a lone CR or LF.
    text = sheet(row("a", notes='"one\r\ntwo"'), row("b", notes='"three\rfour"'), row("c", notes='"five\nsix"'),
                 end="\r\n")
    led = read_ledger(write(tmp_path, text))
    assert strict_rows == []
    assert [(c.id, c.row, c.notes) for c in led.claims] == [
        ("a", 2, "one\r\ntwo"), ("b", 3, "three\rfour"), ("c", 4, "five\nsix")]


# --- a file the strict reader faults: the strict reader's answer, row by row ---------------

def test_a_cell_one_longer_than_a_spreadsheet_holds_is_a_problem_not_a_claim(tmp_path, strict_rows):
    path = write(tmp_path, sheet(row("a"), row("long", notes="x" * (MAX_CELL + 1)), row("b")))
    led = read_ledger(path)
    assert strict_rows == [str(path)]
    assert [(p.path, p.row, p.field, p.message) for p in led.problems] == [
        (str(path), 3, None, f"cell 7 is {MAX_CELL + 1} characters long; a spreadsheet cell holds at most {MAX_CELL}")]
    assert [(c.id, c.row) for c in led.claims] == [("a", 2), ("b", 4)]


def test_a_stray_quote_is_a_problem_where_a_lenient_reader_would_merge_text(tmp_path, strict_rows):
    # The lenient csv reader reads '"Hadrut"x' as 'Hadrutx', and a quote left open as the rest of the
    # file: each file below would be of the header's width to it.
    bad = ("x", "2020-10-26", '"Hadrut"x', "Aliyev", "Azerbaijan", "holds", "")
    path = write(tmp_path, sheet(row("a"), bad, row("b")))
    led = read_ledger(path)
    assert strict_rows == [str(path)]
    assert [(p.row, p.field, p.message) for p in led.problems] == [
        (3, None, 'text after a closing quote on line 3: a quote inside a cell must be doubled ("")')]
    assert [(c.id, c.row, c.place) for c in led.claims] == [("a", 2, "Hadrut"), ("b", 4, "Hadrut")]
    path = write(tmp_path, sheet(row("a"), row("y", notes='"open')), "open.csv")
    led = read_ledger(path)
    assert strict_rows[1:] == [str(path)]
    assert [(p.row, p.field, p.message) for p in led.problems] == [
        (3, None, "a quoted cell opened on line 3 is never closed: a stray '\"'? (it would swallow the rest of "
                  "the file)")]
    assert [(c.id, c.row) for c in led.claims] == [("a", 2)]


def test_a_row_of_the_wrong_width_sends_the_file_to_the_strict_reader(tmp_path, strict_rows):
    # ... which reads a row whose first cell is blank like any other, and names the short row.
    path = write(tmp_path, sheet(row(" "), "a,2020-10-26,Hadrut", row("b"), ",,,,,,"))
    led = read_ledger(path)
    assert strict_rows == [str(path)]
    assert [(c.id[:2], c.row) for c in led.claims] == [("c-", 2), ("b", 4)]
    assert [(p.row, p.message) for p in led.problems] == [
        (3, "3 fields where the header has 7 (a line break inside an unquoted cell splits a row in two)")]
    assert led.rows_read == 3


# --- each distinct cell checked once ------------------------------------------------------

def test_each_distinct_date_and_count_is_parsed_once_and_an_empty_count_not_at_all(tmp_path, monkeypatch):
    dates, counts = [], []
    real_when, real_count = ledger_module.parse_when, ledger_module.parse_count
    monkeypatch.setattr(ledger_module, "parse_when", lambda v: dates.append(v) or real_when(v))
    monkeypatch.setattr(ledger_module, "parse_count", lambda v: counts.append(v) or real_count(v))
    text = ("date,place,claimant,side,claim,count\n" + "2020-10-26,Hadrut,Aliyev,A,holds,12\n"
            "someday,Hadrut,Aliyev,A,holds,\n" + "2020-10-26,Hadrut,Aliyev,A,holds,\n"
            "someday,Hadrut,Aliyev,A,holds,12\n" + "2020-10-27,Hadrut,Aliyev,A,holds,many\n"
            "2020-10-26,Hadrut,Aliyev,A,holds,12\n" + "2020-10-27,Hadrut,Aliyev,A,holds,many\n")
    led = read_ledger(write(tmp_path, text))
    assert dates == ["2020-10-26", "someday", "2020-10-27"]
    assert counts == ["12", "many"]
    # The remembered answers are the answers: the same claims and problems, every time.
    assert [(c.row, c.date, c.count) for c in led.claims] == [(2, "2020-10-26", 12.0), (4, "2020-10-26", None),
                                                              (7, "2020-10-26", 12.0)]
    assert [(p.row, p.field) for p in led.problems] == [(3, "date"), (5, "date"), (6, "count"), (8, "count")]
    assert led.problems[2].message == led.problems[3].message == (
        "'many' is not a number: give a number of 0 or more (12, 3.5), digits only, without thousands separators "
        "or a unit (the unit goes in 'unit')")
    assert led.problems[0].message == led.problems[1].message == (
        "'someday' is not an ISO 8601 date (2020-10-26) or date-time with UTC offset (2020-10-26T08:02+04:00)")


def test_claim_and_status_are_read_the_same_on_every_repeat(tmp_path):
    text = ("date,place,claimant,side,claim,status\n" + "2020-10-26,Hadrut,Aliyev,A,Holds,\n"
            "2020-10-26,Hadrut,Aliyev,A,Holds,Deleted\n" + "2020-10-26,Hadrut,Aliyev,A,took,Deleted\n"
            "2020-10-26,Hadrut,Aliyev,A,Holds,\n" + "2020-10-26,Hadrut,Aliyev,A,Holds,Deleted\n"
            "2020-10-26,Hadrut,Aliyev,A,holds,rumour\n" + "2020-10-26,Hadrut,Aliyev,A,holds,rumour\n")
    led = read_ledger(write(tmp_path, text))
    assert [(c.row, c.claim, c.status) for c in led.claims] == [
        (2, "holds", "published"), (3, "holds", "deleted"), (5, "holds", "published"), (6, "holds", "deleted")]
    assert [(p.row, p.field) for p in led.problems] == [(4, "claim"), (7, "status"), (8, "status")]


# --- values JSON and YAML give that are not text -------------------------------------------

def test_yaml_dates_and_times_are_read_as_the_text_they_were(tmp_path):
    text = ("- {date: 2020-10-26, place: Hadrut, claimant: Aliyev, claim: holds, side: A}\n"
            "- {date: 2020-10-26T08:02:00+04:00, place: Hadrut, claimant: Aliyev, claim: holds, side: A}\n"
            "- {date: 2020-10-26 08:02:00, place: Hadrut, claimant: Aliyev, claim: holds, side: A}\n")
    led = read_ledger(write(tmp_path, text, "l.yaml"))
    assert [(c.row, c.date, c.when) for c in led.claims] == [
        (2, "2020-10-26T08:02+04:00", dt.datetime(2020, 10, 26, 4, 2, tzinfo=UTC)),
        (1, "2020-10-26", dt.datetime(2020, 10, 26, 12, tzinfo=UTC))]
    # A time without an offset is refused, quoted as YAML read it.
    assert [(p.row, p.field, p.message) for p in led.problems] == [
        (3, "date", "'2020-10-26 08:02:00' is not an ISO 8601 date (2020-10-26) or date-time with UTC offset "
                    "(2020-10-26T08:02+04:00)")]


def test_json_values_of_the_wrong_type_are_row_problems_quoting_them(tmp_path):
    base = '"place": "Hadrut", "claimant": "Aliyev", "side": "A"'
    text = ("[" + ", ".join([
        f'{{"date": 20201026, "claim": "holds", {base}}}',
        f'{{"date": "2020-10-26", "claim": ["holds"], {base}}}',
        f'{{"date": "2020-10-26", "claim": "holds", "status": ["deleted"], {base}}}',
        f'{{"date": "2020-10-26", "claim": "holds", "count": ["3"], {base}}}',
        f'{{"date": "2020-10-26", "claim": "holds", {base}}}',            # no status: published
        f'{{"date": "2020-10-26", "claim": "holds", "status": "deleted", {base}}}',
        f'{{"date": "2020-10-27", "claim": "holds", "count": 3, {base}}}',
        f'{{"date": "2020-10-27", "claim": "holds", "count": 3, {base}}}',
    ]) + "]")
    path = write(tmp_path, text, "l.json")
    led = read_ledger(path)
    assert [(p.path, p.row, p.field, p.message) for p in led.problems] == [
        (str(path), 1, "date", "'20201026' is not an ISO 8601 date (2020-10-26) or date-time with UTC offset "
                               "(2020-10-26T08:02+04:00)"),
        (str(path), 2, "claim", "['holds'] is not one of " + ", ".join(CLAIMS)),
        (str(path), 3, "status", "['deleted'] is not one of " + ", ".join(STATUSES)),
        (str(path), 4, "count", "\"['3']\" is not a number: give a number of 0 or more (12, 3.5), digits only, "
                                "without thousands separators or a unit (the unit goes in 'unit')"),
    ]
    assert [(c.row, c.status, c.count) for c in led.claims] == [
        (5, "published", None), (6, "deleted", None), (7, "published", 3.0), (8, "published", 3.0)]


# --- every problem names its file ---------------------------------------------------------

def test_every_kind_of_problem_names_the_file_row_and_field(tmp_path):
    good = "a,2020-10-26,Hadrut,Aliyev,Azerbaijan,holds,published,,"
    text = ("id,date,place,claimant,side,claim,status,lat,lon\n" + good + "\n"
            "b,2020-10-26,Hadrut\n"                                          # a bad row
            "c,2020-10-26, ,Aliyev,Azerbaijan,holds,published,,\n"          # an empty field
            "d,2020-10-26,Hadrut,Aliyev,Azerbaijan,holds,rumour,,\n"
            "e,2020-10-26,Hadrut,Aliyev,Azerbaijan,holds,published,91,0\n"
            "f,2020-10-26,Hadrut,Nobody Known,,holds,published,,\n"
            + good + "\n")                                                   # the id again
    path = write(tmp_path, text)
    led = read_ledger(path)
    assert [str(p) for p in led.problems] == [
        f"{path}: row 3: 3 fields where the header has 9 (a line break inside an unquoted cell splits a row in two)",
        f"{path}: row 4: field 'place': is empty; every claim needs date, place, claimant, claim",
        f"{path}: row 5: field 'status': 'rumour' is not one of " + ", ".join(STATUSES),
        f"{path}: row 6: field 'lat': lat '91' / lon '0': give both, as decimal degrees (lat -90..90, lon -180..180)",
        f"{path}: row 7: field 'side': no side given and claimant 'Nobody Known' is not in the claimant registry; "
        "add a 'side' column or a registry entry (--claimants)",
        f"{path}: row 8: field 'id': 'a' is also the id of row 2; ids must be unique",
    ]
    assert {p.path for p in led.problems} == {str(path)} == {led.path}

"""The batch resolver and the strict CSV reader, rule by rule: every match column,
every kind of bad row, the report's counts, JSON lines, delimiters, limits.
Written for the mutation run (benchmarks/mutation.py files)."""

import csv
import io
import json

import pytest

from gazetteer import csvfile
from gazetteer.batch import MATCH_COLUMNS, BatchReport, resolve_csv
from gazetteer.csvfile import MAX_CELL, Table, decode, delimiter_of, read_bytes
from gazetteer.errors import InputError

SANASAR = "wof:421169387"


def run(gaz, text, column="place", **kw):
    out = io.StringIO()
    report = resolve_csv(gaz, io.BytesIO(text.encode("utf-8")), column, out, label="in.csv", **kw)
    return report, out.getvalue()


def table(text):
    return list(csv.DictReader(io.StringIO(text, newline="")))


# --- match columns ---------------------------------------------------------------------

def test_a_resolved_row_has_every_match_column(gaz):
    report, text = run(gaz, "place,n\nSanasar,1\n")
    res = gaz.resolve("Sanasar")
    place = gaz.get(SANASAR)
    assert text.splitlines()[0] == "place,n," + ",".join(MATCH_COLUMNS)
    [row] = table(text)
    assert row == {"place": "Sanasar", "n": "1", "match_status": "resolved", "match_id": SANASAR,
                   "match_name": place.name, "match_kind": place.kind, "match_lat": f"{place.lat:.5f}",
                   "match_lon": f"{place.lon:.5f}", "match_score": f"{res.score:.3f}", "match_candidates": "",
                   "match_layer": res.candidates[0].layer}
    assert (report.read, report.written, report.counts, report.errors) == (
        1, 1, {"resolved": 1, "ambiguous": 0, "not_found": 0}, [])
    assert report.rows == 1 and report.failed == 0


def test_an_ambiguous_row_lists_five_candidates_and_no_place(gaz):
    report, text = run(gaz, "place\nGaradagli\n")
    res = gaz.resolve("Garadagli")
    assert len(res.candidates) > 5
    [row] = table(text)
    assert row["match_status"] == "ambiguous" and row["match_id"] == row["match_name"] == row["match_lat"] == ""
    assert row["match_layer"] == res.candidates[0].layer
    assert row["match_score"] == ("" if res.score is None else f"{res.score:.3f}")
    assert json.loads(row["match_candidates"]) == [
        {"id": c.place.id, "name": c.place.name, "kind": c.place.kind, "score": round(c.score, 3)}
        for c in res.candidates[:5]]
    assert report.counts == {"resolved": 0, "ambiguous": 1, "not_found": 0}


def test_a_name_not_found_has_an_empty_match(gaz):
    report, text = run(gaz, "place\nXyzzyville\n")
    [row] = table(text)
    assert row["match_status"] == "not_found" and row["match_candidates"] == "[]"
    assert row["match_layer"] == row["match_score"] == row["match_id"] == ""
    assert report.counts["not_found"] == 1


def test_candidates_are_written_as_utf8_json(gaz):
    _, text = run(gaz, "place\nМартуни\n")
    assert "\\u" not in text and json.loads(table(text)[0]["match_candidates"])


# --- context and dates per row ------------------------------------------------------------

def test_near_and_as_of_come_from_their_columns_blank_cells_ignored(gaz):
    report, text = run(gaz, "place,district,when\nMartuni,Khojavend,2020-10-26\nMartuni, ,\nSanasar,,not a date\n",
                       near_column="district", as_of_column="when")
    rows = table(text)
    assert rows[0]["match_id"] == gaz.resolve("Martuni", near="Khojavend").place.id
    assert rows[1]["match_status"] == "ambiguous"
    # A bad date is that row's error; the row is still written, unmatched.
    assert rows[2]["match_status"] == "" and rows[2]["place"] == "Sanasar"
    assert report.errors == [(4, report.errors[0][1])] and "as_of" in report.errors[0][1]
    assert (report.read, report.written, report.failed) == (3, 3, 1)


def test_missing_repeated_and_clashing_columns_are_refused(gaz):
    with pytest.raises(InputError, match=r"no column 'town'; the columns are 'place', 'n'"):
        run(gaz, "place,n\nSanasar,1\n", column="town")
    with pytest.raises(InputError, match=r"no column 'd'"):
        run(gaz, "place,n\nSanasar,1\n", near_column="d")
    with pytest.raises(InputError, match=r"no column 'w'"):
        run(gaz, "place,n\nSanasar,1\n", as_of_column="w")
    with pytest.raises(InputError, match=r"2 columns are named 'place'; rename all but one"):
        run(gaz, "place,place\nSanasar,1\n")
    with pytest.raises(InputError, match=r"2 columns are named 'n'"):
        run(gaz, "place,n,n\nSanasar,1,2\n", near_column="n")
    for clash in ("match_id", "match_row", "match_error"):
        with pytest.raises(InputError, match=f"already has column\\(s\\) {clash}: was it resolved before"):
            run(gaz, f"place,{clash}\nSanasar,1\n")


# --- bad rows -----------------------------------------------------------------------------

def test_every_bad_row_is_reported_and_written_where_it_can_be(gaz):
    text = ('place,n\nSanasar,1\n ,2\nSanasar,3,extra\nSanasar\n"' + "x" * (MAX_CELL + 1) + '",5\n'
            'Sanasar,6\n"Sanasar,7\n')
    report, out = run(gaz, text)
    assert [n for n, _ in report.errors] == [3, 4, 5, 6, 8]
    messages = dict(report.errors)
    assert messages[3] == "column 'place' is empty"
    assert messages[4].startswith("3 fields where the header has 2 (a delimiter inside")
    assert messages[5].startswith("1 fields where the header has 2 (a line break inside")
    assert messages[6] == f"cell 1 is {MAX_CELL + 1} characters long; a spreadsheet cell holds at most {MAX_CELL}"
    assert "never closed" in messages[8]
    assert (report.read, report.written, report.failed) == (7, 6, 5)
    assert report.counts == {"resolved": 2, "ambiguous": 0, "not_found": 0}
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert [r[0][:8] for r in rows[1:]] == ["Sanasar", " ", "Sanasar", "Sanasar", "x" * 8, "Sanasar"]
    assert rows[2][2:] == [""] * len(MATCH_COLUMNS) and rows[3][3:] == [""] * len(MATCH_COLUMNS)


def test_json_lines_carry_the_row_the_error_and_unique_keys(gaz):
    report, out = run(gaz, "place,x,x\nSanasar,1,2\n ,3,4\nSanasar,5\n", json_lines=True)
    docs = [json.loads(line) for line in out.splitlines()]
    assert list(docs[0]) == ["place", "x", "x_2", *MATCH_COLUMNS, "match_row", "match_error"]
    assert docs[0]["match_id"] == SANASAR and docs[0]["match_row"] == 2 and docs[0]["match_error"] is None
    assert docs[0]["x_2"] == "2" and docs[0]["match_lat"] == round(gaz.get(SANASAR).lat, 5)
    assert docs[1]["match_error"] == "column 'place' is empty" and docs[1]["match_row"] == 3
    assert all(docs[1][c] is None for c in MATCH_COLUMNS)
    assert docs[2]["match_row"] == 4 and docs[2]["match_error"].startswith("2 fields")
    assert len(docs) == 3 == report.written


def test_json_lines_keep_text_as_written(gaz):
    _, out = run(gaz, "place\nМартуни\n", json_lines=True)
    assert '"place": "Мартуни"' in out


# --- writing ------------------------------------------------------------------------------

def test_the_delimiter_read_is_the_delimiter_written(gaz):
    _, out = run(gaz, "place;n\nSanasar;1\n")
    assert out.splitlines()[0] == "place;n;" + ";".join(MATCH_COLUMNS)
    assert out.splitlines()[1].startswith("Sanasar;1;resolved;")


def test_a_carriage_return_in_a_cell_quotes_the_whole_row(gaz):
    _, out = run(gaz, 'place,note\nSanasar,"a\rb"\nSanasar,plain\n')
    lines = out.split("\n")
    assert lines[1].startswith('"Sanasar","a\rb","resolved"')
    assert lines[2].startswith("Sanasar,plain,resolved,")
    assert [r["note"] for r in table(out)] == ["a\rb", "plain"]


def test_a_carriage_return_in_a_column_name_quotes_the_header(gaz):
    # A bare CR in the header would end it early for every reader of the output.
    _, out = run(gaz, 'place,"note\rlater"\nSanasar,plain\n')
    header = out.split("\n")[0]
    assert header.startswith('"place","note\rlater","match_status"')
    assert list(table(out)[0])[:2] == ["place", "note\rlater"] and table(out)[0]["note\rlater"] == "plain"


def test_progress_counts_rows_against_lines(gaz):
    calls = []
    run(gaz, "place\nSanasar\nSanasar\n", progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 2), (2, 2)]
    calls.clear()
    run(gaz, "place\nSanasar\nSanasar", progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 2), (2, 2)]
    calls.clear()
    # A cell with line breaks makes the expectation high, never low.
    run(gaz, 'place,n\n"Sanasar","1\n2\n3"\n', progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 3)]


def test_the_report_starts_empty():
    r = BatchReport()
    assert (r.read, r.written, r.counts, r.errors, r.rows, r.failed) == (
        0, 0, {"resolved": 0, "ambiguous": 0, "not_found": 0}, [], 0, 0)


# --- the strict CSV reader ----------------------------------------------------------------

@pytest.mark.parametrize("header,expected", [
    ("a,b,c", ","), ("a;b;c", ";"), ("a\tb\tc", "\t"), ("a;b,c", ","), ("a;b;c,d", ";"),
    ("abc", ","), ("a\tb;c;d\te\tf", "\t"), ("a,b\nc;d;e;f", ","),
])
def test_the_delimiter_is_the_headers_most_common(header, expected):
    assert delimiter_of(header) == expected


def test_blank_lines_are_skipped_but_keep_their_number():
    t = Table("a,b\n\n1,2\n\n\n3,4\n", label="t.csv")
    assert t.header == ["a", "b"] and t.delimiter == ","
    assert [(r.number, r.cells, r.error) for r in t.rows()] == [(3, ["1", "2"], None), (6, ["3", "4"], None)]


def test_a_cell_as_long_as_a_spreadsheet_holds_is_fine_one_more_is_not():
    t = Table(f"a,b\n{'x' * MAX_CELL},1\n{'y' * (MAX_CELL + 1)},2\n1,{'z' * (MAX_CELL + 1)}\n", label="t.csv")
    rows = list(t.rows())
    assert rows[0].error is None and rows[0].cells[0] == "x" * MAX_CELL
    assert rows[1].error == f"cell 1 is {MAX_CELL + 1} characters long; a spreadsheet cell holds at most {MAX_CELL}"
    assert rows[2].error.startswith(f"cell 2 is {MAX_CELL + 1} characters long")
    assert rows[1].cells[1] == "2"
    with pytest.raises(InputError, match=f"t.csv, row 1: header cell 2 is {MAX_CELL + 1} characters long; "
                                         f"a cell holds at most {MAX_CELL}"):
        Table(f"a,{'h' * (MAX_CELL + 1)}\n", label="t.csv")
    assert Table(f"a,{'h' * MAX_CELL}\n", label="t.csv").header[1] == "h" * MAX_CELL


def test_quote_errors_name_their_lines_and_the_reader_goes_on():
    t = Table('a,b\n1,2\n3,"x"y\n5,6\n7,"open\n8,9\n', label="t.csv")
    rows = list(t.rows())
    assert [(r.number, r.cells) for r in rows] == [(2, ["1", "2"]), (3, None), (4, ["5", "6"]), (5, None)]
    assert rows[1].error == 'text after a closing quote on line 3: a quote inside a cell must be doubled ("")'
    assert rows[3].error == ("a quoted cell opened on line 5 is never closed: a stray '\"'? "
                             "(it would swallow the rest of the file)")


def test_header_errors():
    with pytest.raises(InputError, match="t.csv: empty file: expected a header row"):
        Table("", label="t.csv")
    with pytest.raises(InputError, match=r"t.csv, row 1: a quoted cell opened on line 1 is never closed"):
        Table('a,"b\n', label="t.csv")
    with pytest.raises(InputError, match=r"t.csv, row 1: text after a closing quote on line 1"):
        Table('a,"b"c\n1,2\n', label="t.csv")


def test_reading_a_file_or_a_stream(tmp_path):
    path = tmp_path / "x.csv"
    path.write_bytes(b"a\n1\n")
    assert read_bytes(path) == (b"a\n1\n", str(path))
    assert read_bytes(str(path), label="mine") == (b"a\n1\n", "mine")
    assert read_bytes(io.BytesIO(b"a")) == (b"a", "<stdin>")
    stream = io.StringIO("é")
    stream.name = "text.csv"
    assert read_bytes(stream) == ("é".encode(), "text.csv")
    with pytest.raises(InputError, match="nope.csv: file not found"):
        read_bytes(tmp_path / "nope.csv")
    with pytest.raises(InputError, match="is a folder, not a file"):
        read_bytes(tmp_path)

    class Broken(io.RawIOBase):
        def read(self, n=-1):
            raise OSError(5, "Input/output error")

    with pytest.raises(InputError, match="<stdin>: cannot read: Input/output error"):
        read_bytes(Broken())


def test_the_size_cap_is_inclusive(monkeypatch):
    monkeypatch.setattr(csvfile, "MAX_BYTES", 2 * 2**20)
    assert len(read_bytes(io.BytesIO(b"x" * (2 * 2**20)))[0]) == 2 * 2**20
    with pytest.raises(InputError, match="larger than 2 MiB, the most this tool reads; split the file"):
        read_bytes(io.BytesIO(b"x" * (2 * 2**20 + 1)))


def test_decoding_drops_a_bom_and_names_the_bad_byte():
    assert decode("\ufeffa,b".encode("utf-8"), "x") == "a,b"
    with pytest.raises(InputError, match=r"x.csv: not UTF-8 text \(byte 5, line 3\); save the file as CSV UTF-8"):
        decode(b"a\nb\nc\xffd", "x.csv")


def test_scores_are_rounded_to_three_places_in_json_lines(gaz):
    res = gaz.resolve("Novoselovka")
    assert res.status == "not_found" and res.score != round(res.score, 3) and res.candidates
    _, out = run(gaz, "place\nNovoselovka\n", json_lines=True)
    doc = json.loads(out)
    assert doc["match_score"] == round(res.score, 3) and doc["match_id"] is None
    assert [c["score"] for c in doc["match_candidates"]] == [round(c.score, 3) for c in res.candidates]
    assert doc["match_layer"] == res.candidates[0].layer


def test_every_refusal_names_the_input_by_its_label(gaz):
    def refusal(text, **kw):
        with pytest.raises(InputError) as err:
            resolve_csv(gaz, io.BytesIO(text), "place", io.StringIO(), label="in.csv", **kw)
        return str(err.value)

    assert refusal(b"town\nSanasar\n") == "in.csv: no column 'place'; the columns are 'town'"
    assert refusal(b"place,place\nSanasar,1\n") == "in.csv: 2 columns are named 'place'; rename all but one"
    assert refusal(b"place\n\xff\n").startswith("in.csv: not UTF-8 text (byte 6, line 2)")
    assert refusal(b'place,"n\n').startswith("in.csv, row 1: a quoted cell opened on line 1 is never closed")
    assert refusal(b"") == "in.csv: empty file: expected a header row"
    assert refusal(b"place,match_id\nSanasar,1\n") == "in.csv: already has column(s) match_id: was it resolved before?"


def test_coordinates_are_written_with_five_decimals(gaz):
    # Lake Sevan's point is 40.317, 45.35: written out to five places, as every other row.
    _, text = run(gaz, "place\nLake Sevan\n")
    [row] = table(text)
    assert (row["match_id"], row["match_lat"], row["match_lon"]) == ("gz:lake-sevan", "40.31700", "45.35000")


def test_match_layer_is_the_best_candidates_layer(gaz):
    # "Susa" matches Shusha by its normalised name, the next candidate only by sound.
    _, text = run(gaz, "place\nSusa\nNoravank\n")
    rows = table(text)
    assert [(r["match_id"], r["match_layer"]) for r in rows] == [
        ("wof:421174129", "normalised"), ("gz:noravank", "exact")]


def test_lines_end_in_lf_and_a_quoted_row_keeps_the_delimiter_read(gaz):
    _, text = run(gaz, 'place;n\nSanasar;"a\rb"\nSanasar;2\n')
    lines = text.split("\n")
    assert lines[0] == "place;n;" + ";".join(MATCH_COLUMNS)
    assert lines[1].startswith('"Sanasar";"a\rb";"resolved";') and lines[2].startswith("Sanasar;2;resolved;")
    assert "\r\n" not in text and text.endswith("\n")


def test_a_row_refused_by_the_gazetteer_does_not_stop_the_batch(gaz):
    report, text = run(gaz, "place,when\nSanasar,not a date\nSanasar,2020-10-26\n", as_of_column="when")
    assert [n for n, _ in report.errors] == [2] and report.counts["resolved"] == 1
    assert [r["match_status"] for r in table(text)] == ["", "resolved"]


def test_every_clashing_column_is_named(gaz):
    with pytest.raises(InputError, match=r"already has column\(s\) match_id, match_error: was it resolved before"):
        run(gaz, "place,match_id,match_error\nSanasar,1,2\n")


def test_csv_reading_details_that_change_cells_or_messages():
    # A comma wins a tie with another delimiter; a line break inside a quoted cell is kept as written.
    assert delimiter_of("a;b,c\n1;2,3\n") == "," and delimiter_of("a\tb;c") == ";"
    t = Table('a,b\n"x\r\ny",1\n', label="t.csv")
    assert t.label == "t.csv" and [r.cells for r in t.rows()] == [["x\r\ny", "1"]]
    # A row of the wrong width holding a cell exactly as long as a spreadsheet holds: its width is the error.
    [row] = Table(f"a,b\n{'x' * MAX_CELL},1,2\n", label="t.csv").rows()
    assert row.error == "3 fields where the header has 2 (a delimiter inside an unquoted cell?)"


def test_file_errors_name_the_label_given(tmp_path):
    with pytest.raises(InputError) as err:
        read_bytes(tmp_path, label="mine.csv")
    assert str(err.value) == "mine.csv: is a folder, not a file"


def test_the_delimiter_is_read_from_the_header_line_only():
    assert delimiter_of("a,b\nx;y;z\nu;v;w\n") == ","


def test_a_file_of_exactly_the_size_cap_is_read_whole_one_byte_more_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(csvfile, "MAX_BYTES", 2 * 2**20)
    path = tmp_path / "big.csv"
    path.write_bytes(b"x" * (2 * 2**20))
    assert len(read_bytes(path)[0]) == 2 * 2**20
    path.write_bytes(b"x" * (2 * 2**20 + 1))
    with pytest.raises(InputError, match="big.csv: larger than 2 MiB"):
        read_bytes(path)


def test_a_path_the_system_cannot_open_says_why(tmp_path):
    with pytest.raises(InputError) as err:
        read_bytes(tmp_path / ("x" * 300), label="long.csv")
    assert str(err.value) == "long.csv: cannot read: File name too long"


# --- look-ups shared with forked processes -----------------------------------------------

_MIXED = ("place,near,day\n" + "Sanasar,,\nSanasr,,\n,,\nShusha,Agdam district,\nMartuni,Gegharkunik,\n"
          "Шуша,,2021-01-01\nLachin,,not a date\n" + "x" * 501 + ",,\n" + "Sanasar,,\nKhojavend,,\n"
          "Qubadli,,1990-05-01\nGubadli district,,\nStepanakert,,\nKhankendi,,\nSanasar,,\nQwzxvbnmkj,,\n"
          "too,many,cells,here\n\"unclosed,,\n")


#: What _watched records: this process's id, the parts this process answered itself (in the
#: order it took them), a copy's delay before each part, and each batch's _Shared.
_WATCH: dict = {}


def _watched_answer_all(keys):
    # At module level: a part is sent to a forked copy as a reference to its function.
    import os
    import time

    if _WATCH.get("marks"):
        with open(_WATCH["marks"], "a", encoding="utf-8") as fh:
            fh.write(f"{os.getpid()}\n")
    if os.getpid() == _WATCH["me"]:
        _WATCH["mine"].append(list(keys))
    elif _WATCH.get("die"):
        os._exit(9)  # as a copy the kernel kills for memory ends: no exception, no result
    else:
        time.sleep(_WATCH["delay"])
    return _WATCH["real_all"](keys)


def _watched(monkeypatch, copy_delay: float = 0.0):
    """batch._answer_all watched (see _WATCH), and every _Shared a batch makes kept in
    ``shares``; a forked copy (which inherits the watch) sleeps ``copy_delay`` before each part."""
    import os

    from gazetteer import batch

    shares, mine = [], []
    _WATCH.update(me=os.getpid(), mine=mine, delay=copy_delay, real_all=batch._answer_all, die=False, marks=None)
    real_init = batch._Shared.__init__

    def init(self, *args, **kw):
        shares.append(self)
        real_init(self, *args, **kw)

    monkeypatch.setattr(batch._Shared, "__init__", init)
    monkeypatch.setattr(batch, "_answer_all", _watched_answer_all)
    return shares, mine


def _spy(record):
    """A _Shared._start that records the share instead of forking: the batch then answers every row here."""
    def start(self):
        record(self)
        self._start_at = float("inf")  # asked once, as a real start is
    return start


def _suffix_of(parts, mine) -> bool:
    """Whether the parts this process answered are the last ones (the copies took the first, in order)."""
    return bool(mine) and sorted(mine, key=parts.index) == parts[len(parts) - len(mine):]


@pytest.mark.parametrize("json_lines", [False, True])
def test_forked_workers_write_what_one_process_writes(gaz, json_lines, monkeypatch):
    from gazetteer import Gazetteer, batch

    kw = dict(near_column="near", as_of_column="day", json_lines=json_lines)
    one_report, one = run(gaz, _MIXED, **kw)
    fresh = Gazetteer()
    shares, mine = _watched(monkeypatch)
    monkeypatch.setattr(batch, "SHARES", 2)
    for workers in (2, 3):
        shares.clear(), mine.clear()
        report, text = run(fresh, _MIXED, workers=workers, **kw)
        assert text == one
        assert (report.read, report.written, report.counts, report.errors) == \
            (one_report.read, one_report.written, one_report.counts, one_report.errors)
        (shared,) = shares
        # The parts are the distinct keys in the order the rows give them, a part for every
        # rows_per_part rows (SHARES parts a process of the lines after the header) that bring a new key.
        assert shared._rows_per_part == -(-(_MIXED.count("\n") - 1) // (workers * 2)) > 1
        assert [k for part in shared._parts for k in part] == list(shared._part_of) and len(shared._part_of) == 13
        assert len(shared._parts) > workers
        # This process answered the parts the copies had not taken: the last ones.
        assert _suffix_of(shared._parts, mine) and len(mine) < len(shared._parts)
    assert one_report.errors and one_report.counts["resolved"] and one_report.counts["not_found"]


def test_a_slow_copy_leaves_this_process_every_part_not_yet_handed_over(gaz, monkeypatch):
    # Parts go to whichever process is free: a copy slowed down (here by a sleep; in life by the
    # pages it copies on write, or a core shared with other work) answers only the parts it was
    # handed before this process took the rest, and the output is the same.
    from gazetteer import Gazetteer

    text = "place\n" + "".join(f"{name}\n" for name in (
        "Sanasar", "Shusha", "Lachin", "Martuni", "Khojavend", "Qubadli", "Stepanakert", "Hadrut",
        "Talish", "Jabrayil", "Zangilan", "Kalbajar", "Agdam", "Fuzuli", "Askeran", "Martakert"))
    _, one = run(gaz, text)
    shares, mine = _watched(monkeypatch, copy_delay=0.5)
    _, out = run(Gazetteer(), text, workers=2)
    assert out == one
    (shared,) = shares
    # 16 rows, 2 processes of 16 parts: a part a row.
    assert len(shared._parts) == 16 and all(len(part) == 1 for part in shared._parts)
    # At most the copy's queue (a part running, one waiting) and the one met last were not this
    # process's, and this process's are the last parts.
    assert len(mine) >= 16 - 3 and _suffix_of(shared._parts, mine)


# CPython 3.11's pool thread, marking the dead pool's work broken, also tries the parts this
# process had taken back (cancelled), and says so from its thread: noise, not the batch's.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")
def test_a_copy_that_dies_leaves_its_parts_to_this_process(gaz, monkeypatch):
    # A copy killed halfway (the kernel's out-of-memory killer, a signal) sends nothing back:
    # the batch answers what it held here and writes the whole output, as one process does.
    from gazetteer import Gazetteer

    kw = dict(near_column="near", as_of_column="day")
    one_report, one = run(gaz, _MIXED, **kw)
    shares, mine = _watched(monkeypatch)
    _WATCH["die"] = True
    report, out = run(Gazetteer(), _MIXED, workers=2, **kw)
    assert out == one and report.counts == one_report.counts and report.errors == one_report.errors
    # Every part was answered here in the end, the first (the copy's when it died) among them.
    (shared,) = shares
    assert sorted(map(tuple, mine)) == sorted(map(tuple, shared._parts))


def test_the_copies_start_while_this_process_still_reads(gaz, monkeypatch):
    # A copy starts on the parts handed out as soon as the batch has start_at distinct keys,
    # not after the last row is read: the parts read later are handed out as they close.
    from gazetteer import Gazetteer, batch

    names = ["Sanasar", "Shusha", "Lachin", "Martuni", "Khojavend", "Qubadli", "Stepanakert", "Hadrut"]
    text = "place\n" + "".join(f"{name}\n" for name in names)
    started = []
    real_start = batch._Shared._start

    def start(self):
        started.append((len(self._parts), list(self._part_of)))
        real_start(self)

    monkeypatch.setattr(batch._Shared, "_start", start)
    monkeypatch.setattr(batch, "PARALLEL_NAMES", 3)
    monkeypatch.setattr(batch.os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    _, one = run(gaz, text)
    _, out = run(Gazetteer(), text, workers=None)
    assert out == one
    # A part a row (8 rows, 32 parts wanted): forked at the third part, with its three keys.
    assert started == [(3, [(name, None, None) for name in names[:3]])]


def test_workers_must_be_a_whole_number_of_one_or_more(gaz):
    for bad in (0, -1, 1.5, "2", True):
        with pytest.raises(InputError, match="workers must be a whole number >= 1"):
            run(gaz, "place\nSanasar\n", workers=bad)


def test_by_default_a_batch_forks_only_from_enough_distinct_names_one_process_a_core(gaz, monkeypatch):
    from gazetteer import batch

    monkeypatch.setattr(batch.os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    assert batch._workers(gaz, None, batch.PARALLEL_NAMES) == 2
    assert batch._workers(gaz, None, batch.PARALLEL_NAMES - 1) == 1
    monkeypatch.setattr(batch.os, "sched_getaffinity", lambda pid: {0, 1, 2, 3})
    assert batch._workers(gaz, None, batch.PARALLEL_NAMES) == 4
    monkeypatch.setattr(batch.os, "sched_getaffinity", lambda pid: set(range(64)))
    assert batch._workers(gaz, None, batch.PARALLEL_NAMES) == batch.MAX_WORKERS == 8
    assert batch._workers(gaz, 3, 10) == 3
    # An online fallback keeps to its rate limit in one process; a system that cannot fork runs in one.
    monkeypatch.setattr(gaz, "_fallback", object())
    assert batch._workers(gaz, 3, 10) == 1
    monkeypatch.setattr(gaz, "_fallback", None)
    monkeypatch.setattr(batch.multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    assert batch._workers(gaz, 3, 10) == 1
    monkeypatch.undo()
    monkeypatch.setattr(batch.os, "sched_getaffinity", lambda pid: {0})
    assert batch._workers(gaz, None, batch.PARALLEL_NAMES) == 1
    # The library forks only when asked.
    forked = []
    monkeypatch.setattr(batch._Shared, "_start", _spy(lambda self: forked.append(self._workers)))
    monkeypatch.setattr(batch.os, "sched_getaffinity", lambda pid: {0, 1})
    monkeypatch.setattr(batch, "PARALLEL_NAMES", 2)
    run(gaz, "place\nSanasar\nShusha\nLachin\n")
    assert not forked
    run(gaz, "place\nSanasar\nShusha\nLachin\n", workers=None)
    assert len(forked) == 1


def test_a_repeated_look_up_is_answered_once_and_at_most_so_many_are_kept(gaz, monkeypatch):
    from gazetteer import batch

    asked = []
    real = gaz.resolve
    monkeypatch.setattr(gaz, "resolve", lambda *key, **kw: asked.append(key) or real(*key, **kw))
    text = "place,day\nSanasar,\nShusha,\nSanasar,\nLachin,bad\nLachin,bad\nMartuni,\nSanasar,\n"
    _, whole = run(gaz, text, as_of_column="day")
    # Each distinct (name, near, as_of) once, a refused one too.
    assert asked == [("Sanasar", None, None), ("Shusha", None, None), ("Lachin", None, "bad"),
                     ("Martuni", None, None)]
    asked.clear()
    monkeypatch.setattr(batch, "_FORMATTED", 2)
    _, bounded = run(gaz, text, as_of_column="day")
    # Two kept at most: the memory is cleared when full, and a name after that is asked again.
    assert asked == [("Sanasar", None, None), ("Shusha", None, None), ("Lachin", None, "bad"),
                     ("Martuni", None, None), ("Sanasar", None, None)]
    assert bounded == whole


class _Endless(io.RawIOBase):
    """A stream with no end (a pipe from a runaway program): it records each read's size."""

    def __init__(self, asked):
        self.asked = asked

    def readable(self):
        return True

    def read(self, n=-1):
        self.asked.append(n)
        if n is None or n < 0:
            raise AssertionError("an unbounded read of a stream with no end")
        return b"x" * n


def test_a_source_is_read_at_most_one_byte_past_the_cap(tmp_path, monkeypatch):
    # Memory stays bounded whatever the input: one byte more than the cap tells it is too large.
    monkeypatch.setattr(csvfile, "MAX_BYTES", 2**20)
    asked = []
    with pytest.raises(InputError, match=r"^<stdin>: larger than 1 MiB, the most this tool reads; split the file$"):
        read_bytes(_Endless(asked))
    assert asked == [2**20 + 1]
    asked.clear()
    monkeypatch.setattr(csvfile, "open", lambda path, mode: _Endless(asked), raising=False)
    with pytest.raises(InputError, match=r"^x\.csv: larger than 1 MiB"):
        read_bytes(tmp_path / "x.csv", label="x.csv")
    assert asked == [2**20 + 1]


def test_match_coordinates_are_rounded_to_five_places_and_scores_to_three():
    # The compiled data holds five places; a place from an online fallback may hold more.
    from types import SimpleNamespace

    from gazetteer.batch import _match_values

    place = SimpleNamespace(id="osm:1", name="X", kind="village", lat=39.1234567, lon=46.7654321)
    top = SimpleNamespace(place=place, score=0.98765, layer="online")
    values = _match_values(SimpleNamespace(status="resolved", place=place, score=0.98765, candidates=[top]))
    assert values == {"match_status": "resolved", "match_id": "osm:1", "match_name": "X", "match_kind": "village",
                      "match_lat": 39.12346, "match_lon": 46.76543, "match_score": 0.988, "match_candidates": None,
                      "match_layer": "online"}


def test_workers_without_an_affinity_call_count_the_cpus(gaz, monkeypatch):
    # macOS and Windows have no sched_getaffinity: the CPU count stands in, unknown counting as one.
    from gazetteer import batch

    monkeypatch.delattr(batch.os, "sched_getaffinity", raising=False)
    for cpus, wanted in ((16, 8), (9, 8), (8, 8), (2, 2), (1, 1), (None, 1)):
        monkeypatch.setattr(batch.os, "cpu_count", lambda cpus=cpus: cpus)
        assert batch._workers(gaz, None, batch.PARALLEL_NAMES) == wanted, cpus
    monkeypatch.undo()
    # One a usable core by default, at most MAX_WORKERS (8); asked for two, an online fallback still gets one.
    monkeypatch.setattr(batch.os, "sched_getaffinity", lambda pid: {0, 1, 2, 3}, raising=False)
    assert batch._workers(gaz, None, batch.PARALLEL_NAMES) == 4
    assert batch._workers(gaz, None, batch.PARALLEL_NAMES - 1) == 1
    monkeypatch.setattr(gaz, "_fallback", object())
    assert batch._workers(gaz, 2, 10) == 1


def test_asked_for_workers_a_batch_forks_from_two_distinct_names(gaz):
    # Two distinct names, two workers: this process looks up one, the forked one the other.
    from gazetteer import Gazetteer, batch

    text = "place\nSanasar\nShusha\nSanasar\n"
    one_report, one = run(gaz, text)
    fresh = Gazetteer()
    report, out = run(fresh, text, workers=2)
    assert out == one and report.counts == one_report.counts == {"resolved": 3, "ambiguous": 0, "not_found": 0}
    assert len(fresh._cache) == 1
    # The gazetteer is held by the module only while the batch forks.
    assert batch._FORKED is None


def test_by_default_a_batch_forks_from_distinct_names_not_rows(gaz, monkeypatch):
    from gazetteer import batch

    forked = []
    monkeypatch.setattr(batch._Shared, "_start", _spy(lambda self: forked.append(list(self._part_of))))
    monkeypatch.setattr(batch.os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    monkeypatch.setattr(batch, "PARALLEL_NAMES", 4)
    # Without a fork (the spy starts none) the rows are answered here, as in one process.
    _, one = run(gaz, "place\nSanasar\nShusha\nLachin\nSanasar\n", workers=None)   # 4 rows, 3 names
    assert forked == [] and one.count(",resolved,") == 4
    run(gaz, "place\nSanasar\nShusha\nLachin\nMartuni\n", workers=None)
    assert forked == [[("Sanasar", None, None), ("Shusha", None, None), ("Lachin", None, None),
                       ("Martuni", None, None)]]


def test_workers_are_forked_whatever_the_default_start_method(gaz, monkeypatch):
    # Python 3.14 starts processes by forkserver, macOS by spawn: a worker started so has no gazetteer.
    import multiprocessing

    real = multiprocessing.get_context

    class Default:
        def __getattr__(self, name):
            raise AssertionError("a worker started by the default method, not forked")

    monkeypatch.setattr(multiprocessing, "get_context", lambda method=None: real(method) if method else Default())
    report, out = run(gaz, "place\nSanasar\nShusha\n", workers=2)
    assert report.counts["resolved"] == 2 and out.count(",resolved,") == 2


def test_at_most_so_many_answers_are_kept_not_one_more(gaz, monkeypatch):
    from gazetteer import batch

    asked = []
    real = gaz.resolve
    monkeypatch.setattr(gaz, "resolve", lambda *key, **kw: asked.append(key[0]) or real(*key, **kw))
    monkeypatch.setattr(batch, "_FORMATTED", 2)
    run(gaz, "place\nSanasar\nShusha\nLachin\nSanasar\n")
    # Full at two: the third clears the memory, so the first is asked again.
    assert asked == ["Sanasar", "Shusha", "Lachin", "Sanasar"]


def test_one_process_is_forked_for_each_later_part_and_no_more(gaz, monkeypatch):
    # Each forked copy holds the loaded gazetteer: idle ones are memory a shared machine does not have.
    import concurrent.futures

    sizes = []
    real = concurrent.futures.ProcessPoolExecutor

    class Pool(real):
        def __init__(self, max_workers=None, **kw):
            sizes.append(max_workers)
            super().__init__(max_workers=max_workers, **kw)

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Pool)
    report, _ = run(gaz, "place\nSanasar\nShusha\nLachin\n", workers=3)
    assert sizes == [2] and report.counts["resolved"] == 3


class _Future:
    """A part as the pool holds it: not handed over yet (cancel succeeds), answered by a copy
    (done), or being answered (neither: its result comes when asked)."""

    def __init__(self, state, result=None):
        self.state, self._result, self.asked = state, result, 0

    def cancel(self):
        if self.state == "pending":
            self.state = "cancelled"
            return True
        return False

    def done(self):
        return self.state == "done"

    def result(self):
        self.asked += 1
        return self._result


def _share(monkeypatch, states):
    """A _Shared of one-key parts ("k0", "k1", ...) in the given pool states, whose own answers
    (this process's) are recorded in the order it gave them."""
    from gazetteer import batch

    mine = []
    monkeypatch.setattr(batch, "_answer_all", lambda keys: mine.append(keys[0]) or [("here", keys[0], None)])
    shared = batch._Shared(None, None, 2, start_at=10**9, rows_per_part=1)
    shared._parts = [[f"k{i}"] for i in range(len(states))]
    shared._part_of = {f"k{i}": i for i in range(len(states))}
    shared._futures = [_Future(state, [("copy", f"k{i}", None)]) for i, state in enumerate(states)]
    shared._back = len(states)
    return shared, mine


def test_a_part_not_handed_over_is_answered_here_and_a_copys_is_taken_from_it(monkeypatch):
    shared, mine = _share(monkeypatch, ["done", "pending"])
    assert shared.answer("k0") == ("copy", "k0", None) and mine == []
    assert shared.answer("k1") == ("here", "k1", None) and mine == ["k1"]
    # Asked again, an answer is not looked up again.
    assert shared.answer("k0") == ("copy", "k0", None) and shared._futures[0].asked == 1


def test_while_a_copy_answers_a_part_this_process_takes_parts_from_the_back(monkeypatch):
    # Part 0 is being answered by a copy, part 1 is queued for it, 2 and 3 wait: this process
    # takes 3, then 2, meets 1 (handed over: so is every earlier one) and waits for part 0.
    shared, mine = _share(monkeypatch, ["running", "running", "pending", "pending"])
    assert shared.answer("k0") == ("copy", "k0", None)
    assert mine == ["k3", "k2"] and shared._back == 0
    assert shared.answer("k2") == ("here", "k2", None) and shared.answer("k3") == ("here", "k3", None)
    assert shared.answer("k1") == ("copy", "k1", None) and mine == ["k3", "k2"]


def test_taking_from_the_back_skips_the_parts_already_answered_here(monkeypatch):
    shared, mine = _share(monkeypatch, ["running", "pending", "pending"])
    assert shared.answer("k2") == ("here", "k2", None)  # not handed over: answered here at once
    assert shared.answer("k0") == ("copy", "k0", None)
    # Waiting on part 0, it passed part 2 (answered) and took part 1.
    assert mine == ["k2", "k1"]


def test_with_nothing_left_to_take_this_process_waits_for_the_copy(monkeypatch):
    shared, mine = _share(monkeypatch, ["running"])
    assert shared._take_from_the_back() is False
    assert shared.answer("k0") == ("copy", "k0", None) and mine == [] and shared._futures[0].asked == 1


def test_parts_close_every_so_many_rows_with_the_keys_those_rows_bring():
    from gazetteer import batch

    shared = batch._Shared(None, None, 2, start_at=10**9, rows_per_part=3)
    rows = list("abcadefgh")
    # "c" has no key (a row in error); the second "a" is no new key.
    out = shared.read(iter(rows), lambda r: None if r == "c" else (r, None, None))
    assert out == rows and not shared.started
    assert shared._parts == [[("a", None, None), ("b", None, None)], [("d", None, None), ("e", None, None)],
                             [("f", None, None), ("g", None, None), ("h", None, None)]]
    assert shared._part_of[("e", None, None)] == 1 and shared._part_of[("h", None, None)] == 2


def test_a_batch_that_fails_drops_the_parts_not_handed_over_and_leaves_no_process(gaz, monkeypatch, tmp_path):
    # A batch stopped at its first row (here its progress callback fails; in life an interrupt):
    # the error comes out, the parts no copy had taken are dropped, not answered, and the copy
    # has ended when the batch returns.
    import multiprocessing

    from gazetteer import Gazetteer, batch

    names = ["Sanasar", "Shusha", "Lachin", "Martuni", "Khojavend", "Qubadli", "Stepanakert", "Hadrut",
             "Talish", "Jabrayil", "Zangilan", "Kalbajar", "Agdam", "Fuzuli", "Askeran", "Martakert"]
    marks = tmp_path / "parts"
    _, mine = _watched(monkeypatch, copy_delay=0.3)
    _WATCH["marks"] = str(marks)

    def stop(read, expected):
        raise KeyboardInterrupt

    src = io.BytesIO(("place\n" + "".join(f"{n}\n" for n in names)).encode("utf-8"))
    with pytest.raises(KeyboardInterrupt):
        resolve_csv(Gazetteer(), src, "place", io.StringIO(), label="in.csv", workers=2, progress=stop)
    assert multiprocessing.active_children() == []
    # Of the 16 parts (a row each), only those the copy had taken (one running, one queued) were
    # answered; none here.
    assert 1 <= len(marks.read_text().split()) <= 3 and mine == []
    assert batch._FORKED is None

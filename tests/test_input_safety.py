"""Hostile and broken input through both command lines: every row is read or reported,
every failure is one clear error with the documented exit code, and random input never crashes.

The files in tests/data/nasty/ are the regression corpus: one test each.
"""

import csv
import io
import json
import shutil
import time

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gazetteer import InputError
from gazetteer.batch import MATCH_COLUMNS, resolve_csv
from gazetteer.cli import cli as gaz_cli
from gazetteer.csvfile import MAX_CELL
from mapper.cli import cli as map_cli
from mapper.errors import LedgerError
from mapper.ledger import read_ledger

from .conftest import DATA

NASTY = DATA / "nasty"
LEDGER_HEADER = "date,place,claimant,side,claim,quote\n"


def batch(tmp_path, name, *extra):
    """Run a batch on a copy of a nasty file; (result, output rows or None)."""
    src = tmp_path / name
    shutil.copy(NASTY / name, src)
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(gaz_cli, ["resolve", "--input", str(src), "--column", "place",
                                          "--output", str(out), *extra])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8")))) if out.exists() else None
    return result, rows


def check(tmp_path, name, *extra):
    src = tmp_path / name
    shutil.copy(NASTY / name, src)
    result = CliRunner().invoke(map_cli, ["check", str(src), *extra])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    assert "Traceback" not in result.output
    return result, str(src)


def one_error_line(result, *needles):
    lines = [ln for ln in result.output.splitlines() if ln.startswith("Error:")]
    assert len(lines) == 1, result.output
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


# --- the CSV batch reader -------------------------------------------------------------------

def test_stray_quote_names_its_row_instead_of_swallowing_the_file(tmp_path):
    result, rows = batch(tmp_path, "stray-quote.csv")
    assert result.exit_code == 1
    assert "stray-quote.csv: row 3: a quoted cell opened on line 3 is never closed" in result.output
    # Row 2 is written; the swallowed rest is counted as one failed row, loudly.
    assert [r[0] for r in rows[1:]] == ["1"]
    assert "2 rows read, 1 written" in result.output and "1 failed" in result.output


def test_text_after_a_closing_quote_is_a_row_error_and_later_rows_survive(tmp_path):
    result, rows = batch(tmp_path, "text-after-quote.csv")
    assert result.exit_code == 1 and "row 3: text after a closing quote" in result.output
    assert [r[0] for r in rows[1:]] == ["1", "3"]


def test_cell_longer_than_a_spreadsheet_holds_is_reported_not_dropped(tmp_path):
    result, rows = batch(tmp_path, "long-cell.csv")
    assert result.exit_code == 1
    assert f"row 3: cell 3 is 40000 characters long; a spreadsheet cell holds at most {MAX_CELL}" in result.output
    assert [r[0] for r in rows[1:]] == ["1", "2", "3"]  # kept in the output, unmatched
    assert rows[2][3] == "" and rows[3][3] == "resolved"


def test_cell_over_pythons_default_csv_limit(tmp_path):
    # 140,000 characters: over the csv module's default 131,072, which used to drop the row silently.
    src = tmp_path / "huge.csv"
    src.write_text("n,place,notes\n1,Sanasar,a\n2,Shusha," + "y" * 140_000 + "\n3,Hadrut,b\n", encoding="utf-8")
    result = CliRunner().invoke(gaz_cli, ["resolve", "--input", str(src), "--column", "place"])
    assert result.exit_code == 1 and "row 3: cell 3 is 140000 characters long" in result.output
    assert "3 rows read, 3 written" in result.output


def test_too_many_fields(tmp_path):
    result, rows = batch(tmp_path, "too-many-fields.csv")
    assert result.exit_code == 1 and "row 3: 3 fields where the header has 2" in result.output
    assert len(rows) == 4


def test_a_line_break_in_an_unquoted_cell_is_reported(tmp_path):
    result, _ = batch(tmp_path, "split-row.csv")
    assert result.exit_code == 1
    assert "row 4: 1 fields where the header has 3 (a line break inside an unquoted cell" in result.output


def test_not_utf8(tmp_path):
    result, rows = batch(tmp_path, "not-utf8.csv")
    assert result.exit_code == 2 and rows is None
    one_error_line(result, "not-utf8.csv", "not UTF-8", "line 2")


def test_nul_bytes_do_not_crash(tmp_path):
    result, rows = batch(tmp_path, "nul-bytes.csv")
    assert result.exit_code in (0, 1) and len(rows) == 3


def test_bom_and_crlf_and_semicolons(tmp_path):
    result, rows = batch(tmp_path, "bom-crlf.csv")
    assert result.exit_code == 0
    text = (tmp_path / "out.csv").read_text(encoding="utf-8")
    assert text.startswith("n;place;match_status") and "\ufeff" not in text


def test_header_only_is_an_empty_batch(tmp_path):
    result, rows = batch(tmp_path, "header-only.csv")
    assert result.exit_code == 0 and rows == [["n", "place", *MATCH_COLUMNS]]
    assert "0 rows read" in result.output


def test_empty_file(tmp_path):
    result, rows = batch(tmp_path, "empty.csv")
    assert result.exit_code == 2 and rows is None
    one_error_line(result, "empty.csv", "empty file")


# --- ledgers --------------------------------------------------------------------------------

def test_calendar_edges_with_offsets(tmp_path):
    result, src = check(tmp_path, "calendar-edges.csv")
    assert result.exit_code == 1
    for row in (2, 3, 4):
        assert f"row {row}: field 'date':" in result.output
    assert "outside the dates a ledger holds" in result.output
    assert "1 claims, 3 bad rows" in result.output


def test_calendar_edges_through_build(tmp_path):
    src = tmp_path / "edges.csv"
    shutil.copy(NASTY / "calendar-edges.csv", src)
    result = CliRunner().invoke(map_cli, ["build", str(src), "--output-dir", str(tmp_path / "o")])
    # Exit 1 (rows left out), not 2 (refused) nor a crash: the operator precedence used to let any SystemExit pass.
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    assert (tmp_path / "o" / "edges.html").exists()


def test_yaml_timestamp_at_the_edge_of_the_calendar(tmp_path):
    result, _ = check(tmp_path, "timestamp-overflow.yaml")
    assert result.exit_code in (1, 2) and "timestamp-overflow.yaml" in result.output


def test_yaml_alias_bomb_fails_fast(tmp_path):
    assert (NASTY / "alias-bomb.yaml").stat().st_size < 600
    start = time.perf_counter()
    result, _ = check(tmp_path, "alias-bomb.yaml")
    assert time.perf_counter() - start < 5
    assert result.exit_code == 2
    one_error_line(result, "alias-bomb.yaml", "line 2", "aliases")


def test_yaml_alias_bomb_as_claimant_registry(tmp_path):
    reg = tmp_path / "reg.yaml"
    reg.write_text("Azerbaijan: &a [x, y]\nArmenia: *a\n", encoding="utf-8")
    src = tmp_path / "l.csv"
    src.write_text(LEDGER_HEADER + "2020-10-26,Shusha,Aliyev,Azerbaijan,captured,\n", encoding="utf-8")
    result = CliRunner().invoke(map_cli, ["check", str(src), "--claimants", str(reg)])
    assert result.exit_code == 2
    one_error_line(result, "reg.yaml", "aliases")


def test_deeply_nested_json(tmp_path):
    result, _ = check(tmp_path, "deep.json")
    assert result.exit_code == 2
    one_error_line(result, "deep.json", "nested more than")


def test_nesting_python_can_parse_is_still_bounded(tmp_path):
    result, _ = check(tmp_path, "deep-shallow-enough-for-python.json")
    assert result.exit_code == 2
    one_error_line(result, "nested more than")


def test_deeply_nested_yaml(tmp_path):
    result, _ = check(tmp_path, "deep.yaml")
    assert result.exit_code == 2
    one_error_line(result, "deep.yaml", "nested more than")


def test_huge_number_in_json(tmp_path):
    result, _ = check(tmp_path, "huge-int.json")
    assert result.exit_code == 2
    one_error_line(result, "huge-int.json", "not valid JSON")


def test_duplicate_columns_in_a_ledger(tmp_path):
    result, _ = check(tmp_path, "duplicate-columns.csv")
    assert result.exit_code == 2
    one_error_line(result, "duplicate-columns.csv", "row 1", "'place' appear twice")


def test_stray_quote_in_a_ledger(tmp_path):
    result, _ = check(tmp_path, "ledger-stray-quote.csv")
    assert result.exit_code == 1
    assert "ledger-stray-quote.csv: row 2: a quoted cell opened on line 2 is never closed" in result.output


def test_timeline_of_an_empty_place(tmp_path):
    result = CliRunner().invoke(map_cli, ["timeline", "", str(DATA.parent.parent / "mapper" / "examples"
                                                            / "war-2020.csv")])
    assert result.exit_code == 2 and "PLACE" in result.output and "empty" in result.output


def test_as_of_at_the_end_of_the_calendar():
    from mapper.cli import EXAMPLE
    result = CliRunner().invoke(map_cli, ["control", str(EXAMPLE), "--as-of", "9999-12-31"])
    assert result.exit_code == 2 and "outside the dates" in result.output


# --- property-based: random input never crashes, hangs, or loses a row silently ----------------

FUZZ = settings(max_examples=120, deadline=3000, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def _read_ledger_bytes(tmp_path, data: bytes, suffix=".csv"):
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    try:
        led = read_ledger(path)
    except LedgerError:
        return None
    assert led.rows_read == len(led.claims) + led.rows_failed
    return led


@FUZZ
@given(st.binary(max_size=600))
def test_ledger_random_bytes(tmp_path, data):
    _read_ledger_bytes(tmp_path, LEDGER_HEADER.encode() + data)


@FUZZ
@given(st.text(max_size=400), st.sampled_from([".csv", ".json", ".yaml"]))
def test_ledger_random_unicode(tmp_path, text, suffix):
    _read_ledger_bytes(tmp_path, text.encode("utf-8"), suffix)


@FUZZ
@given(st.text(alphabet=st.sampled_from('",;\t\n\r x\'\\'), max_size=300))
def test_ledger_random_punctuation(tmp_path, text):
    _read_ledger_bytes(tmp_path, (LEDGER_HEADER + text).encode("utf-8"))


CELL = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)


@FUZZ
@given(rows=st.lists(st.lists(CELL, min_size=6, max_size=6), max_size=12),
       delimiter=st.sampled_from([",", ";", "\t"]),
       quoting=st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC]),
       crlf=st.booleans())
def test_ledger_keeps_every_row_of_any_valid_csv(tmp_path, rows, delimiter, quoting, crlf):
    if not crlf:
        # Python's writer quotes only the line terminator's own characters: a
        # lone CR in a cell would be written bare, a line break to any reader.
        rows = [[c.replace("\r", "") for c in r] for r in rows]
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, delimiter=delimiter, quoting=quoting, lineterminator="\r\n" if crlf else "\n")
    writer.writerow(["date", "place", "claimant", "side", "claim", "quote"])
    writer.writerows(rows)
    led = _read_ledger_bytes(tmp_path, buf.getvalue().encode("utf-8"))
    assert led is not None
    nonblank = [r for r in rows if any(c.strip() for c in r)]
    # Every row written comes back as a claim or a problem: none merged, split or dropped.
    assert led.rows_read == len(nonblank)


def _batch_bytes(gaz, data: bytes, delimiter=","):
    out = io.StringIO()
    try:
        report = resolve_csv(gaz, io.BytesIO(data), "place", out, label="fuzz.csv")
    except InputError:
        return None, None
    assert report.read == sum(report.counts.values()) + report.failed
    written = list(csv.reader(io.StringIO(out.getvalue(), newline=""), delimiter=delimiter))
    assert len(written) - 1 == report.written
    assert report.read - report.written <= report.failed
    return report, written


@FUZZ
@given(st.binary(max_size=400))
def test_batch_random_bytes(gaz, data):
    _batch_bytes(gaz, b"place,n\n" + data)


@FUZZ
@given(st.text(max_size=300), st.sampled_from([",", ";", "\t"]))
def test_batch_random_unicode(gaz, text, delimiter):
    _batch_bytes(gaz, f"place{delimiter}n\n{text}".encode("utf-8"), delimiter)


@FUZZ
@given(rows=st.lists(st.lists(CELL, min_size=2, max_size=2), max_size=10),
       delimiter=st.sampled_from([",", ";", "\t"]),
       quoting=st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]))
def test_batch_keeps_every_row_of_any_valid_csv(gaz, rows, delimiter, quoting):
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, delimiter=delimiter, quoting=quoting, lineterminator="\r\n")
    writer.writerow(["place", "n"])
    writer.writerows(rows)
    report, written = _batch_bytes(gaz, buf.getvalue().encode("utf-8"), delimiter)
    assert report.read == report.written == len(rows) == len(written) - 1
    # The cells come back as written (a BOM aside, which a file cannot start a cell with).
    assert [r[:2] for r in written[1:]] == rows or rows and rows[0][0].startswith("\ufeff")


def test_json_lines_count_matches_rows(gaz):
    out = io.StringIO()
    report = resolve_csv(gaz, NASTY / "too-many-fields.csv", "place", out, json_lines=True)
    docs = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(docs) == report.written == 3 and docs[1]["match_error"].startswith("3 fields")


def test_yaml_libraries_own_depth_limit_reads_as_ours(monkeypatch):
    # PyYAML 6.0.4+ stops deep nesting inside the parser, before our count.
    import yaml

    from mapper.errors import LedgerError
    from mapper.yamltext import MAX_DEPTH, load_yaml

    def parse(*_args, **_kw):
        raise yaml.YAMLError('while increasing flow level exceeded maximum nesting depth in "<unicode string>"')
        yield  # pragma: no cover

    monkeypatch.setattr(yaml, "parse", parse)
    with pytest.raises(LedgerError, match=f"deep.yaml: nested more than {MAX_DEPTH} levels deep"):
        load_yaml("a: [[[]]]", label="deep.yaml")

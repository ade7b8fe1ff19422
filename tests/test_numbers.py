"""The ledger's numbers: ``count`` (a number) and ``unit`` (free text), read strictly and summed in the report."""

import csv
import io
import json

import pytest

from mapper.analysis import analyse
from mapper.errors import LedgerError
from mapper.exports import claim_rows, claims_csv
from mapper.ledger import read_ledger
from mapper.outputs import report_markdown

HEADER = ["id", "date", "place", "claimant", "side", "claim", "status", "count", "unit"]


def write(path, rows, header=HEADER):
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def test_count_and_unit_are_read_trimmed_and_optional(tmp_path):
    led = read_ledger(write(tmp_path / "l.csv", [
        ["a", "2020-10-26", "Sanasar", "Aliyev", "Azerbaijan", "captured", "", " 12 ", "  killed "],
        ["b", "2020-10-26", "Hadrut", "Aliyev", "Azerbaijan", "attacked", "", "3.5", "km²"],
        ["c", "2020-10-27", "Hadrut", "Aliyev", "Azerbaijan", "attacked", "", "", ""],
        ["d", "2020-10-27", "Hadrut", "Aliyev", "Azerbaijan", "attacked", "", "1e3", ""],
    ]))
    assert not led.problems
    got = {c.id: (c.count, c.unit) for c in led.claims}
    assert got == {"a": (12.0, "killed"), "b": (3.5, "km²"), "c": (None, None), "d": (1000.0, None)}


def test_a_ledger_without_the_columns_still_reads(tmp_path):
    led = read_ledger(write(tmp_path / "l.csv", [["a", "2020-10-26", "Sanasar", "Aliyev", "Azerbaijan", "captured"]],
                            header=HEADER[:6]))
    assert not led.problems and led.claims[0].count is None and led.claims[0].unit is None


@pytest.mark.parametrize("value", ["1,500", "twelve", "12 killed", "-3", "nan", "inf", "0x10", "1.5.2", "1e999"])
def test_a_count_that_is_not_a_number_is_a_row_error_naming_file_row_and_field(tmp_path, value):
    path = write(tmp_path / "l.csv", [
        ["a", "2020-10-26", "Sanasar", "Aliyev", "Azerbaijan", "captured", "", "4", "killed"],
        ["b", "2020-10-26", "Hadrut", "Aliyev", "Azerbaijan", "casualties", "", value, "killed"],
    ])
    led = read_ledger(path)
    assert [c.id for c in led.claims] == ["a"]  # the bad row is left out, and said so
    (problem,) = led.problems
    text = str(problem)
    assert problem.row == 3 and problem.field == "count"
    assert str(path) in text and "row 3" in text and "field 'count'" in text
    assert "give a number of 0 or more" in text and "thousands separators" in text
    with pytest.raises(LedgerError, match="row 3: field 'count'"):
        read_ledger(path, strict=True)


def test_json_counts_are_numbers_and_booleans_are_not(tmp_path):
    path = tmp_path / "l.json"
    base = {"date": "2020-10-26", "place": "Sanasar", "claimant": "Aliyev", "side": "Azerbaijan", "claim": "other"}
    path.write_text(json.dumps([{**base, "id": "a", "count": 7, "unit": "positions"},
                                {**base, "id": "b", "count": 2.5},
                                {**base, "id": "c", "count": True},
                                {**base, "id": "d", "count": "12"}]), encoding="utf-8")
    led = read_ledger(path)
    assert {c.id: c.count for c in led.claims} == {"a": 7.0, "b": 2.5, "d": 12.0}
    assert [(p.row, p.field) for p in led.problems] == [(3, "count")]


@pytest.fixture()
def numbers(tmp_path, gaz):
    led = read_ledger(write(tmp_path / "n.csv", [
        ["a1", "2020-10-26", "Sanasar", "Azerbaijan MoD", "Azerbaijan", "casualties", "", "12", "killed"],
        ["a2", "2020-10-27", "Hadrut", "Azerbaijan MoD", "Azerbaijan", "casualties", "", "30", "Killed"],
        ["a3", "2020-10-27", "Hadrut", "Azerbaijan MoD", "Azerbaijan", "casualties", "deleted", "1000", "killed"],
        ["a4", "2020-10-28", "Hadrut", "Azerbaijan MoD", "Azerbaijan", "captured", "", "2.25", "km²"],
        ["a5", "2020-10-28", "Hadrut", "Azerbaijan MoD", "Azerbaijan", "captured", "", "0.5", "km²"],
        ["m1", "2020-10-26", "Shusha", "Armenia MoD", "Armenia", "casualties", "", "1250", "killed"],
        ["m2", "2020-10-26", "Shusha", "Armenia MoD", "Armenia", "attacked", "", "4", ""],
        ["m3", "2020-10-26", "Shusha", "Armenia MoD", "Armenia", "other", "", "", "wounded"],
    ]))
    return analyse(led, gaz)


def test_the_report_sums_counts_per_side_and_unit(numbers):
    report = report_markdown(numbers, title="T", problems=[])
    section = report.split("## Numbers claimed", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ") and "---" not in line][1:]
    assert rows == [
        "| Armenia | (no unit) | 4 | 1 |",
        "| Armenia | killed | 1,250 | 1 |",
        "| Azerbaijan | killed | 42 | 2 |",     # "killed" and "Killed" are one unit; the deleted claim is not counted
        "| Azerbaijan | km² | 2.75 | 2 |",
    ]
    assert "wounded" not in section  # a unit with no count sums nothing


def test_no_numbers_no_section(tmp_path, gaz):
    led = read_ledger(write(tmp_path / "l.csv", [["a", "2020-10-26", "Sanasar", "Aliyev", "Azerbaijan", "captured"]],
                            header=HEADER[:6]))
    assert "## Numbers claimed" not in report_markdown(analyse(led, gaz), title="T", problems=[])


def test_a_unit_is_ledger_text_escaped_in_the_report(tmp_path, gaz):
    led = read_ledger(write(tmp_path / "l.csv", [
        ["a", "2020-10-26", "Sanasar", "Aliyev", "Azerbaijan", "casualties", "", "3", "<b>x</b> | [l](javascript:1)"]]))
    report = report_markdown(analyse(led, gaz), title="T", problems=[])
    line = next(x for x in report.splitlines() if x.startswith("| Azerbaijan |") and "| 3 |" in x)
    assert "\\<b\\>x\\</b\\> \\| \\[l\\]\\(javascript\\:1\\)" in line and line.count(" | ") == 3


def test_exports_carry_count_and_unit(numbers, gaz):
    rows = {r["id"]: r for r in claim_rows(numbers, gaz)}
    assert (rows["a4"]["count"], rows["a4"]["unit"]) == (2.25, "km²")
    assert (rows["m3"]["count"], rows["m3"]["unit"]) == (None, "wounded")
    table = {r["id"]: r for r in csv.DictReader(io.StringIO(claims_csv(numbers, gaz, list(rows.values()))))}
    assert table["m1"]["count"] == "1250" and table["m1"]["unit"] == "killed" and table["m3"]["count"] == ""

"""The ledger reader's rules, one by one: dates and their edges, formats, every
field's check and message, ids, order, events and the claimant registry.
Written for the mutation run (benchmarks/mutation.py files): each case fails
when its rule is changed."""

import datetime as dt
import hashlib
import io
import subprocess
import sys
from pathlib import Path

import pytest

from mapper.errors import LedgerError
from mapper.ledger import (CLAIMS, EARLIEST, LATEST, STATUSES, ClaimantRegistry, Problem, parse_when,
                           read_events, read_ledger)

UTC = dt.timezone.utc
HEADER = "id,date,place,near,claimant,side,claim,status,source,url,quote,notes,lat,lon\n"


ROOT = Path(__file__).resolve().parents[1]


def write(tmp_path, text, name="l.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def ledger(tmp_path, *rows, header=HEADER, **kw):
    return read_ledger(write(tmp_path, header + "".join(r + "\n" for r in rows)), **kw)


def problems(led):
    return [(p.row, p.field, p.message) for p in led.problems]


# --- dates ---------------------------------------------------------------------------------

def test_a_bare_date_is_its_local_day_at_noon_utc():
    assert parse_when(" 2020-10-26 ") == ("2020-10-26", dt.date(2020, 10, 26),
                                          dt.datetime(2020, 10, 26, 12, tzinfo=UTC))


@pytest.mark.parametrize("text,normal,day,utc", [
    ("2020-10-26T01:30+04:00", "2020-10-26T01:30+04:00", dt.date(2020, 10, 26), dt.datetime(2020, 10, 25, 21, 30)),
    ("2020-10-26T23:30-03:00", "2020-10-26T23:30-03:00", dt.date(2020, 10, 26), dt.datetime(2020, 10, 27, 2, 30)),
    ("2020-10-26T08:02Z", "2020-10-26T08:02+00:00", dt.date(2020, 10, 26), dt.datetime(2020, 10, 26, 8, 2)),
    ("2020-10-26 08:02:59+04:00", "2020-10-26T08:02+04:00", dt.date(2020, 10, 26), dt.datetime(2020, 10, 26, 4, 2, 59)),
])
def test_a_date_time_keeps_its_local_day_and_orders_by_utc(text, normal, day, utc):
    assert parse_when(text) == (normal, day, utc.replace(tzinfo=UTC))
    assert parse_when(text)[2].tzinfo == UTC


def test_a_date_time_without_an_offset_is_refused():
    with pytest.raises(ValueError, match="^a date-time needs a UTC offset$"):
        parse_when("2020-10-26T08:02")


@pytest.fixture
def machine_in_yerevan(monkeypatch):
    import time

    monkeypatch.setenv("TZ", "Asia/Yerevan")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_dates_do_not_depend_on_the_machines_time_zone(machine_in_yerevan):
    # The UTC instant is UTC whatever zone the machine is set to.
    text, day, utc = parse_when("2020-10-26")
    assert (utc.hour, utc.utcoffset(), utc.tzinfo) == (12, dt.timedelta(0), UTC)
    text, day, utc = parse_when("2020-10-26T08:02+04:00")
    assert (utc.hour, utc.minute, utc.utcoffset()) == (4, 2, dt.timedelta(0))


def test_a_count_is_a_number_from_0_to_max_count_or_empty():
    from mapper.ledger import MAX_COUNT, parse_count

    for empty in (None, "", "   "):
        assert parse_count(empty) is None
    assert [parse_count(v) for v in (0, 5, 2.5, " 1500 ", "0.5", ".5", "+3", "1e3", MAX_COUNT, "0")] == [
        0.0, 5.0, 2.5, 1500.0, 0.5, 0.5, 3.0, 1000.0, MAX_COUNT, 0.0]
    assert isinstance(parse_count(5), float)
    cases = {True: "True is not a number", "1,500": "'1,500' is not a number", "-3": "'-3' is not a number",
             "x" * 150: repr("x" * 100) + " is not a number", -1: "-1.0 is out of range",
             float("nan"): "nan is out of range", MAX_COUNT * 10: "10000000000000.0 is out of range",
             "2e12": "2000000000000.0 is out of range", 10 ** 400: "1" + "0" * 39 + "... is out of range"}
    for value, message in cases.items():
        with pytest.raises(ValueError) as err:
            parse_count(value)
        assert str(err.value) == message, value


def test_json_values_that_are_not_text_are_read_as_their_text(tmp_path):
    path = write(tmp_path, '[{"name": 2020, "start": "2020-10-18", "notes": 7.5}, '
                           '{"name": "  x  ", "start": "2020-10-19", "notes": "  "}]', "e.json")
    assert [(e.name, e.notes) for e in read_events(path)] == [("2020", "7.5"), ("x", None)]


@pytest.mark.parametrize("text,ok", [
    ("1000-01-01", True), ("0999-12-31", False), ("8999-12-31", True), ("9000-01-01", False),
    ("8999-12-31T23:00-05:00", True), ("0999-12-31T23:00+00:00", False),
])
def test_the_calendar_a_ledger_holds(text, ok):
    assert (EARLIEST, LATEST) == (dt.date(1000, 1, 1), dt.date(8999, 12, 31))
    if ok:
        assert parse_when(text)[1] in (EARLIEST, LATEST)
    else:
        with pytest.raises(ValueError, match=r"outside the dates a ledger holds \(1000-01-01 to 8999-12-31\)"):
            parse_when(text)


def test_date_problems_say_what_would_be_valid(tmp_path):
    led = ledger(tmp_path, "a,26/10/2020,Hadrut,,Aliyev,Azerbaijan,captured,,,,,,,",
                 "b,0999-12-31,Hadrut,,Aliyev,Azerbaijan,captured,,,,,,,",
                 "c,2020-10-26T08:02,Hadrut,,Aliyev,Azerbaijan,captured,,,,,,,")
    assert problems(led) == [
        (2, "date", "'26/10/2020' is not an ISO 8601 date (2020-10-26) or date-time with UTC offset "
                    "(2020-10-26T08:02+04:00)"),
        (3, "date", "0999-12-31 is outside the dates a ledger holds (1000-01-01 to 8999-12-31)"),
        (4, "date", "'2020-10-26T08:02' is not an ISO 8601 date (2020-10-26) or date-time with UTC offset "
                    "(2020-10-26T08:02+04:00)"),
    ]
    assert led.claims == [] and led.rows_read == 3 and led.rows_failed == 3


# --- every field ---------------------------------------------------------------------------

def test_every_field_of_a_claim(tmp_path):
    led = ledger(tmp_path, " a , 2020-10-26T08:02+04:00 , Hadrut , Khojavend , Aliyev , Azerbaijan , CAPTURED ,"
                           " Reposted , MoD , https://x.az , q , n , 39.5 , 46.8 ")
    [c] = led.claims
    assert (c.id, c.row, c.date, c.day, c.when) == ("a", 2, "2020-10-26T08:02+04:00", dt.date(2020, 10, 26),
                                                    dt.datetime(2020, 10, 26, 4, 2, tzinfo=UTC))
    assert (c.place, c.near, c.claimant, c.side, c.claim, c.status) == (
        "Hadrut", "Khojavend", "Aliyev", "Azerbaijan", "captured", "reposted")
    assert (c.source, c.url, c.quote, c.notes, c.lat, c.lon) == ("MoD", "https://x.az", "q", "n", 39.5, 46.8)
    assert led.problems == [] and led.rows_read == 1 and led.rows_failed == 0


def test_optional_fields_left_blank_are_none_and_status_is_published(tmp_path):
    [c] = ledger(tmp_path, "a,2020-10-26,Hadrut, ,Aliyev,Azerbaijan,holds, ,,,,,,").claims
    assert (c.near, c.source, c.url, c.quote, c.notes, c.lat, c.lon) == (None,) * 7
    assert c.status == "published"


def test_each_empty_required_field_is_a_problem(tmp_path):
    led = ledger(tmp_path, "a, ,,,  ,Azerbaijan,,,,,,,,")
    assert problems(led) == [(2, f, "is empty; every claim needs date, place, claimant, claim")
                             for f in ("date", "place", "claimant", "claim")]
    assert led.rows_failed == 1


@pytest.mark.parametrize("claim", CLAIMS)
def test_every_claim_kind_is_read(tmp_path, claim):
    assert [c.claim for c in ledger(tmp_path, f"a,2020-10-26,Hadrut,,Aliyev,Azerbaijan,{claim.title()},,,,,,,").claims] \
        == [claim]


@pytest.mark.parametrize("status", STATUSES)
def test_every_status_is_read(tmp_path, status):
    assert [c.status for c in ledger(tmp_path, f"a,2020-10-26,Hadrut,,Aliyev,Azerbaijan,holds,{status.upper()},,,,,,").claims] \
        == [status]


def test_unknown_claim_and_status_list_the_valid_ones(tmp_path):
    led = ledger(tmp_path, "a,2020-10-26,Hadrut,,Aliyev,Azerbaijan,took,,,,,,,",
                 "b,2020-10-26,Hadrut,,Aliyev,Azerbaijan,holds,rumour,,,,,,")
    assert problems(led) == [
        (2, "claim", "'took' is not one of " + ", ".join(CLAIMS)),
        (3, "status", "'rumour' is not one of " + ", ".join(STATUSES)),
    ]


@pytest.mark.parametrize("lat,lon,ok", [
    ("90", "180", True), ("-90", "-180", True), ("90.01", "0", False), ("-90.01", "0", False),
    ("0", "180.01", False), ("0", "-180.01", False), ("39.5", "", False), ("", "46.8", False),
    ("north", "46.8", False), ("0", "0", True),
])
def test_coordinates_come_in_pairs_on_earth(tmp_path, lat, lon, ok):
    led = ledger(tmp_path, f"a,2020-10-26,Hadrut,,Aliyev,Azerbaijan,holds,,,,,,{lat},{lon}")
    if ok:
        assert (led.claims[0].lat, led.claims[0].lon) == (float(lat), float(lon))
    else:
        assert problems(led) == [(2, "lat", f"lat {lat!r} / lon {lon!r}: give both, as decimal degrees "
                                            "(lat -90..90, lon -180..180)")]


def test_side_from_the_column_else_the_registry_else_a_problem(tmp_path):
    led = ledger(tmp_path, "a,2020-10-26,Hadrut,,Aliyev,Artsakh,holds,,,,,,,",
                 "b,2020-10-26,Hadrut,,Ilham Aliyev,,holds,,,,,,,",
                 "c,2020-10-26,Hadrut,, Someone Unknown ,,holds,,,,,,,")
    assert [(c.id, c.side) for c in led.claims] == [("a", "Artsakh"), ("b", "Azerbaijan")]
    assert problems(led) == [(4, "side", "no side given and claimant 'Someone Unknown' is not in the claimant "
                                         "registry; add a 'side' column or a registry entry (--claimants)")]


# --- ids and order -------------------------------------------------------------------------

def test_ids_made_from_the_claim_and_numbered_when_repeated(tmp_path):
    row = ",2020-10-26,Hadrut,,Aliyev,Azerbaijan,captured,,,,,,,"
    led = ledger(tmp_path, row, row, row)
    base = "c-" + hashlib.sha1("2020-10-26|Hadrut|Aliyev|captured".encode()).hexdigest()[:10]
    assert [c.id for c in led.claims] == [base, f"{base}-2", f"{base}-3"]


def test_a_repeated_id_names_the_first_row(tmp_path):
    led = ledger(tmp_path, "a,2020-10-26,Hadrut,,Aliyev,Azerbaijan,captured,,,,,,,",
                 "b,2020-10-26,Hadrut,,Aliyev,Azerbaijan,captured,,,,,,,",
                 "a,2020-10-27,Hadrut,,Aliyev,Azerbaijan,captured,,,,,,,")
    assert problems(led) == [(4, "id", "'a' is also the id of row 2; ids must be unique")]
    assert [c.id for c in led.claims] == ["a", "b"]


def test_claims_in_utc_time_then_row_order(tmp_path):
    led = ledger(tmp_path, "late,2020-10-27,Hadrut,,Aliyev,Azerbaijan,holds,,,,,,,",
                 "noon2,2020-10-26,Hadrut,,Aliyev,Azerbaijan,holds,,,,,,,",
                 "noon1,2020-10-26,Hadrut,,Aliyev,Azerbaijan,holds,,,,,,,",
                 "early,2020-10-26T15:00+04:00,Hadrut,,Aliyev,Azerbaijan,holds,,,,,,,")
    # 15:00+04:00 is 11:00 UTC, before a bare date's noon; same instant: by row.
    assert [c.id for c in led.claims] == ["early", "noon2", "noon1", "late"]


def test_strict_raises_one_error_with_the_count_and_the_first(tmp_path):
    rows = ("a,26/10/2020,Hadrut,,Aliyev,Azerbaijan,holds,,,,,,,", "b,2020-10-26,Hadrut,,Aliyev,Azerbaijan,took,,,,,,,")
    with pytest.raises(LedgerError, match=r"l\.csv: 2 bad row\(s\); first: .*l\.csv: row 2: field 'date'") as err:
        ledger(tmp_path, *rows, strict=True)
    assert len(err.value.problems) == 2
    assert ledger(tmp_path, "a,2020-10-26,Hadrut,,Aliyev,Azerbaijan,holds,,,,,,,", strict=True).claims


def test_a_problem_says_file_row_and_field():
    assert str(Problem("l.csv", 3, "date", "bad")) == "l.csv: row 3: field 'date': bad"
    assert str(Problem("l.csv", None, None, "bad")) == "l.csv: bad"


# --- formats -------------------------------------------------------------------------------

def test_json_and_yaml_as_a_list_or_under_claims(tmp_path):
    one = '{"date": "2020-10-26", "place": "Hadrut", "claimant": "Aliyev", "claim": "holds", "side": "Azerbaijan"}'
    for name, text in [("a.json", f"[{one}]"), ("b.JSON", f'{{"claims": [{one}]}}'),
                       ("c.yaml", "- date: '2020-10-26'\n  place: Hadrut\n  claimant: Aliyev\n  claim: holds\n"),
                       ("d.yml", "claims:\n- {date: '2020-10-26', place: Hadrut, claimant: Aliyev, claim: holds}\n")]:
        led = read_ledger(write(tmp_path, text, name))
        assert [(c.place, c.side, c.row) for c in led.claims] == [("Hadrut", "Azerbaijan", 1)], name


def test_a_json_entry_that_is_not_a_mapping_is_a_row_problem(tmp_path):
    led = read_ledger(write(tmp_path, '[1, "x' + "y" * 300 + '"]', "a.json"))
    assert [(p.row, p.field) for p in led.problems] == [(1, None), (2, None)]
    assert led.problems[0].message == "not a claim (a mapping of fields): 1"
    assert len(led.problems[1].message) == 200


@pytest.mark.parametrize("text", ['{"rows": []}', '"text"', "7"])
def test_a_document_that_is_not_a_list_of_claims(tmp_path, text):
    with pytest.raises(LedgerError, match=r"a\.json: expected a list of claims \(or a mapping with 'claims'\)"):
        read_ledger(write(tmp_path, text, "a.json"))


@pytest.mark.parametrize("name", ["l.tsv", "l.TXT", "l.csv"])
def test_csv_suffixes(tmp_path, name):
    text = "date\tplace\tclaimant\tclaim\n2020-10-26\tHadrut\tAliyev\tholds\n"
    assert len(read_ledger(write(tmp_path, text, name)).claims) == 1


def test_an_unknown_suffix_or_format_is_refused(tmp_path):
    path = write(tmp_path, "date,place,claimant,claim\n", "l.xlsx")
    with pytest.raises(LedgerError, match=r"l\.xlsx: unknown ledger format '\.xlsx'; use \.csv, \.json or \.yaml"):
        read_ledger(path)
    with pytest.raises(LedgerError, match=r"unknown format 'xml'; use csv, json, yaml"):
        read_ledger(path, format="xml")
    assert read_ledger(write(tmp_path, "date,place,claimant,claim\n2020-10-26,Hadrut,Aliyev,holds\n", "l.dat"),
                       format="csv").claims


@pytest.mark.parametrize("text,kind", [
    ('  [{"date": "2020-10-26", "place": "Hadrut", "claimant": "Aliyev", "claim": "holds"}]', "json"),
    ('{"claims": [{"date": "2020-10-26", "place": "Hadrut", "claimant": "Aliyev", "claim": "holds"}]}', "json"),
    ("---\n- {date: '2020-10-26', place: Hadrut, claimant: Aliyev, claim: holds}\n", "yaml"),
    ("- {date: '2020-10-26', place: Hadrut, claimant: Aliyev, claim: holds}\n", "yaml"),
    ("claims:\n- {date: '2020-10-26', place: Hadrut, claimant: Aliyev, claim: holds}\n", "yaml"),
    ("date,place,claimant,claim\n2020-10-26,Hadrut,Aliyev,holds\n", "csv"),
])
def test_standard_input_and_downloads_are_told_by_their_first_characters(text, kind):
    for label in (None, "https://example.org/ledger", "HTTP://example.org/x"):
        source = io.BytesIO(text.encode())
        if label:
            source.name = label
        led = read_ledger(source)
        assert [c.place for c in led.claims] == ["Hadrut"], (kind, label)
        assert led.path == (label or "<stdin>")


def test_header_checks_name_what_is_missing_or_twice(tmp_path):
    with pytest.raises(LedgerError, match=r"l\.csv: row 1: missing column\(s\) claimant, claim; this file needs "
                                          r"date, place, claimant, claim and may have id, near, side"):
        ledger(tmp_path, header="Date,Place\n")
    with pytest.raises(LedgerError, match=r"row 1: column\(s\) 'date', 'place' appear twice; keep one of each"):
        ledger(tmp_path, header="date,place,claimant,claim,Place,DATE\n")
    with pytest.raises(LedgerError, match=r"l\.csv: empty file; expected a header row with date, place"):
        ledger(tmp_path, header=",,\n")


def test_headers_are_case_and_space_blind_and_blank_rows_are_skipped(tmp_path):
    led = ledger(tmp_path, "2020-10-26,Hadrut,Aliyev,holds", " , , , ", "", "2020-10-27,Hadrut,Aliyev,holds",
                 header=" DATE , Place ,Claimant,CLAIM\n")
    assert [c.row for c in led.claims] == [2, 5] and led.rows_read == 2


def test_a_bad_csv_row_is_a_problem_and_the_rest_is_read(tmp_path):
    led = ledger(tmp_path, "2020-10-26,Hadrut,Aliyev,holds,extra", "2020-10-27,Hadrut,Aliyev,holds",
                 header="date,place,claimant,claim\n")
    assert [(p.row, p.field) for p in led.problems] == [(2, None)]
    assert "5 fields where the header has 4" in led.problems[0].message
    assert [c.row for c in led.claims] == [3]


def test_an_unreadable_file_is_a_ledger_error(tmp_path):
    with pytest.raises(LedgerError, match="file not found"):
        read_ledger(tmp_path / "missing.csv")
    bad = tmp_path / "b.csv"
    bad.write_bytes(b"date,place\n\xff\n")
    with pytest.raises(LedgerError, match="not UTF-8"):
        read_ledger(bad)


# --- events --------------------------------------------------------------------------------

def test_events_sorted_with_optional_end_and_notes(tmp_path):
    path = write(tmp_path, "name,start,end,notes\nTruce B,2020-10-18,,n\nTruce A,2020-10-18,2020-10-19,\n"
                           "Ceasefire,2020-10-10T12:00+04:00, ,\n", "e.csv")
    events = read_events(path)
    assert [(e.name, e.start, e.end, e.notes) for e in events] == [
        ("Ceasefire", dt.date(2020, 10, 10), None, None),
        ("Truce A", dt.date(2020, 10, 18), dt.date(2020, 10, 19), None),
        ("Truce B", dt.date(2020, 10, 18), None, "n"),
    ]


@pytest.mark.parametrize("row,field,message", [
    (" ,2020-10-18,", "name", "is empty; an event needs name and start"),
    ("Truce,18/10/2020,", "start", "start/end must be an ISO 8601 date"),
    ("Truce,2020-10-18,tomorrow", "start", "start/end must be an ISO 8601 date"),
    ("Truce,0999-01-01,", "start", "0999-01-01 is outside the dates a ledger holds"),
    ("Truce,2020-10-18,2020-10-18,extra", None, "4 fields where the header has 3"),
])
def test_a_bad_event_row_is_an_error_naming_it(tmp_path, row, field, message):
    path = write(tmp_path, f"name,start,end\nGood,2020-10-01,\n{row}\n", "e.csv")
    with pytest.raises(LedgerError, match=r"e\.csv: 1 bad event row\(s\); first: ") as err:
        read_events(path)
    [problem] = err.value.problems
    assert (problem.path, problem.row, problem.field) == (str(path), 3, field)
    assert problem.message.startswith(message)
    assert str(err.value) == f"{path}: 1 bad event row(s); first: {problem}"


def test_every_bad_event_row_is_reported_not_only_the_first(tmp_path):
    path = write(tmp_path, 'name,start\n ,2020-10-18\nA,2020-10-18,x\nB,someday\nC,2020-10-19\n D ,2020-10-20\n'
                           'E,later\n', "e.csv")
    with pytest.raises(LedgerError, match=r"e\.csv: 4 bad event row\(s\); first: ") as err:
        read_events(path)
    assert [(p.path, p.row, p.field) for p in err.value.problems] == [
        (str(path), 2, "name"), (str(path), 3, None), (str(path), 4, "start"), (str(path), 7, "start")]
    messages = [p.message for p in err.value.problems]
    assert messages[0] == "is empty; an event needs name and start"
    assert messages[1].startswith("3 fields where the header has 2")
    assert messages[2] == ("start/end must be an ISO 8601 date (2020-10-26) or date-time with UTC offset "
                           "(2020-10-26T08:02+04:00)")


def test_an_events_file_names_what_it_needs_and_may_have(tmp_path):
    path = write(tmp_path, "name,end\nTruce,2020-10-19\n", "e.csv")
    with pytest.raises(LedgerError) as err:
        read_events(path)
    assert str(err.value) == (f"{path}: row 1: missing column(s) start; this file needs name, start "
                              "and may have end, notes")


def test_an_events_file_read_in_the_format_given(tmp_path):
    # A .txt file is CSV unless told otherwise; told JSON, it is read as JSON.
    path = write(tmp_path, '[{"name": "Truce", "start": "2020-10-18", "notes": "n"}]', "e.txt")
    with pytest.raises(LedgerError):
        read_events(path)
    [event] = read_events(path, format="json")
    assert (event.name, event.start, event.end, event.notes) == ("Truce", dt.date(2020, 10, 18), None, "n")
    [event] = read_events(io.BytesIO(b"- name: Truce\n  start: 2020-10-18\n  end: 2020-10-19\n"), format="yaml")
    assert (event.name, event.end) == ("Truce", dt.date(2020, 10, 19))


# --- claimant registry ---------------------------------------------------------------------

def test_the_bundled_registry_knows_the_official_voices():
    reg = ClaimantRegistry.load()
    assert reg.side_of("President Ilham ALIYEV") == "Azerbaijan"
    assert reg.side_of("Nobody in particular") is None


def test_user_registries_come_first_the_last_one_given_first(tmp_path):
    first = write(tmp_path, "Azerbaijan:\n  - mystery\nGuessers:\n  - guess\n", "a.yaml")
    second = write(tmp_path, "Someone else:\n  - '^mystery man$'\n", "b.yaml")
    reg = ClaimantRegistry.load(first, second)
    assert reg.side_of("Mystery man") == "Someone else"
    assert reg.side_of("a mystery") == "Azerbaijan" and reg.side_of("GUESS who") == "Guessers"
    assert reg.side_of("Aliyev") == "Azerbaijan"                 # the bundled rules still apply after
    aliyev = write(tmp_path, "Moon:\n  - aliyev\n", "c.yaml")
    assert ClaimantRegistry.load(aliyev).side_of("Aliyev") == "Moon"


@pytest.mark.parametrize("text,message", [
    ("- a\n- b\n", "a claimant registry maps each side to a list of patterns"),
    ("Side: pattern\n", "a claimant registry maps each side to a list of patterns"),
    ("Side:\n  - '('\n", "side 'Side': bad pattern '\\(':"),
])
def test_a_bad_registry_names_its_file(tmp_path, text, message):
    path = write(tmp_path, text, "r.yaml")
    with pytest.raises(LedgerError, match=r"r\.yaml: " + message.replace("(", r"\(").replace(")", r"\)")
                       if "bad pattern" not in message else r"r\.yaml: side 'Side': bad pattern '\('"):
        ClaimantRegistry.load(path)


def test_an_empty_registry_file_adds_nothing(tmp_path):
    reg = ClaimantRegistry.load(write(tmp_path, "", "e.yaml"))
    assert len(reg.rules) == len(ClaimantRegistry.load().rules)


def test_a_registry_given_is_the_one_used(tmp_path):
    reg = ClaimantRegistry.load(write(tmp_path, "Moon:\n  - aliyev\n", "m.yaml"))
    led = ledger(tmp_path, "a,2020-10-26,Hadrut,,Aliyev,,holds,,,,,,,", claimants=reg)
    assert [c.side for c in led.claims] == ["Moon"]


def test_json_keys_are_case_and_space_blind(tmp_path):
    text = '[{" Date ": "2020-10-26", "PLACE": "Hadrut", "Claimant": "Aliyev", "claim ": "Holds", "SIDE": "X"}]'
    [c] = read_ledger(write(tmp_path, text, "k.json")).claims
    assert (c.date, c.place, c.claimant, c.claim, c.side) == ("2020-10-26", "Hadrut", "Aliyev", "holds", "X")


def test_a_long_bad_date_is_quoted_cut_to_a_hundred_characters(tmp_path):
    led = ledger(tmp_path, "a," + "9" * 150 + ",Hadrut,,Aliyev,Azerbaijan,holds,,,,,,,")
    assert led.problems[0].message.startswith("'" + "9" * 100 + "' is not an ISO 8601 date")


# --- whole files read at once, or row by row when one is bad ----------------------------------------

WHOLE = ("a,2020-10-01,Sanasar,,Aliyev,Azerbaijan,captured,,,,,,,",
         "",                                                          # a blank line keeps its number
         'b,2020-10-02,Hadrut,,Aliyev,Azerbaijan,captured,,,,"two\nlines, quoted",,,',  # one record, two lines
         "c,not a date,Hadrut,,Aliyev,Azerbaijan,captured,,,,,,,",
         "  ,  ,  ,  ,  ,  ,  ,  ,  ,  ,  ,  ,  ,  ",                     # blank cells: no row at all
         "d,2020-10-03,Shusha,,Aliyev,Azerbaijan,holds,,,,,,,")


@pytest.mark.parametrize("broken", [False, True])
def test_row_numbers_are_the_same_whether_the_file_is_read_whole_or_row_by_row(tmp_path, broken):
    # A regular file is read in one pass; a file with a ragged row by the strict reader, row by row.
    # Both count rows as a spreadsheet shows them (the header is row 1), blank ones included.
    rows = [*WHOLE, "e,2020-10-04,Shusha,too,few"] if broken else list(WHOLE)
    led = ledger(tmp_path, *rows)
    assert [(c.id, c.row) for c in led.claims] == [("a", 2), ("b", 4), ("d", 7)]
    assert led.claims[1].quote == "two\nlines, quoted"
    expected = [(5, "date")] + ([(8, None)] if broken else [])
    assert [(p.row, p.field) for p in led.problems] == expected
    assert led.rows_read == 4 + broken
    if broken:
        assert "5 fields where the header has 14" in led.problems[-1].message


def test_json_is_read_as_json_and_says_so_when_broken(tmp_path):
    path = write(tmp_path, '[{"date": "2020-10-26",', "a.json")
    with pytest.raises(LedgerError) as err:
        read_ledger(path)
    assert str(err.value).startswith(f"{path}: not valid JSON: ")


@pytest.mark.parametrize("text,kind", [('  [{"date": 1,', "JSON"), ('{"claims": [', "JSON")])
def test_standard_input_that_starts_like_json_is_read_as_json(text, kind):
    with pytest.raises(LedgerError, match=f"^<stdin>: not valid {kind}: "):
        read_ledger(io.BytesIO(text.encode()))


def test_after_every_kind_of_bad_row_the_next_row_is_read(tmp_path):
    good = "{i},2020-10-26,Hadrut,,Aliyev,Azerbaijan,holds,published,,,,,,"
    bad_rows = {
        "date": "b1,someday,Hadrut,,Aliyev,Azerbaijan,holds,published,,,,,,",
        "claim": "b2,2020-10-26,Hadrut,,Aliyev,Azerbaijan,owns,published,,,,,,",
        "status": "b3,2020-10-26,Hadrut,,Aliyev,Azerbaijan,holds,rumour,,,,,,",
        "lat": "b4,2020-10-26,Hadrut,,Aliyev,Azerbaijan,holds,published,,,,,95,46",
        "side": "b5,2020-10-26,Hadrut,,Nobody Known,,holds,published,,,,,,",
        "id": "g0,2020-10-26,Hadrut,,Aliyev,Azerbaijan,holds,published,,,,,,",
        "place": "b7,2020-10-26, ,,Aliyev,Azerbaijan,holds,published,,,,,,",
        None: "b8,2020-10-26,Hadrut",
    }
    rows = [good.format(i="g0")]
    for n, row in enumerate(bad_rows.values(), 1):
        rows += [row, good.format(i=f"g{n}")]
    led = ledger(tmp_path, *rows)
    assert [c.id for c in led.claims] == [f"g{n}" for n in range(len(bad_rows) + 1)]
    assert [p.field for p in led.problems] == list(bad_rows)
    assert [p.row for p in led.problems] == [3 + 2 * n for n in range(len(bad_rows))]


def test_unreadable_ledgers_are_named_by_their_path(tmp_path):
    cases = [("a.csv", b"date,place\n\xff\n", ": not UTF-8 text (byte 11, line 2)"),
             ("b.yaml", b"- date: [unclosed\n", ": "),
             ("c.csv", b'id,"date\n', ", row 1: a quoted cell opened on line 1 is never closed")]
    for name, data, rest in cases:
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(LedgerError) as err:
            read_ledger(path)
        assert str(err.value).startswith(f"{path}{rest}"), str(err.value)


def test_a_frame_with_missing_dates_reports_those_rows():
    pd = pytest.importorskip("pandas")
    days = pd.to_datetime(["2020-10-25", None])
    zoned = pd.to_datetime(["2020-10-26 08:02", None]).tz_localize("Asia/Baku")
    for dates, first in ((days, "2020-10-25"), (zoned, "2020-10-26T08:02+04:00")):
        led = read_ledger(pd.DataFrame({"date": dates, "place": ["Hadrut", "Hadrut"], "claimant": ["Aliyev"] * 2,
                                        "claim": ["holds"] * 2}))
        assert [c.date for c in led.claims] == [first]
        assert problems(led) == [(3, "date", "is empty; every claim needs date, place, claimant, claim")]


def test_a_registry_that_is_not_yaml_names_its_file(tmp_path):
    path = write(tmp_path, "Side: [unclosed\n", "r.yaml")
    with pytest.raises(LedgerError) as err:
        ClaimantRegistry.load(path)
    assert str(err.value).startswith(f"{path}: ")


def test_standard_input_is_json_only_when_it_starts_with_a_bracket_or_brace():
    # "X..." is CSV: a header naming an unknown column is a header problem, not broken JSON.
    with pytest.raises(LedgerError, match=r"^<stdin>: row 1: missing column\(s\) "):
        read_ledger(io.BytesIO(b"Xdate,place\n2020-10-26,Hadrut\n"))


def test_an_events_stream_is_told_by_its_first_characters():
    # Standard input has no suffix: a bracket is JSON, a dash YAML, anything else CSV.
    for text in (b'[{"name": "Truce", "start": "2020-10-18"}]', b"- {name: Truce, start: 2020-10-18}\n",
                 b"name,start\nTruce,2020-10-18\n"):
        assert [(e.name, e.start) for e in read_events(io.BytesIO(text))] == [("Truce", dt.date(2020, 10, 18))]


def test_a_broken_events_file_is_named_and_read_in_its_own_format(tmp_path):
    # A JSON events file is parsed as JSON (not as the YAML it nearly is), its errors naming it.
    path = write(tmp_path, '[{"name": "Truce", "start": "2020-10-18"},]', "e.json")
    with pytest.raises(LedgerError) as err:
        read_events(path)
    assert str(err.value).startswith(f"{path}: not valid JSON: ")


def test_the_format_by_suffix_or_first_characters():
    from mapper.ledger import _format

    assert [_format(label, "", None) for label in ("a.json", "a.YAML", "a.yml", "a.csv", "a.tsv", "a.txt")] == [
        "json", "yaml", "yaml", "csv", "csv", "csv"]
    assert [_format("<stdin>", text, None) for text in (" [", "{", "---\n", "- a", "claims:\n", "date,place")] == [
        "json", "json", "yaml", "yaml", "yaml", "csv"]
    assert _format("https://example.org/l", "- a", None) == "yaml" and _format("a.json", "", "yaml") == "yaml"


def test_the_bundled_registry_is_read_only_when_a_claim_needs_its_side(tmp_path):
    # A ledger naming every side never parses the bundled registry nor imports a YAML parser;
    # one claim without a side reads it, and the rules the user gave still come first.
    code = """
import sys
from mapper.ledger import ClaimantRegistry, read_ledger
path, user = sys.argv[1], sys.argv[2]
read_ledger(path + "/sided.csv")
assert "yaml" not in sys.modules, "yaml imported for a ledger that names every side"
led = read_ledger(path + "/unsided.csv")
assert [c.side for c in led.claims] == ["Azerbaijan"], led.claims
assert "yaml" in sys.modules
reg = ClaimantRegistry.load(user)
assert reg.side_of("Azerbaijan Ministry of Defence") == "Moon" and reg.side_of("Pashinyan") == "Armenia"
"""
    head = "date,place,claimant,side,claim\n"
    (tmp_path / "sided.csv").write_text(head + "2020-10-26,Hadrut,Someone,Armenia,holds\n", encoding="utf-8")
    (tmp_path / "unsided.csv").write_text(head + "2020-10-26,Hadrut,Aliyev,,captured\n", encoding="utf-8")
    (tmp_path / "u.yaml").write_text("Moon:\n  - Azerbaijan\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-c", code, str(tmp_path), str(tmp_path / "u.yaml")],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr


@pytest.mark.parametrize("pattern,why", [
    (r"(a+)+$", "a repeat inside a repeat"),
    (r"(\w+\s?)+Ministry", "a repeat inside a repeat"),
    (r"(a|ab)*c", "an alternation inside a repeat"),
    (r"(?:x(Aliyev|Aliev))+", "an alternation inside a repeat"),
    (r".*a.*b.*c", "more than 2 unbounded repeats"),
    (r"(Aliyev)\1", "a back-reference"),
    (r"(a++)+c", "a repeat inside a repeat"),  # possessive inside
    (r"(?:a{1,2})+c", "a repeat inside a repeat"),  # a bounded repeat of two inside
    (r"(?:x|xy){2,9}z", "an alternation inside a repeat"),  # inside a bounded repeat
    (r"(?:a|(b+)+)", "a repeat inside a repeat"),  # inside a branch
    (r"(?=(a+)+)b", "a repeat inside a repeat"),  # inside a look-ahead
    (r"(?:(?=a+)b)+", "a repeat inside a repeat"),  # a look-ahead's inside a repeat
])
def test_a_registry_pattern_that_can_backtrack_exponentially_is_refused_naming_why(tmp_path, pattern, why):
    # A user's pattern is code run on every claimant: one that backtracks without bound is refused.
    path = write(tmp_path, f"Moon:\n  - '{pattern}'\n", "r.yaml")
    with pytest.raises(LedgerError) as refused:
        ClaimantRegistry.load(path)
    message = str(refused.value)
    assert message.startswith(f"{path}: side 'Moon': pattern ") and f"holds {why}:" in message, message
    assert message.endswith(": on a crafted claimant it could run without bound; write it with no repeat, "
                            "alternation or back-reference inside a repeat and at most 2 of *, + or {n,}")


@pytest.mark.parametrize("pattern", [r"\bAliyev\b.*\b(Ministry|MoD)", r"(Ministry|MoD)?\s*Aliyev", r"Ali{1,3}yev",
                                     r"(?:Ali){1,2}yev", r"^Azerbaijan\b.*Aliyev",
                                     r"^Azerbaijan\b.*MoD.*Aliyev"])  # two unbounded repeats: the most taken
def test_a_registry_pattern_of_plain_repeats_and_alternations_is_taken(tmp_path, pattern):
    reg = ClaimantRegistry.load(write(tmp_path, f"Moon:\n  - '{pattern}'\n", "r.yaml"))
    assert reg.side_of("Azerbaijan MoD, Aliyev" if "Ministry" not in pattern else "Aliyev MoD") == "Moon"


def test_a_claimant_is_matched_on_its_first_300_characters():
    reg = ClaimantRegistry.load()
    assert reg.side_of("Aliyev" + " of the republic" * 40) == "Azerbaijan"
    assert reg.side_of("x" * 300 + " Aliyev") is None
    assert reg.side_of("x" * 293 + " Aliyev") == "Azerbaijan"


def test_a_registry_made_from_rules_holds_those_rules_alone():
    import re

    reg = ClaimantRegistry([(re.compile("moon", re.IGNORECASE), "Moon")])
    assert reg.side_of("Aliyev") is None and reg.side_of("The Moon Office") == "Moon"
    assert len(reg.rules) == 1

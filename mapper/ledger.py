"""Reading and validating a ledger of dated, sourced claims (CSV, JSON or YAML)."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from itertools import chain, compress, repeat
from operator import attrgetter, itemgetter
from typing import Any, BinaryIO, NamedTuple

from gazetteer.csvfile import MAX_CELL, Table, decode, read_bytes
from gazetteer.errors import InputError

from .errors import LedgerError
from .yamltext import load_json, load_yaml

__all__ = ["CLAIMS", "STATUSES", "Claim", "Event", "Problem", "Ledger", "read_ledger", "read_events",
           "ClaimantRegistry"]

CLAIMS = ("captured", "holds", "withdrew", "denies", "attacked", "casualties", "violation", "other")
STATUSES = ("published", "deleted", "reposted", "retracted", "draft")  # draft: from `mapper draft`, not yet reviewed
REQUIRED = ("date", "place", "claimant", "claim")
OPTIONAL = ("id", "near", "side", "source", "url", "quote", "status", "lat", "lon", "notes", "count", "unit")
_ISO_HINT = "an ISO 8601 date (2020-10-26) or date-time with UTC offset (2020-10-26T08:02+04:00)"
DEFAULT_CLAIMANTS = Path(__file__).parent / "examples" / "claimants.yaml"
#: Dates a ledger may hold: room on either side for the windows the analysis
#: opens around a claim, and for any UTC offset.
EARLIEST, LATEST = dt.date(1000, 1, 1), dt.date(8999, 12, 31)
FORMATS = ("csv", "json", "yaml")

Source = str | os.PathLike | BinaryIO


@dataclass(frozen=True)
class Problem:
    path: str
    row: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}" + (f": row {self.row}" if self.row is not None else "") + (
            f": field {self.field!r}" if self.field else "")
        return f"{where}: {self.message}"


class Claim(NamedTuple):
    """One row of a ledger. A tuple, like the gazetteer's names: a ledger holds
    tens of thousands, and a frozen dataclass takes five times as long to make."""

    id: str
    row: int
    date: str  # as written, normalised to ISO
    day: dt.date  # the local date the source gives
    when: dt.datetime  # for ordering (UTC; a bare date counts as its noon UTC)
    place: str
    claimant: str
    claim: str
    side: str
    near: str | None = None
    source: str | None = None
    url: str | None = None
    quote: str | None = None
    status: str = "published"
    lat: float | None = None
    lon: float | None = None
    notes: str | None = None
    #: A number the claim states (killed, positions taken, km²...), in ``unit``.
    count: float | None = None
    unit: str | None = None


@dataclass(frozen=True)
class Event:
    name: str
    start: dt.date
    end: dt.date | None
    notes: str | None = None


@dataclass
class Ledger:
    path: str
    claims: list[Claim]
    problems: list[Problem] = field(default_factory=list)
    #: Rows read (blank ones aside): each became a claim or failed with one problem or more.
    rows_read: int = 0

    @property
    def rows_failed(self) -> int:
        return len({p.row for p in self.problems})


class ClaimantRegistry:
    """Which side a claimant speaks for, by patterns matched on the claimant's name.

    The bundled registry knows the main official voices of 2020; users add
    their own with a YAML file mapping a side to a list of patterns
    (case-insensitive regular expressions, matched anywhere in the name).
    """

    def __init__(self, rules: list[tuple[re.Pattern[str], str]], *, bundled: bool = False) -> None:
        self._given = rules
        # The bundled rules are read when a claim first needs its side found: a ledger that names
        # every claim's side never parses them, nor imports a YAML parser.
        self._rules = None if bundled else rules

    @property
    def rules(self) -> list[tuple[re.Pattern[str], str]]:
        if self._rules is None:
            self._rules = self._given + _registry_rules(DEFAULT_CLAIMANTS)
        return self._rules

    @classmethod
    def load(cls, *paths: Source) -> ClaimantRegistry:
        """The rules of ``paths`` (the last given first), then the bundled ones: a user's rule wins."""
        rules: list[tuple[re.Pattern[str], str]] = []
        for path in reversed(paths):
            rules += _registry_rules(path)
        return cls(rules, bundled=True)

    def side_of(self, claimant: str) -> str | None:
        claimant = claimant[:CLAIMANT_SEARCHED]  # with _pattern_cost, each search is bounded
        for pattern, side in self.rules:
            if pattern.search(claimant):
                return side
        return None


#: The claimant text a registry's patterns are matched on: a name, a title and a channel.
CLAIMANT_SEARCHED = 300
#: Unbounded repeats (``*``, ``+``, ``{n,}``) a pattern may hold one after another.
_MAX_OPEN_REPEATS = 2


def _pattern_cost(pattern: str) -> str | None:
    """Why a claimant pattern could take more than polynomial time, or None.

    A pattern from a user's file is code run on every claimant of a ledger: a repeat
    inside a repeat, or an alternation inside one (``(a+)+``, ``(a|ab)*``), backtracks
    exponentially on a crafted name; a few repeats in a row take polynomial time, kept
    small by their number and the length searched (CLAIMANT_SEARCHED)."""
    import re._constants as op
    import re._parser as parser

    repeats = (op.MAX_REPEAT, op.MIN_REPEAT, getattr(op, "POSSESSIVE_REPEAT", op.MAX_REPEAT))
    open_repeats = 0

    def walk(items, inside: bool) -> str | None:
        nonlocal open_repeats
        for kind, value in items:
            if kind in repeats:
                low, high, body = value
                many = high is op.MAXREPEAT or high > 1
                if many and inside:
                    return "a repeat inside a repeat"
                if high is op.MAXREPEAT:
                    open_repeats += 1
                found = walk(body, inside or many)
            elif kind is op.SUBPATTERN:
                found = walk(value[-1], inside)
            elif kind is op.BRANCH and inside:
                found = "an alternation inside a repeat"
            elif kind is op.BRANCH:
                found = next(filter(None, (walk(branch, inside) for branch in value[1])), None)
            elif kind in (op.ASSERT, op.ASSERT_NOT):
                found = walk(value[1], inside)
            elif kind is op.GROUPREF or kind is op.GROUPREF_EXISTS:
                found = "a back-reference"
            else:
                found = None
            if found:
                return found
        return None

    found = walk(parser.parse(pattern), False)
    if found is None and open_repeats > _MAX_OPEN_REPEATS:
        found = f"more than {_MAX_OPEN_REPEATS} unbounded repeats"
    return found


def _registry_rules(path: Source) -> list[tuple[re.Pattern[str], str]]:
    text, label = _read_text(path)
    doc = load_yaml(text, label=label) or {}
    if not isinstance(doc, dict) or not all(isinstance(v, list) for v in doc.values()):
        raise LedgerError(f"{label}: a claimant registry maps each side to a list of patterns")
    rules = []
    for side, patterns in doc.items():
        for pattern in patterns:
            try:
                rules.append((re.compile(str(pattern), re.IGNORECASE), str(side)))
                cost = _pattern_cost(str(pattern))
            except (re.error, RecursionError, OverflowError) as exc:
                raise LedgerError(f"{label}: side {side!r}: bad pattern {pattern!r}: {exc}") from None
            if cost:
                raise LedgerError(f"{label}: side {side!r}: pattern {pattern!r} holds {cost}: on a crafted "
                                  "claimant it could run without bound; write it with no repeat, alternation "
                                  f"or back-reference inside a repeat and at most {_MAX_OPEN_REPEATS} of "
                                  "*, + or {n,}")
    return rules


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def parse_when(value: str) -> tuple[str, dt.date, dt.datetime]:
    """(normalised text, local date, UTC instant) of a ledger date.

    Raises ValueError, whose message says what is wrong when the text is a
    date but not one a ledger can hold."""
    text = value.strip()
    if _DAY.fullmatch(text):
        day = dt.date.fromisoformat(text)
        stamp = dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.timezone.utc)
    else:
        stamp = dt.datetime.fromisoformat(text)  # Python 3.11 reads a trailing Z as UTC
        if stamp.tzinfo is None:
            raise ValueError("a date-time needs a UTC offset")
        day = stamp.date()
        text = stamp.isoformat(timespec="minutes")
    if not EARLIEST <= day <= LATEST:
        raise ValueError(f"{text} is outside the dates a ledger holds ({EARLIEST} to {LATEST})")
    return text, day, stamp.astimezone(dt.timezone.utc)


def _is_frame(source: object) -> bool:
    # Duck-typed: pandas is imported only by those who hand us a DataFrame.
    return hasattr(source, "to_csv") and hasattr(source, "columns") and hasattr(source, "dtypes")


def _frame_as_csv(frame: Any) -> io.BytesIO:
    """A DataFrame as the CSV a spreadsheet would export, so that it is
    checked by the same rules, row numbers and all (the header is row 1).

    pandas writes a date column as ISO text itself: midnight-only naive dates
    as days, zoned times with their offset (and seconds), a naive time of day
    as it is, refused like any date-time without an offset; a missing one empty.
    """
    data = io.BytesIO(frame.to_csv(index=False, lineterminator="\n").encode("utf-8"))
    data.name = "<DataFrame>"
    return data


def _read_text(source: Source) -> tuple[str, str]:
    """(text, label) of a path or binary file, as a LedgerError when it cannot be read."""
    try:
        data, label = read_bytes(source)
        return decode(data, label), label
    except InputError as exc:
        raise LedgerError(str(exc)) from None


def _format(label: str, text: str, fmt: str | None) -> str:
    if fmt is not None:
        if fmt not in FORMATS:
            raise LedgerError(f"{label}: unknown format {fmt!r}; use {', '.join(FORMATS)}")
        return fmt
    suffix = Path(label).suffix.lower()
    if suffix in (".json",):
        return "json"
    if suffix in (".yaml", ".yml"):
        return "yaml"
    if suffix in (".csv", ".tsv", ".txt"):
        return "csv"
    if label.startswith("<") or label.lower().startswith(("http://", "https://")):
        # Standard input or a download: tell by the first characters.
        head = text.lstrip()[:40]
        if head[:1] in "[{":
            return "json"
        if head.startswith(("---", "- ", "claims:")):
            return "yaml"
        return "csv"
    raise LedgerError(f"{label}: unknown ledger format {suffix!r}; use .csv, .json or .yaml")


def _doc_rows(text: str, label: str, kind: str) -> list[tuple[int, dict[str, Any]]]:
    """The rows of a JSON or YAML ledger, keys as the CSV header's are: trimmed and lower case."""
    doc = load_json(text, label=label) if kind == "json" else load_yaml(text, label=label)
    if isinstance(doc, dict):
        doc = doc.get("claims")
    if not isinstance(doc, list):
        raise LedgerError(f"{label}: expected a list of claims (or a mapping with 'claims')")
    return [(i, {str(k).strip().lower(): v for k, v in row.items()} if isinstance(row, dict) else
             {"__bad__": f"not a claim (a mapping of fields): {row!r}"[:200]})
            for i, row in enumerate(doc, 1)]


def _table(text: str, label: str, required: tuple[str, ...], optional: tuple[str, ...]) -> tuple[Table, list[str]]:
    """A CSV text's strict reader and its header (trimmed, lower case), checked for the columns."""
    try:
        table = Table(text, label=label)
    except InputError as exc:
        raise LedgerError(str(exc)) from None
    header = [h.strip().lower() for h in table.header]
    if not any(header):
        raise LedgerError(f"{label}: empty file; expected a header row with {', '.join(required)}")
    missing = [c for c in required if c not in header]
    if missing:
        raise LedgerError(f"{label}: row 1: missing column(s) {', '.join(missing)}; this file needs "
                          f"{', '.join(required)} and may have {', '.join(optional)}")
    twice = sorted({h for h in header if h and header.count(h) > 1})
    if twice:
        raise LedgerError(f"{label}: row 1: column(s) {', '.join(map(repr, twice))} appear twice; "
                          "keep one of each")
    return table, header


def _rows(source: Source, required: tuple[str, ...] = REQUIRED, optional: tuple[str, ...] = OPTIONAL,
          fmt: str | None = None) -> tuple[str, list[tuple[int, dict[str, Any]]]]:
    """(label, [(row number, fields)]) for each non-blank row of a CSV, TSV, JSON or YAML source;
    a row that cannot be read carries its reason in ``__bad__``."""
    text, label = _read_text(source)
    kind = _format(label, text, fmt)
    if kind != "csv":
        return label, _doc_rows(text, label, kind)
    table, header = _table(text, label, required, optional)
    out = []
    for row in table.rows():
        if row.error:
            out.append((row.number, {"__bad__": row.error}))
        elif row.cells[0].strip() or any(map(str.strip, row.cells)):
            out.append((row.number, dict(zip(header, row.cells))))
    return label, out


#: Thousands separators and decimal commas read differently in every locale:
#: a count is digits with at most one decimal point, so "1,500" is never 1.5.
_COUNT = re.compile(r"[+]?(\d+(\.\d*)?|\.\d+)([eE][+]?\d+)?", re.ASCII)
#: Far above any toll or area a claim states; keeps sums exact in a float.
MAX_COUNT = 1e12


def parse_count(value: Any) -> float | None:
    """A claim's ``count``: a number of 0 or more, or None when empty; ValueError saying what is valid."""
    if value is None:
        return None
    if isinstance(value, bool):  # YAML's yes/no: a number to Python, not to a reader
        raise ValueError(f"{value!r} is not a number")
    if isinstance(value, (int, float)):
        try:
            number = float(value)
        except OverflowError:
            raise ValueError(f"{str(value)[:40]}... is out of range") from None
    else:
        text = str(value).strip()
        if not text:
            return None
        if not _COUNT.fullmatch(text):
            raise ValueError(f"{text[:100]!r} is not a number")
        number = float(text)
    if not 0 <= number <= MAX_COUNT:  # also refuses nan
        raise ValueError(f"{number!r} is out of range")
    return number


def _text(value: Any) -> str | None:
    if type(value) is str:  # every CSV cell: the common case first
        return value.strip() or None
    if value is None:
        return None
    return str(value).strip() or None


# The rules for a cell, one function each, read by both ledger readers (row by row and column by
# column), so that a rule changed here changes both: a reader that disagreed would send every row
# the column reader thinks wrong to the row checker, silently slowing, or pass rows it should not.

def _kind_of(cell: Any) -> str | None:
    """A ``claim`` cell's kind, or None when it is not one of ``CLAIMS``."""
    kind = str(cell).strip().lower()
    return kind if kind in CLAIMS else None


def _status_of(cell: Any) -> str | None:
    """A ``status`` cell's status (``published`` when empty), or None when it is not one of ``STATUSES``."""
    status = (_text(cell) or "published").lower()
    return status if status in STATUSES else None


_NOWHERE = (None, None)


def _position(lat_v: Any, lon_v: Any) -> tuple[float | None, float | None] | None:
    """``(lat, lon)`` in decimal degrees, ``(None, None)`` when both cells are empty, or None when
    either is not a number in range."""
    if not (_text(lat_v) or _text(lon_v)):
        return _NOWHERE
    try:
        lat, lon = float(lat_v), float(lon_v)
    except (TypeError, ValueError):
        return None
    return (lat, lon) if -90 <= lat <= 90 and -180 <= lon <= 180 else None  # also refuses nan


#: A ledger's columns in the order ``_records`` gives their values.
_COLUMNS = (*REQUIRED, *OPTIONAL)


def _read(source: Source, fmt: str | None) -> tuple[str, list[tuple[int, list[Any] | str]] | None,
                                                     tuple[list[list[str]], list[str]] | None]:
    """(label, rows, regular): for a CSV whose records are all whole and of the header's width,
    ``regular`` is (its records, its header) and ``rows`` None; else ``rows`` is
    [(row number, values in ``_COLUMNS`` order, None where absent)] for each non-blank row, a
    row that cannot be read being its reason instead of values."""
    text, label = _read_text(source)
    kind = _format(label, text, fmt)
    if kind != "csv":
        return label, [(n, row["__bad__"] if "__bad__" in row else [row.get(c) for c in _COLUMNS])
                       for n, row in _doc_rows(text, label, kind)], None
    # The header read from the first line alone, without copying the whole text for the strict
    # reader: a record read whole from it is the one the whole text starts with; a header the
    # line cannot hold (a quoted line break) or a bad one is read again from the whole text.
    try:
        table, header = _table(text[:text.find("\n") + 1] or text, label, REQUIRED, OPTIONAL)
    except LedgerError:
        table, header = _table(text, label, REQUIRED, OPTIONAL)
    records = _regular(text, table.delimiter, len(header))
    if records is not None:  # the common case: every record whole and of the header's width
        return label, None, (records, header)
    table, header = _table(text, label, REQUIRED, OPTIONAL)
    pick = _picker(header)
    out: list[tuple[int, list[Any] | str]] = []
    for row in table.rows():  # the strict reader names what is wrong with each bad row
        if row.error:
            out.append((row.number, row.error))
        elif row.cells[0].strip() or any(map(str.strip, row.cells)):
            out.append((row.number, pick([*row.cells, None])))
    return label, out, None


def _picker(header: list[str]):
    """A row's values in ``_COLUMNS`` order from its cells with a None appended (for absent columns)."""
    return itemgetter(*(header.index(c) if c in header else len(header) for c in _COLUMNS))


def _rows_of(records: list[list[str]], header: list[str]) -> list[tuple[int, tuple]]:
    """``_read``'s rows of regular records."""
    pick = _picker(header)
    out = []
    for number, cells in enumerate(records, 2):
        if cells and (cells[0].strip() or any(map(str.strip, cells))):
            out.append((number, pick([*cells, None])))
    return out


def _stripped(column: tuple[str, ...], *, shared: bool) -> list[str | None]:
    """Each cell trimmed, None when empty. ``shared``: each distinct cell is trimmed once and
    equal cells become one string (a claimant's name on 10,000 claims is one object, which every
    later pass over the claims finds in the processor's cache)."""
    if not shared:
        return [text or None for text in map(str.strip, column)]
    done = dict.fromkeys(column)
    for cell in done:
        done[cell] = cell.strip() or None
    return list(map(done.__getitem__, column))


def _by_column(checker: _Checker, records: list[list[str]], header: list[str]
               ) -> tuple[list[Claim], list[Problem], int] | None:
    """The claims, problems and number of non-blank rows of a regular CSV, read column by column:
    each distinct cell checked once and the claims made in C. A row that some column finds wrong
    (or blank) is checked by ``_Checker.check`` itself, so that its problems are the ones a
    reader row by row gives; None (read it row by row) if such a row turns out right."""
    if [] in records:  # blank lines keep their number
        numbers = [n for n, cells in enumerate(records, 2) if cells]
        records = [cells for cells in records if cells]
    else:
        numbers = list(range(2, len(records) + 2))
    n = len(records)
    if not n:
        return [], [], 0
    cells = list(zip(*records))

    def column(name: str) -> tuple[str, ...] | None:
        return cells[header.index(name)] if name in header else None

    suspect: set[int] = set()

    def flag(values: list[Any], bad: Any) -> None:
        if bad in values:
            suspect.update(i for i, v in enumerate(values) if v is bad)

    places_raw = column("place")
    places = _stripped(places_raw, shared=True)
    flag(places, None)
    claimants = _stripped(column("claimant"), shared=True)
    flag(claimants, None)
    whens = {cell: checker.when(cell) if cell.strip() else "" for cell in dict.fromkeys(column("date"))}
    parsed = list(map(whens.__getitem__, column("date")))
    if any(type(p) is str for p in whens.values()):
        suspect.update(i for i, p in enumerate(parsed) if type(p) is str)
    kinds = {cell: _kind_of(cell) for cell in dict.fromkeys(column("claim"))}
    claim_kinds = list(map(kinds.__getitem__, column("claim")))
    flag(claim_kinds, None)
    status_cells = column("status")
    if status_cells is None:
        statuses = ["published"] * n
    else:
        known = {cell: _status_of(cell) for cell in dict.fromkeys(status_cells)}
        statuses = list(map(known.__getitem__, status_cells))
        flag(statuses, None)
    lats, lons = [None] * n, [None] * n
    lat_cells, lon_cells = column("lat"), column("lon")
    if lat_cells is not None or lon_cells is not None:
        lat_cells, lon_cells = lat_cells or ("",) * n, lon_cells or ("",) * n
        for i, (lat_v, lon_v) in enumerate(zip(lat_cells, lon_cells)):
            if lat_v or lon_v:
                where = _position(lat_v, lon_v)
                if where is None:
                    suspect.add(i)
                else:
                    lats[i], lons[i] = where
    count_cells = column("count")
    if count_cells is None:
        counts = [None] * n
    else:
        numbers_of = {cell: checker.count(cell) for cell in dict.fromkeys(count_cells)}
        counts = list(map(numbers_of.__getitem__, count_cells))
        if any(type(c) is str for c in numbers_of.values()):
            suspect.update(i for i, c in enumerate(counts) if type(c) is str)
    side_cells = column("side")
    sides = _stripped(side_cells, shared=True) if side_cells is not None else [None] * n
    if None in sides:
        for i, (side, claimant) in enumerate(zip(sides, claimants)):
            if side is None and claimant is not None:
                sides[i] = checker.side_of(claimant)
        flag(sides, None)

    def optional(name: str, shared: bool) -> list[str | None]:
        found = column(name)
        return [None] * n if found is None else _stripped(found, shared=shared)

    ids, nears, sources, urls = (optional("id", False), optional("near", True), optional("source", True),
                                 optional("url", False))
    quotes, notes, units = optional("quote", False), optional("notes", True), optional("unit", True)
    problems: list[Problem] = []
    keep = [True] * n
    blank = 0
    if suspect:
        pick = _picker(header)
        for i in sorted(suspect):
            row = records[i]
            if not (row[0].strip() or any(map(str.strip, row))):
                keep[i] = False
                blank += 1
                continue
            found = checker.check(numbers[i], pick([*row, None]))
            if type(found) is not list:
                return None  # a row this reader thought wrong is right: read row by row
            problems += found
            keep[i] = False
    days_of = [p if type(p) is tuple else (None, None, None) for p in parsed] if suspect else parsed
    date_texts, days, instants = (list(c) for c in zip(*days_of))
    columns = [ids, numbers, date_texts, days, instants, places, claimants, claim_kinds, sides, nears, sources,
               urls, quotes, statuses, lats, lons, notes, counts, units]
    if suspect:
        columns = [list(compress(c, keep)) for c in columns]
        places_raw = list(compress(places_raw, keep))
    ids = columns[0]
    if None in ids or len(set(ids)) < len(ids):  # ids to make, or one given twice: row by row
        taker = _Ids(checker.path, id_problems := [])
        keep = []
        for i, (row_no, date_text, place, claimant, claim, place_v) in enumerate(zip(
                columns[1], columns[2], columns[5], columns[6], columns[7], places_raw)):
            cid = taker.take(row_no, (ids[i], date_text, None, None, place, claimant, claim, place_v))
            ids[i] = cid
            keep.append(cid is not None)
        if id_problems:
            columns = [list(compress(c, keep)) for c in columns]
            problems = sorted(problems + id_problems, key=attrgetter("row"))
    claims = list(map(tuple.__new__, repeat(Claim), zip(*columns)))
    return claims, problems, n - blank


def _regular(text: str, delimiter: str, width: int) -> list[list[str]] | None:
    """Every record after the header, when all are valid CSV, of ``width`` cells
    (or blank) and no cell too long for a spreadsheet; else None."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        next(reader, None)
        records = list(reader)
    except csv.Error:
        return None
    # Checked in C over all records at once: widths, then (in a text that could hold one) a long cell.
    if not set(map(len, records)) <= {width, 0}:
        return None
    if MAX_CELL < len(text) and max(map(len, chain.from_iterable(records)), default=0) > MAX_CELL:
        return None
    return records


def read_ledger(source: Source, *, claimants: ClaimantRegistry | None = None,
                strict: bool = False, format: str | None = None) -> Ledger:
    """Read a ledger from a path, a binary file object or a pandas DataFrame; bad rows become Problems
    (or, with ``strict``, one LedgerError).

    The format comes from the file name's suffix, else ``format`` (csv, json,
    yaml), else the first characters (standard input).
    """
    if _is_frame(source):
        source, format = _frame_as_csv(source), "csv"
    registry = claimants or ClaimantRegistry.load()
    path, rows, regular = _read(source, format)
    checker = _Checker(path, registry)
    done = _by_column(checker, *regular) if regular is not None else None
    if done is not None:
        claims, problems, rows_read = done
    else:
        if rows is None:
            rows = _rows_of(*regular)
        claims, problems = _by_row(checker, rows)
        rows_read = len(rows)
    if strict and problems:
        raise LedgerError(f"{path}: {len(problems)} bad row(s); first: {problems[0]}", problems)
    claims.sort(key=_row_order)
    return Ledger(path=path, claims=claims, problems=problems, rows_read=rows_read)


class _Checker:
    """A row's cells checked and made a claim's fields. A ledger repeats its dates,
    claimants, kinds, statuses and counts thousands of times: each distinct cell is
    checked once."""

    def __init__(self, path: str, registry: ClaimantRegistry) -> None:
        self.path, self.registry = path, registry
        self.whens: dict[Any, tuple[str, dt.date, dt.datetime] | str] = {}
        self.sides: dict[str, str | None] = {}
        self.kinds: dict[Any, str | None] = {}
        self.statuses: dict[Any, str | None] = {}
        self.counts: dict[Any, float | None | str] = {}

    def when(self, date_v: Any) -> tuple[str, dt.date, dt.datetime] | str:
        """(text, day, instant) of a date cell, or what is wrong with it."""
        key = date_v if type(date_v) is str else str(date_v)
        parsed = self.whens.get(key)
        if parsed is None:
            try:
                parsed = parse_when(key)
            except ValueError as exc:
                parsed = str(exc) if "outside" in str(exc) else f"{key[:100]!r} is not {_ISO_HINT}"
            self.whens[key] = parsed
        return parsed

    def count(self, count_v: Any) -> float | None | str:
        """A count cell's number, None, or what is wrong with it."""
        if count_v is None or count_v == "":
            return None
        count = self.counts.get(count_v) if type(count_v) is str else None
        if count is None:
            try:
                count = parse_count(count_v)
            except ValueError as exc:
                count = (f"{exc}: give a number of 0 or more (12, 3.5), digits only, without thousands "
                         "separators or a unit (the unit goes in 'unit')")
            if type(count_v) is str:
                self.counts[count_v] = count
        return count

    def side_of(self, claimant: str) -> str | None:
        if claimant not in self.sides:
            self.sides[claimant] = self.registry.side_of(claimant)
        return self.sides[claimant]

    def check(self, row_no: int, values: list[Any] | tuple) -> tuple | list[Problem]:
        """A row's values in ``_COLUMNS`` order as the claim's fields from ``date`` on, with its id
        cell first (``(id or None, date, day, when, place, claimant, claim, side, near, ...)``,
        the place as written last), or the row's problems."""
        path = self.path
        (date_v, place_v, claimant_v, claim_v, id_v, near_v, side_v, source_v, url_v, quote_v, status_v, lat_v,
         lon_v, notes_v, count_v, unit_v) = values
        if not (_text(date_v) and _text(place_v) and _text(claimant_v) and _text(claim_v)):
            return [Problem(path, row_no, col, f"is empty; every claim needs {', '.join(REQUIRED)}")
                    for col, value in zip(REQUIRED, values) if not _text(value)]
        parsed = self.when(date_v)
        if type(parsed) is str:
            return [Problem(path, row_no, "date", parsed)]
        date_text, day, when = parsed
        claim = self.kinds.get(claim_v) if type(claim_v) is str else None
        if claim is None:
            claim = _kind_of(claim_v)
            if claim is None:
                return [Problem(path, row_no, "claim", f"{claim_v!r} is not one of {', '.join(CLAIMS)}")]
            if type(claim_v) is str:
                self.kinds[claim_v] = claim
        status = self.statuses.get(status_v) if type(status_v) is str or status_v is None else None
        if status is None:
            status = _status_of(status_v)
            if status is None:
                return [Problem(path, row_no, "status", f"{status_v!r} is not one of {', '.join(STATUSES)}")]
            if type(status_v) is str or status_v is None:
                self.statuses[status_v] = status
        where = _position(lat_v, lon_v)
        if where is None:
            return [Problem(path, row_no, "lat", f"lat {lat_v!r} / lon {lon_v!r}: give both, as decimal "
                                                 "degrees (lat -90..90, lon -180..180)")]
        lat, lon = where
        count = self.count(count_v)
        if type(count) is str:
            return [Problem(path, row_no, "count", count)]
        claimant = str(claimant_v).strip()
        side = _text(side_v)
        if side is None:
            side = self.side_of(claimant)
        if side is None:
            return [Problem(path, row_no, "side", f"no side given and claimant {claimant!r} is not in the "
                            "claimant registry; add a 'side' column or a registry entry (--claimants)")]
        return (_text(id_v), date_text, day, when, str(place_v).strip(), claimant, claim, side, _text(near_v),
                _text(source_v), _text(url_v), _text(quote_v), status, lat, lon, _text(notes_v), count,
                _text(unit_v), place_v)


def _by_row(checker: _Checker, rows: list[tuple[int, list[Any] | str]]) -> tuple[list[Claim], list[Problem]]:
    """The claims and problems of rows read one by one (a JSON or YAML ledger, or a CSV with a bad record)."""
    claims: list[Claim] = []
    problems: list[Problem] = []
    ids = _Ids(checker.path, problems)
    for row_no, values in rows:
        if type(values) is str:
            problems.append(Problem(checker.path, row_no, None, values))
            continue
        fields = checker.check(row_no, values)
        if type(fields) is list:
            problems += fields
            continue
        cid = ids.take(row_no, fields)
        if cid is not None:
            # Positional: a named tuple made from keywords takes half as long again.
            claims.append(Claim(cid, row_no, *fields[1:-1]))
    return claims, problems


class _Ids:
    """Each claim's id, given or made from the claim itself, checked unique in row order."""

    def __init__(self, path: str, problems: list[Problem]) -> None:
        self.path, self.problems = path, problems
        self.seen: dict[str, int] = {}

    def take(self, row_no: int, fields: tuple) -> str | None:
        """The id of a row that passed every other check (``_Checker.check``'s fields), or None
        with a problem when another row has it."""
        seen = self.seen
        cid = fields[0]
        if cid is None:
            date_text, claimant, claim, place_v = fields[1], fields[5], fields[6], fields[-1]
            # Stable across edits elsewhere in the sheet: made from the claim
            # itself; a second identical claim (a repost) gets a suffix.
            digest = hashlib.sha1(f"{date_text}|{place_v}|{claimant}|{claim}".encode()).hexdigest()
            cid = base = f"c-{digest[:10]}"
            n = 1
            while cid in seen:
                n += 1
                cid = f"{base}-{n}"
        if cid in seen:
            self.problems.append(Problem(self.path, row_no, "id", f"{cid!r} is also the id of row {seen[cid]}; "
                                        "ids must be unique"))
            return None
        seen[cid] = row_no
        return cid


_row_order = attrgetter("when", "row")


def read_events(source: Source, *, format: str | None = None) -> list[Event]:
    """Events (ceasefires and the like): CSV/JSON/YAML rows with name, start, optional end and notes."""
    events = []
    problems = []
    path, rows = _rows(source, required=("name", "start"), optional=("end", "notes"), fmt=format)
    for row_no, raw in rows:
        if "__bad__" in raw:
            problems.append(Problem(path, row_no, None, raw["__bad__"]))
            continue
        row = {str(k).strip().lower(): v for k, v in raw.items()}
        name = _text(row.get("name"))
        if not name:
            problems.append(Problem(path, row_no, "name", "is empty; an event needs name and start"))
            continue
        try:
            start = parse_when(str(row.get("start") or ""))[1]
            end = parse_when(str(row["end"]))[1] if _text(row.get("end")) else None
        except ValueError as exc:
            problems.append(Problem(path, row_no, "start", str(exc) if "outside" in str(exc)
                                    else f"start/end must be {_ISO_HINT}"))
            continue
        events.append(Event(name=name, start=start, end=end, notes=_text(row.get("notes"))))
    if problems:
        raise LedgerError(f"{path}: {len(problems)} bad event row(s); first: {problems[0]}", problems)
    return sorted(events, key=lambda e: (e.start, e.name))

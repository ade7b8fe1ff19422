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

    def __init__(self, rules: list[tuple[re.Pattern[str], str]]) -> None:
        self.rules = rules

    @classmethod
    def load(cls, *paths: Source) -> ClaimantRegistry:
        rules: list[tuple[re.Pattern[str], str]] = []
        # User files come first so that they can override the bundled rules.
        for path in reversed((DEFAULT_CLAIMANTS, *paths)):
            text, label = _read_text(path)
            doc = load_yaml(text, label=label) or {}
            if not isinstance(doc, dict) or not all(isinstance(v, list) for v in doc.values()):
                raise LedgerError(f"{label}: a claimant registry maps each side to a list of patterns")
            for side, patterns in doc.items():
                for pattern in patterns:
                    try:
                        rules.append((re.compile(str(pattern), re.IGNORECASE), str(side)))
                    except (re.error, RecursionError, OverflowError) as exc:
                        raise LedgerError(f"{label}: side {side!r}: bad pattern {pattern!r}: {exc}") from None
        return cls(rules)

    def side_of(self, claimant: str) -> str | None:
        for pattern, side in self.rules:
            if pattern.search(claimant):
                return side
        return None


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


#: A ledger's columns in the order ``_records`` gives their values.
_COLUMNS = (*REQUIRED, *OPTIONAL)


def _records(source: Source, fmt: str | None) -> tuple[str, list[tuple[int, list[Any] | str]]]:
    """(label, [(row number, values in ``_COLUMNS`` order, None where absent)]) for each
    non-blank row; a row that cannot be read is its reason instead of values."""
    text, label = _read_text(source)
    kind = _format(label, text, fmt)
    if kind != "csv":
        return label, [(n, row["__bad__"] if "__bad__" in row else [row.get(c) for c in _COLUMNS])
                       for n, row in _doc_rows(text, label, kind)]
    table, header = _table(text, label, REQUIRED, OPTIONAL)
    width = len(header)
    # A cell's place in the row, or ``width``: the None appended to every row.
    pick = itemgetter(*(header.index(c) if c in header else width for c in _COLUMNS))
    out: list[tuple[int, list[Any] | str]] = []
    cells_of = _regular(text, table.delimiter, width)
    if cells_of is not None:  # the common case: every record whole and of the header's width
        for number, cells in enumerate(cells_of, 2):
            if cells and (cells[0].strip() or any(map(str.strip, cells))):
                cells.append(None)
                out.append((number, pick(cells)))
        return label, out
    for row in table.rows():  # the strict reader names what is wrong with each bad row
        if row.error:
            out.append((row.number, row.error))
        elif row.cells[0].strip() or any(map(str.strip, row.cells)):
            out.append((row.number, pick([*row.cells, None])))
    return label, out


def _regular(text: str, delimiter: str, width: int) -> list[list[str]] | None:
    """Every record after the header, when all are valid CSV, of ``width`` cells
    (or blank) and no cell too long for a spreadsheet; else None."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        next(reader, None)
        records = list(reader)
    except csv.Error:
        return None
    long = MAX_CELL < len(text)
    for cells in records:
        if cells and (len(cells) != width or (long and max(map(len, cells)) > MAX_CELL)):
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
    claims: list[Claim] = []
    problems: list[Problem] = []
    seen_ids: dict[str, int] = {}
    path, rows = _records(source, format)
    # A ledger repeats its dates, claimants, kinds, statuses and counts
    # thousands of times: each distinct cell is checked once.
    whens: dict[Any, tuple[str, dt.date, dt.datetime] | str] = {}
    sides: dict[str, str | None] = {}
    kinds: dict[Any, str | None] = {}
    statuses: dict[Any, str | None] = {}
    counts: dict[Any, float | None | str] = {}
    for row_no, values in rows:
        if type(values) is str:
            problems.append(Problem(path, row_no, None, values))
            continue
        (date_v, place_v, claimant_v, claim_v, id_v, near_v, side_v, source_v, url_v, quote_v, status_v, lat_v,
         lon_v, notes_v, count_v, unit_v) = values
        if not (_text(date_v) and _text(place_v) and _text(claimant_v) and _text(claim_v)):
            for col, value in zip(REQUIRED, values):
                if not _text(value):
                    problems.append(Problem(path, row_no, col, f"is empty; every claim needs {', '.join(REQUIRED)}"))
            continue
        key = date_v if type(date_v) is str else str(date_v)
        parsed = whens.get(key)
        if parsed is None:
            try:
                parsed = parse_when(key)
            except ValueError as exc:
                parsed = str(exc) if "outside" in str(exc) else f"{key[:100]!r} is not {_ISO_HINT}"
            whens[key] = parsed
        if type(parsed) is str:
            problems.append(Problem(path, row_no, "date", parsed))
            continue
        date_text, day, when = parsed
        claim = kinds.get(claim_v) if type(claim_v) is str else None
        if claim is None:
            claim = str(claim_v).strip().lower()
            if claim not in CLAIMS:
                problems.append(Problem(path, row_no, "claim", f"{claim_v!r} is not one of {', '.join(CLAIMS)}"))
                continue
            if type(claim_v) is str:
                kinds[claim_v] = claim
        status = statuses.get(status_v) if type(status_v) is str or status_v is None else None
        if status is None:
            status = (_text(status_v) or "published").lower()
            if status not in STATUSES:
                problems.append(Problem(path, row_no, "status", f"{status_v!r} is not one of {', '.join(STATUSES)}"))
                continue
            if type(status_v) is str or status_v is None:
                statuses[status_v] = status
        lat = lon = None
        if _text(lat_v) or _text(lon_v):
            try:
                lat, lon = float(lat_v), float(lon_v)
                if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                    raise ValueError
            except (TypeError, ValueError):
                problems.append(Problem(path, row_no, "lat", f"lat {lat_v!r} / lon {lon_v!r}: give both, as decimal "
                                                             "degrees (lat -90..90, lon -180..180)"))
                continue
        if count_v is None or count_v == "":
            count = None
        else:
            count = counts.get(count_v) if type(count_v) is str else None
            if count is None:
                try:
                    count = parse_count(count_v)
                except ValueError as exc:
                    count = (f"{exc}: give a number of 0 or more (12, 3.5), digits only, without thousands "
                             "separators or a unit (the unit goes in 'unit')")
                if type(count_v) is str:
                    counts[count_v] = count
            if type(count) is str:
                problems.append(Problem(path, row_no, "count", count))
                continue
        claimant = str(claimant_v).strip()
        side = _text(side_v)
        if side is None:
            if claimant not in sides:
                sides[claimant] = registry.side_of(claimant)
            side = sides[claimant]
        if side is None:
            problems.append(Problem(path, row_no, "side", f"no side given and claimant {claimant!r} is not in the "
                                    "claimant registry; add a 'side' column or a registry entry (--claimants)"))
            continue
        cid = _text(id_v)
        if cid is None:
            # Stable across edits elsewhere in the sheet: made from the claim
            # itself; a second identical claim (a repost) gets a suffix.
            digest = hashlib.sha1(f"{date_text}|{place_v}|{claimant}|{claim}".encode()).hexdigest()
            cid = base = f"c-{digest[:10]}"
            n = 1
            while cid in seen_ids:
                n += 1
                cid = f"{base}-{n}"
        if cid in seen_ids:
            problems.append(Problem(path, row_no, "id", f"{cid!r} is also the id of row {seen_ids[cid]}; "
                                    "ids must be unique"))
            continue
        seen_ids[cid] = row_no
        # Positional: a named tuple made from keywords takes half as long again.
        claims.append(Claim(cid, row_no, date_text, day, when, str(place_v).strip(), claimant, claim, side,
                            _text(near_v), _text(source_v), _text(url_v), _text(quote_v), status, lat, lon,
                            _text(notes_v), count, _text(unit_v)))
    if strict and problems:
        raise LedgerError(f"{path}: {len(problems)} bad row(s); first: {problems[0]}", problems)
    claims.sort(key=_row_order)
    return Ledger(path=path, claims=claims, problems=problems, rows_read=len(rows))


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

"""Reading and validating a ledger of dated, sourced claims (CSV, JSON or YAML)."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from gazetteer.csvfile import Table, decode, read_bytes
from gazetteer.errors import InputError

from .errors import LedgerError
from .yamltext import load_json, load_yaml

__all__ = ["CLAIMS", "STATUSES", "Claim", "Event", "Problem", "Ledger", "read_ledger", "read_events",
           "ClaimantRegistry"]

CLAIMS = ("captured", "holds", "withdrew", "denies", "attacked", "casualties", "violation", "other")
STATUSES = ("published", "deleted", "reposted", "retracted", "draft")  # draft: from `mapper draft`, not yet reviewed
REQUIRED = ("date", "place", "claimant", "claim")
OPTIONAL = ("id", "near", "side", "source", "url", "quote", "status", "lat", "lon", "notes")
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


@dataclass(frozen=True)
class Claim:
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


def parse_when(value: str) -> tuple[str, dt.date, dt.datetime]:
    """(normalised text, local date, UTC instant) of a ledger date.

    Raises ValueError, whose message says what is wrong when the text is a
    date but not one a ledger can hold."""
    text = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text, re.ASCII):
        day = dt.date.fromisoformat(text)
        stamp = dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.timezone.utc)
    else:
        stamp = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        if stamp.tzinfo is None:
            raise ValueError("a date-time needs a UTC offset")
        day = stamp.date()
        text = stamp.isoformat(timespec="minutes")
    if not EARLIEST <= day <= LATEST:
        raise ValueError(f"{text} is outside the dates a ledger holds ({EARLIEST} to {LATEST})")
    return text, day, stamp.astimezone(dt.timezone.utc)


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


def _rows(source: Source, required: tuple[str, ...] = REQUIRED, optional: tuple[str, ...] = OPTIONAL,
          fmt: str | None = None) -> tuple[str, list[tuple[int, dict[str, Any]]]]:
    """(label, [(row number, fields)]) for each non-blank row of a CSV, TSV, JSON or YAML source;
    a row that cannot be read carries its reason in ``__bad__``."""
    text, label = _read_text(source)
    kind = _format(label, text, fmt)
    if kind != "csv":
        doc = load_json(text, label=label) if kind == "json" else load_yaml(text, label=label)
        if isinstance(doc, dict):
            doc = doc.get("claims")
        if not isinstance(doc, list):
            raise LedgerError(f"{label}: expected a list of claims (or a mapping with 'claims')")
        return label, [(i, row if isinstance(row, dict) else
                        {"__bad__": f"not a claim (a mapping of fields): {row!r}"[:200]})
                       for i, row in enumerate(doc, 1)]
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
    out = []
    for row in table.rows():
        if row.error:
            out.append((row.number, {"__bad__": row.error}))
        elif any(cell.strip() for cell in row.cells):
            out.append((row.number, dict(zip(header, row.cells))))
    return label, out


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def read_ledger(source: Source, *, claimants: ClaimantRegistry | None = None,
                strict: bool = False, format: str | None = None) -> Ledger:
    """Read a ledger from a path or a binary file object; bad rows become Problems
    (or, with ``strict``, one LedgerError).

    The format comes from the file name's suffix, else ``format`` (csv, json,
    yaml), else the first characters (standard input).
    """
    registry = claimants or ClaimantRegistry.load()
    claims: list[Claim] = []
    problems: list[Problem] = []
    seen_ids: dict[str, int] = {}
    path, rows = _rows(source, fmt=format)
    for row_no, raw in rows:
        def bad(fld: str | None, msg: str, row_no: int = row_no) -> None:
            problems.append(Problem(path, row_no, fld, msg))

        if "__bad__" in raw:
            bad(None, raw["__bad__"])
            continue
        row = {str(k).strip().lower(): v for k, v in raw.items()}
        ok = True
        for col in REQUIRED:
            if not _text(row.get(col)):
                bad(col, f"is empty; every claim needs {', '.join(REQUIRED)}")
                ok = False
        if not ok:
            continue
        try:
            date_text, day, when = parse_when(str(row["date"]))
        except ValueError as exc:
            bad("date", str(exc) if "outside" in str(exc) else f"{str(row['date'])[:100]!r} is not {_ISO_HINT}")
            continue
        claim = str(row["claim"]).strip().lower()
        if claim not in CLAIMS:
            bad("claim", f"{row['claim']!r} is not one of {', '.join(CLAIMS)}")
            continue
        status = (_text(row.get("status")) or "published").lower()
        if status not in STATUSES:
            bad("status", f"{row['status']!r} is not one of {', '.join(STATUSES)}")
            continue
        lat = lon = None
        if _text(row.get("lat")) or _text(row.get("lon")):
            try:
                lat, lon = float(row.get("lat")), float(row.get("lon"))
                if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                    raise ValueError
            except (TypeError, ValueError):
                bad("lat", f"lat {row.get('lat')!r} / lon {row.get('lon')!r}: give both, as decimal "
                           "degrees (lat -90..90, lon -180..180)")
                continue
        claimant = str(row["claimant"]).strip()
        side = _text(row.get("side")) or registry.side_of(claimant)
        if side is None:
            bad("side", f"no side given and claimant {claimant!r} is not in the claimant registry; "
                        "add a 'side' column or a registry entry (--claimants)")
            continue
        cid = _text(row.get("id"))
        if cid is None:
            # Stable across edits elsewhere in the sheet: made from the claim
            # itself; a second identical claim (a repost) gets a suffix.
            digest = hashlib.sha1(f"{date_text}|{row['place']}|{claimant}|{claim}".encode()).hexdigest()
            cid = base = f"c-{digest[:10]}"
            n = 1
            while cid in seen_ids:
                n += 1
                cid = f"{base}-{n}"
        if cid in seen_ids:
            bad("id", f"{cid!r} is also the id of row {seen_ids[cid]}; ids must be unique")
            continue
        seen_ids[cid] = row_no
        claims.append(Claim(
            id=cid, row=row_no, date=date_text, day=day, when=when, place=str(row["place"]).strip(),
            claimant=claimant, claim=claim, side=side, near=_text(row.get("near")),
            source=_text(row.get("source")), url=_text(row.get("url")), quote=_text(row.get("quote")),
            status=status, lat=lat, lon=lon, notes=_text(row.get("notes")),
        ))
    if strict and problems:
        raise LedgerError(f"{path}: {len(problems)} bad row(s); first: {problems[0]}", problems)
    claims.sort(key=lambda c: (c.when, c.row))
    return Ledger(path=path, claims=claims, problems=problems, rows_read=len(rows))


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

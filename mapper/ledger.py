"""Reading and validating a ledger of dated, sourced claims (CSV, JSON or YAML)."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from gazetteer.batch import delimiter_of

from .errors import LedgerError

__all__ = ["CLAIMS", "STATUSES", "Claim", "Event", "Problem", "Ledger", "read_ledger", "read_events",
           "ClaimantRegistry"]

CLAIMS = ("captured", "holds", "withdrew", "denies", "attacked", "casualties", "violation", "other")
STATUSES = ("published", "deleted", "reposted", "retracted", "draft")  # draft: from `mapper draft`, not yet reviewed
REQUIRED = ("date", "place", "claimant", "claim")
OPTIONAL = ("id", "near", "side", "source", "url", "quote", "status", "lat", "lon", "notes")
_ISO_HINT = "an ISO 8601 date (2020-10-26) or date-time with UTC offset (2020-10-26T08:02+04:00)"
DEFAULT_CLAIMANTS = Path(__file__).parent / "examples" / "claimants.yaml"


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


class ClaimantRegistry:
    """Which side a claimant speaks for, by patterns matched on the claimant's name.

    The bundled registry knows the main official voices of 2020; users add
    their own with a YAML file mapping a side to a list of patterns
    (case-insensitive regular expressions, matched anywhere in the name).
    """

    def __init__(self, rules: list[tuple[re.Pattern[str], str]]) -> None:
        self.rules = rules

    @classmethod
    def load(cls, *paths: Path) -> ClaimantRegistry:
        rules: list[tuple[re.Pattern[str], str]] = []
        # User files come first so that they can override the bundled rules.
        for path in reversed((DEFAULT_CLAIMANTS, *paths)):
            try:
                doc = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
            except (OSError, yaml.YAMLError) as exc:
                raise LedgerError(f"{path}: cannot read claimant registry: {exc}") from exc
            if not isinstance(doc, dict) or not all(isinstance(v, list) for v in doc.values()):
                raise LedgerError(f"{path}: a claimant registry maps each side to a list of patterns")
            for side, patterns in doc.items():
                for pattern in patterns:
                    try:
                        rules.append((re.compile(str(pattern), re.IGNORECASE), str(side)))
                    except re.error as exc:
                        raise LedgerError(f"{path}: side {side!r}: bad pattern {pattern!r}: {exc}") from exc
        return cls(rules)

    def side_of(self, claimant: str) -> str | None:
        for pattern, side in self.rules:
            if pattern.search(claimant):
                return side
        return None


def parse_when(value: str) -> tuple[str, dt.date, dt.datetime]:
    """(normalised text, local date, UTC instant) of a ledger date."""
    text = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        day = dt.date.fromisoformat(text)
        return text, day, dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.timezone.utc)
    stamp = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    if stamp.tzinfo is None:
        raise ValueError("a date-time needs a UTC offset")
    return stamp.isoformat(timespec="minutes"), stamp.date(), stamp.astimezone(dt.timezone.utc)


def _rows(path: Path, required: tuple[str, ...] = REQUIRED,
          optional: tuple[str, ...] = OPTIONAL) -> list[tuple[int, dict[str, Any]]]:
    """(row number, fields) for each row of a CSV, TSV, JSON or YAML file; bad rows carry ``__bad__``."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise LedgerError(f"{path}: file not found") from None
    except OSError as exc:
        raise LedgerError(f"{path}: cannot read: {exc.strerror}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise LedgerError(f"{path}: line {line}: not UTF-8 text; export the sheet as CSV UTF-8") from None
    suffix = path.suffix.lower()
    if suffix in (".json", ".yaml", ".yml"):
        try:
            doc = json.loads(text) if suffix == ".json" else yaml.safe_load(text)
        except (ValueError, yaml.YAMLError) as exc:
            raise LedgerError(f"{path}: not valid {suffix[1:].upper()}: {exc}") from None
        if isinstance(doc, dict):
            doc = doc.get("claims")
        if not isinstance(doc, list):
            raise LedgerError(f"{path}: expected a list of claims (or a mapping with 'claims')")
        return [(i, row if isinstance(row, dict) else {"__bad__": row}) for i, row in enumerate(doc, 1)]
    if suffix not in (".csv", ".tsv", ".txt"):
        raise LedgerError(f"{path}: unknown ledger format {suffix!r}; use .csv, .json or .yaml")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter_of(text))
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        raise LedgerError(f"{path}: empty file; expected a header row with {', '.join(required)}") from None
    missing = [c for c in required if c not in header]
    if missing:
        raise LedgerError(f"{path}: row 1: missing column(s) {', '.join(missing)}; this file needs "
                          f"{', '.join(required)} and may have {', '.join(optional)}")
    out = []
    for n, row in enumerate(reader, 2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            out.append((n, {"__bad__": f"{len(row)} fields where the header has {len(header)}"}))
            continue
        # A short row (a spreadsheet trims empty trailing cells) leaves those fields empty.
        out.append((n, dict(zip(header, row))))
    return out


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def read_ledger(path: str | Path, *, claimants: ClaimantRegistry | None = None,
                strict: bool = False) -> Ledger:
    """Read a ledger; bad rows become Problems (or, with ``strict``, one LedgerError)."""
    path = Path(path)
    registry = claimants or ClaimantRegistry.load()
    claims: list[Claim] = []
    problems: list[Problem] = []
    seen_ids: dict[str, int] = {}
    for row_no, raw in _rows(path):
        def bad(fld: str | None, msg: str, row_no: int = row_no) -> None:
            problems.append(Problem(str(path), row_no, fld, msg))

        if "__bad__" in raw:
            bad(None, f"not a claim: {raw['__bad__']!r}"[:200])
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
        except ValueError:
            bad("date", f"{row['date']!r} is not {_ISO_HINT}")
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
    return Ledger(path=str(path), claims=claims, problems=problems)


def read_events(path: str | Path) -> list[Event]:
    """Events (ceasefires and the like): CSV/JSON/YAML rows with name, start, optional end and notes."""
    path = Path(path)
    events = []
    problems = []
    for row_no, raw in _rows(path, required=("name", "start"), optional=("end", "notes")):
        row = {str(k).strip().lower(): v for k, v in raw.items()} if "__bad__" not in raw else {}
        name = _text(row.get("name"))
        if not name:
            problems.append(Problem(str(path), row_no, "name", "is empty; an event needs name and start"))
            continue
        try:
            start = parse_when(str(row.get("start") or ""))[1]
            end = parse_when(str(row["end"]))[1] if _text(row.get("end")) else None
        except ValueError:
            problems.append(Problem(str(path), row_no, "start", f"start/end must be {_ISO_HINT}"))
            continue
        events.append(Event(name=name, start=start, end=end, notes=_text(row.get("notes"))))
    if problems:
        raise LedgerError(f"{path}: {len(problems)} bad event row(s); first: {problems[0]}", problems)
    return sorted(events, key=lambda e: (e.start, e.name))

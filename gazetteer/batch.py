"""Resolving a spreadsheet column of place names (CSV in, CSV out)."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from .core import Gazetteer
from .errors import InputError

__all__ = ["MATCH_COLUMNS", "BatchReport", "resolve_csv", "delimiter_of"]

MATCH_COLUMNS = ("match_status", "match_id", "match_name", "match_kind", "match_lat", "match_lon",
                 "match_score", "match_candidates")


@dataclass
class BatchReport:
    rows: int = 0
    counts: dict[str, int] = field(default_factory=lambda: {"resolved": 0, "ambiguous": 0, "not_found": 0})
    #: (row number as a spreadsheet shows it, message)
    errors: list[tuple[int, str]] = field(default_factory=list)


def delimiter_of(text: str) -> str:
    """The delimiter of a CSV export, from its header line: spreadsheets in many
    locales write semicolons, and some tabs."""
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("file not found", path=str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=str(path)) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(f"not UTF-8 text (byte {exc.start}, line {line}); save the file as "
                         "CSV UTF-8", path=str(path)) from None


def resolve_csv(gaz: Gazetteer, path: Path, column: str, out: TextIO, *,
                near_column: str | None = None, as_of_column: str | None = None,
                progress: Callable[[int], None] | None = None) -> BatchReport:
    """Resolve ``column`` of the CSV at ``path``, writing every input column plus MATCH_COLUMNS.

    Bad rows (an empty name, a row with more fields than the header) get an
    empty match and are listed in the report; the batch goes on.
    """
    text = _read_text(path)
    delimiter = delimiter_of(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise InputError("empty file: expected a header row", path=str(path)) from None
    except csv.Error as exc:
        raise InputError(f"not valid CSV: {exc}", path=str(path), row=1) from None
    for col in (column, near_column, as_of_column):
        if col is not None and col not in header:
            raise InputError(f"no column {col!r}; the columns are {', '.join(map(repr, header))}",
                             path=str(path))
    clash = [c for c in MATCH_COLUMNS if c in header]
    if clash:
        raise InputError(f"already has column(s) {', '.join(clash)}: was it resolved before?",
                         path=str(path))
    idx = header.index(column)
    near_idx = header.index(near_column) if near_column else None
    asof_idx = header.index(as_of_column) if as_of_column else None
    writer = csv.writer(out, lineterminator="\n", delimiter=delimiter)
    writer.writerow([*header, *MATCH_COLUMNS])
    report = BatchReport()
    row_no = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            row_no += 1
            report.errors.append((row_no, f"not valid CSV: {exc}"))
            continue
        row_no += 1
        report.rows += 1
        if progress and report.rows % 1000 == 0:
            progress(report.rows)
        if len(row) > len(header):
            report.errors.append((row_no, f"{len(row)} fields where the header has {len(header)}"))
            writer.writerow([*row, *[""] * len(MATCH_COLUMNS)])
            continue
        row += [""] * (len(header) - len(row))
        name = row[idx]
        if not name.strip():
            report.errors.append((row_no, f"column {column!r} is empty"))
            writer.writerow([*row, *[""] * len(MATCH_COLUMNS)])
            continue
        near = row[near_idx] if near_idx is not None and row[near_idx].strip() else None
        as_of = row[asof_idx] if asof_idx is not None and row[asof_idx].strip() else None
        try:
            res = gaz.resolve(name, near=near, as_of=as_of)
        except InputError as exc:
            report.errors.append((row_no, str(exc)))
            writer.writerow([*row, *[""] * len(MATCH_COLUMNS)])
            continue
        report.counts[res.status] += 1
        top = res.place
        cands = json.dumps([{"id": c.place.id, "name": c.place.name, "kind": c.place.kind,
                             "score": round(c.score, 3)} for c in res.candidates[:5]],
                           ensure_ascii=False) if res.status != "resolved" else ""
        writer.writerow([
            *row, res.status,
            top.id if top else "", top.name if top else "", top.kind if top else "",
            f"{top.lat:.5f}" if top else "", f"{top.lon:.5f}" if top else "",
            f"{res.score:.3f}" if res.score is not None else "", cands,
        ])
    return report


def stderr_progress(rows: int) -> None:
    print(f"… {rows} rows", file=sys.stderr, flush=True)

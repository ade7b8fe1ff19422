"""Resolving a spreadsheet column of place names (CSV in, CSV or JSON lines out)."""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import BinaryIO, TextIO

from .core import Gazetteer
from .csvfile import Table, decode, delimiter_of, read_bytes
from .errors import InputError

__all__ = ["MATCH_COLUMNS", "BatchReport", "resolve_csv", "delimiter_of"]

MATCH_COLUMNS = ("match_status", "match_id", "match_name", "match_kind", "match_lat", "match_lon",
                 "match_score", "match_candidates", "match_layer")
#: Resolutions whose match columns are kept formatted, at most.
_FORMATTED = 50_000


@dataclass
class BatchReport:
    """What a batch did. Every row read is counted once: in ``counts`` when it
    was resolved (whatever the status), or in ``errors`` when it failed."""

    read: int = 0
    #: Rows written to the output: every row read but those whose cells could not be read at all.
    written: int = 0
    counts: dict[str, int] = field(default_factory=lambda: {"resolved": 0, "ambiguous": 0, "not_found": 0})
    #: (row number as a spreadsheet shows it, message)
    errors: list[tuple[int, str]] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return self.read

    @property
    def failed(self) -> int:
        return len(self.errors)


def _match_values(res) -> dict[str, object]:
    top = res.candidates[0] if res.candidates else None
    place = res.place
    return {
        "match_status": res.status,
        "match_id": place.id if place else None,
        "match_name": place.name if place else None,
        "match_kind": place.kind if place else None,
        "match_lat": round(place.lat, 5) if place else None,
        "match_lon": round(place.lon, 5) if place else None,
        "match_score": round(res.score, 3) if res.score is not None else None,
        "match_candidates": [{"id": c.place.id, "name": c.place.name, "kind": c.place.kind,
                              "score": round(c.score, 3)} for c in res.candidates[:5]]
        if res.status != "resolved" else None,
        # How the best candidate's name matched: exact, normalised, phonetic, inflected, fuzzy, online.
        "match_layer": top.layer if top else None,
    }


def _csv_cells(values: dict[str, object]) -> list[str]:
    out = []
    for col in MATCH_COLUMNS:
        v = values.get(col)
        if v is None:
            out.append("")
        elif col in ("match_lat", "match_lon"):
            out.append(f"{v:.5f}")
        elif col == "match_score":
            out.append(f"{v:.3f}")
        elif col == "match_candidates":
            out.append(json.dumps(v, ensure_ascii=False))
        else:
            out.append(str(v))
    return out


def resolve_csv(gaz: Gazetteer, source: str | os.PathLike | BinaryIO, column: str, out: TextIO, *,
                near_column: str | None = None, as_of_column: str | None = None,
                json_lines: bool = False, label: str | None = None,
                progress: Callable[[int, int], None] | None = None) -> BatchReport:
    """Resolve ``column`` of the CSV at ``source`` (a path or a binary file), writing every
    input column plus MATCH_COLUMNS (or, with ``json_lines``, one JSON object a row).

    Bad rows (an empty name, a row of the wrong width, a cell longer than a
    spreadsheet holds, a stray quote) are listed in the report and, where
    their cells could be read, written with an empty match; the batch goes on.
    Nothing is written before the header and columns are checked.
    ``progress(rows read, rows expected)`` is called after each row; the
    expectation counts lines, so cells holding line breaks make it high.
    """
    data, label = read_bytes(source, label=label)
    text = decode(data, label)
    expected = max(text.count("\n") - (1 if text.endswith("\n") else 0), 0)
    table = Table(text, label=label)
    del text
    header = table.header
    for col in (column, near_column, as_of_column):
        if col is not None and col not in header:
            raise InputError(f"no column {col!r}; the columns are {', '.join(map(repr, header))}",
                             path=label)
        if col is not None and header.count(col) > 1:
            raise InputError(f"{header.count(col)} columns are named {col!r}; rename all but one",
                             path=label)
    clash = [c for c in (*MATCH_COLUMNS, "match_row", "match_error") if c in header]
    if clash:
        raise InputError(f"already has column(s) {', '.join(clash)}: was it resolved before?",
                         path=label)
    idx = header.index(column)
    near_idx = header.index(near_column) if near_column else None
    asof_idx = header.index(as_of_column) if as_of_column else None
    report = BatchReport()

    if json_lines:
        keys = _unique_keys(header)

        def formatted(values: dict[str, object]) -> dict[str, object]:
            return values

        def emit(number: int, cells: list[str], values: dict[str, object] | None, error: str | None) -> None:
            doc = dict(zip(keys, cells))
            doc.update({col: None for col in MATCH_COLUMNS} if values is None else values)
            doc.update(match_row=number, match_error=error)
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")
    else:
        writer = csv.writer(out, lineterminator="\n", delimiter=table.delimiter)
        # The writer quotes only its line terminator's characters: a lone CR in
        # a cell would go out bare and split the row for every reader.
        quote_all = csv.writer(out, lineterminator="\n", delimiter=table.delimiter, quoting=csv.QUOTE_ALL)

        def write(cells: list[str]) -> None:
            (quote_all if "\r" in "".join(cells) else writer).writerow(cells)

        write([*header, *MATCH_COLUMNS])

        formatted = _csv_cells  # type: ignore[assignment]

        def emit(number: int, cells: list[str], values: list[str] | None, error: str | None) -> None:
            write([*cells, *(values or [""] * len(MATCH_COLUMNS))])

    # A batch repeats names, and the gazetteer answers a repeat with the same
    # Resolution from its cache: its match columns are formatted once.
    # (Keyed by id, with the resolution kept so that the id is not reused.)
    done: dict[int, tuple[object, object]] = {}

    def match_of(res) -> object:
        hit = done.get(id(res))
        if hit is None or hit[0] is not res:
            if len(done) >= _FORMATTED:
                done.clear()
            hit = done[id(res)] = (res, formatted(_match_values(res)))
        return hit[1]

    def fail(row, message: str) -> None:
        report.errors.append((row.number, message))
        if row.cells is not None:
            emit(row.number, row.cells, None, message)
            report.written += 1

    for row in table.rows():
        report.read += 1
        if progress:
            progress(report.read, max(expected, report.read))
        if row.error:
            fail(row, row.error)
            continue
        cells = row.cells
        name = cells[idx]
        if not name.strip():
            fail(row, f"column {column!r} is empty")
            continue
        near = cells[near_idx] if near_idx is not None and cells[near_idx].strip() else None
        as_of = cells[asof_idx] if asof_idx is not None and cells[asof_idx].strip() else None
        try:
            res = gaz.resolve(name, near=near, as_of=as_of)
        except InputError as exc:
            fail(row, str(exc))
            continue
        report.counts[res.status] += 1
        emit(row.number, cells, match_of(res), None)  # type: ignore[arg-type]
        report.written += 1
    return report


def _unique_keys(header: list[str]) -> list[str]:
    # JSON objects need distinct keys; a repeated column name gets _2, _3...
    seen: dict[str, int] = {}
    keys = []
    for name in header:
        seen[name] = seen.get(name, 0) + 1
        keys.append(name if seen[name] == 1 else f"{name}_{seen[name]}")
    return keys


"""Resolving a spreadsheet column of place names (CSV in, CSV or JSON lines out)."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import multiprocessing
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import BinaryIO, TextIO

from .core import Gazetteer
from .csvfile import Table, decode, delimiter_of, read_bytes
from .errors import InputError

__all__ = ["MATCH_COLUMNS", "BatchReport", "resolve_csv", "delimiter_of"]

MATCH_COLUMNS = ("match_status", "match_id", "match_name", "match_kind", "match_lat", "match_lon",
                 "match_score", "match_candidates", "match_layer")
#: Look-ups whose answers (match columns formatted) a batch keeps, at most.
_FORMATTED = 50_000
#: Distinct names from which a batch shares its look-ups with forked
#: processes (see ``_answers``): below this, starting one costs more than it saves.
PARALLEL_NAMES = 4_000
#: Parts of a batch's distinct names a process, shared out as each process is free (see ``_answers``).
SHARES = 16
#: Processes a batch uses by default at most: one a core, but each forked copy
#: of a loaded gazetteer comes to hold tens of MB of its own.
MAX_WORKERS = 8

#: What a batch asks: (name, near, as_of) as the row gives them.
_Key = tuple[str, "str | None", "str | None"]
#: What a look-up answers: (status, match columns formatted, None), or (None, None, error).
_Answer = tuple["str | None", object, "str | None"]


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


#: ``json.dumps(value, ensure_ascii=False)`` without making an encoder at each call (a batch
#: writes one for every answer not resolved and every JSON line).
_to_json = json.JSONEncoder(ensure_ascii=False).encode


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
            out.append(_to_json(v))
        else:
            out.append(str(v))
    return out


#: The match columns of one answer, and the end of its rows as the CSV writer writes it
#: (a delimiter, the cells, a line break), or None where a cell holds a "\r" (see ``write``).
_CsvAnswer = tuple[list[str], "str | None"]
#: What makes the CSV writer quote a cell (with the delimiter) or, for "\r", the batch quote a whole row.
_QUOTED = re.compile('["\r\n]')


def _csv_answer(values: dict[str, object], delimiter: str) -> _CsvAnswer:
    cells = _csv_cells(values)
    if "\r" in "".join(cells):
        return cells, None  # its rows are quoted whole
    # The writer quotes each cell on its own: written once here, the cells end every row of this answer.
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n", delimiter=delimiter).writerow(cells)
    return cells, delimiter + buffer.getvalue()


def resolve_csv(gaz: Gazetteer, source: str | os.PathLike | BinaryIO, column: str, out: TextIO, *,
                near_column: str | None = None, as_of_column: str | None = None,
                json_lines: bool = False, label: str | None = None,
                progress: Callable[[int, int], None] | None = None,
                workers: int | None = 1) -> BatchReport:
    """Resolve ``column`` of the CSV at ``source`` (a path or a binary file), writing every
    input column plus MATCH_COLUMNS (or, with ``json_lines``, one JSON object a row).

    Bad rows (an empty name, a row of the wrong width, a cell longer than a
    spreadsheet holds, a stray quote) are listed in the report and, where
    their cells could be read, written with an empty match; the batch goes on.
    Nothing is written before the header and columns are checked.
    ``progress(rows read, rows expected)`` is called after each row; the
    expectation counts lines, so cells holding line breaks make it high.
    ``workers``: processes that share the look-ups (this one and forked
    copies of it; the output is the same whatever their number), or None
    for one a core this process may use (at most MAX_WORKERS) when the batch
    has PARALLEL_NAMES distinct names or more and the system forks. One by default: a library forks only
    when asked (a forked copy of a threaded program may hang), the
    command-line tool asks.
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
            out.write(_to_json(doc) + "\n")
    else:
        writer = csv.writer(out, lineterminator="\n", delimiter=table.delimiter)
        # The writer quotes only its line terminator's characters: a lone CR in
        # a cell would go out bare and split the row for every reader.
        quote_all = csv.writer(out, lineterminator="\n", delimiter=table.delimiter, quoting=csv.QUOTE_ALL)

        def write(cells: list[str]) -> None:
            (quote_all if "\r" in "".join(cells) else writer).writerow(cells)

        write([*header, *MATCH_COLUMNS])

        delimiter = table.delimiter

        def formatted(values: dict[str, object]) -> _CsvAnswer:  # type: ignore[misc]
            return _csv_answer(values, delimiter)

        blank = [""] * len(MATCH_COLUMNS)
        plain_row, quoted_row, put = writer.writerow, quote_all.writerow, out.write

        def emit(number: int, cells: list[str], answer: _CsvAnswer | None, error: str | None) -> None:
            if answer is not None and answer[1] is not None:
                # Cells the writer would write as they are (no delimiter, quote
                # or line break): the row is the cells joined, then the answer's
                # cells as the writer wrote them once for all its rows.
                line = delimiter.join(cells)
                if line.count(delimiter) == len(cells) - 1 and not _QUOTED.search(line):
                    put(line + answer[1])
                    return
            row = cells + (answer[0] if answer is not None else blank)
            (quoted_row if "\r" in "".join(row) else plain_row)(row)

    def fail(row, message: str) -> None:
        report.errors.append((row.number, message))
        if row.cells is not None:
            emit(row.number, row.cells, None, message)
            report.written += 1

    # A batch repeats names: each distinct (name, near, as_of) is looked up
    # and its match columns formatted once (at most _FORMATTED kept at a time,
    # unless shared with forked processes, which keep every answer).
    keyed = near_idx is None and asof_idx is None  # the name alone: its key made without _key's look-ups

    def key_of_cells(cells: list[str]) -> _Key:
        return (cells[idx], None, None) if keyed else _key(cells, idx, near_idx, asof_idx)

    def key_of(row) -> _Key | None:
        return None if row.error or not row.cells[idx].strip() else key_of_cells(row.cells)

    rows = table.rows()
    answers: dict[_Key, _Answer] = {}
    count = _workers(gaz, workers, expected)
    with contextlib.ExitStack() as stack:
        shared = None
        if count > 1:
            shared = stack.enter_context(_Shared(gaz, formatted, count, start_at=PARALLEL_NAMES if workers is None
                                                 else 2, rows_per_part=-(-expected // (count * SHARES)) or 1))
            rows = shared.read(rows, key_of)  # type: ignore[assignment]
            if not shared.started:
                shared = None
        for row in rows:
            report.read += 1
            if progress:
                progress(report.read, max(expected, report.read))
            if row.error:
                fail(row, row.error)
                continue
            cells = row.cells
            if not cells[idx].strip():
                fail(row, f"column {column!r} is empty")
                continue
            key = key_of_cells(cells)
            if shared is not None:
                answer = shared.answer(key)
            else:
                answer = answers.get(key)
                if answer is None:
                    answer = _answer(gaz, key, formatted)
                    if len(answers) >= _FORMATTED:
                        answers.clear()
                    answers[key] = answer
            status, values, error = answer
            if status is None:
                fail(row, error)  # type: ignore[arg-type]
                continue
            report.counts[status] += 1
            emit(row.number, cells, values, None)  # type: ignore[arg-type]
            report.written += 1
    return report


def _key(cells: list[str], idx: int, near_idx: int | None, asof_idx: int | None) -> _Key:
    near = cells[near_idx] if near_idx is not None and cells[near_idx].strip() else None
    as_of = cells[asof_idx] if asof_idx is not None and cells[asof_idx].strip() else None
    return cells[idx], near, as_of


def _workers(gaz: Gazetteer, asked: int | None, rows: int) -> int:
    """How many processes share the look-ups: 1 where forking is not possible
    or not worth it (an online fallback keeps to its rate limit in one process)."""
    if asked is not None:
        if isinstance(asked, bool) or not isinstance(asked, int) or asked < 1:
            raise InputError(f"workers must be a whole number >= 1, not {asked!r:.60}")
        wanted = asked
    else:
        try:
            cores = len(os.sched_getaffinity(0))
        except AttributeError:
            cores = os.cpu_count() or 1
        wanted = min(cores, MAX_WORKERS) if rows >= PARALLEL_NAMES else 1
    if wanted > 1 and (gaz._fallback is not None or "fork" not in multiprocessing.get_all_start_methods()):
        return 1
    return wanted


#: The gazetteer and formatter a forked worker inherits (set only while a batch forks).
_FORKED: tuple[Gazetteer, Callable[[dict[str, object]], object]] | None = None


def _answer(gaz: Gazetteer, key: _Key, formatted: Callable[[dict[str, object]], object]) -> _Answer:
    try:
        res = gaz.resolve(*key)
    except InputError as exc:
        return None, None, str(exc)
    return res.status, formatted(_match_values(res)), None


def _answer_all(keys: list[_Key]) -> list[_Answer]:
    assert _FORKED is not None
    gaz, formatted = _FORKED
    return [_answer(gaz, key, formatted) for key in keys]


class _Shared:
    """A batch's distinct (name, near, as_of) answered once each, shared among
    ``workers`` processes: forked copies of this one (the loaded gazetteer comes
    with them, nothing is loaded or sent) and this one.

    The keys go out in parts as the rows are read (a part every
    ``rows_per_part`` rows: SHARES parts a process), so that the copies start
    while this process still reads, from the part in which the batch reaches
    ``start_at`` distinct keys (forking for fewer costs more than it saves).
    The copies take parts from the front. This process then writes the rows in
    order, and while a row waits for a part a copy is answering, it answers
    parts from the back itself until it meets one a copy has taken: all end
    together however the parts' names differ in cost (misspelled ones cost
    more, and a copy pays for the pages it copies on write). A look-up's answer
    depends on its key alone, so the output is the one a single process writes.
    """

    def __init__(self, gaz: Gazetteer, formatted: Callable[[dict[str, object]], object], workers: int, *,
                 start_at: int, rows_per_part: int) -> None:
        self._gaz, self._formatted, self._workers = gaz, formatted, workers
        self._start_at, self._rows_per_part = start_at, rows_per_part
        self._parts: list[list[_Key]] = []
        self._part_of: dict[_Key, int] = {}
        self._futures: list = []
        self._done: dict[_Key, _Answer] = {}
        self._kept: set[int] = set()
        self._pool = None
        self._back = 0  # parts below this one may still be taken from the back

    @property
    def started(self) -> bool:
        return self._pool is not None

    def __enter__(self) -> _Shared:
        return self

    def __exit__(self, *exc) -> None:
        global _FORKED
        if self._pool is not None:
            # A part not yet handed over is dropped, one a copy answers is waited for.
            self._pool.shutdown(wait=True, cancel_futures=True)
            _FORKED = None

    def read(self, rows, key_of: Callable[[object], _Key | None]) -> list:
        """Every row, each new key put in the part being filled; the parts handed out as they close."""
        out, part = [], []
        part_of, per = self._part_of, self._rows_per_part
        for n, row in enumerate(rows, 1):
            out.append(row)
            key = key_of(row)
            if key is not None and key not in part_of:
                part_of[key] = len(self._parts)
                part.append(key)
            if part and not n % per:
                self._close(part)
                part = []
        if part:
            self._close(part)
        return out

    def _close(self, part: list[_Key]) -> None:
        self._parts.append(part)
        self._back = len(self._parts)
        if self._pool is None and len(self._part_of) >= self._start_at:
            self._start()
        if self._pool is not None:
            while len(self._futures) < len(self._parts):
                self._futures.append(self._pool.submit(_answer_all, self._parts[len(self._futures)]))

    def _start(self) -> None:
        """Fork the copies: each inherits the loaded gazetteer and the formatter as ``_FORKED``."""
        global _FORKED
        from concurrent.futures import ProcessPoolExecutor

        _FORKED = (self._gaz, self._formatted)
        self._pool = ProcessPoolExecutor(max_workers=self._workers - 1, mp_context=multiprocessing.get_context("fork"))

    def answer(self, key: _Key) -> _Answer:
        found = self._done.get(key)
        if found is not None:
            return found
        i = self._part_of[key]
        while i not in self._kept:
            future = self._futures[i]
            if future.cancel():  # not handed over yet: this process's
                self._keep(i, _answer_all(self._parts[i]))
            elif future.done() or not self._take_from_the_back():
                self._keep(i, self._result(i))
        return self._done[key]

    def _result(self, i: int) -> list[_Answer]:
        from concurrent.futures.process import BrokenProcessPool

        try:
            return self._futures[i].result()
        except BrokenProcessPool:
            # A copy was killed (out of memory, a signal): its parts, and those it never took, are
            # answered here. The output is the same; only the time is one process's.
            return _answer_all(self._parts[i])

    def _take_from_the_back(self) -> bool:
        """Answer the last part not handed over yet; False when there is none left."""
        while self._back > 0:
            self._back -= 1
            j = self._back
            if j in self._kept:
                continue
            if self._futures[j].cancel():
                self._keep(j, _answer_all(self._parts[j]))
                return True
            # The copies take parts in order: this one handed over, every earlier one was too.
            self._back = 0
        return False

    def _keep(self, i: int, answers: list[_Answer]) -> None:
        self._done.update(zip(self._parts[i], answers))
        self._kept.add(i)


def _unique_keys(header: list[str]) -> list[str]:
    # JSON objects need distinct keys; a repeated column name gets _2, _3...
    seen: dict[str, int] = {}
    keys = []
    for name in header:
        seen[name] = seen.get(name, 0) + 1
        keys.append(name if seen[name] == 1 else f"{name}_{seen[name]}")
    return keys


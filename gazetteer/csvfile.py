"""Reading CSV strictly, for the batch resolver and the ledger reader alike.

Every record comes back whole or as an error naming its row: a stray quote
that would swallow the rest of the file, a cell longer than a spreadsheet
holds, a row with more or fewer fields than the header. Nothing is dropped or
merged into a neighbour without a signal.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, NamedTuple

from .errors import InputError

__all__ = ["MAX_BYTES", "MAX_CELL", "Row", "Table", "delimiter_of", "read_bytes", "decode"]

#: The most characters a spreadsheet cell holds (Excel's limit; LibreOffice's is larger).
MAX_CELL = 32_767
#: The largest input file read, in bytes: far above any sheet a newsroom
#: keeps, far below what would exhaust memory.
MAX_BYTES = 128 * 1024 * 1024

# The csv module's own limit (128 KiB by default) drops a long cell's row with
# an error that leaves the reader mid-record. Lift it to the file size cap, so
# that every cell is read whole and a long one is reported by its row.
if csv.field_size_limit() < MAX_BYTES:
    csv.field_size_limit(MAX_BYTES)


def read_bytes(source: str | os.PathLike | BinaryIO, *, label: str | None = None) -> tuple[bytes, str]:
    """(content, label) of a path or a binary file object, refusing files over MAX_BYTES."""
    if hasattr(source, "read"):
        label = label or str(getattr(source, "name", "<stdin>"))
        try:
            data = source.read(MAX_BYTES + 1)
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}", path=label) from None
        if isinstance(data, str):
            data = data.encode("utf-8")
    else:
        path = Path(source)
        label = label or str(path)
        try:
            with open(path, "rb") as fh:
                data = fh.read(MAX_BYTES + 1)
        except FileNotFoundError:
            raise InputError("file not found", path=label) from None
        except IsADirectoryError:
            raise InputError("is a folder, not a file", path=label) from None
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}", path=label) from None
    if len(data) > MAX_BYTES:
        raise InputError(f"larger than {MAX_BYTES // 2**20} MiB, the most this tool reads; "
                         "split the file", path=label)
    return data, label


def decode(data: bytes, label: str) -> str:
    """UTF-8 text (a byte-order mark dropped), or an error naming the line."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(f"not UTF-8 text (byte {exc.start}, line {line}); save the file as "
                         "CSV UTF-8", path=label) from None


def delimiter_of(text: str) -> str:
    """The delimiter of a CSV export, from its header line: spreadsheets in many
    locales write semicolons, and some tabs."""
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    # max() keeps the first of equals: the comma, first, wins a tie, and a
    # header without any delimiter (one column) is read as comma-separated.
    return max(counts, key=counts.__getitem__)


class Row(NamedTuple):
    """One record: its number as a spreadsheet shows it (the header is row 1),
    its cells, and ``error`` when it cannot be used (then ``cells`` holds what
    was read, if anything: a row of the wrong width, a cell too long)."""

    number: int
    cells: list[str] | None
    error: str | None = None


_new_row = tuple.__new__


class Table:
    """A CSV text read strictly: ``header``, ``delimiter``, then ``rows()`` once."""

    def __init__(self, text: str, *, label: str) -> None:
        self.label = label
        self.delimiter = delimiter_of(text)
        # strict: a quote left open to the end, or text after a closing quote,
        # is an error where the lenient reader would quietly merge rows.
        self._reader = csv.reader(io.StringIO(text, newline=""), delimiter=self.delimiter, strict=True)
        try:
            header = next(self._reader)
        except StopIteration:
            raise InputError("empty file: expected a header row", path=label) from None
        except csv.Error as exc:
            raise InputError(self._why(exc, 1), path=label, row=1) from None
        long = [i for i, cell in enumerate(header, 1) if len(cell) > MAX_CELL]
        if long:
            raise InputError(f"header cell {long[0]} is {len(header[long[0] - 1])} characters long; "
                             f"a cell holds at most {MAX_CELL}", path=label, row=1)
        self._line = self._reader.line_num
        self.header = header

    def _why(self, exc: csv.Error, start_line: int) -> str:
        text = str(exc)
        if "unexpected end of data" in text:
            return (f"a quoted cell opened on line {start_line} is never closed: a stray '\"'? "
                    "(it would swallow the rest of the file)")
        if "expected after" in text:
            return (f"text after a closing quote on line {self._reader.line_num}: "
                    "a quote inside a cell must be doubled (\"\")")
        return f"not valid CSV on line {self._reader.line_num}: {text}"

    def rows(self) -> Iterator[Row]:
        """Every record after the header; blank lines are skipped but keep their number."""
        width = len(self.header)
        number = 1
        while True:
            start = self._line + 1
            try:
                cells = next(self._reader)
            except StopIteration:
                return
            except csv.Error as exc:
                number += 1
                yield Row(number, None, self._why(exc, start))
                self._line = self._reader.line_num
                continue
            number += 1
            self._line = self._reader.line_num
            if not cells:
                continue
            if len(cells) == width and max(map(len, cells)) <= MAX_CELL:
                yield _new_row(Row, (number, cells, None))  # Row(number, cells), without NamedTuple's __new__
                continue
            long = next((i for i, cell in enumerate(cells, 1) if len(cell) > MAX_CELL), None)
            if long is not None:
                yield Row(number, cells, f"cell {long} is {len(cells[long - 1])} characters long; "
                                        f"a spreadsheet cell holds at most {MAX_CELL}")
            else:
                hint = (" (a line break inside an unquoted cell splits a row in two)"
                        if len(cells) < width else " (a delimiter inside an unquoted cell?)")
                yield Row(number, cells, f"{len(cells)} fields where the header has {width}{hint}")

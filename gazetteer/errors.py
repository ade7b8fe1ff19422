"""One exception root for the gazetteer; each error is also the builtin it resembles."""

from __future__ import annotations

__all__ = ["GazetteerError", "DataError", "InputError", "PlaceNotFound", "FallbackError"]


class GazetteerError(Exception):
    """Root of every error the gazetteer raises on purpose."""


class DataError(GazetteerError, ValueError):
    """A data file (WOF tree, curated file, compiled gazetteer) is unusable.

    The message names the file and, where there is one, the record.
    """


class InputError(GazetteerError, ValueError):
    """User input (a query, a CSV file, a column) cannot be processed."""

    def __init__(self, message: str, *, path: str | None = None, row: int | None = None,
                 column: str | None = None) -> None:
        where = ", ".join(
            part for part in (
                path and f"{path}",
                row is not None and f"row {row}",
                column and f"column {column!r}",
            ) if part
        )
        super().__init__(f"{where}: {message}" if where else message)
        self.path, self.row, self.column = path, row, column


class PlaceNotFound(GazetteerError, KeyError):
    """No place has the id asked for."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else "place not found"


class FallbackError(GazetteerError, ConnectionError):
    """The optional online fallback geocoder failed."""

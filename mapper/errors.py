"""One exception root for the mapper; each error is also the builtin it resembles."""

from __future__ import annotations

__all__ = ["MapperError", "LedgerError", "RenderError", "MissingExtra"]


class MapperError(Exception):
    """Root of every error the mapper raises on purpose."""


class LedgerError(MapperError, ValueError):
    """A ledger (or events, or claimants) file cannot be used.

    ``problems`` lists every bad row found, each naming file, row and field.
    """

    def __init__(self, message: str, problems: list | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


class RenderError(MapperError, RuntimeError):
    """A map or image could not be written (e.g. no browser for --png)."""


class MissingExtra(MapperError, ImportError):
    """An optional part needs a package that is not installed; the message says how to install it."""

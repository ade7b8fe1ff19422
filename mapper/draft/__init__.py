"""Drafting a ledger from the text of an article or an official post.

    from mapper.draft import draft_ledger, write_draft

    rows = draft_ledger(text, published="2020-10-26", source="Azatutyun", url="https://...")
    write_draft(rows, "draft.csv")

One row per place mention and claim, in the ledger's own columns (so
``mapper check`` and ``mapper build`` read the file) plus review columns:
``mention`` (the name as looked up, undeclined), ``start``/``end`` (character
offsets of ``place`` in the text), ``place_id`` and ``confidence``. Every row
has ``status`` ``draft``: a person reviews it before it is published. A place
the text names with no claim gets a row with claim ``other``; a name the
gazetteer cannot settle gets a row with an empty ``place_id``; nothing a
reviewer needs is dropped.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import sys
import tempfile
import weakref
from collections.abc import Iterable
from pathlib import Path

from gazetteer import Gazetteer

from ..errors import MapperError
from .claims import detect_language
from .compose import compose
from .dates import LANGS, DateFinder
from .places import PlaceFinder
from .text import DraftInputError, read_text

__all__ = ["COLUMNS", "DraftInputError", "draft_ledger", "read_text", "write_draft"]

COLUMNS = ("date", "place", "near", "claimant", "side", "claim", "source", "url", "quote", "status", "notes",
           "mention", "start", "end", "place_id", "lat", "lon", "confidence")


class _Tools:
    """What drafting needs loaded once per gazetteer: the automaton and dateparser."""

    _cache: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    def __init__(self, gaz: Gazetteer) -> None:
        self.places = PlaceFinder(gaz)
        self.dates = DateFinder()

    @classmethod
    def of(cls, gaz: Gazetteer) -> _Tools:
        tools = cls._cache.get(gaz)
        if tools is None:
            tools = cls._cache[gaz] = cls(gaz)
        return tools


_DEFAULT: list[Gazetteer] = []


def _gazetteer(gaz: Gazetteer | None) -> Gazetteer:
    if gaz is not None:
        return gaz
    if not _DEFAULT:
        _DEFAULT.append(Gazetteer())
    return _DEFAULT[0]


def _as_date(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise DraftInputError(f"published {value!r} is not an ISO date (YYYY-MM-DD)") from None


def draft_ledger(text: str, *, published: dt.date | str | None = None, source: str | None = None,
                 url: str | None = None, lang: str = "auto", gazetteer: Gazetteer | None = None) -> list[dict]:
    """Draft ledger rows (dicts keyed by ``COLUMNS``) for the places and claims of a text."""
    if lang != "auto" and lang not in LANGS:
        raise DraftInputError(f"lang {lang!r} is not one of auto, {', '.join(LANGS)}")
    day = _as_date(published)
    tools = _Tools.of(_gazetteer(gazetteer))
    lang = detect_language(text) if lang == "auto" else lang
    mentions = tools.places.find(text, as_of=day.isoformat() if day else None)
    return compose(text, mentions, lang=lang, day=day, dates=tools.dates, source=source, url=url)


def write_draft(rows: Iterable[dict], output: str | Path) -> None:
    """Write rows as CSV with ``COLUMNS``: to ``-`` (standard output) or, through a temporary file, a path."""
    buf = io.StringIO(newline="")
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    data = buf.getvalue()
    if str(output) == "-":
        sys.stdout.write(data)
        return
    path = Path(output)
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent or Path("."))
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError as exc:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
        raise MapperError(f"{path}: cannot write the draft: {exc.strerror or exc}") from None

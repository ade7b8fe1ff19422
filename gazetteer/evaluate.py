"""Scoring the resolver against test sets of real toponyms.

A test set is a CSV with a ``query`` column, an optional ``near`` column and
the expected answer in one of two forms:

* ``expected``: a place id (``wof:421169387``), or a status (``ambiguous``,
  ``not_found``) when no single place is the honest answer;
* ``lat``, ``lon`` and ``kind``: where the place is, from a source other than
  the gazetteer. The answer is right when it is of that kind and lies within
  the kind's tolerance (``TOLERANCE_KM``): sources put a village's point a few
  hundred metres apart, a district's centre kilometres apart.

Each row ends in one of four outcomes: ``right``; ``wrong`` (resolved,
confidently, to another place: the error that gets published); ``ambiguous``;
``not_found``. Figures are reported overall and by any column (``script``,
``kind``, ``period``).
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError
from .model import Resolution
from .ranking import km_between

__all__ = ["OUTCOMES", "TOLERANCE_KM", "Outcome", "Tally", "judge", "evaluate", "read_rows", "format_table"]

OUTCOMES = ("right", "wrong", "ambiguous", "not_found")
#: How far the answer may lie from the expected point, by the expected kind: a
#: landmark can be a mountain range or a reservoir, given by one point.
TOLERANCE_KM = {"settlement": 5.0, "landmark": 25.0, "district": 25.0, "province": 25.0,
                "region": 60.0, "country": 150.0}


@dataclass(frozen=True)
class Outcome:
    row: dict[str, str]
    resolution: Resolution
    outcome: str
    detail: str = ""


def judge(res: Resolution, row: dict[str, str]) -> tuple[str, str]:
    """The outcome of one resolution against the row's expected answer, and why."""
    expected = (row.get("expected") or "").strip()
    if expected in ("ambiguous", "not_found"):
        if res.status == expected:
            return "right", ""
        return (("wrong", f"resolved to {res.place.id}") if res.place else (res.status, f"expected {expected}"))
    if res.status != "resolved" or res.place is None:
        return res.status, ""
    place = res.place
    if expected:
        if place.id == expected:
            return "right", ""
        return "wrong", f"got {place.id} ({place.name}), expected {expected}"
    try:
        lat, lon = float(row["lat"]), float(row["lon"])
    except (KeyError, TypeError, ValueError):
        raise InputError("no expected answer: give 'expected', or 'lat', 'lon' and 'kind'") from None
    kind = (row.get("kind") or "settlement").strip()
    distance = km_between(lat, lon, place.lat, place.lon)
    tolerance = TOLERANCE_KM.get(kind, 5.0)
    if place.kind == kind and distance <= tolerance:
        return "right", ""
    return "wrong", f"got {place.id} ({place.name}, {place.kind}) {distance:.1f} km away"


def read_rows(path: str | Path) -> list[dict[str, str]]:
    """A test set's rows; an error names the file and the first bad row."""
    path = Path(path)
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
    except OSError as exc:
        raise InputError(f"cannot read test set: {exc}", path=str(path)) from None
    for i, row in enumerate(rows, 2):
        if not (row.get("query") or "").strip():
            raise InputError("empty query", path=str(path), row=i, column="query")
        if not (row.get("expected") or "").strip() and not ((row.get("lat") or "").strip()
                                                            and (row.get("lon") or "").strip()):
            raise InputError("no expected answer: give 'expected', or 'lat' and 'lon'", path=str(path), row=i)
    return rows


@dataclass
class Tally:
    """Outcome counts overall and by group."""

    total: Counter = field(default_factory=Counter)
    groups: dict[str, dict[str, Counter]] = field(default_factory=dict)
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return sum(self.total.values())

    def share(self, outcome: str) -> float:
        return self.total[outcome] / self.rows if self.rows else 0.0

    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.outcome != "right"]


def evaluate(gaz: Any, rows: Iterable[dict[str, str]], *, by: Sequence[str] = ("script", "kind", "period"),
             ) -> Tally:
    """Resolve every row (with its ``near``) and count the outcomes, overall and by the ``by`` columns."""
    tally = Tally()
    for row in rows:
        res = gaz.resolve(row["query"], near=(row.get("near") or "").strip() or None)
        outcome, detail = judge(res, row)
        tally.total[outcome] += 1
        tally.outcomes.append(Outcome(row, res, outcome, detail))
        for column in by:
            value = (row.get(column) or "").strip()
            if column in row:
                tally.groups.setdefault(column, {}).setdefault(value or "-", Counter())[outcome] += 1
    return tally


def format_table(name: str, tally: Tally) -> str:
    """A Markdown table: the set overall, then each group."""
    def line(label: str, counts: Counter) -> str:
        n = sum(counts.values())
        return (f"| {label} | {n} | {counts['right']} ({100 * counts['right'] / n:.1f}%) | "
                f"{counts['wrong']} ({100 * counts['wrong'] / n:.1f}%) | {counts['ambiguous']} | "
                f"{counts['not_found']} |")

    out = ["| set | rows | right | confidently wrong | ambiguous | not found |",
           "| --- | --- | --- | --- | --- | --- |", line(f"**{name}**", tally.total)]
    for column, groups in tally.groups.items():
        for value in sorted(groups):
            out.append(line(f"{column}: {value}", groups[value]))
    return "\n".join(out)

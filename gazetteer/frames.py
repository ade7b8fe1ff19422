"""pandas habits: resolve a column of names, or a whole frame, in one call.

Each distinct (name, near) is resolved once; empty cells (None, NaN, "")
pass through as ``not_found`` with the reason, so ``df.place.map`` style code
never stops at the first blank row.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import InputError
from .model import Resolution

if TYPE_CHECKING:
    import pandas as pd

    from .core import Gazetteer

__all__ = ["resolve_series", "resolve_frame", "FRAME_COLUMNS"]

#: The columns ``resolve_frame`` adds, in order.
FRAME_COLUMNS = ("match_status", "place_id", "place_name", "kind", "lat", "lon", "score", "match_layer")


def _blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and value != value:  # NaN
        return True
    return isinstance(value, str) and not value.strip()


def _empty() -> Resolution:
    return Resolution(query="", status="not_found", candidates=(), why="empty cell: nothing to resolve")


def resolve_series(gaz: Gazetteer, series: pd.Series, *, near: Any = None, as_of: Any = None) -> pd.Series:
    """A Series of Resolutions, index kept. ``near`` is one context for every
    cell, or a Series aligned with ``series`` (one context per row)."""
    import pandas as pd

    if not isinstance(series, pd.Series):
        raise InputError(f"resolve_series takes a pandas Series, got {type(series).__name__}")
    if isinstance(near, pd.Series):
        if not near.index.equals(series.index):
            raise InputError("'near' as a Series must have the same index as the names")
        contexts = [None if _blank(v) else str(v) for v in near]
    else:
        contexts = [None if _blank(near) else str(near)] * len(series)
    done: dict[tuple[str, str | None], Resolution] = {}
    out = []
    for value, context in zip(series, contexts):
        if _blank(value):
            out.append(_empty())
            continue
        key = (str(value), context)
        if key not in done:
            done[key] = gaz.resolve(key[0], near=context, as_of=as_of)
        out.append(done[key])
    return pd.Series(out, index=series.index, name=series.name, dtype=object)


def resolve_frame(gaz: Gazetteer, frame: pd.DataFrame, column: str, *, near: str | None = None,
                  as_of: Any = None) -> pd.DataFrame:
    """A copy of ``frame`` with the columns of ``FRAME_COLUMNS`` added.

    ``near`` names a column of contexts (district, province) or is ``None``.
    """
    import pandas as pd

    if not isinstance(frame, pd.DataFrame):
        raise InputError(f"resolve_frame takes a pandas DataFrame, got {type(frame).__name__}")
    for name, what in ((column, "column"), (near, "near")):
        if name is not None and name not in frame.columns:
            raise InputError(f"{what} {name!r} is not a column; columns: {', '.join(map(str, frame.columns))}")
    clash = [c for c in FRAME_COLUMNS if c in frame.columns]
    if clash:
        raise InputError(f"the frame already has column(s) {clash}; rename them first")
    results = resolve_series(gaz, frame[column], near=frame[near] if near else None, as_of=as_of)
    out = frame.copy()
    out["match_status"] = [r.status for r in results]
    out["place_id"] = [r.place.id if r.place else None for r in results]
    out["place_name"] = [r.place.name if r.place else None for r in results]
    out["kind"] = [r.place.kind if r.place else None for r in results]
    out["lat"] = [r.place.lat if r.place else None for r in results]
    out["lon"] = [r.place.lon if r.place else None for r in results]
    out["score"] = [r.candidates[0].score if r.place and r.candidates else None for r in results]
    out["match_layer"] = [r.candidates[0].layer if r.place and r.candidates else None for r in results]
    return out

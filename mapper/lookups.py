"""A ledger's distinct place names looked up in two processes at once.

A 50,000-claim ledger names about 2,000 distinct (name, near) pairs, and a
fresh process spends 0.2 ms looking up each (0.4 s: the largest part of a
build before its outputs can be made). On a machine with a core to spare a
forked copy of the process looks up every other pair while this one looks up
the rest. The copy sends back its resolutions with each place given by its id
(``pickle``'s persistent ids), so that this process gets its own gazetteer's
Place objects, the ones its own look-ups return: the resolutions are the
same, value for value, whichever process made them.
"""

from __future__ import annotations

import io
import logging
import os
import pickle
from collections.abc import Iterable

from gazetteer import Gazetteer, GazetteerError, Place, Resolution
from gazetteer.atomic import ending_signals_held

from .forked import Forked

__all__ = ["resolve_names"]

#: Fewer distinct names than this are looked up here alone: the copy's start (about 10 ms with a
#: loaded gazetteer) and its pages copied on write cost more than it would take off.
MIN_APART = 400

Key = tuple[str, "str | None"]


def resolve_names(gaz: Gazetteer, keys: Iterable[Key], *, workers: int = 1) -> dict[Key, Resolution]:
    """``gaz.resolve(name, near=near)`` for each distinct (name, near), in a forked copy for every
    other one when ``workers`` is 2 and there are MIN_APART of them or more. A pair the gazetteer
    refuses (an empty or overlong name) is left out: its caller meets the error itself."""
    keys = list(dict.fromkeys(keys))
    if workers < 2 or len(keys) < MIN_APART or not _may_fork(gaz):
        return _resolve(gaz, keys)
    forked = None
    try:
        with ending_signals_held():  # the copy is never left without its clean-up
            forked = Forked(lambda: _dumps(gaz, _resolve(gaz, keys[1::2])))
        mine = _resolve(gaz, keys[0::2])
        theirs = _loads(gaz, forked.result())
    finally:
        if forked is not None:
            forked.cancel()  # when this process failed first; nothing once the result came
    return _merged(keys, mine, theirs)


def _merged(keys: list[Key], mine: dict[Key, Resolution], theirs: dict[Key, Resolution]) -> dict[Key, Resolution]:
    """Both halves in the order of the keys, as one process would have made them."""
    out = {}
    for i, key in enumerate(keys):
        found = (theirs if i % 2 else mine).get(key)
        if found is not None:
            out[key] = found
    return out


def _may_fork(gaz: Gazetteer) -> bool:
    # An online fallback is rate-limited per process, and the log of how names were matched
    # (-v) would come from two processes in any order: both stay in this one.
    return (hasattr(os, "fork") and getattr(gaz, "_fallback", None) is None
            and not logging.getLogger("gazetteer").isEnabledFor(logging.INFO))


def _resolve(gaz: Gazetteer, keys: list[Key]) -> dict[Key, Resolution]:
    out = {}
    for name, near in keys:
        try:
            out[(name, near)] = gaz.resolve(name, near=near)
        except GazetteerError:
            continue
    return out


class _Pickler(pickle.Pickler):
    def __init__(self, file, gaz: Gazetteer) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.gaz = gaz

    def persistent_id(self, obj):
        # A place of the gazetteer travels as its id; any other (none today) as itself.
        if isinstance(obj, Place) and obj.id in self.gaz and self.gaz.get(obj.id) is obj:
            return obj.id
        return None


class _Unpickler(pickle.Unpickler):
    def __init__(self, file, gaz: Gazetteer) -> None:
        super().__init__(file)
        self.gaz = gaz

    def persistent_load(self, pid):
        return self.gaz.get(pid)


def _dumps(gaz: Gazetteer, found: dict[Key, Resolution]) -> bytes:
    out = io.BytesIO()
    _Pickler(out, gaz).dump(found)
    return out.getvalue()


def _loads(gaz: Gazetteer, data: bytes) -> dict[Key, Resolution]:
    return _Unpickler(io.BytesIO(data), gaz).load()

"""The piece index: which phonetic keys a misspelled key may be, in a few dict look-ups.

A key one edit (a letter dropped, added, changed, or two swapped) from a
query keeps one of its halves intact, at the same place (its head at its
start, its tail at its end; a swap across the middle is tried as such). Two
letters dropped, added or changed leave one of its thirds intact (the middle
shifted by at most three letters); a swap across a cut spoils two pieces.
So the index files every key under its aligned halves and thirds, each
tagged with the key's length, and a query looks up, for each key length it
could be, the pieces it would share: fifteen look-ups for the halves, and
the thirds only when no half-sharing key is close enough. rapidfuzz scores
only that short list (a median of 50 keys of 17,000), never a block.

The answer is defined by the pieces, not by a scan: the keys sharing an
aligned half with the query whose similarity reaches the cutoff, or, when
there are none, those sharing an aligned third; best first, ties by key.
Every query costs at most a few dozen look-ups and one scoring of the keys
found, whatever its length or letters.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from operator import itemgetter

from rapidfuzz import fuzz, process

__all__ = ["PieceIndex", "build_pieces"]

#: Keys filed under a piece tagged with their length, space-separated (keys
#: are skeletons: letters and digits only). Strings, not tuples: the importer
#: stores them as they are, and a string is no container for the garbage
#: collector to walk.
_Pieces = dict[str, str]
#: Keys shorter than this are never fuzzy-matched (nor filed).
MIN_KEY = 3
#: The tables of a complete index, as ``build_pieces`` makes them and the compiled data holds them.
TABLES = ("heads", "tails", "first", "middle", "last")


def _file(table: _Pieces, piece: str, key: str) -> None:
    old = table.get(piece)
    table[piece] = key if old is None else f"{old} {key}"


def _halves(keys: Iterable[str]) -> tuple[_Pieces, _Pieces]:
    heads: _Pieces = {}
    tails: _Pieces = {}
    for key in keys:
        n = len(key)
        h, tag = n // 2, chr(n)
        _file(heads, key[:h] + tag, key)
        _file(tails, key[h:] + tag, key)
    return heads, tails


def _thirds(keys: Iterable[str]) -> tuple[_Pieces, _Pieces, _Pieces]:
    first: _Pieces = {}
    middle: _Pieces = {}
    last: _Pieces = {}
    for key in keys:
        n = len(key)
        a, b, tag = n // 3, (2 * n) // 3, chr(n)
        _file(first, key[:a] + tag, key)
        _file(middle, key[a:b] + tag, key)
        _file(last, key[b:] + tag, key)
    return first, middle, last


def build_pieces(keys: Iterable[str]) -> dict[str, _Pieces]:
    """The whole index as tables of strings (``TABLES``): what the importer stores,
    so that a fresh process does not file seventeen thousand keys five times."""
    kept = [key for key in keys if len(key) >= MIN_KEY]
    return dict(zip(TABLES, (*_halves(kept), *_thirds(kept))))


def _union(found: list[str]) -> set[str]:
    return set(_words(found))


def _words(found: list[str]) -> list[str]:
    """The keys of the pieces found, a key shared by two pieces twice (rarely): not deduplicated until scored."""
    return " ".join(found).split()


class PieceIndex:
    """Phonetic keys filed by their aligned halves and thirds: given whole
    (``build_pieces``, as compiled), or built here (halves at once, thirds on first need)."""

    def __init__(self, keys: Iterable[str], pieces: dict[str, _Pieces] | None = None) -> None:
        if pieces is not None:
            self._keys: list[str] = []
            self._heads, self._tails = pieces["heads"], pieces["tails"]
            self._thirds: tuple[_Pieces, _Pieces, _Pieces] | None = (
                pieces["first"], pieces["middle"], pieces["last"])
            return
        self._keys = [key for key in keys if len(key) >= MIN_KEY]
        self._heads, self._tails = _halves(self._keys)
        self._thirds = None

    def close(self, skel: str, cutoff: float, *, limit: int) -> list[tuple[str, float]]:
        """Up to ``limit`` keys whose ``fuzz.ratio`` with ``skel`` reaches
        ``cutoff``, among those sharing an aligned half with it, else an
        aligned third: (key, similarity), best first, ties in key order."""
        hits = self._score(skel, self._half_found(skel, cutoff), cutoff)
        if not hits:
            hits = self._score(skel, _words(self._third_found(skel, cutoff)), cutoff)
        return hits[:limit]

    @staticmethod
    def _score(skel: str, keys: list[str], cutoff: float) -> list[tuple[str, float]]:
        """``keys`` scored, those reaching ``cutoff`` once each: a key listed twice is scored twice (cheaper than
        a set of them all) and kept once."""
        if not keys:
            return []
        hits = [(key, score) for key, score, _ in
                process.extract(skel, keys, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None)]
        # Best first, ties by key: two stable sorts on C-level keys, no Python call per hit.
        hits.sort(key=itemgetter(0))
        hits.sort(key=itemgetter(1), reverse=True)
        # A key twice is twice in a row (same key, same score): kept once.
        return [hit for i, hit in enumerate(hits) if not i or hit[0] != hits[i - 1][0]] if len(hits) > 1 else hits

    @staticmethod
    def band(length: int, cutoff: float) -> tuple[int, int]:
        """Key lengths for which fuzz.ratio can reach ``cutoff`` at all (at most 200 * min / (len1 + len2))."""
        return (math.ceil(length * cutoff / (200.0 - cutoff)), math.floor(length * (200.0 - cutoff) / cutoff))

    def half_keys(self, skel: str, cutoff: float) -> set[str]:
        """Keys two letters longer or shorter at most that share an aligned half with ``skel``."""
        return set(self._half_found(skel, cutoff))

    def _half_found(self, skel: str, cutoff: float) -> list[str]:
        n = len(skel)
        low, high = self.band(n, cutoff)
        heads, tails = self._heads, self._tails
        found = []
        for length in range(max(low, n - 2, MIN_KEY), min(high, n + 2) + 1):
            h, tag = length // 2, chr(length)
            for hit in (heads.get(skel[:h] + tag), tails.get(skel[n - (length - h):] + tag),
                        # The two letters across the cut swapped: "aiktasur" for "aikatsur".
                        heads.get(skel[:h - 1] + skel[h] + tag) if 0 < h < n else None):
                if hit:
                    found.append(hit)
        return _words(found)

    def third_keys(self, skel: str, cutoff: float) -> set[str]:
        """Keys three letters longer or shorter at most that share an aligned third with ``skel``."""
        return _union(self._third_found(skel, cutoff))

    def _third_found(self, skel: str, cutoff: float) -> list[str]:
        n = len(skel)
        low, high = self.band(n, cutoff)
        first, middle, last = self._thirds_index()
        found = []
        for length in range(max(low, n - 3, MIN_KEY), min(high, n + 3) + 1):
            a, b, tag = length // 3, (2 * length) // 3, chr(length)
            found.append(first.get(skel[:a] + tag, ""))
            found.append(last.get(skel[n - (length - b):] + tag, ""))
            for shift in range(-3, 4):
                if a + shift >= 0 and b + shift <= n:
                    found.append(middle.get(skel[a + shift:b + shift] + tag, ""))
        return found

    def _thirds_index(self) -> tuple[_Pieces, _Pieces, _Pieces]:
        if self._thirds is None:
            self._thirds = _thirds(self._keys)
        return self._thirds

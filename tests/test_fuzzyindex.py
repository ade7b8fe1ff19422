"""The piece index behind fuzzy retrieval: the same keys as a scan of every key, in a bounded number of look-ups."""

import random

import pytest
from rapidfuzz import fuzz

from gazetteer.fuzzyindex import MIN_KEY, TABLES, PieceIndex, build_pieces
from gazetteer.retrieval import FUZZY_KEYS, fuzzy_cutoff

LETTERS = "aiuktsmnrlpvxcj"


def _typo(key: str, rng: random.Random, ops: str = "dsri") -> str:
    """One edit: a letter dropped, changed or added, or two neighbours swapped."""
    i = rng.randrange(0, len(key))
    op = rng.choice(ops)
    if op == "d":
        return key[:i] + key[i + 1:]
    if op == "s" and i < len(key) - 1:
        return key[:i] + key[i + 1] + key[i] + key[i + 2:]
    if op == "r":
        return key[:i] + rng.choice(LETTERS.replace(key[i], "")) + key[i + 1:]
    return key[:i] + rng.choice(LETTERS) + key[i:]


def _shares_half(query: str, key: str) -> bool:
    n, m = len(query), len(key)
    h = m // 2
    return (query[:h] == key[:h] or query[n - (m - h):] == key[h:]
            or (0 < h < n and query[:h - 1] + query[h] == key[:h]))


def _shares_third(query: str, key: str) -> bool:
    n, m = len(query), len(key)
    a, b = m // 3, (2 * m) // 3
    if query[:a] == key[:a] or query[n - (m - b):] == key[b:]:
        return True
    return any(query[a + s:b + s] == key[a:b] for s in range(-3, 4) if a + s >= 0 and b + s <= n)


def _scan(keys: dict[int, list[str]], query: str, cutoff: float) -> list[tuple[str, float]]:
    """What the index answers, by reading every key of a possible length: the definition, not the index."""
    n = len(query)
    low, high = PieceIndex.band(n, cutoff)
    for spread, shares in ((2, _shares_half), (3, _shares_third)):
        hits = [(key, fuzz.ratio(query, key))
                for length in range(max(low, n - spread, MIN_KEY), min(high, n + spread) + 1)
                for key in keys.get(length, ()) if shares(query, key)]
        hits = sorted(((k, s) for k, s in hits if s >= cutoff), key=lambda hit: (-hit[1], hit[0]))
        if hits:
            return hits[:FUZZY_KEYS]
    return []


@pytest.fixture(scope="module")
def keys(gaz):
    return sorted(gaz._retriever._skel)


@pytest.fixture(scope="module", params=["built", "compiled"])
def index(request, keys, gaz):
    if request.param == "built":
        return PieceIndex(keys)
    # The one the gazetteer uses: the tables the importer stored in the data.
    assert gaz._retriever._stored_pieces is not None
    return gaz._retriever._pieces


@pytest.mark.parametrize("edits", [1, 2])
def test_index_answers_as_a_scan_of_every_key(keys, index, edits):
    rng = random.Random(20201026 + edits)
    by_length: dict[int, list[str]] = {}
    for key in keys:
        by_length.setdefault(len(key), []).append(key)
    checked = 0
    for key in rng.sample([k for k in keys if len(k) >= 5], 150):
        query = key
        for _ in range(edits):
            query = _typo(query, rng)
        cutoff = fuzzy_cutoff(len(query))
        if cutoff > 100:
            continue
        assert index.close(query, cutoff, limit=FUZZY_KEYS) == _scan(by_length, query, cutoff), (key, query)
        checked += 1
    assert checked > 100


def test_every_one_edit_neighbour_is_scored(keys, index):
    # Any spelling one edit from a key keeps half of it in place: the key is
    # on the short list, and found whenever it is close enough.
    rng = random.Random(7)
    for key in rng.sample([k for k in keys if len(k) >= 6], 300):
        query = _typo(key, rng)
        cutoff = fuzzy_cutoff(len(query))
        if cutoff > 100:
            continue
        assert key in index.half_keys(query, cutoff), (key, query)
        if fuzz.ratio(query, key) >= cutoff:
            assert index.close(query, cutoff, limit=1)[0][1] >= fuzz.ratio(query, key), (key, query)


def test_every_two_edit_neighbour_is_scored_when_no_closer_key_is_found(keys, index):
    # Two letters dropped, changed or added leave a third in place. (A swap
    # across a cut spoils two pieces: two edits and a swap are beyond it.)
    rng = random.Random(11)
    for key in rng.sample([k for k in keys if len(k) >= 7], 300):
        query = _typo(_typo(key, rng, "dri"), rng, "dri")
        cutoff = fuzzy_cutoff(len(query))
        if cutoff > 100:
            continue
        assert key in index.half_keys(query, cutoff) | index.third_keys(query, cutoff), (key, query)


class _CountingDict(dict):
    lookups = 0

    def get(self, key, default=None):
        _CountingDict.lookups += 1
        return super().get(key, default)


def test_a_query_costs_a_bounded_number_of_lookups_whatever_its_length(keys):
    index = PieceIndex(keys)
    index._heads, index._tails = _CountingDict(index._heads), _CountingDict(index._tails)
    first, middle, last = index._thirds_index()
    index._thirds = _CountingDict(first), _CountingDict(middle), _CountingDict(last)
    long_key = max(keys, key=len)
    for query in ("a" * 500, long_key * 8, "kx" * 250, long_key + "x", "abcde"):
        _CountingDict.lookups = 0
        index.close(query, fuzzy_cutoff(len(query)), limit=FUZZY_KEYS)
        # Five key lengths and three pieces for the halves, seven lengths and
        # nine pieces for the thirds, however long the query.
        assert _CountingDict.lookups <= 5 * 3 + 7 * 9
    # A pasted paragraph's skeleton matches nothing, and comes back at once.
    assert index.close("a" * 500, fuzzy_cutoff(500), limit=FUZZY_KEYS) == []


def test_compiled_tables_are_the_index_built_from_the_keys(keys, gaz):
    stored = gaz._retriever._stored_pieces
    built = build_pieces(gaz._retriever._skel)
    assert set(stored) == set(TABLES) and all(stored[t] == built[t] for t in TABLES)
    # Each key filed once per table, under its own length's tag.
    filed = [k for k in keys if len(k) >= MIN_KEY]
    for table in TABLES:
        bucketed = [key for bucket in stored[table].values() for key in bucket.split(" ")]
        assert sorted(bucketed) == filed
        assert all(ord(piece[-1]) == len(key) for piece, bucket in stored[table].items()
                   for key in bucket.split(" "))


def _lengths(n: int, cutoff: float, spread: int) -> range:
    low, high = PieceIndex.band(n, cutoff)
    return range(max(low, n - spread, MIN_KEY), min(high, n + spread) + 1)


def test_short_lists_are_exactly_the_keys_sharing_a_piece_in_reach(keys, index):
    # The short list is what rapidfuzz scores: a key beyond the length band,
    # or sharing no aligned piece, costs a scoring for nothing, and a key in
    # reach left off it is a misspelling never found. Queries of every length
    # from 3 letters, as written and misspelled, against every key.
    rng = random.Random(5)
    by_length: dict[int, set[str]] = {}
    for key in keys:
        by_length.setdefault(len(key), set()).add(key)
    queries = [k for k in rng.sample(keys, 60)] + [_typo(k, rng) for k in rng.sample(keys, 60)]
    queries += [k[:3] for k in rng.sample([k for k in keys if len(k) >= 3], 10)]
    for query in queries:
        cutoff = fuzzy_cutoff(len(query))
        if cutoff > 100:
            continue
        halves = {k for m in _lengths(len(query), cutoff, 2) for k in by_length.get(m, ()) if _shares_half(query, k)}
        thirds = {k for m in _lengths(len(query), cutoff, 3) for k in by_length.get(m, ()) if _shares_third(query, k)}
        assert index.half_keys(query, cutoff) == halves, query
        assert index.third_keys(query, cutoff) == thirds, query


@pytest.mark.parametrize("n", range(3, 41))
def test_the_length_band_is_where_the_ratio_can_reach_the_cutoff(n):
    for cutoff in (fuzzy_cutoff(n), 60.0, 70.0, 77.0, 85.0, 90.0, 95.0):
        if cutoff <= 100:
            _check_band(n, cutoff)


def _check_band(n: int, cutoff: float) -> None:
    # fuzz.ratio of lengths n and m is at most 200 * min(n, m) / (n + m): the
    # band holds every length where that reaches the cutoff, and no other.
    low, high = PieceIndex.band(n, cutoff)
    best = [200.0 * min(n, m) / (n + m) for m in range(1, 4 * n)]
    assert [m for m in range(1, 4 * n) if best[m - 1] >= cutoff - 1e-9] == list(range(low, high + 1))
    # And rapidfuzz agrees at both edges: a key of the band's length is reachable, one beyond is not.
    assert fuzz.ratio("a" * n, "a" * low) >= cutoff - 1e-9 and fuzz.ratio("a" * n, "a" * high) >= cutoff - 1e-9
    assert fuzz.ratio("a" * n, "a" * (low - 1)) < cutoff and fuzz.ratio("a" * n, "a" * (high + 1)) < cutoff


def test_a_key_listed_twice_is_scored_once():
    # Two pieces may file one key (its head and its tail alike): it is kept once,
    # best first and ties in key order.
    hits = PieceIndex._score("kalbacar", ["kalpacar", "kalbacar", "kalbajar", "kalbacar"], 70.0)
    assert hits == [("kalbacar", 100.0), ("kalbajar", 87.5), ("kalpacar", 87.5)]
    assert PieceIndex._score("kalbacar", ["kalbacar"], 70.0) == [("kalbacar", 100.0)]
    assert PieceIndex._score("kalbacar", [], 70.0) == []

"""Suspects for the curators: settlements the sources may have split, and names borrowed from a neighbour.

    python benchmarks/duplicates.py                 # the bundled data
    python benchmarks/duplicates.py gazetteer.json  # another compiled file

Three lists, tab-separated, one pair a line, each headed by its kind:

* ``far-twins``: two settlements under one district (an Armenian province) with
  the same display or main name, more than FAR_KM apart and sharing at least
  SHARED_NAMES names: often one village recorded twice, one copy misplaced;
* ``near-namesakes``: two settlements within NEAR_KM that share an Azerbaijani
  or Armenian name: one village recorded twice, or one carrying the other's name;
* ``borrowed``: a place whose Armenian or Russian name is exactly a neighbour's
  (within BORROWED_KM) while none of its own other names spells it.

A listing is a lead, not a verdict: two real villages can share a name, so each
pair is checked on the encyclopedia pages before ``gazetteer/data/curated/dups.yaml``
merges or drops anything. Names are grouped by key first, so the run is linear in
the data but for the (small) groups of one name.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gazetteer.normalize import norm_key, skeleton  # noqa: E402
from gazetteer.spatial import _km as great_circle_km  # noqa: E402  (the reverse look-up's haversine)

FAR_KM = 10.0
SHARED_NAMES = 5
NEAR_KM = 2.0
BORROWED_KM = 15.0

Record = dict[str, Any]


def km(a: Record, b: Record) -> float:
    return great_circle_km(a["lat"], a["lon"], b["lat"], b["lon"])


def _pairs(groups: Iterable[list[Record]]) -> Iterator[tuple[Record, Record]]:
    seen: set[tuple[str, str]] = set()
    for recs in groups:
        for i, a in enumerate(recs):
            for b in recs[i + 1:]:
                key = tuple(sorted((a["id"], b["id"])))
                if a["id"] != b["id"] and key not in seen:
                    seen.add(key)
                    yield (a, b) if a["id"] < b["id"] else (b, a)


def far_twins(records: list[Record]) -> list[tuple[Record, Record, float]]:
    kinds = {r["id"]: r["kind"] for r in records}
    groups: dict[tuple[str, str], list[Record]] = defaultdict(list)
    for r in records:
        if r["kind"] != "settlement":
            continue
        units = [p for p in r["parents"] if kinds.get(p) == "district"
                 or (kinds.get(p) == "province" and r.get("country") == "AM")]
        keys = {norm_key(r["name"])} | {norm_key(n["text"]) for n in r["names"]
                                         if n["lang"] in ("aze", "eng") and n["type"] in ("preferred", "curated")}
        for unit in units:
            for key in keys - {""}:
                groups[(unit, key)].append(r)
    out = []
    for a, b in _pairs(groups.values()):
        shared = {n["text"] for n in a["names"]} & {n["text"] for n in b["names"]}
        if km(a, b) > FAR_KM and len(shared) >= SHARED_NAMES:
            out.append((a, b, km(a, b)))
    return out


def near_namesakes(records: list[Record]) -> list[tuple[Record, Record, float]]:
    groups: dict[tuple[str, str], list[Record]] = defaultdict(list)
    for r in records:
        if r["kind"] == "settlement":
            for n in r["names"]:
                if n["lang"] in ("aze", "hye"):
                    groups[(n["lang"], n["text"])].append(r)
    return [(a, b, km(a, b)) for a, b in _pairs(groups.values()) if km(a, b) <= NEAR_KM]


def borrowed(records: list[Record]) -> list[tuple[Record, str, Record, float]]:
    """(place, the name it carries, the neighbour whose name it is, km)."""
    groups: dict[tuple[str, str], list[Record]] = defaultdict(list)
    for r in records:
        if r["kind"] == "settlement":
            for n in r["names"]:
                if n["lang"] in ("hye", "rus") and not n.get("hidden"):
                    groups[(n["lang"], n["text"])].append(r)

    def own(r: Record) -> set[str]:
        return {skeleton(r["name"])} | {skeleton(n["text"]) for n in r["names"] if not n.get("hidden")
                                        and n["lang"] in ("aze", "eng", "und", "hye-Latn")}

    out = []
    for (_lang, text), recs in groups.items():
        if len(recs) < 2:
            continue
        sk = skeleton(text)
        for a in recs:
            if sk in own(a):
                continue
            out += [(a, text, b, km(a, b)) for b in recs
                    if b is not a and km(a, b) <= BORROWED_KM and sk in own(b)]
    return sorted(out, key=lambda row: (row[0]["id"], row[1], row[2]["id"]))


def main(argv: list[str]) -> int:
    from gazetteer import Gazetteer

    gaz = Gazetteer(argv[0]) if argv else Gazetteer()
    records = list(gaz.records())
    for a, b, dist in far_twins(records):
        print("far-twins", a["id"], a["name"], b["id"], b["name"], f"{dist:.1f}", sep="\t")
    for a, b, dist in near_namesakes(records):
        print("near-namesakes", a["id"], a["name"], b["id"], b["name"], f"{dist:.2f}", sep="\t")
    for a, text, b, dist in borrowed(records):
        print("borrowed", a["id"], a["name"], text, b["id"], b["name"], f"{dist:.1f}", sep="\t")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

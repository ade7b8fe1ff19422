"""Synthetic ledgers for the benchmarks: real place names, made-up claims.

Deterministic (a fixed seed): the same size gives the same file, so runs
compare. Names are drawn in every script the gazetteer holds for a place,
from the conflict area's settlements, with a few districts; a 50k ledger
names under 2,000 distinct places, as a real war's does.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

SEED = 20201026
CLAIMANTS = (("Azerbaijan Ministry of Defense", "Azerbaijan"), ("President Ilham Aliyev", "Azerbaijan"),
             ("Armenia Ministry of Defense", "Armenia"), ("Artsakh Defense Army", "Artsakh"))
KINDS = ("captured", "captured", "holds", "withdrew", "denies", "attacked", "attacked", "casualties",
         "violation", "other")
#: lon/lat box of the 2020 front: Karabakh and the districts around it.
FRONT = (45.9, 38.9, 47.4, 40.4)


def _pool(distinct: int) -> list[tuple[str, str, float, float]]:
    from gazetteer import Gazetteer

    gaz = Gazetteer()
    west, south, east, north = FRONT
    out = []
    for place in gaz:
        if place.kind in ("settlement", "district") and west <= place.lon <= east and south <= place.lat <= north:
            for name in sorted({n.text for n in place.names})[:3]:
                out.append((name, place.id, place.lat, place.lon))
    rng = random.Random(SEED)
    rng.shuffle(out)
    return out[:distinct]


def write_ledger(path: Path, n: int, *, with_coordinates: bool = False) -> Path:
    """A ledger of ``n`` claims over the 44 days of the 2020 war.

    ``with_coordinates`` adds lat/lon columns (for the plain-folium baselines,
    which cannot resolve names).
    """
    rng = random.Random(SEED + n)
    pool = _pool(min(2000, max(50, n // 10)))
    start = dt.date(2020, 9, 27)
    fields = ["id", "date", "place", "claimant", "side", "claim", "status", "source", "url", "quote"]
    if with_coordinates:
        fields += ["lat", "lon"]
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(fields)
        for i in range(n):
            name, _, lat, lon = rng.choice(pool)
            claimant, side = rng.choice(CLAIMANTS)
            day = start + dt.timedelta(days=rng.randrange(44))
            row = [f"c{i:06d}", day.isoformat(), name, claimant, side, rng.choice(KINDS),
                   "deleted" if rng.random() < 0.01 else "published", f"{claimant} on Telegram",
                   f"https://example.org/post/{i}", f"Statement {i} about {name}."]
            if with_coordinates:
                row += [f"{lat:.5f}", f"{lon:.5f}"]
            writer.writerow(row)
    return path

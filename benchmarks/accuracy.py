"""Accuracy figures for the README: the resolver on each test set.

    python benchmarks/accuracy.py                    # the project's sets
    python benchmarks/accuracy.py PATH.csv ...       # other sets (a held-out set)
    python benchmarks/accuracy.py --failures PATH    # also list the rows not right

Sets with an ``expected`` id column are scored by id; sets with ``lat``,
``lon`` and ``kind`` by distance and kind (see gazetteer/evaluate.py). Do not
list a held-out set's failures while tuning: that makes it a dev set.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gazetteer import Gazetteer  # noqa: E402
from gazetteer.evaluate import evaluate, format_table, read_rows  # noqa: E402

SETS = [ROOT / "tests" / "data" / "toponyms.csv", ROOT / "tests" / "data" / "toponyms-dev.csv",
        ROOT / "tests" / "data" / "heldout" / "toponyms.csv"]


def main(argv: list[str]) -> None:
    failures = "--failures" in argv
    paths = [Path(a) for a in argv if a != "--failures"] or [p for p in SETS if p.exists()]
    gaz = Gazetteer()
    for path in paths:
        tally = evaluate(gaz, read_rows(path))
        print(f"\n## {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}\n")
        print(format_table(path.stem, tally))
        if failures:
            print()
            for o in tally.failures():
                best = o.resolution.candidates[0].place if o.resolution.candidates else None
                print(f"- {o.outcome}: {o.row['query']!r} near={o.row.get('near')!r} {o.detail} "
                      f"[{o.row.get('note', '')}] top={best.id + ' ' + best.name if best else None}")


if __name__ == "__main__":
    main(sys.argv[1:])

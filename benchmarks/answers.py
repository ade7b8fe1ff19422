"""Every answer the gazetteer gives on a fixed set of queries, one JSON line each,
so that a speed change can be shown to change no answer.

    python benchmarks/answers.py OUT.jsonl          # write this checkout's answers
    python benchmarks/answers.py OUT.jsonl --batch  # and the batch CLI's output digests
    diff <(python benchmarks/answers.py /dev/stdout) before.jsonl

The queries: every row of the own test sets (``tests/data/*.csv``, never the
held-out ones) as given, without its context, on two dates, misspelled (with
its context), and searched; then the distinct names of the benchmark's
generated 10,000- and 100,000-row inputs (``run.mixed_names``). Each line
holds the status, the why, and every candidate's id, score, matched name,
layer and reasons: what a user sees, in order.
"""

from __future__ import annotations

import csv
import hashlib
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from run import SEED, misspell, mixed_names, write_batch  # noqa: E402


def own_rows() -> list[tuple[str, str | None]]:
    rows = []
    for path in sorted((ROOT / "tests" / "data").glob("*.csv")):
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                rows.append((row["query"], (row.get("near") or "").strip() or None))
    return rows


def resolution(res) -> list:
    return [res.status, res.why, [[c.place.id, c.score, c.matched, c.layer, list(c.why)] for c in res.candidates]]


def main(out_path: str, batch: bool) -> None:
    from gazetteer import Gazetteer

    gaz = Gazetteer(cache_size=0)
    rng = random.Random(SEED)
    with open(out_path, "w", encoding="utf-8") as out:
        def emit(*fields) -> None:
            out.write(json.dumps(fields, ensure_ascii=False) + "\n")

        rows = own_rows()
        for query, near in rows:
            for args in ((query, near, None), (query, None, None), (query, near, "1990-01-01"),
                         (query, near, "2021-06-01"), (misspell(query, rng), near, None)):
                try:
                    emit("resolve", *args, resolution(gaz.resolve(*args)))
                except Exception as exc:  # an answer too
                    emit("resolve", *args, ["error", type(exc).__name__, str(exc)])
            emit("search", query, [[c.place.id, c.score, c.matched, c.layer] for c in gaz.search(query)])
        names = sorted(set(mixed_names(10_000)) | set(mixed_names(100_000)))
        for name in names:
            emit("resolve", name, None, None, resolution(gaz.resolve(name)))
        if batch:
            for rows_n in (10_000, 100_000):
                for extra in ([], ["--workers", "1"], ["--json"]):
                    emit("batch", rows_n, extra, batch_digest(mixed_names(rows_n), extra))


def batch_digest(names: list[str], extra: list[str]) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        src = write_batch(Path(tmp) / "names.csv", names)
        dest = Path(tmp) / "out"
        subprocess.run([sys.executable, "-m", "gazetteer", "resolve", "--input", str(src), "--column", "place",
                        "--output", str(dest), *extra], check=True, capture_output=True, cwd=ROOT)
        return hashlib.sha256(dest.read_bytes()).hexdigest()


if __name__ == "__main__":
    main(sys.argv[1], "--batch" in sys.argv[2:])

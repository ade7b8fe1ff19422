"""Speed and size figures for the README (not timed tests).

    python benchmarks/run.py            # all
    python benchmarks/run.py gazetteer  # or: mapper, browser

Inputs are generated here from the bundled data with a fixed seed, so runs
compare: a 10,000-row CSV of press spellings (one row in five misspelled)
and ledgers of 5,000 claims.
"""

from __future__ import annotations

import csv
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = 20201026


def best(fn, repeat=5):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times), statistics.median(times)


def press_names() -> list[str]:
    rows = csv.DictReader(open(ROOT / "tests" / "data" / "toponyms.csv", encoding="utf-8"))
    return [r["query"] for r in rows]


def misspell(name: str, rng: random.Random) -> str:
    if len(name) < 6:
        return name
    i = rng.randrange(1, len(name) - 1)
    op = rng.choice("dsi")
    if op == "d":
        return name[:i] + name[i + 1:]
    if op == "s":
        return name[:i] + name[i + 1] + name[i] + name[i + 2:]
    return name[:i] + name[i] + name[i:]


def mixed_names(n: int) -> list[str]:
    """Press spellings and gazetteer names of random places, one in five misspelled."""
    from gazetteer import Gazetteer

    rng = random.Random(SEED)
    gaz = Gazetteer()
    pool = press_names()
    places = list(gaz)
    for _ in range(3000):
        place = rng.choice(places)
        pool.append(rng.choice(place.names).text)
    out = []
    for i in range(n):
        name = rng.choice(pool)
        out.append(misspell(name, rng) if i % 5 == 4 else name)
    return out


def bench_gazetteer() -> None:
    from gazetteer import Gazetteer

    load, load_med = best(lambda: Gazetteer(), repeat=5)
    print(f"gazetteer load: {load * 1000:.0f} ms (median {load_med * 1000:.0f} ms)")
    names = mixed_names(10_000)
    distinct = sorted(set(names))

    def rows_with_cache():
        gaz = Gazetteer()
        t = time.perf_counter()
        for name in names:
            gaz.resolve(name)
        return time.perf_counter() - t
    spent = min(rows_with_cache() for _ in range(5))
    print(f"resolve, the 10,000 mixed rows (repeats answered from the cache): {len(names) / spent:,.0f} names/s")
    gaz = Gazetteer()
    t = time.perf_counter()
    for name in distinct:
        gaz._resolve(name, None, None)
    cold = time.perf_counter() - t
    print(f"resolve, distinct names, no cache: {len(distinct) / cold:,.0f} names/s ({len(distinct)} names)")
    exact = press_names() * 20

    def press():
        for name in exact:
            gaz._resolve(name, None, None)
    spent, _ = best(press, repeat=3)
    print(f"resolve, correctly spelled press names, no cache: {len(exact) / spent:,.0f} names/s")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "names.csv"
        with open(src, "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["row", "place"])
            for i, name in enumerate(names):
                w.writerow([i, name])
        cmd = [sys.executable, "-m", "gazetteer", "resolve", "--input", str(src), "--column", "place",
               "--output", str(Path(tmp) / "out.csv")]
        wall, med = best(lambda: subprocess.run(cmd, check=True, capture_output=True), repeat=3)
        print(f"batch CLI, 10,000 rows end to end: {wall:.2f} s (median {med:.2f} s)")


def claims_ledger(path: Path, n: int) -> None:
    from gazetteer import Gazetteer

    rng = random.Random(SEED)
    gaz = Gazetteer()
    zone = [p for p in gaz if p.kind == "settlement" and gaz.in_area(p) and p.country == "AZ"]
    places = rng.sample(zone, 400)
    sides = [("Azerbaijan", "Azerbaijan Ministry of Defense"), ("Armenia", "Armenia Ministry of Defense"),
             ("Artsakh", "Artsakh Defense Army")]
    kinds = ["captured", "holds", "withdrew", "denies", "attacked", "casualties", "violation", "other"]
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "date", "place", "near", "claimant", "side", "claim", "source", "url", "quote"])
        for i in range(n):
            place = rng.choice(places)
            side, claimant = rng.choice(sides)
            day = f"2020-{rng.choice(['09', '10', '11'])}-{rng.randint(1, 28):02d}"
            w.writerow([f"b{i}", day, rng.choice(place.names).text, "", claimant, side, rng.choice(kinds),
                        "Benchmark source", f"https://example.org/claim/{i}",
                        "A quote of moderate length, as sources give them."])


def bench_mapper() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        ledger = Path(tmp) / "claims.csv"
        claims_ledger(ledger, 5000)
        from gazetteer import Gazetteer
        from mapper.analysis import analyse
        from mapper.ledger import read_ledger
        from mapper.outputs import write_outputs

        from gazetteer.core import exempt_from_gc

        def build():
            # As `mapper build` does: load, exempt the data from GC, then work.
            gaz = Gazetteer()
            exempt_from_gc()
            led = read_ledger(ledger)
            write_outputs(analyse(led, gaz), gaz, Path(tmp) / "out", "m", title="Benchmark")
        wall, med = best(build, repeat=3)
        size = (Path(tmp) / "out" / "m.html").stat().st_size
        print(f"mapper build, 5,000 claims (load, read, resolve, analyse, write its 6 files): {wall:.2f} s "
              f"(median {med:.2f} s); HTML {size / 1e6:.2f} MB")
        cmd = [sys.executable, "-m", "mapper", "build", str(ledger), "--output-dir", str(Path(tmp) / "cli")]
        wall, _ = best(lambda: subprocess.run(cmd, check=True, capture_output=True), repeat=3)
        print(f"mapper build CLI, 5,000 claims, end to end incl. start-up: {wall:.2f} s")


def bench_browser() -> None:
    from playwright.sync_api import sync_playwright

    from mapper.image import CHROMIUM_ARGS, find_chromium

    with tempfile.TemporaryDirectory() as tmp:
        ledger = Path(tmp) / "claims.csv"
        claims_ledger(ledger, 5000)
        subprocess.run([sys.executable, "-m", "mapper", "build", str(ledger), "--output-dir", tmp, "--name", "m",
                        "--self-contained"], check=True, capture_output=True)
        size = (Path(tmp) / "m.html").stat().st_size
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=find_chromium(), args=CHROMIUM_ARGS)
            times = []
            for _ in range(3):
                page = browser.new_page(viewport={"width": 1280, "height": 800})
                t = time.perf_counter()
                page.goto((Path(tmp) / "m.html").as_uri(), wait_until="commit")
                page.wait_for_selector("[data-claims-ready]", timeout=30_000)
                times.append(time.perf_counter() - t)
                page.close()
            browser.close()
        print(f"self-contained 5,000-claim map ({size / 1e6:.2f} MB) interactive in headless Chromium: "
              f"{min(times):.2f} s (median {statistics.median(times):.2f} s)")


if __name__ == "__main__":
    which = sys.argv[1:] or ["gazetteer", "mapper", "browser"]
    for name in which:
        globals()[f"bench_{name}"]()

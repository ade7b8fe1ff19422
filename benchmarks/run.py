"""Speed and size figures for the README (not timed tests).

    python benchmarks/run.py            # all
    python benchmarks/run.py gazetteer  # or: mapper, browser

Inputs are generated here from the bundled data with a fixed seed, so runs
compare: 10,000- and 100,000-row CSVs of press spellings and gazetteer names
(one row in five misspelled) and ledgers of 5,000 claims. Figures are medians;
each gazetteer line gives wall and CPU time (the CPU time is what other jobs
sharing the cores do not change), and the machine and its load average are
printed before and after. "No cache" runs resolve each distinct name once in
a fresh process, so that no cache of any kind is warm.
"""

from __future__ import annotations

import csv
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # measure this checkout, not an installed copy
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


def write_batch(path: Path, names: list[str]) -> Path:
    """A batch CLI input: a row number and a place per line."""
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["row", "place"])
        w.writerows(enumerate(names))
    return path


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


def machine() -> str:
    load = ", ".join(f"{v:.1f}" for v in os.getloadavg())
    return (f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; "
            f"load average {load} (1, 5, 15 min)")


def timed(fn) -> tuple[float, float]:
    """(wall, CPU) seconds of one call: the CPU time is this process's, unaffected by other jobs' share of the cores."""
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def medians(runs: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs)


def cold_run(names_file: str, exempt: bool) -> None:
    """In a fresh process (every cache empty): load, then resolve each name once; prints wall and CPU seconds."""
    from gazetteer import Gazetteer
    from gazetteer.core import exempt_from_gc

    names = json.loads(Path(names_file).read_text(encoding="utf-8"))
    gaz = Gazetteer()
    if exempt:
        exempt_from_gc()

    def run_all():
        for name in names:
            gaz._resolve(name, None, None)
    print(json.dumps(timed(run_all)))


def bench_gazetteer(repeat: int = 5) -> None:
    from gazetteer import Gazetteer

    print(f"machine: {machine()}")
    loads = [timed(Gazetteer) for _ in range(repeat)]
    wall, cpu = medians(loads)
    print(f"gazetteer load, in process: median {wall * 1000:.0f} ms wall, {cpu * 1000:.0f} ms CPU "
          f"(best {min(w for w, _ in loads) * 1000:.0f} ms wall)")
    names = mixed_names(10_000)
    distinct = sorted(set(names))
    with tempfile.TemporaryDirectory() as tmp:
        names_file = Path(tmp) / "distinct.json"
        names_file.write_text(json.dumps(distinct), encoding="utf-8")
        for exempt, how in ((False, ""), (True, ", after exempt_from_gc() as the CLI does")):
            runs = []
            for _ in range(repeat):
                out = subprocess.run([sys.executable, __file__, "_cold", str(names_file), str(int(exempt))],
                                     check=True, capture_output=True, text=True, cwd=ROOT).stdout
                runs.append(tuple(json.loads(out)))
            wall, cpu = medians(runs)
            print(f"library, {len(distinct):,} distinct names, one in five misspelled, fresh process, no cache"
                  f"{how}: {len(distinct) / wall:,.0f} names/s wall, {len(distinct) / cpu:,.0f} names/s CPU "
                  f"(medians of {repeat})")

    def rows_with_cache():
        gaz = Gazetteer()
        return timed(lambda: [gaz.resolve(name) for name in names])
    wall, cpu = medians([rows_with_cache() for _ in range(3)])
    print(f"library, the 10,000 rows (repeats answered from the result cache): {len(names) / wall:,.0f} names/s "
          f"wall, {len(names) / cpu:,.0f} names/s CPU")
    gaz = Gazetteer()
    exact = press_names() * 20
    wall, cpu = medians([timed(lambda: [gaz._resolve(name, None, None) for name in exact]) for _ in range(3)])
    print(f"library, correctly spelled press names, no result cache (places built): {len(exact) / wall:,.0f} "
          f"names/s wall, {len(exact) / cpu:,.0f} names/s CPU")
    for rows in (10_000, 100_000):
        batch = names if rows == len(names) else mixed_names(rows)
        with tempfile.TemporaryDirectory() as tmp:
            src = write_batch(Path(tmp) / "names.csv", batch)
            # As users run it (a large batch shares its look-ups with a forked
            # process where there are two cores), then in one process.
            # The CPU time is the CLI's and its forked worker's together.
            for how, extra in (("", []), (", one process (--workers 1)", ["--workers", "1"])):
                cmd = [sys.executable, "-m", "gazetteer", "resolve", "--input", str(src), "--column", "place",
                       "--output", str(Path(tmp) / "out.csv"), *extra]
                runs = []
                for _ in range(3):
                    before = resource.getrusage(resource.RUSAGE_CHILDREN)
                    wall, _ = timed(lambda: subprocess.run(cmd, check=True, capture_output=True, cwd=ROOT))
                    after = resource.getrusage(resource.RUSAGE_CHILDREN)
                    runs.append((wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime))
                wall, cpu = medians(runs)
                print(f"batch CLI, {rows:,}-row CSV ({len(set(batch)):,} distinct names), one in five misspelled, "
                      f"end to end{how}: median {wall:.2f} s wall, {cpu:.2f} s CPU "
                      f"(best {min(w for w, _ in runs):.2f} s)")
    print(f"machine after: {machine()}")


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
    if sys.argv[1:2] == ["_cold"]:  # one cold run, in the fresh process bench_gazetteer starts
        cold_run(sys.argv[2], sys.argv[3] == "1")
        sys.exit(0)
    which = sys.argv[1:] or ["gazetteer", "mapper", "browser"]
    for name in which:
        globals()[f"bench_{name}"]()

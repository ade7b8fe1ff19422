"""mapper build at 1k/5k/20k/50k claims, as users run it, beside plain folium.

    python benchmarks/scale.py [--sizes 1000,5000,20000,50000] [--repeat 5] [--mapper-only]

Each figure is the median wall time, and CPU time in brackets, of whole processes (start-up, imports and
loading included), run in turn in the same session: ``mapper build``, folium
with one Marker and popup per claim, and folium's GeoJson layer with a popup
per feature (both given coordinates, so they do no name resolution at all).
HTML sizes are of the files written; the median max RSS of each kind of run (the largest process,
forked copies included) is printed after each size. The machine and its load average (at
the start and after each size: the machine may be shared) are printed with
the table; the fastest of the runs is printed beside each median.
``--mapper-only`` leaves folium out (its Markers page takes minutes at 50,000 claims).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _ledgers import write_ledger  # noqa: E402

MARKERS = """
import csv, sys, folium
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
m = folium.Map(location=[39.8, 46.7], zoom_start=8)
for r in rows:
    folium.Marker([float(r["lat"]), float(r["lon"])],
                  popup=folium.Popup(f"{r['date']} {r['claimant']}: {r['claim']} {r['place']}")).add_to(m)
m.save(sys.argv[2])
"""

GEOJSON = """
import csv, sys, folium
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
fc = {"type": "FeatureCollection", "features": [
    {"type": "Feature", "geometry": {"type": "Point", "coordinates": [float(r["lon"]), float(r["lat"])]},
     "properties": {k: r[k] for k in ("date", "claimant", "claim", "place")}} for r in rows]}
m = folium.Map(location=[39.8, 46.7], zoom_start=8)
folium.GeoJson(fc, popup=folium.GeoJsonPopup(fields=["date", "claimant", "claim", "place"])).add_to(m)
m.save(sys.argv[2])
"""


def run(cmd: list[str]) -> tuple[float, float, float]:
    """(wall, CPU, max RSS) of one whole process: seconds, seconds, MB. CPU is its user + system
    time, which a machine shared with other work inflates far less than wall time; CPU and max RSS
    include the copies it forks (the largest of them, for the RSS)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise subprocess.CalledProcessError(proc.returncode, cmd)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,5000,20000,50000")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--mapper-only", action="store_true", help="time mapper build alone")
    parser.add_argument("--workers", choices=("1", "2"),
                        help="pass --workers to mapper build (default: none, as a user runs it: two processes "
                             "from 10,000 claims when a core is idle)")
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"load average {os.getloadavg()[0]:.1f} at the start; medians of {args.repeat} whole-process runs, "
          "wall time (CPU time: user + system)" + (f"; mapper build --workers {args.workers}" if args.workers else ""))
    print("| claims | mapper build | folium Markers | folium GeoJson | × Markers (CPU) | × GeoJson (CPU) "
          "| HTML mapper | HTML Markers |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for n in (int(s) for s in args.sizes.split(",")):
            ledger = write_ledger(tmp / f"l{n}.csv", n)
            coords = write_ledger(tmp / f"c{n}.csv", n, with_coordinates=True)
            times: dict[str, list[tuple[float, float, float]]] = {"mapper": [], "markers": [], "geojson": []}
            for _ in range(args.repeat):
                times["mapper"].append(run([sys.executable, "-m", "mapper", "build", str(ledger),
                                            "--output-dir", str(tmp / "out"), "--name", "m",
                                            *(["--workers", args.workers] if args.workers else [])]))
                if args.mapper_only:
                    continue
                times["markers"].append(run([sys.executable, "-c", MARKERS, str(coords), str(tmp / "k.html")]))
                times["geojson"].append(run([sys.executable, "-c", GEOJSON, str(coords), str(tmp / "g.html")]))
            wall = {k: statistics.median(w for w, _, _ in v) for k, v in times.items() if v}
            cpu = {k: statistics.median(c for _, c, _ in v) for k, v in times.items() if v}
            rss = {k: statistics.median(m for _, _, m in v) for k, v in times.items() if v}
            best = {k: (min(w for w, _, _ in v), min(c for _, c, _ in v)) for k, v in times.items() if v}
            size_m = (tmp / "out" / "m.html").stat().st_size

            def cell(k: str) -> str:
                if k not in wall:
                    return "–"
                return f"{wall[k]:.2f} s ({cpu[k]:.2f} s; fastest {best[k][0]:.2f} s ({best[k][1]:.2f} s))"

            def ratio(k: str, digits: int) -> str:
                if k not in wall:
                    return "–"
                return f"{wall[k] / wall['mapper']:.{digits}f}× ({cpu[k] / cpu['mapper']:.{digits}f}×)"

            size_k = f"{(tmp / 'k.html').stat().st_size / 1e6:.2f} MB" if "markers" in wall else "–"
            print(f"| {n:,} | {cell('mapper')} | {cell('markers')} | {cell('geojson')} | {ratio('markers', 1)} | "
                  f"{ratio('geojson', 2)} | {size_m / 1e6:.2f} MB | {size_k} |", flush=True)
            print(f"(load average {os.getloadavg()[0]:.1f} after {n:,}; max RSS, median: "
                  + ", ".join(f"{k} {rss[k]:.0f} MB" for k in rss) + ")", flush=True)


if __name__ == "__main__":
    main()

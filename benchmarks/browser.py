"""The built map in headless Chromium, as a reader's browser opens it (network refused).

    python benchmarks/browser.py [--sizes 1000,5000,20000,50000] [--repeat 5] [--steps 40] [--modes auto]

For synthetic ledgers of each size (benchmarks/_ledgers.py) and for the
bundled war example's claimed-control layer, it builds a self-contained map
with ``mapper build`` and opens it in a fresh page, then reports medians over
``--repeat`` loads:

- first paint: the browser's first-contentful-paint entry;
- interactive: navigation start until the claims script marks the map ready
  (markers, control layer, panel and slider all in place);
- slider step: one step of the date slider (an ``input`` event, as a drag
  makes) until the next frame has been painted, median over ``--steps``
  steps forward and back across the whole range;
- of which script: the script's share of a step, from Chromium's own
  accounting (CDP ``Performance.getMetrics`` ScriptDuration over all the
  steps, divided by their number): the input handler and the canvas's paint
  in the next animation frame; the rest is the browser's style, layout,
  paint and compositing;
- JS heap: ``performance.memory.usedJSHeapSize`` after the steps, after a
  garbage collection;
- HTML: the size of the file.

``--modes svg,canvas`` opens each map twice, its markers forced to SVG
elements and to the canvas (the page's data rewritten), to place the
threshold ``mapper.payload.CANVAS_PLACES``; ``auto`` is what the build chose.

Prints a Markdown table and the machine.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT))
from _ledgers import write_ledger  # noqa: E402

WAR = ROOT / "mapper" / "examples" / "war-2020.csv"

STEP = """async ([value, scope]) => {
  const slider = document.querySelector('.cm-slider');
  const frame = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  await frame();
  const t0 = performance.now();
  slider.value = value;
  slider.dispatchEvent(new Event('input'));
  const js = performance.now() - t0;
  await frame();
  return [js, performance.now() - t0];
}"""


def build(ledger: Path, out: Path, name: str) -> Path:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    subprocess.run([sys.executable, "-m", "mapper", "-q", "build", str(ledger), "--output-dir", str(out),
                    "--name", name, "--self-contained"], check=False, env=env, capture_output=True)
    path = out / f"{name}.html"
    if not path.exists():
        raise SystemExit(f"{ledger}: mapper build wrote no map")
    return path


DATA = re.compile(r'(<script type="application/json" id="[A-Za-z0-9_]+">)(.*?)(</script>)', re.S)


def with_mode(path: Path, mode: str) -> tuple[Path, str]:
    """The map as built (``auto``), or a copy with its markers forced to SVG or canvas."""
    import json

    from mapper.render import script_json

    html = path.read_text(encoding="utf-8")
    match = DATA.search(html)
    data = json.loads(match.group(2))
    if mode == "auto":
        return path, "canvas" if data.get("canvas") else "svg"
    data["canvas"] = mode == "canvas"
    out = path.with_name(f"{path.stem}-{mode}.html")
    out.write_text(html[:match.start(2)] + script_json(data) + html[match.end(2):], encoding="utf-8")
    return out, mode


def measure(browser, path: Path, steps: int) -> dict[str, float]:
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.route(re.compile(r"^https?://"), lambda route: route.abort())
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.resolve().as_uri())
    page.wait_for_selector("[data-claims-ready]", timeout=120000)
    # The first paint comes after the (blocking) claims script: wait for its entry.
    page.wait_for_function("performance.getEntriesByName('first-contentful-paint').length > 0", timeout=120000)
    times = page.evaluate("""() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const paint = performance.getEntriesByName('first-contentful-paint')[0];
      const ready = performance.getEntriesByName('mapper-ready')[0];
      return {paint: paint ? paint.startTime : NaN, ready: ready ? ready.startTime : NaN,
              load: nav ? nav.loadEventEnd : NaN};
    }""")
    if times["ready"] != times["ready"]:  # NaN: an older page without the mark
        times["ready"] = page.evaluate("performance.now()")
    n = int(page.locator(".cm-slider").get_attribute("max")) + 1
    # Forward a day at a time, then back, across the range: what a reader dragging does.
    values = [round(i * (n - 1) / max(1, steps // 2)) for i in range(steps // 2 + 1)]
    values = values + values[::-1]
    page.evaluate(STEP, [0, 0])
    cdp = page.context.new_cdp_session(page)
    cdp.send("Performance.enable")

    def script_seconds() -> float:
        return next(m["value"] for m in cdp.send("Performance.getMetrics")["metrics"] if m["name"] == "ScriptDuration")

    script0 = script_seconds()
    js, frame = [], []
    for v in values:
        a, b = page.evaluate(STEP, [v, 0])
        js.append(a)
        frame.append(b)
    script = (script_seconds() - script0) * 1000 / len(values)
    single = []
    for v in range(min(n - 1, steps)):  # single-day steps
        single.append(page.evaluate(STEP, [v + 1, 0])[1])
    cdp.send("HeapProfiler.collectGarbage")
    heap = page.evaluate("performance.memory ? performance.memory.usedJSHeapSize : NaN")
    dom = page.evaluate("document.getElementsByTagName('*').length")
    page.close()
    if errors:
        raise SystemExit(f"{path}: {errors[0]}")
    return {"paint": times["paint"], "ready": times["ready"], "step_js": script,
            "step": statistics.median(frame), "step_day": statistics.median(single) if single else float("nan"),
            "step_max": max(frame), "heap": heap / 1e6, "dom": dom}


def median_runs(browser, path: Path, repeat: int, steps: int) -> dict[str, float]:
    runs = [measure(browser, path, steps) for _ in range(repeat)]
    return {k: statistics.median(r[k] for r in runs) for k in runs[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,5000,20000,50000")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--steps", type=int, default=40)
    parser.add_argument("--modes", default="auto", help="auto, svg, canvas or a comma-separated list")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    from mapper.image import CHROMIUM_ARGS, find_chromium

    exe = find_chromium()
    if exe is None:
        raise SystemExit("no Chromium: install it with `playwright install chromium`")
    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        out = Path(tmp)
        browser = pw.chromium.launch(executable_path=exe, args=[*CHROMIUM_ARGS, "--enable-precise-memory-info"])
        jobs = [("war example (233 claims, control layer)", build(WAR, out, "war"))]
        for n in (int(s) for s in args.sizes.split(",") if s):
            jobs.append((f"{n:,} claims", build(write_ledger(out / f"l{n}.csv", n), out, f"l{n}")))
        for label, built in jobs:
            for mode in args.modes.split(","):
                path, drawn = with_mode(built, mode)
                r = median_runs(browser, path, args.repeat, args.steps)
                rows.append((label, drawn, built.stat().st_size, r))
                print(f"{label} ({drawn}): {r}", file=sys.stderr)
        browser.close()
    print("| map | markers | HTML | first paint | interactive | slider step (median, to next frame) | "
          "of which script | one-day step | slowest step | JS heap | DOM elements |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for label, drawn, size, r in rows:
        print(f"| {label} | {drawn} | {size / 1e6:.2f} MB | {r['paint']:.0f} ms | {r['ready']:.0f} ms | "
              f"{r['step']:.1f} ms | "
              f"{r['step_js']:.1f} ms | {r['step_day']:.1f} ms | {r['step_max']:.0f} ms | {r['heap']:.1f} MB | "
              f"{r['dom']:.0f} |")
    print()
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
          f"Python {platform.python_version()}, headless Chromium; medians of {args.repeat} loads, "
          f"{args.steps} steps each; load average at the end {os.getloadavg()[0]:.1f}.")


if __name__ == "__main__":
    main()

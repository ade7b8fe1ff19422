"""How well and how fast ``mapper draft`` drafts a set of annotated texts.

    python benchmarks/draft.py tests/data/draft/own          # scores and speed
    python benchmarks/draft.py SET --no-speed --details       # each miss and each wrong row

A set is a folder of ``NNN-lang-slug/`` folders, each with ``text.txt`` and
``expected.yaml`` in the format of tests/data/draft/FORMAT.md. Scores, as that
file defines them:

* places found: annotated claim places (settlement, district, province,
  landmark) for which a drafted row lies within 5 km (25 km for districts and
  provinces) and its mention overlaps the place as written (or its ``place``
  equals it, case-folded); places with no coordinates match by the text alone;
* drafted places right: drafted rows, less those about a ``mentions_only`` place
  or a region or country, that match an annotated place so;
* claim kind and date: each annotated claim of a found place matched to a
  distinct drafted row of that place with the same claim (and date).

Speed: one 400-word article after loading (median of 30), and 1,000 articles
of about 400 words (the set's texts strung together, each article starting one
text further on), once with the caches warm as in a day's work and once with
the gazetteer's and the date reader's caches emptied before each.
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PLACE_KINDS = {"settlement", "district", "province", "landmark"}
RADIUS_KM = {"settlement": 5.0, "landmark": 5.0, "district": 25.0, "province": 25.0, "region": 60.0, "country": 300.0}


def km(lat1, lon1, lat2, lon2) -> float:
    dlat = math.radians(lat2 - lat1)
    dlon = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(dlat, dlon)


def spans_of(text: str, written: str) -> list[tuple[int, int]]:
    low, key, out, i = text.casefold(), written.casefold(), [], 0
    while key and (i := low.find(key, i)) >= 0:
        out.append((i, i + len(key)))
        i += 1
    return out


def matches(row: dict, entry: dict, spans: list[tuple[int, int]]) -> bool:
    """Whether a drafted row is about an annotated place (FORMAT.md's rule)."""
    start, end = int(row["start"]), int(row["end"])
    written = any(a < end and start < b for a, b in spans) or \
        str(row["place"]).casefold() == str(entry["place"]).casefold()
    if not written:
        return False
    if entry.get("lat") is None or entry.get("lon") is None:
        return True
    if row["lat"] in ("", None):
        return False
    return km(float(row["lat"]), float(row["lon"]), entry["lat"], entry["lon"]) <= RADIUS_KM.get(entry["kind"], 5.0)


def load_set(folder: Path) -> list[tuple[Path, str, dict]]:
    items = []
    for d in sorted(p for p in folder.iterdir() if p.is_dir()):
        text = (d / "text.txt").read_text(encoding="utf-8")
        items.append((d, text, yaml.safe_load((d / "expected.yaml").read_text(encoding="utf-8"))))
    return items


def score(items, gaz, details: bool) -> dict:
    from mapper.draft import draft_ledger

    tot = {"places": 0, "found": 0, "rows": 0, "right": 0, "claims": 0, "claim_ok": 0, "dated": 0, "date_ok": 0}
    by_lang: dict[str, dict] = {}
    for folder, text, exp in items:
        published = str(exp.get("published")) if exp.get("published") else None
        rows = draft_ledger(text, published=published, gazetteer=gaz)
        claims = exp.get("claims") or []
        places = {}
        for c in claims:
            if c["kind"] in PLACE_KINDS:
                places.setdefault((str(c["place"]).casefold(), c.get("lat"), c.get("lon")), c)
        others = [*(exp.get("mentions_only") or []), *(c for c in claims if c["kind"] not in PLACE_KINDS)]
        lang = by_lang.setdefault(exp.get("lang", "?"), {k: 0 for k in tot})
        found_rows: dict[tuple, list[dict]] = {}
        for key, entry in places.items():
            spans = spans_of(text, str(entry["place"]))
            hits = [r for r in rows if matches(r, entry, spans)]
            found_rows[key] = hits
            for t in (tot, lang):
                t["places"] += 1
                t["found"] += bool(hits)
            if details and not hits:
                print(f"  MISSED {folder.name}: {entry['place']!r}")
        for r in rows:
            if any(matches(r, o, spans_of(text, str(o["place"]))) for o in others):
                continue
            right = any(matches(r, e, spans_of(text, str(e["place"]))) for e in places.values())
            for t in (tot, lang):
                t["rows"] += 1
                t["right"] += right
            if details and not right:
                print(f"  WRONG  {folder.name}: {r['place']!r} -> {r['place_id'] or '(unresolved)'} {r['claim']}")
        used: set[int] = set()
        for c in claims:
            if c["kind"] not in PLACE_KINDS:
                continue
            hits = found_rows[(str(c["place"]).casefold(), c.get("lat"), c.get("lon"))]
            if not hits:
                continue
            free = [r for r in hits if id(r) not in used]
            best = max(free, key=lambda r: (r["claim"] == c["claim"]) * 2 + (r["date"] == str(c["date"])),
                       default=None)
            claim_ok = best is not None and best["claim"] == c["claim"]
            date_ok = best is not None and best["date"] == str(c["date"])
            if best is not None:
                used.add(id(best))
            for t in (tot, lang):
                t["claims"] += 1
                t["claim_ok"] += claim_ok
                t["dated"] += 1
                t["date_ok"] += date_ok
            if details and not claim_ok:
                print(f"  CLAIM  {folder.name}: {c['place']!r} expected {c['claim']}, "
                      f"drafted {sorted({r['claim'] for r in hits})}")
            if details and not date_ok:
                print(f"  DATE   {folder.name}: {c['place']!r} expected {c['date']}, "
                      f"drafted {sorted({r['date'] for r in hits})}")
    return {"all": tot, **by_lang}


def pct(a: int, b: int) -> str:
    return f"{100.0 * a / b:.1f}% ({a}/{b})" if b else "-"


def report(scores: dict) -> None:
    print("| set | places found | drafted places right | claim kind right | date right |")
    print("| --- | --- | --- | --- | --- |")
    for name, t in scores.items():
        print(f"| {name} | {pct(t['found'], t['places'])} | {pct(t['right'], t['rows'])} | "
              f"{pct(t['claim_ok'], t['claims'])} | {pct(t['date_ok'], t['dated'])} |")


def speed(items, gaz) -> None:
    from gazetteer.core import exempt_from_gc
    from mapper.draft import draft_ledger
    from mapper.draft.dates import _read

    exempt_from_gc()
    article = (ROOT / "tests" / "data" / "draft" / "speed-article.txt").read_text(encoding="utf-8")
    words = len(article.split())
    draft_ledger(article, published="2020-10-26", gazetteer=gaz)
    times, cpu = [], []
    for _ in range(30):
        t, c = time.perf_counter(), time.process_time()
        draft_ledger(article, published="2020-10-26", gazetteer=gaz)
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    print(f"one article of {words} words, after loading: median {1000 * statistics.median(times):.1f} ms, "
          f"best {1000 * min(times):.1f} ms; CPU median {1000 * statistics.median(cpu):.1f} ms (target < 50 ms)")
    # 1,000 articles of about 400 words: the set's texts (and the article above) strung together,
    # each article starting one text further on, so no two are the same.
    texts = [(text, str(exp.get("published"))) for _, text, exp in items] + [(article, "2020-10-26")]
    articles = []
    for i in range(1000):
        parts, n, j = [], 0, i
        while n < 400:
            text, pub = texts[j % len(texts)]
            parts.append(text)
            n += len(text.split())
            j += 1
        articles.append(("\n\n".join(parts), texts[i % len(texts)][1]))
    n_words = sum(len(a.split()) for a, _ in articles)
    t, c = time.perf_counter(), time.process_time()
    for text, pub in articles:
        draft_ledger(text, published=pub, gazetteer=gaz)
    warm, warm_cpu = time.perf_counter() - t, time.process_time() - c
    t, c = time.perf_counter(), time.process_time()
    for text, pub in articles:
        gaz._cache.clear()
        _read.cache_clear()
        draft_ledger(text, published=pub, gazetteer=gaz)
    cold, cold_cpu = time.perf_counter() - t, time.process_time() - c
    print(f"1,000 articles ({n_words / 1000:.0f} words each on average): {warm:.2f} s ({warm_cpu:.2f} s CPU) "
          f"with warm caches, {cold:.2f} s ({cold_cpu:.2f} s CPU) with the caches emptied before each "
          f"(target < 30 s)")


def scaling(gaz) -> None:
    """Crafted inputs, 1x and 4x: a run must stay linear in its input."""
    from mapper.draft import draft_ledger

    units = {
        "one endless sentence of places, quotes and lists":
            "Hadrut, Martuni, Shusha “and” Talish; Qubadlıda, в Гадруте and Xyz village were shelled ",
        "many short paragraphs with claims carried between them":
            "The army liberated Hadrut and Talish. Pashinyan said “we retreated”.\n\n",
    }
    for what, unit in units.items():
        times = []
        for n in (500, 2000):
            t = time.process_time()
            draft_ledger(unit * n, published="2020-10-26", gazetteer=gaz)
            times.append(time.process_time() - t)
        print(f"{what}: {len(unit) * 500:,} chars {times[0]:.2f} s CPU, 4x as long {times[1]:.2f} s "
              f"(ratio {times[1] / times[0]:.1f}; linear is 4)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="?", default=ROOT / "tests" / "data" / "draft" / "own")
    parser.add_argument("--details", action="store_true", help="list each miss, wrong row, claim and date")
    parser.add_argument("--no-speed", action="store_true")
    args = parser.parse_args()
    from gazetteer import Gazetteer
    from mapper.draft import draft_ledger

    t = time.perf_counter()
    gaz = Gazetteer()
    draft_ledger("Hadrut.", published="2020-10-26", gazetteer=gaz)
    print(f"loading (gazetteer, automaton, dateparser): {time.perf_counter() - t:.2f} s")
    items = load_set(args.folder)
    print(f"{args.folder}: {len(items)} texts")
    report(score(items, gaz, args.details))
    if not args.no_speed:
        speed(items, gaz)
        scaling(gaz)


if __name__ == "__main__":
    main()

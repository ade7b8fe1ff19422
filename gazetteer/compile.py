"""Compiling WOF trees and the curated file into the shipped gazetteer data.

Two files come out: ``gazetteer.json`` (places, names and the name keys,
precomputed so that loading does no transliteration) and
``boundaries.geojson`` (simplified district, province and country polygons,
read only when a map needs them).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .atomic import atomic_write
from .curated import load_curated
from .errors import DataError
from .normalize import NORMALISER_VERSION, aze_to_english, norm_key, skeleton
from .wof import Record, read_wof

__all__ = ["compile_gazetteer", "DATA_DIR", "CURATED_PATH", "FORMAT"]

DATA_DIR = Path(__file__).parent / "data"
CURATED_PATH = DATA_DIR / "curated"
FORMAT = "armaz-gazetteer/1"
ATTRIBUTION = (
    "Place data from Who's On First (https://whosonfirst.org/docs/licenses/), "
    "including GeoNames data (CC BY 4.0, https://www.geonames.org/); "
    "curated additions by the project (see gazetteer/data/curated/)."
)
_KIND_ORDER = {"settlement": 0, "landmark": 0, "district": 1, "province": 2, "region": 3, "country": 4}
_SIMPLIFY = {"district": 0.002, "province": 0.002, "country": 0.01}


def _display_name(rec: Record) -> str:
    """A readable name: WOF's own name is a GeoNames romanization for many
    Azerbaijani villages ("Kerbakhiar"), so their Azerbaijani name comes first;
    districts and Armenian places keep WOF's name ("Kəlbəcər", "Goris")."""
    if rec.country == "AZ" and rec.kind == "settlement":
        for lang in ("aze", "eng"):
            for n in rec.names:
                if n["lang"] == lang and n["type"] == "preferred":
                    return n["text"]
    return rec.name


def _place_from_record(rec: Record, kept: set[int]) -> dict[str, Any]:
    sources: dict[str, Any] = {"wof": [rec.wof_id, *sorted(rec.merged)]}
    # Cities of district rank (Şuşa, Gəncə) and Yerevan, a city with a marz's rank.
    extra = {"unit": "city"} if rec.kind in ("district", "province") and rec.local == "city" else {}
    if rec.gn_id:
        sources["gn"] = rec.gn_id
    if rec.wd_id:
        sources["wd"] = rec.wd_id
    return {
        "id": f"wof:{rec.wof_id}",
        "name": _display_name(rec),
        "kind": rec.kind,
        "lat": rec.lat,
        "lon": rec.lon,
        "country": rec.country,
        "parents": [f"wof:{p}" for p in rec.parent_ids if p in kept],
        "names": [dict(n) for n in rec.names],
        "sources": sources,
        "current": rec.current,
        "population": rec.population,
        **extra,
    }


def _apply_curated(places: dict[str, dict[str, Any]], entries: list[dict[str, Any]], path: Path) -> None:
    # A curated entry may name a WOF record that the import merged into
    # another: follow it to the record that was kept.
    alias = {f"wof:{w}": pid for pid, p in places.items() for w in p["sources"].get("wof", [])}

    def real(pid: str) -> str:
        return alias.get(pid, pid)

    covers: list[tuple[str, list[str]]] = []
    for i, entry in enumerate(entries, 1):
        pid = real(entry["id"])
        new = entry.get("new")
        if new is not None:
            if pid in places:
                raise DataError(f"{path}: entry {i} ({pid}): 'new' given for a place that exists")
            places[pid] = {
                "id": pid, "name": entry["name"], "kind": new["kind"],
                "lat": round(float(new["lat"]), 5), "lon": round(float(new["lon"]), 5),
                "country": new.get("country"), "parents": list(new.get("parents") or []),
                "names": [], "sources": {"curated": True}, "current": True, "population": None,
            }
        place = places.get(pid)
        if place is None:
            raise DataError(f"{path}: entry {i} ({pid}): no such place in the imported data; "
                            "check the id, or re-import the Who's On First trees")
        for other_id in entry.get("merge") or []:
            other = places.pop(real(other_id), None)
            if other is None:
                raise DataError(f"{path}: entry {i} ({pid}): 'merge' names {other_id}, which is not a place")
            have = {(n["text"], n["lang"]) for n in place["names"]}
            place["names"] += [{**n, "type": "variant"} for n in other["names"]
                               if (n["text"], n["lang"]) not in have]
            place["sources"]["wof"] = sorted(set(place["sources"].get("wof", []))
                                             | set(other["sources"].get("wof", [])))
            alias.update({f"wof:{w}": pid for w in other["sources"].get("wof", [])})
        if entry.get("replace_names"):
            place["names"] = []
        drop = set(entry.get("drop_names") or [])
        place["names"] = [n for n in place["names"] if n["text"] not in drop]
        if entry.get("name"):
            place["name"] = entry["name"]
        if entry.get("kind"):
            place["kind"] = entry["kind"]
        extra = entry.get("parent") or []
        for parent in [extra] if isinstance(extra, str) else extra:
            parent = real(parent)
            place["parents"] = [parent, *[p for p in place["parents"] if p != parent]]
        have = {(n["text"], n["lang"]): n for n in place["names"]}
        for name in entry["names"]:
            clean = {k: v for k, v in name.items() if v is not None}
            if (name["text"], name["lang"]) in have:
                have[(name["text"], name["lang"])].update(clean)
            else:
                place["names"].append(clean)
        place["sources"]["curated"] = True
        if entry.get("covers"):
            covers.append((pid, [real(d) for d in entry["covers"]]))
    for pid, districts in covers:
        for did in districts:
            if did not in places:
                raise DataError(f"{path}: {pid}: 'covers' names {did}, which is not a place")
    # Insert covering places into each settlement's and district's parents,
    # keeping the chain ordered from the smallest unit up.
    for place in places.values():
        chain = list(place["parents"])
        for pid, districts in covers:
            if pid == place["id"] or pid in chain:
                continue
            if place["id"] in districts or any(d in chain for d in districts):
                chain.append(pid)
        chain.sort(key=lambda p: _KIND_ORDER.get(places[p]["kind"], 9) if p in places else 9)
        place["parents"] = chain


def _index(places: list[dict[str, Any]]) -> dict[str, dict[str, list[list[int]]]]:
    """Normalised and phonetic keys of every name -> [place index, name index] pairs.

    An Azerbaijani name is also indexed as the English press transcribes it
    (Cahangirbəyli as Jahangirbayli), under the same name index.
    """
    norm: dict[str, list[list[int]]] = {}
    skel: dict[str, list[list[int]]] = {}
    for pi, place in enumerate(places):
        for ni, name in enumerate(place["names"]):
            forms = {name["text"]}
            if name["lang"] == "aze":
                forms.add(aze_to_english(name["text"]))
            keys = {(table_name, key) for form in forms
                    for table_name, key in (("norm", norm_key(form)), ("skel", skeleton(form))) if key}
            for table_name, key in sorted(keys):
                (norm if table_name == "norm" else skel).setdefault(key, []).append([pi, ni])
    return {"norm": norm, "skel": skel}


def _boundaries(records: dict[int, Record], places: dict[str, dict[str, Any]]) -> dict[str, Any]:
    from shapely.geometry import mapping, shape

    features = []
    for rec in sorted(records.values(), key=lambda r: r.wof_id):
        pid = f"wof:{rec.wof_id}"
        if not rec.geometry or rec.geometry.get("type") not in ("Polygon", "MultiPolygon"):
            continue
        place = places[pid]
        geom = shape(rec.geometry).simplify(_SIMPLIFY.get(place["kind"], 0.002), preserve_topology=True)
        geo = json.loads(json.dumps(mapping(geom)), parse_float=lambda v: round(float(v), 4))
        features.append({"type": "Feature", "id": pid,
                         "properties": {"id": pid, "name": place["name"], "kind": place["kind"]},
                         "geometry": geo})
    return {"type": "FeatureCollection", "features": features}


def _line_per_item(doc: dict) -> str:
    """JSON with one place, and one index key, per line.

    The file is committed each time the data changes: a line per item keeps
    those diffs to the places that changed instead of the whole file.
    """
    def dumps(value: object) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    parts = []
    for key, value in doc.items():
        if key == "places":
            body = ",\n".join(dumps(p) for p in value)
            parts.append(f"{dumps(key)}:[\n{body}\n]")
        elif key == "keys":
            layers = []
            for layer, index in value.items():
                body = ",\n".join(f"{dumps(k)}:{dumps(v)}" for k, v in index.items())
                layers.append(f"{dumps(layer)}:{{\n{body}\n}}")
            parts.append(f"{dumps(key)}:{{\n" + ",\n".join(layers) + "\n}")
        else:
            parts.append(f"{dumps(key)}:{dumps(value)}")
    return "{" + ",\n".join(parts) + "}\n"


def compile_gazetteer(roots: list[Path], *, curated: Path | None = CURATED_PATH,
                      out_dir: Path = DATA_DIR) -> dict[str, Any]:
    """Import WOF trees, apply the curated file, write the data files; return a report."""
    report: dict[str, Any] = {"roots": [str(r) for r in roots]}
    snapshots = []
    for root in roots:
        snap = Path(root) / "SNAPSHOT"
        if snap.is_file():
            snapshots.append(f"{Path(root).name}: {snap.read_text(encoding='utf-8').strip()}")
    records = read_wof([Path(r) for r in roots], report)
    kept = set(records)
    places = {f"wof:{r.wof_id}": _place_from_record(r, kept)
              for r in sorted(records.values(), key=lambda r: r.wof_id)}
    if curated is not None:
        _apply_curated(places, load_curated(curated), curated)
    ordered = sorted(places.values(), key=lambda p: (_KIND_ORDER.get(p["kind"], 9), p["id"]))
    for place in ordered:
        place["names"].sort(key=lambda n: (n["lang"], n["type"], n["text"]))
    doc = {
        "format": FORMAT,
        "normaliser_version": NORMALISER_VERSION,
        "attribution": ATTRIBUTION,
        "sources": snapshots,
        "places": ordered,
        "keys": _index(ordered),
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    # Written whole or not at all: a failed import keeps the working data.
    with atomic_write(out_dir / "gazetteer.json", newline=None) as fh:
        fh.write(_line_per_item(doc))
    with atomic_write(out_dir / "boundaries.geojson", newline=None) as fh:
        json.dump(_boundaries(records, places), fh, ensure_ascii=False, separators=(",", ":"))
    counts: dict[str, int] = {}
    for place in ordered:
        counts[place["kind"]] = counts.get(place["kind"], 0) + 1
    report["places"] = counts
    report["names"] = sum(len(p["names"]) for p in ordered)
    return report

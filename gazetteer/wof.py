"""Reading Who's On First data trees into place records.

WOF keeps one GeoJSON file per place. Not all of them are usable as they are:
records are deprecated or superseded, the same village can appear twice (a
GeoNames point and a later import), Armenian communities (``localadmin``)
repeat their main village, and some names are stored under the wrong language
or even the wrong place. This module turns a tree into clean records and
reports what it set aside; ``compile`` adds the curated file and writes the
shipped data.
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import DataError
from .labels import distance_km, english_labels, flag_borrowed_names, old_russian_names
from .normalize import _SCHWA_TABLE, norm_key, script_of, skeleton
from .parents import parents_from_geometry

__all__ = ["read_wof"]

#: Languages whose names the press of this conflict may use. Others (Chinese,
#: Arabic, ...) are left out: they add index noise and no reader's spelling.
LANGS = {"aze", "hye", "rus", "eng", "und", "tur", "ukr", "fra", "deu", "spa", "ita", "kat", "fas"}
NAME_TYPES = {"preferred": "preferred", "variant": "variant", "colloquial": "variant",
              "historical": "historical", "unknown": "variant"}
PLACETYPES = {"country", "region", "locality", "localadmin"}
#: Placetypes read but not kept, with the reason given in the import report.
SKIPPED_PLACETYPES = {
    "county": "Azerbaijani counties are deprecated; Armenian ones are Soviet raions abolished in 1995",
    "macroregion": "Azerbaijani economic regions are not used in reporting on places",
    "neighbourhood": "city neighbourhoods are out of scope",
}
#: Same-name settlements closer than this in one district are one place
#: (WOF holds GeoNames points several km off); a third of it across districts.
MERGE_DISTANCE_KM = 10.0
#: Settlements whose WOF names are two romanizations of one name (the same
#: skeleton) and lie closer than this are one place.
SPELLING_MERGE_KM = 2.0


@dataclass
class Record:
    wof_id: int
    name: str
    placetype: str
    kind: str
    lat: float
    lon: float
    country: str | None
    parent_ids: list[int]
    names: list[dict[str, Any]]
    current: bool
    population: int | None
    gn_id: int | None
    wd_id: str | None
    geometry: dict[str, Any] | None
    #: WOF's local placetype: "city" for Azerbaijan's cities of district rank.
    local: str | None = None
    merged: list[int] = field(default_factory=list)


def _iter_files(root: Path) -> Iterator[Path]:
    data = root / "data" if (root / "data").is_dir() else root
    if not data.is_dir():
        raise DataError(f"{root}: not a Who's On First checkout (no data/ folder)")
    for dirpath, _dirs, files in os.walk(data):
        for name in files:
            if name.endswith(".geojson") and "-alt-" not in name:
                yield Path(dirpath) / name


def _names(props: dict[str, Any]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()

    def add(text: str, lang: str, kind: str) -> None:
        # Shown as labels too: the turned e some WOF names have is the schwa.
        text = " ".join(str(text).translate(_SCHWA_TABLE).split())
        if not text or (text, lang) in seen:
            return
        seen.add((text, lang))
        out.append({"text": text, "lang": lang, "type": kind})

    for key, values in sorted(props.items()):
        if not key.startswith("name:") or "_x_" not in key:
            continue
        lang, _, kind = key[5:].partition("_x_")
        if lang not in LANGS or kind not in NAME_TYPES:
            continue
        for text in values if isinstance(values, list) else [values]:
            script = script_of(str(text))
            # WOF files Armenian names in Latin letters (Avetaranots') under
            # "hye"; keep the language, mark the script so that labels in
            # Armenian script are not Latin.
            if lang == "hye" and script == "Latn":
                add(text, "hye-Latn", "variant")
            elif lang == "aze" and script == "Armn":
                add(text, "hye", "variant")
            elif script in ("Latn", "Cyrl", "Armn") or lang in ("kat", "fas"):
                add(text, lang, NAME_TYPES[kind])
    add(props.get("wof:name", ""), "und", "preferred")
    for key in ("gn:name", "gn:asciiname"):
        if props.get(key):
            add(props[key], "und", "variant")
    _mark_transliterations(out)
    return out


def _mark_transliterations(names: list[dict[str, Any]]) -> None:
    """Flag Armenian-script names that only spell the Azerbaijani name.

    WOF often stores "Ղուբաթլը" (Qubadlı in Armenian letters) as the Armenian
    name beside the real one (Քաշունիք). Such a name still resolves, but it is
    not shown as the place's Armenian name when another exists.
    """
    aze = {skeleton(n["text"]) for n in names if n["lang"] in ("aze", "und")}
    hye = [n for n in names if n["lang"] == "hye"]
    flagged = [n for n in hye if skeleton(n["text"]) in aze]
    if flagged and len(flagged) < len(hye):
        for n in flagged:
            n["translit"] = True


def _kind(placetype: str, country: str | None) -> str:
    if placetype == "country":
        return "country"
    if placetype == "region":
        return "province" if country == "AM" else "district"
    return "settlement"


def _read_one(path: Path) -> tuple[dict[str, Any], dict[str, Any] | None]:
    try:
        with open(path, encoding="utf-8") as fh:
            doc = json.load(fh)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataError(f"{path}: cannot read as GeoJSON: {exc}") from exc
    props = doc.get("properties")
    if not isinstance(props, dict) or "wof:id" not in props:
        raise DataError(f"{path}: not a Who's On First record (no properties.wof:id)")
    return props, doc.get("geometry")


def read_wof(roots: list[Path], report: dict[str, Any]) -> dict[int, Record]:
    """Read WOF trees into cleaned records keyed by WOF id.

    ``report`` collects counts and what was set aside, for the import summary.
    """
    records: dict[int, Record] = {}
    superseded: dict[int, tuple[list[int], list[dict[str, Any]]]] = {}
    skipped: dict[str, int] = defaultdict(int)
    for root in roots:
        for path in _iter_files(Path(root)):
            props, geometry = _read_one(path)
            placetype = props.get("wof:placetype")
            if placetype not in PLACETYPES:
                reason = SKIPPED_PLACETYPES.get(placetype, "a kind of place the gazetteer does not keep")
                skipped[f"{placetype}: {reason}"] += 1
                continue
            wof_id = int(props["wof:id"])
            names = _names(props)
            if props.get("edtf:deprecated") or props.get("wof:superseded_by"):
                superseded[wof_id] = (list(props.get("wof:superseded_by") or []), names)
                skipped["deprecated or superseded"] += 1
                continue
            try:
                lat = float(props.get("lbl:latitude", props["geom:latitude"]))
                lon = float(props.get("lbl:longitude", props["geom:longitude"]))
            except (KeyError, TypeError, ValueError) as exc:
                raise DataError(f"{path}: record {wof_id} has no usable coordinates") from exc
            hierarchy = (props.get("wof:hierarchy") or [{}])[0]
            parents = [hierarchy[k] for k in ("region_id", "country_id") if hierarchy.get(k, -1) > 0]
            country = props.get("wof:country") or None
            concord = props.get("wof:concordances") or {}
            gn = concord.get("gn:id") or props.get("gn:geonameid")
            pop = props.get("wof:population") or props.get("gn:population") or None
            records[wof_id] = Record(
                wof_id=wof_id,
                name=str(props.get("wof:name") or wof_id).translate(_SCHWA_TABLE),
                placetype=placetype,
                kind=_kind(placetype, country),
                lat=round(lat, 5),
                lon=round(lon, 5),
                country=country,
                parent_ids=[p for p in parents if p != wof_id],
                names=names,
                current=props.get("mz:is_current") != 0,
                population=int(pop) if pop else None,
                gn_id=int(gn) if gn else None,
                wd_id=concord.get("wd:id"),
                geometry=geometry if placetype in ("region", "country") else None,
                local=props.get("wof:placetype_local") or None,
            )
    # A superseded record's names live on in its successor.
    for old_id, (successors, names) in superseded.items():
        for new_id in successors:
            if new_id in records:
                _merge_into(records[new_id], old_id, names)
    report["skipped"] = dict(sorted(skipped.items()))
    report["parents_from_geometry"] = parents_from_geometry(records)
    report["merged_spellings"] = []
    report["merged_duplicates"] = _merge_duplicates(records, report["merged_spellings"])
    report["flagged_names"] = flag_borrowed_names(records)
    report["english_labels"] = english_labels(records)
    report["renamed"] = old_russian_names(records)
    return records


def _merge_into(target: Record, other_id: int, names: list[dict[str, Any]]) -> None:
    have = {(n["text"], n["lang"]) for n in target.names}
    for n in names:
        if (n["text"], n["lang"]) not in have:
            target.names.append({**n, "type": "variant" if n["type"] == "preferred" else n["type"]})
            have.add((n["text"], n["lang"]))
    target.merged.append(other_id)


def _primary_keys(rec: Record) -> set[str]:
    keys = {norm_key(rec.name)}
    # Only the main names: Russian and Armenian forms are often shared by
    # neighbours (Ağdamkənd is "Агдам" too), which would merge distinct villages.
    keys.update(norm_key(n["text"]) for n in rec.names
                if n["type"] == "preferred" and n["lang"] in ("aze", "eng"))
    keys.discard("")
    return keys


def _merge_duplicates(records: dict[int, Record], spellings: list[dict[str, Any]]) -> list[list[int]]:
    """Merge settlements that are the same place recorded twice.

    Same country, a shared preferred name (by normalised key) and under
    MERGE_DISTANCE_KM apart in the same district. The record kept is a locality over a localadmin
    (an Armenian community named for its main village), then the current one
    with the most names.
    """
    by_key: dict[tuple[str | None, str], list[Record]] = defaultdict(list)
    for rec in records.values():
        if rec.kind == "settlement":
            for key in _primary_keys(rec):
                by_key[(rec.country, key)].append(rec)
    parent: dict[int, int] = {}

    def find(i: int) -> int:
        while parent.get(i, i) != i:
            i = parent[i]
        return i

    for recs in by_key.values():
        for i, a in enumerate(recs):
            for b in recs[i + 1:]:
                limit = MERGE_DISTANCE_KM if a.parent_ids[:1] == b.parent_ids[:1] else MERGE_DISTANCE_KM / 3
                if distance_km(a, b) < limit:
                    parent[find(b.wof_id)] = find(a.wof_id)
    # Two romanizations of one name (Shurnukh and Shurrnukh, Itsak'ar and
    # Itzakar: an Armenian community and its village, imported from two
    # sources) share a skeleton; within SPELLING_MERGE_KM they are one place.
    # Only WOF's own names count: a renamed village recorded under its old
    # name elsewhere keeps its record.
    by_skeleton: dict[tuple[str | None, str], list[Record]] = defaultdict(list)
    for rec in sorted(records.values(), key=lambda r: r.wof_id):
        if rec.kind == "settlement" and skeleton(rec.name):
            by_skeleton[(rec.country, skeleton(rec.name))].append(rec)
    for recs in by_skeleton.values():
        for i, a in enumerate(recs):
            for b in recs[i + 1:]:
                if find(a.wof_id) != find(b.wof_id) and distance_km(a, b) < SPELLING_MERGE_KM:
                    parent[find(b.wof_id)] = find(a.wof_id)
                    spellings.append({"kept_or_merged": sorted([a.wof_id, b.wof_id]),
                                      "names": sorted([a.name, b.name]), "km": round(distance_km(a, b), 2)})
    clusters: dict[int, list[Record]] = defaultdict(list)
    for wof_id in list(parent):
        clusters[find(wof_id)].append(records[wof_id])
    for root, recs in clusters.items():
        if records[root] not in recs:
            recs.append(records[root])
    merged: list[list[int]] = []
    for recs in clusters.values():
        recs.sort(key=lambda r: (r.placetype != "locality", not r.current, -len(r.names), r.wof_id))
        home, rest = recs[0], recs[1:]
        for rec in rest:
            _merge_into(home, rec.wof_id, rec.names)
            home.gn_id = home.gn_id or rec.gn_id
            home.wd_id = home.wd_id or rec.wd_id
            home.population = home.population or rec.population
            del records[rec.wof_id]
            merged.append([home.wof_id, rec.wof_id])
    return sorted(merged)

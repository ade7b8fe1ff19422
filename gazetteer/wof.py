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
import math
import os
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import DataError
from .normalize import norm_key, script_of, skeleton

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
#: How far (degrees: 6.7 km north–south, 5 km east–west here) outside every
#: unit of its country a settlement may lie and still be given the nearest
#: one. The Armenian provinces' polygons are coarse along the eastern border:
#: villages of Syunik lie up to 5 km outside Syunik's polygon.
NEAR_BORDER_DEG = 0.06


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
        text = " ".join(str(text).split())
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
                name=props.get("wof:name") or str(wof_id),
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
    report["parents_from_geometry"] = _parents_from_geometry(records)
    report["merged_spellings"] = []
    report["merged_duplicates"] = _merge_duplicates(records, report["merged_spellings"])
    report["flagged_names"] = _flag_borrowed_names(records)
    report["english_labels"] = _english_labels(records)
    report["renamed"] = _old_russian_names(records)
    return records


def _old_russian_names(records: dict[int, Record]) -> list[dict[str, Any]]:
    """Mark Soviet-era Russian names of Armenian places as historical.

    WOF's preferred Russian name is often the Soviet-era one: Кировакан
    for Vanadzor, Октембер for Armavir.
    Where the Russian preferred name resembles nothing Armenian about the
    place while a Russian variant spells its Armenian name, the first is the
    old name: it becomes historical (the day of the renaming is not in the
    data: the curated file dates the ones that matter) and the variant the
    label. Azerbaijani names are left alone: Azerbaijani sources still use
    them (Basarkeçər for Vardenis).
    """
    changed: list[dict[str, Any]] = []
    for rec in sorted(records.values(), key=lambda r: r.wof_id):
        if rec.country != "AM" or rec.kind == "country":
            continue
        armenian = {skeleton(rec.name)} | {skeleton(n["text"]) for n in rec.names
                                           if n["lang"] == "hye" and n["type"] == "preferred"}
        armenian.discard("")

        def spells(text: str) -> bool:
            return any(_related(skeleton(text), key) for key in armenian)

        rus = [n for n in rec.names if n["lang"] == "rus"]
        current = [n for n in rus if n["type"] == "variant" and spells(n["text"])]
        old = [n for n in rus if n["type"] == "preferred" and not spells(n["text"])]
        if not current or not old:
            continue
        for n in old:
            n.update(type="historical", note="an earlier name (Soviet-era, as a rule); the importer "
                                              "does not know until when: not shown as the current label")
        current[0]["type"] = "preferred"
        changed.append({"id": f"wof:{rec.wof_id}", "name": rec.name, "historical": [n["text"] for n in old],
                        "current": current[0]["text"]})
    return changed


_WOF_APOSTROPHES = str.maketrans("", "", "'’ʼ‘`´")
#: Azerbaijani letters whose bare ASCII form misleads an English reader
#: (Daşkəsən is not "Daskasan"): their names get the press transcription.
_AZE_MISREAD = set("şçcxğŞÇCXĞ")
_AZE_STRIP = str.maketrans("şçğəıöüŞÇĞƏIİÖÜ", "scgaiouSCGAIIOU")
_AZE_PRESS = str.maketrans({"c": "j", "ç": "ch", "ğ": "gh", "x": "kh", "ş": "sh", "ə": "a", "ı": "i",
                            "ö": "o", "ü": "u", "C": "J", "Ç": "Ch", "Ğ": "Gh", "X": "Kh", "Ş": "Sh",
                            "Ə": "A", "İ": "I", "Ö": "O", "Ü": "U"})


def press_armenian(name: str) -> str:
    """The English press's form of WOF's letter-for-letter Armenian romanization.

    WOF writes ռ as "rr", aspiration as an apostrophe and ղ as a capital "Gh"
    inside a word (Korrnidzor, Nerk'in Hand, GeGhanush); the press writes
    Kornidzor, Nerkin Hand, Geghanush.
    """
    text = name.translate(_WOF_APOSTROPHES).replace("rr", "r")
    return re.sub(r"(?<=[a-z])Gh", "gh", text)


def _english_labels(records: dict[int, Record]) -> list[dict[str, Any]]:
    """Give places an English name the press would write, where WOF's is a bare transliteration.

    Armenian places: WOF's name in its letter-for-letter scheme becomes the
    press form (press_armenian), shown as the English label and the place's
    name; WOF's spelling stays a variant. Azerbaijani places whose English
    name is their Azerbaijani name stripped of its letters ("Kalbacar",
    "Daskasan") get the press transcription (Kalbajar, Dashkasan). Returns
    one row per place changed.
    """
    changed: list[dict[str, Any]] = []
    for rec in sorted(records.values(), key=lambda r: r.wof_id):
        if rec.kind == "country":
            continue
        eng = [n for n in rec.names if n["lang"] == "eng" and n["type"] == "preferred"]
        new = None
        if rec.country == "AM":
            press = press_armenian(rec.name)
            if press != rec.name and all(n["text"] in (rec.name, press) for n in eng):
                new = press
        elif rec.country == "AZ":
            aze = next((n["text"] for n in rec.names if n["lang"] == "aze" and n["type"] == "preferred"), None)
            if aze and _AZE_MISREAD & set(aze) and eng and all(n["text"] == aze.translate(_AZE_STRIP) for n in eng):
                new = aze.translate(_AZE_PRESS)
        if new is None:
            continue
        for n in eng:
            n["type"] = "variant"
        if not any(n["text"] == new and n["lang"] == "eng" for n in rec.names):
            rec.names.append({"text": new, "lang": "eng", "type": "preferred"})
        else:
            next(n for n in rec.names if n["text"] == new and n["lang"] == "eng")["type"] = "preferred"
        source = rec.name if rec.country == "AM" else eng[0]["text"]
        changed.append({"id": f"wof:{rec.wof_id}", "source": source, "english": new})
        if rec.country == "AM":
            rec.name = new
    return changed


#: Languages whose names are shown as labels (Armenian in Latin letters is
#: the English press's form): a wrong name there is a publishable error.
LABEL_LANGS = ("aze", "hye", "hye-Latn", "rus", "eng")
#: How far away a neighbour may be and still be where a name came from.
BORROWED_KM = 25.0
#: Two skeletons this similar (rapidfuzz ratio, 0-100) spell one name.
RELATED_RATIO = 60


def _related(a: str, b: str) -> bool:
    from rapidfuzz import fuzz

    if not a or not b:
        return False
    if fuzz.ratio(a, b) >= RELATED_RATIO:
        return True
    short, long_ = sorted((a, b), key=len)
    # "Ghuze Chartar" and "Guzeyçartar", "Verin Kavchut" and "Kavchut".
    return len(short) >= 4 and fuzz.partial_ratio(short, long_) >= 85


def _group(lang: str) -> str:
    return "hye" if lang.startswith("hye") else lang


def _main_skeletons(rec: Record) -> set[str]:
    keys = {skeleton(rec.name)}
    keys.update(skeleton(n["text"]) for n in rec.names
                if n["type"] == "preferred" and n["lang"] in ("aze", "eng", "hye", "und"))
    keys.discard("")
    return keys


def _flag_borrowed_names(records: dict[int, Record]) -> list[dict[str, Any]]:
    """Flag names that are a neighbouring village's name, not this one's.

    WOF carries names copied from the wrong record: T'at'ul's Russian name is
    Арег, the name of a village 10 km off. A name is flagged when it spells
    (same skeleton) a main name of another settlement within BORROWED_KM and
    nothing else of this place in another language resembles it. Names that
    are merely unrelated are left alone: Karabakh villages have Armenian
    names unrelated to their Azerbaijani ones, and both are theirs. A flagged
    name is kept as a variant, so it still resolves, but is never a label.
    """
    settlements = [r for r in records.values() if r.kind == "settlement"]
    cell = BORROWED_KM / 111.0
    grid: dict[tuple[int, int], list[Record]] = defaultdict(list)
    for rec in settlements:
        grid[(int(rec.lat // cell), int(rec.lon // cell))].append(rec)
    mains: dict[int, set[str]] = {}

    def main(rec: Record) -> set[str]:
        if rec.wof_id not in mains:
            mains[rec.wof_id] = _main_skeletons(rec)
        return mains[rec.wof_id]

    flagged: list[dict[str, Any]] = []
    for rec in sorted(settlements, key=lambda r: r.wof_id):
        skels = [skeleton(n["text"]) for n in rec.names]
        own = main(rec)
        neighbours: list[Record] | None = None
        for i, name in enumerate(rec.names):
            if name["lang"] not in LABEL_LANGS or not skels[i] or skels[i] in own:
                continue
            group = _group(name["lang"])
            # WOF's own name and the other languages' names vouch for it
            # (Kəbirli beside Kyabirli); GeoNames' loose variants do not.
            if any(_related(skels[i], key) for key in own) or any(
                    _related(skels[i], skels[j]) for j, other in enumerate(rec.names)
                    if other["lang"] != "und" and _group(other["lang"]) != group):
                continue
            if neighbours is None:
                row, col = int(rec.lat // cell), int(rec.lon // cell)
                neighbours = sorted((o for dr in (-1, 0, 1) for dc in (-1, 0, 1)
                                     for o in grid.get((row + dr, col + dc), ())
                                     if o is not rec and _distance_km(rec, o) < BORROWED_KM),
                                    key=lambda o: (_distance_km(rec, o), o.wof_id))
            source = next((o for o in neighbours if skels[i] in main(o)), None)
            if source is None:
                continue
            km = _distance_km(rec, source)
            name.update(type="variant", hidden=True,
                        note=f"the name of {source.name} (wof:{source.wof_id}), {km:.0f} km away; "
                             "not shown as this place's label")
            flagged.append({"id": f"wof:{rec.wof_id}", "name": rec.name, "flagged": name["text"],
                            "lang": name["lang"], "belongs_to": f"wof:{source.wof_id} {source.name}",
                            "km": round(km, 1)})
    return flagged


def _parents_from_geometry(records: dict[int, Record]) -> list[dict[str, Any]]:
    """File every settlement under the district or province whose polygon holds it, in its own country.

    WOF's hierarchy puts some sixty villages of Armenia under Azerbaijani
    districts (Kornidzor under Lachin) and the reverse, and leaves hundreds
    of villages with no district at all. The polygons of one country do not
    overlap and include its exclaves (Artsvashen lies in Gegharkunik's,
    Kərki in Sədərək's), so a point inside a unit of its own country settles
    it. A point outside all of them (a border river, a coarse border) takes
    the nearest unit of its country within NEAR_BORDER_DEG; failing that a
    source parent of its own country stands, and one of the other country is
    dropped. Returns one row per settlement whose parentage changed.
    """
    from shapely import STRtree, points
    from shapely.geometry import shape

    countries = {r.country: r.wof_id for r in records.values() if r.kind == "country" and r.country}
    units_by_country: dict[str | None, list[Record]] = defaultdict(list)
    for r in sorted(records.values(), key=lambda r: r.wof_id):
        if r.placetype == "region" and r.geometry and r.geometry.get("type") in ("Polygon", "MultiPolygon"):
            units_by_country[r.country].append(r)
    every_unit = [u for units in units_by_country.values() for u in units]
    settlements = sorted((r for r in records.values() if r.kind == "settlement"), key=lambda r: r.wof_id)
    found: dict[int, tuple[Record, str]] = {}
    for country in sorted({r.country or "" for r in settlements}):
        units = units_by_country.get(country) if country else every_unit
        group = [r for r in settlements if (r.country or "") == country]
        if not units or not group:
            continue
        tree = STRtree([shape(u.geometry) for u in units])
        inside = tree.query(points([(r.lon, r.lat) for r in group]), predicate="within")
        for rec_i, unit_i in zip(*inside):
            # Units of one country do not overlap; should two hold a point, the lowest id wins.
            rec, unit = group[rec_i], units[unit_i]
            if rec.wof_id not in found or unit.wof_id < found[rec.wof_id][0].wof_id:
                found[rec.wof_id] = (unit, "inside")
        rest = [r for r in group if r.wof_id not in found]
        if rest:
            near = tree.query_nearest(points([(r.lon, r.lat) for r in rest]),
                                      max_distance=NEAR_BORDER_DEG, all_matches=False)
            for rec_i, unit_i in zip(*near):
                found[rest[rec_i].wof_id] = (units[unit_i], "nearest")
    changes: list[dict[str, Any]] = []
    for rec in settlements:
        source = next((p for p in rec.parent_ids if p in records and records[p].placetype == "region"), None)
        unit, how = found.get(rec.wof_id, (None, ""))
        foreign = source is not None and rec.country is not None and records[source].country != rec.country
        if unit is not None:
            chosen = unit.wof_id
            action = ("assigned" if source is None else "moved") + (
                ": its point lies inside" if how == "inside" else
                ": nearest unit of its country, its point lies just outside every one")
        elif foreign:
            chosen = None
            action = "dropped: no unit of its own country holds its point or lies near it"
        else:
            chosen = source
        country_id = countries.get(rec.country) if rec.country else None
        parents = [p for p in (chosen, country_id) if p is not None]
        if not rec.country:
            parents += [p for p in rec.parent_ids if p in records and records[p].kind == "country"]
        if chosen != source:
            changes.append({
                "id": f"wof:{rec.wof_id}", "name": rec.name, "country": rec.country,
                "source_parent": _label(records, source), "geometry_parent": _label(records, chosen),
                "cross_country": foreign, "action": action,
            })
        rec.parent_ids = [p for p in dict.fromkeys(parents) if p != rec.wof_id]
    return changes


def _label(records: dict[int, Record], wof_id: int | None) -> str | None:
    if wof_id is None:
        return None
    rec = records.get(wof_id)
    return f"wof:{wof_id} {rec.name} ({rec.country})" if rec else f"wof:{wof_id}"


def _merge_into(target: Record, other_id: int, names: list[dict[str, Any]]) -> None:
    have = {(n["text"], n["lang"]) for n in target.names}
    for n in names:
        if (n["text"], n["lang"]) not in have:
            target.names.append({**n, "type": "variant" if n["type"] == "preferred" else n["type"]})
            have.add((n["text"], n["lang"]))
    target.merged.append(other_id)


def _distance_km(a: Record, b: Record) -> float:
    dlat = math.radians(b.lat - a.lat)
    dlon = math.radians(b.lon - a.lon) * math.cos(math.radians((a.lat + b.lat) / 2))
    return 6371.0 * math.hypot(dlat, dlon)


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
                if _distance_km(a, b) < limit:
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
                if find(a.wof_id) != find(b.wof_id) and _distance_km(a, b) < SPELLING_MERGE_KM:
                    parent[find(b.wof_id)] = find(a.wof_id)
                    spellings.append({"kept_or_merged": sorted([a.wof_id, b.wof_id]),
                                      "names": sorted([a.name, b.name]), "km": round(_distance_km(a, b), 2)})
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

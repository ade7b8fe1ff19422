"""Compiling WOF trees and the curated file into the shipped gazetteer data.

Two files come out: ``gazetteer.json`` (places, names and the name keys,
precomputed so that loading does no transliteration) and
``boundaries.geojson`` (simplified district, province and country polygons,
read only when a map needs them).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .atomic import atomic_write
from .errors import DataError
from .fuzzyindex import build_pieces
from .normalize import NORMALISER_VERSION, aze_to_english, exact_key, norm_key, skeleton
from .ranking import NOTABLE_NAMES, own_pairs

if TYPE_CHECKING:
    from .wof import Record

__all__ = ["compile_gazetteer", "DATA_DIR", "CURATED_PATH", "FORMAT"]

DATA_DIR = Path(__file__).parent / "data"
CURATED_PATH = DATA_DIR / "curated"
#: /2: index entries are flat [place, name, place, name...] lists, each place's
#: own names are stored ("own"), and so is the fuzzy piece index ("pieces");
#: fewer containers load faster and the garbage collector walks fewer of them.
FORMAT = "armaz-gazetteer/2"
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


def _new_place(pid: str, entry: dict[str, Any], where: str) -> tuple[dict[str, Any], Any]:
    """A curated place the sources lack, and its line or area if it has one."""
    new = entry["new"]
    place = {
        "id": pid, "name": entry["name"], "kind": new["kind"],
        "lat": round(float(new["lat"]), 5), "lon": round(float(new["lon"]), 5),
        "country": new.get("country"), "parents": list(new.get("parents") or []),
        "names": [], "sources": {"curated": True}, "current": True, "population": None,
    }
    # A landmark's kind (bridge, lake) and the period a Soviet raion or an
    # economic region existed travel with the place: Place.raw carries them.
    for key, field in (("type", "type"), ("from", "valid_from"), ("to", "valid_to")):
        if new.get(key):
            place[field] = new[key]
    # An end date means the place is gone (the NKAO, a Soviet raion); not
    # compared with today, so that the same input compiles the same file.
    if new.get("to"):
        place["current"] = False
    shape = None
    if new.get("geometry") is not None:
        from shapely.geometry import shape as to_shape
        from shapely.validation import explain_validity

        try:
            shape = to_shape(new["geometry"])
        except (ValueError, TypeError, IndexError, AttributeError) as exc:
            raise DataError(f"{where}: 'new.geometry' is not valid GeoJSON: {exc}") from None
        if shape.is_empty or not shape.is_valid:
            raise DataError(f"{where}: 'new.geometry' is not a valid shape: {explain_validity(shape)}")
    return place, shape


class _Units:
    """The district and province polygons, to file a curated place the way the importer files WOF's."""

    def __init__(self, records: dict[int, Record]) -> None:
        self._records = records
        self._units: list[tuple[str, str | None, Any]] | None = None

    def holding(self, lat: float, lon: float, country: str | None) -> tuple[str, str] | None:
        """(unit id, its country's id) of the unit that holds the point, in the country if given,
        or else the nearest one within NEAR_BORDER_DEG, as the importer does for WOF's villages."""
        from shapely.geometry import Point, shape
        from shapely.prepared import prep

        from .parents import NEAR_BORDER_DEG

        if self._units is None:
            self._units = [(f"wof:{r.wof_id}", r.country, shape(r.geometry))
                           for r in sorted(self._records.values(), key=lambda r: r.wof_id)
                           if r.placetype == "region" and r.geometry
                           and r.geometry.get("type") in ("Polygon", "MultiPolygon")]
            self._prepared = [prep(geom) for _pid, _c, geom in self._units]
        point = Point(lon, lat)
        fits = [(i, unit) for i, unit in enumerate(self._units) if country is None or unit[1] == country]
        found = next((unit for i, unit in fits if self._prepared[i].contains(point)), None)
        if found is None:
            near = min(((unit[2].distance(point), unit[0], unit) for _i, unit in fits), default=None)
            found = near[2] if near and near[0] <= NEAR_BORDER_DEG else None
        if found is None:
            return None
        country_id = next((f"wof:{r.wof_id}" for r in self._records.values()
                           if r.kind == "country" and r.country == found[1]), None)
        return found[0], country_id


def _apply_curated(places: dict[str, dict[str, Any]], entries: list[dict[str, Any]],
                   path: Path, units: _Units | None = None) -> dict[str, Any]:
    """Apply the curated entries to the imported places; return the curated lines and areas by id."""
    # A curated entry may name a WOF record that the import merged into
    # another: follow it to the record that was kept.
    alias = {f"wof:{w}": pid for pid, p in places.items() for w in p["sources"].get("wof", [])}

    def real(pid: str) -> str:
        return alias.get(pid, pid)

    covers: list[tuple[str, list[str]]] = []
    shapes: dict[str, Any] = {}
    for i, entry in enumerate(entries, 1):
        pid = real(entry["id"])
        new = entry.get("new")
        if new is not None:
            if pid in places:
                raise DataError(f"{path}: entry {i} ({pid}): 'new' given for a place that exists")
            places[pid], shape = _new_place(pid, entry, f"{path}: entry {i} ({pid})")
            if shape is not None:
                shapes[pid] = shape
            _file_under_unit(places, places[pid], units)
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
        if "population" in entry:
            place["population"] = entry["population"]
        if "lat" in entry and new is None:
            place["lat"], place["lon"] = round(float(entry["lat"]), 5), round(float(entry["lon"]), 5)
        extra = entry.get("parent") or []
        for parent in [extra] if isinstance(extra, str) else extra:
            parent = real(parent)
            kind = places.get(parent, {}).get("kind")
            # A reviewer's district replaces the one the outlines gave: a village
            # on a district boundary is in one district, not in both.
            replaced = kind if kind in ("district", "province") else None
            place["parents"] = [parent, *[p for p in place["parents"] if p != parent
                                          and (replaced is None or places.get(p, {}).get("kind") != replaced)]]
        have = {(n["text"], n["lang"]): n for n in place["names"]}
        for name in entry["names"]:
            clean = {k: v for k, v in name.items() if v is not None}
            if (name["text"], name["lang"]) in have:
                old = have[(name["text"], name["lang"])]
                # A reviewer's name is this place's own, whatever the importer
                # guessed: Ասկերան is Askeran's Armenian name, not a
                # transliteration of Əsgəran.
                for key in ("translit", "hidden"):
                    old.pop(key, None)
                old.update(clean)
            else:
                place["names"].append(clean)
        place["sources"]["curated"] = True
        if entry.get("notable_as"):
            place["notable_as"] = list(entry["notable_as"])
        if entry.get("notable") is False:
            # A fix (a merge, a point moved) is no sign that the press names the place.
            place["notable"] = False
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
        # A curated unit in the chain brings its own parents: a village a
        # reviewer files under Artsakh's Martakert province (which covers no
        # whole district) is in Artsakh too.
        for pid in list(chain):
            if pid.startswith("gz:") and pid in places:
                chain += [q for q in places[pid]["parents"] if q not in chain and q != place["id"]]
        chain.sort(key=lambda p: _KIND_ORDER.get(places[p]["kind"], 9) if p in places else 9)
        place["parents"] = chain
    return shapes


def _file_under_unit(places: dict[str, dict[str, Any]], place: dict[str, Any], units: _Units | None) -> None:
    """A new village or landmark with no district given goes under the one whose polygon holds it."""
    if units is None or place["kind"] not in ("settlement", "landmark"):
        return
    if any(places.get(p, {}).get("kind") in ("district", "province") for p in place["parents"]):
        return
    found = units.holding(place["lat"], place["lon"], place.get("country"))
    if found:
        place["parents"] = [p for p in dict.fromkeys([found[0], *place["parents"], found[1]]) if p]


#: A Persian unit's word before its name: province, county (a rayon), district.
_PERSIAN_UNIT_WORD = re.compile(r"^(?:استان|شهرستان|بخش)\s+(?=\S)")


def _index(places: list[dict[str, Any]]) -> dict[str, dict[str, list[int]]]:
    """Normalised and phonetic keys of every name -> [place index, name index, place index, ...].

    An Azerbaijani name is also indexed as the English press transcribes it
    (Cahangirbəyli as Jahangirbayli), under the same name index. The pairs
    are flat: a list per key, not per hit, is a third of the containers.
    """
    norm: dict[str, list[int]] = {}
    skel: dict[str, list[int]] = {}
    for pi, place in enumerate(places):
        for ni, name in enumerate(place["names"]):
            forms = {name["text"]}
            # An Azerbaijani name filed under another language is one still:
            # the schwa is written by no other Latin alphabet (WOF files the
            # town of Daşkəsən under "eng" only).
            if name["lang"] == "aze" or "ə" in name["text"].casefold():
                forms.add(aze_to_english(name["text"]))
            elif name["lang"] == "fas" and (bare := _PERSIAN_UNIT_WORD.sub("", name["text"])) != name["text"]:
                # WOF's Persian labels hold the unit's word ("استان سیونیک", "شهرستان شوشا"),
                # which the Persian and Arabic press leave off ("سیونیک", "مقاطعة سيونيك").
                forms.add(bare)
            keys = {(table_name, key) for form in forms
                    for table_name, key in (("norm", norm_key(form)), ("skel", skeleton(form))) if key}
            for table_name, key in sorted(keys):
                (norm if table_name == "norm" else skel).setdefault(key, []).extend((pi, ni))
    return {"norm": norm, "skel": skel}


def _mark_unshared(places: list[dict[str, Any]]) -> None:
    """Give each place of NOTABLE_NAMES names or more its count of names (by ``exact_key``)
    that no other place of its kind holds, as "unshared".

    ``ranking.names_of_its_own`` counts a candidate's names that no rival candidate
    holds; the rivals are some of the places of its kind, so a place holding
    NOTABLE_NAMES names no other place holds keeps its bonus whoever its rivals are,
    and the look-up need not key every rival's names to know it (most places).
    """
    holder: dict[tuple[str, str], int] = {}  # (kind, key): the one place holding it, or -1 for several
    keys_of = []
    for pi, place in enumerate(places):
        keys = [exact_key(name["text"]) for name in place["names"]]
        keys_of.append(keys)
        for key in set(keys):
            held = holder.setdefault((place["kind"], key), pi)
            if held != pi:
                holder[(place["kind"], key)] = -1
    for pi, place in enumerate(places):
        if len(keys_of[pi]) >= NOTABLE_NAMES:
            place["unshared"] = sum(1 for key in keys_of[pi] if holder[(place["kind"], key)] == pi)


def _own(places: list[dict[str, Any]]) -> list[str]:
    """Each place's own names (``ranking.own_qualifiers``) as one string:
    "base:qualifier,qualifier base ...", sorted ("sirik:lower" for Aşağı Sirik).

    Ranking needs them for every candidate it scores; stored, a fresh process
    does not normalise the names of each place it meets (the most of a cold
    look-up's time). Bases are skeletons and qualifiers words of letters and
    digits, so neither holds a space, colon or comma. They are keys like the
    others: ``NORMALISER_VERSION`` covers them. ``ranking.read_own`` reads them.
    """
    out = []
    for place in places:
        pairs = own_pairs(place["name"], place["country"],
                          ((n["text"], n["lang"], n["type"], bool(n.get("translit"))) for n in place["names"]))
        out.append(" ".join(sorted(f"{base}:{','.join(sorted(quals))}" if quals else base
                                   for base, quals in set(pairs))))
    return out


def _boundaries(records: dict[int, Record], places: dict[str, dict[str, Any]],
                curated: dict[str, Any]) -> dict[str, Any]:
    """WOF's polygons, simplified, then the curated lines and areas (a corridor, a raion)."""
    from shapely.geometry import mapping, shape

    def feature(pid: str, geom: Any) -> dict[str, Any]:
        place = places[pid]
        geo = json.loads(json.dumps(mapping(geom)), parse_float=lambda v: round(float(v), 4))
        props = {"id": pid, "name": place["name"], "kind": place["kind"]}
        props.update({k: place[k] for k in ("type", "valid_from", "valid_to") if place.get(k)})
        return {"type": "Feature", "id": pid, "properties": props, "geometry": geo}

    features = []
    for rec in sorted(records.values(), key=lambda r: r.wof_id):
        pid = f"wof:{rec.wof_id}"
        if not rec.geometry or rec.geometry.get("type") not in ("Polygon", "MultiPolygon"):
            continue
        kind = places[pid]["kind"]
        features.append(feature(pid, shape(rec.geometry).simplify(_SIMPLIFY.get(kind, 0.002),
                                                                  preserve_topology=True)))
    # Curated shapes are drawn by hand with few vertices: not simplified.
    features += [feature(pid, curated[pid]) for pid in sorted(curated) if pid in places]
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
        if key in ("places", "own"):
            body = ",\n".join(dumps(p) for p in value)
            parts.append(f"{dumps(key)}:[\n{body}\n]")
        elif key in ("keys", "pieces"):
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
    # Here, not at the top: loading the gazetteer reads DATA_DIR and FORMAT
    # from this module and needs neither the WOF reader nor YAML.
    from .curated import load_curated
    from .wof import read_wof

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
    shapes: dict[str, Any] = {}
    if curated is not None:
        shapes = _apply_curated(places, load_curated(curated), curated, _Units(records))
    ordered = sorted(places.values(), key=lambda p: (_KIND_ORDER.get(p["kind"], 9), p["id"]))
    for place in ordered:
        place["names"].sort(key=lambda n: (n["lang"], n["type"], n["text"]))
    keys = _index(ordered)
    _mark_unshared(ordered)
    doc = {
        "format": FORMAT,
        "normaliser_version": NORMALISER_VERSION,
        "attribution": ATTRIBUTION,
        "sources": snapshots,
        "places": ordered,
        "keys": keys,
        "own": _own(ordered),
        # The fuzzy layer's piece index over the phonetic keys (fuzzyindex.py).
        "pieces": build_pieces(keys["skel"]),
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    # Written whole or not at all: a failed import keeps the working data.
    with atomic_write(out_dir / "gazetteer.json", newline=None) as fh:
        fh.write(_line_per_item(doc))
    with atomic_write(out_dir / "boundaries.geojson", newline=None) as fh:
        json.dump(_boundaries(records, places, shapes), fh, ensure_ascii=False, separators=(",", ":"))
    counts: dict[str, int] = {}
    for place in ordered:
        counts[place["kind"]] = counts.get(place["kind"], 0) + 1
    report["places"] = counts
    report["names"] = sum(len(p["names"]) for p in ordered)
    return report

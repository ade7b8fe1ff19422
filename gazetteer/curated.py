"""The project's curated additions: names and places the imported sources lack.

The folder (``data/curated/``, one YAML file per theme, read in name order) is
reviewed like code; ids are unique across its files. Every entry names the
place it changes (a ``wof:`` id, or a new ``gz:`` id with ``new:``) and says
where its facts come from (``source:``). Entries can:

* add names, each with an optional validity period (``from``/``to``, ISO
  dates, ``to`` exclusive): Armenian-era names, 2020 renamings;
* replace or drop names that the import got wrong (``replace_names``,
  ``drop_names``), and set the display name (``name``);
* ``merge`` other records into this one (the same town recorded twice, one
  copy with wrong coordinates), and move a point that the source puts off
  (``lat``/``lon``, with the page that gives the right one in ``source:``),
  and correct a population the source gives the wrong place (``population``,
  ``null`` where the right one is not known);
* mark a place ``notable: true``: the conflict's press names it so often that a
  bare name means this place rather than a namesake (``press.yaml``); with
  ``notable_as:`` (a list of names), only by those names: matched by another of
  its names (an old one a namesake now bears) it is no better known than they;
  any curated place counts as press-named unless its entry says ``notable:
  false`` (a fix that merges or moves an obscure village);
* mark a name ``hidden: true``: it still resolves, but belongs to another
  place and is never shown as this one's label (Askeran's Բերդայգի);
* say why a place has an unusual parent (``parent:`` with a ``note:``): an
  exclave, or the de-facto layer;
* create places the sources lack (the de-facto region, Artsakh's provinces),
  with ``covers``: the districts a place spans, so that settlements in them
  list it among their parents and ``near: Kashatagh`` narrows correctly.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError
from .model import KINDS

__all__ = ["load_curated"]

_ENTRY_KEYS = {"id", "source", "name", "names", "drop_names", "replace_names", "new", "covers",
               "parent", "note", "kind", "merge", "notable", "notable_as", "lat", "lon", "population"}
_NAME_KEYS = {"text", "lang", "from", "to", "note", "type", "hidden"}
# ``type`` is a landmark's kind (bridge, checkpoint, lake, ...), or ``township``
# for a settlement that is a qəsəbə/посёлок (its word picks it, ranking.py); ``from``/``to``
# bound a place that existed only for a time (a Soviet raion, an economic
# region); ``geometry`` is a GeoJSON line or polygon where a point says too little.
_NEW_KEYS = {"kind", "lat", "lon", "country", "parents", "type", "from", "to", "geometry"}
_GEOMETRY_TYPES = {"LineString", "MultiLineString", "Polygon", "MultiPolygon"}
_TYPE = re.compile(r"[a-z][a-z_]{1,30}")


def _date(value: Any, where: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise DataError(f"{where}: {value!r} is not an ISO date (YYYY-MM-DD)") from None


def _check_new(new: dict[str, Any], where: str) -> dict[str, Any]:
    """Validate a new place's type, validity period and geometry; dates become ISO strings."""
    kind_of = new.get("type")
    if kind_of is not None and not (isinstance(kind_of, str) and _TYPE.fullmatch(kind_of)):
        raise DataError(f"{where}: 'new.type' must be a lowercase word such as bridge, checkpoint, lake, "
                        f"reservoir, mountain, height, monastery, corridor, raion; got {kind_of!r}")
    valid_from, valid_to = _date(new.get("from"), f"{where}: new.from"), _date(new.get("to"), f"{where}: new.to")
    if valid_from and valid_to and valid_from >= valid_to:
        raise DataError(f"{where}: 'new.from' {valid_from} is not before 'new.to' {valid_to}")
    geometry = new.get("geometry")
    if geometry is not None:
        if not isinstance(geometry, dict) or geometry.get("type") not in _GEOMETRY_TYPES \
                or not isinstance(geometry.get("coordinates"), list) or not geometry["coordinates"]:
            raise DataError(f"{where}: 'new.geometry' must be a GeoJSON geometry with 'coordinates', "
                            f"of type {', '.join(sorted(_GEOMETRY_TYPES))}")
    return {**new, "from": valid_from, "to": valid_to}


def load_curated(path: Path) -> list[dict[str, Any]]:
    """Read and validate the curated folder (or one file); errors name the file and entry."""
    path = Path(path)
    files = sorted(path.glob("*.yaml")) if path.is_dir() else [path]
    if not files:
        raise DataError(f"{path}: no curated *.yaml files in this folder")
    out: list[dict[str, Any]] = []
    where_id: dict[str, Path] = {}
    for file in files:
        for entry in _load_file(file):
            if entry["id"] in where_id:
                raise DataError(f"{file}: {entry['id']} is also curated in {where_id[entry['id']]}; "
                                "merge the entries")
            where_id[entry["id"]] = file
            out.append(entry)
    return out


def _load_file(path: Path) -> list[dict[str, Any]]:
    try:
        doc = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError, ValueError) as exc:
        raise DataError(f"{path}: cannot read curated file: {exc}") from exc
    entries = (doc or {}).get("places") if isinstance(doc, dict) else None
    if not isinstance(entries, list):
        raise DataError(f"{path}: expected a mapping with a 'places' list")
    out = []
    seen = set()
    for i, entry in enumerate(entries, 1):
        where = f"{path}: entry {i}"
        if not isinstance(entry, dict):
            raise DataError(f"{where}: expected a mapping, got {type(entry).__name__}")
        unknown = set(entry) - _ENTRY_KEYS
        if unknown:
            raise DataError(f"{where}: unknown field(s) {sorted(unknown)}; valid: {sorted(_ENTRY_KEYS)}")
        pid = entry.get("id")
        if not isinstance(pid, str) or not pid.startswith(("wof:", "gz:")):
            raise DataError(f"{where}: 'id' must be 'wof:<number>' or 'gz:<slug>', got {pid!r}")
        where = f"{path}: entry {i} ({pid})"
        if pid in seen:
            raise DataError(f"{where}: id appears twice; merge the entries")
        seen.add(pid)
        if not entry.get("source"):
            raise DataError(f"{where}: 'source' is required: say where these facts come from")
        if "notable" in entry and not isinstance(entry["notable"], bool):
            raise DataError(f"{where}: 'notable' must be true or false, got {entry['notable']!r}")
        as_named = entry.get("notable_as")
        if as_named is not None and (not isinstance(as_named, list) or not as_named
                                     or not all(isinstance(t, str) and t for t in as_named)):
            raise DataError(f"{where}: 'notable_as' must be a list of the names the press uses, got {as_named!r}")
        new = entry.get("new")
        if pid.startswith("gz:") and not isinstance(new, dict):
            raise DataError(f"{where}: a 'gz:' place needs 'new:' with kind, lat, lon")
        if new is not None:
            missing = {"kind", "lat", "lon"} - set(new)
            if missing or set(new) - _NEW_KEYS:
                raise DataError(f"{where}: 'new' needs kind, lat, lon (and may have country, parents)")
            if new["kind"] not in KINDS:
                raise DataError(f"{where}: kind {new['kind']!r} is not one of {', '.join(KINDS)}")
            if not entry.get("name"):
                raise DataError(f"{where}: a new place needs 'name'")
            entry = {**entry, "new": _check_new(new, where)}
        if ("lat" in entry) != ("lon" in entry) or not all(
                isinstance(entry.get(k, 0), (int, float)) and not isinstance(entry.get(k, 0), bool)
                for k in ("lat", "lon")):
            raise DataError(f"{where}: a moved point needs both 'lat' and 'lon', as numbers")
        pop = entry.get("population")
        if pop is not None and (isinstance(pop, bool) or not isinstance(pop, int) or pop < 0):
            raise DataError(f"{where}: 'population' must be a whole number of people (or null: "
                            f"not known), got {pop!r}")
        names = []
        for j, name in enumerate(entry.get("names") or [], 1):
            nwhere = f"{where}: name {j}"
            if not isinstance(name, dict) or not name.get("text") or not name.get("lang"):
                raise DataError(f"{nwhere}: each name needs 'text' and 'lang'")
            if set(name) - _NAME_KEYS:
                raise DataError(f"{nwhere}: unknown field(s) {sorted(set(name) - _NAME_KEYS)}")
            valid_from, valid_to = _date(name.get("from"), nwhere), _date(name.get("to"), nwhere)
            if valid_from and valid_to and valid_from >= valid_to:
                raise DataError(f"{nwhere}: 'from' {valid_from} is not before 'to' {valid_to}")
            names.append({
                "text": str(name["text"]).strip(),
                "lang": str(name["lang"]),
                # A hidden name is another place's: a variant here, never "curated".
                "type": name.get("type", "variant" if name.get("hidden") else "curated"),
                "valid_from": valid_from,
                "valid_to": valid_to,
                "note": name.get("note"),
                "hidden": True if name.get("hidden") else None,
            })
        out.append({**entry, "names": names})
    return out

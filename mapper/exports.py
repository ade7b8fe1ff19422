"""Claims as data for GIS and spreadsheets: GeoJSON, flat CSV, GeoPackage.

One flat row per claim feeds every format, so a column means the same thing
everywhere:

* ``day`` is the local date the source gives and ``datetime`` the UTC instant
  when the source gave a time (empty for a bare date), because GDAL and
  spreadsheets read mixed date/date-time columns inconsistently;
* ``flags`` is one string ("repeat; contested") and each flag also has a
  boolean column, since spreadsheets show lists as ``['contested']``;
* a claim about a district or province is its polygon in GeoJSON and the
  GeoPackage, as on the map; everything else is a point.

GeoJSON follows RFC 7946 (WGS 84, counter-clockwise outer rings). The CSV
guards cells that spreadsheets would run as formulas.
"""

from __future__ import annotations

import contextlib
import csv
import io
import itertools
import os
import re
from operator import itemgetter
from pathlib import Path
from typing import Any

import orjson
from shapely.geometry import shape

from gazetteer import Gazetteer

from .analysis import FLAGS, Analysis
from .claimtable import COLUMNS, CSV_DELIMITERS, FORMULA_START, ClaimTable, area_geometries
from .claimtable import _geometry as _area_or_point
from .errors import MissingExtra

__all__ = ["COLUMNS", "GIS_HINT", "claim_rows", "claims_geojson", "claims_csv", "to_geodataframe", "write_gpkg",
           "need_gis"]

GIS_HINT = "pip install 'armaz-conflict-maps[gis]'"
_FORMULA_START = FORMULA_START
_areas = area_geometries
_FLAG_COLUMNS = tuple(f"flag_{f}" for f in FLAGS)
if _FLAG_COLUMNS != ("flag_repeat", "flag_contested", "flag_corroborated", "flag_retracted"):
    raise ImportError("mapper.analysis.FLAGS changed: claim_rows names the flag columns one by one")


def claim_rows(analysis: Analysis, gaz: Gazetteer) -> list[dict[str, Any]]:
    """One flat record per claim, in the analysis's order (time, then id); key order is ``COLUMNS``."""
    return ClaimTable(analysis, gaz).rows()


def _geometry(row: dict[str, Any], areas: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    return _area_or_point(row["geometry_kind"], row["place_id"], row["lat"], row["lon"], areas)


def claims_geojson(analysis: Analysis, gaz: Gazetteer, rows: list[dict[str, Any]] | None = None) -> str:
    """The claims as an RFC 7946 FeatureCollection, one feature per line
    (stable diffs, fast to write)."""
    return geojson_bytes(analysis, gaz, rows).decode()


def geojson_bytes(analysis: Analysis, gaz: Gazetteer, rows: list[dict[str, Any]] | None = None) -> bytes:
    """``claims_geojson`` as UTF-8, as written to a file: each place's geometry
    serialised once however many claims it has."""
    if rows is None:
        return ClaimTable(analysis, gaz).geojson()
    areas = _areas(gaz)
    shapes: dict[Any, bytes] = {}
    dumps = orjson.dumps
    lines = []
    for row in rows:
        kind = row["geometry_kind"]
        key = (row["place_id"] if kind == "area" else (row["lon"], row["lat"])) if kind else None
        geometry = shapes.get(key)
        if geometry is None:
            geometry = shapes[key] = dumps(_geometry(row, areas))
        lines.append(b'{"type":"Feature","id":%s,"geometry":%s,"properties":%s}'
                     % (dumps(row["id"]), geometry, dumps(row)))
    return b'{"type":"FeatureCollection","features":[\n' + b",\n".join(lines) + b"\n]}\n"


#: Columns that never hold text: numbers, and the flags' booleans (written true/false).
_NUMBERS = ("lat", "lon", "count")
_BOOLS = tuple(i for i, c in enumerate(COLUMNS) if c in _FLAG_COLUMNS)
_FIRST, _LAST = _BOOLS[0], _BOOLS[-1] + 1
if _BOOLS != tuple(range(_FIRST, _LAST)):
    raise ImportError("mapper.exports.COLUMNS: the flag columns must stand together")
#: Every combination of the flags' booleans, as the CSV writes them.
_WORDS = {flags: tuple("true" if f else "false" for f in flags)
          for flags in itertools.product((False, True), repeat=len(_BOOLS))}
_VALUES = itemgetter(*COLUMNS)
_TEXTS = itemgetter(*(c for c in COLUMNS if c not in _NUMBERS and c not in _FLAG_COLUMNS))
#: A cell's first character after the separator: a formula to a spreadsheet.
_FORMULA = re.compile("\x00[" + re.escape("".join(_FORMULA_START)) + "]")


def claims_csv(analysis: Analysis, gaz: Gazetteer, rows: list[dict[str, Any]] | None = None, *,
               delimiter: str = ",") -> str:
    """A flat table for Sheets, Excel and Datawrapper: lat/lon columns, one claim a row."""
    if rows is None:
        table = ClaimTable(analysis, gaz)
        if delimiter in CSV_DELIMITERS:
            with contextlib.suppress(TypeError):  # a cell of a type the table does not write: row by row
                return table.csv(delimiter)
        rows = table.rows()
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    values, texts, first, last, words = _VALUES, _TEXTS, _FIRST, _LAST, _WORDS
    out = []
    for row in rows:
        cells = values(row)
        try:
            # One probe a row, in C: does any text cell start as a formula would?
            plain = _FORMULA.search("\x00" + "\x00".join(filter(None, texts(row)))) is None
            plain = plain and cells[first:last] in words
        except TypeError:  # a row of one's own with other types in it
            plain = False
        out.append(cells[:first] + words[cells[first:last]] + cells[last:] if plain else _guarded(cells))
    writer.writerows(out)
    return buffer.getvalue()


def _guarded(cells: tuple) -> list:
    """A row's cells as a spreadsheet should read them: text that a spreadsheet
    would run as a formula gets an apostrophe, which makes it show the text;
    booleans are true/false; None is an empty cell."""
    formula = frozenset(_FORMULA_START)
    return [("'" + v if v[:1] in formula else v) if type(v) is str else
            (("true" if v else "false") if type(v) is bool else v) for v in cells]


def to_geodataframe(analysis: Analysis, gaz: Gazetteer, rows: list[dict[str, Any]] | None = None):
    """The claims as a GeoDataFrame (EPSG:4326), areas as polygons; needs the ``gis`` extra."""
    gpd = need_gis()

    rows = claim_rows(analysis, gaz) if rows is None else rows
    areas = _areas(gaz)
    geoms = [shape(g) if (g := _geometry(r, areas)) else None for r in rows]
    return gpd.GeoDataFrame(rows, columns=list(COLUMNS), geometry=geoms, crs="EPSG:4326")


def need_gis():
    """geopandas, or MissingExtra saying how to install it (the ``gis`` extra)."""
    try:
        import geopandas
    except ImportError as exc:
        raise MissingExtra(f"the GeoPackage export needs geopandas, which is not installed ({exc}): "
                          f"{GIS_HINT}") from None
    return geopandas


def write_gpkg(analysis: Analysis, gaz: Gazetteer, path: str | Path, *,
               rows: list[dict[str, Any]] | None = None) -> Path:
    """A GeoPackage with one layer, ``claims``. Its timestamps are fixed so that
    the same ledger writes the same bytes."""
    frame = to_geodataframe(analysis, gaz, rows)
    path = Path(path)
    # GDAL stamps the file with the current time unless told otherwise.
    previous = os.environ.get("OGR_CURRENT_DATE")
    os.environ["OGR_CURRENT_DATE"] = "2000-01-01T00:00:00.000Z"
    try:
        frame.to_file(path, layer="claims", driver="GPKG", engine="pyogrio")
    finally:
        if previous is None:
            os.environ.pop("OGR_CURRENT_DATE", None)
        else:
            os.environ["OGR_CURRENT_DATE"] = previous
    return path

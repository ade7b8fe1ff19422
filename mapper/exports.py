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

import csv
import io
import os
from pathlib import Path
from typing import Any

import orjson
import shapely
from shapely.geometry import mapping, shape

from gazetteer import Gazetteer

from .analysis import FLAGS, Analysis
from .errors import MissingExtra

__all__ = ["COLUMNS", "GIS_HINT", "claim_rows", "claims_geojson", "claims_csv", "to_geodataframe", "write_gpkg",
           "need_gis"]

COLUMNS = (
    "id", "date", "day", "datetime", "place", "near", "place_id", "place_name", "place_kind",
    "lat", "lon", "geometry_kind", "match_status", "claimant", "side", "claim", "status", "flags",
    *(f"flag_{f}" for f in FLAGS), "inside_claimed", "count", "unit", "source", "url", "quote", "notes",
)
_AREA_KINDS = ("district", "province")
GIS_HINT = "pip install 'armaz-conflict-maps[gis]'"
#: A cell starting with one of these is a formula to Excel, Sheets and LibreOffice.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _areas(gaz: Gazetteer) -> dict[str, dict[str, Any]]:
    out = {}
    for feature in gaz.boundaries["features"]:
        if feature["properties"]["kind"] in _AREA_KINDS:
            out[feature["id"]] = feature["geometry"]
    return out


def claim_rows(analysis: Analysis, gaz: Gazetteer) -> list[dict[str, Any]]:
    """One flat record per claim, in the analysis's order (time, then id); key order is ``COLUMNS``."""
    areas = _areas(gaz)
    rows = []
    for claim in analysis.claims:
        place = analysis.places[claim.id]
        flags = analysis.flags.get(claim.id, [])
        area = (place is not None and place.kind in _AREA_KINDS and place.id in areas and claim.lat is None)
        row = {
            "id": claim.id,
            "date": claim.date,
            "day": claim.day.isoformat(),
            "datetime": (claim.when.strftime("%Y-%m-%dT%H:%M:%SZ") if "T" in claim.date else None),
            "place": claim.place,
            "near": claim.near,
            "place_id": place.id if place else None,
            "place_name": place.name if place else None,
            "place_kind": place.kind if place else None,
            "lat": round(place.lat, 6) if place else None,
            "lon": round(place.lon, 6) if place else None,
            "geometry_kind": "area" if area else ("point" if place else None),
            "match_status": analysis.resolutions[claim.id].status,
            "claimant": claim.claimant,
            "side": claim.side,
            "claim": claim.claim,
            "status": claim.status,
            "flags": "; ".join(flags),
            **{f"flag_{f}": f in flags for f in FLAGS},
            "inside_claimed": analysis.inside_claimed.get(claim.id),
            # 12, not 12.0: a toll is a whole number in every reader's eyes.
            "count": (int(claim.count) if claim.count is not None and claim.count.is_integer() else claim.count),
            "unit": claim.unit,
            "source": claim.source,
            "url": claim.url,
            "quote": claim.quote,
            "notes": claim.notes,
        }
        rows.append(row)
    return rows


def _geometry(row: dict[str, Any], areas: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    if row["geometry_kind"] == "area":
        geom = shapely.orient_polygons(shape(areas[row["place_id"]]))
        return mapping(geom)
    if row["geometry_kind"] == "point":
        return {"type": "Point", "coordinates": [row["lon"], row["lat"]]}
    return None


def claims_geojson(analysis: Analysis, gaz: Gazetteer, rows: list[dict[str, Any]] | None = None) -> str:
    """The claims as an RFC 7946 FeatureCollection, one feature per line
    (stable diffs, fast to write); an area's geometry is serialised once however
    many claims it has."""
    rows = claim_rows(analysis, gaz) if rows is None else rows
    areas = _areas(gaz)
    shapes: dict[str, bytes] = {}
    lines = []
    for row in rows:
        key = row["place_id"] if row["geometry_kind"] == "area" else None
        geometry = shapes.get(key) if key is not None else None
        if geometry is None:
            geometry = orjson.dumps(_geometry(row, areas))
            if key is not None:
                shapes[key] = geometry
        lines.append(b'{"type":"Feature","id":%s,"geometry":%s,"properties":%s}'
                     % (orjson.dumps(row["id"]), geometry, orjson.dumps(row)))
    return (b'{"type":"FeatureCollection","features":[\n' + b",\n".join(lines) + b"\n]}\n").decode()


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        # An apostrophe makes the spreadsheet show the text, not run it.
        return "'" + value
    return value


def claims_csv(analysis: Analysis, gaz: Gazetteer, rows: list[dict[str, Any]] | None = None, *,
               delimiter: str = ",") -> str:
    """A flat table for Sheets, Excel and Datawrapper: lat/lon columns, one claim a row."""
    rows = claim_rows(analysis, gaz) if rows is None else rows
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([_cell(row[c]) for c in COLUMNS])
    return buffer.getvalue()


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

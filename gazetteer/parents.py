"""Parents from geometry: the district or province that holds a place, in its own country."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .wof import Record

__all__ = ["parents_from_geometry", "NEAR_BORDER_DEG"]

#: How far (degrees: 6.7 km north–south, 5 km east–west here) outside every
#: unit of its country a settlement may lie and still be given the nearest
#: one. The Armenian provinces' polygons are coarse along the eastern border:
#: villages of Syunik lie up to 5 km outside Syunik's polygon.
NEAR_BORDER_DEG = 0.06


def parents_from_geometry(records: dict[int, Record]) -> list[dict[str, Any]]:
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

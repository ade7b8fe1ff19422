"""The claims as one table by column: what the CSV, the GeoJSON and the flat rows are written from.

A ledger names each place, date and set of flags on many claims, so the
columns each of them decides are kept as a group: one key per claim, and the
group's values once per key. An export renders each distinct key or value
once, then joins every claim's pieces with ``map`` and ``str.join`` (in C),
instead of building a dict per claim and serialising it. The bytes are the
same as the per-row writers in ``exports`` give (``tests/test_claimtable.py``
compares them on every kind of cell).
"""

from __future__ import annotations

import re
from itertools import chain, repeat
from operator import attrgetter
from typing import Any, NamedTuple

import orjson

from gazetteer import Gazetteer

from .analysis import FLAGS, Analysis
from .ledger import Claim

__all__ = ["COLUMNS", "ClaimTable"]

COLUMNS = (
    "id", "date", "day", "datetime", "place", "near", "place_id", "place_name", "place_kind",
    "lat", "lon", "geometry_kind", "match_status", "claimant", "side", "claim", "status", "flags",
    *(f"flag_{f}" for f in FLAGS), "inside_claimed", "count", "unit", "source", "url", "quote", "notes",
)
AREA_KINDS = ("district", "province")
#: A cell starting with one of these is a formula to Excel, Sheets and LibreOffice.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: Delimiters the table writes itself; any other goes through the csv module, row by row.
CSV_DELIMITERS = (",", ";", "\t", "|")
_PLACE = ("place_id", "place_name", "place_kind", "lat", "lon", "geometry_kind")


def area_geometries(gaz: Gazetteer) -> dict[str, dict[str, Any]]:
    """District and province id -> its polygon (GeoJSON), as drawn for claims about the unit as a whole."""
    return {f["id"]: f["geometry"] for f in gaz.boundaries["features"] if f["properties"]["kind"] in AREA_KINDS}


class _Group(NamedTuple):
    """Consecutive columns of ``COLUMNS``: a key per claim, and the columns' values per key
    (``values`` None: a single column, whose key is its value)."""

    names: tuple[str, ...]
    keys: list[Any]
    values: dict[Any, tuple] | None = None


def _fields(claims: list[Claim]):
    """``field(name)``: that field of every claim. Claims are tuples: one
    transposition (in C) gives every field at once."""
    if claims and all(type(c) is Claim for c in claims):
        by_name = dict(zip(Claim._fields, map(list, zip(*claims))))
        return by_name.__getitem__
    return lambda name: [own_field(c, name) for c in claims]


def own_field(claim: Any, name: str) -> Any:
    """A field of a claim of one's own. A named tuple without a ``count``
    field still has tuple's ``count`` method, which is no count."""
    value = getattr(claim, name)
    if isinstance(claim, tuple) and callable(value) and name not in getattr(claim, "_fields", ()):
        raise AttributeError(name)
    return value


def field_or_none(claim: Any, name: str) -> Any:
    """``own_field``, None where the claim lacks the field."""
    try:
        return own_field(claim, name)
    except AttributeError:
        return None


class ClaimTable:
    """One row per claim, in the analysis's order (time, then id), held by column."""

    def __init__(self, analysis: Analysis, gaz: Gazetteer) -> None:
        claims = analysis.claims
        field = _fields(claims)

        ids = field("id")
        self.areas = area_geometries(gaz)
        # A date's text decides its day and its UTC instant.
        dates = list(zip(field("date"), field("day"), field("when")))
        date_values = {key: (key[0], key[1].isoformat(),
                             key[2].strftime("%Y-%m-%dT%H:%M:%SZ") if "T" in key[0] else None)
                       for key in dict.fromkeys(dates)}
        # A place by object (a claim with its own coordinates has its own Place), and whether it is drawn at
        # its point: a district with coordinates given is a point.
        places = list(map(analysis.places.__getitem__, ids))
        where = list(zip(map(id, places), [lat is not None for lat in field("lat")]))
        place_values = {}
        for key, place in dict(zip(where, places)).items():
            if place is None:
                place_values[key] = (None,) * len(_PLACE)
                continue
            area = place.kind in AREA_KINDS and place.id in self.areas and not key[1]
            place_values[key] = (place.id, place.name, place.kind, round(place.lat, 6), round(place.lon, 6),
                                 "area" if area else "point")
        flags = [tuple(f) if f else () for f in map(analysis.flags.get, ids)]
        flag_values = {key: ("; ".join(key), *(f in key for f in FLAGS)) for key in set(flags)}
        # 12, not 12.0: a toll is a whole number in every reader's eyes.
        counts = [c if c is None or not c.is_integer() else int(c) for c in field("count")]
        self.groups = (
            _Group(("id",), ids), _Group(("date", "day", "datetime"), dates, date_values),
            _Group(("place",), field("place")), _Group(("near",), field("near")),
            _Group(_PLACE, where, place_values),
            _Group(("match_status",), list(map(attrgetter("status"), map(analysis.resolutions.__getitem__, ids)))),
            _Group(("claimant",), field("claimant")), _Group(("side",), field("side")),
            _Group(("claim",), field("claim")), _Group(("status",), field("status")),
            _Group(("flags", *(f"flag_{f}" for f in FLAGS)), flags, flag_values),
            _Group(("inside_claimed",), list(map(analysis.inside_claimed.get, ids))), _Group(("count",), counts),
            *(_Group((name,), field(name)) for name in ("unit", "source", "url", "quote", "notes")),
        )
        if tuple(name for group in self.groups for name in group.names) != COLUMNS:
            raise AssertionError("ClaimTable's groups must give COLUMNS in order")
        self.ids = ids

    def columns(self) -> list[list[Any]]:
        """Every column of ``COLUMNS``, in order."""
        out: list[list[Any]] = []
        for group in self.groups:
            if group.values is None:
                out.append(group.keys)
            elif group.keys:
                out.extend(map(list, zip(*map(group.values.__getitem__, group.keys))))
            else:
                out.extend([] for _ in group.names)
        return out

    def rows(self) -> list[dict[str, Any]]:
        """One dict per claim, keys in ``COLUMNS`` order (``exports.claim_rows``)."""
        return list(map(dict, map(zip, repeat(COLUMNS), zip(*self.columns()))))

    def geojson(self) -> bytes:
        """``exports.geojson_bytes``: one feature per line (``geojson_pieces`` joined)."""
        return b"".join(self.geojson_pieces())

    def geojson_pieces(self) -> list[bytes]:
        """The GeoJSON as pieces to write one after the other, so that a file is written without the
        document made whole first (40 MB at 50,000 claims). A feature is the bytes orjson gives its
        dict, made from pieces: each distinct key of a group (a place, a date, a set of flags) and each
        place's geometry serialised once, every other value by one ``orjson.dumps`` each (the same
        bytes orjson writes for it inside a document), and each feature's pieces joined in C: no
        dict per claim, and no document of dicts to serialise."""
        where = self.groups[4]
        shapes: dict[Any, bytes] = {}
        geometry_of = {}
        for key in dict.fromkeys(where.keys):
            place_id, _, _, lat, lon, kind = where.values[key]
            shape_key = (place_id if kind == "area" else (lon, lat)) if kind else None
            if shape_key not in shapes:
                shapes[shape_key] = orjson.dumps(_geometry(kind, place_id, lat, lon, self.areas))
            geometry_of[key] = shapes[shape_key]
        dumps = orjson.dumps
        ids = list(map(dumps, self.ids))
        parts: list[Any] = [repeat(b'{"type":"Feature","id":'), ids, repeat(b',"geometry":'),
                            map(geometry_of.__getitem__, where.keys), repeat(b',"properties":{')]
        for number, group in enumerate(self.groups):
            # '"name":' of each column, with the comma before it (none before the first property)
            names = [b'%s"%s":' % (b"," if number or i else b"", name.encode())
                     for i, name in enumerate(group.names)]
            if group.values is None:
                parts += [repeat(names[0]), ids if group.keys is self.ids else map(dumps, group.keys)]
            else:
                done = {key: b"".join(map(bytes.__add__, names, map(dumps, group.values[key])))
                        for key in dict.fromkeys(group.keys)}
                parts.append(map(done.__getitem__, group.keys))
        parts.append(repeat(b"}}"))
        head, tail = b'{"type":"FeatureCollection","features":[\n', b"\n]}\n"
        features = list(map(b"".join, zip(*parts)))
        if not features:
            return [head + tail]
        # The head and tail joined to the first and last feature, a separator after every other.
        features[0] = head + features[0]
        features[-1] += tail
        out = list(chain.from_iterable(zip(features, repeat(b",\n"))))
        out.pop()
        return out

    def csv(self, delimiter: str = ",") -> str:
        """``exports.claims_csv`` for a delimiter of ``CSV_DELIMITERS``: cells as the csv module writes
        them (quoted only when they hold the delimiter, a quote or a line break), formulas guarded,
        booleans as true/false. TypeError when a cell is of a type it does not write."""
        if delimiter not in CSV_DELIMITERS:
            raise ValueError(f"delimiter {delimiter!r}: one of {CSV_DELIMITERS}")
        special = re.compile(f'[{re.escape(delimiter)}"\r\n]')
        formula = re.escape("".join(FORMULA_START))
        attention = re.compile(f'^[{formula}]|[{re.escape(delimiter)}"\r\n]')
        # Over a column's texts joined by NUL: searches for one character (memchr, far faster than
        # a regular expression's scan) find whether any text needs work: a quote, a delimiter, a
        # line break, or a formula's first character, then only if that character is there at all,
        # after a NUL (at the start of a text).
        marks = (delimiter, '"', "\r", "\n")

        def any_attention(joined: str) -> bool:
            return (any(mark in joined for mark in marks)
                    or any(start in joined and "\x00" + start in joined for start in FORMULA_START))

        def cell(value: Any) -> str:
            kind = type(value)
            if value is None:
                return ""
            if kind is str:
                if value[:1] in FORMULA_START:
                    value = "'" + value
                return '"' + value.replace('"', '""') + '"' if special.search(value) else value
            if kind is bool:
                return "true" if value else "false"
            if kind is float or kind is int:
                return repr(value)
            raise TypeError(f"a {kind.__name__} cell")

        def render(group: _Group, keys: dict) -> dict:
            if group.values is not None:
                return {key: delimiter.join(map(cell, group.values[key])) for key in keys}
            texts = [key for key in keys if type(key) is str]
            done = dict(zip(texts, texts))  # most text is written as it is
            if len(texts) < len(keys):  # None, numbers
                done.update((key, cell(key)) for key in keys if type(key) is not str)
            if any_attention("\x00" + "\x00".join(texts)):
                done.update((text, cell(text)) for text in filter(attention.search, texts))
            return done

        def text_column(values: list[Any]):
            """A column of texts and None as its cells: most cells are the text itself, so only
            None (an empty cell) and the texts that need quotes or a guard are looked up."""
            texts = list(filter(None, values))
            fixes: dict[str | None, str] = {None: ""}
            if any_attention("\x00" + "\x00".join(texts)):
                fixes.update((text, cell(text)) for text in filter(attention.search, dict.fromkeys(texts)))
            if len(fixes) == 1 and len(texts) == len(values):
                return values
            return map(fixes.get, values, values)

        pieces = []
        for group in self.groups:
            if group.values is None and set(map(type, group.keys)) <= _TEXT_TYPES:
                pieces.append(text_column(group.keys))
            else:
                done = render(group, dict.fromkeys(group.keys))
                pieces.append(map(done.__getitem__, group.keys))
        header = delimiter.join(map(cell, COLUMNS))
        lines = map(delimiter.join, zip(*pieces))
        return "\r\n".join((header, *lines, ""))  # the last line ended too, in the one copy


_TEXT_TYPES = {str, type(None)}


def _geometry(kind: str | None, place_id: str | None, lat: float | None, lon: float | None,
              areas: dict[str, dict[str, Any]]) -> dict[str, Any] | None:
    """A claim's geometry: its unit's polygon, counter-clockwise (RFC 7946), or its point."""
    if kind == "area":
        return _oriented(areas[place_id])
    if kind == "point":
        return {"type": "Point", "coordinates": [lon, lat]}
    return None


def _oriented(geometry: dict[str, Any]) -> dict[str, Any]:
    """``mapping(shapely.orient_polygons(shape(geometry)))``: the exterior rings counter-clockwise, the
    holes clockwise, every coordinate a float. Done here by the rings' signed areas, so that a build
    whose exports are made in a forked copy does not import numpy and shapely there (0.15 s) for a few
    polygons; a ring without a clear orientation (no area: flat, or too few points) and any other
    geometry go through shapely, whose answer for those is its own. ``tests/test_claimtable.py``
    compares the two on every unit of the gazetteer."""
    kind = geometry.get("type")
    polygons = ([geometry.get("coordinates")] if kind == "Polygon" else
                geometry.get("coordinates") if kind == "MultiPolygon" else None)
    out = []
    for rings in polygons or ():
        done = []
        for number, ring in enumerate(rings):
            if len(ring) < 4 or ring[0] != ring[-1] or any(len(point) != 2 for point in ring):
                return _oriented_by_shapely(geometry)
            ring = [(float(x), float(y)) for x, y in ring]
            area = _twice_signed_area(ring)
            if area == 0:
                return _oriented_by_shapely(geometry)
            # counter-clockwise (area > 0) wanted for the exterior (ring 0), clockwise for holes
            done.append(tuple(ring if (area > 0) == (number == 0) else ring[::-1]))
        if not done:
            return _oriented_by_shapely(geometry)
        out.append(tuple(done))
    if not out:
        return _oriented_by_shapely(geometry)
    return {"type": kind, "coordinates": out[0] if kind == "Polygon" else tuple(out)}


def _twice_signed_area(ring: list[tuple[float, float]]) -> float:
    """Twice the ring's signed area (shoelace): positive when counter-clockwise."""
    x0, y0 = ring[0]
    return sum((x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0)
               for (x1, y1), (x2, y2) in zip(ring[1:], ring[2:]))


def _oriented_by_shapely(geometry: dict[str, Any]) -> dict[str, Any]:
    import shapely
    from shapely.geometry import mapping, shape

    return mapping(shapely.orient_polygons(shape(geometry)))

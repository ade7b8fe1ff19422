"""The values the gazetteer hands out: places, their names, and resolutions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, NamedTuple

__all__ = ["KINDS", "STATUSES", "Name", "Place", "Candidate", "Resolution"]

KINDS = ("country", "region", "province", "district", "settlement", "landmark")
STATUSES = ("resolved", "ambiguous", "not_found")

#: Language codes shown in popups and tables, in this order.
DISPLAY_LANGS = ("aze", "hye", "rus", "eng")


class Name(NamedTuple):
    """One name of a place. A tuple: places hold tens of thousands of them,
    and they are built when a place is first looked at."""

    text: str
    lang: str  # ISO 639-3 ("aze", "hye", "rus", "eng", "und"), or with a script: "hye-Latn"
    type: str  # "preferred", "variant", "curated" or "historical"
    valid_from: str | None = None  # ISO date; None: always
    valid_to: str | None = None  # ISO date, exclusive
    note: str | None = None
    #: True where the name only spells another language's name in this
    #: script (Ղուբաթլը is Qubadlı in Armenian letters, not an Armenian name).
    translit: bool = False
    #: True where the name belongs to another place (the importer found it is
    #: a neighbouring village's name, or a reviewer said so): it still
    #: matches, but is never shown as this place's label.
    hidden: bool = False

    def valid_on(self, day: dt.date | None) -> bool:
        if day is None:
            return True
        iso = day.isoformat()
        return (self.valid_from is None or self.valid_from <= iso) and (
            self.valid_to is None or iso < self.valid_to
        )


@dataclass(frozen=True, eq=False)
class Place:
    id: str
    name: str
    kind: str
    lat: float
    lon: float
    country: str | None
    #: Ids of the places that contain this one, nearest first.
    parents: tuple[str, ...]
    names: tuple[Name, ...]
    #: Source identifiers: {"wof": [ids], "gn": id, "wd": "Q..."}.
    sources: dict[str, Any]
    current: bool = True
    population: int | None = None
    #: The compiled record this place was built from, as stored.
    raw: dict[str, Any] = field(default_factory=dict, repr=False)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Place) and other.id == self.id

    def __hash__(self) -> int:
        return hash(self.id)

    @property
    def name_count(self) -> int:
        """How many names the place has: ``len(names)``, which a place of the
        compiled data counts without building its names."""
        return len(self.names)

    @property
    def __geo_interface__(self) -> dict[str, Any]:
        return {
            "type": "Feature",
            "id": self.id,
            "geometry": {"type": "Point", "coordinates": (self.lon, self.lat)},
            "properties": {"id": self.id, "name": self.name, "kind": self.kind},
        }

    def label(self, lang: str, *, as_of: dt.date | None = None) -> str | None:
        """The name to show for one language: curated first, then preferred, then any.

        Transliterations of another language's name come last, so the
        Armenian label of Qubadlı is Սանասար or Քաշունիք, not Ղուբաթլը.
        """
        rank = {"curated": 0, "preferred": 1, "variant": 2, "historical": 3}
        best = None
        for name in self.names:
            if name.lang != lang or name.hidden or not name.valid_on(as_of):
                continue
            key = (name.translit, rank.get(name.type, 9))
            if best is None or key < best[0]:
                best = (key, name.text)
        return best[1] if best else None

    def labels(self, *, as_of: dt.date | None = None) -> dict[str, str]:
        """One name per display language (Azerbaijani, Armenian, Russian, English)."""
        out = {}
        for lang in DISPLAY_LANGS:
            text = self.label(lang, as_of=as_of)
            if text:
                out[lang] = text
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "lat": self.lat,
            "lon": self.lon,
            "country": self.country,
            "parents": list(self.parents),
            "current": self.current,
            "population": self.population,
            "labels": self.labels(),
            "names": [
                {k: v for k, v in n._asdict().items() if v not in (None, False)} for n in self.names
            ],
            "sources": self.sources,
            # A landmark's kind and a bounded place's period, as compiled.
            **{k: self.raw[k] for k in ("type", "valid_from", "valid_to") if self.raw.get(k)},
        }


@dataclass(frozen=True)
class Candidate:
    place: Place
    score: float
    matched: str  # the stored name that matched
    layer: str  # "exact", "normalised", "phonetic", "fuzzy", "online"
    why: tuple[str, ...] = ()

    def __init__(self, place: Place, score: float, matched: str, layer: str, why: tuple[str, ...] = ()) -> None:
        # Every look-up makes a few: the frozen dataclass's own __init__ sets
        # each field through object.__setattr__, three times slower.
        fields = self.__dict__
        fields["place"], fields["score"], fields["matched"], fields["layer"], fields["why"] = (
            place, score, matched, layer, why)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.place.id,
            "name": self.place.name,
            "kind": self.place.kind,
            "lat": self.place.lat,
            "lon": self.place.lon,
            "score": round(self.score, 3),
            "matched": self.matched,
            "layer": self.layer,
            "why": list(self.why),
        }


@dataclass(frozen=True)
class Resolution:
    query: str
    status: str
    candidates: tuple[Candidate, ...]
    why: str
    near: str | None = None

    def __init__(self, query: str, status: str, candidates: tuple[Candidate, ...], why: str,
                 near: str | None = None) -> None:
        # As Candidate's: one update, not a frozen __setattr__ per field.
        fields = self.__dict__
        fields["query"], fields["status"], fields["candidates"], fields["why"], fields["near"] = (
            query, status, candidates, why, near)

    @property
    def place(self) -> Place | None:
        """The place, only when the status is ``resolved``."""
        return self.candidates[0].place if self.status == "resolved" else None

    @property
    def score(self) -> float | None:
        return self.candidates[0].score if self.candidates else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "near": self.near,
            "status": self.status,
            "place": self.place.to_dict() if self.place else None,
            "why": self.why,
            "candidates": [c.to_dict() for c in self.candidates],
        }

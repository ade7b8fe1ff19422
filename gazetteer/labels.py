"""Label hygiene on imported records: which name a place shows in each language.

Who's On First carries names that are another village's (T'at'ul's Russian
name is its neighbour's), Soviet-era Russian names as if current (Кировакан
for Vanadzor), and English names that are a letter-for-letter romanization
(Korrnidzor) or an Azerbaijani name stripped of its letters (Kalbacar). The
functions here fix the records in place and return one report row per change.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from .normalize import skeleton

if TYPE_CHECKING:
    from .wof import Record

__all__ = ["press_armenian", "english_labels", "old_russian_names", "flag_borrowed_names", "distance_km"]


def distance_km(a: "Record", b: "Record") -> float:
    dlat = math.radians(b.lat - a.lat)
    dlon = math.radians(b.lon - a.lon) * math.cos(math.radians((a.lat + b.lat) / 2))
    return 6371.0 * math.hypot(dlat, dlon)


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


def flag_borrowed_names(records: dict[int, Record]) -> list[dict[str, Any]]:
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
                                     if o is not rec and distance_km(rec, o) < BORROWED_KM),
                                    key=lambda o: (distance_km(rec, o), o.wof_id))
            source = next((o for o in neighbours if skels[i] in main(o)), None)
            if source is None:
                continue
            km = distance_km(rec, source)
            name.update(type="variant", hidden=True,
                        note=f"the name of {source.name} (wof:{source.wof_id}), {km:.0f} km away; "
                             "not shown as this place's label")
            flagged.append({"id": f"wof:{rec.wof_id}", "name": rec.name, "flagged": name["text"],
                            "lang": name["lang"], "belongs_to": f"wof:{source.wof_id} {source.name}",
                            "km": round(km, 1)})
    return flagged


def old_russian_names(records: dict[int, Record]) -> list[dict[str, Any]]:
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


def english_labels(records: dict[int, Record]) -> list[dict[str, Any]]:
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

"""dups.yaml: one village recorded twice is one place, where the encyclopedia page puts it.

Compiled with the WOF trees (the session's fixture), so the checks hold whether
or not the shipped data is regenerated. Each fails if its merge is undone: the
merged copy's id would be a place of its own, and its names would tie.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest

from ._compiled import gaz  # noqa: F401  (the compiled gazetteer, not the bundled file)

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import duplicates  # noqa: E402  (benchmarks/duplicates.py: the listing the entries came from)

# kept, merged copy, the page's point (lat, lon)
MERGES = [
    ("wof:890443193", "wof:421204829", (39.44806, 48.54278)),    # Biləsuvar town (was Puşkin)
    ("wof:1242713891", "wof:1259518117", (39.69389, 47.02889)),  # Maçkalaşen / Cütçü
    ("wof:421196497", "wof:1343875853", (40.57222, 43.86694)),   # Maralik
    ("wof:421178501", "wof:1360177157", (41.14778, 44.83778)),   # Shnogh
    ("wof:421198707", "wof:1108784031", (39.90639, 44.66806)),   # Sisavan
    ("wof:890429451", "wof:1344062931", (40.38, 45.18)),         # Noratus
    ("wof:1108784319", "wof:1326734999", (40.3386, 44.73713)),  # Hatis (page: to the minute; point kept)
    ("wof:1108784103", "wof:1276253183", (40.17778, 45.87167)),  # Azat (Gegharkunik)
]


def _km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 12742 * math.asin(math.sqrt(h))


@pytest.mark.parametrize("kept, merged, point", MERGES, ids=[m[1] for m in MERGES])
def test_the_copy_is_the_kept_place_at_the_pages_point(gaz, kept, merged, point):
    assert gaz.get(merged).id == kept
    place = gaz.get(kept)
    assert _km(place.lat, place.lon, *point) < 0.1, (place.lat, place.lon)


@pytest.mark.parametrize("kept, merged, point", MERGES, ids=[m[1] for m in MERGES])
def test_no_second_settlement_keeps_the_copys_names(gaz, kept, merged, point):
    # Only the kept record carries the copy's identity: no other settlement within
    # 50 km shares the kept place's display name.
    place = gaz.get(kept)
    twins = [r["id"] for r in gaz.records() if r["kind"] == "settlement" and r["id"] != kept
             and r["name"] == place.name and _km(r["lat"], r["lon"], place.lat, place.lon) < 50]
    assert twins == []


@pytest.mark.parametrize("text", ["Cütçü", "Maçkalaşen", "Machkalashen", "Մաճկալաշեն"])
def test_machkalashen_answers_both_its_names(gaz, text):
    res = gaz.resolve(text)
    assert res.status == "resolved" and res.place.id == "wof:1242713891", (text, res.status, res.why)


@pytest.mark.parametrize("text", ["Shnogh", "Шнох", "Շնող"])
def test_shnogh_is_one_village_not_a_tie(gaz, text):
    res = gaz.resolve(text)
    assert res.status == "resolved" and res.place.id == "wof:421178501", (text, res.status, res.why)


def test_bilasuvar_is_labelled_by_its_name_and_answers_the_old_one(gaz):
    assert gaz.get("wof:890443193").name == "Biləsuvar"
    for text in ("Biləsuvar", "Билясувар", "Puşkin"):
        res = gaz.resolve(text)
        assert res.status == "resolved" and res.place.id == "wof:890443193", (text, res.status, res.why)


def test_cutcu_is_machkalashens_own_name_now_not_a_hidden_one(gaz):
    names = {(n.text, n.lang): n for n in gaz.get("wof:1242713891").names}
    assert not getattr(names[("Cütçü", "aze")], "hidden", None)


# place, a neighbour's name it carried, the language
BORROWED = [
    ("wof:421177021", "Неркин Геташен", "rus"),   # Verin Getashen had Nerkin Getashen's
    ("wof:1310556251", "Դադիվանք", "hye"),        # Qaragüney had Vəng's (Dadivank's)
]


@pytest.mark.parametrize("pid, text, lang", BORROWED, ids=[b[0] for b in BORROWED])
def test_a_neighbours_name_is_no_longer_this_places(gaz, pid, text, lang):
    assert (text, lang) not in {(n.text, n.lang) for n in gaz.get(pid).names}
    # and the name is no longer a candidate for it at all
    assert pid not in {c.place.id for c in gaz.resolve(text).candidates}


def test_verin_getashen_keeps_its_own_russian_name(gaz):
    assert ("Верин Геташен", "rus") in {(n.text, n.lang) for n in gaz.get("wof:421177021").names}
    assert gaz.resolve("Верин Геташен").place.id == "wof:421177021"


# --- The listing (benchmarks/duplicates.py) -------------------------------------------------


def _rec(pid, name, lat, lon, names, parents=("wof:d",)):
    return {"id": pid, "name": name, "kind": "settlement", "lat": lat, "lon": lon, "country": "AZ",
            "parents": list(parents), "names": [{"text": t, "lang": lang, "type": "preferred"}
                                                 for t, lang in names]}


UNITS = [{"id": "wof:d", "name": "D", "kind": "district", "lat": 0, "lon": 0, "parents": [], "names": []},
         {"id": "wof:e", "name": "E", "kind": "district", "lat": 0, "lon": 0, "parents": [], "names": []}]
FIVE = [("Kənd", "aze"), ("Kend", "eng"), ("Кенд", "rus"), ("Քենդ", "hye"), ("Kand", "und")]


def test_far_twins_need_one_district_the_distance_and_the_shared_names():
    near = _rec("wof:1", "Kənd", 40.0, 46.0, FIVE)
    far = _rec("wof:2", "Kənd", 40.2, 46.0, FIVE)                               # 22 km
    close = _rec("wof:3", "Kənd", 40.05, 46.0, FIVE)                            # 5.6 km from wof:1
    other_unit = _rec("wof:4", "Kənd", 40.4, 46.0, FIVE, parents=("wof:e",))
    few_names = _rec("wof:5", "Kənd", 40.6, 46.0, FIVE[:4])
    found = {(a["id"], b["id"]) for a, b, _ in duplicates.far_twins(
        UNITS + [near, far, close, other_unit, few_names])}
    assert found == {("wof:1", "wof:2"), ("wof:2", "wof:3")}


def test_near_namesakes_share_an_azerbaijani_or_armenian_name_within_two_km():
    a = _rec("wof:1", "Cütçü", 40.0, 46.0, [("Cütçü", "aze")])
    b = _rec("wof:2", "Maçkalaşen", 40.005, 46.0, [("Maçkalaşen", "aze"), ("Cütçü", "aze")])  # 0.6 km
    c = _rec("wof:3", "Cütçü", 40.1, 46.0, [("Cütçü", "aze")])                                # 11 km
    d = _rec("wof:4", "X", 40.001, 46.0, [("Cütçü", "rus")])                                  # other language
    found = {(x["id"], y["id"]) for x, y, _ in duplicates.near_namesakes(UNITS + [a, b, c, d])}
    assert found == {("wof:1", "wof:2")}


def test_borrowed_is_a_neighbours_name_that_spells_none_of_the_places_own():
    upper = _rec("wof:1", "Verin Getashen", 40.133, 45.251,
                 [("Verin Getashen", "eng"), ("Неркин Геташен", "rus")])
    lower = _rec("wof:2", "Nerkin Getashen", 40.140, 45.279,
                 [("Nerkin Getashen", "eng"), ("Неркин Геташен", "rus")])
    far = _rec("wof:3", "Qaragüney", 41.0, 45.0, [("Qaragüney", "aze"), ("Неркин Геташен", "rus")])
    rows = [(a["id"], text, b["id"]) for a, text, b, _ in duplicates.borrowed(UNITS + [upper, lower, far])]
    assert rows == [("wof:1", "Неркин Геташен", "wof:2")]


def test_the_pairs_fixed_in_dups_yaml_are_off_the_listing(gaz):
    records = list(gaz.records())
    ids = {m[1] for m in MERGES}
    listed = {x["id"] for a, b, _ in duplicates.far_twins(records) + duplicates.near_namesakes(records)
              for x in (a, b)}
    assert not ids & listed
    assert not {(pid, text) for pid, text, _ in BORROWED} & {
        (a["id"], text) for a, text, _b, _ in duplicates.borrowed(records)}

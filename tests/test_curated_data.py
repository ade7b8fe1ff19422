"""The curated data itself: every entry cites a page, every new place lies where
its country and parent district say, every name has a language code we know;
and, compiled with the WOF trees, the press's bare names reach the place readers
mean.

The checks on the files read the YAML and the shipped boundaries only. The
resolution checks compile the gazetteer into a temporary folder (about ten
seconds), so they hold whether or not the shipped data has been regenerated.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from gazetteer.curated import load_curated
from gazetteer.errors import DataError

DATA = Path(__file__).resolve().parents[1] / "gazetteer" / "data"
CURATED = DATA / "curated"
# base.yaml predates the rule that a source is a page address: its sources
# name laws and statistics offices. Every other theme file must cite pages.
WITHOUT_PAGES = {"base.yaml"}
THEME_FILES = sorted(p for p in CURATED.glob("*.yaml") if p.name not in WITHOUT_PAGES)

# Armenia and Azerbaijan with Nakhchivan, and a little margin.
LAT_RANGE = (38.3, 41.95)
LON_RANGE = (43.4, 50.9)
COUNTRY_WOF = {"AM": "wof:85632773", "AZ": "wof:85632717"}
# A landmark the two countries' press names that lies in neither (Mount
# Ararat): filed with its own country, under no unit, and never notable.
FOREIGN = {"TR"}
# The shipped polygons are simplified; a point a little outside one is on its edge.
EDGE_DEG = 0.01

# "und": a name whose language the source does not say (an old name of a village).
# deu, fra, ita, spa: the Nakhchivan Autonomous Republic's long names, moved
# from the WOF city unit that carried them (nakhchivan-tavush.yaml).
# "ara": the Arabic press's spellings (round 12), beside Persian's.
LANGS = {"aze", "hye", "rus", "eng", "kat", "fas", "ara", "tur", "ukr", "kmr", "und", "deu", "fra", "ita", "spa"}
SCRIPTS = {"Latn", "Cyrl", "Armn", "Arab", "Geor"}
LANDMARK_TYPES = {"bridge", "checkpoint", "lake", "reservoir", "mountain", "height", "pass",
                  "monastery", "church", "mosque", "fortress", "cave", "mine", "site", "airport",
                  "corridor", "canyon", "caravanserai", "mausoleum"}
URL = re.compile(r"https?://\S+")


def _entries(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["places"]


def _all_entries() -> list[tuple[str, dict]]:
    return [(p.name, e) for p in THEME_FILES for e in _entries(p)]


@pytest.fixture(scope="module")
def polygons():
    shapely_geometry = pytest.importorskip("shapely.geometry")
    doc = json.loads((DATA / "boundaries.geojson").read_text(encoding="utf-8"))
    return {f["id"]: shapely_geometry.shape(f["geometry"]) for f in doc["features"]}


def test_theme_files_exist():
    names = {p.name for p in THEME_FILES}
    assert {"landmarks.yaml", "areas.yaml", "press.yaml"} <= names


def test_folder_loads_with_ids_unique_across_files():
    entries = load_curated(CURATED)
    ids = [e["id"] for e in entries]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("file,entry", _all_entries(), ids=lambda v: v if isinstance(v, str) else v["id"])
def test_every_entry_cites_a_page(file, entry):
    assert URL.search(str(entry.get("source", ""))), f"{file}: {entry['id']} cites no http(s) page"


@pytest.mark.parametrize("file,entry", _all_entries(), ids=lambda v: v if isinstance(v, str) else v["id"])
def test_every_name_has_a_known_language(file, entry):
    for name in entry.get("names") or []:
        lang = str(name["lang"])
        base, _, script = lang.partition("-")
        assert base in LANGS and (not script or script in SCRIPTS), \
            f"{file}: {entry['id']}: {name['text']!r} has language {lang!r}"
        assert str(name["text"]).strip() == str(name["text"]) and name["text"], f"{file}: {entry['id']}"


def _new_places():
    return [(f, e) for f, e in _all_entries() if e.get("new")]


@pytest.mark.parametrize("file,entry", _new_places(), ids=lambda v: v if isinstance(v, str) else v["id"])
def test_new_places_lie_in_armenia_or_azerbaijan(file, entry, polygons):
    # (or, for a landmark filed with a FOREIGN country, in neither)
    from shapely.geometry import Point

    new = entry["new"]
    lat, lon = float(new["lat"]), float(new["lon"])
    assert LAT_RANGE[0] <= lat <= LAT_RANGE[1] and LON_RANGE[0] <= lon <= LON_RANGE[1], \
        f"{file}: {entry['id']} at {lat}, {lon} is outside Armenia and Azerbaijan"
    point = Point(lon, lat)
    country = new.get("country")
    if country in FOREIGN:
        assert new["kind"] == "landmark" and entry.get("notable") is False and not new.get("parents"), \
            f"{file}: {entry['id']}: a place outside both countries is a landmark, not notable, under no unit"
        assert not any(poly.contains(point) for poly in (polygons[w] for w in COUNTRY_WOF.values())), \
            f"{file}: {entry['id']} at {lat}, {lon} is filed as {country} but lies in Armenia or Azerbaijan"
    elif country is not None:
        assert country in COUNTRY_WOF, f"{file}: {entry['id']}: country {country!r}"
        assert polygons[COUNTRY_WOF[country]].buffer(EDGE_DEG).contains(point), \
            f"{file}: {entry['id']} at {lat}, {lon} is not in {country}"
    for line_point in (new.get("geometry") or {}).get("coordinates", []):
        x, y = line_point
        assert LAT_RANGE[0] <= y <= LAT_RANGE[1] and LON_RANGE[0] <= x <= LON_RANGE[1], \
            f"{file}: {entry['id']}: geometry point {line_point} is outside the region ([lon, lat] order?)"


def _with_parents():
    out = []
    for file, entry in _all_entries():
        parents = list((entry.get("new") or {}).get("parents") or [])
        extra = entry.get("parent") or []
        parents += [extra] if isinstance(extra, str) else list(extra)
        if entry.get("new") and parents:
            out.append((file, entry, parents))
    return out


@pytest.mark.parametrize("file,entry,parents", _with_parents(),
                         ids=lambda v: v if isinstance(v, str) else (v["id"] if isinstance(v, dict) else ""))
def test_new_places_lie_in_their_parents(file, entry, parents, polygons):
    from shapely.geometry import Point

    point = Point(float(entry["new"]["lon"]), float(entry["new"]["lat"]))
    for parent in parents:
        if parent in polygons:  # gz: parents have no polygon of their own
            assert polygons[parent].buffer(EDGE_DEG).contains(point), \
                f"{file}: {entry['id']} is not inside its parent {parent}"


def test_landmarks_say_what_they_are():
    for entry in _entries(CURATED / "landmarks.yaml"):
        new = entry["new"]
        assert new["kind"] == "landmark"
        assert new.get("type") in LANDMARK_TYPES, f"{entry['id']}: type {new.get('type')!r}"
        geometry = new.get("geometry")
        if geometry is not None:
            assert geometry["type"] in ("LineString", "Polygon", "MultiPolygon")


def test_heritage_places_say_what_they_are():
    # heritage.yaml: monuments and a height (landmarks with their type), a
    # township (a settlement that its word, not its name, tells from a village),
    # and fixes to WOF records (no new place).
    entries = _entries(CURATED / "heritage.yaml")
    assert len(entries) >= 5
    for entry in entries:
        new = entry.get("new")
        if new is None:
            assert entry["id"].startswith("wof:")
        elif new["kind"] == "landmark":
            assert new.get("type") in LANDMARK_TYPES, f"{entry['id']}: type {new.get('type')!r}"
        else:
            assert (new["kind"], new.get("type")) == ("settlement", "township"), entry["id"]


def test_areas_cover_districts_and_carry_their_period():
    for entry in _entries(CURATED / "areas.yaml"):
        new = entry["new"]
        assert new["kind"] in ("region", "district")
        assert new.get("from") or new.get("to"), f"{entry['id']} has no validity period"
        for district in entry.get("covers") or []:
            assert district.startswith("wof:")


def test_every_wof_district_is_in_one_economic_region_of_2021():
    covered = [d for e in _entries(CURATED / "areas.yaml")
               if e["id"].startswith("gz:economic-region-") and str((e["new"] or {}).get("from")) == "2021-07-07"
               for d in e["covers"]]
    assert len(covered) == len(set(covered)), "a district is in two economic regions"
    doc = json.loads((DATA / "boundaries.geojson").read_text(encoding="utf-8"))
    az = {f["id"] for f in doc["features"] if f["properties"]["kind"] == "district"
          and f["id"] not in _armenian_districts(doc)}
    assert az - set(covered) == set()


def _armenian_districts(doc) -> set[str]:
    from shapely.geometry import shape

    armenia = next(shape(f["geometry"]) for f in doc["features"] if f["id"] == COUNTRY_WOF["AM"])
    return {f["id"] for f in doc["features"] if f["properties"]["kind"] == "district"
            and armenia.contains(shape(f["geometry"]).representative_point())}


def test_press_entries_are_marked_notable():
    entries = _entries(CURATED / "press.yaml")
    assert len(entries) >= 30
    assert all(e.get("notable") is True for e in entries)


def test_notable_must_be_a_boolean(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("places:\n- {id: 'wof:1', source: 'https://example.org', notable: 'yes'}\n",
                   encoding="utf-8")
    with pytest.raises(DataError, match="notable"):
        load_curated(bad)


# A bare name the press uses, and the place readers mean by it.
PRESS_NAMES = [
    ("Talish", "wof:1310537695"),          # of Martakert, not of Aragatsotn
    ("Hin Shen", "wof:1360220939"),        # on the 2022 Lachin road, not near Goris
    ("Mets Shen", "wof:1259720295"),
    ("Sus", "wof:1344118207"),
    ("Kornidzor", "wof:1343546815"),
    ("Nerkin Hand", "wof:1209906983"),
    ("Davit Bek", "wof:1293509597"),
    ("Vorotan", "wof:1225830729"),
    ("Khramort", "wof:1193052247"),        # merged with its duplicate Pirlər
    ("Shurnukh", "wof:1260179059"),        # merged with its duplicate
    ("Parukh", "wof:1343591669"),
    ("Lachin corridor", "gz:lachin-corridor"),
    ("Sev Lich", "gz:sev-lich"),
    ("Black Lake", "gz:sev-lich"),
    ("Murovdag", "gz:murovdag"),
    ("Sarsang", "gz:sarsang-reservoir"),
    ("Dadivank", "gz:dadivank"),
    ("Khudafarin Bridges", "gz:khudafarin-bridge-15"),
    ("Lələtəpə", "gz:lalatapa"),
    ("Şərqi Zəngəzur", "gz:economic-region-east-zangezur"),
    ("Qarabağ iqtisadi rayonu", "gz:economic-region-karabakh"),
    ("Çinarlı", "wof:1327370313"),         # Vəng, renamed in October 2020
    # armenia-border.yaml and monasteries.yaml (issue 8): each tied, went
    # elsewhere or was not found before its entry.
    ("Koti", "wof:1193036833"),            # of Tavush, not Kut of Gegharkunik
    ("Movses", "wof:421193275"),           # of Tavush (Mosesgegh until 2017), not a Syunik hamlet
    ("Ijevan", "wof:890431287"),           # the town, not a hamlet that copied its names
    ("Berd", "wof:421178515"),
    ("Paravakar", "wof:421200345"),
    ("Srashen", "wof:1108784397"),         # of Kapan, not Kilsəkənd of Tərtər
    ("Verishen", "wof:421200505"),
    ("Aygehovit", "wof:421177911"),
    ("Berdavan", "wof:421167133"),
    ("Bardzravan", "wof:1108783735"),
    ("Khnatsakh", "wof:1293220473"),
    ("Dorbantavank monastery", "wof:1259380333"),
    # landmarks.yaml (issue 8)
    ("Hakari bridge", "gz:hakari-bridge"),
    ("Lachin checkpoint", "gz:lachin-checkpoint"),
    ("Ishkhanasar", "gz:ishkhanasar"),
    ("Hunot canyon", "gz:hunot-canyon"),
    ("Kecharis", "gz:kecharis"),
    ("Əlincə qalası", "gz:alinja-fortress"),
    ("Mount Ararat", "gz:mount-ararat"),
    ("Ararat", "wof:421205495"),           # the bare name stays the town, not the mountain in Turkey
    ("Margara checkpoint", "gz:margara-checkpoint"),
    ("Margara", "wof:421200511"),          # the bare name stays the village
    # heritage.yaml (dev4): none of these was found before its entry, and the
    # monument's village keeps its bare name.
    ("Garghabazar caravanserai", "gz:garghabazar-caravanserai"),
    ("Караван-сарай Гаргабазар", "gz:garghabazar-caravanserai"),
    ("Qarğabazar karvansarası", "gz:garghabazar-caravanserai"),
    ("Mammadbeyli tomb", "gz:mammadbeyli-mausoleum"),
    ("Məmmədbəyli türbəsi", "gz:mammadbeyli-mausoleum"),
    ("Mausoleum of Yahya ibn Muhammad al-Haj", "gz:mammadbeyli-mausoleum"),
    ("Məmmədbəyli", "wof:1226376717"),
    ("высота Бартаз", "gz:bartaz-height"),
    ("Bartaz dağı", "gz:bartaz-height"),
    ("поселок Бартаз", "gz:bartaz-settlement"),
    ("Bartaz", "wof:1327463269"),           # the village: the settlement is named with its word
    ("Agoglan Monastery", "gz:tsitsernavank"),
    ("Aghoghlan", "wof:1226595013"),        # the bare name stays the village of Hüsülü/Ağoğlan
    ("Ամարասի վանք", "gz:amaras"),
    ("Сос", "wof:1242904569"),              # Sos of Martuni, not Sus (Сус) of the Lachin road
]


@pytest.fixture(scope="module")
def compiled(imported):
    return imported[0]


@pytest.mark.parametrize("text,expected", PRESS_NAMES)
def test_press_names_resolve_to_the_place_readers_mean(compiled, text, expected):
    result = compiled.resolve(text)
    assert result.status == "resolved" and result.place.id == expected, \
        f"{text!r}: {result.status}, {[c.place.id for c in result.candidates[:3]]}"


def test_merged_duplicates_answer_under_the_kept_record(compiled):
    # A WOF id merged away still finds the village, as the record that was kept.
    assert "wof:1327290781" not in compiled and "wof:1108784249" not in compiled
    assert compiled.get("wof:1327290781").id == "wof:1193052247"
    assert compiled.get("wof:1108784249").id == "wof:1260179059"


def test_sirik_stands_at_its_page_point_with_its_own_names(compiled):
    # WOF put Sirik 6.7 km off the page's point (39°28′29″N 46°52′19″E) and gave it
    # "Asagi Sirik", the name of the village 14 km south.
    from gazetteer.ranking import km

    sirik = compiled.get("wof:1293079953")
    page = compiled.get("wof:1293079953").__class__(
        id="page", name="Sirik", kind="settlement", lat=39.47472, lon=46.87194, country="AZ",
        parents=(), names=(), sources={})
    assert km(sirik, page) < 0.5
    assert not {"Asagi Sirik", "Aşağı Sirik"} & {n.text for n in sirik.names}
    assert "wof:85668323" in sirik.parents  # still in Cəbrayıl
    res = compiled.resolve("Sirik", near="Cəbrayıl rayonu")
    assert res.status == "resolved" and res.place.id == "wof:1293079953", res.why


def test_namesakes_of_one_name_stay_ambiguous_without_context(compiled):
    # Two real villages called Qaracallı announced in 2020, in Qubadlı and in
    # Cəbrayıl: a bare name is no choice between them; the district is.
    assert compiled.resolve("Qaracallı").status == "ambiguous"
    assert compiled.resolve("Qaracallı", near="Cəbrayıl").place.id == "wof:1326709255"
    assert compiled.resolve("Qaracallı", near="Qubadlı").place.id == "wof:1276580651"


def test_a_monuments_village_keeps_its_name(compiled):
    # The caravanserai and the mausoleum carry no bare village name: with its
    # district, the name is the village (a namesake in Armenia ties without it).
    for text, near, village in [("Qarğabazar", "Füzuli", "wof:1276943675"),
                                ("Məmmədbəyli", "Zəngilan", "wof:1226376717")]:
        res = compiled.resolve(text, near=near)
        assert res.status == "resolved" and res.place.id == village, res.why

"""The importer: parents from geometry, label hygiene, merges, curated new kinds of place.

Two kinds of test: small Who's On First trees written to disk, where each
rule is checked on a case built to break it, and the real WOF trees with the
shipped curated folder, where named places of the conflict are checked.
"""

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from gazetteer import DataError, Gazetteer
from gazetteer.cli import cli
from gazetteer.compile import CURATED_PATH, compile_gazetteer
from gazetteer.curated import load_curated

from .conftest import WOF

# --- a small WOF tree: Armenia west of 46°E, Azerbaijan east of it ------------


def _square(west, south, east, north):
    return {"type": "Polygon", "coordinates": [[[west, south], [east, south], [east, north],
                                                [west, north], [west, south]]]}


def _write(root: Path, wof_id: int, placetype: str, name: str, country: str, *, lat: float, lon: float,
           region: int | None = None, geometry=None, names=None) -> None:
    hierarchy = {"country_id": 1 if country == "AM" else 2}
    if region:
        hierarchy["region_id"] = region
    props = {"wof:id": wof_id, "wof:placetype": placetype, "wof:name": name, "wof:country": country,
             "geom:latitude": lat, "geom:longitude": lon, "wof:hierarchy": [hierarchy], **(names or {})}
    path = root / "data" / str(wof_id)[:3] / f"{wof_id}.geojson"
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = {"type": "Feature", "properties": props,
           "geometry": geometry or {"type": "Point", "coordinates": [lon, lat]}}
    path.write_text(json.dumps(doc), encoding="utf-8")


@pytest.fixture
def tree(tmp_path):
    root = tmp_path / "wof"
    _write(root, 1, "country", "Armenia", "AM", lat=40, lon=45, geometry=_square(44, 39, 46, 41))
    _write(root, 2, "country", "Azerbaijan", "AZ", lat=40, lon=47, geometry=_square(46, 39, 48, 41))
    # The Armenian province's polygon stops short of the border, as Syunik's does.
    _write(root, 10, "region", "Syunik", "AM", lat=40, lon=45, geometry=_square(44, 39, 45.98, 41))
    _write(root, 20, "region", "Lachin", "AZ", lat=40, lon=47, geometry=_square(46, 39, 48, 41))
    # WOF files these Armenian villages under the Azerbaijani district.
    _write(root, 100, "locality", "Kornidzor", "AM", lat=40, lon=46.01, region=20)
    _write(root, 101, "locality", "Khoznavar", "AM", lat=40, lon=45.5, region=20)
    _write(root, 102, "locality", "Faraway", "AM", lat=40, lon=47.5, region=20)
    # An Azerbaijani village with no district, and one under the Armenian province.
    _write(root, 200, "locality", "Qoşa", "AZ", lat=40.5, lon=46.5)
    _write(root, 201, "locality", "Seyidlər", "AZ", lat=40.2, lon=46.2, region=10)
    return root


def _compile(tree, tmp_path, *extra):
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["import", "wof", str(tree), "--no-curated", "--output-dir", str(out),
                                      "--report", str(tmp_path / "report.json"), *extra])
    assert result.exit_code == 0, result.output
    gaz = Gazetteer(out / "gazetteer.json", area=None)
    return gaz, json.loads((tmp_path / "report.json").read_text(encoding="utf-8")), result


def test_parents_come_from_geometry_within_the_country(tree, tmp_path):
    gaz, report, result = _compile(tree, tmp_path)
    parents = {p.name: [q.name for q in gaz.parents(p)] for p in gaz if p.kind == "settlement"}
    # Inside its own country's unit, or just outside it (the border river): never the other country's.
    assert parents["Khoznavar"] == ["Syunik", "Armenia"]
    assert parents["Kornidzor"] == ["Syunik", "Armenia"]
    # No unit of Armenia near: the Azerbaijani parent is dropped, not kept.
    assert parents["Faraway"] == ["Armenia"]
    assert parents["Qoşa"] == ["Lachin", "Azerbaijan"]
    assert parents["Seyidlər"] == ["Lachin", "Azerbaijan"]
    rows = {r["name"]: r for r in report["parents_from_geometry"]}
    assert rows["Kornidzor"]["cross_country"] and rows["Kornidzor"]["source_parent"] == "wof:20 Lachin (AZ)"
    assert rows["Kornidzor"]["geometry_parent"] == "wof:10 Syunik (AM)"
    assert "nearest" in rows["Kornidzor"]["action"] and "inside" in rows["Khoznavar"]["action"]
    assert rows["Faraway"]["action"].startswith("dropped")
    assert rows["Qoşa"]["action"].startswith("assigned") and not rows["Qoşa"]["cross_country"]
    assert "(4 were under the other country)" in result.output


def test_report_to_stdout_keeps_the_summary_off_it(tree, tmp_path):
    result = CliRunner().invoke(cli, ["import", "wof", str(tree), "--no-curated",
                                      "--output-dir", str(tmp_path / "o"), "--report", "-"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["parents_from_geometry"]
    assert "parents set from geometry" in result.stderr


# --- curated places of new kinds -------------------------------------------------


def _curated(tmp_path, text):
    folder = tmp_path / "curated"
    folder.mkdir(exist_ok=True)
    (folder / "landmarks.yaml").write_text(text, encoding="utf-8")
    return folder


def test_curated_landmarks_and_areas_carry_type_period_and_shape(tree, tmp_path):
    folder = _curated(tmp_path, """places:
- id: gz:corridor
  name: Lachin corridor
  source: test
  new: {kind: landmark, type: corridor, lat: 40, lon: 46.2, from: 1992-05-18, to: 2023-09-19,
        geometry: {type: LineString, coordinates: [[45.9, 40], [46.5, 40.1]]}}
- id: gz:bridge
  name: Hakari bridge
  source: test
  new: {kind: landmark, type: bridge, lat: 40.1, lon: 46.3}
- id: gz:checkpoint
  name: Border checkpoint
  source: test
  new: {kind: landmark, type: checkpoint, lat: 40.1, lon: 46.01, country: AM}
""")
    out = tmp_path / "out"
    compile_gazetteer([tree], curated=folder, out_dir=out)
    gaz = Gazetteer(out / "gazetteer.json", area=None)
    corridor, bridge = gaz.get("gz:corridor"), gaz.get("gz:bridge")
    assert corridor.raw["type"] == "corridor" and bridge.raw["type"] == "bridge"
    assert (corridor.raw["valid_from"], corridor.raw["valid_to"]) == ("1992-05-18", "2023-09-19")
    assert not corridor.current and bridge.current and "valid_to" not in bridge.raw
    assert corridor.to_dict()["type"] == "corridor" and corridor.to_dict()["valid_to"] == "2023-09-19"
    features = {f["id"]: f for f in gaz.boundaries["features"]}
    assert features["gz:corridor"]["geometry"]["type"] == "LineString"
    assert features["gz:corridor"]["properties"]["type"] == "corridor"
    assert "gz:bridge" not in features
    # Filed like an imported place: under the unit whose polygon holds it.
    assert [p.name for p in gaz.parents(bridge)] == ["Lachin", "Azerbaijan"]
    # Just outside its own country's unit, inside the other's: its own, as for WOF's villages.
    assert [p.name for p in gaz.parents(gaz.get("gz:checkpoint"))] == ["Syunik", "Armenia"]


def test_a_curated_district_replaces_the_one_the_outlines_gave(tmp_path):
    root = tmp_path / "wof"
    _write(root, 2, "country", "Azerbaijan", "AZ", lat=40, lon=47, geometry=_square(46, 39, 48, 41))
    _write(root, 20, "region", "Füzuli", "AZ", lat=40, lon=46.5, geometry=_square(46, 39, 47, 41))
    _write(root, 21, "region", "Xocavənd", "AZ", lat=40, lon=47.5, geometry=_square(47, 39, 48, 41))
    # On the boundary: the outlines put it in Füzuli, the encyclopedia in Xocavənd.
    _write(root, 100, "locality", "Düdükçü", "AZ", lat=40, lon=46.99)
    _write(root, 101, "locality", "Qarakollu", "AZ", lat=40, lon=46.5)
    folder = _curated(tmp_path, """places:
- id: wof:100
  parent: wof:21
  source: test
- id: wof:101
  parent: wof:100
  source: test
""")
    out = tmp_path / "out"
    compile_gazetteer([root], curated=folder, out_dir=out)
    gaz = Gazetteer(out / "gazetteer.json", area=None)
    assert gaz.get("wof:100").parents == ("wof:21", "wof:2")
    # A parent of another kind is added in front; the district stays.
    assert gaz.get("wof:101").parents == ("wof:100", "wof:20", "wof:2")
    assert gaz.resolve("Düdükçü", near="Xocavənd").place.id == "wof:100"
    # Inside the simplified polygon of Füzuli, but filed elsewhere: its edge.
    assert "at the edge of Füzuli" in gaz.resolve("Düdükçü", near="Füzuli").why


@pytest.mark.parametrize("new, message", [
    ("{kind: landmark, type: Big Bridge, lat: 1, lon: 2}", "'new.type' must be a lowercase word"),
    ("{kind: landmark, lat: 1, lon: 2, from: May 1992}", "new.from: 'May 1992' is not an ISO date"),
    ("{kind: district, lat: 1, lon: 2, from: 2020-01-01, to: 1990-01-01}", "is not before"),
    ("{kind: landmark, lat: 1, lon: 2, geometry: {type: Point, coordinates: [1, 2]}}", "'new.geometry' must be"),
])
def test_bad_new_fields_name_the_entry(tmp_path, new, message):
    folder = _curated(tmp_path, f"places:\n- id: gz:x\n  name: X\n  source: s\n  new: {new}\n")
    with pytest.raises(DataError, match=r"landmarks.yaml: entry 1 \(gz:x\)") as err:
        load_curated(folder)
    assert message in str(err.value)


def test_an_invalid_shape_is_an_error_naming_the_entry(tree, tmp_path):
    bow_tie = "{type: Polygon, coordinates: [[[46, 40], [46.2, 40.2], [46.2, 40], [46, 40.2], [46, 40]]]}"
    folder = _curated(tmp_path, f"places:\n- id: gz:x\n  name: X\n  source: s\n"
                                f"  new: {{kind: district, lat: 40, lon: 46, geometry: {bow_tie}}}\n")
    with pytest.raises(DataError, match=r"entry 1 \(gz:x\): 'new.geometry' is not a valid shape: Self-inter"):
        compile_gazetteer([tree], curated=folder, out_dir=tmp_path / "out")


# --- the real WOF trees and the shipped curated folder -----------------------------

needs_wof = pytest.mark.skipif(not WOF.is_dir(), reason="needs ../shared/data/whosonfirst")


@pytest.fixture(scope="module")
def real(imported):
    return imported


def _curated_parents() -> dict[str, set[str]]:
    """Parents the curated folder gives a place on purpose, with a note saying why."""
    out: dict[str, set[str]] = {}
    for entry in load_curated(CURATED_PATH):
        parent = entry.get("parent") or []
        if entry.get("note"):
            out[entry["id"]] = set([parent] if isinstance(parent, str) else parent)
    return out


@needs_wof
def test_no_place_is_filed_under_the_other_country(real):
    gaz, report = real
    allowed = _curated_parents()
    wrong = []
    for place in gaz:
        for parent in gaz.parents(place):
            if parent.kind in ("district", "province") and parent.country and place.country \
                    and parent.country != place.country and parent.id not in allowed.get(place.id, ()):
                wrong.append(f"{place.id} {place.name} ({place.country}) under {parent.name} ({parent.country})")
    assert not wrong, "\n".join(wrong)
    fixed = [r for r in report["parents_from_geometry"] if r["cross_country"]]
    assert len(fixed) >= 60


@needs_wof
@pytest.mark.parametrize("wof_id, parent", [
    (1343546815, "Syunik"),  # Kornidzor, which WOF files under Lachin
    (1108783049, "Syunik"),  # Khoznavar, under Lachin
    (1209906983, "Syunik"),  # Nerkin Hand, under Zangilan
    (1293509597, "Syunik"),  # Davit Bek, under Qubadli
    (421188329, "Tavush"),  # Azatamut, under Qazax
    (1226143525, "Gegharkunik"),  # Tsaghkut, under Gadabay
    (1243007779, "Zəngilan"),  # Seyidlər, under Syunik
    # Exclaves: in their own country's unit whatever surrounds them.
    (1209839605, "Gegharkunik"),  # Artsvashen, inside Gadabay
    (1259736679, "Sədərək"),  # Kərki, inside Ararat
    (1360227265, "Qazax"),  # Barxudarlı, inside Tavush
    (1310048183, "Qazax"),  # Yuxarı Əskipara
])
def test_named_places_have_their_own_countrys_unit(real, wof_id, parent):
    gaz, _ = real
    parents = [p.name for p in gaz.parents(gaz.get(f"wof:{wof_id}"))]
    assert parents[0] == parent, parents


# --- label hygiene and merges on a small tree -------------------------------------


@pytest.fixture
def villages(tmp_path):
    root = tmp_path / "wof"
    _write(root, 1, "country", "Armenia", "AM", lat=40, lon=45, geometry=_square(44, 39, 46, 41))
    _write(root, 10, "region", "Syunik", "AM", lat=40, lon=45, geometry=_square(44, 39, 46, 41))
    # T'at'ul carries its neighbour Areg's Russian name (as in WOF).
    _write(root, 100, "locality", "Tatul", "AM", lat=40.0, lon=45.0, region=10,
           names={"name:rus_x_preferred": ["Арег"], "name:hye_x_preferred": ["Թաթուլ"]})
    _write(root, 101, "locality", "Areg", "AM", lat=40.02, lon=45.0, region=10,
           names={"name:rus_x_preferred": ["Арег"], "name:hye_x_preferred": ["Արեգ"]})
    # A Karabakh-style village whose Armenian name is unrelated to its other
    # names but is nobody else's: kept and shown.
    _write(root, 102, "locality", "Qaragol", "AM", lat=40.5, lon=45.5, region=10,
           names={"name:hye_x_variant": ["Կերեն"], "name:hye-Latn_x_variant": ["Keren"]})
    # One village imported twice under two romanizations, 0.5 km apart, and a
    # namesake 30 km away that must stay apart.
    _write(root, 200, "locality", "Shurrnukh", "AM", lat=39.38, lon=45.4, region=10)
    _write(root, 201, "localadmin", "Shurnukh", "AM", lat=39.384, lon=45.4, region=10)
    _write(root, 202, "locality", "Shurnukh", "AM", lat=39.65, lon=45.4, region=10)
    return root


def test_a_neighbours_name_is_kept_but_never_the_label(villages, tmp_path):
    gaz, report, result = _compile(villages, tmp_path)
    tatul = gaz.get("wof:100")
    assert tatul.label("rus") is None and tatul.label("hye") == "Թաթուլ"
    areg = [n for n in tatul.names if n.text == "Арег"][0]
    assert areg.hidden and areg.type == "variant" and "Areg (wof:101)" in areg.note
    assert gaz.get("wof:101").label("rus") == "Арег"
    assert gaz.get("wof:102").label("hye") == "Կերեն"
    # Still resolves: a reader who writes Арег may mean either.
    assert {c.place.id for c in gaz.resolve("Арег").candidates} >= {"wof:100", "wof:101"}
    assert report["flagged_names"] == [{"id": "wof:100", "name": "Tatul", "flagged": "Арег", "lang": "rus",
                                        "belongs_to": "wof:101 Areg", "km": 2.2}]
    assert "names flagged as another place's: 1" in result.output


def test_two_romanizations_of_one_village_merge_and_a_far_namesake_does_not(villages, tmp_path):
    gaz, report, _ = _compile(villages, tmp_path)
    assert gaz.get("wof:201").id == "wof:200"  # the localadmin folded into the locality
    assert gaz.get("wof:202").id == "wof:202"
    assert report["merged_spellings"] == [{"kept_or_merged": [200, 201], "names": ["Shurnukh", "Shurrnukh"],
                                           "km": 0.44}]


def test_curated_points_hidden_names_and_reviewed_names(villages, tmp_path):
    folder = _curated(tmp_path, """places:
- id: wof:102
  source: test
  lat: 40.6
  lon: 45.6
  names:
    - {text: Կերեն, lang: hye, hidden: true, note: another village's}
- id: wof:100
  source: test
  names:
    - {text: Арег, lang: rus, note: a reviewer says it is Tatul's too}
""")
    out = tmp_path / "out"
    compile_gazetteer([villages], curated=folder, out_dir=out)
    gaz = Gazetteer(out / "gazetteer.json", area=None)
    qaragol = gaz.get("wof:102")
    assert (qaragol.lat, qaragol.lon) == (40.6, 45.6)
    assert qaragol.label("hye") is None
    # A curated name overrides the importer's flag.
    assert gaz.get("wof:100").label("rus") == "Арег"
    bad = _curated(tmp_path, "places:\n- id: wof:102\n  source: s\n  lat: 40.6\n")
    with pytest.raises(DataError, match=r"entry 1 \(wof:102\): a moved point needs both 'lat' and 'lon'"):
        load_curated(bad)


@needs_wof
def test_labels_the_press_uses_and_names_in_their_time(real):
    gaz, _ = real
    assert gaz.get("wof:1343546815").label("eng") == "Kornidzor"
    assert gaz.get("wof:1209906983").label("eng") == "Nerkin Hand"
    assert gaz.get("wof:85668221").label("eng") == "Kalbajar"
    assert gaz.get("wof:85668199").label("eng") == "Dashkasan"
    assert gaz.get("wof:890433451").label("rus") == "Ванадзор"  # not Кировакан
    sotk = gaz.get("wof:1259980107")

    assert sotk.label("rus") == "Сотк" and sotk.label("rus", as_of=dt.date(1985, 1, 1)) == "Зод"
    # Askeran's Armenian name is its own, not a transliteration, and not Բերդայգի.
    assert gaz.get("wof:1125939829").label("hye") == "Ասկերան"
    # Chartar is the town; the village that carried its name no longer shows it.
    assert gaz.get("wof:1293424895").labels() == {"aze": "Çartar", "hye": "Ճարտար", "rus": "Чартар",
                                                  "eng": "Chartar"}
    assert gaz.get("wof:1360120759").label("hye") is None


@needs_wof
def test_one_place_per_village_and_points_where_the_pages_put_them(real):
    gaz, report = real
    for merged, kept in [(1108784249, 1260179059), (1327290781, 1193052247), (1242992875, 1293509597)]:
        assert gaz.get(f"wof:{merged}").id == f"wof:{kept}"
    lachin = gaz.get("wof:1125773715")  # Lachin/Berdzor: WOF puts it 4.7 km south
    assert abs(lachin.lat - 39.64083) < 0.005 and abs(lachin.lon - 46.54694) < 0.005
    # Two Agaraks in Syunik: WOF put the Meghri town's population on the village by Kapan.
    town, village = gaz.get("wof:1108784499"), gaz.get("wof:890449921")
    assert town.population == 4429 and town.lat < 38.9 and [p.name for p in gaz.parents(town)][:2] == ["Syunik",
                                                                                                    "Armenia"]
    assert village.population is None and village.lat > 39.1
    assert len(report["merged_spellings"]) >= 50


def test_english_labels_as_the_press_writes_them(tmp_path):
    from gazetteer.labels import press_armenian

    assert press_armenian("Korrnidzor") == "Kornidzor"
    assert press_armenian("Nerk'in Hand") == "Nerkin Hand"
    assert press_armenian("GeGhanush") == "Geghanush" and press_armenian("Ghazanchi") == "Ghazanchi"
    root = tmp_path / "wof"
    _write(root, 1, "country", "Armenia", "AM", lat=40, lon=45, geometry=_square(44, 39, 46, 41))
    _write(root, 2, "country", "Azerbaijan", "AZ", lat=40, lon=47, geometry=_square(46, 39, 48, 41))
    _write(root, 100, "locality", "Nerk'in Hand", "AM", lat=40, lon=45)
    _write(root, 200, "region", "Kəlbəcər", "AZ", lat=40, lon=47, geometry=_square(46, 39, 48, 41),
           names={"name:aze_x_preferred": ["Kəlbəcər"], "name:eng_x_preferred": ["Kalbacar"]})
    # An English name that is not a bare copy of the Azerbaijani one stays.
    _write(root, 201, "locality", "Xocavənd", "AZ", lat=40, lon=47,
           names={"name:aze_x_preferred": ["Xocavənd"], "name:eng_x_preferred": ["Khojavend"]})
    gaz, report, _ = _compile(root, tmp_path)
    hand = gaz.get("wof:100")
    assert hand.name == "Nerkin Hand" and hand.label("eng") == "Nerkin Hand"
    assert any(n.text == "Nerk'in Hand" for n in hand.names)
    assert gaz.get("wof:200").label("eng") == "Kalbajar"
    assert gaz.get("wof:201").label("eng") == "Khojavend"
    assert {r["english"] for r in report["english_labels"]} == {"Nerkin Hand", "Kalbajar"}


def test_same_input_same_bytes(tree, tmp_path):
    for out in ("a", "b"):
        compile_gazetteer([tree], curated=None, out_dir=tmp_path / out)
    for name in ("gazetteer.json", "boundaries.geojson"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    # One place per line, so that a data change is a small diff.
    lines = (tmp_path / "a" / "gazetteer.json").read_text(encoding="utf-8").splitlines()
    assert sum(line.startswith('{"id":"wof:') for line in lines) == 9


def test_a_bad_population_names_the_entry(tmp_path):
    folder = _curated(tmp_path, "places:\n- id: wof:1\n  source: s\n  population: many\n")
    with pytest.raises(DataError, match=r"entry 1 \(wof:1\): 'population' must be a whole number"):
        load_curated(folder)


def test_soviet_era_russian_names_are_historical(tmp_path):
    root = tmp_path / "wof"
    _write(root, 1, "country", "Armenia", "AM", lat=40, lon=45, geometry=_square(44, 39, 46, 41))
    _write(root, 100, "locality", "Vanadzor", "AM", lat=40.8, lon=44.5,
           names={"name:hye_x_preferred": ["Վանաձոր"], "name:rus_x_preferred": ["Кировакан"],
                  "name:rus_x_variant": ["Ванадзор"]})
    # A Russian name that differs but has no Armenian-spelled alternative stays.
    _write(root, 101, "locality", "Sis", "AM", lat=40.0, lon=44.5,
           names={"name:hye_x_preferred": ["Սիս"], "name:rus_x_preferred": ["Сарванлар"]})
    gaz, report, result = _compile(root, tmp_path)
    vanadzor = gaz.get("wof:100")
    assert vanadzor.label("rus") == "Ванадзор"
    assert [n.type for n in vanadzor.names if n.text == "Кировакан"] == ["historical"]
    assert gaz.get("wof:101").label("rus") == "Сарванлар"
    assert report["renamed"] == [{"id": "wof:100", "name": "Vanadzor", "historical": ["Кировакан"],
                                  "current": "Ванадзор"}]
    assert "Russian names marked historical: 1" in result.output


# --- what the importer precomputes for ranking --------------------------------


@needs_wof
def test_stored_own_names_are_what_ranking_computes_for_every_place(real):
    from gazetteer.ranking import own_qualifiers, read_own

    gaz, _ = real
    stored = gaz._decider._stored_own
    assert stored is not None and len(stored) == len(gaz)
    for i, place in enumerate(gaz):
        assert read_own(stored[i]) == own_qualifiers(place), place.id
    # Not vacuous: qualified own names are stored ("Aşağı Sirik" is ("sirik", {"lower"})),
    # places with several own bases, and several qualifiers at once.
    assert sum(own.count(":") for own in stored) > 100
    assert sum(" " in own for own in stored) > 100
    sirik = next(i for i, place in enumerate(gaz) if place.name == "Aşağı Sirik")
    assert ("sirik", frozenset({"lower"})) in read_own(stored[sirik])


def test_stored_own_names_keep_several_qualifiers_and_every_own_name():
    from gazetteer.compile import _own
    from gazetteer.ranking import read_own

    place = {"name": "Yuxarı Sirik Böyük", "country": "AZ", "names": [
        {"text": "Sirik", "lang": "aze", "type": "preferred"},
        {"text": "Верхний Сирик", "lang": "rus", "type": "preferred"},  # not the country's language
        {"text": "Nerkin Sirik", "lang": "aze", "type": "variant"},  # not preferred
        {"text": "Aşağı Sirik", "lang": "aze", "type": "curated", "translit": True}]}
    stored = _own([place])
    assert stored == ["sirik sirik:big,upper"]
    assert read_own(stored[0]) == {("sirik", frozenset()), ("sirik", frozenset({"upper", "big"}))}


@needs_wof
def test_data_without_stored_own_names_answers_the_same(real, tmp_path):
    gaz, _ = real
    doc = json.loads(gaz.path.read_text(encoding="utf-8"))
    del doc["own"]
    (tmp_path / "gazetteer.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    # The same outlines beside it: only the stored own names differ ("Gubadli"
    # as context is the district by its outline, the district and its seat without one).
    shutil.copyfile(gaz.path.parent / "boundaries.geojson", tmp_path / "boundaries.geojson")
    bare = Gazetteer(tmp_path / "gazetteer.json")
    assert bare._decider._stored_own is None
    for name in ("Sirik", "Aşağı Sirik", "Mahmudlu", "Shorzha", "Verin Shorzha", "Hand", "Nerkin Hand",
                 "Veysəlli", "Qubadli", "Sanasar (Gubadli)"):
        ours, theirs = gaz.resolve(name), bare.resolve(name)
        assert (ours.status, [(c.place.id, c.score, c.why) for c in ours.candidates]) == \
            (theirs.status, [(c.place.id, c.score, c.why) for c in theirs.candidates]), name
    assert any("only part of it" in why for name in ("Sirik", "Mahmudlu", "Shorzha")
               for c in gaz.resolve(name).candidates for why in c.why)


def test_stored_own_names_not_one_per_place_are_an_error(tree, tmp_path):
    compile_gazetteer([tree], curated=None, out_dir=tmp_path / "out")
    path = tmp_path / "out" / "gazetteer.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert len(doc["own"]) == len(doc["places"])
    doc["own"] = doc["own"][1:]
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(DataError, match="'own' names are not one list per place"):
        Gazetteer(path)


def test_data_from_another_importer_version_says_to_re_import(tree, tmp_path):
    compile_gazetteer([tree], curated=None, out_dir=tmp_path / "out")
    path = tmp_path / "out" / "gazetteer.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    # The index entries are flat [place, name, place, name...] lists.
    assert all(isinstance(v, int) for entry in doc["keys"]["skel"].values() for v in entry)
    assert all(len(entry) % 2 == 0 for entry in doc["keys"]["norm"].values())
    doc["format"] = "armaz-gazetteer/1"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(DataError, match="another version of the importer.*re-run 'gazetteer import wof'"):
        Gazetteer(path)


def test_stored_fuzzy_pieces_missing_a_table_are_an_error(tree, tmp_path):
    compile_gazetteer([tree], curated=None, out_dir=tmp_path / "out")
    path = tmp_path / "out" / "gazetteer.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert sorted(doc["pieces"]) == sorted(["heads", "tails", "first", "middle", "last"])
    del doc["pieces"]["middle"]
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(DataError, match="fuzzy 'pieces' are not the tables"):
        Gazetteer(path)

"""Loading the compiled data: where its objects go in the garbage collector (fresh processes, real data)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True,
                          cwd=ROOT).stdout.strip()


def test_loaded_data_goes_straight_to_the_oldest_generation():
    # Left young, every young collection of the first look-ups would walk it.
    out = _run("import gc\nfrom gazetteer import Gazetteer\ng = Gazetteer()\n"
               "old = {id(o) for o in gc.get_objects(generation=2)}\n"
               "print(id(g._records) in old, id(g._records[0]) in old, sum(len(gc.get_objects(i)) for i in (0, 1)))")
    in_oldest, record_in_oldest, young = out.split()
    assert in_oldest == "True" and record_in_oldest == "True" and int(young) < 10_000


def test_loading_never_thaws_what_a_caller_froze():
    # Frozen objects are in no generation that gc.get_objects lists.
    out = _run("import gc\nkept = [[i] for i in range(1000)]\ngc.freeze()\n"
               "from gazetteer import Gazetteer\ng = Gazetteer()\n"
               "listed = {id(o) for i in (0, 1, 2) for o in gc.get_objects(generation=i)}\n"
               "print(id(kept) in listed, id(kept[0]) in listed, id(g._records) in listed)")
    assert out.split() == ["False", "False", "True"]


def test_exempt_from_gc_freezes_the_gazetteer():
    out = _run("import gc\nfrom gazetteer import Gazetteer\nfrom gazetteer.core import exempt_from_gc\n"
               "g = Gazetteer()\nexempt_from_gc()\n"
               "print(gc.get_freeze_count(), sum(len(gc.get_objects(i)) for i in (0, 1, 2)))")
    frozen, left = map(int, out.split())
    # About a hundred thousand containers (the index entries are flat lists, one per key).
    assert frozen > 90_000 and left < 1_000


def test_loading_and_resolving_import_neither_the_importer_nor_yaml():
    # The WOF reader, the curated files' YAML and shapely are the importer's: a
    # look-up in a fresh process pays for none of them.
    out = _run("import sys\nfrom gazetteer import Gazetteer\ng = Gazetteer()\ng.resolve('Shusha')\n"
               "g.resolve('Sanasr')\nprint(sorted(m for m in ('yaml', 'gazetteer.wof', 'gazetteer.curated', "
               "'gazetteer.labels', 'shapely') if m in sys.modules))")
    assert out == "[]"


def test_records_are_the_stored_records_in_place_order(gaz):
    records = list(gaz.records())
    assert len(records) == len(gaz)
    sample = range(0, len(records), 997)
    places = list(gaz)
    for i in sample:
        rec, place = records[i], places[i]
        assert (rec["id"], rec["kind"], rec["lat"], rec["lon"]) == (place.id, place.kind, place.lat, place.lon)
        assert place.raw is rec  # a Place keeps its raw record: the same object, not a copy


def test_a_place_is_built_from_its_record_and_its_names_when_first_read():
    import dataclasses
    import pickle

    from gazetteer import Gazetteer
    from gazetteer.model import Name, Place

    gaz = Gazetteer()
    # A place whose names carry dates, notes or flags, and one with only text, language and type.
    dated = next(i for i, rec in enumerate(gaz.records()) if any(len(n) > 3 for n in rec["names"]))
    for index in (dated, 0):
        rec = gaz._records[index]
        # One name is read without building the others (scoring a candidate reads one).
        picked = gaz._name(index, len(rec["names"]) - 1)
        place = gaz._place(index)
        assert isinstance(place, Place) and place.raw is rec
        assert place.name_count == len(rec["names"]) and "names" not in vars(place)
        # _stored_place lists Place's fields by hand (to skip __init__): a field added to Place
        # and not set there would be missing from every stored place.
        assert set(vars(place)) == {f.name for f in dataclasses.fields(Place)} - {"names"}
        expected = tuple(Name(n["text"], n["lang"], n["type"], n.get("valid_from"), n.get("valid_to"),
                              n.get("note"), bool(n.get("translit")), bool(n.get("hidden"))) for n in rec["names"])
        assert place.names == expected and place.names is place.names
        assert picked == expected[-1] and gaz._name(index, 0) == place.names[0]
        assert (place.id, place.name, place.kind, place.lat, place.lon, place.country, place.parents,
                place.sources, place.current, place.population) == (
            rec["id"], rec["name"], rec["kind"], rec["lat"], rec["lon"], rec.get("country"),
            tuple(rec["parents"]), rec["sources"], rec.get("current", True), rec.get("population"))
    assert any(n.valid_from or n.valid_to or n.note or n.translit or n.hidden for n in gaz._place(dated).names)
    fresh = Gazetteer()._place(dated)
    copy = pickle.loads(pickle.dumps(fresh))
    assert copy == fresh and copy.names == fresh.names
    moved = dataclasses.replace(fresh, lat=0.0)
    assert moved.lat == 0.0 and moved.names == fresh.names and moved.name_count == fresh.name_count


def test_a_data_file_without_its_boundaries_says_so_when_a_context_needs_them(tmp_path, caplog):
    import logging
    import shutil

    from gazetteer import Gazetteer

    shipped = Gazetteer().path
    alone, paired = tmp_path / "alone", tmp_path / "paired"
    for folder in (alone, paired):
        folder.mkdir()
        shutil.copyfile(shipped, folder / "gazetteer.json")
    shutil.copyfile(shipped.with_name("boundaries.geojson"), paired / "boundaries.geojson")
    with caplog.at_level(logging.WARNING, logger="gazetteer.core"):
        Gazetteer(paired / "gazetteer.json").resolve("Şükürbəyli", near="Cəbrayıl rayonu")
        assert not caplog.records
        answer = Gazetteer(alone / "gazetteer.json").resolve("Şükürbəyli", near="Cəbrayıl rayonu")
    # Still an answer, and the reason it may differ is said once, naming the file.
    assert answer.status in {"resolved", "ambiguous"}
    [record] = caplog.records
    assert record.levelno == logging.WARNING and str(alone / "gazetteer.json") in record.getMessage()
    assert "boundaries.geojson" in record.getMessage()

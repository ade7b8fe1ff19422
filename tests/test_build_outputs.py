"""What ``mapper build`` writes besides the map: the exports and the claimed-control areas,
read back the way GIS and spreadsheet users read them; and what each command imports."""

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from mapper.cli import EXAMPLE_DIR, cli

ROOT = Path(__file__).resolve().parents[1]
WAR = EXAMPLE_DIR / "war-2020.csv"
SET = ("html", "geojson", "csv", "control.geojson", "report.md", "embed.html", "amp.html")


def build(out, *args):
    result = CliRunner().invoke(cli, ["-q", "build", str(WAR), "--output-dir", str(out), "--name", "w", *args])
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module")
def war_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("war")
    build(out, "--gpkg")
    return out


def test_build_writes_the_exports_from_one_set_of_rows(war_build):
    gpd = pytest.importorskip("geopandas")
    assert {p.name for p in war_build.iterdir() if not p.name.startswith(".")} == {
        *(f"w.{s}" for s in SET), "w.gpkg"}
    geo = gpd.read_file(war_build / "w.geojson")
    with (war_build / "w.csv").open(encoding="utf-8", newline="") as fh:
        table = list(csv.DictReader(fh))
    pkg = gpd.read_file(war_build / "w.gpkg", layer="claims")
    n_rows = sum(1 for line in WAR.read_text(encoding="utf-8").splitlines()[1:] if line.strip())
    assert len(geo) == len(table) == len(pkg) > 0
    assert list(geo["id"]) == [r["id"] for r in table] == list(pkg["id"])
    assert len(table) <= n_rows
    # The map draws district claims as areas; so do the GeoJSON and the GeoPackage.
    kinds = dict(zip(geo["id"], geo["geometry_kind"]))
    for frame in (geo, pkg):
        for cid, geom in zip(frame["id"], frame.geometry):
            expected = {"area": ("Polygon", "MultiPolygon"), "point": ("Point",), None: (None,)}[kinds[cid]]
            assert (geom.geom_type if geom is not None else None) in expected
    assert "area" in kinds.values() and "point" in kinds.values()
    by_id = {r["id"]: r for r in table}
    for cid, lat in zip(geo["id"], geo["lat"]):
        assert (by_id[cid]["lat"] == "") == (lat is None or lat != lat)


def test_the_control_file_is_what_each_side_claims_on_the_last_day(war_build, tmp_path):
    doc = json.loads((war_build / "w.control.geojson").read_text(encoding="utf-8"))
    assert doc["type"] == "FeatureCollection" and doc["features"]
    days = {f["properties"]["as_of"] for f in doc["features"]}
    with WAR.open(encoding="utf-8", newline="") as fh:
        last = max(r["date"][:10] for r in csv.DictReader(fh))
    assert days == {last}
    sides = {f["properties"]["side"] for f in doc["features"] if f["properties"]["status"] == "claimed"}
    assert "Azerbaijan" in sides
    assert all(f["geometry"]["type"] in ("Polygon", "MultiPolygon") for f in doc["features"])
    # --as-of moves the date: before the war's first capture nothing is claimed yet.
    early = tmp_path / "early"
    build(early, "--as-of", "2020-09-26")
    before = json.loads((early / "w.control.geojson").read_text(encoding="utf-8"))
    assert before["features"] == []


def test_no_geopackage_without_the_flag_and_builds_are_byte_identical(tmp_path, war_build):
    build(tmp_path / "a")
    build(tmp_path / "b", "--gpkg")
    assert not (tmp_path / "a" / "w.gpkg").exists()
    for suffix in SET:
        assert (tmp_path / "a" / f"w.{suffix}").read_bytes() == (tmp_path / "b" / f"w.{suffix}").read_bytes()
    assert (tmp_path / "b" / "w.gpkg").read_bytes() == (war_build / "w.gpkg").read_bytes()


BLOCK = "import sys\nfor m in {mods!r}: sys.modules[m] = None\n"


def run_cli(*args, block=(), report=False, cwd=None):
    """The command line in a fresh process, with ``block`` made unimportable; prints the heavy
    modules it loaded when ``report``."""
    code = BLOCK.format(mods=tuple(block)) + (
        "from mapper.cli import cli\n"
        "try:\n    cli.main(sys.argv[1:], standalone_mode=True)\n"
        "except SystemExit as e:\n    code = e.code\n"
        "heavy = sorted(m for m in ('folium', 'branca', 'geopandas', 'pandas', 'pyogrio', 'pyproj')"
        " if sys.modules.get(m) is not None)\n"
        + ("print('LOADED', ' '.join(heavy), file=sys.stderr)\n" if report else "")
        + "sys.exit(code)\n")
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=cwd or ROOT,
                          env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, timeout=600)


def test_without_geopandas_the_map_builds_and_gpkg_says_how_to_install(tmp_path):
    blocked = ("geopandas", "pandas", "pyogrio", "pyproj")
    done = run_cli("-q", "build", str(WAR), "--output-dir", str(tmp_path), "--name", "w", block=blocked)
    assert done.returncode == 0, done.stderr
    assert all((tmp_path / f"w.{s}").stat().st_size > 0 for s in SET)
    refused = run_cli("build", str(WAR), "--output-dir", str(tmp_path / "g"), "--name", "w", "--gpkg",
                      block=blocked)
    assert refused.returncode == 2
    assert "pip install 'armaz-conflict-maps[gis]'" in refused.stderr and "GeoPackage" in refused.stderr
    assert not (tmp_path / "g").exists()  # refused before anything was read or written


def test_a_build_of_a_file_or_standard_input_needs_no_download_machinery(tmp_path):
    # urllib.request, http.client and certifi cost 20 ms a run: only an http(s) address needs them.
    blocked = ("urllib.request", "http.client", "certifi", "gazetteer.download")
    done = run_cli("-q", "build", str(WAR), "--output-dir", str(tmp_path), "--name", "w", block=blocked)
    assert done.returncode == 0, done.stderr
    assert all((tmp_path / f"w.{s}").stat().st_size > 0 for s in SET)
    done = run_cli("-q", "build", "http://127.0.0.1:9/l.csv", "--offline", "--output-dir", str(tmp_path / "u"),
                   block=blocked)
    assert done.returncode != 0 and "gazetteer.download" in done.stderr  # an address still goes to the downloader


@pytest.mark.parametrize("args", [("--help",), ("build", "--help"), ("check", str(WAR)), ("control", str(WAR))])
def test_commands_that_draw_nothing_import_no_folium_or_pandas(args):
    done = run_cli(*args, report=True)
    assert done.returncode in (0, 1), done.stderr
    loaded = next(line for line in done.stderr.splitlines() if line.startswith("LOADED")).split()[1:]
    assert loaded == [], loaded


def test_build_imports_no_folium_or_geopandas_unless_asked(tmp_path):
    # The page is mapper's own template: folium, branca and jinja2 are for notebooks (to_folium).
    done = run_cli("-q", "build", str(WAR), "--output-dir", str(tmp_path), "--name", "w", report=True)
    loaded = next(line for line in done.stderr.splitlines() if line.startswith("LOADED")).split()[1:]
    assert loaded == [], loaded
    blocked = run_cli("-q", "build", str(WAR), "--output-dir", str(tmp_path / "b"), "--name", "w",
                      block=("folium", "branca", "jinja2", "requests", "pandas", "xyzservices"))
    assert blocked.returncode == 0, blocked.stderr
    for suffix in SET:
        assert (tmp_path / "b" / f"w.{suffix}").read_bytes() == (tmp_path / f"w.{suffix}").read_bytes(), suffix


def test_the_console_command_flushes_what_it_says_and_keeps_its_exit_codes(tmp_path):
    # main() ends with os._exit (no teardown of the build's objects): nothing said may be lost.
    def mapper(*args):
        return subprocess.run([sys.executable, "-m", "mapper", *args], capture_output=True, text=True, cwd=tmp_path,
                              env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, timeout=600)

    done = mapper("build", str(WAR), "--output-dir", str(tmp_path / "o"), "--name", "w")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [str(tmp_path / "o" / f"w.{s}") for s in
                                        ("html", "geojson", "csv", "control.geojson", "report.md", "embed.html",
                                         "amp.html")]
    assert all((tmp_path / "o" / f"w.{s}").stat().st_size > 0 for s in SET)
    (tmp_path / "bad.csv").write_text("date,place,claimant,claim\n2020-10-01,Hadrut,Aliyev,captured\n"
                                      "2020-10-02,Hadrut,Aliyev,shouted\n", encoding="utf-8")
    bad = mapper("build", "bad.csv", "--output-dir", str(tmp_path / "b"))
    assert bad.returncode == 1 and "row 3" in bad.stderr and bad.stdout.count("\n") == 7
    missing = mapper("build", "missing.csv")
    assert missing.returncode == 2 and "missing.csv" in missing.stderr and missing.stdout == ""
    assert mapper("--version").stdout.startswith("python -m mapper, version ")

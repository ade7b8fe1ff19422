"""The gazetteer CLI through CliRunner, and the importer on the real WOF trees."""

import csv
import io
import json
import sys

import pytest
from click.testing import CliRunner

from gazetteer import DataError, Gazetteer
from gazetteer.batch import MATCH_COLUMNS
from gazetteer.cli import cli
from gazetteer.compile import compile_gazetteer
from gazetteer.curated import load_curated

from .conftest import WOF


def test_batch_workers_write_the_same_file_and_a_bad_count_is_refused(tmp_path, monkeypatch):
    from gazetteer import batch

    src = tmp_path / "in.csv"
    src.write_text("n,place,near\n1,Sanasar,Gubadli\n2,,\n3,Avetaranoc,\n4,Zzyzx Road,\n5,Shusha,\n"
                   "6,Sanasar,Gubadli\n7,Martuni,\n", encoding="utf-8")
    calls = []
    real = batch._Shared._start
    monkeypatch.setattr(batch._Shared, "_start", lambda self: calls.append(self._workers) or real(self))
    outputs = []
    for workers in ("1", "2"):
        out = tmp_path / f"out{workers}.csv"
        result = CliRunner().invoke(cli, ["resolve", "--input", str(src), "--column", "place", "--near-column",
                                          "near", "--output", str(out), "--workers", workers])
        assert result.exit_code == 1 and "7 rows read, 7 written" in result.output, result.output
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] and calls == [2]
    result = CliRunner().invoke(cli, ["resolve", "--input", str(src), "--column", "place", "--workers", "0"])
    assert result.exit_code == 2 and "--workers" in result.output


def test_resolve_json():
    result = CliRunner().invoke(cli, ["resolve", "Кубатлы", "Martuni", "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert doc[0]["status"] == "resolved" and doc[0]["place"]["id"] == "wof:421169387"
    assert doc[1]["status"] == "ambiguous" and len(doc[1]["candidates"]) >= 2


def test_batch_keeps_rows_and_reports_bad_ones(tmp_path):
    src = tmp_path / "in.csv"
    src.write_text("n,place,near\n1,Sanasar,Gubadli\n2,,\n3,Avetaranoc,\n4,Zzyzx Road,\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    result = CliRunner().invoke(cli, ["resolve", "--input", str(src), "--column", "place",
                                      "--near-column", "near", "--output", str(out)])
    assert result.exit_code == 1  # some rows failed
    assert "row 3" in result.output and "'place' is empty" in result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [r["n"] for r in rows] == ["1", "2", "3", "4"]
    assert list(rows[0])[-len(MATCH_COLUMNS):] == list(MATCH_COLUMNS)
    assert rows[0]["match_status"] == "resolved" and rows[0]["match_kind"] == "settlement"
    assert rows[3]["match_status"] == "not_found"
    assert "4 rows read, 4 written: 2 resolved" in result.output and "1 failed" in result.output


@pytest.mark.parametrize("content,column,message", [
    (None, "place", "file not found"),
    (b"place\nSanasar\n", "where", "no column 'where'"),
    ("place\nQubad\xe9li\n".encode("latin-1"), "place", "not UTF-8"),
])
def test_batch_cannot_run(tmp_path, content, column, message):
    src = tmp_path / "in.csv"
    if content is not None:
        src.write_bytes(content)
    result = CliRunner().invoke(cli, ["resolve", "--input", str(src), "--column", column])
    assert result.exit_code == 2
    assert message in result.output and str(src) in result.output


def test_show_and_stats():
    result = CliRunner().invoke(cli, ["show", "gz:artsakh"])
    assert result.exit_code == 0 and "Արցախ" in result.output
    assert CliRunner().invoke(cli, ["show", "wof:1"]).exit_code == 2
    stats = CliRunner().invoke(cli, ["stats"])
    assert "Who's On First" in stats.output and "settlement (AZ)" in stats.output


def test_help_on_every_command():
    for args in (["--help"], ["resolve", "--help"], ["show", "--help"], ["import", "wof", "--help"],
                 ["stats", "--help"]):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 0 and len(result.output) > 100


@pytest.mark.skipif(not WOF.is_dir(), reason="needs ../shared/data/whosonfirst")
def test_import_real_wof(tmp_path):
    report = compile_gazetteer([WOF / "admin-az", WOF / "admin-am"], out_dir=tmp_path)
    assert report["places"]["settlement"] > 8000
    assert report["skipped"]["deprecated or superseded"] > 0
    assert report["merged_duplicates"]
    gaz = Gazetteer(tmp_path / "gazetteer.json")
    lachin = gaz.get("wof:85668621")
    # WOF gives this district Lankaran's names; the curated file replaces them.
    assert lachin.name == "Lachin District" and lachin.label("rus") in ("Лачин", "Лачинский район")
    assert not any("Lənkəran" == n.text for n in lachin.names)
    kubatly = gaz.get("wof:421169387")
    assert kubatly.sources["gn"] == 147305 and kubatly.sources["wd"] == "Q1017710"
    assert gaz.boundaries["features"]
    assert "Who's On First" in gaz.attribution
    # The shipped files are what the importer makes from these trees and the
    # curated file: an edit to either without a re-import fails here.
    from gazetteer.compile import DATA_DIR
    for name in ("gazetteer.json", "boundaries.geojson"):
        assert (tmp_path / name).read_bytes() == (DATA_DIR / name).read_bytes(), f"re-run the import: {name}"


def test_curated_validation_names_entry(tmp_path):
    bad = tmp_path / "c.yaml"
    bad.write_text("places:\n  - id: wof:1\n    names: [{text: X, lang: eng}]\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"entry 1 \(wof:1\): 'source' is required"):
        load_curated(bad)
    bad.write_text("places:\n  - id: wof:1\n    source: s\n    names: [{text: X, lang: eng, from: '2020-13-01'}]\n",
                   encoding="utf-8")
    with pytest.raises(DataError, match="not an ISO date"):
        load_curated(bad)


def test_area_of_interest_option():
    runner = CliRunner()
    # Alxanlı: one village in the conflict zone and a namesake outside it; the zone decides it.
    inside = json.loads(runner.invoke(cli, ["resolve", "Alxanlı", "--json"]).output)[0]
    anywhere = json.loads(runner.invoke(cli, ["resolve", "Alxanlı", "--json", "--area", "none"]).output)[0]
    assert inside["status"] == "resolved" and anywhere["status"] == "ambiguous"
    assert inside["place"]["id"] == "wof:1327100779"
    bad = runner.invoke(cli, ["resolve", "Talish", "--area", "1,2,3"])
    assert bad.exit_code == 2 and "WEST,SOUTH,EAST,NORTH" in bad.output


def test_batch_reads_and_keeps_semicolon_csv(tmp_path):
    # Spreadsheets in many locales export CSV with semicolons.
    src = tmp_path / "in.csv"
    src.write_text("n;place\n1;Sanasar\n2;Кубатлы\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["resolve", "--input", str(src), "--column", "place"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("n;place;match_status;") and ";wof:421169387;" in lines[1]


def test_the_console_command_says_everything_runs_exit_handlers_and_keeps_its_exit_codes(tmp_path):
    # main() ends with os._exit (no teardown of the gazetteer's objects): nothing written to the
    # standard streams may be lost, an atexit handler still runs, and each exit code is kept.
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    names = tmp_path / "names.csv"
    names.write_text("place\n" + "Sanasar\nShusha\n" * 2000 + ",\n", encoding="utf-8")
    launcher = ("import atexit, sys\natexit.register(lambda: print('exit handler ran', file=sys.stderr))\n"
                "from gazetteer.cli import main\nsys.argv[0] = 'gazetteer'\nmain()\n")

    def gazetteer(*args):
        return subprocess.run([sys.executable, "-c", launcher, *args], capture_output=True, text=True,
                              cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(root)}, timeout=300)

    done = gazetteer("resolve", "--input", str(names), "--column", "place", "--output", "-")
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    # A row failed (its name is empty): exit 1, and all 4,001 rows written, the last one too.
    assert done.returncode == 1 and len(rows) == 4001 and rows[-1]["match_status"] == ""
    assert "exit handler ran" in done.stderr and "4001 rows read, 4001 written" in done.stderr
    good = gazetteer("resolve", "Shusha")
    assert good.returncode == 0 and "\tresolved\twof:421174129\t" in good.stdout and "exit handler ran" in good.stderr
    missing = gazetteer("resolve", "--input", "missing.csv", "--column", "place")
    assert missing.returncode == 2 and "missing.csv" in missing.stderr and missing.stdout == ""


@pytest.mark.parametrize("body, code, out, err", [
    ("print('said, not yet flushed', end='')", 0, "said, not yet flushed", ""),
    ("sys.exit(None)", 0, "", ""),
    ("sys.exit(7)", 7, "", ""),
    ("sys.exit('a message for the user')", 1, "", "a message for the user\n"),
    ("raise SystemExit(143)", 143, "", ""),
])
def test_a_command_run_to_its_end_exits_as_python_would(body, code, out, err):
    # gazetteer.atomic.run_command: what it prints to a pipe (block-buffered) reaches it, and
    # SystemExit's code becomes the exit status as the interpreter makes it.
    import os
    import subprocess
    import sys
    from pathlib import Path

    script = f"import sys\nfrom gazetteer.atomic import run_command\ndef command():\n    {body}\nrun_command(command)\n"
    # Buffered as a user's shell has it (this machine's environment may say otherwise).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                          env={**env, "PYTHONPATH": str(Path(__file__).resolve().parents[1])})
    assert (done.returncode, done.stdout, done.stderr) == (code, out, err)


class _Exited(Exception):
    pass


@pytest.mark.parametrize("body, code, said", [
    (lambda: None, 0, ""),
    (lambda: sys.exit(None), 0, ""),
    (lambda: sys.exit(7), 7, ""),
    (lambda: sys.exit("a message for the user"), 1, "a message for the user\n"),
])
def test_a_command_ends_with_its_code_after_the_exit_handlers_and_a_flush(monkeypatch, capsys, body, code, said):
    # run_command in this process (the test above runs it in its own): the order of its last steps.
    import atexit

    from gazetteer import atomic

    steps = []

    def exit_now(status):
        steps.append(("exit", status))
        raise _Exited

    class Stream(io.StringIO):
        def __init__(self, name):
            super().__init__()
            self.name = name

        def flush(self):
            steps.append(("flush", self.name))

    monkeypatch.setattr(atomic.os, "_exit", exit_now)
    monkeypatch.setattr(atomic, "end_on_signals", lambda: steps.append(("signals",)))
    monkeypatch.setattr(atexit, "_run_exitfuncs", lambda: steps.append(("handlers",)))
    err = Stream("stderr")
    monkeypatch.setattr(sys, "stdout", Stream("stdout"))
    monkeypatch.setattr(sys, "stderr", err)
    with pytest.raises(_Exited):
        atomic.run_command(body)
    assert steps == [("signals",), ("handlers",), ("flush", "stdout"), ("flush", "stderr"), ("exit", code)]
    assert err.getvalue() == said


def test_a_command_whose_streams_are_closed_still_ends_and_says_it_failed(monkeypatch):
    from gazetteer import atomic

    codes = []

    def exit_now(status):
        codes.append(status)
        raise _Exited

    class Closed(io.StringIO):
        def flush(self):
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(atomic.os, "_exit", exit_now)
    monkeypatch.setattr(atomic, "end_on_signals", lambda: None)
    monkeypatch.setattr(sys, "stdout", Closed())
    for body, code in ((lambda: None, 1), (lambda: sys.exit(3), 3)):
        with pytest.raises(_Exited):
            atomic.run_command(body)
    assert codes == [1, 3]


def test_a_python_without_cpythons_exit_hook_ends_a_command_the_ordinary_way(monkeypatch):
    # No atexit._run_exitfuncs (it is CPython's): no os._exit either, since the handlers would not run.
    import atexit

    from gazetteer import atomic

    monkeypatch.delattr(atexit, "_run_exitfuncs")
    monkeypatch.setattr(atomic, "end_on_signals", lambda: None)
    monkeypatch.setattr(atomic.os, "_exit", lambda status: pytest.fail("os._exit without the exit handlers"))
    for body, code in ((lambda: None, 0), (lambda: sys.exit(4), 4), (lambda: sys.exit("why"), 1)):
        with pytest.raises(SystemExit) as ended:
            atomic.run_command(body)
        assert ended.value.code == code

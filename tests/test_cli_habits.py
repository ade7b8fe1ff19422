"""Command-line habits: - for standard input and output, http(s) CSV addresses through a
cache, -q/-v, a progress bar only on a terminal, match_layer, JSON lines in batch mode.

Downloads come from an http.server on 127.0.0.1 started by the test.
"""

import csv
import fcntl
import functools
import http.server
import io
import json
import os
import pty
import struct
import subprocess
import sys
import termios
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from gazetteer.batch import MATCH_COLUMNS
from gazetteer.cli import cli as gaz_cli
from mapper.cli import EXAMPLE_DIR
from mapper.cli import cli as map_cli

ROOT = Path(__file__).resolve().parents[1]
WAR = EXAMPLE_DIR / "war-2020.csv"
NAMES = "n,place\n1,Sanasar\n2,Susa\n3,Shushaa\n4,Gubadlinin\n5,Stepanakertum\n6,Zzyzx Road\n"


def invoke(cli, args, **kw):
    result = CliRunner().invoke(cli, args, **kw)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    return result


def split(result):
    """(standard output, standard error) of a CliRunner result."""
    return result.stdout, result.stderr


# --- standard input and output ----------------------------------------------------------------

def test_batch_reads_stdin_and_writes_stdout(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke(gaz_cli, ["resolve", "--input", "-", "--column", "place", "--output", "-"], input=NAMES)
    out, err = split(result)
    assert result.exit_code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["n"] for r in rows] == ["1", "2", "3", "4", "5", "6"]
    assert "<stdin>" not in err and "6 rows read, 6 written" in err
    assert not (tmp_path / "-").exists()


def test_stdin_errors_name_stdin():
    result = invoke(gaz_cli, ["resolve", "--input", "-", "--column", "place"], input='n,place\n1,"Shusha\n')
    assert result.exit_code == 1 and "<stdin>: row 2: a quoted cell" in result.stderr


@pytest.mark.parametrize("command", ["check", "control"])
def test_mapper_reads_a_ledger_from_stdin(command):
    result = invoke(map_cli, [command, "-"], input=WAR.read_bytes())
    assert result.exit_code == 0, result.output
    rows = len(WAR.read_text(encoding="utf-8").splitlines()) - 1
    assert (f"{rows} claims" in result.output) if command == "check" else ("As of 2020-11-10" in result.output)


def test_mapper_build_from_stdin(tmp_path):
    result = invoke(map_cli, ["build", "-", "--output-dir", str(tmp_path), "--name", "piped"],
                    input=WAR.read_bytes())
    assert result.exit_code == 0, result.output
    assert (tmp_path / "piped.html").exists() and (tmp_path / "piped.report.md").exists()


def test_mapper_reads_json_from_stdin():
    claims = [{"date": "2020-10-26", "place": "Sanasar", "claimant": "Aliyev", "side": "Azerbaijan",
               "claim": "captured"}]
    result = invoke(map_cli, ["check", "-"], input=json.dumps(claims))
    assert result.exit_code == 0 and "1 claims, 0 bad rows" in result.output


def test_claimants_from_stdin(tmp_path):
    ledger = tmp_path / "l.csv"
    ledger.write_text("date,place,claimant,claim\n2020-10-26,Sanasar,Ministry of Truth,captured\n",
                      encoding="utf-8")
    result = invoke(map_cli, ["check", str(ledger), "--claimants", "-"],
                    input="Azerbaijan:\n  - Ministry of Truth\n")
    assert result.exit_code == 0 and "0 bad rows" in result.output


def test_only_one_stdin():
    result = invoke(map_cli, ["check", "-", "--claimants", "-"], input="")
    assert result.exit_code == 2 and "only one file can be read from standard input" in result.output


# --- http(s) addresses through the cache --------------------------------------------------------

@pytest.fixture
def server(tmp_path):
    root = tmp_path / "www"
    root.mkdir()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    handler.log_message = lambda *a: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield root, f"http://127.0.0.1:{httpd.server_address[1]}", httpd
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("ARMAZ_CACHE_DIR", str(folder))
    return folder


def test_batch_from_an_http_address_then_offline(server, cache):
    root, base, httpd = server
    (root / "sheet.csv").write_text(NAMES, encoding="utf-8")
    url = f"{base}/sheet.csv"
    online = invoke(gaz_cli, ["resolve", "--input", url, "--column", "place"])
    assert online.exit_code == 0 and online.stdout.count("\n") == 7
    assert len(list(cache.glob("*.body"))) == 1
    httpd.shutdown()
    offline = invoke(gaz_cli, ["resolve", "--input", url, "--column", "place", "--offline"])
    assert offline.exit_code == 0 and offline.stdout == online.stdout
    down = invoke(gaz_cli, ["resolve", "--input", url, "--column", "place"])
    assert down.exit_code == 2 and url in down.output and "--offline" in down.output


def test_a_changed_sheet_is_downloaded_again(server, cache):
    root, base, _ = server
    sheet = root / "sheet.csv"
    sheet.write_text("n,place\n1,Sanasar\n", encoding="utf-8")
    url = f"{base}/sheet.csv"
    assert "wof:421169387" in invoke(gaz_cli, ["resolve", "--input", url, "--column", "place"]).stdout
    sheet.write_text("n,place\n1,Shusha\n2,Hadrut\n", encoding="utf-8")
    os.utime(sheet, (sheet.stat().st_mtime + 10,) * 2)
    again = invoke(gaz_cli, ["resolve", "--input", url, "--column", "place"])
    assert again.stdout.count("\n") == 3 and "wof:421169387" not in again.stdout


def test_offline_without_a_cached_copy(cache):
    result = invoke(gaz_cli, ["resolve", "--input", "http://127.0.0.1:9/x.csv", "--column", "place", "--offline"])
    assert result.exit_code == 2 and "not in the download cache" in result.output


def test_missing_sheet_is_a_clear_error(server, cache):
    _, base, _ = server
    result = invoke(gaz_cli, ["resolve", "--input", f"{base}/nope.csv", "--column", "place"])
    assert result.exit_code == 2 and "HTTP 404" in result.output and "nope.csv" in result.output


def test_mapper_builds_from_an_http_address(server, cache, tmp_path):
    root, base, _ = server
    (root / "war-2020.csv").write_bytes(WAR.read_bytes())
    out = tmp_path / "o"
    result = invoke(map_cli, ["build", f"{base}/war-2020.csv", "--output-dir", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "war-2020.html").exists()
    check = invoke(map_cli, ["check", f"{base}/war-2020.csv", "--offline"])
    rows = len(WAR.read_text(encoding="utf-8").splitlines()) - 1
    assert check.exit_code == 0 and f"{rows} claims" in check.output


# --- quiet, verbose, progress -----------------------------------------------------------------

def test_quiet_prints_only_errors(tmp_path):
    src = tmp_path / "in.csv"
    src.write_text("n,place\n1,Sanasar\n2,\n", encoding="utf-8")
    loud = invoke(gaz_cli, ["resolve", "--input", str(src), "--column", "place"])
    quiet = invoke(gaz_cli, ["-q", "resolve", "--input", str(src), "--column", "place"])
    assert "rows read" in loud.stderr and "rows read" not in quiet.stderr
    assert "row 3: column 'place' is empty" in quiet.stderr and quiet.exit_code == 1
    build = invoke(map_cli, ["-q", "build", str(WAR), "--output-dir", str(tmp_path / "o")])
    assert build.exit_code == 0 and build.stdout == ""


def test_verbose_logs_fuzzy_guesses():
    result = invoke(gaz_cli, ["-v", "resolve", "Stepanakertum"])
    assert "fuzzy" in result.stderr
    assert "fuzzy" not in invoke(gaz_cli, ["resolve", "Stepanakertum"]).stderr


def test_quiet_and_verbose_together_is_a_usage_error():
    assert invoke(gaz_cli, ["-q", "-v", "stats"]).exit_code == 2
    assert invoke(map_cli, ["-q", "-v", "check", str(WAR)]).exit_code == 2


def _batch_process(tmp_path, stderr_is_terminal: bool) -> bytes:
    src = tmp_path / "many.csv"
    src.write_text("n,place\n" + "".join(f"{i},Sanasar\n" for i in range(3000)), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "gazetteer", "resolve", "--input", str(src), "--column", "place",
           "--output", str(tmp_path / "out.csv")]
    if not stderr_is_terminal:
        return subprocess.run(cmd, env=env, capture_output=True, timeout=300).stderr
    main, child = pty.openpty()
    # A terminal has a size: the bar is as wide as the terminal (tqdm draws nothing in 0 columns).
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    proc = subprocess.Popen(cmd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=child)
    os.close(child)
    seen = b""
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    proc.wait(timeout=300)
    os.close(main)
    return seen


def test_progress_bar_only_on_a_terminal(tmp_path):
    piped = _batch_process(tmp_path, stderr_is_terminal=False)
    assert b"rows" in piped and b"it/s" not in piped and b" rows/s" not in piped and b"\r" not in piped
    assert piped.decode().strip().splitlines()[-1].startswith("3000 rows read")
    terminal = _batch_process(tmp_path, stderr_is_terminal=True)
    assert b"\r" in terminal and b" rows/s" in terminal


# --- match_layer and JSON lines ---------------------------------------------------------------

def test_match_layer_says_how_each_name_matched(tmp_path, gaz):
    src = tmp_path / "in.csv"
    src.write_text(NAMES, encoding="utf-8")
    result = invoke(gaz_cli, ["resolve", "--input", str(src), "--column", "place"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0])[-len(MATCH_COLUMNS):] == list(MATCH_COLUMNS)
    for row in rows:
        res = gaz.resolve(row["place"])
        assert row["match_layer"] == (res.candidates[0].layer if res.candidates else "")
    layers = {r["place"]: r["match_layer"] for r in rows}
    assert layers["Sanasar"] == "exact" and layers["Zzyzx Road"] == ""
    assert {"exact", "normalised", "phonetic", "inflected", "fuzzy"} <= set(layers.values())


def test_json_flag_in_batch_mode_writes_json_lines(tmp_path):
    src = tmp_path / "in.csv"
    src.write_text(NAMES + '7,"bad\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = invoke(gaz_cli, ["resolve", "--input", str(src), "--column", "place", "--json", "--output", str(out)])
    assert result.exit_code == 1
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [d["n"] for d in docs] == ["1", "2", "3", "4", "5", "6"]
    assert docs[0]["match_status"] == "resolved" and docs[0]["match_id"] == "wof:421169387"
    assert docs[0]["match_lat"] == pytest.approx(39.344, abs=0.01) and docs[0]["match_row"] == 2
    assert docs[5]["match_status"] == "not_found" and isinstance(docs[5]["match_candidates"], list)
    assert all(d["match_error"] is None for d in docs)
    assert "row 8: a quoted cell" in result.stderr


def test_json_lines_keep_failed_rows_with_their_error(tmp_path):
    src = tmp_path / "in.csv"
    src.write_text("place,place2\nSanasar,x\n,y\n", encoding="utf-8")
    result = invoke(gaz_cli, ["resolve", "--input", str(src), "--column", "place", "--json"])
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert docs[1]["match_status"] is None and "empty" in docs[1]["match_error"]


# --- mapper's branches that decide an exit status ---------------------------------------------------

LEDGER_HEADER = "id,date,place,claimant,side,claim,status,url,quote\n"
AZ_MOD = "Ministry of Defence of Azerbaijan,Azerbaijan,captured,published,,\n"
AM_MOD = "Ministry of Defence of Armenia,Armenia,holds,published,,\n"


def test_check_lists_an_unresolved_place_with_its_candidates_and_exits_1(tmp_path):
    src = tmp_path / "l.csv"
    src.write_text(LEDGER_HEADER + "c,2020-10-20,Martuni," + AZ_MOD, encoding="utf-8")
    result = invoke(map_cli, ["check", str(src)])
    assert result.exit_code == 1
    first, summary = result.stdout.splitlines()
    assert first.startswith(f"{src}: place 'Martuni' ambiguous (claims c): candidates wof:1125861049 ")
    # Three candidates: the two Martunis and Artsakh's Martuni province (a
    # Tovuz hamlet also called Martuni falls away before the Gegharkunik town).
    assert first.count(";") == 2
    assert summary == "1 claims, 0 bad rows, 1 unresolved places, 0 flagged claims"
    resolved = tmp_path / "r.csv"
    resolved.write_text(LEDGER_HEADER + "c,2020-10-20,Martuni (Khojavend)," + AZ_MOD, encoding="utf-8")
    assert invoke(map_cli, ["check", str(resolved)]).exit_code == 0


def test_timeline_of_an_ambiguous_name_finds_the_one_place_with_claims(tmp_path):
    one = tmp_path / "one.csv"
    one.write_text(LEDGER_HEADER + "a,2020-10-20,Martuni (Khojavend)," + AZ_MOD, encoding="utf-8")
    result = invoke(map_cli, ["timeline", "Martuni", str(one)])
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "Xocavənd (Martuni): 1 claim(s)",
        "2020-10-20\tAzerbaijan\tMinistry of Defence of Azerbaijan\tcaptured\tpublished\tMartuni (Khojavend)"]
    # Two of its candidates have claims: the name alone cannot choose.
    two = tmp_path / "two.csv"
    two.write_text(LEDGER_HEADER + "a,2020-10-20,Martuni (Khojavend)," + AZ_MOD
                   + "b,2020-10-21,Martuni (Gegharkunik)," + AM_MOD, encoding="utf-8")
    result = invoke(map_cli, ["timeline", "Martuni", str(two)])
    assert result.exit_code == 2 and f"{two}: no claims about 'Martuni' (ambiguous)" in result.output
    assert invoke(map_cli, ["timeline", "Martuni (Gegharkunik)", str(two)]).stdout.startswith("Martuni: 1 claim(s)")


@pytest.mark.parametrize("size", ["199x800", "800x199", "4001x800", "800x4001", "800", "800x600x2", "axb", "-800x600"])
def test_png_size_outside_200_to_4000_or_not_two_numbers_is_refused(tmp_path, size):
    result = invoke(map_cli, ["build", str(tmp_path / "none.csv"), "--png", "--png-size", size])
    assert result.exit_code == 2
    assert f"Invalid value for --png-size: '{size}': give WIDTHxHEIGHT in pixels, 200 to 4000 each" in result.output


@pytest.mark.parametrize("size", ["200x4000", "4000X200"])
def test_png_size_at_its_limits_is_taken(tmp_path, size):
    # Accepted, the build goes on to the ledger, which is missing.
    result = invoke(map_cli, ["build", str(tmp_path / "none.csv"), "--png", "--png-size", size])
    assert result.exit_code == 2 and "--png-size" not in result.output and "file not found" in result.output


def test_the_mapper_command_keeps_openblas_to_one_thread_unless_the_user_chose(monkeypatch):
    # numpy's BLAS threads would spin on the core a build's forked copy works on.
    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    invoke(map_cli, ["-q", "check", str(EXAMPLE_DIR / "ceasefire-2020-10-26.csv")])
    assert os.environ["OPENBLAS_NUM_THREADS"] == "1"
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "3")
    invoke(map_cli, ["-q", "check", str(EXAMPLE_DIR / "ceasefire-2020-10-26.csv")])
    assert os.environ["OPENBLAS_NUM_THREADS"] == "3"

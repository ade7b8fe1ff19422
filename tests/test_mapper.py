"""Ledgers in, real map files out: flags, features, escaping, determinism."""

import csv
import json
import re

import pytest
from click.testing import CliRunner

from mapper.analysis import analyse
from mapper.cli import EXAMPLE, EXAMPLE_DIR, cli
from mapper.errors import LedgerError
from mapper.ledger import read_ledger

HOSTILE = ('<script>alert(1)</script> </script><img src=x onerror=alert(2)> "\' ` ${x} \\ \u2028'
           ' “quoted” «guillemets» <!-- -->\nsecond line')

HEADER = "id,date,place,claimant,side,claim,status,url,quote\n"


def ledger(tmp_path, rows, name="l.csv"):
    path = tmp_path / name
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    return path


def test_example_flags(gaz):
    analysis = analyse(read_ledger(EXAMPLE), gaz)
    flags = analysis.flags
    assert "repeat" in flags["az-sanasar-1026"]
    assert "corroborated" in flags["az-sanasar-1026"]
    assert flags["az-viol-0802"] == ["retracted"]
    assert "retracted" not in flags["az-viol-repost"]
    # Gubadli (Oct 25) and Sanasar (Oct 26) are one place under two names.
    assert analysis.keys["az-gubadli-1025"] == analysis.keys["az-sanasar-1026"]


def test_flag_rules(tmp_path, gaz):
    path = ledger(tmp_path, [
        "a,2020-10-01,Hadrut,Aliyev,Azerbaijan,captured,,,\n",
        "b,2020-10-03,Гадрут,Artsakh Defense Army,Artsakh,denies,,,\n",   # within 3 days: contested
        "c,2020-10-09,Hadrut,Aliyev,Azerbaijan,captured,,,\n",             # repeat of a
        "d,2020-10-10,Hadrut,Aliyev,Azerbaijan,withdrew,,,\n",
        "e,2020-10-12,Hadrut,Aliyev,Azerbaijan,captured,,,\n",             # not a repeat: withdrew between
        "f,2020-10-20,Shushi,Aliyev,Azerbaijan,captured,,,\n",
        "g,2020-10-29,Shusha,Artsakh Defense Army,Artsakh,withdrew,,,\n",  # 9 days: not corroborating
        "h,2020-10-22,Şuşa,Artsakh Defense Army,Artsakh,withdrew,,,\n",   # 2 days: corroborates f
    ])
    a = analyse(read_ledger(path), gaz)
    assert a.flags["a"] == ["contested"] and a.flags["b"] == ["contested"]
    assert "repeat" in a.flags["c"] and "repeat" not in a.flags["e"]
    assert a.flags["f"] == ["corroborated"] and a.related["f"]["corroborated"] == ["h"]
    control = a.control(__import__("datetime").date(2020, 10, 11))
    assert "wof:1125938249" not in control.get("Azerbaijan", [])


def test_validation_names_file_row_field(tmp_path):
    path = ledger(tmp_path, [
        "a,2020-10-01,Hadrut,Aliyev,Azerbaijan,captured,,,\n",
        "b,26/10/2020,Hadrut,Aliyev,Azerbaijan,captured,,,\n",
        "c,2020-10-02,Hadrut,Aliyev,Azerbaijan,took,,,\n",
        "d,2020-10-02,Hadrut,Someone Unknown,,captured,,,\n",
    ])
    led = read_ledger(path)
    assert [c.id for c in led.claims] == ["a"]
    text = [str(p) for p in led.problems]
    assert f"{path}: row 3: field 'date'" in text[0] and "ISO 8601" in text[0]
    assert "row 4: field 'claim'" in text[1] and "captured, holds" in text[1]
    assert "row 5: field 'side'" in text[2]
    with pytest.raises(LedgerError):
        read_ledger(path, strict=True)


def test_json_and_yaml_ledgers(tmp_path, gaz):
    rows = [{"date": "2020-10-26", "place": "Sanasar", "claimant": "Azerbaijan Ministry of Defense",
             "claim": "captured"}]
    (tmp_path / "l.json").write_text(json.dumps(rows), encoding="utf-8")
    (tmp_path / "l.yaml").write_text("claims:\n  - {date: '2020-10-26', place: Sanasar, "
                                     "claimant: Azerbaijan Ministry of Defense, claim: captured}\n",
                                     encoding="utf-8")
    for name in ("l.json", "l.yaml"):
        led = read_ledger(tmp_path / name)
        assert led.claims[0].side == "Azerbaijan" and not led.problems


def test_build_outputs_deterministic_and_escaped(tmp_path):
    path = ledger(tmp_path, [
        f'x1,2020-10-26,Sanasar,"{HOSTILE.replace(chr(34), chr(34) * 2)}",Azerbaijan,captured,deleted,'
        f'javascript:alert(3),"{HOSTILE.replace(chr(34), chr(34) * 2)}"\n',
        "x2,2020-10-27,Nowhere-Land-Xyz,Armenia MoD,Armenia,denies,,https://example.org/a?b=1&c=2,ok\n",
    ])
    runner = CliRunner()
    outs = []
    for run in ("a", "b"):
        result = runner.invoke(cli, ["build", str(path), "--output-dir", str(tmp_path / run), "--name", "m",
                                     "--title", "<b>T</b>"])
        assert result.exit_code == 0, result.output
        outs.append({p.name: p.read_bytes() for p in (tmp_path / run).iterdir()})
    assert outs[0] == outs[1]
    html = outs[0]["m.html"].decode()
    assert "<script>alert(1)" not in html and "<img src=x onerror" not in html
    (data,) = re.findall(r'<script type="application/json" id="[A-Za-z0-9_]+">(.*?)</script>', html, re.S)
    assert HOSTILE in json.loads(data)["strings"]  # the quote and claimant, exactly as written
    assert html.count("</script>") == html.count("<script")  # no early close
    assert "javascript:alert" not in html
    assert "<title>&lt;b&gt;T&lt;/b&gt;</title>" in html
    geo = json.loads(outs[0]["m.geojson"])
    f1, f2 = geo["features"]
    assert f1["properties"]["place_id"] == "wof:421169387" and f1["properties"]["flags"] == ["retracted"]
    assert f2["geometry"] is None and f2["properties"]["place_id"] is None
    report = outs[0]["m.report.md"].decode()
    assert "Nowhere-Land-Xyz" in report and "x2" in report and "<script>" not in report
    # The CDN copy of Leaflet is pinned by its hash.
    assert 'integrity="sha256-WBkoXOwTeyKclOHuWtc+i2uENFpDZ9YPdf5Hf+D7ewM="' in html
    embed = outs[0]["m.embed.html"].decode()
    assert 'src="m.html"' in embed and "sandbox=" in embed


def test_cli_default_check_timeline(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    result = runner.invoke(cli, ["build"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "output" / "ceasefire-2020-10-26.html").stat().st_size > 10_000
    assert (tmp_path / "output" / "war-2020.geojson").exists()
    assert runner.invoke(cli, ["build", "--name", "x"]).exit_code == 2
    assert runner.invoke(cli, ["check", str(EXAMPLE)]).exit_code == 0
    tl = runner.invoke(cli, ["timeline", "Кубатлы", str(EXAMPLE)])
    assert tl.exit_code == 0 and "repeat" in tl.output and "withdrew" in tl.output
    war = runner.invoke(cli, ["check", str(EXAMPLE_DIR / "war-2020.csv")])
    with open(EXAMPLE_DIR / "war-2020.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    # Every row of the bundled example is a valid claim about a place the gazetteer knows.
    assert f"{len(rows)} claims, 0 bad rows, 0 unresolved places" in war.output
    assert len(rows) >= 120
    # A wider window finds more contested claims (Shushi held 29 Oct, captured 8 Nov).
    flagged = {w: int(runner.invoke(cli, ["check", str(EXAMPLE_DIR / "war-2020.csv"), "--window", str(w)])
                      .output.split(" flagged")[0].rsplit(" ", 1)[1]) for w in (3, 12)}
    assert flagged[12] > flagged[3]


def test_claimant_registry_extension_and_events(tmp_path):
    path = ledger(tmp_path, ["a,2020-10-26,Sanasar,Ministry of Truth,,captured,,,\n"])
    assert read_ledger(path).problems  # no side: reported
    reg = tmp_path / "claimants.yaml"
    reg.write_text("Azerbaijan:\n  - Ministry of Truth\n", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(cli, ["build", str(path), "--claimants", str(reg), "--output-dir", str(tmp_path / "o"),
                                 "--as-of", "2020-10-26", "--events", str(EXAMPLE_DIR / "events.csv")])
    assert result.exit_code == 0, result.output
    html = (tmp_path / "o" / "l.html").read_text(encoding="utf-8")
    assert '"asOf":"2020-10-26"' in html and "Humanitarian ceasefire (US-brokered)" in html
    bad = tmp_path / "events.csv"
    bad.write_text("name,start\nTruce,yesterday\n", encoding="utf-8")
    result = runner.invoke(cli, ["build", str(path), "--claimants", str(reg), "--events", str(bad),
                                 "--output-dir", str(tmp_path / "o")])
    assert result.exit_code == 2 and "row 2" in result.output and "start" in result.output


def test_strict_and_missing_columns(tmp_path):
    path = ledger(tmp_path, ["a,2020-10-26,Sanasar,Aliyev,Azerbaijan,captured,,,\n",
                             "b,2020-10-26,Sanasar,Aliyev,Azerbaijan,conquered,,,\n"])
    runner = CliRunner()
    result = runner.invoke(cli, ["build", str(path), "--strict", "--output-dir", str(tmp_path / "o")])
    assert result.exit_code == 2 and "row 3" in result.output and "'claim'" in result.output
    result = runner.invoke(cli, ["build", str(path), "--output-dir", str(tmp_path / "o")])
    assert result.exit_code == 1 and (tmp_path / "o" / "l.html").exists()
    nocol = tmp_path / "n.csv"
    nocol.write_text("date,place\n2020-10-26,Sanasar\n", encoding="utf-8")
    result = runner.invoke(cli, ["check", str(nocol)])
    assert result.exit_code == 2 and "missing column(s) claimant, claim" in result.output


def test_control_as_of(gaz):
    import datetime as dt

    analysis = analyse(read_ledger(EXAMPLE_DIR / "war-2020.csv"), gaz)
    runner = CliRunner()
    before = runner.invoke(cli, ["control", str(EXAMPLE_DIR / "war-2020.csv"), "--as-of", "2020-10-30"])
    after = runner.invoke(cli, ["control", str(EXAMPLE_DIR / "war-2020.csv"), "--as-of", "2020-11-09"])
    assert before.exit_code == 0 and "Artsakh\t" in before.output and "Shusha" in before.output.split("Artsakh")[1]
    assert "Shusha" in after.output.split("Azerbaijan")[1]
    shusha = gaz.resolve("Shusha").place.id
    assert shusha in analysis.control(dt.date(2020, 10, 30)).get("Artsakh", [])
    assert shusha not in analysis.control(dt.date(2020, 11, 9)).get("Artsakh", [])
    assert shusha in analysis.control(dt.date(2020, 11, 9))["Azerbaijan"]


def test_generated_ids_are_stable_and_unique(tmp_path):
    header = "date,place,claimant,side,claim\n"
    row = "2020-10-26,Sanasar,Aliyev,Azerbaijan,captured\n"
    (tmp_path / "a.csv").write_text(header + row + row, encoding="utf-8")
    (tmp_path / "b.csv").write_text(header + "2020-10-01,Hadrut,Aliyev,Azerbaijan,captured\n" + row,
                                    encoding="utf-8")
    a, b = read_ledger(tmp_path / "a.csv"), read_ledger(tmp_path / "b.csv")
    assert not a.problems and len({c.id for c in a.claims}) == 2
    # The same claim keeps its id when other rows change.
    assert a.claims[0].id in {c.id for c in b.claims}


def test_explicit_coordinates_override_the_gazetteer(tmp_path, gaz):
    path = tmp_path / "c.csv"
    path.write_text("id,date,place,claimant,side,claim,lat,lon\n"
                    "a,2020-10-18,Lələtəpə height,Aliyev,Azerbaijan,captured,39.47,47.05\n"
                    "b,2020-10-26,Sanasar,Aliyev,Azerbaijan,captured,39.35,46.59\n"
                    "c,2020-10-26,Sanasar,Aliyev,Azerbaijan,captured,91,46\n", encoding="utf-8")
    led = read_ledger(path)
    assert "row 4: field 'lat'" in str(led.problems[0])
    a = analyse(led, gaz)
    geo = {f["id"]: f for f in __import__("mapper.outputs", fromlist=["to_geojson"]).to_geojson(a)["features"]}
    assert geo["a"]["geometry"]["coordinates"] == [47.05, 39.47]
    assert geo["a"]["properties"]["place_id"].startswith("point:")
    # A resolved name keeps its identity (and its names) at the given point.
    assert geo["b"]["properties"]["place_id"] == "wof:421169387"
    assert geo["b"]["geometry"]["coordinates"] == [46.59, 39.35]


def test_a_ledger_with_no_valid_claim_is_an_error_not_an_empty_map(tmp_path):
    path = ledger(tmp_path, ["a,26/10/2020,Sanasar,Aliyev,Azerbaijan,captured,,,\n"])
    result = CliRunner().invoke(cli, ["build", str(path), "--output-dir", str(tmp_path / "o")])
    assert result.exit_code == 2 and "no valid claims" in result.output and "row 2" in result.output
    assert not (tmp_path / "o" / "l.html").exists()


def test_captures_inside_land_already_claimed(tmp_path, gaz):
    # The article's pattern: villages "liberated" in a district announced as taken the week before.
    path = ledger(tmp_path, [
        "d,2020-10-22,Zangilan district,Aliyev,Azerbaijan,captured,,,\n",
        "v,2020-10-26,Mincivan,Aliyev,Azerbaijan,captured,,,\n",
        "o,2020-10-26,Mincivan,Armenia MoD,Armenia,captured,,,\n",
        "x,2020-10-19,Hadrut,Aliyev,Azerbaijan,captured,,,\n",
    ])
    a = analyse(read_ledger(path), gaz)
    assert a.inside_claimed == {"v": "d"}
    runner = CliRunner()
    assert runner.invoke(cli, ["build", str(path), "--output-dir", str(tmp_path / "o")]).exit_code == 0
    report = (tmp_path / "o" / "l.report.md").read_text(encoding="utf-8")
    assert "claims Mincivan [v], inside Zəngilan, claimed captured on 2020-10-22 [d]" in report
    geo = json.loads((tmp_path / "o" / "l.geojson").read_text(encoding="utf-8"))
    assert {f["id"]: f["properties"]["inside_claimed"] for f in geo["features"]}["v"] == "d"


def test_semicolon_ledger(tmp_path):
    path = tmp_path / "s.csv"
    path.write_text("date;place;claimant;side;claim\n2020-10-26;Sanasar;Aliyev;Azerbaijan;captured\n",
                    encoding="utf-8")
    led = read_ledger(path)
    assert not led.problems and led.claims[0].place == "Sanasar"

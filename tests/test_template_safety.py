"""Ledger, events, file-name and CLI text is data: no template engine ever sees it as source.

Each test builds through the command line as a user does, with template syntax
in every field, and checks three things: no template compiled during the build
holds the text (the mechanism), nothing in any output shows it evaluated (the
effect), and the map's data holds the text exactly as written.
"""

import csv
import html
import json
import re

import jinja2
import pytest
from click.testing import CliRunner

from mapper.cli import EXAMPLE as EXAMPLE_LEDGER
from mapper.cli import cli

#: Each breaks or runs as template source: evaluation, an unclosed comment,
#: a bad block tag, and the usual sandbox escape (it would create a file).
SYNTAX = ["{{ 4321*3 }}", "{# note", "{% if %}", "{{ cycler.__init__.__globals__.os.popen('touch {marker}').read() }}"]
#: What evaluation of the syntax above would leave in an output.
EVALUATED = ("12963", "uid=")
#: The script-context characters the data element must escape, riding along.
SCRIPT_BREAKERS = "</script><!-- & \u2028 \u2029"

DATA_RE = re.compile(r'<script type="application/json" id="([A-Za-z0-9_]+)">(.*?)</script>', re.S)


@pytest.fixture
def compiled_sources(monkeypatch):
    """Every template source compiled while the test runs."""
    seen = []
    original = jinja2.Environment.compile

    def spy(self, source, *args, **kwargs):
        seen.append(source if isinstance(source, str) else repr(source))
        return original(self, source, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", spy)
    return seen


def hostile(label, n, marker):
    return f"{label}-{n} {SCRIPT_BREAKERS} {SYNTAX[n].replace('{marker}', str(marker))}"


def write_ledger(path, marker):
    """Rows 0-3 are valid (one syntax each in every free-text field); the rest carry
    the syntax in fields a valid row cannot (date, claim, status) and are left out."""
    fields = ["id", "date", "place", "near", "claimant", "side", "claim", "status", "source", "url",
              "quote", "notes", "lat", "lon"]
    rows = []
    for n in range(len(SYNTAX)):
        text = {f: hostile(f, n, marker) for f in ("id", "place", "near", "claimant", "side", "source",
                                                   "quote", "notes")}
        rows.append({**text, "date": f"2020-10-2{n}", "claim": "captured", "status": "published",
                     "url": "https://example.org/?q=" + SYNTAX[n].replace("{marker}", "m").replace(" ", ""),
                     # Explicit coordinates put the unresolvable place text on the map.
                     "lat": "39.3", "lon": str(46.5 + n / 10)})
        # The same claim with no coordinates: its place text and 'near' go to the report.
        rows.append({**rows[-1], "id": hostile("id2", n, marker), "lat": "", "lon": ""})
    bad = {"id": "bad", "place": "Sanasar", "claimant": "Aliyev", "side": "Azerbaijan", "claim": "captured",
           "date": "2020-10-26"}
    for n in range(len(SYNTAX)):
        rows.append({**bad, "id": f"bad-date-{n}", "date": "2020-10-26 " + SYNTAX[n]})
        rows.append({**bad, "id": f"bad-claim-{n}", "claim": SYNTAX[n]})
        rows.append({**bad, "id": f"bad-status-{n}", "status": SYNTAX[n]})
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    return rows


def write_events(path, marker):
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["name", "start", "end", "notes"])
        for n in range(len(SYNTAX)):
            writer.writerow([hostile("event", n, marker), f"2020-10-2{n}", "", hostile("event-notes", n, marker)])


def payload_of(html):
    (match,) = DATA_RE.findall(html)
    raw = match[1]
    for ch in "<>&\u2028\u2029":
        assert ch not in raw, f"{ch!r} unescaped in the data element"
    return json.loads(raw)


def assert_not_evaluated(out_dir, marker, compiled):
    assert not marker.exists(), "a template ran a shell command"
    for path in out_dir.iterdir():
        if path.suffix == ".png":  # Leaflet's own icons, beside an external-assets page
            continue
        text = path.read_text(encoding="utf-8")
        for sign in EVALUATED:
            assert sign not in text, f"{path.name}: template syntax was evaluated ({sign!r})"
    for source in compiled:
        assert "4321*3" not in source and "cycler" not in source and "# note" not in source, \
            "ledger or CLI text was compiled as a template:\n" + source[:300]


def build(*args):
    return CliRunner().invoke(cli, ["build", *args], catch_exceptions=False)


@pytest.mark.parametrize("self_contained", [False, True])
def test_every_field_title_and_event_stays_text(tmp_path, compiled_sources, self_contained):
    marker = tmp_path / "pwned"
    rows = write_ledger(tmp_path / "ledger.csv", marker)
    write_events(tmp_path / "events.csv", marker)
    title = "title " + " ".join(SYNTAX).replace("{marker}", str(marker)) + " " + SCRIPT_BREAKERS + " end"
    out = tmp_path / "out"
    result = build(str(tmp_path / "ledger.csv"), "--events", str(tmp_path / "events.csv"), "--title", title,
                   "--name", "m", "--output-dir", str(out), *(["--self-contained"] if self_contained else []))
    assert result.exit_code == 1, result.output  # the rows with bad date, claim or status are left out
    assert_not_evaluated(out, marker, compiled_sources)
    for sign in EVALUATED:
        assert sign not in result.output

    html = (out / "m.html").read_text(encoding="utf-8")
    data = payload_of(html)
    valid = rows[: 2 * len(SYNTAX)]
    strings = data["strings"]
    from mapper.payload import claim_rows

    claims = {c["id"]: c for c in claim_rows(data)}
    assert set(claims) == {r["id"] for r in valid}
    for row in valid:
        claim = claims[row["id"]]
        assert strings[claim["cl"]] == row["claimant"]
        assert strings[claim["q"]] == row["quote"]
        assert strings[claim["src"]] == row["source"]
        assert strings[claim["n"]] == row["notes"]
        assert strings[claim["u"]] == row["url"]
        assert data["sides"][claim["s"]]["name"] == row["side"]
        if row["lat"]:
            assert data["places"][claim["p"]]["n"] == row["place"]
    assert data["title"] == title
    assert [e["name"] for e in data["events"]] == [hostile("event", n, marker) for n in range(len(SYNTAX))]
    # The page title is the only other place the title goes: escaped, not evaluated.
    assert "<title>title {{ 4321*3 }} {# note {% if %}" in html

    geo = {f["id"]: f["properties"] for f in json.loads((out / "m.geojson").read_text(encoding="utf-8"))["features"]}
    for row in valid:
        for field in ("place", "claimant", "side", "source", "url", "quote"):
            assert geo[row["id"]][field] == row[field]

    report = (out / "m.report.md").read_text(encoding="utf-8")
    for n in range(len(SYNTAX)):  # escaped for Markdown, but there: see test_report for the rendering
        assert f"near-{n}" in report and f"bad-date-{n}" not in report.split("## Rows left out")[0]
    embed = (out / "m.embed.html").read_text(encoding="utf-8")
    assert "{{ 4321*3 }}" in embed  # the title, as an escaped attribute value
    assert "{{ 4321*3 }}" in (out / "m.amp.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("mode", [[], ["--external-assets"]])
def test_tile_attribution_stays_text(tmp_path, compiled_sources, mode):
    # folium's page compiled its scripts as a template again: this attribution lost its braces there.
    marker = tmp_path / "pwned"
    attribution = " ".join(SYNTAX).replace("{marker}", str(marker)) + " </script> & 'x'"
    out = tmp_path / "out"
    result = build(str(EXAMPLE_LEDGER), "--tiles", "https://tiles.example.org/{z}/{x}/{y}.png", "--tiles-attr",
                   attribution, "--name", "m", "--output-dir", str(out), *mode)
    assert result.exit_code == 0, result.output
    assert_not_evaluated(out, marker, compiled_sources)
    script = (out / ("m.js" if mode else "m.html")).read_text(encoding="utf-8")
    (options,) = re.findall(r'L\.tileLayer\("https://tiles\.example\.org/\{z\}/\{x\}/\{y\}\.png", (\{.*?\})\);', script)
    assert "</script" not in options
    # A JSON string of the escaped HTML Leaflet shows: the text as written, braces and all.
    assert html.unescape(json.loads(options)["attribution"]) == attribution


def test_file_names_stay_text(tmp_path, compiled_sources):
    marker = tmp_path / "pwned"
    folder = tmp_path / "{{ 4321*3 }}"
    folder.mkdir()
    # The default title and name come from the ledger's file name.
    ledger = folder / (SYNTAX[0] + " {# note.csv")
    ledger.write_text("date,place,claimant,claim\n2020-10-26,Sanasar,Aliyev,captured\n", encoding="utf-8")
    out = folder / "out {% if %}"
    result = build(str(ledger), "--output-dir", str(out))
    assert result.exit_code == 0, result.output
    assert_not_evaluated(out, marker, compiled_sources)
    (page,) = [p for p in out.glob("*.html") if not p.name.endswith((".embed.html", ".amp.html"))]
    data = payload_of(page.read_text(encoding="utf-8"))
    assert "{{ 4321*3 }}" in data["title"] and "{# note" in data["title"]


def test_to_folium_keeps_text_out_of_folium_templates(tmp_path, compiled_sources, gaz):
    from mapper import analyse, read_ledger, to_folium

    marker = tmp_path / "pwned"
    rows = write_ledger(tmp_path / "ledger.csv", marker)
    analysis = analyse(read_ledger(tmp_path / "ledger.csv"), gaz)
    title = SYNTAX[0] + " " + SYNTAX[3].replace("{marker}", str(marker))
    m = to_folium(analysis, gaz, title=title)
    html = m.get_root().render()
    notebook = m._repr_html_()  # what Jupyter shows: the page again, escaped into an iframe's srcdoc
    for text in (html, notebook):
        for sign in EVALUATED:
            assert sign not in text
    assert not marker.exists()
    assert not any("4321*3" in s or "cycler" in s for s in compiled_sources)
    data = payload_of(html)
    assert data["title"] == title
    assert set(data["claims"]["id"]) == {r["id"] for r in rows[: 2 * len(SYNTAX)]}


def test_claims_js_is_static_and_writes_no_markup(tmp_path):
    from importlib import resources

    js = resources.files("mapper").joinpath("assets", "claims.js").read_text(encoding="utf-8")
    result = build(str(write_sample(tmp_path)), "--output-dir", str(tmp_path / "o"), "--name", "s")
    assert result.exit_code == 0, result.output
    # The script is in the page byte for byte: no template engine touched it.
    assert js in (tmp_path / "o" / "s.html").read_text(encoding="utf-8")
    # Ledger text reaches the page as text: the script never writes markup.
    writes = re.findall(r"\.(?:innerHTML|outerHTML)\s*\+?=(?!=)|insertAdjacentHTML|document\.write|\beval\(|"
                        r"new Function|setHTML|\.html\(", js)
    assert writes == []


def write_sample(tmp_path):
    path = tmp_path / "sample.csv"
    path.write_text("date,place,claimant,claim\n2020-10-26,Sanasar,Aliyev,captured\n", encoding="utf-8")
    return path

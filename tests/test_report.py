"""The report and the embed snippet: ledger text shows as written and never becomes markup.

The report is rendered as a reader's tool would render it (markdown-it-py, CommonMark
with GFM tables, strikethrough and bare-URL links), and its tokens are checked.
"""

import csv
import re
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

import pytest
from click.testing import CliRunner

from mapper.analysis import analyse
from mapper.cli import cli
from mapper.errors import MapperError
from mapper.ledger import read_ledger
from mapper.outputs import PARTNER_CAP, embed_snippet, report_markdown

markdown_it = pytest.importorskip("markdown_it")

#: Every kind of Markdown and HTML markup, with bare addresses a linkifier would take.
MARKUP = ("# head [link](javascript:alert(1)) ![img](http://x.example/y.png) <img src=x onerror=alert(1)> "
          "<b>b</b> &amp; `code` *em* _u_ ~~s~~ | pipe | www.example.org http://evil.example/p a@b.org "
          "<http://auto.example> @user $x$ [^1] [ref] \\*")
#: For text quoted with repr() in a problem message, where a backslash would double.
NO_BACKSLASH = MARKUP.replace(" \\*", "")
MARKUP_LINES = MARKUP + "\n===\n- item\n    indented"
#: Headings the report itself writes; any other heading came from ledger text.
HEADINGS = {"Counts", "What each side claims to control on 2020-10-26", "Unresolved and ambiguous places", "Flags found", "Captures inside land already claimed",
            "Rows left out"}
#: Markup the report itself never writes (it writes headings, lists, tables and one bold label per
#: unresolved place, checked apart).
FORBIDDEN = {"link_open", "image", "html_inline", "html_block", "code_inline", "code_block", "fence", "s_open",
             "em_open", "hr", "ordered_list_open", "blockquote_open", "lheading_open"}


def render(text):
    md = markdown_it.MarkdownIt("commonmark", {"linkify": True}).enable(["linkify", "table", "strikethrough"])
    return md.parse(text)


def flat(tokens):
    for token in tokens:
        yield token
        yield from flat(token.children or [])


def inline_texts(tokens):
    """The text a reader sees, one string per inline run (paragraph, list item, heading, table cell)."""
    return ["".join(t.content for t in flat(tok.children or []) if t.type in ("text", "softbreak"))
            for tok in tokens if tok.type == "inline"]


def write_csv(path, rows):
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=sorted({k for r in rows for k in r}))
        writer.writeheader()
        writer.writerows(rows)


def test_report_shows_ledger_markup_as_text(tmp_path):
    shown = " ".join(MARKUP_LINES.split())  # the report puts each entry on one line
    rows = [
        # A flagged pair at one place (contested), with markup in id, side, claimant and title.
        {"id": "a " + MARKUP_LINES, "date": "2020-10-26", "place": "Hadrut", "claimant": "c " + MARKUP_LINES,
         "side": "s " + MARKUP_LINES, "claim": "captured"},
        {"id": "b", "date": "2020-10-26", "place": "Hadrut", "claimant": "Armenia MoD", "side": "Armenia",
         "claim": "denies"},
        # An unresolved place (with 'near'): its text is listed as written.
        {"id": "u", "date": "2020-10-26", "place": "p " + MARKUP_LINES, "near": "n " + MARKUP,
         "claimant": "Aliyev", "side": "Azerbaijan", "claim": "captured"},
        # A row left out: its problem quotes the bad value.
        {"id": "x", "date": "2020-10-26", "place": "Hadrut", "claimant": "Aliyev", "side": "Azerbaijan",
         "claim": "bad " + MARKUP},
    ]
    write_csv(tmp_path / "l.csv", rows)
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "l.csv"), "--output-dir", str(tmp_path / "o"),
                                      "--name", "r", "--title", "t " + MARKUP])
    assert result.exit_code == 1, result.output
    report = (tmp_path / "o" / "r.report.md").read_text(encoding="utf-8")
    tokens = render(report)
    kinds = {t.type for t in flat(tokens)}
    assert not kinds & FORBIDDEN, sorted(kinds & FORBIDDEN)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    title_text = inline_texts([tokens[1]])[0]
    assert title_text == "t " + MARKUP
    assert set(headings[1:]) <= HEADINGS and len(headings) == 1 + len(set(headings[1:]))
    texts = [" ".join(t.split()) for t in inline_texts(tokens)]  # line breaks became spaces
    everything = "\n".join(texts)
    for text in ("a " + shown, "c " + shown, "p " + shown, "n " + MARKUP, "bad " + NO_BACKSLASH):
        assert text in everything, text
    # The side is a table cell of its own, whole.
    assert "s " + shown in texts
    bold = [" ".join(tok.children[i + 1].content.split()) for tok in tokens if tok.type == "inline"
            for i, t in enumerate(tok.children or []) if t.type == "strong_open"]
    assert bold == [f"p {shown} (near n {MARKUP})"]


def test_markdown_escape_every_character_class():
    from mapper.outputs import _md

    for ch in map(chr, range(33, 127)):
        for text in (ch, f"a{ch}b", f"{ch}{ch}{ch}", f"x {ch} y", f"{ch}x{ch}", f"www{ch}a{ch}org"):
            tokens = render(f"x {_md(text)}")
            assert {t.type for t in flat(tokens)} == {"paragraph_open", "inline", "text", "paragraph_close"}, \
                repr(text)
            assert inline_texts(tokens) == [f"x {text}"], repr(text)


def test_flag_partners_are_capped(tmp_path, gaz):
    def report_for(n):
        rows = [{"id": f"c{i}", "date": f"2020-10-{1 + i % 3:02d}", "place": "Hadrut",
                 "claimant": "Aliyev" if i % 2 else "Artsakh Defense Army",
                 "claim": "captured" if i % 2 else "denies"} for i in range(n)]
        write_csv(tmp_path / f"many{n}.csv", rows)
        analysis = analyse(read_ledger(tmp_path / f"many{n}.csv"), gaz)
        return analysis, report_markdown(analysis, title="many", problems=[])

    analysis, report = report_for(120)
    partners = analysis.related["c1"]["contested"]
    # Every claim of the other side is within the window: 60 counted, the first ten kept.
    assert analysis.related_total["c1"]["contested"] == 60 and len(partners) == PARTNER_CAP
    (line,) = [ln for ln in report.splitlines() if "[c1]" in ln]
    listed = re.search(r"contested: (.*?) and (\d+) more[;)]", line)
    assert listed.group(1).split(", ") == partners[:PARTNER_CAP]
    assert int(listed.group(2)) == 60 - PARTNER_CAP
    # Twice the claims, each with twice the partners: the report only about doubles.
    _, bigger = report_for(240)
    assert len(bigger) < 2.2 * len(report)


class _Iframe(HTMLParser):
    def handle_starttag(self, tag, attrs):
        if tag == "iframe":
            self.attrs = dict(attrs)


def iframe_of(snippet):
    parser = _Iframe()
    parser.feed(snippet)
    return parser.attrs


def test_embed_src_is_built_from_the_ledger_file_name(tmp_path):
    ledger = tmp_path / "javascript:alert(1).csv"
    ledger.write_text("date,place,claimant,claim\n2020-10-26,Sanasar,Aliyev,captured\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(ledger), "--output-dir", str(tmp_path / "o")])
    assert result.exit_code == 0, result.output
    (embed,) = (tmp_path / "o").glob("*.embed.html")
    src = iframe_of(embed.read_text(encoding="utf-8"))["src"]
    assert urlsplit(src).scheme == "" and not src.startswith(("/", "\\"))
    # It names the map file written beside it.
    assert (tmp_path / "o" / unquote(src)).is_file()


def test_embed_attributes_escaped_and_base_url_checked():
    title = 'T "x" <b> & \' onload=alert(1)'
    attrs = iframe_of(embed_snippet("a b?c#d", title))
    assert attrs["title"] == title and attrs["src"] == "a%20b%3Fc%23d.html"
    assert "onload" not in attrs and "sandbox" in attrs
    attrs = iframe_of(embed_snippet("m", "t", base_url="https://maps.example.org/2020/"))
    assert attrs["src"] == "https://maps.example.org/2020/m.html"
    for bad in ("javascript:alert(1)//", "data:text/html,x", "//maps.example.org/", "ftp://x.org/",
                "https://x.org/?a=1", "https://x.org/ a", "maps/"):
        with pytest.raises(MapperError, match="base_url"):
            embed_snippet("m", "t", base_url=bad)


def test_a_capture_inside_claimed_land_is_reported_beside_unresolved_places(tmp_path, gaz):
    # The report lists unresolved places before the captures inside claimed land: neither may hide the other.
    rows = [{"id": "d1", "date": "2020-10-20", "place": "Zangilan district", "claimant": "Aliyev",
             "side": "Azerbaijan", "claim": "captured"},
            {"id": "v1", "date": "2020-10-22", "place": "Velikulubeyli", "claimant": "Aliyev",
             "side": "Azerbaijan", "claim": "captured"},
            {"id": "u1", "date": "2020-10-21", "place": "Nowhere-at-all-xyz", "claimant": "Aliyev",
             "side": "Azerbaijan", "claim": "attacked"}]
    write_csv(tmp_path / "l.csv", rows)
    text = report_markdown(analyse(read_ledger(tmp_path / "l.csv"), gaz), title="t", problems=[])
    unresolved = text.split("## Unresolved and ambiguous places", 1)[1].split("##", 1)[0]
    assert "**Nowhere-at-all-xyz**" in unresolved and "claims u1" in unresolved
    inside = text.split("## Captures inside land already claimed", 1)[1]
    assert "- 2020-10-22 Aliyev claims Velikulubeyli [v1], inside Zəngilan, claimed captured on 2020-10-20 [d1]" in inside

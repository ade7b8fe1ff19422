"""Reading texts: plain, Markdown and HTML, standard input, limits, and sentences."""

import io
import sys

import pytest

from mapper.draft.text import DraftInputError, read_text, sentences, to_plain


def test_html_keeps_visible_text_only(tmp_path):
    page = tmp_path / "a.html"
    page.write_text("<html><head><title>t</title><style>p{}</style></head><body><script>var Hadrut=1"
                    "</script><p>Forces entered <b>Hadrut</b> &amp; Talish.</p><p>Second.</p></body></html>",
                    encoding="utf-8")
    text = read_text(page)
    assert "var" not in text and "p{}" not in text
    assert "Forces entered Hadrut & Talish." in text
    assert text.count("Hadrut") == 1
    assert [s.paragraph for s in sentences(text)] == [0, 1]


def test_markdown_offsets_are_the_files(tmp_path):
    md = "# Title\n\nThe army **entered** [Hadrut](https://example.org/x) today.\n"
    path = tmp_path / "a.md"
    path.write_text(md, encoding="utf-8")
    text = read_text(path)
    assert len(text) == len(md)
    i = text.index("Hadrut")
    assert md[i:i + 6] == "Hadrut"
    assert "https" not in text and "**" not in text


def test_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("Шуша.".encode())))
    assert read_text("-") == "Шуша."


def test_limits_and_errors(tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 101)
    with pytest.raises(DraftInputError, match="big.txt: more than 100 bytes"):
        read_text(big, max_bytes=100)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"ok\n\xff")
    with pytest.raises(DraftInputError, match="bad.txt: line 2: not UTF-8"):
        read_text(bad)
    with pytest.raises(DraftInputError, match="missing.txt: file not found"):
        read_text(tmp_path / "missing.txt")


def test_sentences():
    text = "Mr. Smith said so. U.S. forces did not. Հադրութն ազատագրվել է։ Ստեփանակերտը խաղաղ է։\n\nНовый абзац."
    got = [s.text for s in sentences(text)]
    assert got == ["Mr. Smith said so.", "U.S. forces did not.", "Հադրութն ազատագրվել է։", "Ստեփանակերտը խաղաղ է։",
                   "Новый абзац."]
    for s in sentences(text):
        assert text[s.start:s.end] == s.text


def test_html_is_sniffed_without_a_suffix():
    assert to_plain("<p>Shusha</p>") == "Shusha"

"""Reading an article as plain text, and splitting it into paragraphs and sentences.

Offsets in a draft count characters of the text this module returns: for plain
text and Markdown that is the file itself (Markdown's markup is blanked with
spaces, not removed, so a name sits where it sat in the file); for HTML it is
the page's visible text, which is also what the quotes are cut from.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from ..errors import MapperError

__all__ = ["MAX_BYTES", "DraftInputError", "Sentence", "read_text", "to_plain", "sentences"]

#: A press article is tens of kilobytes; a file this size is not an article.
MAX_BYTES = 2_000_000


class DraftInputError(MapperError, ValueError):
    """A text to draft from cannot be read."""


def read_text(source: str | Path, *, max_bytes: int = MAX_BYTES) -> str:
    """The text of a file (``-``: standard input), with HTML and Markdown reduced to text."""
    name = str(source)
    if name == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        suffix = ""
    else:
        path = Path(source)
        try:
            with open(path, "rb") as fh:
                data = fh.read(max_bytes + 1)
        except FileNotFoundError:
            raise DraftInputError(f"{name}: file not found") from None
        except OSError as exc:
            raise DraftInputError(f"{name}: cannot read: {exc.strerror}") from None
        suffix = path.suffix.lower()
    if len(data) > max_bytes:
        raise DraftInputError(f"{name}: more than {max_bytes:,} bytes; draft one article at a time")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DraftInputError(f"{name}: line {line}: not UTF-8 text") from None
    return to_plain(text, suffix)


def to_plain(text: str, suffix: str = "") -> str:
    """Text to scan: HTML by its suffix or its look, Markdown by its suffix, else as is."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if suffix in (".html", ".htm") or (not suffix and re.match(r"\s*<(!doctype|html|body|p|div|article)\b",
                                                               text, re.IGNORECASE)):
        return _html_text(text)
    if suffix in (".md", ".markdown"):
        return _blank_markdown(text)
    return text


class _TextOfHTML(HTMLParser):
    """Visible text of a page: script and style dropped, blocks as paragraphs."""

    BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "section",
              "article", "header", "footer", "ul", "ol", "table", "figcaption", "hr"}
    HIDDEN = {"script", "style", "noscript", "template", "head", "svg"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN:
            self.hidden += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag):
        if tag in self.HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def _html_text(html: str) -> str:
    parser = _TextOfHTML()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t\u00a0]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


_MD_LINK = re.compile(r"!?\[([^\]\n]*)\]\(([^)\n]*)\)")
_MD_MARKS = re.compile(r"^(\s{0,3}(?:#{1,6}|>|[-*+]|\d+\.)\s)|[*_`]{1,3}", re.MULTILINE)


def _blank_markdown(text: str) -> str:
    """Markdown with its markup replaced by as many spaces: offsets stay the file's."""
    def link(m: re.Match[str]) -> str:
        return " " * (m.start(1) - m.start()) + m.group(1) + " " * (m.end() - m.end(1))

    text = _MD_LINK.sub(link, text)
    return _MD_MARKS.sub(lambda m: " " * len(m.group()), text)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int
    text: str


# A sentence ends at . ! ? … or the Armenian full stop (։, often typed as :),
# before a space and a capital, a quote, a digit or a line end.
_END = re.compile(r"(?<=[.!?…։:])[\"”»’)]*\s+(?=[\"“«‘(]?[A-ZА-ЯЁԱ-ՖƏÜÖÇŞĞİ0-9])|(?<=[.!?…։])[\"”»’)]*$",
                  re.MULTILINE)
_ABBREV = re.compile(r"(?:\b[A-Z]|\bMr|\bMrs|\bMs|\bDr|\bSt|\bgen|\bLt|\bCol|\bNo|\bг|\bул|\bим|\bт\.е|\bU\.S)\.$")


def sentences(text: str) -> list[Sentence]:
    """Sentences with their offsets; a blank line ends a paragraph."""
    out: list[Sentence] = []
    for pno, para in enumerate(re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*", text)):
        start = para.start()
        chunk = para.group()
        cuts = [0]
        for m in _END.finditer(chunk):
            before = chunk[: m.start()].rstrip("\"”»’)")
            if before.endswith(":") and not re.search(r"[\u0531-\u058f]\S*:$", before):
                continue  # a colon ends an Armenian sentence only
            if _ABBREV.search(before):
                continue
            cuts.append(m.end())
        cuts.append(len(chunk))
        for a, b in zip(cuts, cuts[1:]):
            piece = chunk[a:b]
            lead = len(piece) - len(piece.lstrip())
            body = piece.strip()
            if body:
                out.append(Sentence(start + a + lead, start + a + lead + len(body), pno, body))
    return out

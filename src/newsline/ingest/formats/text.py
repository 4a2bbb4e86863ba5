"""Plain-text articles: optional header lines, a title line, the body."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: Header names understood at the top of a text file (``Date: 2010-05-24``).
HEADERS = {
    "date": "date",
    "published": "date",
    "pub_date": "date",
    "url": "url",
    "link": "url",
    "source": "source",
    "title": "title",
    "headline": "title",
    "id": "id",
}
_HEADER = re.compile(r"^\s*([A-Za-z_]+)\s*:\s*(.*?)\s*$")
_SENTENCE_END = re.compile(r"""[.!?…]['"”’)\]]*$""")
#: A first line with sentence-final punctuation and at least this many words is body text.
MIN_SENTENCE_WORDS = 8
#: A first line longer than this is body text whatever its punctuation.
MAX_TITLE_CHARS = 200


@dataclass
class TextArticle:
    """The parts of a plain-text article."""

    text: str
    title: str = ""
    headers: dict[str, str] = field(default_factory=dict)


def is_title_line(line: str) -> bool:
    """Whether a first line is a headline rather than the first sentence of the body.

    A headline is short or lacks sentence-final punctuation; a long line that
    ends like a sentence is body text.
    """
    line = line.strip()
    if len(line) > MAX_TITLE_CHARS:
        return False
    return not (_SENTENCE_END.search(line) and len(line.split()) >= MIN_SENTENCE_WORDS)


def parse_text(content: str) -> TextArticle:
    """Split a plain-text article into header fields, title and body.

    Header lines (``Date:``, ``URL:``, ``Source:``, ``Title:``, ``Id:``) are
    read only at the very top, before the first other line. Without a
    ``Title:`` header, the first non-empty line is the title when
    :func:`is_title_line` says so and more text follows it.
    """
    lines = content.split("\n")
    headers: dict[str, str] = {}
    i = 0
    n = len(lines)
    while i < n and not lines[i].strip():
        i += 1
    while i < n:
        m = _HEADER.match(lines[i])
        if not m or m.group(1).lower() not in HEADERS:
            break
        key = HEADERS[m.group(1).lower()]
        headers.setdefault(key, m.group(2))
        i += 1
    if headers:
        while i < n and not lines[i].strip():
            i += 1
    title = headers.get("title", "")
    if not title and i < n:
        rest = "\n".join(lines[i + 1 :]).strip()
        if rest and is_title_line(lines[i]):
            title = lines[i].strip()
            i += 1
    body = "\n".join(line.rstrip() for line in lines[i:]).strip("\n")
    return TextArticle(body.strip(), title, headers)

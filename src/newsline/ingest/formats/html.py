"""HTML pages: main text, title and URL (trafilatura), publication date (:mod:`.pagedate`).

Works offline: nothing is downloaded. trafilatura finds the main text
(navigation, cookie banners, related links, comment sections and footers
left out), the title (``og:title``/``<h1>``/``<title>`` without the site
name), the canonical URL and the site name. The publication date is found
by :mod:`.pagedate` (htmldate's reading of the markup, the URL and the date
lines the page shows). When trafilatura
finds no text (or cannot be imported), a small standard-library extractor
takes over for text, title and URL.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from types import ModuleType

from ..dates import check_date
from ..pagedate import page_date

log = logging.getLogger(__name__)

#: htmldate settings: metadata and markup only (no guessing from free text), original date.
DATE_PARAMS: dict[str, bool] = {"extensive_search": False, "original_date": True}


@dataclass
class HtmlArticle:
    text: str
    title: str = ""
    url: str = ""
    published: dt.date | None = None
    #: the site's name (``og:site_name``, else derived from the URL), or ``""``
    site: str = ""
    #: why a publication date the page declares was ignored (``2021-02-30``, year 1650), or ``""``
    date_problem: str = ""


def parse_html(content: str, url: str | None = None) -> HtmlArticle:
    """Main text, title, canonical URL, site name and publication date of an HTML page.

    ``url`` is where the page came from (a WARC record, a fetched URL), used as
    date evidence besides the page's own canonical URL.
    """
    found = _trafilatura(content)
    if found is None or not found.text:
        simple = _SimpleExtractor.run(content)
        found = HtmlArticle(
            text=simple.text,
            title=(found.title if found else "") or simple.title,
            url=(found.url if found else "") or simple.canonical or simple.og_url,
            site=found.site if found else "",
        )
    found.published = page_date(content, url or found.url or None)
    bad, problem = declared_date_problem(content)
    if bad:
        found.date_problem = problem
        year, month = int(bad[:4]), int(bad[5:7])
        p = found.published
        if p is not None and (p.year, p.month) == (year, month):
            found.published = None  # htmldate's repair of an impossible date (day 1)
    return found


_META = re.compile(r"<meta\b[^>]*>", re.I)
_ATTR = re.compile(r"""([\w:.-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""")
_DATE_NAMES = {
    "article:published_time", "og:published_time", "datepublished", "date", "pubdate",
    "publishdate", "publish-date", "dc.date", "dc.date.issued", "dcterms.date",
    "sailthru.date", "parsely-pub-date", "article.published",
}  # fmt: skip
_LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{0,40})"')
_YMD = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})")


def declared_date_problem(content: str) -> tuple[str, str]:
    """The first publication date a page declares (meta tag, JSON-LD) that is no calendar
    date or is absurd (:func:`~newsline.ingest.dates.check_date`), with the reason; else ``("", "")``."""
    values = [m.group(1) for m in _LD_DATE.finditer(content)]
    for tag in _META.finditer(content):
        attrs = {k.lower(): v.strip("\"'") for k, v in _ATTR.findall(tag.group(0))}
        name = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if name in _DATE_NAMES and "content" in attrs:
            values.append(attrs["content"])
    for value in values:
        m = _YMD.match(value)
        if m is None:
            continue
        text = m.group(0).strip()
        try:
            value = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return text, f"HTML date {text} is not a calendar date; ignored"
        reason = check_date(value)
        if reason:
            return text, f"HTML {reason}; ignored"
    return "", ""


@cache
def _import_trafilatura() -> ModuleType | None:
    try:
        import trafilatura
    except ImportError as exc:  # e.g. lxml without lxml_html_clean
        log.warning("trafilatura unavailable, using the simple HTML extractor: %s", exc)
        return None
    return trafilatura


def _trafilatura(content: str) -> HtmlArticle | None:
    """What trafilatura finds, or ``None`` when it finds nothing (or is unavailable)."""
    trafilatura = _import_trafilatura()
    if trafilatura is None:
        return None
    try:
        doc = trafilatura.bare_extraction(
            content,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params=DATE_PARAMS,
        )
    except Exception as exc:  # trafilatura raises a variety of parser errors
        log.debug("trafilatura failed: %s", exc)
        return None
    if doc is None:
        return None

    def field(key: str) -> str:
        # trafilatura 2 returns a Document, 1.x a dict
        value = doc.get(key) if isinstance(doc, dict) else getattr(doc, key, None)
        return value.strip() if isinstance(value, str) else ""

    return HtmlArticle(
        text=field("text"), title=field("title"), url=field("url"), site=field("sitename")
    )


def fragment_text(fragment: str) -> str:
    """The text of an HTML fragment (a feed entry's content): blocks on their own lines."""
    return _SimpleExtractor.run(f"<body>{fragment}</body>").text


_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "div", "br", "tr"}
_SKIP = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "template"}
_SPACES = re.compile(r"[ \t\r\f\v\xa0]+")


class _SimpleExtractor(HTMLParser):
    """Text of ``<article>``/``<main>`` (else ``<body>``) without navigation and scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.canonical = ""
        self.og_url = ""
        self._og_title = ""
        self._h1 = ""
        self._skip = 0
        self._in_title = False
        self._in_h1 = False
        self._main_depth = 0
        self._chunks: list[str] = []
        self._main_chunks: list[str] = []

    @classmethod
    def run(cls, content: str) -> _SimpleExtractor:
        parser = cls()
        try:
            parser.feed(content)
            parser.close()
        except Exception as exc:  # malformed markup: keep what was parsed
            log.debug("html parser: %s", exc)
        return parser

    @property
    def text(self) -> str:
        raw = "".join(self._main_chunks if "".join(self._main_chunks).strip() else self._chunks)
        lines = (_SPACES.sub(" ", line).strip() for line in raw.split("\n"))
        return "\n".join(line for line in lines if line)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: (v or "") for k, v in attrs}
        if tag == "link" and "canonical" in a.get("rel", "").lower().split():
            self.canonical = self.canonical or a.get("href", "")
        elif tag == "meta":
            prop = (a.get("property") or a.get("name") or "").lower()
            if prop == "og:url":
                self.og_url = self.og_url or a.get("content", "")
            elif prop == "og:title":
                self._og_title = self._og_title or a.get("content", "")
        elif tag == "title":
            self._in_title = True
        elif tag in _SKIP:
            self._skip += 1
        elif tag in ("article", "main"):
            self._main_depth += 1
        if tag == "h1":
            self._in_h1 = True
        if tag in _BLOCKS:
            self._add("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in _SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in ("article", "main"):
            self._main_depth = max(0, self._main_depth - 1)
        if tag == "h1":
            self._in_h1 = False
        if tag in _BLOCKS:
            self._add("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title = (self.title + data).strip()
            return
        if self._skip:
            return
        if self._in_h1:
            self._h1 = (self._h1 + " " + data).strip()
        self._add(data)

    def _add(self, data: str) -> None:
        self._chunks.append(data)
        if self._main_depth:
            self._main_chunks.append(data)

    def close(self) -> None:
        super().close()
        best = self._og_title or self._h1 or self.title
        self.title = _SPACES.sub(" ", best).strip()

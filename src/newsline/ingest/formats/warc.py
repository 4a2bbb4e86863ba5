"""WARC and WARC.gz web archives (warcio), read as a stream record by record.

Each HTML response (or resource) record becomes an article through the HTML
reader; ``WARC-Target-URI`` is its url and id, ``WARC-Date`` the date when
the page itself has none. Other records (requests, metadata, images, error
responses) are counted, not read.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator
from typing import BinaryIO

from ...model import Article
from .._report import Reporter
from ..dates import check_date, parse_date
from ..decode import decode
from .html import parse_html

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHARSET = re.compile(r"charset=[\"']?([\w.:-]+)", re.I)


def read_warc(stream: BinaryIO, *, name: str, report: Reporter) -> Iterator[Article]:
    """Articles of the HTML pages in a WARC stream (``.warc`` or record-gzipped ``.warc.gz``).

    Problems name the archive and the record's URI. When the stream is not a
    WARC file at all, one problem is recorded and nothing is yielded.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    skipped: Counter[str] = Counter()
    try:
        for record in ArchiveIterator(stream):
            article = _article(record, name, report, skipped)
            if article is not None:
                yield article
    except ArchiveLoadFailed as exc:
        report.problem(name, f"not a readable WARC file ({exc}); rest skipped")
    except (OSError, EOFError, ValueError) as exc:
        report.problem(name, f"damaged WARC file ({exc}); rest skipped")
    if skipped:
        counts = ", ".join(f"{n} {why}" for why, n in sorted(skipped.items()))
        report.note(name, f"WARC records not read as articles: {counts}")


def _article(record, name: str, report: Reporter, skipped: Counter[str]) -> Article | None:  # type: ignore[no-untyped-def]
    kind = record.rec_type
    if kind not in ("response", "resource"):
        skipped[f"{kind} records"] += 1
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    where = f"{name}:{uri}" if uri else name
    content_type = record.content_type or ""
    if kind == "response":
        http = record.http_headers
        if http is None:
            skipped["non-HTTP responses"] += 1
            return None
        status = http.get_statuscode() or ""
        if not status.startswith("2"):
            skipped[f"HTTP {status} responses"] += 1
            return None
        content_type = http.get_header("Content-Type") or ""
    if content_type.lower().split(";")[0].strip() not in _HTML_TYPES:
        skipped["non-HTML responses"] += 1
        return None
    data = record.content_stream().read()
    text = _decode(data, content_type)
    if text is None:
        report.problem(where, "cannot decode the page; skipped", file=name)
        return None
    page = parse_html(text, uri or None)
    if not page.text:
        report.problem(where, "no article text found in the HTML page; skipped", file=name)
        return None
    published, source = page.published, "html"
    if published is not None and check_date(published) is not None:
        published = None
    if published is None:
        published, source = _warc_date(record), "warc"
    return Article(
        id=uri or where,
        text=page.text,
        title=page.title,
        url=uri or page.url,
        source=page.site,
        published=published,
        date_source=source if published else "",
        origin=where,
    )


def _decode(data: bytes, content_type: str) -> str | None:
    m = _CHARSET.search(content_type)
    if m:
        try:
            return data.decode(m.group(1)).replace("\r\n", "\n")
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data)


def _warc_date(record) -> dt.date | None:  # type: ignore[no-untyped-def]
    value = parse_date(record.rec_headers.get_header("WARC-Date") or "")
    return value if value is not None and check_date(value) is None else None

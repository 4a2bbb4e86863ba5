"""RSS 2.0, RSS 1.0 and Atom feeds (feedparser): one article per entry.

An entry gives title, link, date (``published``, else ``updated``) and text
(its ``content``, else its ``summary``, HTML turned into text). Entries with
no text are skipped with one count per feed, or with ``fetch`` their linked
pages are downloaded and read as HTML.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from ...model import Article
from .._report import Reporter
from ..dates import check_date, parse_date
from ..decode import decode
from ..fetch import FetchError
from ..options import ReadOptions
from .html import fragment_text, parse_html


def read_feed(
    data: bytes, *, name: str, id_base: str, report: Reporter, options: ReadOptions
) -> list[Article]:
    """The articles of a feed document (``name`` is shown in problems)."""
    import feedparser

    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        why = f" ({parsed.get('bozo_exception')})" if parsed.get("bozo") else ""
        report.problem(name, f"feed has no entries{why}; skipped")
        return []
    feed_title = _s(parsed.get("feed", {}).get("title"))
    out: list[Article] = []
    textless = 0
    for n, entry in enumerate(entries, 1):
        where = f"{name}:{n}"
        text = _entry_text(entry)
        link = _s(entry.get("link"))
        published = _entry_date(entry, where, report, name)
        date_source = "feed" if published else ""
        if not text and options.fetch and link:
            page = _fetch_page(link, where, report, name, options)
            if page is None:
                continue
            text = page.text
            if (
                published is None
                and page.published is not None
                and check_date(page.published) is None
            ):
                published, date_source = page.published, "html"
        if not text:
            textless += 1
            continue
        out.append(
            Article(
                id=_s(entry.get("id")) or link or f"{id_base}:{n}",
                text=text,
                title=_s(entry.get("title")),
                url=link,
                source=_s((entry.get("source") or {}).get("title")) or feed_title,
                published=published,
                date_source=date_source,
                origin=where,
            )
        )
    if textless:
        hint = "" if options.fetch else " (--fetch downloads their linked pages)"
        report.problem(
            name,
            f"{textless} of {len(entries)} feed entries have no text; skipped{hint}",
            cause="no text",
            items=textless,
        )
    return out


def _entry_text(entry: Mapping[str, Any]) -> str:
    for part in entry.get("content") or []:
        text = _as_text(part.get("value"), part.get("type", ""))
        if text:
            return text
    return _as_text(entry.get("summary"), (entry.get("summary_detail") or {}).get("type", ""))


def _as_text(value: object, mime: str) -> str:
    if not isinstance(value, str) or not value.strip():
        return ""
    if mime == "text/plain":
        return value.strip()
    return fragment_text(value)


def _entry_date(
    entry: Mapping[str, Any], where: str, report: Reporter, name: str
) -> dt.date | None:
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if not raw:
            continue
        value = parse_date(raw)
        parsed = entry.get(f"{key}_parsed")
        if value is None and parsed:
            value = dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
        if value is None:
            report.problem(where, f"unreadable date {raw!r}; entry kept undated", file=name)
            return None
        reason = check_date(value)
        if reason:
            report.problem(where, f"{reason}; date dropped, entry kept undated", file=name)
            return None
        return value
    return None


def _fetch_page(link: str, where: str, report: Reporter, name: str, options: ReadOptions):  # type: ignore[no-untyped-def]
    try:
        response = options.fetcher.get(link)
    except FetchError as exc:
        report.problem(where, f"cannot fetch {link}: {exc}; entry skipped", file=name)
        return None
    text = decode(response.data)
    page = parse_html(text, response.final_url) if text else None
    if page is None or not page.text:
        report.problem(where, f"no article text found at {link}; entry skipped", file=name)
        return None
    return page


def _s(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""

"""One source's content into articles: text files, HTML pages and records, with date fallbacks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace

from ..model import Article
from . import source as safe
from ._report import Reporter
from .dates import check_date, parse_date
from .formats.fields import MappingError, with_date_order
from .formats.html import parse_html
from .formats.records import to_article
from .formats.text import parse_text
from .options import ReadOptions
from .origin import Source
from .paths import date_from_path
from .source import DEFAULT_LIMITS, Limits


def date_fallbacks(
    source: Source, header: str | None, default_date: dt.date | None, report: Reporter
) -> tuple[dt.date | None, str]:
    """The ``Date:`` header, else a date in the path, else ``default_date``."""
    if header:
        value = parse_date(header)
        if value is None:
            report.problem(source.name, f"unreadable Date header {header!r}; ignored")
        else:
            reason = check_date(value)
            if reason:
                report.problem(source.name, f"{reason}; date dropped")
            else:
                return value, "header"
    if source.path is not None:
        value = date_from_path(source.path)
        if value is not None:
            return value, "path"
    if default_date is not None:
        return default_date, "cli"
    return None, ""


def text_article(source: Source, text: str, default_date: dt.date | None, report: Reporter) -> Article | None:
    parsed = parse_text(text)
    if not parsed.text:
        report.problem(source.name, "no article text; skipped", cause="no text")
        return None
    h = parsed.headers
    published, date_source = date_fallbacks(source, h.get("date"), default_date, report)
    return Article(
        id=h.get("id") or source.id_base,
        text=parsed.text,
        title=parsed.title,
        url=h.get("url", ""),
        source=h.get("source", ""),
        published=published,
        date_source=date_source,
        origin=source.name,
    )


def html_article(source: Source, text: str, default_date: dt.date | None, report: Reporter) -> Article | None:
    parsed = parse_html(text, url=source.url or None)
    if not parsed.text:
        report.problem(source.name, "no article text found in the HTML page; skipped", cause="no text")
        return None
    published, date_source = parsed.published, "html"
    if parsed.date_problem:
        report.problem(source.name, parsed.date_problem)
    if published is not None:
        reason = check_date(published)
        if reason:
            report.problem(source.name, f"HTML {reason}; date dropped")
            published = None
    if published is None:
        published, date_source = date_fallbacks(source, None, default_date, report)
    return Article(
        id=source.id_base,
        text=parsed.text,
        title=parsed.title,
        url=parsed.url or source.url,
        source=parsed.site,
        published=published,
        date_source=date_source,
        origin=source.name,
    )


def default_dates(out: list[Article], start: int, default_date: dt.date | None) -> None:
    """Give ``default_date`` to the undated articles of ``out[start:]``."""
    if default_date is None:
        return
    for i in range(start, len(out)):
        if out[i].published is None:
            out[i] = replace(out[i], published=default_date, date_source="cli")


def add_records(
    records: Iterable[tuple[int, object]],
    source: Source,
    stem: str,
    default_date: dt.date | None,
    report: Reporter,
    out: list[Article],
    opts: ReadOptions,
    limits: Limits = DEFAULT_LIMITS,
) -> int:
    """Append the articles of JSON/CSV/Parquet records to ``out``; returns how many."""
    n = 0
    fields = opts.field_map
    records, dayfirst = with_date_order(records, fields, opts.dayfirst)
    checked = False
    for line, record in records:
        where = f"{source.name}:{line}"
        if not checked and isinstance(record, dict):
            checked = True
            try:
                fields.resolve(record.keys())
            except MappingError as exc:
                report.problem(source.name, f"{exc}; file skipped", cause="no text")
                break
        article = to_article(
            record, where=where, default_id=f"{stem}:{line}", origin=where, report=report,
            file=source.name, fields=fields, dayfirst=dayfirst,
        )  # fmt: skip
        if article is None:
            continue
        if len(article.text) > limits.max_record_size:
            cap = safe.human_size(limits.max_record_size)
            report.problem(where, f"article text is larger than the {cap} cap (--max-record-size); skipped", file=source.name, cause="too large")
            continue
        if article.published is None and default_date is not None:
            article = replace(article, published=default_date, date_source="cli")
        out.append(article)
        n += 1
    return n

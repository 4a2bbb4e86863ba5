"""Reading paths (files, folders, ``-``) into articles: format dispatch and date fallbacks."""

from __future__ import annotations

import datetime as dt
import os
import re
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import NoInputError, Problem
from ..model import Article
from . import source as safe
from ._report import Reporter
from .dates import check_date, parse_date
from .decode import SNIFF_BYTES, decode_text, html_charset, looks_binary
from .html import parse_html
from .paths import date_from_path, is_hidden
from .records import iter_csv, iter_json, iter_jsonl, to_article
from .source import DEFAULT_LIMITS, Limits, Skip
from .text import parse_text

PathLike = str | os.PathLike[str]
Progress = Callable[[Iterable["Source"]], Iterable["Source"]]

TEXT_EXTS = {".txt", ".text", ".md"}
HTML_EXTS = {".html", ".htm", ".xhtml", ".shtml"}
JSONL_EXTS = {".jsonl", ".ndjson"}
_HTML_START = re.compile(r"\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|article)\b", re.I | re.S)


@dataclass
class IngestResult:
    """Articles read, problems met, and counters for the CLI's summary.

    ``notes`` are harmless remarks (renamed duplicate ids), not failures.
    """

    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    files_seen: int = 0
    files_read: int = 0
    files_skipped: int = 0
    renamed_ids: int = 0
    #: input items (files, records, lines) skipped, by cause; each also has a problem line
    skipped: Counter[str] = field(default_factory=Counter)
    #: the files read (for refusing an output that is one of them)
    paths: list[Path] = field(default_factory=list)

    @property
    def items_read(self) -> int:
        """Input items met: every one became an article or was skipped with a line."""
        return len(self.articles) + sum(self.skipped.values())

    @property
    def undated(self) -> int:
        """How many articles have no publication date."""
        return sum(1 for a in self.articles if a.published is None)

    def require_articles(self) -> IngestResult:
        """Return ``self``; raise :class:`NoInputError` when no article could be read."""
        if not self.articles:
            detail = f": {self.problems[0]}" if self.problems else ""
            more = f" (and {len(self.problems) - 1} more problems)" if len(self.problems) > 1 else ""
            raise NoInputError(f"no articles could be read{detail}{more}")
        return self


@dataclass(frozen=True)
class Source:
    """One input to read: a file (or ``-`` for stdin) and the id its article gets."""

    path: Path | None  # None: standard input
    name: str  # shown in problems and Article.origin
    id_base: str


def read(
    paths: Sequence[PathLike],
    *,
    default_date: dt.date | None = None,
    strict: bool = False,
    progress: Progress | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> IngestResult:
    """Read articles from files, folders (recursive) and ``"-"`` (standard input).

    Formats by extension (``.gz`` of any): ``.txt``, ``.html``/``.htm``,
    ``.jsonl``, ``.json``, ``.csv``/``.tsv``; other files are sniffed. The
    publication date comes from the record field or ``Date:`` header, the
    HTML page, a date in the file or folder name, else ``default_date``.

    Problems (missing path, empty folder, binary or undecodable file,
    malformed JSON line, record without text, absurd date) are recorded in
    ``IngestResult.problems``; with ``strict=True`` the first one raises
    :class:`~newsline.errors.InputError`. Nothing read is not an error here:
    call :meth:`IngestResult.require_articles` for that. ``progress`` wraps
    the list of files (e.g. ``tqdm``). Files are read through the size caps of
    ``limits`` (:mod:`newsline.ingest.source`); what is not a regular file is
    skipped with a problem.
    """
    report = Reporter(strict)
    result = IngestResult()
    sources = list(_sources(paths, report))
    result.files_seen = len(sources)
    result.paths = [s.path for s in sources if s.path is not None]
    items: Iterable[Source] = progress(sources) if progress else sources
    for source in items:
        before = len(result.articles)
        failed = _read_source(source, default_date, report, result.articles, limits)
        report.finish_file(source.name)
        if failed:
            result.files_skipped += 1
        elif len(result.articles) > before:
            result.files_read += 1
    result.notes = _unique_ids(result.articles)
    result.renamed_ids = len(result.notes)
    result.problems = report.problems
    result.skipped = report.skipped
    return result


def _sources(paths: Sequence[PathLike], report: Reporter) -> Iterator[Source]:
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    for raw in paths:
        if os.fspath(raw) == "-":
            yield Source(None, "<stdin>", "stdin")
            continue
        problem = lambda w, m, c: report.problem(w, m, cause=c)  # noqa: E731
        for path, name, id_base in safe.expand(Path(raw), problem, is_hidden):
            yield Source(path, name, id_base)


def _kind(name: str) -> tuple[str, bool]:
    lower = name.lower()
    gz = lower.endswith(".gz")
    if gz:
        lower = lower[:-3]
    ext = os.path.splitext(lower)[1]
    if ext in TEXT_EXTS:
        return "text", gz
    if ext in HTML_EXTS:
        return "html", gz
    if ext in JSONL_EXTS:
        return "jsonl", gz
    if ext == ".json":
        return "json", gz
    if ext in (".csv", ".tsv"):
        return ext[1:], gz
    return "", gz


def _stem(name: str) -> str:
    base = os.path.basename(name)
    while True:
        stem, ext = os.path.splitext(base)
        if not ext or not stem:
            return base
        base = stem


def _read_source(
    source: Source, default_date: dt.date | None, report: Reporter, out: list[Article], limits: Limits
) -> bool:
    """Append the articles of one source to ``out``; True when the whole file was skipped."""
    name = source.name
    kind, gz = _kind(source.path.name) if source.path is not None else ("", False)
    if kind == "jsonl" and source.path is not None:
        return _read_jsonl_file(source, report, out, gz, default_date, limits)
    data = _read_bytes(source, report, gz, limits)
    if data is None:
        return True
    if not data.strip():
        report.problem(name, "file is empty; skipped", cause="empty")
        return True
    if looks_binary(data):
        report.problem(name, "binary file, not text; skipped", cause="binary")
        return True
    text, remark = decode_text(data, html_charset(data) if kind in ("html", "") else None)
    if text is None:
        report.problem(name, "cannot decode the text (unknown encoding); skipped", cause="undecodable")
        return True
    if remark:
        report.problem(name, remark)
    if not kind:
        kind = _sniff(text)
    before = report.count(name)
    if kind in ("text", "html") and len(data) > limits.max_record_size:
        report.problem(name, f"article is larger than the {safe.human_size(limits.max_record_size)} cap (--max-record-size); skipped", cause="too large")
        return True
    if kind in ("text", "html"):
        article = (_text_article if kind == "text" else _html_article)(source, text, default_date, report)
        if article is None:
            return True
        out.append(article)
        return False
    stem = _stem(name) if source.path is not None else "stdin"
    if kind == "jsonl":
        records = iter_jsonl(text.split("\n"), name=name, report=report, max_record=limits.max_record_size)
    elif kind == "json":
        records = iter_json(text, name=name, report=report)
    else:
        records = iter_csv(
            text, name=name, report=report, delimiter="\t" if kind == "tsv" else None,
            max_record=limits.max_record_size,
        )
    n = _add_records(records, source, stem, default_date, report, out, limits)
    return n == 0 and report.count(name) > before


def _read_bytes(source: Source, report: Reporter, gz: bool, limits: Limits) -> bytes | None:
    try:
        return safe.read_file(source.path, limits, gz=gz)
    except Skip as exc:
        report.problem(source.name, str(exc), cause=exc.cause)
    return None


def _read_jsonl_file(
    source: Source,
    report: Reporter,
    out: list[Article],
    gz: bool,
    default_date: dt.date | None,
    limits: Limits,
) -> bool:
    assert source.path is not None
    name = source.name
    before, start = report.count(name), len(out)
    try:
        with safe.open_input(source.path, limits, gz=gz) as f:
            if looks_binary(f.peek(SNIFF_BYTES)[:SNIFF_BYTES]):
                report.problem(name, "binary file, not text; skipped", cause="binary")
                return True
            lines = safe.iter_lines(f, limits.max_record_size)
            records = iter_jsonl(lines, name=name, report=report, max_record=limits.max_record_size)
            n = _add_records(records, source, _stem(name), default_date, report, out, limits)
            safe.finish(f)
    except (Skip, OSError, EOFError, zlib.error) as exc:  # the rest of the file is lost
        n = len(out) - start
        if isinstance(exc, Skip):
            message, cause = str(exc).removesuffix("; skipped"), exc.cause
        else:
            reason = "compressed file ended early" if isinstance(exc, EOFError) else (
                safe.describe(exc) if isinstance(exc, OSError) else str(exc))
            message, cause = f"cannot read the rest of the file ({reason})", "truncated"
        report.problem(name, f"{message}; rest skipped after {n} articles" if n else f"{message}; skipped", cause=cause)
        return n == 0
    return n == 0 and report.count(name) > before


def _add_records(
    records: Iterable[tuple[int, object]],
    source: Source,
    stem: str,
    default_date: dt.date | None,
    report: Reporter,
    out: list[Article],
    limits: Limits = DEFAULT_LIMITS,
) -> int:
    n = 0
    for line, record in records:
        where = f"{source.name}:{line}"
        article = to_article(
            record, where=where, default_id=f"{stem}:{line}", origin=where, report=report, file=source.name
        )
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


def _sniff(text: str) -> str:
    head = text[:2048]
    if _HTML_START.match(head):
        return "html"
    stripped = head.lstrip()
    if stripped.startswith("{"):
        return "jsonl" if not _is_one_json(text) else "json"
    if stripped.startswith("["):
        return "json"
    return "text"


def _is_one_json(text: str) -> bool:
    """True when a text starting with ``{`` is one (possibly multi-line) JSON document."""
    import json

    first = text.lstrip().split("\n", 1)[0]
    try:
        json.loads(first)
    except ValueError:
        return True  # first line alone is not JSON: a pretty-printed document
    return False


def _date_fallbacks(
    source: Source, header: str | None, default_date: dt.date | None, report: Reporter
) -> tuple[dt.date | None, str]:
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


def _text_article(source: Source, text: str, default_date: dt.date | None, report: Reporter) -> Article | None:
    parsed = parse_text(text)
    if not parsed.text:
        report.problem(source.name, "no article text; skipped", cause="no text")
        return None
    h = parsed.headers
    published, date_source = _date_fallbacks(source, h.get("date"), default_date, report)
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


def _html_article(source: Source, text: str, default_date: dt.date | None, report: Reporter) -> Article | None:
    parsed = parse_html(text)
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
        published, date_source = _date_fallbacks(source, None, default_date, report)
    return Article(
        id=source.id_base,
        text=parsed.text,
        title=parsed.title,
        url=parsed.url,
        source=parsed.site,
        published=published,
        date_source=date_source,
        origin=source.name,
    )


def _unique_ids(articles: list[Article]) -> list[Problem]:
    """Rename later articles that reuse an id to ``id#2``, ``id#3``...; one note each."""
    seen: dict[str, int] = {}
    notes: list[Problem] = []
    for i, article in enumerate(articles):
        aid = article.id
        if aid not in seen:
            seen[aid] = 1
            continue
        n = seen[aid]
        while True:
            n += 1
            new = f"{aid}#{n}"
            if new not in seen:
                break
        seen[aid] = n
        seen[new] = 1
        articles[i] = replace(article, id=new)
        notes.append(Problem(article.origin or aid, f"duplicate id {aid!r} renamed to {new!r}"))
    return notes

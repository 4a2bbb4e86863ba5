"""Reading paths (files, folders, ``-``) into articles: format dispatch and date fallbacks."""

from __future__ import annotations

import datetime as dt
import io
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import NoInputError, Problem
from ..model import Article
from ._report import Reporter
from .compress import ERRORS, CompressionError, decompress, open_binary, split_suffix
from .compress import sniff as sniff_compression
from .dates import check_date, parse_date
from .decode import SNIFF_BYTES, decode, looks_binary
from .feeds import read_feed
from .fetch import FetchError, is_url
from .fields import MappingError, with_date_order
from .html import parse_html
from .ids import unique_ids
from .options import ReadOptions, TickingList
from .parquet import iter_parquet
from .paths import date_from_path, walk
from .records import iter_csv, iter_json, iter_jsonl, to_article
from .sniff import NOT_ARTICLES, kind_from_name, own_output, sniff_bytes, sniff_text, xml_kind
from .sniff import stem as _stem
from .text import parse_text
from .warc import read_warc

PathLike = str | os.PathLike[str]
Progress = Callable[[Iterable["Source"]], Iterable["Source"]]


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

    path: Path | None  # None: standard input or a URL
    name: str  # shown in problems and Article.origin
    id_base: str
    url: str = ""  # an http(s) input, fetched


def read(
    paths: Sequence[PathLike],
    *,
    default_date: dt.date | None = None,
    strict: bool = False,
    progress: Progress | None = None,
    options: ReadOptions | None = None,
) -> IngestResult:
    """Read articles from files, folders (recursive) and ``"-"`` (standard input).

    Formats by extension (``.gz``, ``.bz2``, ``.xz``, ``.zst`` of any):
    ``.txt``, ``.html``/``.htm``, ``.jsonl``, ``.json``, ``.csv``/``.tsv``,
    ``.rss``/``.atom``/``.xml`` feeds, ``.warc``, ``.parquet``; files without
    a suffix, standard input and ``http(s)://`` URLs (fetched) are sniffed;
    unknown suffixes, XML that is no feed and newsline's own timelines are
    skipped with a problem each. The publication date comes from the record
    field or ``Date:`` header, the HTML page or feed, the WARC record, a date
    in the file or folder name, else ``default_date``. ``options`` maps
    record columns and sets the date order and fetching.

    Problems (missing path, empty folder, binary or undecodable file,
    malformed JSON line, record without text, absurd date) are recorded in
    ``IngestResult.problems``; with ``strict=True`` the first one raises
    :class:`~newsline.errors.InputError`. Nothing read is not an error here:
    call :meth:`IngestResult.require_articles` for that. ``progress`` wraps
    the list of files (e.g. ``tqdm``).
    """
    report = Reporter(strict)
    opts = options or ReadOptions()
    result = IngestResult()
    if opts.tick is not None:
        result.articles = TickingList(opts.tick)
    sources = list(_sources(paths, report))
    result.files_seen = len(sources)
    items: Iterable[Source] = progress(sources) if progress else sources
    for source in items:
        before = len(result.articles)
        failed = _read_source(source, default_date, report, result.articles, opts)
        report.finish_file(source.name)
        if failed:
            result.files_skipped += 1
        elif len(result.articles) > before:
            result.files_read += 1
    result.notes = unique_ids(result.articles)
    result.renamed_ids = len(result.notes)
    result.notes += report.notes
    result.problems = report.problems
    return result


def _sources(paths: Sequence[PathLike], report: Reporter) -> Iterator[Source]:
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    for raw in paths:
        shown = os.fspath(raw)
        if shown == "-":
            yield Source(None, "<stdin>", "stdin")
            continue
        if is_url(shown):
            yield Source(None, shown, shown, url=shown)
            continue
        path = Path(raw)
        if path.is_dir():
            found = False
            for file in walk(path):
                found = True
                yield Source(file, str(file), file.relative_to(path).as_posix())
            if not found:
                report.problem(shown, "folder contains no files (hidden files are skipped)")
        elif path.exists():
            yield Source(path, shown, path.as_posix().removeprefix("./"))
        else:
            report.problem(shown, "no such file or folder")


def _read_source(
    source: Source, default_date: dt.date | None, report: Reporter, out: list[Article], opts: ReadOptions
) -> bool:
    """Append the articles of one source to ``out``; True when the whole file was skipped."""
    name = source.name
    kind, comp = kind_from_name(source.path.name) if source.path is not None else ("", "")
    unknown = kind == "unknown"  # sniffed, but never read as plain text
    kind = "" if unknown else kind
    stream = None
    if kind in ("jsonl", "warc", "parquet") and source.path is not None:
        if kind == "jsonl":
            return _read_jsonl_file(source, report, out, comp, default_date, opts)
        stream = _open(source, report, "" if kind == "warc" and comp == "gz" else comp)
        if stream is None:
            return True
    else:
        data = _read_bytes(source, report, comp, opts)
        if data is None:
            return True
        if not data.strip():
            report.problem(name, "file is empty; skipped")
            return True
        kind = kind or sniff_bytes(data[:8])
        if kind in ("warc", "parquet"):
            stream = io.BytesIO(data)
    before, n = report.count(name), len(out)
    if stream is not None:
        with stream:
            if kind == "warc":
                out.extend(read_warc(stream, name=name, report=report))
                _default_dates(out, n, default_date)
                return len(out) == n and report.count(name) > before
            records = iter_parquet(stream, name=name, report=report)
            n = _add_records(records, source, _stem(name), default_date, report, out, opts)
        return n == 0 and report.count(name) > before
    if looks_binary(data):
        report.problem(name, "binary file, not text; skipped")
        return True
    text = decode(data)
    if text is None:
        report.problem(name, "cannot decode the text (unknown encoding); skipped")
        return True
    if not kind:
        kind = sniff_text(text)
        if unknown and kind == "text":
            suffix = os.path.splitext(split_suffix(name)[0])[1]
            report.problem(name, f"unknown file format {suffix!r}, not read as text; skipped")
            return True
    elif kind == "xml":
        kind = xml_kind(text[:4096])
    if own_output(kind, text):
        kind = "newsline"
    if kind in NOT_ARTICLES:
        report.problem(name, NOT_ARTICLES[kind])
        return True
    if kind == "feed":
        out.extend(read_feed(data, name=name, id_base=source.id_base, report=report, options=opts))
        _default_dates(out, n, default_date)
        return len(out) == n
    if kind in ("text", "html"):
        article = (_text_article if kind == "text" else _html_article)(source, text, default_date, report)
        if article is None:
            return True
        out.append(article)
        return False
    stem = _stem(name) if source.path is not None else source.id_base
    if kind == "jsonl":
        records = iter_jsonl(text.split("\n"), name=name, report=report)
    elif kind == "json":
        records = iter_json(text, name=name, report=report)
    else:
        records = iter_csv(text, name=name, report=report, delimiter="\t" if kind == "tsv" else None)
    n = _add_records(records, source, stem, default_date, report, out, opts)
    return n == 0 and report.count(name) > before


def _default_dates(out: list[Article], start: int, default_date: dt.date | None) -> None:
    if default_date is None:
        return
    for i in range(start, len(out)):
        if out[i].published is None:
            out[i] = replace(out[i], published=default_date, date_source="cli")


def _open(source: Source, report: Reporter, comp: str) -> io.BufferedIOBase | None:
    assert source.path is not None
    try:
        return open_binary(source.path, comp)  # type: ignore[return-value]
    except OSError as exc:
        report.problem(source.name, f"cannot read file ({exc.strerror or exc}); skipped")
        return None


def _read_bytes(source: Source, report: Reporter, comp: str, opts: ReadOptions) -> bytes | None:
    try:
        if source.url:
            data = opts.fetcher.get(source.url).data
        else:
            data = sys.stdin.buffer.read() if source.path is None else source.path.read_bytes()
    except FetchError as exc:
        report.problem(source.name, f"cannot fetch: {exc}; skipped")
        return None
    except OSError as exc:
        report.problem(source.name, f"cannot read file ({exc.strerror or exc}); skipped")
        return None
    comp = comp or sniff_compression(data[:8])
    if comp:
        try:
            data = decompress(data, comp)
        except CompressionError as exc:
            report.problem(source.name, f"{exc}; skipped")
            return None
    return data


def _read_jsonl_file(
    source: Source,
    report: Reporter,
    out: list[Article],
    comp: str,
    default_date: dt.date | None,
    opts: ReadOptions,
) -> bool:
    assert source.path is not None
    name = source.name
    before = report.count(name)
    try:
        with open_binary(source.path, comp) as f:
            head = f.peek(SNIFF_BYTES)[:SNIFF_BYTES]  # type: ignore[attr-defined]
            if looks_binary(head):
                report.problem(name, "binary file, not text; skipped")
                return True
            records = iter_jsonl(f, name=name, report=report)
            n = _add_records(records, source, _stem(name), default_date, report, out, opts)
    except ERRORS as exc:
        report.problem(name, f"cannot read file ({getattr(exc, 'strerror', None) or exc}); rest skipped")
        return True
    return n == 0 and report.count(name) > before


def _add_records(
    records: Iterable[tuple[int, object]],
    source: Source,
    stem: str,
    default_date: dt.date | None,
    report: Reporter,
    out: list[Article],
    opts: ReadOptions,
) -> int:
    n = 0
    fields = opts.field_map
    records, dayfirst = with_date_order(records, fields, opts.dayfirst)
    for line, record in records:
        where = f"{source.name}:{line}"
        if n == 0 and not isinstance(record, dict):
            kind = type(record).__name__
            report.problem(where, f"not a file of article objects (record is a JSON {kind}); file skipped", file=source.name)
            break
        if n == 0:
            try:
                fields.resolve(record.keys())
            except MappingError as exc:
                report.problem(source.name, f"{exc}; file skipped")
                break
        article = to_article(
            record, where=where, default_id=f"{stem}:{line}", origin=where, report=report,
            file=source.name, fields=fields, dayfirst=dayfirst,
        )  # fmt: skip
        if article is None:
            continue
        if article.published is None and default_date is not None:
            article = replace(article, published=default_date, date_source="cli")
        out.append(article)
        n += 1
    return n


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
        report.problem(source.name, "no article text; skipped")
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
    parsed = parse_html(text, source.url or None)
    if not parsed.text:
        report.problem(source.name, "no article text found in the HTML page; skipped")
        return None
    published, date_source = parsed.published, "html"
    if published is not None and check_date(published) is not None:
        published = None
    if published is None:
        published, date_source = _date_fallbacks(source, None, default_date, report)
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

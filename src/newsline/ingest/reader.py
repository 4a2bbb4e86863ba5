"""Reading paths (files, folders, ``-``, URLs) into articles: format dispatch."""

from __future__ import annotations

import datetime as dt
import io
import os
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from ..errors import NoInputError, Problem
from ..model import Article
from . import source as safe
from ._report import Reporter
from .articles import add_records, default_dates, html_article, text_article
from .compress import CompressionError, decompress, split_suffix
from .compress import sniff as sniff_compression
from .decode import SNIFF_BYTES, decode_text, html_charset, looks_binary, utf16_codec
from .fetch import FetchError, NotUrl, is_url
from .formats.feeds import read_feed
from .formats.parquet import iter_parquet
from .formats.records import iter_csv, iter_json, iter_jsonl
from .formats.warc import read_warc
from .ids import unique_ids
from .options import ReadOptions, TickingList
from .origin import Source
from .paths import expand, is_hidden
from .sniff import (
    NOT_ARTICLES,
    archive_kind,
    kind_from_name,
    looks_html,
    own_output,
    sniff_bytes,
    sniff_text,
    xml_kind,
)
from .sniff import stem as _stem
from .source import DEFAULT_LIMITS, Limits, Skip

PathLike = str | os.PathLike[str]
Progress = Callable[[Iterable[Source]], Iterable[Source]]

__all__ = ["IngestResult", "Source", "read"]


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


def read(
    paths: Sequence[PathLike],
    *,
    default_date: dt.date | None = None,
    strict: bool = False,
    progress: Progress | None = None,
    limits: Limits = DEFAULT_LIMITS,
    options: ReadOptions | None = None,
) -> IngestResult:
    """Read articles from files, folders (recursive), ``"-"`` (standard input) and URLs.

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
    the list of files (e.g. ``tqdm``). Files are read through the size caps of
    ``limits`` (:mod:`newsline.ingest.source`); what is not a regular file is
    skipped with a problem.
    """
    report = Reporter(strict)
    opts = options or ReadOptions()
    result = IngestResult()
    if opts.tick is not None:
        result.articles = TickingList(opts.tick)
    sources = list(_sources(paths, report))
    result.files_seen = len(sources)
    result.paths = [s.path for s in sources if s.path is not None]
    items: Iterable[Source] = progress(sources) if progress else sources
    for source in items:
        before = len(result.articles)
        failed = _read_source(source, default_date, report, result.articles, limits, opts)
        report.finish_file(source.name)
        if failed:
            result.files_skipped += 1
        elif len(result.articles) > before:
            result.files_read += 1
    result.notes = unique_ids(result.articles)
    result.renamed_ids = len(result.notes)
    result.notes += report.notes
    result.problems = report.problems
    result.skipped = report.skipped
    result.paths = [p for p in result.paths if p not in report.own_outputs]
    return result


def _sources(paths: Sequence[PathLike], report: Reporter) -> Iterator[Source]:
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    for raw in paths:
        name = os.fspath(raw)
        if name == "-":
            yield Source(None, "<stdin>", "stdin")
            continue
        if isinstance(raw, NotUrl):
            report.problem(raw.where, f"not a URL ({safe.shown(raw.line)[:80]}); skipped", file=raw.where, cause="not a URL")
            continue
        if is_url(name):
            yield Source(None, name, name, url=name)
            continue
        problem = lambda w, m, c, n=1: report.problem(w, m, cause=c, items=n)  # noqa: E731
        for path, shown, id_base in expand(Path(raw), problem, is_hidden):
            yield Source(path, shown, id_base)


def _read_source(
    source: Source,
    default_date: dt.date | None,
    report: Reporter,
    out: list[Article],
    limits: Limits = DEFAULT_LIMITS,
    opts: ReadOptions | None = None,
) -> bool:
    """Append the articles of one source to ``out``; True when the whole file was skipped."""
    opts = opts or ReadOptions()
    name = source.name
    kind, comp = kind_from_name(source.path.name) if source.path is not None else ("", "")
    unknown = kind == "unknown"  # sniffed, but never read as plain text
    kind = "" if unknown else kind
    stream: BinaryIO | None = None
    if kind in ("jsonl", "warc", "parquet") and source.path is not None:
        if kind == "jsonl":
            return _read_jsonl_file(source, report, out, comp, default_date, limits, opts)
        stream = _open(source, report, comp, limits) if kind == "warc" else _in_memory(source, report, comp, limits)
        if stream is None:
            return True
    else:
        data = _read_bytes(source, report, comp, limits, opts, kind)
        if data is None:
            return True
        if not data.strip():
            report.problem(name, "file is empty; skipped", cause="empty")
            return True
        kind = kind or sniff_bytes(data[:8])
        if kind in ("warc", "parquet"):
            stream = io.BytesIO(data)  # type: ignore[assignment]
    before, n = report.count(name), len(out)
    if stream is not None:
        with stream:
            if kind == "warc":
                out.extend(read_warc(stream, name=name, report=report))
                try:  # a damaged .warc.gz ends the stream early: said, not silent
                    safe.finish(stream)
                except (OSError, EOFError, zlib.error, ValueError) as exc:
                    message, got = _lost(exc), len(out) - n
                    rest = f"rest skipped after {got} articles" if got else "skipped"
                    report.problem(name, f"{message}; {rest}", cause="truncated")
                default_dates(out, n, default_date)
                return len(out) == n and report.count(name) > before
            records = iter_parquet(stream, name=name, report=report)
            n = add_records(records, source, _stem(name), default_date, report, out, opts, limits)
        return _none_read(report, name, n, before)
    archive = archive_kind(data, name)
    if archive:  # a folder's files sent as one: said so, not "binary"
        report.problem(name, f"a {archive} archive: unpack it and give its folder; skipped", cause="archive")
        return True
    if looks_binary(data):
        report.problem(name, "binary file, not text; skipped", cause="binary")
        return True
    if kind == "text" and looks_html(data):
        kind = "html"  # a page saved under a .txt name: its text, not its markup
    text, remark = decode_text(data, html_charset(data) if kind in ("html", "") else None)
    if text is None:
        why = remark or "cannot decode the text (unknown encoding)"
        report.problem(name, f"{why}; skipped", cause="undecodable")
        return True
    if remark:
        report.problem(name, remark)
    if not kind:
        kind = sniff_text(text)
        if unknown and kind == "text":
            suffix = os.path.splitext(split_suffix(name)[0])[1]
            report.problem(name, f"unknown file format {suffix!r}, not read as text; skipped", cause="not an article")
            return True
    elif kind == "xml":
        kind = xml_kind(text[:4096])
    if own_output(kind, text):
        kind = "newsline"
    if kind in NOT_ARTICLES:
        report.problem(name, NOT_ARTICLES[kind], cause="not an article")
        if kind == "newsline" and source.path is not None:
            report.own_outputs.append(source.path)  # may be overwritten: it was not read
        return True
    if kind == "feed":
        out.extend(read_feed(data, name=name, id_base=source.id_base, report=report, options=opts))
        default_dates(out, n, default_date)
        return len(out) == n
    if kind in ("text", "html") and len(data) > limits.max_record_size:
        report.problem(name, f"article is larger than the {safe.human_size(limits.max_record_size)} cap (--max-record-size); skipped", cause="too large")
        return True
    if kind in ("text", "html"):
        article = (text_article if kind == "text" else html_article)(source, text, default_date, report)
        if article is None:
            return True
        out.append(article)
        return False
    stem = _stem(name) if source.path is not None else source.id_base
    if kind == "jsonl":
        records = iter_jsonl(text.split("\n"), name=name, report=report, max_record=limits.max_record_size)
    elif kind == "json":
        records = iter_json(text, name=name, report=report)
    else:
        records = iter_csv(
            text, name=name, report=report, delimiter="\t" if kind == "tsv" else None,
            max_record=limits.max_record_size,
        )  # fmt: skip
    n = add_records(records, source, stem, default_date, report, out, opts, limits)
    return _none_read(report, name, n, before)


def _open(source: Source, report: Reporter, comp: str, limits: Limits) -> BinaryIO | None:
    try:
        return safe.open_input(source.path, limits, comp=comp)
    except Skip as exc:
        report.problem(source.name, str(exc), cause=exc.cause)
    except OSError as exc:
        report.problem(source.name, f"cannot read file ({safe.describe(exc)}); skipped", cause="unreadable")
    return None


def _in_memory(source: Source, report: Reporter, comp: str, limits: Limits) -> BinaryIO | None:
    """A seekable copy (Parquet needs one), read through the size cap."""
    try:
        return io.BytesIO(safe.read_file(source.path, limits, comp=comp))
    except Skip as exc:
        report.problem(source.name, str(exc), cause=exc.cause)
    return None


def _read_bytes(
    source: Source, report: Reporter, comp: str, limits: Limits, opts: ReadOptions, kind: str = ""
) -> bytes | None:
    if not source.url:
        try:
            data, error = safe.read_kept(source.path, limits, comp=comp)
        except Skip as exc:
            report.problem(source.name, str(exc), cause=exc.cause)
            return None
        if error is not None:  # a truncated or damaged compressed file: what came before is read
            if kind not in ("text", "html"):
                data = data[: data.rfind(b"\n") + 1]  # no half record at the cut
            if not data.strip():
                report.problem(source.name, f"{_lost(error)}; skipped", cause="truncated")
                return None
            report.problem(source.name, f"{_lost(error)}; rest skipped, the first {len(data)} bytes read", cause="truncated")
        return data
    try:
        data = opts.fetcher.get(source.url).data
    except FetchError as exc:
        report.problem(source.name, f"cannot fetch: {exc}; skipped", cause="unreadable")
        return None
    if len(data) > limits.max_file_size:
        cap = safe.human_size(limits.max_file_size)
        report.problem(source.name, f"page is larger than the {cap} cap (--max-file-size); skipped", cause="too large")
        return None
    comp = sniff_compression(data[:8])
    if comp:
        try:
            data = decompress(data, comp)
        except CompressionError as exc:
            report.problem(source.name, f"{exc}; skipped", cause="malformed")
            return None
    return data


def _read_jsonl_file(
    source: Source,
    report: Reporter,
    out: list[Article],
    comp: str,
    default_date: dt.date | None,
    limits: Limits,
    opts: ReadOptions,
) -> bool:
    assert source.path is not None
    name = source.name
    before, start = report.count(name), len(out)
    try:
        with safe.open_input(source.path, limits, comp=comp) as f:
            head = f.peek(SNIFF_BYTES)[:SNIFF_BYTES]  # type: ignore[attr-defined]
            if looks_binary(head):
                report.problem(name, "binary file, not text; skipped", cause="binary")
                return True
            if b"\x00" in head and utf16_codec(head):  # its lines are not split at b"\n"
                report.problem(name, "UTF-16 text: JSON lines are read as UTF-8 (convert the file); skipped", cause="undecodable")
                return True
            lines = safe.iter_lines(f, limits.max_record_size)
            records = iter_jsonl(lines, name=name, report=report, max_record=limits.max_record_size)
            n = add_records(records, source, _stem(name), default_date, report, out, opts, limits)
            safe.finish(f)
    except (Skip, OSError, EOFError, zlib.error, ValueError) as exc:  # the rest of the file is lost
        n = len(out) - start
        if isinstance(exc, Skip):
            message, cause = str(exc).removesuffix("; skipped"), exc.cause
        else:
            message, cause = _lost(exc), "truncated"
        report.problem(name, f"{message}; rest skipped after {n} articles" if n else f"{message}; skipped", cause=cause)
        return n == 0
    return _none_read(report, name, n, before)


def _lost(exc: BaseException) -> str:
    """Why the rest of a (compressed) file could not be read."""
    reason = "compressed file ended early" if isinstance(exc, EOFError) else (
        safe.describe(exc) if isinstance(exc, OSError) else str(exc))  # fmt: skip
    return f"cannot read the rest of the file ({reason})"


def _none_read(report: Reporter, name: str, n: int, before: int) -> bool:
    """Whether a record file was skipped: no article, with a line; a file that held no
    record at all (a CSV header, ``[]``) gets its line here."""
    if n == 0 and report.count(name) == before:
        report.problem(name, "no records in the file; skipped", cause="empty")
    return n == 0

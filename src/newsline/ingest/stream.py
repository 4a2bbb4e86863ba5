"""Streaming the articles of many inputs, one file at a time (for stores and big inputs).

:func:`iter_articles` yields the same articles as :func:`~newsline.ingest.read`,
in the same order and with the same ids, but holds only one file's articles
at a time; problems and counters go into the :class:`IngestResult` passed in
(whose ``articles`` stays empty).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator, Sequence

from ..model import Article
from ._report import Reporter
from .ids import SeenIds, renamed
from .options import ReadOptions
from .reader import IngestResult, _read_source, _sources
from .source import DEFAULT_LIMITS, Limits

PathLike = str | os.PathLike[str]


def iter_articles(
    paths: Sequence[PathLike],
    *,
    default_date: dt.date | None = None,
    strict: bool = False,
    result: IngestResult | None = None,
    limits: Limits = DEFAULT_LIMITS,
    options: ReadOptions | None = None,
) -> Iterator[Article]:
    """Yield the articles of ``paths`` file by file; see :func:`~newsline.ingest.read`.

    ``options`` maps record columns and sets the date order and fetching, as for ``read``.
    Later articles reusing an id are renamed ``id#2``, ``id#3``... as ``read`` does
    (one note each in ``result.notes``).
    """
    report = Reporter(strict)
    result = result if result is not None else IngestResult()
    seen = SeenIds()  # about 8 bytes per id (not a dict of every id read)
    try:
        for source in _sources(paths, report):
            result.files_seen += 1
            out: list[Article] = []
            failed = _read_source(source, default_date, report, out, limits, options)
            report.finish_file(source.name)
            if failed:
                result.files_skipped += 1
            elif out:
                result.files_read += 1
            for article in out:
                article, note = renamed(article, seen)
                if note is not None:
                    result.notes.append(note)
                yield article
    finally:
        result.problems = report.problems
        result.skipped = report.skipped
        result.renamed_ids = len(result.notes)

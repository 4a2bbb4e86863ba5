"""Ingest stage: files, folders and standard input -> :class:`~newsline.model.Article`.

One module per format (:mod:`.text`, :mod:`.html`, :mod:`.records`), plus
:mod:`.paths` (walking folders, dates in names), :mod:`.dates` (parsing and
plausibility) and :mod:`.decode` (bytes to text). :func:`read` runs them.
"""

from __future__ import annotations

from .dates import check_date, parse_date
from .formats.text import is_title_line, parse_text
from .paths import date_from_path
from .reader import IngestResult, Source, read
from .stream import iter_articles

__all__ = [
    "IngestResult",
    "Source",
    "check_date",
    "date_from_path",
    "is_title_line",
    "iter_articles",
    "parse_date",
    "parse_text",
    "read",
]

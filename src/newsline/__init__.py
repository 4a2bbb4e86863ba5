"""newsline: from a pile of news articles to a dated, sourced timeline."""

from __future__ import annotations

__version__ = "0.1.0"

from .core import build_timeline, load, prepare  # noqa: E402
from .model import (  # noqa: E402
    Article,
    Corpus,
    DateMention,
    Document,
    Granularity,
    Sentence,
    SourceRef,
    SummarySentence,
    Timeline,
    TimelineEntry,
    TimePoint,
)

__all__ = [
    "Article",
    "Corpus",
    "DateMention",
    "Document",
    "Granularity",
    "Sentence",
    "SourceRef",
    "SummarySentence",
    "TimePoint",
    "Timeline",
    "TimelineEntry",
    "build_timeline",
    "load",
    "prepare",
    "__version__",
]

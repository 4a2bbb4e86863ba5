"""newsline: from a pile of news articles to a dated, sourced timeline."""

from __future__ import annotations

__version__ = "0.1.0"

_EXPORTS = {
    "build_timeline": "core",
    "load": "core",
    "prepare": "core",
    "Article": "model",
    "Corpus": "model",
    "DateMention": "model",
    "Document": "model",
    "Granularity": "model",
    "Sentence": "model",
    "SourceRef": "model",
    "SummarySentence": "model",
    "Timeline": "model",
    "TimelineEntry": "model",
    "TimePoint": "model",
}


def __getattr__(name: str) -> object:
    """Public names load on first use, so ``import newsline`` (and the CLI's start) stays light."""
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'newsline' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


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

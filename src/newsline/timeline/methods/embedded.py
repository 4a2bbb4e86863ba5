"""DATEWISE-EMBED: DATEWISE with per-date sentence selection by sentence embeddings.

The registered ``datewise`` configuration (same dates, same candidates) with
its summarizer replaced by
:class:`~newsline.timeline.embed.EmbeddingSummarizer` (all-MiniLM-L6-v2).
Needs the optional extra ``newsline[embeddings]``; without it, building a
timeline raises :class:`~newsline.errors.ConfigError` with the install hint
(torch is imported only then).
"""

from __future__ import annotations

from ..base import get_method, register
from ..embed import EmbeddingSummarizer
from .datewise import DateWise


def datewise_embed(summarizer: EmbeddingSummarizer | None = None) -> DateWise:
    """The default ``datewise`` method with an embedding summarizer."""
    method = get_method("datewise")
    if not isinstance(method, DateWise):
        raise TypeError("datewise-embed needs the datewise method to be a DateWise")
    # DateWise only calls fit and select_timeline, which EmbeddingSummarizer shares.
    method.summarizer = summarizer or EmbeddingSummarizer()  # type: ignore[assignment]
    method.name = "datewise-embed"
    return method


@register("datewise-embed")
def _default() -> DateWise:
    return datewise_embed()

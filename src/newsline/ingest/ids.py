"""Making article ids unique within one read."""

from __future__ import annotations

from dataclasses import replace

from ..errors import Problem
from ..model import Article


def unique_ids(articles: list[Article]) -> list[Problem]:
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

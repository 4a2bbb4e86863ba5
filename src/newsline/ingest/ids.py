"""Making article ids unique within one read."""

from __future__ import annotations

from dataclasses import replace

from ..errors import Problem
from ..model import Article


def renamed(article: Article, seen: dict[str, int]) -> tuple[Article, Problem | None]:
    """``article``, or a copy renamed ``id#2``, ``id#3``... when ``seen`` holds its id
    (with the note saying so); ``seen`` is updated. The one rule of :func:`unique_ids`
    and of streaming reads."""
    aid = article.id
    if aid not in seen:
        seen[aid] = 1
        return article, None
    n = seen[aid]
    while True:
        n += 1
        new = f"{aid}#{n}"
        if new not in seen:
            break
    seen[aid] = n
    seen[new] = 1
    note = Problem(article.origin or aid, f"duplicate id {aid!r} renamed to {new!r}")
    return replace(article, id=new), note


def unique_ids(articles: list[Article]) -> list[Problem]:
    """Rename later articles that reuse an id to ``id#2``, ``id#3``...; one note each."""
    seen: dict[str, int] = {}
    notes: list[Problem] = []
    for i, article in enumerate(articles):
        articles[i], note = renamed(article, seen)
        if note is not None:
            notes.append(note)
    return notes

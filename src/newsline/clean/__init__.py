"""Clean stage (STUB: to be replaced)."""

from __future__ import annotations

from ..model import Article, CleanReport


def clean(articles: list[Article], *, dedupe: bool = True) -> tuple[list[Article], CleanReport]:
    return articles, CleanReport(articles_in=len(articles))

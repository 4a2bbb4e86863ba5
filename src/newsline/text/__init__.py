"""Text stage (STUB: to be replaced)."""

from __future__ import annotations

from ..model import Article, Sentence


def split_sentences(article: Article) -> list[Sentence]:
    out = []
    pos = 0
    for i, line in enumerate(article.text.split("\n")):
        s = line.strip()
        if s:
            start = article.text.index(s, pos)
            out.append(Sentence(article.id, len(out), start, start + len(s), s))
            pos = start + len(s)
    return out

"""Making article ids unique within one read."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from ..errors import Problem
from ..model import Article


class SeenIds:
    """The ids seen so far in one read, in about 8 bytes each, whatever their length.

    An id is kept as its 64-bit hash (Python's string hash, stable within one
    process) in a sorted array, with the newest in a small set merged in when it
    grows past an eighth of the array (each hash is copied a bounded number of
    times). Only ids seen more than once keep their string (with the last
    ``#n`` given). Two different ids share a hash with a probability of about
    ``n² / 2⁶⁵`` in a read of ``n`` ids (3·10⁻⁸ at a million): the later one
    would then be renamed ``id#2`` (with its note) although it was new.
    """

    MIN_BUFFER = 4096

    def __init__(self) -> None:
        self._sorted = np.zeros(0, dtype=np.int64)
        self._recent: set[int] = set()
        self._last: dict[str, int] = {}  # ids seen more than once: the last n of ``id#n``

    def __len__(self) -> int:
        return len(self._sorted) + len(self._recent)

    def __contains__(self, aid: str) -> bool:
        return aid in self._last or self._has(hash(aid))

    def _has(self, h: int) -> bool:
        if h in self._recent:
            return True
        i = int(np.searchsorted(self._sorted, h))
        return i < len(self._sorted) and int(self._sorted[i]) == h

    def last(self, aid: str) -> int:
        """The ``n`` of the last ``id#n`` given for ``aid`` (1: seen once, 0: never)."""
        n = self._last.get(aid)
        return n if n is not None else int(self._has(hash(aid)))

    def mark(self, aid: str, n: int = 1) -> None:
        """Record ``aid`` as seen, its last ``#n`` being ``n``."""
        if n > 1:
            self._last[aid] = n
        h = hash(aid)
        if not self._has(h):
            self._recent.add(h)
            if len(self._recent) >= max(self.MIN_BUFFER, len(self._sorted) // 8):
                new = np.fromiter(self._recent, dtype=np.int64, count=len(self._recent))
                self._sorted = np.union1d(self._sorted, new)
                self._recent.clear()


def renamed(article: Article, seen: SeenIds) -> tuple[Article, Problem | None]:
    """``article``, or a copy renamed ``id#2``, ``id#3``... when ``seen`` holds its id
    (with the note saying so); ``seen`` is updated. The one rule of :func:`unique_ids`
    and of streaming reads."""
    aid = article.id
    n = seen.last(aid)
    if not n:
        seen.mark(aid)
        return article, None
    while True:
        n += 1
        new = f"{aid}#{n}"
        if new not in seen:
            break
    seen.mark(aid, n)
    seen.mark(new)
    note = Problem(article.origin or aid, f"duplicate id {aid!r} renamed to {new!r}")
    return replace(article, id=new), note


def unique_ids(articles: list[Article]) -> list[Problem]:
    """Rename later articles that reuse an id to ``id#2``, ``id#3``...; one note each."""
    seen = SeenIds()
    notes: list[Problem] = []
    for i, article in enumerate(articles):
        articles[i], note = renamed(article, seen)
        if note is not None:
            notes.append(note)
    return notes

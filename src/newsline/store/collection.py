"""The collection part of :func:`newsline.clean.clean` over stored articles.

:func:`newsline.clean.clean` first cleans each article on its own (stored by
``index add``), then works on the collection: exact duplicates, near
duplicates (greedy in preference order, MinHash LSH candidates verified by
the exact Jaccard of word 5-shingles), and short lines that recur across the
remaining articles. This module runs that second part on a selection from
the store with the stored keys, so only candidate pairs need their shingles
computed again, and gives what ``clean`` gives for the same articles.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from ..clean.boilerplate import drop_lines, frequent_lines
from ..clean.dedupe import THRESHOLD, greedy_near, jaccard, shingles, word_ids
from ..model import CleanReport

_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class Selected:
    """The stored columns of the selected articles that the collection stage reads."""

    texts: list[str]  # per-article cleaned text
    published: list[dt.date | None]
    raw_chars: list[int]
    exact_keys: list[bytes]
    n_shingles: list[int]
    bands: np.ndarray  # (n, 16)
    boilerplate_lines: int
    comment_sections: int
    #: the lines recurring across the texts at these positions, from stored line keys
    #: (:mod:`newsline.store.lines`), and which of the positions may hold one (None: any
    #: may); None: counted from the texts
    recurring: Callable[[list[int]], tuple[frozenset[str], set[int] | None]] | None = None


def clean_selected(
    sel: Selected, dedupe: bool = True
) -> tuple[list[tuple[int, str]], CleanReport, frozenset[str]]:
    """``(position, final text)`` of the articles kept, in selection order, the report and
    the lines recurring across the selection that were dropped."""
    n = len(sel.texts)
    alive = list(range(n))
    exact: set[int] = set()
    near: set[int] = set()
    if dedupe and n > 1:
        far = dt.date.max
        order = sorted(alive, key=lambda i: (sel.published[i] is None, sel.published[i] or far,
                                             -sel.raw_chars[i], i))
        seen: set[bytes] = set()
        for i in order:
            if sel.exact_keys[i] in seen:
                exact.add(i)
            else:
                seen.add(sel.exact_keys[i])
        rest = [i for i in order if i not in exact]
        near = _near(sel, rest) if len(rest) > 1 else set()
        alive = [i for i in alive if i not in exact and i not in near]
    holders: set[int] | None = None  # positions in ``alive`` of texts that may hold a key
    if sel.recurring is not None:
        keys, holders = sel.recurring(alive)
    else:
        keys = frequent_lines((sel.texts[i] for i in alive), len(alive))
    out: list[tuple[int, str]] = []
    dropped = empty = 0
    for j, i in enumerate(alive):
        if holders is not None and j not in holders:
            out.append((i, sel.texts[i]))
            continue
        text, k = drop_lines(sel.texts[i], keys)
        dropped += k
        if k and not _LETTER.search(text):
            empty += 1
            continue
        out.append((i, text))
    report = CleanReport(
        articles_in=n,
        exact_duplicates=len(exact),
        near_duplicates=len(near),
        boilerplate_lines=sel.boilerplate_lines + dropped,
        comment_sections=sel.comment_sections,
        empty=empty,
    )
    return out, report, keys


def _near(sel: Selected, rest: Sequence[int], threshold: float = THRESHOLD) -> set[int]:
    """:func:`newsline.clean.dedupe.near_duplicates` with the stored band keys (shingle
    sets computed only for the pairs it verifies)."""
    cache: dict[int, np.ndarray] = {}

    def shingle_set(i: int) -> np.ndarray:
        if i not in cache:
            ids, _ = word_ids([sel.texts[i]])
            cache[i] = shingles(ids)
        return cache[i]

    def similar(i: int, c: int) -> bool:
        return jaccard(shingle_set(i), shingle_set(c)) >= threshold

    return greedy_near(sel.bands, rest, sel.n_shingles, similar, threshold=threshold)

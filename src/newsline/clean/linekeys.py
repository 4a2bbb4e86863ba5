"""Recurring-line keys: the part of :func:`~newsline.clean.boilerplate.frequent_lines`
that depends on one text alone.

``frequent_lines`` finds the short lines that recur across a collection (site
furniture) in two steps: per text, its distinct short stripped lines and their
comparison keys (:func:`~newsline.clean.boilerplate.normalize`); then, over the
collection, how many texts have each key. The first step is :func:`line_keys`
(``index add`` stores it per article: ``lines/<shard>.parquet``), the second
:func:`recurring`; a selection from the store only counts.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import chain

from .boilerplate import _SENTENCE_END, MAX_LINE_CHARS, normalize_lines


def short_lines(text: str) -> list[str]:
    """The distinct short lines of ``text`` (stripped, as written), in order of first occurrence."""
    return list(dict.fromkeys(s for s in map(str.strip, text.split("\n"))
                              if s and len(s) <= MAX_LINE_CHARS))


def line_keys(texts: Iterable[str]) -> tuple[list[list[str]], list[list[str]]]:
    """Per text: :func:`short_lines` and the comparison key of each."""
    per_text = [short_lines(text) for text in texts]
    distinct = list(dict.fromkeys(chain.from_iterable(per_text)))
    key_of = dict(zip(distinct, normalize_lines(distinct), strict=True))
    return per_text, [[key_of[s] for s in lines] for lines in per_text]


def threshold(n_texts: int) -> float:
    """In how many texts a line must occur to be frequent (twice as many if sentence-like)."""
    return max(3.0, min(0.01 * n_texts, 50.0))


def sentence_like(line: str, key: str) -> bool:
    """Whether a line reads like a sentence (ends with ``.``, ``!`` or ``?``, 4 words or more)."""
    # keys are words joined by single spaces: 3 spaces = 4 words
    return _SENTENCE_END.search(line) is not None and key.count(" ") >= 3


def recurring(lines: Sequence[Sequence[str]], keys: Sequence[Sequence[str]],
              n_texts: int) -> frozenset[str]:
    """The frequent lines of texts whose :func:`line_keys` are ``lines``, ``keys``
    (:func:`~newsline.clean.boilerplate.frequent_lines` says which)."""
    at_least = threshold(n_texts)
    counts: Counter[str] = Counter(chain.from_iterable(set(k) for k in keys))
    counts.pop("", None)
    # whether a key reads like a sentence is judged on the first line that gave it
    first_line: dict[str, str] = {}
    for line, key in zip(chain.from_iterable(lines), chain.from_iterable(keys), strict=True):
        first_line.setdefault(key, line)
    frequent = {
        key
        for key, c in counts.items()
        if c >= at_least and (c >= 2 * at_least or not sentence_like(first_line[key], key))
    }
    return frozenset(s for s, key in zip(chain.from_iterable(lines), chain.from_iterable(keys),
                                          strict=True) if key in frequent)


def key_hash(key: str) -> int:
    """A 64-bit hash of a comparison key (0 only for the empty key, which never recurs)."""
    if not key:
        return 0
    digest = hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "little") | 1


def line_hashes(texts: Iterable[str]) -> list[list[int]]:
    """Per text: the :func:`key_hash` of each of its :func:`short_lines` (what ``index
    add`` stores)."""
    return [[key_hash(k) for k in keys] for keys in line_keys(texts)[1]]

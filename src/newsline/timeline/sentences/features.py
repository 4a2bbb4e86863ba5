"""Per-candidate features of a sentence as the summary of a date.

Static features describe the sentence (length, position, form); dynamic
ones its relation to the date (mentions it or only published on it, how many
days between publication and the date). A learned sentence scorer combines
them with the summarizer's similarity features.
"""

from __future__ import annotations

import datetime as dt
import math
import re

import numpy as np

from ..candidates import PooledSentence

CONTEXT_FEATURES = (
    "explicit",  # the sentence mentions the date (else: published on it)
    "lag",  # log1p(|days between publication and the date|)
    "before",  # published before the date (a forward reference)
    "length",  # tokens / 30
    "length2",  # (tokens / 30) ** 2
    "position",  # log1p(sentence index in its article)
    "n_dates",  # dates the sentence mentions
    "question",
    "quote",
    "first_person",
    "comment",
    "digits",  # the sentence contains a number
)

_FIRST = re.compile(r"(?:^|\s)(?:I|I 'm|I'm|we|We|my|My|our|Our|me)\s")
_QUOTE = re.compile(r"^\s*(?:``|\"|“|')")
_COMMENT = re.compile(r"\|")
_DIGIT = re.compile(r"\d")


def static_features(text: str, index: int, n_dates: int) -> tuple[float, ...]:
    t = text.rstrip()
    n = (t.count(" ") + 1) / 30.0
    return (
        n,
        n * n,
        math.log1p(index),
        float(n_dates),
        float("?" in t[-4:]),
        float(bool(_QUOTE.match(t))),
        float(bool(_FIRST.search(" " + t))),
        float(bool(_COMMENT.search(t))),
        float(bool(_DIGIT.search(t))),
    )


def context_matrix(
    sentences: list[PooledSentence], day: dt.date, static: list[tuple[float, ...]]
) -> np.ndarray:
    rows = []
    for ps, st in zip(sentences, static, strict=True):
        explicit = day in ps.dates
        pub = ps.published
        lag = (pub - day).days if pub is not None else 0
        rows.append((float(explicit), math.log1p(abs(lag)), float(lag < 0), *st))
    return np.asarray(rows, dtype=np.float64).reshape(len(rows), len(CONTEXT_FEATURES))

"""Sensible timeline length when the user does not ask for one."""

from __future__ import annotations

import math

import numpy as np


def default_n_dates(scores: np.ndarray, n_articles: int) -> int:
    """How many dates a reader wants for a corpus of this size.

    Grows with the square root of the corpus (5 dates for a handful of
    articles, 10 for 45, 40 (the cap) from about 700), capped by the dates that stand out:
    those scoring at least a fifth of the best date (scores measured from the
    lowest, so any ranker's scale works).
    """
    if len(scores) == 0:
        return 0
    by_size = int(round(1.5 * math.sqrt(max(n_articles, 1))))
    by_size = max(5, min(40, by_size))
    rel = scores - scores.min()
    salient = int((rel >= 0.2 * rel.max()).sum()) if rel.max() > 0 else len(scores)
    return max(1, min(by_size, salient, len(scores)))


DEFAULT_SENTENCES = 2

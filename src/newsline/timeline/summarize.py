"""Extractive per-date summarization: TF-IDF centroid with redundancy control.

For each date, the candidate sentences (those about the date) are embedded
with TF-IDF fitted on all candidates of the timeline; the summarizer greedily
picks the sentence closest to the date's centroid that is not too similar to
anything already in the timeline (MMR-style).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

_PTB = frozenset({"lrb", "rrb", "lsb", "rsb", "lcb", "rcb"})
STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) | _PTB
_WORD = re.compile(r"(?u)\b[^\W\d_][\w'-]*\b")


def analyzer(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.lower()) if w not in STOP_WORDS and len(w) > 1]


@dataclass(frozen=True)
class SentenceFilter:
    """Length limits (in words) of summary sentences."""

    min_words: int = 5
    max_words: int = 60

    def ok(self, text: str) -> bool:
        n = text.count(" ") + 1
        return self.min_words <= n <= self.max_words


class CentroidSummarizer:
    """Pick ``k`` sentences per date near the date's TF-IDF centroid, avoiding repeats."""

    def __init__(self, redundancy: float = 0.5, lambda_: float = 0.7) -> None:
        self.redundancy = redundancy
        self.lambda_ = lambda_

    def fit(self, texts: Sequence[str]) -> CentroidSummarizer:
        self.vectorizer_ = TfidfVectorizer(analyzer=analyzer, sublinear_tf=True)
        self.matrix_ = self.vectorizer_.fit_transform(texts) if texts else sparse.csr_matrix((0, 0))
        return self

    def select(
        self, candidates: Sequence[int], k: int, chosen: list[int], weights: np.ndarray | None = None
    ) -> list[int]:
        """Indices (into the fitted texts) of up to ``k`` sentences from ``candidates``."""
        if not candidates or k <= 0:
            return []
        M = self.matrix_[list(candidates)]
        centroid = np.asarray(M.mean(axis=0)).ravel()
        norm = np.linalg.norm(centroid)
        if norm == 0:
            return list(candidates[:k])
        rel = M @ (centroid / norm)
        rel = np.asarray(rel).ravel()
        if weights is not None:
            rel = rel * weights
        picked: list[int] = []
        prior = self.matrix_[chosen] if chosen else None
        for j in np.argsort(-rel, kind="stable"):
            idx = candidates[int(j)]
            row = self.matrix_[idx]
            sims = []
            if prior is not None:
                sims.append((prior @ row.T).max())
            if picked:
                sims.append((self.matrix_[picked] @ row.T).max())
            if sims and max(sims) > self.redundancy:
                continue
            picked.append(idx)
            if len(picked) == k:
                break
        return picked

"""Extractive per-date summarization: TF-IDF centroid with redundancy control.

For each date, the candidate sentences (those about the date) are embedded
with TF-IDF fitted on all candidates of the timeline; the summarizer greedily
picks the sentence closest to the date's centroid that is not too similar to
anything already in the timeline (MMR-style).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from ..text.stopwords import smart_stopwords
from .tfidf import tfidf_matrix

_PTB = frozenset({"lrb", "rrb", "lsb", "rsb", "lcb", "rcb"})
# Calendar and clock words say when, not what: they would pull every sentence
# of a date towards each other without telling events apart.
_CALENDAR = frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "today", "yesterday", "tomorrow", "week", "weeks", "month", "months", "year", "years", "day", "days", "update", "updated", "et", "gmt", "pm", "am"]
)
STOP_WORDS = smart_stopwords() | _PTB | _CALENDAR
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
    """Pick ``k`` sentences per date near the date's TF-IDF centroid, avoiding repeats.

    Relevance of a candidate is its cosine to the centroid of the date's
    candidates plus ``topic_weight`` times its cosine to the centroid of all
    candidates of the timeline (what the whole story is about). With
    ``weighted_centroid`` the date's centroid is the mean weighted by the
    candidates' priors (the ``weights`` of :meth:`select`), so sentences the
    method trusts less to be about the date (another date's event, a
    question, a comment) shape it less. Greedy selection skips a sentence
    whose cosine to a sentence of an earlier date exceeds ``redundancy``, or
    to one already picked for the same date exceeds ``within_redundancy``
    (stricter: a date's sentences should each add something, while two dates
    may share the story's words). ``analyzer`` turns a sentence into the terms
    of its TF-IDF vector.
    """

    def __init__(
        self,
        redundancy: float = 0.5,
        topic_weight: float = 0.9,
        analyzer: Callable[[str], list[str]] = analyzer,
        weighted_centroid: bool = True,
        within_redundancy: float = 0.25,
    ) -> None:
        self.redundancy = redundancy
        self.topic_weight = topic_weight
        self.analyzer = analyzer
        self.weighted_centroid = weighted_centroid
        self.within_redundancy = within_redundancy

    def fit(self, texts: Sequence[str]) -> CentroidSummarizer:
        self.matrix_ = tfidf_matrix(texts, self.analyzer).tocsr()
        g = np.asarray(self.matrix_.mean(axis=0)).ravel() if texts else np.zeros(0)
        n = np.linalg.norm(g)
        self.topic_ = g / n if n else g
        return self

    def similarities(
        self, candidates: Sequence[int], weights: np.ndarray | None = None
    ) -> np.ndarray:
        """(n, 2): cosine of each candidate to the date centroid (the mean of the
        candidates, weighted by ``weights`` if given) and to the topic centroid."""
        M = self.matrix_[list(candidates)]
        if weights is not None and float(np.sum(weights)) > 0:
            centroid = np.asarray(M.T @ np.asarray(weights, dtype=np.float64)).ravel()
        else:
            centroid = np.asarray(M.mean(axis=0)).ravel()
        norm = np.linalg.norm(centroid)
        to_date = np.asarray(M @ (centroid / norm)).ravel() if norm else np.zeros(M.shape[0])
        to_topic = np.asarray(M @ self.topic_).ravel() if self.topic_.size else to_date * 0
        return np.column_stack([to_date, to_topic])

    def relevance(
        self,
        candidates: Sequence[int],
        context: np.ndarray | None,
        weights: np.ndarray | None = None,
    ) -> np.ndarray:
        sims = self.similarities(candidates, weights)
        return sims[:, 0] + self.topic_weight * sims[:, 1]

    def select(
        self,
        candidates: Sequence[int],
        k: int,
        chosen: list[int],
        weights: np.ndarray | None = None,
        context: np.ndarray | None = None,
    ) -> list[int]:
        """Indices (into the fitted texts) of up to ``k`` sentences from ``candidates``.

        ``weights`` multiply the relevance; ``context`` holds per-candidate
        features for scorers that use them.
        """
        if not candidates or k <= 0:
            return []
        centroid_weights = weights if self.weighted_centroid else None
        rel = self.relevance(candidates, context, weights=centroid_weights)
        if weights is not None:
            # Priors scale relevance; shift it to be positive first so that a
            # prior below 1 always lowers a candidate (learned scores can be < 0).
            rel = (rel - rel.min() + 1e-3) * weights
        picked: list[int] = []
        prior = self.matrix_[chosen] if chosen else None
        for j in np.argsort(-rel, kind="stable"):
            idx = candidates[int(j)]
            row = self.matrix_[idx]
            if prior is not None and (prior @ row.T).max() > self.redundancy:
                continue
            if picked and (self.matrix_[picked] @ row.T).max() > self.within_redundancy:
                continue
            picked.append(idx)
            if len(picked) == k:
                break
        return picked

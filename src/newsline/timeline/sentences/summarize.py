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
from itertools import filterfalse

import numpy as np
from threadpoolctl import threadpool_limits

from ...text.quality import is_stamp
from ...text.stopwords import smart_stopwords
from .tfidf import tfidf_matrix

_PTB = frozenset({"lrb", "rrb", "lsb", "rsb", "lcb", "rcb"})
# Calendar and clock words say when, not what: they would pull every sentence
# of a date towards each other without telling events apart.
_CALENDAR = frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "today", "yesterday", "tomorrow", "week", "weeks", "month", "months", "year", "years", "day", "days", "update", "updated", "et", "gmt", "pm", "am"]
)
STOP_WORDS = smart_stopwords() | _PTB | _CALENDAR
# Terms: a letter, then letters, digits, apostrophes or hyphens; one-letter words
# are not terms (the pattern needs a second character).
_WORD = re.compile(r"(?u)\b[^\W\d_][\w'-]+\b")


def analyzer(text: str) -> list[str]:
    return list(filterfalse(STOP_WORDS.__contains__, _WORD.findall(text.lower())))


@dataclass(frozen=True)
class SentenceFilter:
    """Length limits (in words) of summary sentences; a page stamp is never one."""

    min_words: int = 5
    max_words: int = 60

    def ok(self, text: str) -> bool:
        """Within the limits, and no page stamp ("Updated 3:15 p.m. ET, March 5, 2015")."""
        n = text.count(" ") + 1
        return self.min_words <= n <= self.max_words and not is_stamp(text)


class GreedySummarizer:
    """Greedy selection of each date's sentences, shared by the summarizers.

    A subclass ranks a date's candidates (:meth:`ranked`) and measures how
    close a sentence is to ones already taken (:meth:`similarity`); a
    sentence is skipped when it is closer than ``redundancy`` to a sentence of
    another date or than ``within_redundancy`` to one of its own date.
    """

    redundancy: float
    within_redundancy: float
    uses_context = True
    """Whether :meth:`ranked` reads ``context`` (a method may leave it None if not)."""
    _block = 8  # candidates checked against other dates' sentences at once

    def ranked(
        self,
        candidates: Sequence[int],
        weights: np.ndarray | None = None,
        context: np.ndarray | None = None,
    ) -> list[int]:
        raise NotImplementedError

    def similarity(self, taken: Sequence[int], js: Sequence[int]) -> np.ndarray:
        """For each sentence of ``js``, its highest similarity to any of ``taken``."""
        raise NotImplementedError

    def select(
        self,
        candidates: Sequence[int],
        k: int,
        chosen: list[int],
        weights: np.ndarray | None = None,
        context: np.ndarray | None = None,
    ) -> list[int]:
        """Indices (into the fitted texts) of up to ``k`` sentences from
        ``candidates`` for one date, none too close to ``chosen`` (other dates').

        ``weights`` multiply the relevance; ``context`` holds per-candidate
        features for scorers that use them.
        """
        return self.select_timeline([(candidates, weights, context)], k, chosen)[0]

    def select_timeline(
        self,
        groups: Sequence[tuple[Sequence[int], np.ndarray | None, np.ndarray | None]],
        k: int,
        chosen: Sequence[int] = (),
        by_slot: bool = True,
    ) -> list[list[int]]:
        """Up to ``k`` sentences for each date of a timeline, best date first.

        ``groups`` holds per date its candidates, priors and context (as
        :meth:`select`). With ``by_slot`` every date gets its first sentence
        before any date gets its second, and so on: otherwise a date's k-th
        sentence can take the one new thing a later date had to say, and that
        date is left out of the timeline. Without it, dates are filled one
        after the other.
        """
        if k <= 0:
            return [[] for _ in groups]
        # One BLAS thread: a norm over a large vocabulary would otherwise wake
        # OpenBLAS's threads (slow on a busy machine, and its sum then depends on
        # how many there are).
        with threadpool_limits(1, user_api="blas"):
            orders = [self.ranked(c, w, x) for c, w, x in groups]
        picks: list[list[int]] = [[] for _ in groups]
        next_at = [0] * len(groups)
        taken: list[int] = list(chosen)
        rounds, per_round = (k, 1) if by_slot else (1, k)
        for r in range(rounds):
            for g, order in enumerate(orders):
                own = picks[g]
                if len(own) < r * per_round:  # ran out of new sentences earlier
                    continue
                mine = set(own)
                others = [j for j in taken if j not in mine]
                goal = len(own) + per_round
                while next_at[g] < len(order) and len(own) < goal:
                    # Taken sets only grow, so a sentence skipped once stays
                    # skipped; the next few are checked against other dates at once.
                    block = order[next_at[g] : next_at[g] + self._block]
                    near = self.similarity(others, block) if others else np.zeros(len(block))
                    for j, close in zip(block, near, strict=True):
                        next_at[g] += 1
                        if close > self.redundancy:
                            continue
                        if own and self.similarity(own, [j])[0] > self.within_redundancy:
                            continue
                        own.append(j)
                        taken.append(j)
                        if len(own) == goal:
                            break
        return picks


class CentroidSummarizer(GreedySummarizer):
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

    uses_context = False  # (relevance is the two cosines)

    def __init__(
        self,
        redundancy: float = 0.45,
        topic_weight: float = 0.9,
        analyzer: Callable[[str], list[str]] = analyzer,
        weighted_centroid: bool = True,
        within_redundancy: float = 0.3,
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

    def ranked(
        self,
        candidates: Sequence[int],
        weights: np.ndarray | None = None,
        context: np.ndarray | None = None,
    ) -> list[int]:
        """``candidates`` best first by :meth:`weighted_relevance`."""
        if not candidates:
            return []
        rel = self.weighted_relevance(candidates, weights, context)
        return [candidates[int(j)] for j in np.argsort(-rel, kind="stable")]

    def weighted_relevance(
        self,
        candidates: Sequence[int],
        weights: np.ndarray | None = None,
        context: np.ndarray | None = None,
    ) -> np.ndarray:
        """Relevance of each candidate times its prior ``weights``."""
        centroid_weights = weights if self.weighted_centroid else None
        rel = self.relevance(candidates, context, weights=centroid_weights)
        if weights is not None:
            # Priors scale relevance; shift it to be positive first so that a
            # prior below 1 always lowers a candidate (learned scores can be < 0).
            rel = (rel - rel.min() + 1e-3) * weights
        return rel

    def similarity(self, taken: Sequence[int], js: Sequence[int]) -> np.ndarray:
        """For each sentence of ``js``, its highest TF-IDF cosine to any of ``taken``."""
        sims = (self.matrix_[list(js)] @ self.matrix_[list(taken)].T).toarray()
        return sims.max(axis=1)

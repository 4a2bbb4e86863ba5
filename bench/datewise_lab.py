"""Variants of the default ``datewise`` method on T17 and Entities (no trained model).

Each variant changes one thing of the default: which sentences are
candidates for a date, how sentences become TF-IDF vectors, or what the
relevance of a candidate adds to the date and topic centroids. Prepared
corpora come from ``tls_lab``'s cache, so a variant costs its builds and
scoring only. The figures are in BENCHMARKS.md ("Variants tried"). Rows of the
first two rounds change one thing of the default at the commit BENCHMARKS.md
names; third-round rows set the date-choice parameters they leave out to off.

    NEWSLINE_LAB_KEY=pin2 .venv/bin/python bench/datewise_lab.py
    .venv/bin/python bench/datewise_lab.py --variants default legacy-candidates
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from newsline.evaluate.stemmer import rouge_stem  # noqa: E402
from newsline.timeline.candidates import SentencePool  # noqa: E402
from newsline.timeline.methods.datewise import SUMMARY_LENGTH, Candidates, DateWise  # noqa: E402
from newsline.timeline.sentences.summarize import CentroidSummarizer, SentenceFilter, analyzer  # noqa: E402
from tls_lab import run, summary  # noqa: E402


class MaxLag(DateWise):
    """Mentions count only from articles published within ``max_lag`` days of the date."""

    def __init__(self, max_lag: int, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.max_lag = max_lag

    def candidates(self, pool: SentencePool) -> Candidates:
        out: Candidates = {}
        for d, idx in super().candidates(pool).items():
            keep = []
            for i in idx:
                ps = pool.sentences[i]
                lag = (ps.published - d).days if ps.published is not None else 0
                if d in ps.dates and abs(lag) > self.max_lag:
                    continue
                keep.append(i)
            if keep:
                out[d] = keep
        return out


class NextDays(DateWise):
    """Undated leads count for their day and the ``days`` days before it."""

    def __init__(self, days: int, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.days = days

    def candidates(self, pool: SentencePool) -> Candidates:
        out = super().candidates(pool)
        for i, ps in enumerate(pool.sentences):
            if ps.dates or ps.months or ps.published is None or not ps.keyword:
                continue
            if ps.sentence.index >= (self.lead_sentences or 10**9):
                continue
            if not self.sentence_filter.ok(ps.text):
                continue
            for k in range(2, self.days + 1):
                out.setdefault(ps.published - dt.timedelta(days=k), []).append(i)
        return out


class ArticleDate(DateWise):
    """Undated leads go to their article's event date: the day within two days
    before publication that its sentences mention most (else as the default)."""

    def __init__(self, also_default: bool, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.also_default = also_default

    def candidates(self, pool: SentencePool) -> Candidates:
        from collections import Counter

        counts: dict[int, Counter[dt.date]] = {}
        for ps in pool.sentences:
            if ps.published is None:
                continue
            for d in ps.dates:
                if 0 <= (ps.published - d).days <= 2:
                    counts.setdefault(ps.doc, Counter())[d] += 1
        out: Candidates = {}
        base = super().candidates(pool) if self.also_default else {}
        lead = self.lead_sentences or 10**9
        for i, ps in enumerate(pool.sentences):
            if not ps.keyword or not self.sentence_filter.ok(ps.text):
                continue
            if ps.dates:
                if not self.also_default:
                    for d in ps.dates:
                        out.setdefault(d, []).append(i)
                continue
            if ps.months or ps.published is None or ps.sentence.index >= lead:
                continue
            c = counts.get(ps.doc)
            if c:
                day = c.most_common(1)[0][0]
                out.setdefault(day, []).append(i)
            elif not self.also_default:
                out.setdefault(ps.published, []).append(i)
                out.setdefault(ps.published - dt.timedelta(days=1), []).append(i)
        for d, idx in base.items():
            have = set(out.get(d, []))
            out.setdefault(d, []).extend(i for i in idx if i not in have)
        return {d: sorted(set(v)) for d, v in out.items()}


class ChosenCandidates(DateWise):
    """The summarizer is fitted on the candidates of the chosen dates only."""

    def vocabulary(self, candidates: Candidates, dates: list[dt.date]) -> list[int]:
        return sorted({i for d in dates for i in candidates[d]})


class _ThinSummarizer(CentroidSummarizer):
    def __init__(self, min_terms: int, weight: float) -> None:
        super().__init__()
        self.min_terms, self.weight = min_terms, weight

    def relevance(self, candidates: Sequence[int], context: np.ndarray | None, weights=None) -> np.ndarray:
        rel = super().relevance(candidates, context, weights)
        thin = np.array([self.matrix_[j].nnz < self.min_terms for j in candidates])
        return np.where(thin, rel * self.weight, rel)


class Thin(DateWise):
    """Sentences with fewer than ``min_terms`` distinct content words weighted down."""

    def __init__(self, min_terms: int, weight: float, **kwargs: object) -> None:
        super().__init__(summarizer=_ThinSummarizer(min_terms, weight), **kwargs)  # type: ignore[arg-type]


class OwnDayFirst(DateWise):
    """An undated lead is no candidate for the day before its publication when
    its publication day is itself in the timeline."""

    def summarize(self, pool, candidates, dates, k, score_of=None):  # type: ignore[override]
        chosen = set(dates)
        out = dict(candidates)
        for d in dates:
            nxt = d + dt.timedelta(days=1)
            if nxt not in chosen:
                continue
            keep = [
                i
                for i in candidates[d]
                if pool.sentences[i].dates or pool.sentences[i].published != nxt
            ]
            out[d] = keep or candidates[d]
        return super().summarize(pool, out, dates, k, score_of)


class PlusCentroid(CentroidSummarizer):
    """Relevance plus ``weight`` x cosine to the centroid of a subset of the date's
    candidates: ``later`` (in articles published 2+ days after the date),
    ``explicit`` (mentioning the date) or ``undated`` (the undated leads)."""

    def __init__(self, subset: str, weight: float) -> None:
        super().__init__()
        self.subset = subset
        self.weight = weight

    def relevance(self, candidates: Sequence[int], context: np.ndarray | None, weights=None) -> np.ndarray:
        base = super().relevance(candidates, context, weights)
        if context is None:
            return base
        explicit = context[:, 0] > 0
        mask = {
            "later": (context[:, 2] == 0) & (context[:, 1] > np.log1p(1.5)),
            "explicit": explicit,
            "undated": ~explicit,
        }[self.subset]
        if not mask.any():
            return base
        M = self.matrix_[list(candidates)]
        c = np.asarray(M[np.flatnonzero(mask)].mean(axis=0)).ravel()
        n = np.linalg.norm(c)
        return base + self.weight * (np.asarray(M @ (c / n)).ravel() if n else 0.0)


class WithinDate(CentroidSummarizer):
    """Redundancy checked only among the sentences of the same date."""

    def select(self, candidates, k, chosen, weights=None, context=None):  # type: ignore[override]
        return super().select(candidates, k, [], weights, context)


class TextRank(CentroidSummarizer):
    """Relevance mixes the date-centroid cosine with TextRank centrality
    (PageRank over the cosine graph of the date's candidates, damping .85),
    rescaled to the cosine's range; ``mix`` is the TextRank share."""

    def __init__(self, mix: float) -> None:
        super().__init__()
        self.mix = mix

    def relevance(self, candidates: Sequence[int], context: np.ndarray | None, weights=None) -> np.ndarray:
        sims = self.similarities(candidates, weights)
        M = self.matrix_[list(candidates)]
        S = (M @ M.T).toarray()
        np.fill_diagonal(S, 0.0)
        n = len(candidates)
        rows = S.sum(axis=1, keepdims=True)
        rows[rows == 0] = 1.0
        P = S / rows
        r = np.full(n, 1.0 / n)
        for _ in range(30):
            r = 0.15 / n + 0.85 * (P.T @ r)
        central = r / max(r.max(), 1e-12) * sims[:, 0].max()
        return (1 - self.mix) * sims[:, 0] + self.mix * central + self.topic_weight * sims[:, 1]


class LengthPrior(DateWise):
    """Candidates weighted by a log-normal prior on their length in words
    (mode ``words``, log-scale width ``sigma``)."""

    def __init__(self, words: float, sigma: float, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.words, self.sigma = words, sigma

    def pub_weights(self, sents: list, day: dt.date) -> np.ndarray:
        n = np.array([ps.text.count(" ") + 1 for ps in sents], dtype=float)
        z = (np.log(n) - np.log(self.words)) / self.sigma
        return super().pub_weights(sents, day) * np.exp(-0.5 * z * z)


def _stemmed(text: str) -> list[str]:
    return [rouge_stem(w) if len(w) > 3 else w for w in analyzer(text)]


def _bigrams(text: str) -> list[str]:
    u = analyzer(text)
    return u + [f"{a}_{b}" for a, b in zip(u, u[1:], strict=False)]


def _dw(**kwargs: object) -> Callable[[], DateWise]:
    return lambda: DateWise(sentence_filter=SUMMARY_LENGTH, **kwargs)  # type: ignore[arg-type]


VARIANTS: dict[str, Callable[[], DateWise]] = {
    "default": _dw(),
    "legacy-candidates": _dw(lead_sentences=None, next_day=False),
    "lead-only": _dw(next_day=False),
    "next-day-only": _dw(lead_sentences=None),
    "lead-4": _dw(lead_sentences=4),
    "lead-8": _dw(lead_sentences=8),
    "next-2-days": lambda: NextDays(2, sentence_filter=SUMMARY_LENGTH),
    "mention-lag-7": lambda: MaxLag(7, sentence_filter=SUMMARY_LENGTH),
    "mention-lag-30": lambda: MaxLag(30, sentence_filter=SUMMARY_LENGTH),
    "stemmed-tfidf": _dw(summarizer=CentroidSummarizer(analyzer=_stemmed)),
    "bigram-tfidf": _dw(summarizer=CentroidSummarizer(analyzer=_bigrams)),
    "plus-later-0.3": _dw(summarizer=PlusCentroid("later", 0.3)),
    "plus-explicit-0.3": _dw(summarizer=PlusCentroid("explicit", 0.3)),
    "plus-undated-0.3": _dw(summarizer=PlusCentroid("undated", 0.3)),
    "topic-0.5": _dw(summarizer=CentroidSummarizer(topic_weight=0.5)),
    "topic-1.0": _dw(summarizer=CentroidSummarizer(topic_weight=1.0)),
    "no-secondary-prior": _dw(secondary=1.0),
    "secondary-0.7": _dw(secondary=0.7),
    "secondary-0.3": _dw(secondary=0.3),
    "no-fragment-prior": _dw(fragment=1.0),
    "thin-4-0.5": lambda: Thin(4, 0.5, sentence_filter=SUMMARY_LENGTH),
    "thin-5-0.5": lambda: Thin(5, 0.5, sentence_filter=SUMMARY_LENGTH),
    "thin-6-0.5": lambda: Thin(6, 0.5, sentence_filter=SUMMARY_LENGTH),
    "own-day-first": lambda: OwnDayFirst(sentence_filter=SUMMARY_LENGTH),
    "next-day-weight-0.85": _dw(next_day_weight=0.85),
    "next-day-weight-0.7": _dw(next_day_weight=0.7),
    "next-day-weight-0.5": _dw(next_day_weight=0.5),
    "redundancy-0.3": _dw(summarizer=CentroidSummarizer(redundancy=0.3)),
    "redundancy-0.4": _dw(summarizer=CentroidSummarizer(redundancy=0.4)),
    "redundancy-0.7": _dw(summarizer=CentroidSummarizer(redundancy=0.7)),
    "article-date": lambda: ArticleDate(False, sentence_filter=SUMMARY_LENGTH),
    "article-date+default": lambda: ArticleDate(True, sentence_filter=SUMMARY_LENGTH),
    "fit-chosen-candidates": lambda: ChosenCandidates(sentence_filter=SUMMARY_LENGTH),
    "redundancy-within-date": _dw(summarizer=WithinDate()),
    "words-8-40": lambda: DateWise(sentence_filter=SentenceFilter(8, 40)),
    "words-8-35": lambda: DateWise(sentence_filter=SentenceFilter(8, 35)),
    "words-10-45": lambda: DateWise(sentence_filter=SentenceFilter(10, 45)),
    # Round three (BENCHMARKS.md, "third round").
    **{f"entry-{w}": _dw(entry=w, chronology=0.0, spread=0.0) for w in (1.0, 1.6, 2.0, 3.0)},
    # Date choice, with DateWise's own parameters (spread penalty lam and its reach
    # tau, chronology weight w), each off unless set.
    **{
        f"spread-{lam}-{tau}": _dw(chronology=0.0, spread=lam, spread_tau=tau)
        for lam in (0.05, 0.1, 0.2, 0.4)
        for tau in (0.5, 1.0, 2.0, 3.0)
    },
    **{f"entry-dates-{w}": _dw(chronology=w, spread=0.0) for w in (0.25, 0.5, 1.0, 2.0, 3.0, 4.0)},
    **{
        f"entry-dates-{w}+spread-{lam}-{tau}": _dw(chronology=w, spread=lam, spread_tau=tau)
        for w in (2.0, 3.0)
        for lam, tau in ((0.05, 0.5), (0.05, 1.0))
    },
    **{
        f"textrank-{m}": _dw(summarizer=TextRank(m), chronology=0.0, spread=0.0)
        for m in (0.3, 0.6, 1.0)
    },
    **{
        f"length-prior-{w}-{sg}": (
            lambda w=w, sg=sg: LengthPrior(
                w, sg, sentence_filter=SUMMARY_LENGTH, chronology=0.0, spread=0.0
            )
        )
        for w in (15, 22, 30)
        for sg in (0.5, 1.0)
    },
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--datasets", nargs="+", default=["t17", "entities"])
    ap.add_argument("--variants", nargs="+", default=list(VARIANTS), choices=list(VARIANTS))
    args = ap.parse_args()
    for name in args.variants:
        for ds in args.datasets:
            print(summary(name, ds, run(ds, lambda _t, n=name: VARIANTS[n]())), flush=True)


if __name__ == "__main__":
    main()

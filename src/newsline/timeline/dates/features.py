"""Date features: what the sentence pool says about each candidate date.

Every candidate date gets a feature vector computed from the sentence pool
(publication and mention counts, keyword-bearing mentions, how much later
articles keep referring back to it). Back-references are corrected for the
end of the collection: a date near its end has had little time and few later
articles to be referred to (:func:`censoring_factors`). Rankers
(:mod:`.select`, :mod:`.ranker`) turn the features into scores.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from ..candidates import SentencePool

FEATURES = (
    "pub",  # articles published on d
    "pub_next",  # articles published on d+1
    "ment",  # sentences mentioning d
    "ment_docs",  # distinct articles mentioning d
    "ment_kw",  # keyword sentences mentioning d
    "ment_kw_docs",  # distinct articles with a keyword sentence mentioning d
    "ment_later_est",  # distinct articles published > 1 day after d mentioning d (censoring-corrected)
    "ment_span_est",  # days between d and the last article mentioning it (censoring-corrected)
    "pub_kw",  # keyword sentences in articles published on d
    "ment_near_docs",  # distinct articles published 0-2 days after d mentioning d
    "ment_peak",  # ment_docs of d above the mean of the 3 days either side
    "pub_peak",  # pub of d above the mean of the 3 days either side
)


@dataclass(frozen=True)
class DateFeatures:
    dates: list[dt.date]
    X: np.ndarray  # (n_dates, n_features), raw counts

    def normalized(self) -> np.ndarray:
        """Counts divided by their maximum over the candidate dates, then log-damped."""
        X = np.log1p(self.X)
        m = X.max(axis=0)
        m[m == 0] = 1.0
        return X / m


def date_features(
    pool: SentencePool,
    start: dt.date | None = None,
    end: dt.date | None = None,
    censoring: float | None = None,
) -> DateFeatures:
    """Features of every date that is published on or mentioned (within bounds).

    ``censoring`` is the prior of :func:`censoring_factors` (default
    :data:`CENSORING_PRIOR`); ``float("inf")`` turns the correction off."""
    pub: dict[dt.date, int] = defaultdict(int)
    pub_kw: dict[dt.date, int] = defaultdict(int)
    ment: dict[dt.date, int] = defaultdict(int)
    ment_docs: dict[dt.date, set[int]] = defaultdict(set)
    ment_kw: dict[dt.date, int] = defaultdict(int)
    ment_kw_docs: dict[dt.date, set[int]] = defaultdict(set)
    later: dict[dt.date, set[int]] = defaultdict(set)
    near: dict[dt.date, set[int]] = defaultdict(set)
    last: dict[dt.date, dt.date] = {}
    for doc in pool.documents:
        p = doc.article.published
        if p is not None:
            pub[p] += 1
    for ps in pool.sentences:
        if ps.keyword and ps.published is not None:
            pub_kw[ps.published] += 1
        for d in ps.dates:
            ment[d] += 1
            ment_docs[d].add(ps.doc)
            if ps.keyword:
                ment_kw[d] += 1
                ment_kw_docs[d].add(ps.doc)
            p = ps.published
            if p is not None:
                lag = (p - d).days
                if lag > 1:
                    later[d].add(ps.doc)
                if 0 <= lag <= 2:
                    near[d].add(ps.doc)
                if d not in last or p > last[d]:
                    last[d] = p
    lo = start or dt.date.min
    hi = end or dt.date.max
    dates = sorted(d for d in set(pub) | set(ment) if lo <= d <= hi)
    X = np.zeros((len(dates), len(FEATURES)), dtype=np.float64)

    def around(counts: dict[dt.date, int], d: dt.date) -> float:
        return sum(counts.get(d + dt.timedelta(days=k), 0) for k in (-3, -2, -1, 1, 2, 3)) / 6

    ment_docs_n = {d: len(v) for d, v in ment_docs.items()}
    later_f, span_f = censoring_factors(
        pub, dates, CENSORING_PRIOR if censoring is None else censoring
    )
    for i, d in enumerate(dates):
        X[i] = (
            pub.get(d, 0),
            pub.get(d + dt.timedelta(days=1), 0),
            ment.get(d, 0),
            len(ment_docs.get(d, ())),
            ment_kw.get(d, 0),
            len(ment_kw_docs.get(d, ())),
            len(later.get(d, ())) * later_f[i],
            (max(0, (last[d] - d).days) if d in last else 0) * span_f[i],
            pub_kw.get(d, 0),
            len(near.get(d, ())),
            max(0.0, ment_docs_n.get(d, 0) - around(ment_docs_n, d)),
            max(0.0, pub.get(d, 0) - around(pub, d)),
        )
    return DateFeatures(dates, X)


CENSORING_PRIOR = 0.05


def censoring_factors(
    pub: dict[dt.date, int], dates: list[dt.date], prior: float = CENSORING_PRIOR
) -> tuple[np.ndarray, np.ndarray]:
    """Per date, the factors that correct its back-reference counts for the
    end of the collection (right-censoring).

    Later mentions of ``d`` can only come from articles published after
    ``d + 1``, and its mention span cannot reach past the last publication
    day: a date near the end of the corpus would otherwise lose to an older
    one that simply had more time and more articles to be recalled in. The
    first factor is N / (articles published after d + 1), the second
    (publication span) / (days from d to the last publication day), both
    shrunk towards 1 by adding ``prior`` times the whole to numerator and
    denominator, so a date right at the end is not raised without bound.
    """
    n = len(dates)
    if not pub or n == 0 or not np.isfinite(prior):
        return np.ones(n), np.ones(n)
    days = sorted(pub)
    ords = np.array([d.toordinal() for d in days])
    cum = np.cumsum([pub[d] for d in days])
    total = float(cum[-1])
    first, last = ords[0], ords[-1]
    span = float(max(last - first, 1))
    at = np.array([d.toordinal() for d in dates])
    upto = np.searchsorted(ords, at + 1, side="right")
    after = total - np.where(upto > 0, cum[np.maximum(upto - 1, 0)], 0)
    k = prior * total
    later = (total + k) / (after + k)
    remain = np.clip(last - at, 0, None).astype(np.float64)
    s = prior * span
    return later, (span + s) / (remain + s)

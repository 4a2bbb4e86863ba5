"""Turning date scores into the timeline's dates.

:class:`LinearDateRanker` scores the features of :mod:`.features` with fixed,
unsupervised weights (the learned rankers of :mod:`.ranker` follow the same
``score`` contract); :func:`chronology_docs` counts the outlets' own
chronologies per date; :func:`select_dates` picks the top dates, spread over
the timeline's span.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import numpy as np

from ...text.quality import entry_label
from ..candidates import SentencePool
from .features import FEATURES, DateFeatures


class LinearDateRanker:
    """Score = weights · normalized features. Unsupervised default weights."""

    DEFAULT_WEIGHTS = {
        "pub": 0.5,
        "pub_next": 0.2,
        "ment": 0.3,
        "ment_docs": 0.5,
        "ment_kw": 0.5,
        "ment_kw_docs": 1.0,
        "ment_later_est": 0.5,
        "ment_span_est": 0.1,
        "pub_kw": 0.3,
    }

    def __init__(self, weights: dict[str, float] | None = None) -> None:
        self.weights = weights

    def score(self, feats: DateFeatures) -> np.ndarray:
        w = self.weights or self.DEFAULT_WEIGHTS
        vec = np.array([w.get(f, 0.0) for f in FEATURES])
        if len(feats.dates) == 0:
            return np.zeros(0)
        return feats.normalized() @ vec


def chronology_docs(pool: SentencePool, dates: list[dt.date]) -> np.ndarray:
    """Per date, the articles with a timeline-entry sentence for it
    (``"March 17 - The council votes ..."``: a chronology an outlet wrote),
    log-damped and divided by the maximum, like :meth:`DateFeatures.normalized`."""
    docs: dict[dt.date, set[int]] = defaultdict(set)
    for ps in pool.sentences:
        if ps.dates and entry_label(ps.text):
            docs[ps.dates[0]].add(ps.doc)
    x = np.log1p(np.array([len(docs.get(d, ())) for d in dates], dtype=np.float64))
    return x / x.max() if x.size and x.max() > 0 else x


def standardized(scores: np.ndarray) -> np.ndarray:
    """Scores minus their mean over the finite ones, divided by their deviation."""
    finite = np.isfinite(scores)
    if not finite.any():
        return scores.copy()
    mu, sd = scores[finite].mean(), scores[finite].std()
    return (scores - mu) / sd if sd > 0 else scores - mu


def select_dates(
    feats: DateFeatures,
    scores: np.ndarray,
    n: int,
    min_gap_days: int = 0,
    spread: float = 0.0,
    spread_tau: float = 0.5,
    span: tuple[dt.date, dt.date] | None = None,
) -> list[dt.date]:
    """Top-``n`` dates by score, best first; dates scoring -inf are never chosen.

    ``min_gap_days`` keeps selected dates apart. Dates are chosen greedily by
    their standardized score (the order of the raw score) minus ``spread``
    times the sum, over the dates already chosen, of exp(-|days apart| / tau),
    where tau is ``spread_tau`` times the mean spacing of ``n`` dates over
    ``span`` (first and last day the timeline covers; default: the candidate
    dates' range): a date right next to chosen ones needs a higher
    score, so one busy week does not take the whole timeline.
    """
    s = standardized(scores)
    days = np.array([d.toordinal() for d in feats.dates], dtype=np.float64)
    if n <= 0 or len(days) == 0:
        return []
    lo, hi = (span[0].toordinal(), span[1].toordinal()) if span else (days.min(), days.max())
    tau = spread_tau * (max(hi - lo, 0) + 1) / n
    penalty = np.zeros(len(s))
    taken = np.zeros(len(s), dtype=bool)
    chosen: list[dt.date] = []
    while len(chosen) < n:
        eff = np.where(taken, -np.inf, s - spread * penalty)
        i = int(np.argmax(eff))
        if not np.isfinite(eff[i]):
            break
        taken[i] = True
        d = feats.dates[i]
        if min_gap_days and any(abs((d - c).days) < min_gap_days for c in chosen):
            continue
        chosen.append(d)
        if spread:
            penalty += np.exp(-np.abs(days - days[i]) / tau)
    return chosen

"""Round seven of issue 5: how a timeline's sentence slots are filled.

Each experiment prints T17 and Entities figures for the default ``datewise``
with one thing changed; prepared corpora come from ``tls_lab``'s cache and the
shipped models are used as they are (in-sample), like ``round6_lab.py``.

    .venv/bin/python bench/round7_lab.py order   # slot by slot against date after date
    .venv/bin/python bench/round7_lab.py weak    # no extra sentence far below the date's best
    .venv/bin/python bench/round7_lab.py density # date choice: spread reach shorter where coverage is dense
    .venv/bin/python bench/round7_lab.py pagerank  # date choice: PageRank over date back-references
    .venv/bin/python bench/round7_lab.py redundancy  # the across-dates threshold again (nested)

``order`` also counts the entries and sentences of the built timelines against
the dates asked for: filled date after date, a date whose only new sentence an
earlier date took as its k-th is left out. The within-date threshold was chosen
again with ``round6_lab.py within --topic-weight 0.9`` and the date-choice grid
with ``nested_selection.py --blend --grid --topic``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np
import scipy.sparse as sp

sys.path.insert(0, str(Path(__file__).resolve().parent))

from newsline.timeline.dates import chronology_docs, select_dates, standardized  # noqa: E402
from newsline.timeline.methods.datewise import DateWise  # noqa: E402
from newsline.timeline.sentences.summarize import CentroidSummarizer  # noqa: E402
from round4_lab import DATASETS  # noqa: E402
from round5_lab import _default, _report  # noqa: E402
from round6_lab import choose_value  # noqa: E402
from tls_lab import tasks  # noqa: E402


def order() -> None:
    for name, make in (("slot by slot (default)", _default()), ("date after date", _default(by_slot=False))):
        _report(name, make)
        for ds in DATASETS:
            asked = entries = sentences = 0
            for task, corpus in tasks(ds):
                config = task.config()
                tl = make(task).build(corpus, config)
                asked += config.n_dates or 0
                entries += len(tl.entries)
                sentences += sum(len(e.sentences) for e in tl.entries)
            print(f"  {name}, {ds}: {entries} entries for {asked} dates asked, {sentences} sentences")


class StrongOnly(CentroidSummarizer):
    """A date's candidates below ``alpha`` times its best one's relevance
    (after the priors) are not taken: a weak sentence adds more words than
    matches, and F of ROUGE falls when a sentence matches less than half the
    timeline's F."""

    alpha = 0.0

    def ranked(self, candidates, weights=None, context=None):  # type: ignore[override]
        if not candidates:
            return []
        rel = self.weighted_relevance(candidates, weights, context)
        keep = np.flatnonzero(rel >= self.alpha * rel.max())
        return [candidates[int(j)] for j in keep[np.argsort(-rel[keep], kind="stable")]]


def _strong(alpha: float, by_slot: bool) -> Callable:
    def make(task):
        m = _default(by_slot=by_slot)(task)
        s = StrongOnly()
        s.alpha = alpha
        m.summarizer = s
        return m

    return make


def weak() -> None:
    for by_slot in (True, False):
        for alpha in (0.0, 0.3, 0.45, 0.6, 0.85):
            _report(f"strong-only {alpha}{'' if by_slot else ', by date'}", _strong(alpha, by_slot))


# --- date choice --------------------------------------------------------------


def _published(pool) -> list:
    return [d.article.published for d in pool.documents if d.article.published]


class DensitySpread(DateWise):
    """The spread penalty of a chosen date reaches ``(rate / local rate) **
    gamma`` times as far, where the local rate is the articles published
    within ``window`` days of it (clipped to 1/8-8): dates may sit closer
    together where the news is denser."""

    gamma = 0.5
    window = 7

    def choose_dates(self, pool, feats, scores, n):  # type: ignore[override]
        scores = standardized(scores) + self.chronology * chronology_docs(pool, feats.dates)
        published = _published(pool)
        lo, hi = min(published).toordinal(), max(published).toordinal()
        s = standardized(scores)
        days = np.array([d.toordinal() for d in feats.dates], dtype=np.float64)
        if n <= 0 or len(days) == 0:
            return []
        tau = self.spread_tau * (hi - lo + 1) / n
        pubs = np.sort(np.array([d.toordinal() for d in published], dtype=np.float64))
        w = self.window
        local = (
            np.searchsorted(pubs, days + w, side="right") - np.searchsorted(pubs, days - w, side="left")
        ) / (2 * w + 1)
        rate = len(pubs) / (hi - lo + 1)
        reach = tau * np.clip((rate / np.maximum(local, rate / 16)) ** self.gamma, 0.125, 8)
        penalty = np.zeros(len(s))
        taken = np.zeros(len(s), dtype=bool)
        chosen: list = []
        while len(chosen) < n:
            eff = np.where(taken, -np.inf, s - self.spread * penalty)
            i = int(np.argmax(eff))
            if not np.isfinite(eff[i]):
                break
            taken[i] = True
            chosen.append(feats.dates[i])
            penalty += np.exp(-np.abs(days - days[i]) / reach[i])
        return chosen


def date_pagerank(pool, dates: list, damping: float = 0.85) -> np.ndarray:
    """Log PageRank of each date in the graph of back-references: an edge from
    a publication day to each date its articles' keyword sentences mention
    (weight: log(1 + distinct articles))."""
    at = {d: i for i, d in enumerate(dates)}
    edges: dict[tuple[int, int], set[int]] = {}
    for ps in pool.sentences:
        if not ps.keyword or ps.published not in at:
            continue
        for d in ps.dates:
            if d in at and d != ps.published:
                edges.setdefault((at[ps.published], at[d]), set()).add(ps.doc)
    n = len(dates)
    if not edges:
        return np.zeros(n)
    rows, cols, docs = zip(*[(a, b, len(v)) for (a, b), v in edges.items()], strict=True)
    A = sp.csr_matrix((np.log1p(docs), (rows, cols)), shape=(n, n))
    out = np.asarray(A.sum(axis=1)).ravel()
    P = sp.diags(np.where(out > 0, 1 / np.maximum(out, 1e-12), 0)) @ A
    x = np.full(n, 1 / n)
    for _ in range(40):
        x = damping * (P.T @ x + x[out == 0].sum() / n) + (1 - damping) / n
    return np.log(x * n)


class PageRankDates(DateWise):
    """Date score + ``lam`` times the standardized :func:`date_pagerank`."""

    lam = 0.1

    def choose_dates(self, pool, feats, scores, n):  # type: ignore[override]
        scores = standardized(scores) + self.chronology * chronology_docs(pool, feats.dates)
        scores = scores + self.lam * standardized(date_pagerank(pool, feats.dates))
        published = _published(pool)
        span = (min(published), max(published)) if published else None
        return select_dates(feats, scores, n, self.min_gap_days, self.spread, self.spread_tau, span)


def _swap(cls: type, **attrs: float) -> Callable:
    def make(task):
        m = _default()(task)
        m.__class__ = cls
        for k, v in attrs.items():
            setattr(m, k, v)
        return m

    return make


def density() -> None:
    for gamma in (0.25, 0.5, 1.0, -0.5):
        _report(f"density-scaled spread, gamma {gamma}", _swap(DensitySpread, gamma=gamma))


def pagerank() -> None:
    for lam in (0.1, 0.3, 0.6):
        _report(f"back-reference PageRank {lam}", _swap(PageRankDates, lam=lam))


# --- the across-dates redundancy threshold, chosen again ---------------------


def redundancy() -> None:
    choose_value(
        "across-dates redundancy",
        (0.4, 0.45, 0.5, 0.55, 0.6),
        0.5,
        lambda v: _default(s_redundancy=v),
    )


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("experiment", choices=["order", "weak", "density", "pagerank", "redundancy"])
    globals()[ap.parse_args().experiment]()


if __name__ == "__main__":
    main()

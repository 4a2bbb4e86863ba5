"""Score a system timeline against gold timelines with the field's metrics.

The metrics are tilse's (Martschat & Markert 2017, the published TLS numbers):

- ``concat``: ROUGE-1/2 of all system sentences against all gold sentences
  (each timeline's summaries in date order, one text);
- ``agreement``: ROUGE counts only between summaries of the same date;
- ``align`` ("align+ m:1"): ROUGE between the summaries of aligned dates
  (:mod:`.alignment`), hits discounted by ``1 / (|days apart| + 1)``;
- ``date``: precision/recall/F1 of the set of system dates.

Precision and recall of the ROUGE metrics are micro-averaged over dates
(sums of counts); F is F1 of those. Timelines are compared by calendar day:
an entry of month or year granularity counts on its first day
(``entry.time.date``), and entries falling on the same day are merged.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from ..errors import InputError
from ..model import Timeline
from .alignment import cost_matrix, many_to_one
from .rouge import Ngrams, RougeCounts, ngram_counts, ngrams, summary_tokens

METRICS = ("concat_r1", "concat_r2", "agreement_r1", "agreement_r2", "align_r1", "align_r2")
"""ROUGE metrics, each reported as ``<name>_p``, ``<name>_r``, ``<name>_f``."""

SCORE_KEYS: tuple[str, ...] = tuple(f"{m}_{part}" for m in METRICS for part in ("p", "r", "f")) + (
    "date_p",
    "date_r",
    "date_f1",
)
"""Every key of a score dictionary, in report order."""

_ORDERS = (1, 2)


def f_score(precision: float, recall: float) -> float:
    """F1, 0 when precision and recall are both 0."""
    total = precision + recall
    return 0.0 if total == 0 else 2 * precision * recall / total


def dated_summaries(timeline: Timeline) -> dict[dt.date, list[str]]:
    """Day -> sentences (stripped) of a timeline; entries on the same day merged."""
    out: dict[dt.date, list[str]] = {}
    for entry in timeline.entries:
        out.setdefault(entry.time.date, []).extend(s.text.strip() for s in entry.sentences)
    return out


class _Side:
    """One timeline's dated summaries with their ROUGE n-grams, computed once."""

    def __init__(self, summaries: Mapping[dt.date, list[str]]) -> None:
        self.summaries = summaries
        self.dates = sorted(summaries)
        self.tokens = {d: summary_tokens(summaries[d]) for d in self.dates}
        self._grams: dict[tuple[dt.date, int], Ngrams] = {}

    def grams(self, day: dt.date, n: int) -> Ngrams:
        key = (day, n)
        if key not in self._grams:
            tokens = self.tokens.get(day)
            self._grams[key] = ngrams(tokens, n) if tokens else Counter()
        return self._grams[key]

    def concat(self, n: int) -> Ngrams:
        return ngrams([t for d in self.dates for t in self.tokens[d]], n)


def _prf(precision_counts: RougeCounts, recall_counts: RougeCounts) -> tuple[float, float, float]:
    p = precision_counts.hit / precision_counts.peer if precision_counts.peer else 0.0
    r = recall_counts.hit / recall_counts.model if recall_counts.model else 0.0
    return p, r, f_score(p, r)


def _put(scores: dict[str, float], name: str, prf: tuple[float, float, float]) -> None:
    scores[f"{name}_p"], scores[f"{name}_r"], scores[f"{name}_f"] = prf


def _discount(a: dt.date, b: dt.date) -> float:
    return 1 / (abs(a.toordinal() - b.toordinal()) + 1)


def score_timeline(system: Timeline, golds: Sequence[Timeline]) -> dict[str, float]:
    """All metrics of ``system`` against ``golds`` (keys: :data:`SCORE_KEYS`).

    An empty system timeline scores 0 everywhere (tilse raises instead).
    """
    if not golds or any(len(g) == 0 for g in golds):
        raise InputError("a gold timeline is missing or has no dates")
    sys_side = _Side(dated_summaries(system))
    gold_sides = [_Side(dated_summaries(g)) for g in golds]
    gold_dates = sorted({d for g in gold_sides for d in g.dates})
    scores: dict[str, float] = {}

    for n in _ORDERS:
        counts = ngram_counts(sys_side.concat(n), [g.concat(n) for g in gold_sides])
        _put(scores, f"concat_r{n}", _prf(counts, counts))

        prec, rec = RougeCounts(), RougeCounts()
        sys_set, gold_set = set(sys_side.dates), set(gold_dates)
        for day in sorted(sys_set | gold_set):
            c = ngram_counts(sys_side.grams(day, n), [g.grams(day, n) for g in gold_sides])
            if day in sys_set:
                prec += c
            if day in gold_set:
                rec += c
        _put(scores, f"agreement_r{n}", _prf(prec, rec))

    costs = cost_matrix(
        sys_side.summaries, [g.summaries for g in gold_sides], sys_side.dates, gold_dates
    )
    sys_to_gold, gold_to_sys = many_to_one(costs)
    for n in _ORDERS:
        prec, rec = RougeCounts(), RougeCounts()
        for i, j in enumerate(sys_to_gold):
            a, b = sys_side.dates[i], gold_dates[j]
            c = ngram_counts(sys_side.grams(a, n), [g.grams(b, n) for g in gold_sides])
            prec += c.discounted(_discount(a, b))
        for j, i in enumerate(gold_to_sys):
            b = gold_dates[j]
            models = [g.grams(b, n) for g in gold_sides]
            if sys_side.dates:
                a = sys_side.dates[i]
                rec += ngram_counts(sys_side.grams(a, n), models).discounted(_discount(a, b))
            else:
                rec += ngram_counts(Counter(), models)
        _put(scores, f"align_r{n}", _prf(prec, rec))

    scores.update(date_scores(sys_side.dates, gold_dates))
    return {k: scores[k] for k in SCORE_KEYS}


def date_scores(system_dates: Iterable[dt.date], gold_dates: Iterable[dt.date]) -> dict[str, float]:
    """Date precision, recall and F1 (tilse's ``evaluate_dates``)."""
    sys_set, gold_set = set(system_dates), set(gold_dates)
    both = len(sys_set & gold_set)
    p = both / len(sys_set) if sys_set else 0.0
    r = both / len(gold_set) if gold_set else 0.0
    return {"date_p": p, "date_r": r, "date_f1": f_score(p, r)}


def mean_scores(per_task: Sequence[Mapping[str, float]]) -> dict[str, float]:
    """Average over tasks as the field does: mean P and mean R, F from those means."""
    if not per_task:
        return {k: 0.0 for k in SCORE_KEYS}
    mean: dict[str, float] = {}
    for name in (*METRICS, "date"):
        p = sum(s[f"{name}_p"] for s in per_task) / len(per_task)
        r = sum(s[f"{name}_r"] for s in per_task) / len(per_task)
        f_key = "date_f1" if name == "date" else f"{name}_f"
        mean[f"{name}_p"], mean[f"{name}_r"], mean[f_key] = p, r, f_score(p, r)
    return {k: mean[k] for k in SCORE_KEYS}

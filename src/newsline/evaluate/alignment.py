"""The many-to-one date alignment of tilse's "align+ m:1" (Martschat & Markert 2017).

Every system date is mapped to the gold date of least cost (for precision),
and every gold date to the system date of least cost (for recall); ties go to
the earliest date. The cost of a pair mixes date distance and content:

    cost = (1 - 1 / (|days apart| + 1)) * (1 - F1)

where F1 is tilse's rough ROUGE-1 between the two daily summaries: tokens are
the whitespace-separated words as they are (no lower-casing, no stemming),
minus those that are a substring of ``string.punctuation``; clipped matches
summed over the gold timelines; precision over (number of gold timelines x
system tokens), recall over all gold tokens. Same-day pairs cost 0.

The match counts of all pairs come from a few matrix products: with ``A``
and ``B`` the token-count matrices (dates x vocabulary), ``sum(min(a, b))``
equals ``sum_k [a >= k] . [b >= k]`` over the count levels ``k``.
"""

from __future__ import annotations

import datetime as dt
import string
from collections import Counter
from collections.abc import Mapping, Sequence

import numpy as np
from scipy import sparse

Summary = Sequence[str]
DatedSummaries = Mapping[dt.date, Summary]


def content_tokens(summary: Summary) -> Counter[str]:
    """tilse's tokens for the alignment cost (``compute_rouge_approximation``)."""
    counts: Counter[str] = Counter()
    for sentence in summary:
        counts.update(k for k in sentence.split() if k not in string.punctuation)
    return counts


def _count_matrix(rows: Sequence[Counter[str]], vocab: Mapping[str, int]) -> sparse.csr_matrix:
    indptr, indices, data = [0], [], []
    for counts in rows:
        for token, c in counts.items():
            indices.append(vocab[token])
            data.append(c)
        indptr.append(len(indices))
    return sparse.csr_matrix(
        (np.array(data, dtype=np.float64), np.array(indices, dtype=np.int64), indptr),
        shape=(len(rows), len(vocab)),
    )


def _at_least(matrix: sparse.csr_matrix, level: int) -> sparse.csr_matrix:
    out = matrix.copy()
    out.data = (out.data >= level).astype(np.float64)
    out.eliminate_zeros()
    return out


def _min_sum(a: sparse.csr_matrix, b: sparse.csr_matrix) -> np.ndarray:
    """``out[i, j] = sum_v min(a[i, v], b[j, v])`` for non-negative integer counts."""
    out = np.zeros((a.shape[0], b.shape[0]), dtype=np.float64)
    top = int(min(a.data.max(initial=0), b.data.max(initial=0)))
    for level in range(1, top + 1):
        out += (_at_least(a, level) @ _at_least(b, level).T).toarray()
    return out


def cost_matrix(
    system: DatedSummaries,
    golds: Sequence[DatedSummaries],
    system_dates: Sequence[dt.date],
    gold_dates: Sequence[dt.date],
) -> np.ndarray:
    """Costs ``[system date, gold date]`` of tilse's ``_get_date_content_costs``."""
    sys_rows = [content_tokens(system.get(d, ())) for d in system_dates]
    gold_rows = [[content_tokens(g.get(d, ())) for d in gold_dates] for g in golds]
    vocab: dict[str, int] = {}
    for counts in [*sys_rows, *(c for rows in gold_rows for c in rows)]:
        for token in counts:
            vocab.setdefault(token, len(vocab))
    sys_m = _count_matrix(sys_rows, vocab)
    match = np.zeros((len(system_dates), len(gold_dates)), dtype=np.float64)
    gold_total = np.zeros(len(gold_dates), dtype=np.float64)
    for rows in gold_rows:
        gold_m = _count_matrix(rows, vocab)
        match += _min_sum(sys_m, gold_m)
        gold_total += np.asarray(gold_m.sum(axis=1)).ravel()
    prec_denom = (len(golds) * np.asarray(sys_m.sum(axis=1)).ravel())[:, None]
    rec_denom = gold_total[None, :]
    with np.errstate(divide="ignore", invalid="ignore"):
        precision = np.where(prec_denom == 0, 0.0, match / prec_denom)
        recall = np.where(rec_denom == 0, 0.0, match / rec_denom)
        total = precision + recall
        f1 = np.where(total == 0, 0.0, 2 * precision * recall / total)
    sys_ord = np.array([d.toordinal() for d in system_dates], dtype=np.int64)
    gold_ord = np.array([d.toordinal() for d in gold_dates], dtype=np.int64)
    date_factor = 1 - 1 / (np.abs(sys_ord[:, None] - gold_ord[None, :]) + 1)
    return date_factor * (1 - f1)


def many_to_one(costs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each system date its gold date, and for each gold date its system date."""
    if costs.size == 0:
        return np.zeros(costs.shape[0], dtype=np.int64), np.zeros(costs.shape[1], dtype=np.int64)
    return costs.argmin(axis=1), costs.argmin(axis=0)

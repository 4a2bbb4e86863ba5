"""TF-IDF vectors of sentences: sublinear tf, smoothed idf, L2-normalized rows.

The same weighting as scikit-learn's ``TfidfVectorizer(sublinear_tf=True)``,
built directly as a SciPy CSR matrix so the timeline stage does not pay
scikit-learn's import time on every command.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from scipy import sparse


def tfidf_matrix(texts: Sequence[str], analyzer: Callable[[str], list[str]]) -> sparse.csr_matrix:
    vocab: dict[str, int] = {}
    indptr = [0]
    indices: list[int] = []
    counts: list[int] = []
    for text in texts:
        row: dict[int, int] = {}
        for tok in analyzer(text):
            j = vocab.setdefault(tok, len(vocab))
            row[j] = row.get(j, 0) + 1
        indices.extend(row)
        counts.extend(row.values())
        indptr.append(len(indices))
    n = len(texts)
    shape = (n, len(vocab))
    if not indices:
        return sparse.csr_matrix(shape, dtype=np.float64)
    idx = np.asarray(indices, dtype=np.int64)
    tf = 1.0 + np.log(np.asarray(counts, dtype=np.float64))
    df = np.bincount(idx, minlength=len(vocab))
    idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
    data = tf * idf[idx]
    m = sparse.csr_matrix((data, idx, np.asarray(indptr, dtype=np.int64)), shape=shape)
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.diags(1.0 / norms) @ m

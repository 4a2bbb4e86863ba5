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
    tokens = [analyzer(text) for text in texts]
    lengths = np.fromiter(map(len, tokens), dtype=np.int64, count=len(tokens))
    add = vocab.setdefault
    ids = np.fromiter((add(t, len(vocab)) for toks in tokens for t in toks), dtype=np.int64,
                      count=int(lengths.sum()))
    # (row, term) pairs counted, each row's terms in the order they first occur in it
    rows = np.repeat(np.arange(len(tokens), dtype=np.int64), lengths)
    _, first, tally = np.unique(rows * max(len(vocab), 1) + ids, return_index=True,
                                    return_counts=True)
    by_first = np.argsort(first, kind="stable")
    indices = ids[first[by_first]]
    counts = tally[by_first]
    indptr = np.zeros(len(tokens) + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows[first], minlength=len(tokens)), out=indptr[1:])
    n = len(texts)
    shape = (n, len(vocab))
    if not len(indices):
        return sparse.csr_matrix(shape, dtype=np.float64)
    idx = indices
    tf = 1.0 + np.log(counts.astype(np.float64))
    df = np.bincount(idx, minlength=len(vocab))
    idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
    data = tf * idf[idx]
    m = sparse.csr_matrix((data, idx, indptr), shape=shape)
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.diags(1.0 / norms) @ m

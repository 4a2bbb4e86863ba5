"""Collection evidence: the articles closest in content to each undated one.

A story's names and rare words move with time: articles that share them
were mostly published close together. Articles are compared by TF-IDF
cosine over their content words (stop words, calendar words and words of
one article only left out; the rarer a word, the more it counts), and each
undated article gets its ``k`` nearest articles with their similarity.
Near-duplicate and syndicated copies (which cleaning keeps once) are the
extreme case: a similarity close to 1.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import chain, count, filterfalse

import numpy as np
from scipy import sparse

from ..text.stopwords import smart_stopwords

try:  # the kernel behind ``csr_matrix @ csr_matrix`` (private: else the public product)
    from scipy.sparse._sparsetools import csr_matmat as _csr_matmat
except ImportError:  # pragma: no cover - a SciPy without it
    _csr_matmat = None

K = 10
MIN_SIMILARITY = 0.1
_CHUNK = 512
_WORD = re.compile(r"(?u)\b[^\W\d_][\w'-]+\b")
# the same words of an ASCII text (where Unicode and ASCII classes agree), found faster
_WORD_ASCII = re.compile(_WORD.pattern.removeprefix("(?u)"), re.ASCII)
_CALENDAR = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "today",
        "yesterday",
        "tomorrow",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "day",
        "days",
        "lrb",
        "rrb",
    ]
)
_STOP = smart_stopwords() | _CALENDAR


_IS_STOP = _STOP.__contains__


def _content_words(text: str) -> Iterator[str]:
    """The content words of a text, lower-cased, as they come (see :func:`analyzer`)."""
    low = text.lower()
    return filterfalse(_IS_STOP, (_WORD_ASCII if low.isascii() else _WORD).findall(low))


def analyzer(text: str) -> list[str]:
    """Content words of a text, lower-cased: no stop words, calendar words or numbers."""
    return list(_content_words(text))


def tfidf(texts: Sequence[str], max_df: float = 0.5) -> sparse.csr_matrix:
    """L2-normalized TF-IDF rows (sublinear tf, smoothed idf) over the content
    words found in at least two texts and at most ``max_df`` of them.

    Columns are numbered by first appearance and each row keeps its words in
    the order they first appear in its text."""
    # each text's content words with their counts, in the order they first appear
    found = [Counter(_content_words(t)) for t in texts]
    words = list(chain.from_iterable(found))
    # where each word is first found in ``words``: the words numbered by first appearance
    first: dict[str, int] = {}
    place = np.fromiter(map(first.setdefault, words, count()), dtype=np.int64, count=len(words))
    col = (np.cumsum(place == np.arange(len(words))) - 1)[place]
    k = np.fromiter(chain.from_iterable(c.values() for c in found), dtype=np.int64, count=len(words))
    indptr = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum(np.fromiter(map(len, found), dtype=np.int64, count=len(found)), out=indptr[1:])
    n = len(texts)
    df = np.bincount(col, minlength=len(first))
    keep = (df >= 2) & (df <= max_df * n)
    column = np.cumsum(keep) - 1  # word number -> column among the kept ones
    idf = np.log((1 + n) / (1 + df[keep].astype(np.float64))) + 1
    logs = np.array([math.log(v) for v in range(1, int(k.max(initial=1)) + 1)])
    kept = keep[col]
    j = column[col[kept]]
    values = (1 + logs[k[kept] - 1]) * idf[j]
    ptr = np.concatenate([[0], np.cumsum(kept)])[indptr]
    X = sparse.csr_matrix(
        (values.astype(np.float32), j.astype(np.int64), ptr),
        shape=(n, int(keep.sum())),
    )
    norms = np.sqrt(np.asarray(X.multiply(X).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1 / norms) @ X, dtype=np.float32)


def _dense_product(A: sparse.csr_matrix, B: sparse.csr_matrix) -> np.ndarray:
    """``(A @ B).toarray()``: SciPy's product of CSR matrices (the same sums in the same
    order) written into buffers as large as a dense result can need, without the
    pass that counts the product's entries first (two fifths of its time here)."""
    m, n = A.shape[0], B.shape[1]
    if _csr_matmat is None or m * n >= 2**31 or A.indices.dtype != B.indices.dtype:
        return (A @ B).toarray()
    idx = A.indices.dtype
    indptr = np.empty(m + 1, dtype=idx)
    indices = np.empty(m * n, dtype=idx)
    data = np.empty(m * n, dtype=np.result_type(A.dtype, B.dtype))
    _csr_matmat(m, n, A.indptr.astype(idx, copy=False), A.indices, A.data,
                B.indptr.astype(idx, copy=False), B.indices, B.data, indptr, indices, data)  # fmt: skip
    nnz = int(indptr[-1])
    return sparse.csr_matrix((data[:nnz], indices[:nnz], indptr), shape=(m, n)).toarray()


def similar(
    texts: Sequence[str], targets: Sequence[int], k: int = K, min_similarity: float = MIN_SIMILARITY
) -> dict[int, list[tuple[int, float]]]:
    """For each target index, up to ``k`` other texts by decreasing cosine similarity
    (at least ``min_similarity``)."""
    out: dict[int, list[tuple[int, float]]] = {t: [] for t in targets}
    if len(texts) < 2 or not targets:
        return out
    X = tfidf(texts)
    if X.nnz == 0:
        return out
    XT = X.T.tocsr()
    tg = list(targets)
    for lo in range(0, len(tg), _CHUNK):
        rows = tg[lo : lo + _CHUNK]
        S = _dense_product(X[rows], XT)
        S[np.arange(len(rows)), rows] = 0.0  # not itself
        kk = min(k, S.shape[1] - 1)
        top = (
            np.argpartition(-S, kk - 1, axis=1)[:, :kk] if kk > 0 else np.zeros((len(rows), 0), int)
        )
        # each row's nearest by decreasing similarity (a row at a time sorts the same)
        vals = np.take_along_axis(S, top, axis=1)
        order = np.argsort(-vals, axis=1)
        idx = np.take_along_axis(top, order, axis=1)
        vals = np.take_along_axis(vals, order, axis=1)
        keep = vals >= min_similarity
        for t, js, vs, ks in zip(rows, idx.tolist(), vals.tolist(), keep.tolist(), strict=True):
            out[t] = [(j, v) for j, v, k in zip(js, vs, ks, strict=True) if k]
    return out

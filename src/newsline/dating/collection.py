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
from collections.abc import Sequence

import numpy as np
from scipy import sparse

from ..text.stopwords import smart_stopwords

K = 10
MIN_SIMILARITY = 0.1
_CHUNK = 512
_WORD = re.compile(r"(?u)\b[^\W\d_][\w'-]+\b")
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


def analyzer(text: str) -> list[str]:
    """Content words of a text, lower-cased: no stop words, calendar words or numbers."""
    return [w for w in _WORD.findall(text.lower()) if w not in _STOP]


def tfidf(texts: Sequence[str], max_df: float = 0.5) -> sparse.csr_matrix:
    """L2-normalized TF-IDF rows (sublinear tf, smoothed idf) over the content
    words found in at least two texts and at most ``max_df`` of them."""
    docs = [Counter(analyzer(t)) for t in texts]
    df: Counter[str] = Counter()
    for c in docs:
        df.update(c.keys())
    n = len(texts)
    vocab = {w: i for i, w in enumerate(w for w, k in df.items() if 2 <= k <= max_df * n)}
    idf = np.log((1 + n) / (1 + np.array([df[w] for w in vocab], dtype=np.float64))) + 1
    indptr, indices, values = [0], [], []
    for c in docs:
        for w, k in c.items():
            j = vocab.get(w)
            if j is not None:
                indices.append(j)
                values.append((1 + math.log(k)) * idf[j])
        indptr.append(len(indices))
    X = sparse.csr_matrix(
        (np.array(values, dtype=np.float32), np.array(indices, dtype=np.int64), indptr),
        shape=(n, len(vocab)),
    )
    norms = np.sqrt(np.asarray(X.multiply(X).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1 / norms) @ X, dtype=np.float32)


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
        S = (X[rows] @ XT).toarray()
        S[np.arange(len(rows)), rows] = 0.0  # not itself
        kk = min(k, S.shape[1] - 1)
        top = (
            np.argpartition(-S, kk - 1, axis=1)[:, :kk] if kk > 0 else np.zeros((len(rows), 0), int)
        )
        for r, t in enumerate(rows):
            idx = top[r][np.argsort(-S[r, top[r]])]
            out[t] = [(int(j), float(S[r, j])) for j in idx if S[r, j] >= min_similarity]
    return out

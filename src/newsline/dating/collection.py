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

import re
from collections.abc import Sequence

import numpy as np

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


def similar(
    texts: Sequence[str], targets: Sequence[int], k: int = K, min_similarity: float = MIN_SIMILARITY
) -> dict[int, list[tuple[int, float]]]:
    """For each target index, up to ``k`` other texts by decreasing cosine similarity
    (at least ``min_similarity``)."""
    out: dict[int, list[tuple[int, float]]] = {t: [] for t in targets}
    if len(texts) < 2 or not targets:
        return out
    from sklearn.feature_extraction.text import TfidfVectorizer

    vec = TfidfVectorizer(
        analyzer=analyzer, min_df=2, max_df=0.5, sublinear_tf=True, dtype=np.float32
    )
    try:
        X = vec.fit_transform(texts)
    except ValueError:  # no word in two texts
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

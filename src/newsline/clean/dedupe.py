"""Exact and near-duplicate articles: word-sequence hashes, then MinHash LSH on word shingles.

Words are the runs of word characters of the lower-cased text (what
``re.findall(r"\\w+", text.lower())`` finds); they are hashed with numpy over
the code points of all texts at once, without making a Python string per
word. Hashes are deterministic (no ``hash()``, no process-dependent seeds).

Near duplicates are pairs whose sets of word ``k``-shingles have a Jaccard
similarity of at least ``threshold``. One-permutation MinHash signatures
(densified by rotation) and banded LSH propose candidates in (near) linear
time; each candidate pair is then verified with the exact Jaccard of the
shingle sets, so the result does not depend on hash luck beyond the (tiny)
chance of missing a true pair.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from itertools import chain

import numpy as np

SHINGLE = 5
THRESHOLD = 0.8
NUM_PERM = 64  # one-permutation MinHash bins (a power of two)
BANDS = 16  # 16 bands of 4 rows: a pair at Jaccard 0.8 becomes a candidate with p > 0.999
MAX_BUCKET = 64  # kept documents per LSH bucket (adversarial near-identical items)
MAX_CHECKS = 64  # candidate pairs verified per document
_SMALL = 256  # shingle sets up to this size are compared as Python sets

_U64 = np.uint64
_EMPTY = np.iinfo(np.uint64).max
_GOLDEN = _U64(0x9E3779B97F4A7C15)


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64 finalizer: spreads values over all 64 bits (uint64 arithmetic wraps)."""
    x = x ^ (x >> _U64(30))
    x = x * _U64(0xBF58476D1CE4E5B9)
    x = x ^ (x >> _U64(27))
    x = x * _U64(0x94D049BB133111EB)
    return x ^ (x >> _U64(31))


def _mix_inplace(x: np.ndarray) -> np.ndarray:
    """:func:`_mix` of a uint64 array nobody else holds, overwriting it (fewer temporaries)."""
    x ^= x >> _U64(30)
    x *= _U64(0xBF58476D1CE4E5B9)
    x ^= x >> _U64(27)
    x *= _U64(0x94D049BB133111EB)
    x ^= x >> _U64(31)
    return x


@cache
def _word_table() -> np.ndarray:
    """Whether each BMP code point is a regex word character (``str.isalnum()`` or ``_``)."""
    return np.array([chr(c).isalnum() or c == 95 for c in range(0x10000)], dtype=bool)


def word_ids(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Deterministic 64-bit ids of the lower-cased words of ``texts``, all texts concatenated.

    Returns ``(ids, bounds)``: the ids of text ``i`` are ``ids[bounds[i]:bounds[i + 1]]``.
    A word's id depends only on its characters (a sum of mixed ``(character,
    position)`` values, mixed again), so equal words get equal ids everywhere.
    """
    lows = [t.lower() for t in texts]
    starts = np.zeros(len(lows) + 1, dtype=np.int64)
    np.cumsum([len(t) + 1 for t in lows], out=starts[1:])
    cp = np.frombuffer("\n".join(lows).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    if not len(cp) or int(cp.max()) <= 0xFFFF:
        is_word = _word_table()[cp]
    else:  # astral characters: rare, look them up one by one
        is_word = _word_table()[np.minimum(cp, 0xFFFF)]
        high = np.flatnonzero(cp > 0xFFFF)
        is_word[high] = [chr(c).isalnum() for c in cp[high].tolist()]
    edges = np.diff(is_word.view(np.int8), prepend=np.int8(0), append=np.int8(0))
    tok_start = np.flatnonzero(edges == 1)
    tok_len = np.flatnonzero(edges == -1) - tok_start
    bounds = np.searchsorted(tok_start, starts)
    if not len(tok_start):
        return np.zeros(0, dtype=_U64), bounds
    # position of each word character inside its word
    pos = np.arange(int(tok_len.sum()), dtype=np.int64)
    first = np.zeros(len(tok_len), dtype=np.int64)
    np.cumsum(tok_len[:-1], out=first[1:])
    pos -= np.repeat(first, tok_len)
    v = cp[is_word].astype(_U64)
    v <<= _U64(32)
    v |= pos.view(_U64)  # positions are >= 0
    _mix_inplace(v)
    acc = np.zeros(len(v) + 1, dtype=_U64)
    np.cumsum(v, out=acc[1:])
    ends = first + tok_len
    return _mix_inplace(acc[ends] - acc[first]), bounds


def exact_key(ids: np.ndarray) -> bytes:
    """Hash of an article's word-id sequence: equal for texts differing only in case, spacing, punctuation."""
    return hashlib.blake2b(ids.tobytes(), digest_size=16).digest()


def shingles(ids: np.ndarray, k: int = SHINGLE) -> np.ndarray:
    """Sorted unique 64-bit hashes of the word ``k``-grams of a sequence of word ids.

    A text of fewer than ``k`` (but some) words has one shingle: all its words.
    """
    n = len(ids)
    if n == 0:
        return np.zeros(0, dtype=_U64)
    k = min(k, n)
    m = n - k + 1
    h = ids[:m] * _GOLDEN
    for j in range(1, k):
        h ^= ids[j : j + m]
        h *= _GOLDEN
    h = _mix(h)
    h.sort()
    return h[np.concatenate(([True], h[1:] != h[:-1]))]


def signatures(sets: Sequence[np.ndarray], num_perm: int = NUM_PERM) -> np.ndarray:
    """One-permutation MinHash signatures, shape ``(len(sets), num_perm)``.

    The shingle hashes are already random: bin ``b`` of a set holds its
    smallest hash whose top bits are ``b`` (the first one, as the sets are
    sorted). Empty bins borrow from the next non-empty bin to the right
    (rotation densification), so that similar sets agree in about a Jaccard
    fraction of their bins. Empty sets get all-max rows.
    """
    if num_perm < 2 or num_perm & (num_perm - 1):
        raise ValueError(f"num_perm must be a power of two, not {num_perm}")
    n = len(sets)
    if n == 0:
        return np.zeros((0, num_perm), dtype=_U64)
    lens = np.fromiter(map(len, sets), dtype=np.int64, count=n)
    values = np.concatenate(sets).astype(_U64, copy=False) if lens.sum() else np.zeros(0, _U64)
    shift = _U64(64 - (num_perm.bit_length() - 1))
    # (set, bin) keys are non-decreasing because every set is sorted
    keys = np.repeat(np.arange(n, dtype=np.int64) * num_perm, lens) + (values >> shift).astype(np.int64)
    first = np.searchsorted(keys, np.arange(n * num_perm + 1, dtype=np.int64))
    filled = (first[1:] > first[:-1]).reshape(n, num_perm)
    sig = np.full((n, num_perm), _EMPTY, dtype=_U64)
    sig[filled] = values[first[:-1].reshape(n, num_perm)[filled]]
    # rotation densification: nearest filled bin to the right (cyclically), offset by the distance
    cols = np.arange(2 * num_perm)
    where = np.where(np.tile(filled, 2), cols, 2 * num_perm)
    nearest = np.minimum.accumulate(where[:, ::-1], axis=1)[:, ::-1][:, :num_perm]
    has = filled.any(axis=1)
    dist = (nearest - cols[:num_perm])[has]
    borrowed = sig[has][np.arange(int(has.sum()))[:, None], nearest[has] % num_perm]
    sig[has] = borrowed + dist.astype(_U64) * _GOLDEN
    return sig


def band_keys(sig: np.ndarray, bands: int = BANDS) -> np.ndarray:
    """One 64-bit key per band and document, shape ``(n, bands)``."""
    n, num_perm = sig.shape
    rows = num_perm // bands
    key = np.zeros((n, bands), dtype=_U64)
    shaped = sig[:, : bands * rows].reshape(n, bands, rows)
    for r in range(rows):
        key = _mix(key ^ shaped[:, :, r].astype(_U64))
    return key


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Exact Jaccard similarity of two sorted unique arrays."""
    if not len(a) or not len(b):
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    at = np.searchsorted(b, a)
    inter = int(np.count_nonzero(b[np.minimum(at, len(b) - 1)] == a))
    return inter / (len(a) + len(b) - inter)


def near_duplicates(
    sets: Sequence[np.ndarray],
    order: Sequence[int],
    *,
    threshold: float = THRESHOLD,
    num_perm: int = NUM_PERM,
    bands: int = BANDS,
    max_bucket: int = MAX_BUCKET,
    max_checks: int = MAX_CHECKS,
) -> set[int]:
    """Indices of sets that are near duplicates of a set earlier in ``order`` (which are kept).

    Greedy in preference order: a document is dropped when its Jaccard
    similarity with an already kept document reaches ``threshold``.

    Cost stays near-linear on adversarial input (thousands of near-identical
    short items that are not duplicates, all in the same LSH buckets): a
    bucket holds at most ``max_bucket`` kept documents (the most preferred),
    and at most ``max_checks`` candidates are verified per document, those
    sharing the most bands first. Neither cap is reached on ordinary corpora,
    where the result is that of the uncapped search.
    """
    if len(sets) < 2:
        return set()
    keys = band_keys(signatures(sets, num_perm), bands)
    small: dict[int, frozenset[int]] = {}
    return greedy_near(
        keys, order, [len(x) for x in sets], lambda i, c: _similar(i, c, sets, small, threshold),
        threshold=threshold, max_bucket=max_bucket, max_checks=max_checks,
    )  # fmt: skip


def greedy_near(
    keys: np.ndarray | Sequence[Sequence[int]],
    order: Iterable[int],
    sizes: Sequence[int],
    similar: Callable[[int, int], bool],
    *,
    threshold: float = THRESHOLD,
    max_bucket: int = MAX_BUCKET,
    max_checks: int = MAX_CHECKS,
) -> set[int]:
    """The greedy search of :func:`near_duplicates` over given LSH band keys (one row per
    item), shingle-set sizes and an exact test ``similar(i, c)`` (Jaccard ≥ threshold):
    also used by the store, whose band keys are stored.

    An item none of whose band keys another (non-empty) item has can neither be
    dropped nor be found: it is left out of the search (the same result)."""
    table = np.asarray(keys, dtype=_U64)
    order = [i for i in order if sizes[i]]
    if not order or table.ndim != 2:
        return set()
    sub = table[order]
    width = sub.shape[1]
    # (band, key) pairs that occur more than once among the items searched
    flat = sub.ravel()
    band = np.tile(np.arange(width, dtype=np.int64), len(order))
    at = np.lexsort((flat, band))
    same = (flat[at][1:] == flat[at][:-1]) & (band[at][1:] == band[at][:-1])
    twice = np.zeros(len(flat), dtype=bool)
    twice[at[1:][same]] = True
    twice[at[:-1][same]] = True
    searched = twice.reshape(len(order), width).any(axis=1)
    rows = {i: sub[k].tolist() for k, i in enumerate(order) if searched[k]}
    buckets: list[dict[int, list[int]]] = [{} for _ in range(width)]
    dropped: set[int] = set()
    for i, row in rows.items():
        n = sizes[i]
        hits: list[list[int]] = []
        for band, key in enumerate(row):
            members = buckets[band].get(key)
            if members:
                hits.append(members)
        duplicate = False
        if hits:
            shared = Counter(chain.from_iterable(hits))
            if len(shared) > max_checks:
                ranked = sorted(shared, key=lambda c: (-shared[c], c))[:max_checks]
            else:
                ranked = sorted(shared)
            for c in ranked:
                m = sizes[c]
                if min(n, m) < threshold * max(n, m):
                    continue  # sizes too different to reach the threshold
                if similar(i, c):
                    duplicate = True
                    break
        if duplicate:
            dropped.add(i)
            continue
        for band, key in enumerate(row):
            members = buckets[band].setdefault(key, [])
            if len(members) < max_bucket:
                members.append(i)
    return dropped


def _similar(
    i: int, c: int, sets: Sequence[np.ndarray], small: dict[int, frozenset[int]], threshold: float
) -> bool:
    """Jaccard of sets ``i`` and ``c`` reaches ``threshold`` (Python sets for small ones: faster)."""
    a, b = sets[i], sets[c]
    if len(a) > _SMALL or len(b) > _SMALL:
        return jaccard(a, b) >= threshold
    fa = small.get(i)
    if fa is None:
        fa = small[i] = frozenset(a.tolist())
    fb = small.get(c)
    if fb is None:
        fb = small[c] = frozenset(b.tolist())
    inter = len(fa & fb)
    return inter / (len(fa) + len(fb) - inter) >= threshold

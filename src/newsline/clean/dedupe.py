"""Exact and near-duplicate articles: normalized-text hashes, then MinHash LSH on word shingles.

Near duplicates are pairs whose sets of word ``k``-shingles have a Jaccard
similarity of at least ``threshold``. MinHash signatures and banded LSH
propose candidates in (near) linear time; each candidate pair is then
verified with the exact Jaccard of the shingle sets, so the result does not
depend on hash luck beyond the (tiny) chance of missing a true pair.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Sequence

import numpy as np

SHINGLE = 5
THRESHOLD = 0.8
NUM_PERM = 64
BANDS = 16  # 16 bands of 4 rows: a pair at Jaccard 0.8 becomes a candidate with p > 0.999
_CHUNK = 1 << 16  # shingles per block when computing signatures


def exact_key(tokens: Sequence[str]) -> bytes:
    """Hash of an article's word sequence: equal for texts differing only in case, spacing, punctuation."""
    return hashlib.blake2b(" ".join(tokens).encode("utf-8"), digest_size=16).digest()


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64 finalizer: spreads ids over all 64 bits (uint64 arithmetic wraps)."""
    x = x ^ (x >> np.uint64(30))
    x = x * np.uint64(0xBF58476D1CE4E5B9)
    x = x ^ (x >> np.uint64(27))
    x = x * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


def word_ids(tokens: Sequence[str]) -> np.ndarray:
    """Deterministic 64-bit ids of words (CRC-32 of the UTF-8 bytes, spread by a mixer)."""
    return _mix(
        np.fromiter(map(zlib.crc32, map(str.encode, tokens)), dtype=np.uint64, count=len(tokens))
    )


def shingles(ids: np.ndarray, k: int = SHINGLE) -> np.ndarray:
    """Sorted unique 64-bit hashes of the word ``k``-grams of a sequence of word ids."""
    n = len(ids)
    if n == 0:
        return np.zeros(0, dtype=np.uint64)
    if n < k:
        k = n
    h = np.zeros(n - k + 1, dtype=np.uint64)
    for j in range(k):
        h = _mix(h ^ ids[j : n - k + 1 + j])
    return np.unique(h)


def signatures(sets: Sequence[np.ndarray], num_perm: int = NUM_PERM, seed: int = 0) -> np.ndarray:
    """MinHash signatures, shape ``(len(sets), num_perm)``; empty sets get all-max rows."""
    rng = np.random.default_rng(seed)
    # (a * x + b) mod 2**32 with odd a: a random permutation of 32-bit shingle hashes
    a = rng.integers(0, 2**32, size=num_perm, dtype=np.uint32) | np.uint32(1)
    b = rng.integers(0, 2**32, size=num_perm, dtype=np.uint32)
    sig = np.full((len(sets), num_perm), np.iinfo(np.uint32).max, dtype=np.uint32)
    start = 0
    while start < len(sets):
        # a block of documents holding about _CHUNK shingles
        stop, size = start, 0
        while stop < len(sets) and (size == 0 or size + len(sets[stop]) <= _CHUNK):
            size += len(sets[stop])
            stop += 1
        block = [s for s in sets[start:stop] if len(s)]
        rows = [i for i in range(start, stop) if len(sets[i])]
        if block:
            x = (np.concatenate(block) >> np.uint64(32)).astype(np.uint32)
            offsets = np.cumsum([0] + [len(s) for s in block[:-1]])
            hv = x[:, None] * a[None, :]
            hv += b[None, :]
            sig[rows] = np.minimum.reduceat(hv, offsets, axis=0)
        start = stop
    return sig


def band_keys(sig: np.ndarray, bands: int = BANDS) -> np.ndarray:
    """One 64-bit key per band and document, shape ``(n, bands)``."""
    n, num_perm = sig.shape
    rows = num_perm // bands
    key = np.zeros((n, bands), dtype=np.uint64)
    shaped = sig[:, : bands * rows].reshape(n, bands, rows)
    for r in range(rows):
        key = _mix(key ^ shaped[:, :, r].astype(np.uint64))
    return key


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Exact Jaccard similarity of two sorted unique arrays."""
    if not len(a) or not len(b):
        return 0.0
    inter = len(np.intersect1d(a, b, assume_unique=True))
    return inter / (len(a) + len(b) - inter)


def near_duplicates(
    sets: Sequence[np.ndarray],
    order: Sequence[int],
    *,
    threshold: float = THRESHOLD,
    num_perm: int = NUM_PERM,
    bands: int = BANDS,
    seed: int = 0,
) -> set[int]:
    """Indices of sets that are near duplicates of a set earlier in ``order`` (which are kept).

    Greedy in preference order: a document is dropped when its Jaccard
    similarity with an already kept document reaches ``threshold``.
    """
    if len(sets) < 2:
        return set()
    keys = band_keys(signatures(sets, num_perm, seed), bands).tolist()
    buckets: list[dict[int, list[int]]] = [{} for _ in range(bands)]
    dropped: set[int] = set()
    for i in order:
        s = sets[i]
        if not len(s):
            continue
        row = keys[i]
        candidates: set[int] = set()
        for band, key in enumerate(row):
            members = buckets[band].get(key)
            if members:
                candidates.update(members)
        n = len(s)
        duplicate = False
        for c in sorted(candidates):
            m = len(sets[c])
            if min(n, m) < threshold * max(n, m):
                continue  # sizes too different to reach the threshold
            if jaccard(s, sets[c]) >= threshold:
                duplicate = True
                break
        if duplicate:
            dropped.add(i)
            continue
        for band, key in enumerate(row):
            buckets[band].setdefault(key, []).append(i)
    return dropped

"""The writer's identity and near-duplicate index, rebuilt from the committed shards.

Rows (article versions) get a handle, their position in the writer's arrays.
Keys are 64-bit: the content hash (identity), the id and the url (updates),
and the 16 LSH band keys of :mod:`newsline.clean.dedupe` (near duplicates
across the whole store). A :class:`MultiMap` holds sorted chunks of
``(key, handle)`` and merges them as they grow (log-structured), so adding a
batch and looking one up cost about ``log(store size)`` per key and 12 bytes
per key of memory (with the signatures, about 450 bytes per article). The
index is never written: the shards are its persistent form.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

NEAR_THRESHOLD = 0.8  # share of equal MinHash bins (an estimate of the Jaccard similarity)


class MultiMap:
    """uint64 key -> handles, in sorted chunks merged when the last two are of similar size."""

    def __init__(self) -> None:
        self._chunks: list[tuple[np.ndarray, np.ndarray]] = []

    def add(self, keys: np.ndarray, handles: np.ndarray) -> None:
        keys = np.asarray(keys, dtype=np.uint64).ravel()
        handles = np.asarray(handles, dtype=np.int32).ravel()
        if not len(keys):
            return
        order = np.argsort(keys, kind="stable")
        self._chunks.append((keys[order], handles[order]))
        while len(self._chunks) > 1 and len(self._chunks[-2][0]) <= 2 * len(self._chunks[-1][0]):
            (k2, h2), (k1, h1) = self._chunks.pop(), self._chunks.pop()
            k, h = np.concatenate([k1, k2]), np.concatenate([h1, h2])
            order = np.argsort(k, kind="stable")
            self._chunks.append((k[order], h[order]))

    def get(self, keys: Iterable[int]) -> list[list[int]]:
        """For each key the handles stored under it (oldest chunk first)."""
        q = np.fromiter(keys, dtype=np.uint64)
        out: list[list[int]] = [[] for _ in range(len(q))]
        for k, h in self._chunks:
            lo = np.searchsorted(k, q, "left")
            hi = np.searchsorted(k, q, "right")
            for i in np.flatnonzero(hi > lo).tolist():
                out[i].extend(h[lo[i] : hi[i]].tolist())
        return out


class StoreIndex:
    """Which article versions are alive, and how to find them by content, id, url and bands."""

    def __init__(self) -> None:
        self.content = MultiMap()
        self.ids = MultiMap()
        self.urls = MultiMap()
        self.bands = MultiMap()
        self._alive = np.zeros(1024, dtype=bool)
        self._seq = np.zeros(1024, dtype=np.int64)
        self._sig = np.zeros((1024, 64), dtype=np.uint16)
        self._shard = np.zeros(1024, dtype=np.int32)  # index into shard_names
        self._row = np.zeros(1024, dtype=np.int32)
        self.shard_names: list[str] = []
        self.id_of: list[str] = []

    def __len__(self) -> int:
        return len(self.id_of)

    @property
    def alive(self) -> np.ndarray:
        return self._alive[: len(self)]

    @property
    def seq(self) -> np.ndarray:
        return self._seq[: len(self)]

    def location(self, handle: int) -> tuple[str, int]:
        """(shard, row) of a handle."""
        return self.shard_names[self._shard[handle]], int(self._row[handle])

    def extend(
        self,
        shard: str,
        rows: np.ndarray,
        seqs: np.ndarray,
        ids: list[str],
        content: np.ndarray,
        id_keys: np.ndarray,
        url_keys: np.ndarray,
        signature: np.ndarray,
    ) -> np.ndarray:
        """Add rows (alive); returns their handles. Band keys are added with :meth:`add_bands`."""
        start, n = len(self), len(ids)
        if start + n > len(self._alive):
            size = max(2 * len(self._alive), start + n)
            self._alive = np.resize(self._alive, size)
            self._seq = np.resize(self._seq, size)
            self._shard = np.resize(self._shard, size)
            self._row = np.resize(self._row, size)
            sig = np.zeros((size, 64), dtype=np.uint16)
            sig[:start] = self._sig[:start]
            self._sig = sig
        handles = np.arange(start, start + n, dtype=np.int32)
        self.shard_names.append(shard)
        self._shard[start : start + n] = len(self.shard_names) - 1
        self._row[start : start + n] = rows
        self.id_of.extend(ids)
        self._alive[start : start + n] = True
        self._seq[start : start + n] = seqs
        self._sig[start : start + n] = signature
        self.content.add(content, handles)
        has_url = url_keys != 0
        self.ids.add(id_keys, handles)
        self.urls.add(url_keys[has_url], handles[has_url])
        return handles

    def kill(self, handle: int) -> None:
        self._alive[handle] = False

    def add_bands(self, handles: np.ndarray, bands: np.ndarray) -> None:
        """Index the band keys of kept (not near-duplicate) rows."""
        if len(handles):
            self.bands.add(salted(bands), np.repeat(handles, bands.shape[1]))

    def alive_of(self, found: list[int]) -> int | None:
        """The newest alive handle among ``found``."""
        live = [h for h in found if self.alive[h]]
        return max(live) if live else None

    def near_duplicate(self, candidates: list[int], signature: np.ndarray) -> int | None:
        """The first alive candidate whose signature agrees in at least NEAR_THRESHOLD of its bins."""
        for h in candidates:
            if self._alive[h] and np.mean(self._sig[h] == signature) >= NEAR_THRESHOLD:
                return h
        return None


_SALT = np.arange(1, 17, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)


def salted(bands: np.ndarray) -> np.ndarray:
    """Band keys made distinct per band (one map holds all 16 bands), flattened row by row."""
    return (bands.astype(np.uint64) ^ _SALT[None, : bands.shape[1]]).ravel()

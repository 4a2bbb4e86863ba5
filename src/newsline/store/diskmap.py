"""The writer's key maps and per-row columns, kept on disk so its memory does not grow with the store.

:class:`DiskMultiMap` maps 64-bit keys to int64 handles as a log-structured
merge of sorted runs: additions collect in a small in-memory buffer (sorted
chunks, merged as they grow); a full buffer is merged and written as a run (two raw files: keys, handles); the
last two runs are merged (streaming, in chunks) when they are of similar
size, so there are about ``log2(store / buffer)`` runs. Memory keeps every
``BLOCK``-th key of each run (its fences, 1/64 of the keys: 2 MB per 10^6
articles); a lookup finds each key's block in them and binary-searches only
that block (or two) through a memory map opened for ``SLICE`` keys at a
time, so the pages a lookup holds (<= 16 MB) do not grow with the store: a
binary search of the whole mapped run touches nearly every page of it (a
shard's 16,000 band keys against the 16 million of 10^6 articles: 120 MB
resident during each commit's lookup), for the same CPU. The OS page cache
keeps what it can. :class:`DiskColumn` is an append-only file of fixed-width
rows read by handle through a map opened for that read. Both live in a
private folder of the writer (``tmp/writer-*``), rebuilt from the shards
when a writer opens.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import numpy as np

BUFFER = 1 << 19  # keys held in memory before a run is written (8 MB)
CHUNK = 1 << 20  # keys per step of a streaming merge
BLOCK = 64  # keys per fence: a lookup reads one or two blocks of 512 bytes per key
SLICE = 2048  # keys looked up per mapping of a run (at most 2 pages each held: <= 16 MB)

#: A sorted run on disk: keys file, handles file, length, every BLOCK-th key.
_Run = tuple[Path, Path, int, np.ndarray]


class DiskMultiMap:
    """uint64 key -> handles (int64), on disk but for the last ``BUFFER`` additions."""

    def __init__(self, folder: Path, name: str) -> None:
        self.folder = folder
        self.name = name
        self._runs: list[_Run] = []
        self._chunks: list[tuple[np.ndarray, np.ndarray]] = []  # the buffer: sorted chunks
        self._buffered = 0
        self._serial = 0

    def __len__(self) -> int:
        return self._buffered + sum(r[2] for r in self._runs)

    def add(self, keys: np.ndarray, handles: np.ndarray) -> None:
        keys = np.asarray(keys, dtype=np.uint64).ravel()
        handles = np.asarray(handles, dtype=np.int64).ravel()
        if not len(keys):
            return
        order = np.argsort(keys, kind="stable")
        self._chunks.append((keys[order], handles[order]))
        self._buffered += len(keys)
        while len(self._chunks) > 1 and len(self._chunks[-2][0]) <= 2 * len(self._chunks[-1][0]):
            self._chunks.append(_merged(self._chunks.pop(-2), self._chunks.pop()))
        if self._buffered >= BUFFER:
            self.flush()

    def flush(self) -> None:
        """Write the buffer as a run, then merge runs of similar size."""
        if not self._buffered:
            return
        k, h = self._chunks[0]
        for chunk in self._chunks[1:]:
            k, h = _merged((k, h), chunk)
        kp, hp = self._paths()
        k.tofile(kp)
        h.tofile(hp)
        self._runs.append((kp, hp, len(k), k[::BLOCK].copy()))
        self._chunks, self._buffered = [], 0
        while len(self._runs) > 1 and self._runs[-2][2] <= 2 * self._runs[-1][2]:
            newer, older = self._runs.pop(), self._runs.pop()
            self._runs.append(self._merge(older, newer))

    def _paths(self) -> tuple[Path, Path]:
        self._serial += 1
        stem = self.folder / f"{self.name}-{self._serial:06d}"
        return stem.with_suffix(".keys"), stem.with_suffix(".handles")

    def _merge(self, a: _Run, b: _Run) -> _Run:
        """Merge two sorted runs into one (``a``'s entries first among equal keys), chunk by chunk."""
        kp, hp = self._paths()
        ak, bk = _map(a[0], np.uint64, a[2]), _map(b[0], np.uint64, b[2])
        i = j = 0
        fences: list[np.ndarray] = []
        with open(kp, "wb") as fk, open(hp, "wb") as fh:
            while i < a[2] or j < b[2]:
                if i >= a[2]:
                    i2, j2 = i, min(j + CHUNK, b[2])
                elif j >= b[2]:
                    i2, j2 = min(i + CHUNK, a[2]), j
                else:
                    bound = min(ak[min(i + CHUNK, a[2]) - 1], bk[min(j + CHUNK, b[2]) - 1])
                    i2 = int(np.searchsorted(ak, bound, "right"))
                    j2 = int(np.searchsorted(bk, bound, "right"))
                keys = np.concatenate([_read(a[0], np.uint64, i, i2), _read(b[0], np.uint64, j, j2)])
                vals = np.concatenate([_read(a[1], np.int64, i, i2), _read(b[1], np.int64, j, j2)])
                order = np.argsort(keys, kind="stable")
                keys = keys[order]
                fences.append(keys[(-(i + j)) % BLOCK :: BLOCK].copy())  # i + j written so far
                keys.tofile(fk)
                vals[order].tofile(fh)
                i, j = i2, j2
        del ak, bk
        for p in (a[0], a[1], b[0], b[1]):
            p.unlink()
        return kp, hp, a[2] + b[2], np.concatenate(fences) if fences else np.zeros(0, np.uint64)

    def get(self, keys: Iterable[int]) -> list[list[int]]:
        """For each key the handles stored under it (older first)."""
        q = np.fromiter(keys, dtype=np.uint64)
        out: list[list[int]] = [[] for _ in range(len(q))]
        if not len(q):
            return out
        order = np.argsort(q)
        qs = q[order]
        for run in self._runs:
            for s in range(0, len(qs), SLICE):
                lo, hi = _bounds(run, qs[s : s + SLICE])
                hit = np.flatnonzero(hi > lo)
                if len(hit):
                    h = _map(run[1], np.int64, run[2])
                    for x in hit.tolist():
                        out[int(order[s + x])].extend(h[lo[x] : hi[x]].tolist())
                    del h
        for k, h in self._chunks:
            lo = np.searchsorted(k, qs, "left")
            hi = np.searchsorted(k, qs, "right")
            for x in np.flatnonzero(hi > lo).tolist():
                out[int(order[x])].extend(h[lo[x] : hi[x]].tolist())
        return out


class DiskColumn:
    """An append-only file of fixed-width rows (``width`` values of ``dtype``), read by row."""

    def __init__(self, path: Path, dtype: type, width: int = 1) -> None:
        self.path = path
        self.dtype = np.dtype(dtype)
        self.width = width
        self.rows = 0
        path.touch()

    def append(self, values: np.ndarray) -> None:
        values = np.ascontiguousarray(values, dtype=self.dtype).reshape(-1, self.width)
        with open(self.path, "ab") as f:
            values.tofile(f)
        self.rows += len(values)

    def take(self, rows: np.ndarray) -> np.ndarray:
        """Rows ``rows`` as an ``(n, width)`` array (a copy)."""
        rows = np.asarray(rows, dtype=np.int64)
        if not len(rows) or not self.rows:
            return np.zeros((len(rows), self.width), self.dtype)
        m = np.memmap(self.path, dtype=self.dtype, mode="r", shape=(self.rows, self.width))
        out = np.array(m[rows])
        del m
        return out


def _merged(a: tuple[np.ndarray, np.ndarray], b: tuple[np.ndarray, np.ndarray]
            ) -> tuple[np.ndarray, np.ndarray]:
    """Two sorted in-memory chunks as one (``a``'s entries first among equal keys)."""
    k = np.concatenate([a[0], b[0]])
    order = np.argsort(k, kind="stable")
    return k[order], np.concatenate([a[1], b[1]])[order]


def _bounds(run: _Run, qs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``searchsorted(keys, qs, "left")`` and ``(..., "right")`` over the run's keys,
    reading only the block each bound falls in (found in the fences): a binary
    search of all queries at once inside their blocks."""
    kp, _, n, fences = run
    k = _map(kp, np.uint64, n)
    out = []
    for side in ("left", "right"):
        # the bound is in the block of the last fence before it, or at the next fence
        block = np.maximum(np.searchsorted(fences, qs, side).astype(np.int64) - 1, 0)
        lo = block * BLOCK
        hi = np.minimum(lo + BLOCK, n)
        while True:
            active = lo < hi
            if not active.any():
                break
            mid = (lo + hi) >> 1
            key = k[np.minimum(mid, n - 1)]
            below = (key < qs) if side == "left" else (key <= qs)
            right = active & below
            lo = np.where(right, mid + 1, lo)
            hi = np.where(active & ~below, mid, hi)
        out.append(lo)
    del k
    return out[0], out[1]


def _map(path: Path, dtype: type, n: int) -> np.ndarray:
    if not n:
        return np.zeros(0, dtype)
    return np.memmap(path, dtype=dtype, mode="r", shape=(n,))


def _read(path: Path, dtype: type, lo: int, hi: int) -> np.ndarray:
    """Elements ``[lo, hi)`` of a raw file, read (not mapped)."""
    if hi <= lo:
        return np.zeros(0, dtype)
    size = np.dtype(dtype).itemsize
    with open(path, "rb") as f:
        f.seek(lo * size, os.SEEK_SET)
        return np.fromfile(f, dtype=dtype, count=hi - lo)

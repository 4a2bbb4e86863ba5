"""The writer's identity and near-duplicate index, rebuilt from the committed shards.

A row (article version) is known by its handle, its global row number: the
rows of the shards before it in the manifest plus its row in its shard (the
shard list only grows, so a handle never changes). Keys are 64-bit: the
content hash (identity), the id and the url (updates), and the 16 LSH band
keys of :mod:`newsline.clean.dedupe` (near duplicates across the whole
store). The key maps, the MinHash bins and the ``seq`` of every row are on
disk (:mod:`.diskmap`, in a private folder of the writer); memory holds one
byte per row (alive or not) and the last few hundred thousand keys, so the
writer's memory does not grow with the store. The index is never
committed: the shards are its persistent form.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pyarrow.parquet as pq

from .diskmap import DiskColumn, DiskMultiMap
from .layout import shard_path

NEAR_THRESHOLD = 0.8  # share of equal MinHash bins (an estimate of the Jaccard similarity)


class StoreIndex:
    """Which article versions are alive, and how to find them by content, id, url and bands."""

    def __init__(self, root: Path, folder: Path) -> None:
        self.root = root
        self.content = DiskMultiMap(folder, "content")
        self.ids = DiskMultiMap(folder, "ids")
        self.urls = DiskMultiMap(folder, "urls")
        self.bands = DiskMultiMap(folder, "bands")
        self._alive = np.zeros(1024, dtype=bool)
        self._seq = DiskColumn(folder / "seq.i64", np.int64)
        self._sig = DiskColumn(folder / "signature.u16", np.uint16, 64)
        self.shard_names: list[str] = []
        self._bases: list[int] = []
        self._n = 0
        self._ids: tuple[str, list[str]] = ("", [])  # the ids of the last shard read

    def __len__(self) -> int:
        return self._n

    @property
    def alive(self) -> np.ndarray:
        return self._alive[: self._n]

    def seq(self, handle: int) -> int:
        return int(self._seq.take(np.array([handle]))[0, 0])

    def location(self, handle: int) -> tuple[str, int]:
        """(shard, row) of a handle."""
        i = bisect.bisect_right(self._bases, handle) - 1
        return self.shard_names[i], handle - self._bases[i]

    def id_of(self, handle: int) -> str:
        """The article id of a committed row (read from its shard)."""
        shard, row = self.location(handle)
        if self._ids[0] != shard:
            ids = pq.read_table(shard_path(self.root, shard), columns=["id"])["id"].to_pylist()
            self._ids = (shard, ids)
        return self._ids[1][row]

    def extend(
        self,
        shard: str,
        seqs: np.ndarray,
        content: np.ndarray,
        id_keys: np.ndarray,
        url_keys: np.ndarray,
        signature: np.ndarray,
    ) -> np.ndarray:
        """Add the rows of a shard (alive); returns their handles. Band keys: :meth:`add_bands`."""
        start, n = self._n, len(seqs)
        if start + n > len(self._alive):
            self._alive = np.resize(self._alive, max(2 * len(self._alive), start + n))
        handles = np.arange(start, start + n, dtype=np.int64)
        self.shard_names.append(shard)
        self._bases.append(start)
        self._n += n
        self._alive[start : start + n] = True
        self._seq.append(seqs)
        self._sig.append(signature)
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

    def alive_of(self, found: Iterable[int]) -> int | None:
        """The newest alive handle among ``found``."""
        live = [h for h in found if self._alive[h]]
        return max(live) if live else None

    def near_duplicate(self, candidates: list[int], signature: np.ndarray) -> int | None:
        """The first alive candidate whose signature agrees in at least NEAR_THRESHOLD of its bins."""
        live = np.array([h for h in candidates if self._alive[h]], dtype=np.int64)
        if not len(live):
            return None
        agree = (self._sig.take(live) == signature[None, :]).mean(axis=1) >= NEAR_THRESHOLD
        hit = np.flatnonzero(agree)
        return int(live[hit[0]]) if len(hit) else None


_SALT = np.arange(1, 17, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)


def salted(bands: np.ndarray) -> np.ndarray:
    """Band keys made distinct per band (one map holds all 16 bands), flattened row by row."""
    return (bands.astype(np.uint64) ^ _SALT[None, : bands.shape[1]]).ravel()

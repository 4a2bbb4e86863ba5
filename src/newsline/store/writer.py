"""``index add``: stream articles in batches to an engine, commit each shard atomically.

One writer at a time holds ``lock``. Opening rebuilds the identity index from
the committed shards and removes what a killed writer left (files in ``tmp/``,
shards no manifest names). Each batch is dispatched only with the articles
that are new (content hash unseen) or updated (same id or url, new content);
results are committed in dispatch order, so the store does not depend on
which worker finished first.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from ..model import Article
from .engines import Engine, Pending
from .index import NEAR_THRESHOLD, StoreIndex, salted
from .layout import (
    CHANGES_SCHEMA,
    SCHEMA_VERSION,
    StoreError,
    changes_path,
    fsync_dir,
    read_manifest,
    shard_bases,
    shard_path,
    write_manifest,
)
from .lines import lines_path, migrate_lines
from .postings import commit_segment, index_shard
from .prepare import ShardResult, content_hash, key64, prepare_shard
from .variants import migrate_shard, variants_path

BATCH = 1000  # articles per shard (written by the worker in row groups of 64)


@dataclass
class AddReport:
    """What one ``add`` did. ``problems`` are the input lines that were skipped."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    empty: int = 0
    near_duplicates: int = 0
    commits: int = 0
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    workers: set[str] = field(default_factory=set)  # host:pid of the processes that prepared
    #: input items (files, records, lines) skipped while reading; the other problems
    #: are warnings about items kept (a date dropped)
    items_skipped: int = 0

    @property
    def skipped(self) -> int:
        """Articles not stored: empty after cleaning, plus unreadable input items (not the
        warnings about items kept, a dropped date or removed NUL bytes)."""
        return self.empty + self.items_skipped


@dataclass
class _Task:
    pending: Pending
    kinds: dict[str, str]  # id -> "added" | "updated"
    replaces: list[int]  # handles of the versions these rows supersede
    hashes: list[bytes]


class Writer:
    """The one writer of a store folder (an exclusive lock for its lifetime)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        for sub in ("shards", "changes", "terms", "variants", "lines", "tmp"):
            (root / sub).mkdir(parents=True, exist_ok=True)
        self._lock = open(root / "lock", "a+b")  # noqa: SIM115 (held until close)
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._lock.close()
            raise StoreError(f"{root}: another process is adding to this store") from None
        try:
            self.manifest = read_manifest(root)
            self._clean_leftovers()
            self._private = Path(tempfile.mkdtemp(prefix="writer-", dir=root / "tmp"))
            self.index = StoreIndex(root, self._private)
            self._migrate()
            self._load_index()
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        if getattr(self, "_private", None) is not None:
            shutil.rmtree(self._private, ignore_errors=True)
            self._private = None
        fcntl.flock(self._lock, fcntl.LOCK_UN)
        self._lock.close()

    def _clean_leftovers(self) -> None:
        for f in (self.root / "tmp").iterdir():
            if f.is_dir():
                shutil.rmtree(f, ignore_errors=True)
            else:
                f.unlink(missing_ok=True)
        for folder, names in (("shards", {s["name"] for s in self.manifest.shards}),
                              ("changes", set(self.manifest.changes)),
                              ("terms", {t["name"] for t in self.manifest.terms}),
                              ("variants", {s["name"] for s in self.manifest.shards}),
                              ("lines", {s["name"] for s in self.manifest.shards})):
            for f in (self.root / folder).iterdir():
                if f.stem not in names:
                    f.unlink()

    def _migrate(self) -> None:
        """Give an older store what this version adds, from the stored texts, in one
        commit: a version-1 store its full-text index, a version-1 or 2 store its
        prepared variants (:mod:`.variants`), a version 1 to 3 store its recurring-line
        keys (:mod:`.lines`)."""
        m = self.manifest
        if m.indexed and m.version == SCHEMA_VERSION:
            return
        old: list[Path] = []
        for i in range(sum(int(t["shards"]) for t in m.terms), len(m.shards)):
            old.extend(index_shard(self.root, m, i))
        fsync_dir(self.root / "terms")
        if m.version < 3:
            for i in range(len(m.shards)):
                migrate_shard(self.root, m, i)
            fsync_dir(self.root / "variants")
        if m.version < 4:
            for i in range(len(m.shards)):
                migrate_lines(self.root, m, i)
            fsync_dir(self.root / "lines")
        write_manifest(self.root, m)
        m.version = SCHEMA_VERSION
        for f in old:
            f.unlink(missing_ok=True)

    def _load_index(self) -> None:
        """Stream the committed shards into the index (memory: one shard at a time)."""
        m = self.manifest
        base = dict(zip((s["name"] for s in m.shards), shard_bases(m), strict=True))
        total = sum(int(s["rows"]) for s in m.shards)
        dead = np.zeros(total, dtype=bool)  # replaced by an update, or marked near duplicate
        alive = np.ones(total, dtype=bool)
        for name in m.changes:
            c = pq.read_table(changes_path(self.root, name), columns=["shard", "row", "action"])
            h = np.array([base[x] for x in c["shard"].to_pylist()], dtype=np.int64)
            h += c["row"].to_numpy()
            dead[h] = True
            alive[h[np.asarray(c["action"].to_pylist()) == "delete"]] = False
        cols = ["seq", "id", "url", "content_hash", "bands", "signature"]
        for shard in m.shards:
            t = pq.read_table(shard_path(self.root, shard["name"]), columns=cols)
            handles = self._extend(shard["name"], t["seq"].to_numpy(), t["id"].to_pylist(),
                                   t["url"].to_pylist(), t["content_hash"].to_pylist(),
                                   fixed_width(t["signature"], np.uint16, 64))
            for h in handles[~alive[handles]].tolist():
                self.index.kill(h)
            keep = ~dead[handles]
            self.index.add_bands(handles[keep], fixed_width(t["bands"], np.uint64, 16)[keep])

    def _extend(self, shard: str, seqs: Any, ids: list[str], urls: list[str],
                content: list[bytes], signature: np.ndarray) -> np.ndarray:
        return self.index.extend(
            shard, np.asarray(seqs),
            np.array([_h64(c) for c in content], dtype=np.uint64),
            np.array([key64(i) for i in ids], dtype=np.uint64),
            np.array([key64(u) for u in urls], dtype=np.uint64),
            signature,
        )

    def add(self, articles: Iterable[Article], engine: Engine, *, batch_size: int = BATCH,
            collection: str = "") -> AddReport:
        """Prepare and commit ``articles``; each finished batch is one commit."""
        report = AddReport()
        inflight: list[_Task] = []
        dispatched: set[bytes] = set()
        root = str(self.root.resolve())
        try:
            for batch in _batches(articles, batch_size):
                task = self._dispatch(batch, engine, root, collection, dispatched, report)
                if task is not None:
                    inflight.append(task)
                while len(inflight) >= engine.slots:
                    self._commit(inflight.pop(0), dispatched, report)
            while inflight:
                self._commit(inflight.pop(0), dispatched, report)
        finally:
            engine.close()
        return report

    def _dispatch(self, batch: list[Article], engine: Engine, root: str, collection: str,
                  dispatched: set[bytes], report: AddReport) -> _Task | None:
        hashes = [content_hash(a) for a in batch]
        found = self.index.content.get(_h64(h) for h in hashes)
        by_id = self.index.ids.get(key64(a.id) for a in batch)
        by_url = self.index.urls.get(key64(a.url) if a.url else 0 for a in batch)
        items: list[tuple[int, Article]] = []
        task = _Task(None, {}, [], [])  # type: ignore[arg-type]
        for a, h, same, ids, urls in zip(batch, hashes, found, by_id, by_url, strict=True):
            if h in dispatched or self.index.alive_of(same) is not None:
                report.unchanged += 1
                continue
            old = self.index.alive_of(ids)
            if old is None and a.url:
                old = self.index.alive_of(urls)
            if old is not None and old not in task.replaces:
                seq = self.index.seq(old)
                task.replaces.append(old)
                task.kinds[a.id] = "updated"
            else:
                seq = self.manifest.next_seq
                self.manifest.next_seq += 1
                task.kinds[a.id] = "added"
            dispatched.add(h)
            task.hashes.append(h)
            items.append((seq, a))
        if not items:
            return None
        name = f"{items[0][0]:010d}-{uuid.uuid4().hex[:12]}"
        task.pending = engine.submit(prepare_shard, items, root, name, collection)
        return task

    def _commit(self, task: _Task, dispatched: set[bytes], report: AddReport) -> None:
        res: ShardResult = task.pending.result()
        report.workers.add(res.worker)
        for aid in res.empty:
            report.empty += 1
            task.kinds.pop(aid, None)
        for kind in task.kinds.values():
            setattr(report, kind, getattr(report, kind) + 1)
        if not len(res) and not task.replaces:  # all left empty by the cleaning: no commit
            for f in (f"{res.name}.parquet", f"{res.name}.terms.arrow", f"{res.name}.variants.parquet",
                      f"{res.name}.lines.parquet"):
                (self.root / "tmp" / f).unlink(missing_ok=True)
            dispatched.difference_update(task.hashes)
            return
        changes: list[tuple[str, int, str, str]] = []
        for old in task.replaces:
            self.index.kill(old)
            shard, row = self.index.location(old)
            changes.append((shard, row, "delete", ""))
        handles = self._extend(res.name, res.seqs, res.ids, res.urls, res.content, res.signature)
        kept = self._near_duplicates(res, handles, changes)
        report.near_duplicates += len(res) - len(kept)
        self.index.add_bands(handles[kept], res.bands[kept])
        self._publish(res, changes)
        report.commits += 1
        dispatched.difference_update(task.hashes)

    def _near_duplicates(self, res: ShardResult, handles: np.ndarray,
                         changes: list[tuple[str, int, str, str]]) -> np.ndarray:
        """Rows kept (not near duplicates of an article already in the store or this shard)."""
        keys = salted(res.bands).reshape(len(res), res.bands.shape[1])
        found = self.index.bands.get(keys.ravel().tolist())  # one lookup for the whole shard
        width = keys.shape[1]
        local: dict[int, list[int]] = {}
        kept: list[int] = []
        for i, h in enumerate(handles.tolist()):
            row = keys[i].tolist()
            stored = {c for hs in found[i * width : (i + 1) * width] for c in hs}
            stored.discard(h)
            near = self.index.near_duplicate(sorted(stored), res.signature[i])
            if near is None:
                for j in sorted({j for k in row for j in local.get(k, ())}):
                    if np.mean(res.signature[j] == res.signature[i]) >= NEAR_THRESHOLD:
                        near = int(handles[j])
                        break
            if near is not None:
                other = (res.ids[near - int(handles[0])] if near >= handles[0]
                         else self.index.id_of(near))
                changes.append((res.name, int(res.rows[i]), "duplicate", other))
                continue
            kept.append(i)
            for k in row:
                local.setdefault(k, []).append(i)
        return np.array(kept, dtype=np.int64)

    def _publish(self, res: ShardResult, changes: list[tuple[str, int, str, str]]) -> None:
        """The one atomic step: shard and change file renamed in, then the manifest replaced."""
        m = self.manifest
        os.replace(self.root / "tmp" / f"{res.name}.parquet", shard_path(self.root, res.name))
        os.replace(self.root / "tmp" / f"{res.name}.variants.parquet", variants_path(self.root, res.name))
        os.replace(self.root / "tmp" / f"{res.name}.lines.parquet", lines_path(self.root, res.name))
        if changes:
            cols = list(zip(*changes, strict=True))
            table = pa.Table.from_arrays([pa.array(c) for c in cols], schema=CHANGES_SCHEMA)
            tmp = self.root / "tmp" / f"{res.name}.changes.parquet"
            pq.write_table(table, tmp)
            os.replace(tmp, changes_path(self.root, res.name))
            m.changes.append(res.name)
        m.shards.append({"name": res.name, "rows": len(res), "commit": m.commit + 1})
        replaced = commit_segment(self.root, m, res.name, len(res))
        fsync_dir(self.root / "shards")
        fsync_dir(self.root / "terms")
        fsync_dir(self.root / "variants")
        fsync_dir(self.root / "lines")
        m.commit += 1
        write_manifest(self.root, m)
        for f in replaced:  # readers of an older manifest retry with the new one
            f.unlink(missing_ok=True)


def _batches(items: Iterable[Article], n: int) -> Iterator[list[Article]]:
    it = iter(items)
    while batch := list(islice(it, n)):
        yield batch


def _h64(digest: bytes) -> int:
    return int.from_bytes(digest[:8], "little")


def fixed_width(col: pa.ChunkedArray, dtype: type, width: int) -> np.ndarray:
    """A fixed-size binary column as an ``(n, width)`` array."""
    data = b"".join(col.to_pylist())
    return np.frombuffer(data, dtype=np.dtype(dtype).newbyteorder("<")).reshape(-1, width).astype(dtype)

"""The full-text index of the store: term -> rows, in segments committed with the shards.

A segment is an Arrow IPC file ``terms/<name>.arrow`` (read memory-mapped,
no decompression) of two columns sorted by ``term``: ``term`` (string) and
``rows`` (list<int32>, ascending: row numbers counted from the first row of
the segment's first shard). Terms are the lower-cased word runs (``\\w+``,
Python's ``str.lower``) of each article's cleaned ``text``, and three field
terms per row: ``\\x01`` + its day (``coalesce(published, est_published)``,
ISO, empty when undated), ``\\x02`` + its collection, ``\\x03`` + its source.

Every shard is covered by exactly one segment (the manifest's ``terms``
list, in shard order). A worker writes the one-shard segment next to its
shard; the writer commits both in one manifest, and merges the last
``FANOUT`` segments of one level into one (levels of 1, 8, 64 shards; no
merge above ``MAX_LEVEL``), so a store has about ``FANOUT`` segments per
level plus one per 64 shards.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from .layout import Manifest, shard_path, terms_path

WORD = re.compile(r"\w+")
DAY, COLLECTION, SOURCE = "\x01", "\x02", "\x03"
FIELDS = (DAY, COLLECTION, SOURCE)
FANOUT = 8
MAX_LEVEL = 2  # segments of FANOUT**MAX_LEVEL shards are not merged further
BATCH_POSTINGS = 1 << 22  # postings per record batch of a merged segment (16 MB)
SCHEMA = pa.schema([("term", pa.string()), ("rows", pa.list_(pa.int32()))])


def row_terms(text: str, day: dt.date | None, collection: str, source: str) -> set[str]:
    """The terms a row is indexed under."""
    terms = set(WORD.findall(text.lower()))
    terms.update((DAY + (day.isoformat() if day else ""), COLLECTION + collection, SOURCE + source))
    return terms


def build_segment(term_sets: Sequence[set[str]]) -> pa.Table:
    """A segment of rows ``0..n-1`` with the given term sets."""
    counts = np.fromiter((len(t) for t in term_sets), dtype=np.int64, count=len(term_sets))
    flat = pa.array([t for ts in term_sets for t in ts], pa.string())
    if not len(flat):
        return SCHEMA.empty_table()
    enc = pc.dictionary_encode(flat)
    uniques, idx = enc.dictionary, enc.indices.to_numpy()
    order = pc.sort_indices(uniques).to_numpy()
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order))
    keys = rank[idx]
    rows = np.repeat(np.arange(len(term_sets), dtype=np.int32), counts)
    by_term = np.argsort(keys, kind="stable")  # rows stay ascending within a term
    offsets = np.zeros(len(order) + 1, dtype=np.int32)
    np.cumsum(np.bincount(keys, minlength=len(order)), out=offsets[1:])
    lists = pa.ListArray.from_arrays(pa.array(offsets), pa.array(rows[by_term]))
    return pa.Table.from_arrays([uniques.take(pa.array(order)), lists], schema=SCHEMA)


def merge_segments(tables: Sequence[pa.Table], bases: Sequence[int]) -> pa.Table:
    """One segment of ``tables`` whose rows start at ``bases`` (in the merged numbering)."""
    return pa.Table.from_batches(list(merge_batches(lambda: tables, bases)), schema=SCHEMA)


def merge_batches(load: Callable[[], Sequence[pa.Table]], bases: Sequence[int],
                  target: int = BATCH_POSTINGS) -> Iterator[pa.RecordBatch]:
    """The merged segment in record batches of about ``target`` postings (sorted by term).

    ``load()`` maps the input segments; it is called again for every batch, so
    the pages a batch touched leave the process with it (memory: one batch).
    """
    tables = load()
    terms = pa.chunked_array([t["term"] for t in tables], pa.string()).combine_chunks()
    if not len(terms):
        return
    enc = pc.dictionary_encode(terms)
    uniques, idx = enc.dictionary, enc.indices.to_numpy()
    order = pc.sort_indices(uniques).to_numpy()
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order))
    ranks, offsets_in, lo = [], [], 0
    counts = np.zeros(len(order), dtype=np.int64)
    for t in tables:
        r = rank[idx[lo : lo + t.num_rows]]  # ascending: the input is sorted by term
        lo += t.num_rows
        offs = list_parts(t["rows"])[0].copy()
        counts[r] += np.diff(offs)
        ranks.append(r)
        offsets_in.append(offs)
    del tables, terms, enc, idx
    sorted_terms = uniques.take(pa.array(order))
    offsets = np.zeros(len(order) + 1, dtype=np.int64)
    np.cumsum(counts, out=offsets[1:])
    cuts = np.unique(np.concatenate([[0], np.searchsorted(
        offsets, np.arange(target, int(offsets[-1]), target)), [len(order)]]))
    cursor = offsets[:-1].copy()
    for r0, r1 in zip(cuts[:-1].tolist(), cuts[1:].tolist(), strict=True):
        out = np.empty(int(offsets[r1] - offsets[r0]), dtype=np.int32)
        for t, r, offs, base in zip(load(), ranks, offsets_in, bases, strict=True):
            a, b = np.searchsorted(r, [r0, r1]).tolist()
            if a == b:
                continue
            vals = list_parts(t["rows"])[1][offs[a] : offs[b]]
            c = np.diff(offs[a : b + 1])
            # destination of each posting: its term's cursor plus its place in the term's list
            dest = np.arange(len(vals), dtype=np.int32)
            dest += np.repeat((cursor[r[a:b]] - offsets[r0] - (offs[a:b] - offs[a])).astype(
                np.int32), c)
            out[dest] = vals
            out[dest] += np.int32(base)
            cursor[r[a:b]] += c
            del dest, vals
        lists = pa.ListArray.from_arrays(
            pa.array((offsets[r0 : r1 + 1] - offsets[r0]).astype(np.int32)), pa.array(out))
        yield pa.record_batch([sorted_terms.slice(r0, r1 - r0), lists], schema=SCHEMA)
        del out, lists
        pa.default_memory_pool().release_unused()


def list_parts(col: pa.ChunkedArray | pa.ListArray) -> tuple[np.ndarray, np.ndarray]:
    """Offsets (int64, from the first list's start) and values of a one-chunk list column."""
    if isinstance(col, pa.ChunkedArray):  # one chunk: no copy
        arr = col.chunk(0) if col.num_chunks == 1 else col.combine_chunks()
    else:
        arr = col
    offs = arr.offsets.to_numpy().astype(np.int64)
    vals = arr.values.to_numpy()[offs[0] : offs[-1]]
    return offs - offs[0], vals


def write_segment(table: pa.Table | Iterable[pa.RecordBatch], path: Path) -> None:
    """Write a segment (a table: one record batch; or record batches in term order)."""
    batches = table.combine_chunks().to_batches() if isinstance(table, pa.Table) else table
    with pa.OSFile(str(path), "wb") as sink, pa.ipc.new_file(sink, SCHEMA) as w:
        for batch in batches:
            w.write_batch(batch)


def read_segment(path: Path) -> pa.Table:
    """The segment, memory-mapped (zero copy)."""
    with pa.memory_map(str(path), "r") as source:
        return pa.ipc.open_file(source).read_all()


def level(shards: int) -> int:
    n, k = 0, shards
    while k >= FANOUT:
        k //= FANOUT
        n += 1
    return n


# the writer's side ----------------------------------------------------------


def commit_segment(root: Path, manifest: Manifest, name: str, rows: int) -> list[Path]:
    """Move the worker's segment of shard ``name`` (the manifest's last shard) into
    ``terms/`` and list it; merge the tail. Returns the files the merge replaced,
    to delete once the manifest is written."""
    os.replace(root / "tmp" / f"{name}.terms.arrow", terms_path(root, name))
    manifest.terms.append({"name": name, "first": len(manifest.shards) - 1, "shards": 1,
                           "rows": rows})
    return merge_tail(root, manifest)


def merge_tail(root: Path, manifest: Manifest) -> list[Path]:
    """Merge the last ``FANOUT`` segments while they are of one level below ``MAX_LEVEL``."""
    old: list[Path] = []
    while len(manifest.terms) >= FANOUT:
        tail = manifest.terms[-FANOUT:]
        lv = level(int(tail[0]["shards"]))
        if lv >= MAX_LEVEL or any(level(int(t["shards"])) != lv for t in tail):
            break
        paths = [terms_path(root, t["name"]) for t in tail]
        bases = np.concatenate([[0], np.cumsum([int(t["rows"]) for t in tail])[:-1]]).tolist()
        name = f"{tail[0]['name']}-L{lv + 1}"
        tmp = root / "tmp" / f"{name}.arrow"
        write_segment(merge_batches(lambda paths=paths: [read_segment(p) for p in paths], bases),
                      tmp)
        os.replace(tmp, terms_path(root, name))
        old.extend(terms_path(root, t["name"]) for t in tail)
        manifest.terms[-FANOUT:] = [{
            "name": name, "first": tail[0]["first"],
            "shards": sum(int(t["shards"]) for t in tail), "rows": sum(int(t["rows"]) for t in tail),
        }]
    return old


def index_shard(root: Path, manifest: Manifest, i: int) -> list[Path]:
    """Build and commit (to ``manifest``, not yet written) the segment of shard ``i``
    from its stored columns: how a version-1 store gets its full-text index."""
    name = manifest.shards[i]["name"]
    t = pq.read_table(shard_path(root, name),
                      columns=["text", "published", "est_published", "collection", "source"])
    cols = {c: t[c].to_pylist() for c in t.column_names}
    sets = [row_terms(text, p or e, c or "", s or "") for text, p, e, c, s in zip(
        cols["text"], cols["published"], cols["est_published"], cols["collection"], cols["source"],
        strict=True)]
    write_segment(build_segment(sets), root / "tmp" / f"{name}.terms.arrow")
    os.replace(root / "tmp" / f"{name}.terms.arrow", terms_path(root, name))
    manifest.terms.append({"name": name, "first": i, "shards": 1, "rows": len(sets)})
    return merge_tail(root, manifest)

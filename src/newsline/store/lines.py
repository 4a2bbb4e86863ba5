"""Stored recurring-line keys (``lines/<shard>.parquet``): the collection cleaning's
count of recurring lines without reading every line again.

The collection stage of :func:`newsline.clean.clean` drops the short lines
that recur across the selected articles
(:func:`newsline.clean.boilerplate.frequent_lines`); what it counts, each
article's distinct short lines and their comparison keys, depends on the
article's text alone (:func:`newsline.clean.linekeys.line_keys`). The worker
that prepares a shard stores them, one row per shard row in row order; a
selection then only counts them (:func:`recurring`). A shard without the file
(a store of version 3 or older, until the next ``index add`` migrates it) has
them computed from its texts when read: the same keys.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from ..clean.boilerplate import frequent_lines, normalize_lines
from ..clean.linekeys import key_hash, line_keys, sentence_like, short_lines, threshold
from ..clean.linekeys import recurring as recurring_lists
from .layout import Manifest, shard_path

#: A shard's file is read for this many of its rows, or half of them (fewer: their
#: texts are hashed).
READ_FROM = 200

#: One row per shard row, in row order.
LINES_SCHEMA = pa.schema(
    [
        ("row", pa.int32()),
        # per distinct short line of the text (stripped, in order of first occurrence):
        # the 64-bit hash of its comparison key (clean.linekeys.key_hash; 0: empty key)
        ("keys", pa.list_(pa.uint64())),
    ]
)


def lines_path(root: Path, name: str) -> Path:
    return root / "lines" / f"{name}.parquet"


def lines_table(rows: Sequence[int], texts: Sequence[str]) -> tuple[pa.Table, frozenset[str]]:
    """The line keys of ``texts`` (the cleaned text of each shard row ``rows``), and
    the lines frequent among these texts (what the shard's variants leave out)."""
    lines, keys = line_keys(texts)
    hashes = [[key_hash(k) for k in ks] for ks in keys]
    table = pa.Table.from_pydict({"row": list(rows), "keys": hashes}, schema=LINES_SCHEMA)
    return table, recurring_lists(lines, keys, len(texts))


def write_lines(table: pa.Table, path: Path) -> None:
    pq.write_table(table, path, compression="zstd")


def migrate_lines(root: Path, manifest: Manifest, i: int) -> None:
    """Write the line keys of committed shard ``i`` from its stored texts (a store of
    version 3 or older gets them so); a file already there (an interrupted migration) is kept."""
    name = manifest.shards[i]["name"]
    final = lines_path(root, name)
    if final.exists():
        return
    t = pq.read_table(shard_path(root, name), columns=["row", "text"])
    tmp = root / "tmp" / f"{name}.lines.parquet"
    write_lines(lines_table(t["row"].to_pylist(), t["text"].to_pylist())[0], tmp)
    os.replace(tmp, final)


def recurring(root: Path, shards: Sequence[str], rows: Sequence[int], texts: Sequence[str],
              sizes: Mapping[str, int] | None = None) -> tuple[frozenset[str], set[int] | None]:
    """``frequent_lines(texts, len(texts))`` of the selected rows (``shards``, ``rows``;
    ``texts``: their cleaned text) from the stored key hashes, counted with NumPy. Only
    the lines of keys that reach the threshold are read from the texts, and their keys
    checked against the hashes: two keys that share a hash (which can only merge counts)
    fall back to counting the texts, so the result is exact. Shards without the file, or
    with fewer selected rows than :data:`READ_FROM` and half their ``sizes`` (rows), have
    their hashes computed. Also the positions of the texts that may hold one of those
    lines (None: any may)."""
    n = len(texts)
    stored: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    per_shard = Counter(shards)
    for name in per_shard:
        path = lines_path(root, name)
        # a file is read whole: for a few rows of a shard (a query over a large store),
        # hashing their texts costs less
        least = min(READ_FROM, (sizes or {}).get(name, READ_FROM) / 2)
        if per_shard[name] >= least and path.exists():
            col = pq.read_table(path, columns=["keys"])["keys"]
            lengths = pc.list_value_length(col).to_numpy(zero_copy_only=False)
            offsets = np.zeros(len(lengths) + 1, dtype=np.int64)
            np.cumsum(lengths, out=offsets[1:])
            flat = pc.list_flatten(col)
            stored[name] = offsets, np.asarray(flat.to_numpy(), dtype=np.uint64)
    missing = [i for i, s in enumerate(shards) if s not in stored]
    computed = dict(zip(missing, _hashes([texts[i] for i in missing]), strict=True))
    pieces: list[np.ndarray] = []
    for i, (s, r) in enumerate(zip(shards, rows, strict=True)):
        if i in computed:
            pieces.append(computed[i])
        else:
            offsets, flat = stored[s]
            pieces.append(flat[offsets[r] : offsets[r + 1]])
    found = _count(pieces, texts)
    return (frequent_lines(texts, n), None) if found is None else found


def _hashes(texts: Sequence[str]) -> list[np.ndarray]:
    return [np.array([key_hash(k) for k in ks], dtype=np.uint64) for ks in line_keys(texts)[1]]


def _count(pieces: Sequence[np.ndarray],
           texts: Sequence[str]) -> tuple[frozenset[str], set[int]] | None:
    """The frequent lines from per-text key hashes and the texts that may hold one
    (None: the hashes do not match the texts, or two keys share one)."""
    lengths = np.fromiter(map(len, pieces), dtype=np.int64, count=len(pieces))
    if not lengths.sum():
        return frozenset(), set()
    flat = np.concatenate(pieces)
    uniq, codes = np.unique(flat, return_inverse=True)
    text_of = np.repeat(np.arange(len(pieces), dtype=np.int64), lengths)
    pairs = np.unique(text_of * len(uniq) + codes)  # a key counts once per text
    counts = np.bincount(pairs % len(uniq), minlength=len(uniq))
    if uniq[0] == 0:
        counts[0] = 0  # the empty key
    at_least = threshold(len(texts))
    cand = np.flatnonzero(counts >= at_least)
    if not len(cand):
        return frozenset(), set()
    hit = np.isin(codes, cand)
    starts = np.zeros(len(pieces) + 1, dtype=np.int64)
    np.cumsum(lengths, out=starts[1:])
    at: list[int] = []  # flat positions of the candidates' lines, in order
    lines: list[str] = []
    holders = np.unique(text_of[hit]).tolist()
    for t in holders:
        own = short_lines(texts[t])
        if len(own) != lengths[t]:
            return None
        local = np.flatnonzero(hit[starts[t] : starts[t + 1]])
        at.extend((local + starts[t]).tolist())
        lines.extend(own[j] for j in local.tolist())
    keys = normalize_lines(lines)
    key_of: dict[int, str] = {}
    first_line: dict[int, str] = {}
    for p, line, key in zip(at, lines, keys, strict=True):
        c = int(codes[p])
        if key_of.setdefault(c, key) != key:
            return None  # two keys, one hash
        first_line.setdefault(c, line)
    if any(key_hash(key) != int(uniq[c]) for c, key in key_of.items()):
        return None
    frequent = {c for c, key in key_of.items()
                if counts[c] >= 2 * at_least or not sentence_like(first_line[c], key)}
    found = frozenset(line for p, line in zip(at, lines, strict=True) if int(codes[p]) in frequent)
    return found, set(holders)

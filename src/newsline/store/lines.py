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
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from ..clean.linekeys import line_keys, sentence_like, threshold
from .layout import Manifest, shard_path

#: One row per shard row, in row order.
LINES_SCHEMA = pa.schema(
    [
        ("row", pa.int32()),
        ("lines", pa.list_(pa.string())),  # distinct short lines (stripped), first occurrence order
        ("keys", pa.list_(pa.string())),  # their comparison keys (clean.boilerplate.normalize)
    ]
)


def lines_path(root: Path, name: str) -> Path:
    return root / "lines" / f"{name}.parquet"


def lines_table(rows: Sequence[int], texts: Sequence[str]) -> pa.Table:
    """The line keys of ``texts`` (the cleaned text of each shard row ``rows``)."""
    lines, keys = line_keys(texts)
    return pa.Table.from_pydict({"row": list(rows), "lines": lines, "keys": keys},
                                schema=LINES_SCHEMA)


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
    write_lines(lines_table(t["row"].to_pylist(), t["text"].to_pylist()), tmp)
    os.replace(tmp, final)


def selected_lines(root: Path, shards: Sequence[str], rows: Sequence[int],
                   texts: Sequence[str]) -> pa.Table:
    """The ``lines`` and ``keys`` of the selected rows (shard, row; their cleaned
    ``texts``), in selection order: stored, else computed."""
    parts: list[pa.Table] = []
    base: dict[str, int] = {}
    n = 0
    for name in dict.fromkeys(shards):
        path = lines_path(root, name)
        if path.exists():
            t = pq.read_table(path, columns=["lines", "keys"])
            base[name] = n
            n += t.num_rows
            parts.append(t)
    missing = [i for i, s in enumerate(shards) if s not in base]
    if missing:
        computed = lines_table(missing, [texts[i] for i in missing]).drop_columns(["row"])
        parts.append(computed)
    at = np.empty(len(shards), dtype=np.int64)
    for i, (s, r) in enumerate(zip(shards, rows, strict=True)):
        if s in base:
            at[i] = base[s] + r
    at[missing] = n + np.arange(len(missing))
    schema = pa.schema([LINES_SCHEMA.field("lines"), LINES_SCHEMA.field("keys")])
    table = pa.concat_tables([p.cast(schema) for p in parts]) if parts else schema.empty_table()
    return table.take(pa.array(at))


def recurring(table: pa.Table, n_texts: int) -> frozenset[str]:
    """:func:`newsline.clean.linekeys.recurring` of the rows of ``table`` (``lines``,
    ``keys``: one row per text), counted with Arrow and NumPy."""
    lengths = pc.list_value_length(table["keys"]).to_numpy(zero_copy_only=False)
    flat_keys = _flat(table["keys"])
    if not len(flat_keys):
        return frozenset()
    flat_lines = _flat(table["lines"])
    enc = pc.dictionary_encode(flat_keys)
    codes = enc.indices.to_numpy(zero_copy_only=False).astype(np.int64)
    words = enc.dictionary
    n_codes = len(words)
    texts = np.repeat(np.arange(len(lengths), dtype=np.int64), lengths)
    pairs = np.unique(texts * n_codes + codes)  # a key counts once per text
    counts = np.bincount(pairs % n_codes, minlength=n_codes)
    empty = pc.index(words, "").as_py()
    if empty >= 0:
        counts[empty] = 0
    at_least = threshold(n_texts)
    cand = np.flatnonzero(counts >= at_least)
    if not len(cand):
        return frozenset()
    # the first line that gave each key decides whether it reads like a sentence
    order = np.argsort(codes, kind="stable")
    first = order[np.searchsorted(codes[order], cand)]
    frequent = [
        int(c) for c, f in zip(cand.tolist(), first.tolist(), strict=True)
        if counts[c] >= 2 * at_least
        or not sentence_like(flat_lines[f].as_py(), words[c].as_py())
    ]
    mask = np.isin(codes, frequent)
    return frozenset(flat_lines.filter(pa.array(mask)).to_pylist())


def _flat(col: pa.ChunkedArray) -> pa.Array:
    flat = pc.list_flatten(col)
    return flat.combine_chunks() if isinstance(flat, pa.ChunkedArray) else flat

"""Stored recurring-line keys (``lines/<shard>.parquet``): a selection counts them and
finds the lines ``frequent_lines`` finds in its texts."""

from __future__ import annotations

import json
import random
import shutil
from collections import Counter
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from newsline.clean.boilerplate import drop_lines, frequent_lines, normalize
from newsline.clean.linekeys import key_hash, line_hashes
from newsline.store import SCHEMA_VERSION, Store
from newsline.store.lines import LINES_SCHEMA, lines_path, recurring

from .articles import generated

FURNITURE = "Comments on this story are closed"
QUOTE = "We will not give up on this town, ever."  # sentence-like: needs twice as many texts
NEAR = "comments on this STORY are closed!"  # another line, the same key as FURNITURE


def _write(path: Path) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for i, rec in enumerate(generated(60, seed=7)):
            lines = rec["text"].split("\n")
            if i % 3 == 0:
                lines.insert(2, FURNITURE)
            if i % 17 == 5:
                lines.append(NEAR)
            if i % 5 == 1:
                lines.insert(1, QUOTE)
            f.write(json.dumps({**rec, "text": "\n".join(lines)}) + "\n")
    return path


def _rows(store: Store) -> list[tuple[str, int, str]]:
    out = []
    for f in store.shard_files():
        t = pq.read_table(f, columns=["shard", "row", "text"])
        out.extend(zip(t["shard"].to_pylist(), t["row"].to_pylist(), t["text"].to_pylist(),
                       strict=True))
    return out


def _agree(store: Store, rows: list[tuple[str, int, str]]) -> None:
    rng = random.Random(3)
    sizes = Counter(s for s, _, _ in rows)  # a shard's file is read for half its rows or more
    for k in range(12):
        pick = rows if k == 0 else rng.sample(rows, rng.randrange(1, len(rows)))
        texts = [t for _, _, t in pick]
        got, holders = recurring(store.path, [s for s, _, _ in pick], [r for _, r, _ in pick],
                                 texts, sizes)
        assert got == frequent_lines(texts, len(texts))
        held = {j for j, t in enumerate(texts) if drop_lines(t, got)[1]}
        assert holders is None or held <= holders


def test_stored_line_keys_give_the_lines_frequent_lines_finds(tmp_path: Path) -> None:
    store = Store(tmp_path / "s")
    store.add(_write(tmp_path / "a.jsonl"), workers=1, batch_size=25)
    rows = _rows(store)
    for f in store.shard_files():
        t = pq.read_table(lines_path(store.path, f.stem))
        assert t.schema == LINES_SCHEMA
        texts = pq.read_table(f, columns=["text"])["text"].to_pylist()
        assert t["row"].to_pylist() == list(range(len(texts)))
        assert t["keys"].to_pylist() == line_hashes(texts)
    whole = frequent_lines([t for _, _, t in rows], len(rows))
    assert FURNITURE in whole and NEAR in whole
    _agree(store, rows)


def test_keys_that_share_a_hash_are_counted_from_the_texts(tmp_path: Path) -> None:
    store = Store(tmp_path / "s")
    store.add(_write(tmp_path / "a.jsonl"), workers=1, batch_size=25)
    rows = _rows(store)
    # as if every key of the first shard's texts had the hash of FURNITURE's key
    first = store.shard_files()[0].stem
    t = pq.read_table(lines_path(store.path, first))
    forged = [[key_hash(normalize(FURNITURE))] * len(k) for k in t["keys"].to_pylist()]
    pq.write_table(pa.table({"row": t["row"], "keys": pa.array(forged, pa.list_(pa.uint64()))},
                            schema=LINES_SCHEMA), lines_path(store.path, first))
    _agree(store, rows)


def test_a_version_3_store_is_read_then_given_its_line_keys(tmp_path: Path) -> None:
    src = _write(tmp_path / "a.jsonl")
    store = Store(tmp_path / "s")
    store.add(src, workers=1, batch_size=25)
    want = store.corpus().documents
    manifest = json.loads((store.path / "manifest.json").read_text())
    manifest["schema_version"] = 3  # what version 3 wrote: no lines/
    (store.path / "manifest.json").write_text(json.dumps(manifest))
    shutil.rmtree(store.path / "lines")
    assert store.info().schema_version == 3
    assert store.corpus().documents == want  # the keys computed from the texts
    _agree(store, _rows(store))
    report = store.add(src, workers=1)  # nothing new: the writer writes the line keys
    assert (report.added, report.unchanged) == (0, 60)
    assert json.loads((store.path / "manifest.json").read_text())["schema_version"] == SCHEMA_VERSION
    assert all(lines_path(store.path, f.stem).exists() for f in store.shard_files())
    assert store.corpus().documents == want

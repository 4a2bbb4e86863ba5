"""Prepared variants (``variants/<shard>.parquet``): stored documents of texts without the
lines that recur across their shard, used when the selection drops the same lines."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyarrow.parquet as pq

import newsline
from newsline.clean.boilerplate import drop_lines, frequent_lines
from newsline.core import prepare_document
from newsline.model import Article
from newsline.store import SCHEMA_VERSION, Store
from newsline.store.query import StoredDocuments
from newsline.store.variants import Variants, dropped, variants_path

from .articles import generated

FURNITURE = "Comments on this story are closed"  # recurs across the selection
OTHER = "Listen to this article"  # recurs in one batch only: frequent there, not overall


def _write(path: Path) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for i, rec in enumerate(generated(40, seed=5)):
            lines = rec["text"].split("\n")
            if i % 3 == 0:
                lines.insert(2, FURNITURE)
            if i in (1, 2, 4):
                lines.append(OTHER)
            f.write(json.dumps({**rec, "text": "\n".join(lines)}) + "\n")
    return path


def _hits(store: Store) -> tuple[int, int]:
    """How many articles of the whole-store selection with recurring lines find a
    variant for exactly those lines, and how many do not."""
    names = [f.stem for f in store.shard_files()]
    texts = {(n, r): t for n in names for r, t in enumerate(
        pq.read_table(store.path / "shards" / f"{n}.parquet", columns=["text"])["text"].to_pylist())}
    keys = frequent_lines(texts.values(), len(texts))
    found = Variants(store.path, names)
    hits = misses = 0
    for (name, row), text in texts.items():
        lines = dropped(text, keys)
        if lines:
            if found.find(name, row, lines) is None:
                misses += 1
            else:
                hits += 1
    return hits, misses


def test_variants_are_the_documents_a_preparation_gives(tmp_path: Path) -> None:
    src = _write(tmp_path / "a.jsonl")
    store = Store(tmp_path / "s")
    store.add(src, workers=1, batch_size=7)
    articles = newsline.load(src)
    assert store.corpus().documents == newsline.prepare(articles).documents
    a = newsline.build_timeline(store.corpus(), n_dates=5)
    b = newsline.build_timeline(articles, n_dates=5)
    assert a.entries == b.entries and len(a) == 5
    hits, misses = _hits(store)
    assert hits >= 5 and misses >= 1  # some batches hold too few copies of the line
    checked = 0
    for shard in store.shard_files():
        rows = pq.read_table(shard, columns=["row", "id", "text", "published"]).to_pylist()
        table = pq.read_table(variants_path(store.path, shard.stem))
        docs = StoredDocuments(table, dates=False)
        keys = frequent_lines([r["text"] for r in rows], len(rows))
        for k, (row, lines) in enumerate(zip(table["row"].to_pylist(), table["lines"].to_pylist(),
                                             strict=True)):
            r = rows[row]
            assert tuple(lines) == dropped(r["text"], keys) and lines
            text = drop_lines(r["text"], frozenset(lines))[0]
            article = Article(id=r["id"], text=text, published=r["published"])
            want = prepare_document(article)
            assert docs.parts(k, r["id"], text) == (want.sentences, want.mentions)
            checked += 1
    assert checked >= 5


def test_a_version_2_store_is_read_then_given_its_variants(tmp_path: Path) -> None:
    src = _write(tmp_path / "a.jsonl")
    store = Store(tmp_path / "s")
    store.add(src, workers=1, batch_size=7)
    want = store.corpus().documents
    manifest = json.loads((store.path / "manifest.json").read_text())
    manifest["schema_version"] = 2  # what version 2 wrote: no variants
    (store.path / "manifest.json").write_text(json.dumps(manifest))
    shutil.rmtree(store.path / "variants")
    assert store.info().schema_version == 2
    assert _hits(store)[0] == 0
    assert store.corpus().documents == want  # prepared again where lines recur
    report = store.add(src, workers=1)  # nothing new: the writer writes the variants
    assert (report.added, report.unchanged) == (0, 40)
    assert json.loads((store.path / "manifest.json").read_text())["schema_version"] == SCHEMA_VERSION == 4
    assert all(variants_path(store.path, f.stem).exists() for f in store.shard_files())
    assert _hits(store)[0] >= 5
    assert store.corpus().documents == want


def test_stored_parts_are_those_of_prepare_document() -> None:
    from newsline.store.variants import prepared

    for i, rec in enumerate(generated(30, seed=11)):
        a = Article(id=rec["id"], text=rec["text"], published=None if i % 4 == 0 else
                    newsline.ingest.dates.parse_date(rec["time"]))
        doc = prepare_document(a)
        spans, mentions = prepared(a.text, a.published)
        assert spans == [(s.start, s.end) for s in doc.sentences]
        assert tuple(mentions) == doc.mentions

"""The full-text index and the writer's on-disk key maps: same answers as a plain scan."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import numpy as np
import pyarrow as pa
import pytest

from newsline.query import parse
from newsline.store import Store, diskmap
from newsline.store.diskmap import DiskColumn, DiskMultiMap
from newsline.store.postings import build_segment, merge_batches, merge_segments, row_terms

from .articles import STORY, write_generated, write_story

EXTRA = [
    ("ferry-1", "2021-04-02", "Ferry service", "The ferry to Isle Brant resumed on April 2, 2021.\n"
     "Port-Ellery pilots guided it out; the strike was long over."),
    ("ferry-2", "2021-04-03", "Ferry football", "Football fans took the strike-free ferry on Saturday.\n"
     "Dock workers waved from the quay."),
]


def _expected(texts: dict[str, str], query: str) -> set[str]:
    """The documented selection, computed from the texts directly (whole-word matches)."""
    q = parse(query)
    out = set()
    for aid, text in texts.items():
        low = text.lower()
        if not q.includes(low):
            continue
        if q.excludes(low):
            sents = [s.lower() for s in text.split("\n")]  # one sentence a line in these texts
            if not any(q.includes(s) and not q.excludes(s) for s in sents):
                continue
        out.add(aid)
    return out


@pytest.fixture
def texts_store(tmp_path: Path) -> tuple[Store, dict[str, str]]:
    store = Store(tmp_path / "s")
    store.add(write_story(tmp_path / "a.jsonl", [*STORY, *EXTRA]), workers=1, batch_size=3)
    texts = {a.id: a.text for a in store.articles(limit=None)}
    return store, texts


@pytest.mark.parametrize("query", [
    "strike", "STRIKE", "rike", '"dock workers"', '"port ellery"', "port-ellery", "march 12",
    '"march 12, 2021"', "strike -football", "strike OR ferry -talks", "cranes idle", "2021",
    "isle brant -\"the ferry\"", "zeppelin", "*rike", "stri*", "*tri*", "strike* -*ball",
    '"port-ell*"', '"*ort ellery"', "dock*, -quay",
])
def test_query_selects_what_the_texts_contain(texts_store, query: str) -> None:
    store, texts = texts_store
    got = {a.id for a in store.articles(query, limit=None)}
    assert got == _expected(texts, query)
    if query in ("rike", "stri*", "*rike"):  # a part of a word only where a * says so
        assert bool(got) == (query != "rike")
    assert {d.article.id for d in store.corpus(query)} <= got


def test_index_agrees_with_the_version_1_scan(tmp_path: Path) -> None:
    """A version-1 store (no index) is read by scanning; the next writer indexes it."""
    gen = write_generated(tmp_path / "g.jsonl", 30, seed=2)
    store = Store(tmp_path / "s")
    store.add([write_story(tmp_path / "a.jsonl"), gen], workers=1, batch_size=4)
    queries = ["harbour", "bridge OR ferry", '"the union"', "district 7", "harb*", "*our"]
    indexed = {q: [d.article.id for d in store.corpus(q)] for q in queries}
    assert indexed["harbour"] and indexed['"the union"']
    manifest = json.loads((store.path / "manifest.json").read_text())
    manifest.update(schema_version=1, terms=[])  # what version 1 wrote
    (store.path / "manifest.json").write_text(json.dumps(manifest))
    shutil.rmtree(store.path / "terms")
    assert store.info().schema_version == 1
    assert {q: [d.article.id for d in store.corpus(q)] for q in queries} == indexed
    report = store.add(gen, workers=1)  # nothing new: the writer builds the index
    assert (report.added, report.unchanged) == (0, 30)
    after = json.loads((store.path / "manifest.json").read_text())
    assert after["schema_version"] == 4
    assert sum(t["shards"] for t in after["terms"]) == len(after["shards"])
    assert {q: [d.article.id for d in store.corpus(q)] for q in queries} == indexed


def test_merged_segments_equal_one_segment() -> None:
    rng = random.Random(1)
    words = ["tide", "harbour", "tidewater", "quay", "crane", "strike", "x"]
    sets = [row_terms(" ".join(rng.choices(words, k=rng.randrange(1, 9))), None, "c", "s")
            for _ in range(57)]
    cuts = [0, 10, 11, 30, 57]
    parts = [build_segment(sets[a:b]) for a, b in zip(cuts, cuts[1:], strict=False)]
    assert merge_segments(parts, cuts[:-1]).equals(build_segment(sets))
    batches = list(merge_batches(lambda: parts, cuts[:-1], target=7))  # memory: one batch
    assert len(batches) > 3
    assert pa.Table.from_batches(batches).equals(build_segment(sets))


def test_segments_merge_in_levels(tmp_path: Path) -> None:
    store = Store(tmp_path / "s")
    store.add(write_generated(tmp_path / "g.jsonl", 75), workers=1, batch_size=1)
    manifest = json.loads((store.path / "manifest.json").read_text())
    assert [t["shards"] for t in manifest["terms"]] == [64, 8, 1, 1, 1]
    named = {f"{t['name']}.arrow" for t in manifest["terms"]}
    assert {f.name for f in (store.path / "terms").iterdir()} == named
    assert len(store.corpus("district")) == 75


def test_disk_multimap_matches_a_dict(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(diskmap, "BUFFER", 64)
    monkeypatch.setattr(diskmap, "CHUNK", 16)
    monkeypatch.setattr(diskmap, "BLOCK", 4)  # a key's handles span several blocks
    monkeypatch.setattr(diskmap, "SLICE", 7)
    rng = np.random.default_rng(0)
    m = DiskMultiMap(tmp_path, "k")
    ref: dict[int, list[int]] = {}
    handle = 0
    for _ in range(40):
        keys = rng.integers(0, 300, size=int(rng.integers(1, 50)), dtype=np.uint64)
        handles = np.arange(handle, handle + len(keys))
        handle += len(keys)
        m.add(keys, handles)
        for k, h in zip(keys.tolist(), handles.tolist(), strict=True):
            ref.setdefault(k, []).append(h)
    assert len(m._runs) > 1 and len(m) == handle
    q = list(range(0, 320, 3))
    assert [sorted(x) for x in m.get(q)] == [sorted(ref.get(k, [])) for k in q]
    col = DiskColumn(tmp_path / "c", np.uint16, 4)
    col.append(np.arange(40).reshape(10, 4))
    assert col.take(np.array([3, 0])).tolist() == [[12, 13, 14, 15], [0, 1, 2, 3]]


def test_a_capped_query_keeps_the_most_relevant(texts_store) -> None:
    store, texts = texts_store
    q = "strike OR ferry"
    every = _expected(texts, q)
    assert store.count(q) == len(every) > 3
    # ferry is the rarer term: the two articles with both terms first, then the
    # first committed with the commoner one
    kept = [d.article.id for d in store.corpus(q, max_articles=3, dating=None)]
    assert sorted(kept) == ["dock-1", "ferry-1", "ferry-2"]
    assert {d.article.id for d in store.corpus(q, max_articles=2, dating=None)} == {"ferry-1", "ferry-2"}
    full = [d.article.id for d in store.corpus(q, dating=None)]
    assert [d.article.id for d in store.corpus(q, max_articles=len(every), dating=None)] == full
    assert len(store.corpus(collection="", max_articles=1, dating=None)) > 1  # never cut

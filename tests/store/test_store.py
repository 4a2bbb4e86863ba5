"""The store through its Python API: idempotence, updates, near duplicates, same corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq

import newsline
from newsline.store import Store

from .articles import STORY, write_generated, write_story


def test_add_then_again_adds_nothing(story: Path, tmp_path: Path) -> None:
    store = Store(tmp_path / "news.db")
    first = store.add(story, workers=1)
    assert (first.added, first.updated, first.unchanged) == (5, 0, 0)
    manifest = (tmp_path / "news.db" / "manifest.json").read_text()
    again = store.add(story, workers=1)
    assert (again.added, again.updated, again.unchanged, again.commits) == (0, 0, 5, 0)
    assert (tmp_path / "news.db" / "manifest.json").read_text() == manifest
    assert store.info().articles == 5


def test_identity_is_content_not_path(tmp_path: Path) -> None:
    a = tmp_path / "a"
    b = tmp_path / "b" / "copy"
    for folder in (a, b):
        folder.mkdir(parents=True)
        (folder / "2021-03-01-strike.txt").write_text("Dockers vote\n\n" + STORY[0][3])
    store = Store(tmp_path / "s")
    assert store.add(a, workers=1).added == 1
    report = store.add(tmp_path / "b", workers=1)  # another id (path), same content
    assert (report.added, report.unchanged) == (0, 1)


def test_update_replaces_the_old_version(story: Path, tmp_path: Path) -> None:
    store = Store(tmp_path / "s")
    store.add(story, workers=1)
    rows = list(STORY)
    aid, day, title, text = rows[1]
    rows[1] = (aid, day, title, text + "\nPort officials counted forty ships waiting on March 9.")
    report = store.add(write_story(tmp_path / "v2.jsonl", rows), workers=1)
    assert (report.added, report.updated, report.unchanged) == (0, 1, 4)
    assert store.info().articles == 5
    art = store.article("dock-2")
    assert art is not None and "forty ships" in art.text
    ids = [d.article.id for d in store.corpus()]
    assert ids == [r[0] for r in STORY]  # the updated article keeps its place
    assert "forty ships" in next(d for d in store.corpus() if d.article.id == "dock-2").article.text


def test_near_duplicates_found_across_adds(story: Path, tmp_path: Path) -> None:
    store = Store(tmp_path / "s")
    long_text = " ".join(
        f"Inspector {name} checked crane {i} at the {side} quay on March {i + 2}, 2021 and "
        f"found its {part} {state}."
        for i, (name, side, part, state) in enumerate(zip(
            ["Adams", "Baker", "Clark", "Duval", "Evans", "Frost", "Grant", "Hale", "Ivers", "Jones"],
            ["north", "south", "east", "west", "inner", "outer", "upper", "lower", "old", "new"],
            ["cable", "hook", "motor", "brake", "cabin", "mast", "wheel", "rail", "lamp", "gear"],
            ["sound", "worn", "rusty", "fine", "loose", "new", "tight", "dusty", "bent", "clean"], strict=True))
    )
    store.add(write_story(tmp_path / "a.jsonl", [*STORY, ("cranes", "2021-03-22", "Cranes", long_text)]),
              workers=1)
    copy = [("cranes-wire", "2021-03-22", "Cranes", long_text.replace("crane 7", "crane seven"))]
    report = store.add(write_story(tmp_path / "wire.jsonl", copy), workers=1)
    assert (report.added, report.near_duplicates) == (1, 1)
    info = store.info()
    assert (info.articles, info.near_duplicates) == (7, 1)
    # listed articles leave the marked copy out; the corpus dedupes as newsline.prepare does
    assert "cranes-wire" not in [a.id for a in store.articles(limit=None)]
    corpus = store.corpus()
    assert corpus.report.near_duplicates == 1 and len(corpus) == 6


def test_corpus_equals_prepare_and_timeline_equals(story: Path, tmp_path: Path) -> None:
    gen = write_generated(tmp_path / "gen.jsonl", 40, seed=3)
    store = Store(tmp_path / "s")
    store.add([story, gen], workers=2, batch_size=7)
    articles = newsline.load([story, gen])
    assert store.corpus().documents == newsline.prepare(articles).documents
    a = newsline.build_timeline(store.corpus(), n_dates=5)
    b = newsline.build_timeline(articles, n_dates=5)
    assert a.entries == b.entries and len(a) == 5


def test_query_window_and_collection_select(story: Path, tmp_path: Path) -> None:
    store = Store(tmp_path / "s")
    store.add(story, workers=1, collection="harbour")
    store.add(write_generated(tmp_path / "g.jsonl", 5), workers=1, collection="other")
    # dock-3 has "strike" in its title only: the text decides
    assert {d.article.id for d in store.corpus("strike")} == {"dock-1", "dock-2", "dock-4"}
    import datetime as dt

    window = store.corpus(start=dt.date(2021, 3, 8), end=dt.date(2021, 3, 15))
    assert {d.article.id for d in window} == {"dock-2", "dock-3", "rail-1"}
    assert len(store.corpus("strike", collection="harbour")) == 5  # the whole collection
    assert store.info().collections == ("harbour", "other")


def test_layout_is_plain_parquet_and_json(story: Path, tmp_path: Path) -> None:
    store = Store(tmp_path / "s")
    store.add(story, workers=1)
    manifest = json.loads((tmp_path / "s" / "manifest.json").read_text())
    assert manifest["format"] == "newsline-store" and manifest["schema_version"] == 4
    table = pq.read_table(store.shard_files()[0], columns=["id", "published", "sent_start"])
    assert table["id"].to_pylist() == [r[0] for r in STORY]
    assert all(len(s) >= 2 for s in table["sent_start"].to_pylist())
    import duckdb

    n = duckdb.sql(f"SELECT count(*) FROM read_parquet('{tmp_path / 's' / 'shards'}/*.parquet')")
    assert n.fetchall() == [(5,)]


def test_one_writer_at_a_time(story: Path, tmp_path: Path) -> None:
    import pytest

    from newsline.store import StoreError
    from newsline.store.writer import Writer

    store = Store(tmp_path / "s")
    store.add(story, workers=1)
    holder = Writer(tmp_path / "s")
    try:
        with pytest.raises(StoreError, match="another process is adding"):
            store.add(story, workers=1)
        assert store.info().articles == 5  # readers are not blocked
    finally:
        holder.close()
    assert store.add(story, workers=1).unchanged == 5


def test_stdin_and_text_folders(tmp_path: Path, monkeypatch) -> None:
    import io
    import sys

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "2021-03-01-vote.txt").write_text("Dockers vote\n\n" + STORY[0][3])
    payload = json.dumps({"id": "s1", "time": "2021-03-02", "text": STORY[1][3]}) + "\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(payload.encode())))
    store = Store(tmp_path / "s")
    report = store.add([folder, "-"], workers=1)
    assert report.added == 2 and not report.problems
    assert {a.id for a in store.articles(limit=None)} == {"2021-03-01-vote.txt", "s1"}


def test_a_batch_left_empty_by_the_cleaning(tmp_path: Path) -> None:
    rows = [{"id": f"e{i}", "time": "2021-01-01", "text": f"12345 {i}"} for i in range(2)]
    rows.append({"id": "ok", "time": "2021-01-02", "text": STORY[0][3]})
    path = tmp_path / "a.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    store = Store(tmp_path / "s")
    report = store.add(path, workers=1, batch_size=2)  # the first shard has no row
    assert (report.added, report.empty, report.commits) == (1, 2, 1)
    assert [a.id for a in store.articles(limit=None)] == ["ok"]
    again = store.add(path, workers=1)  # the empty ones are prepared again, nothing committed
    assert (again.added, again.unchanged, again.empty, again.commits) == (0, 1, 2, 0)

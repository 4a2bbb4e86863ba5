"""A real writer process killed with SIGKILL mid-add, and readers while a writer adds."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil

import newsline
from newsline.store import Store

from .articles import write_generated

N = 1200


def _writer(inputs: Path, db: Path) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-m", "newsline.cli.main", "-q", "index", "add", str(inputs),
           "--store", str(db), "--batch", "20", "--workers", "2"]
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _commit(db: Path) -> int:
    try:
        return json.loads((db / "manifest.json").read_text())["commit"]
    except (FileNotFoundError, ValueError):
        return 0


def _wait_for_commit(db: Path, proc: subprocess.Popen[bytes], n: int) -> None:
    deadline = time.monotonic() + 120
    while _commit(db) < n:
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
        assert time.monotonic() < deadline
        time.sleep(0.01)


def _gone(children: list[psutil.Process]) -> None:
    """The killed writer's worker processes leave too (they watch their parent)."""
    _, alive = psutil.wait_procs(children, timeout=15)
    assert not alive, f"worker processes {[p.pid for p in alive]} outlived the killed writer"


def _consistent(db: Path) -> int:
    """The committed state is whole: every named shard exists, counts add up."""
    manifest = json.loads((db / "manifest.json").read_text())
    rows = 0
    for shard in manifest["shards"]:
        assert (db / "shards" / f"{shard['name']}.parquet").is_file()
        rows += shard["rows"]
    # the full-text index covers every committed shard, once, with files that exist
    assert sum(t["shards"] for t in manifest["terms"]) == len(manifest["shards"])
    for seg in manifest["terms"]:
        assert (db / "terms" / f"{seg['name']}.arrow").is_file()
    info = Store(db).info()
    assert info.articles == rows  # generated articles: no updates, no deletes
    assert len(Store(db).corpus("district")) == rows  # every generated text says it
    return rows


def test_kill_9_loses_nothing_and_rerun_completes(tmp_path: Path) -> None:
    inputs = write_generated(tmp_path / "gen.jsonl", N, seed=11)
    db = tmp_path / "news.db"
    seen = 0
    for commits in (2, 12):  # two kills at different moments of the run
        proc = _writer(inputs, db)
        _wait_for_commit(db, proc, commits)
        children = psutil.Process(proc.pid).children(recursive=True)
        assert children  # the writer's two worker processes
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        assert proc.returncode == -signal.SIGKILL
        _gone(children)
        rows = _consistent(db)
        assert rows >= seen and rows < N  # committed work survived; the run was cut short
        seen = rows
    proc = _writer(inputs, db)
    assert proc.wait(timeout=300) == 0, proc.stderr.read() if proc.stderr else ""
    assert _consistent(db) == N
    assert not list((db / "tmp").iterdir())
    # the interrupted store holds what one uninterrupted add gives
    articles = newsline.load(inputs)
    assert Store(db).corpus().documents == newsline.prepare(articles).documents


def test_reader_while_writer_adds(tmp_path: Path) -> None:
    inputs = write_generated(tmp_path / "gen.jsonl", N, seed=12)
    db = tmp_path / "news.db"
    proc = _writer(inputs, db)
    _wait_for_commit(db, proc, 1)
    store = Store(db)
    counts: list[int] = []
    while proc.poll() is None:
        info = store.info()
        corpus = store.corpus(query="officials")
        assert info.articles >= (counts[-1] if counts else 0)
        assert len(corpus) >= 1 and all(d.sentences for d in corpus)
        counts.append(info.articles)
    assert proc.returncode == 0
    assert len(set(counts)) >= 2  # the reads saw the store grow
    assert store.info().articles == N

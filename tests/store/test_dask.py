"""The Dask engine on a real scheduler and two real worker processes on localhost."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import newsline
from newsline.cli.main import main
from newsline.store import Store

from .articles import write_generated

pytest.importorskip("distributed", reason="the Dask engine needs the [dask] extra")


def _dask() -> list[str]:
    exe = Path(sys.executable).with_name("dask")
    return [str(exe)] if exe.exists() else [shutil.which("dask") or "dask"]


@pytest.fixture
def scheduler(tmp_path: Path) -> Iterator[str]:
    """``dask scheduler`` and ``dask worker`` (2 processes) as subprocesses; yields the address."""
    file = tmp_path / "scheduler.json"
    env = {**os.environ, "DASK_DISTRIBUTED__WORKER__DAEMON": "False"}
    procs = [subprocess.Popen(
        [*_dask(), "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
         "--scheduler-file", str(file)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, start_new_session=True)]
    try:
        deadline = time.monotonic() + 60
        while not file.exists():
            assert time.monotonic() < deadline, "the scheduler did not start"
            time.sleep(0.1)
        address = json.loads(file.read_text())["address"]
        procs.append(subprocess.Popen(
            [*_dask(), "worker", address, "--nworkers", "2", "--nthreads", "1",
             "--no-dashboard", "--host", "127.0.0.1"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, start_new_session=True))
        from distributed import Client

        with Client(address, timeout=30) as client:
            client.wait_for_workers(2, timeout=60)
        yield address
    finally:
        for p in reversed(procs):
            os.killpg(p.pid, signal.SIGTERM)
        for p in procs:
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)


def test_dask_engine_gives_the_local_store(scheduler: str, story: Path, tmp_path: Path) -> None:
    gen = write_generated(tmp_path / "gen.jsonl", 150, seed=21)
    write_generated(tmp_path / "more.jsonl", 40, seed=22)
    local, remote = tmp_path / "local.db", tmp_path / "dask.db"
    assert main(["-q", "index", "add", str(story), str(gen), "--store", str(local),
                 "--batch", "16", "--workers", "1"]) == 0
    assert main(["-q", "index", "add", str(story), str(gen), "--store", str(remote),
                 "--batch", "16", "--engine", "dask", "--scheduler", scheduler]) == 0
    a, b = Store(local), Store(remote)
    other = b.add_articles(newsline.load(tmp_path / "more.jsonl"), engine="dask",
                           scheduler=scheduler, batch_size=8)
    a.add_articles(newsline.load(tmp_path / "more.jsonl"), batch_size=8, workers=1)
    assert other.added == 40
    assert len(other.workers) == 2 and not any(w.endswith(f":{os.getpid()}") for w in other.workers)
    assert a.corpus().documents == b.corpus().documents
    ia, ib = a.info(), b.info()
    assert (ia.articles, ia.sentences, ia.dated_mentions, ia.commits) == (
        ib.articles, ib.sentences, ib.dated_mentions, ib.commits)
    # incremental on the cluster too: nothing new, nothing sent
    report = b.add([story, gen], engine="dask", scheduler=scheduler, batch_size=16)
    assert (report.added, report.unchanged) == (0, 155)

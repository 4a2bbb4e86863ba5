"""Helpers shared by the bench scripts that build many timelines on T17 and Entities.

Prepared corpora (clean + sentences + dates) are cached on disk between runs
(``NEWSLINE_CACHE``, default ``/tmp/newsline-lab-cache``), keyed by the source of
the preparing stages, so a script that builds every task many times (a grid, a
leave-one-topic-out training) prepares each topic once. Scores are the
protocol's (``newsline eval`` is the reference command and gives the same figures).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import resource
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from newsline.evaluate.protocol import Task, Topic, load_dataset, prepare_topic
from newsline.evaluate.scoring import mean_scores, score_timeline
from newsline.model import Corpus, Timeline
from newsline.timeline.base import TimelineMethod

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("NEWSLINE_SHARED_DATA", ROOT.parent / "shared" / "data"))
CACHE = Path(os.environ.get("NEWSLINE_CACHE", "/tmp/newsline-lab-cache"))
STAGES = ("ingest", "clean", "text", "temporal", "core.py", "model.py")


def _stage_hash() -> str:
    h = hashlib.sha1()
    src = ROOT / "src" / "newsline"
    for stage in STAGES:
        p = src / stage
        files = sorted(p.rglob("*.py")) if p.is_dir() else [p]
        for f in files:
            h.update(f.read_bytes())
    return h.hexdigest()[:12]


def prepared(topic: Topic, dataset: str) -> Corpus:
    # NEWSLINE_LAB_KEY pins a cache snapshot while the preparing stages are being edited.
    stage = os.environ.get("NEWSLINE_LAB_KEY") or _stage_hash()
    key = CACHE / stage / f"{dataset}-{topic.name}.pkl"
    if key.exists():
        with key.open("rb") as f:
            return pickle.load(f)
    corpus = prepare_topic(topic)
    key.parent.mkdir(parents=True, exist_ok=True)
    with key.open("wb") as f:
        pickle.dump(corpus, f, protocol=pickle.HIGHEST_PROTOCOL)
    return corpus


def tasks(dataset: str, topics: tuple[str, ...] = ()) -> Iterator[tuple[Task, Corpus]]:
    for topic in load_dataset(DATA / dataset, topics):
        corpus = prepared(topic, dataset)
        for task in topic.tasks:
            yield task, corpus.between(task.start, task.end)


def run(
    dataset: str,
    make: Callable[[Task], TimelineMethod],
    topics: tuple[str, ...] = (),
    verbose: bool = False,
) -> dict[str, float]:
    per_task = []
    for task, corpus in tasks(dataset, topics):
        t0 = time.perf_counter()
        tl: Timeline = make(task).build(corpus, task.config())
        s = score_timeline(tl, [task.gold])
        s["seconds"] = time.perf_counter() - t0
        per_task.append(s)
        if verbose:
            print(
                f"  {task.name:24s} AR1 {s['align_r1_f']:.4f} AR2 {s['align_r2_f']:.4f} "
                f"D-F1 {s['date_f1']:.4f}",
                file=sys.stderr,
            )
    m = mean_scores(per_task)
    m["seconds"] = sum(s["seconds"] for s in per_task) / len(per_task)
    return m


def summary(name: str, dataset: str, m: dict[str, float]) -> str:
    return (
        f"{name:28s} {dataset:9s} AR1 {m['align_r1_f']:.4f}  AR2 {m['align_r2_f']:.4f}  "
        f"D-F1 {m['date_f1']:.4f}  C-R1 {m['concat_r1_f']:.4f}  C-R2 {m['concat_r2_f']:.4f}  "
        f"Ag-R1 {m['agreement_r1_f']:.4f}  Ag-R2 {m['agreement_r2_f']:.4f}  "
        f"build s/task {m['seconds']:.2f}  peak RSS {peak_mb():.0f} MB"
    )


def peak_mb() -> float:
    """The process's peak resident memory so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


__all__ = ["DATA", "peak_mb", "prepared", "run", "summary", "tasks"]

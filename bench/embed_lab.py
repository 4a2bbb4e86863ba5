"""Settings of datewise-embed (sentence embeddings per date) against datewise.

Runs on the lab's cached prepared corpora (``bench/tls_lab.py``) and reports,
per setting and dataset, the lab's scores (``base``: the default datewise;
``base-centroid``: its dates with the TF-IDF centroid summarizer; the rest:
its dates with :class:`EmbeddingSummarizer` settings), wall seconds per task (build +
scoring; the first task of a process also loads torch and the model) and CPU
seconds per task of the build alone.

    NEWSLINE_LAB_KEY=pin2 python bench/embed_lab.py --settings base emb hyb50
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from newsline.evaluate.scoring import mean_scores, score_timeline  # noqa: E402
from newsline.timeline.base import (
    TimelineMethod,  # noqa: E402
    get_method,  # noqa: E402
)
from newsline.timeline.embed import EmbeddingSummarizer  # noqa: E402
from newsline.timeline.methods.embedded import datewise_embed  # noqa: E402
from newsline.timeline.sentences.summarize import CentroidSummarizer  # noqa: E402
from tls_lab import summary, tasks  # noqa: E402


def _embed(**kw: float | int | None) -> Callable[[], TimelineMethod]:
    return lambda: datewise_embed(EmbeddingSummarizer(**kw))  # type: ignore[arg-type]


def _centroid() -> TimelineMethod:
    """The default datewise (same dates) with the TF-IDF centroid summarizer."""
    method = get_method("datewise")
    method.summarizer = CentroidSummarizer()  # type: ignore[attr-defined]
    method.name = "datewise-centroid"
    return method


SETTINGS: dict[str, Callable[[], TimelineMethod]] = {
    "base": lambda: get_method("datewise"),
    "base-centroid": _centroid,
    "emb": _embed(),
    "emb-r70": _embed(redundancy=0.7),
    "emb-r90": _embed(redundancy=0.9),
    "emb-all": _embed(shortlist=None),
    "emb-s50": _embed(shortlist=50),
    "hyb30": _embed(tfidf_weight=0.3),
    "hyb50": _embed(tfidf_weight=0.5),
    "hyb70": _embed(tfidf_weight=0.7),
    "hyb50-s10": _embed(tfidf_weight=0.5, shortlist=10),
    "hyb70-s10": _embed(tfidf_weight=0.7, shortlist=10),
    "hyb70-s10-r90": _embed(tfidf_weight=0.7, shortlist=10, redundancy=0.9),
}


def run(dataset: str, make: Callable[[], TimelineMethod]) -> dict[str, float]:
    per_task = []
    for task, corpus in tasks(dataset):
        t0, c0 = time.perf_counter(), time.process_time()
        tl = make().build(corpus, task.config())
        cpu = time.process_time() - c0
        s = score_timeline(tl, [task.gold])
        s["seconds"] = time.perf_counter() - t0
        s["cpu"] = cpu
        per_task.append(s)
    m = mean_scores(per_task)
    m["seconds"] = sum(s["seconds"] for s in per_task) / len(per_task)
    m["cpu"] = sum(s["cpu"] for s in per_task) / len(per_task)
    m["cpu_max"] = max(s["cpu"] for s in per_task)
    return m


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--datasets", nargs="+", default=["t17", "entities"])
    ap.add_argument("--settings", nargs="+", default=["base", "emb"], choices=sorted(SETTINGS))
    args = ap.parse_args()
    for name in args.settings:
        for ds in args.datasets:
            m = run(ds, SETTINGS[name])
            print(
                f"{summary(name, ds, m)}  build cpu s/task {m['cpu']:.2f} (max {m['cpu_max']:.2f})",
                flush=True,
            )


if __name__ == "__main__":
    main()

"""Train newsline's date ranker; report its leave-one-topic-out date scores.

Every task of every dataset gives one sample per candidate date (features of
:mod:`newsline.timeline.dates`, label: the date is in the gold timeline). The
figures printed are leave-one-topic-out: the model that ranks a topic's dates
never saw that topic. The shipped model (``--save``) is fitted on all topics,
deterministically (lbfgs, no randomness).

    python bench/train_date_ranker.py --save src/newsline/timeline/models/date_ranker.json
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from newsline.evaluate.protocol import Task  # noqa: E402
from newsline.evaluate.scoring import date_scores  # noqa: E402
from newsline.timeline.candidates import SentencePool  # noqa: E402
from newsline.timeline.dates import DateFeatures, LinearDateRanker, date_features  # noqa: E402
from newsline.timeline.dates.ranker import LearnedDateRanker  # noqa: E402
from tls_lab import tasks  # noqa: E402


@dataclass
class Sample:
    key: str  # dataset/topic
    task: Task
    feats: DateFeatures
    labels: np.ndarray


def collect(datasets: list[str]) -> list[Sample]:
    out = []
    for ds in datasets:
        for task, corpus in tasks(ds):
            pool = SentencePool.from_corpus(corpus, task.keywords, task.start, task.end)
            feats = date_features(pool, task.start, task.end)
            gold = set(task.gold.dates)
            labels = np.array([d in gold for d in feats.dates], dtype=int)
            out.append(Sample(f"{ds}/{task.topic}", task, feats, labels))
    return out


def loto_rankers(samples: list[Sample], C: float = 0.1) -> dict[str, LearnedDateRanker]:
    """One ranker per topic, fitted on all other topics."""
    models = {}
    for key in sorted({s.key for s in samples}):
        train = [s for s in samples if s.key != key]
        models[key] = LearnedDateRanker(C=C).fit([s.feats for s in train], [s.labels for s in train])
    return models


def date_f1(samples: list[Sample], score) -> dict[str, float]:
    ps, rs = [], []
    for s in samples:
        sc = score(s)
        top = np.argsort(-sc, kind="stable")[: s.task.n_dates]
        d = date_scores([s.feats.dates[i] for i in top], s.task.gold.dates)
        ps.append(d["date_p"])
        rs.append(d["date_r"])
    p, r = float(np.mean(ps)), float(np.mean(rs))
    return {"date_p": p, "date_r": r, "date_f1": 2 * p * r / (p + r) if p + r else 0.0}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--datasets", nargs="+", default=["t17", "entities"])
    ap.add_argument("--C", type=float, default=0.1)
    ap.add_argument("--save", help="write the model fitted on all topics here")
    args = ap.parse_args()
    samples = collect(args.datasets)
    models = loto_rankers(samples, args.C)
    linear = LinearDateRanker()
    for ds in args.datasets:
        sub = [s for s in samples if s.key.startswith(ds + "/")]
        base = date_f1(sub, lambda s: linear.score(s.feats))
        loto = date_f1(sub, lambda s: models[s.key].score(s.feats))
        print(f"{ds:9s} fixed weights D-F1 {base['date_f1']:.4f}   learned (LOTO) D-F1 {loto['date_f1']:.4f}")
    if args.save:
        full = LearnedDateRanker(C=args.C).fit([s.feats for s in samples], [s.labels for s in samples])
        full.save(args.save)
        print(f"saved {args.save}: " + ", ".join(f"{f}={c:+.3f}" for f, c in zip(full.features_, full.coef_, strict=True)))


if __name__ == "__main__":
    main()

"""Which gold timelines are, sentence for sentence, articles of their own input?

For each task of a dataset (input window as the protocol's: the gold
timeline's first to last date, Entities widened by 7 days), count the gold
sentences of 30+ characters that occur verbatim in an input article's raw
text, and the largest share one article holds. A task whose gold timeline is
mostly one input article is an outlet chronology that the collection also
crawled (with its date headings stripped in T17's copy); a method that dated
that article's lines would copy the answer rather than summarize.

    .venv/bin/python bench/gold_in_input.py [--datasets t17 entities]
    .venv/bin/newsline eval ../shared/data/t17 --json t17.json
    .venv/bin/python bench/gold_in_input.py --datasets t17 --scores t17.json

With ``--scores`` (a ``newsline eval --json`` file of the dataset), the
protocol means are also given separately for the tasks whose gold timeline is
mostly (half or more) one input article and for the others.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
from collections import Counter
from pathlib import Path

from newsline.evaluate.scoring import mean_scores

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
WIDEN = {"entities": 7}


def measure(dataset: str) -> dict[str, float]:
    """Print the per-task table; return each task's top-article share."""
    root = DATA / dataset
    if not root.is_dir():
        raise SystemExit(f"gold_in_input: {root} not found (needs ../shared/data)")
    total = verbatim = mostly = 0
    tasks = 0
    shares: dict[str, float] = {}
    print(f"{'task':26s} {'gold':>5s} {'verbatim':>8s} {'top article':>11s}  article")
    for topic in sorted(p for p in root.iterdir() if p.is_dir()):
        with gzip.open(topic / "articles.jsonl.gz", "rt", encoding="utf-8") as fh:
            articles = [json.loads(line) for line in fh]
        with open(topic / "timelines.jsonl", encoding="utf-8") as fh:
            timelines = [json.loads(line) for line in fh if line.strip()]
        for ti, tl in enumerate(timelines):
            widen = dt.timedelta(days=WIDEN.get(dataset, 0))
            lo = (dt.date.fromisoformat(tl[0][0][:10]) - widen).isoformat()
            hi = (dt.date.fromisoformat(tl[-1][0][:10]) + widen).isoformat()
            pool = [a for a in articles if lo <= a["time"] <= hi]
            hits: Counter[str] = Counter()
            n = found = 0
            for _day, sents in tl:
                for s in sents:
                    s = s.strip()
                    if len(s) < 30:
                        continue
                    n += 1
                    for a in pool:
                        if s in a["text"]:
                            hits[a["id"]] += 1
                            found += 1
                            break
            top_id, top_n = hits.most_common(1)[0] if hits else ("-", 0)
            share = top_n / n if n else 0.0
            tasks += 1
            shares[f"{topic.name}/{ti}"] = share
            total += n
            verbatim += found
            mostly += share >= 0.5
            print(f"{f'{topic.name}/{ti}':26s} {n:5d} {found:8d} {share:10.0%}  {top_id}")
    print(
        f"{dataset}: {verbatim} of {total} gold sentences verbatim in the input; "
        f"{mostly} of {tasks} tasks have half or more of their gold in one input article"
    )
    return shares


def split_scores(path: Path, shares: dict[str, float]) -> None:
    """Protocol means of an eval's tasks, split by whether one input article
    holds half or more of the gold timeline."""
    per_task = json.loads(path.read_text(encoding="utf-8"))["tasks"]
    groups = {
        "gold mostly one input article": [t for t in per_task if shares.get(t["task"], 0) >= 0.5],
        "the other tasks": [t for t in per_task if shares.get(t["task"], 0) < 0.5],
        "all tasks": per_task,
    }
    for name, ts in groups.items():
        m = mean_scores(ts)
        print(
            f"{name:30s} {len(ts):3d} tasks  AR1 {m['align_r1_f']:.4f}  "
            f"AR2 {m['align_r2_f']:.4f}  Date-F1 {m['date_f1']:.4f}"
        )


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--datasets", nargs="+", default=["t17", "entities"])
    ap.add_argument(
        "--scores", type=Path, help="a `newsline eval --json` file of the (one) dataset"
    )
    args = ap.parse_args()
    for ds in args.datasets:
        shares = measure(ds)
        if args.scores:
            split_scores(args.scores, shares)


if __name__ == "__main__":
    main()

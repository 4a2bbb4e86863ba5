"""Timeline quality under the field's protocol: every method on T17 and Entities.

Runs ``newsline eval``'s library function for each dataset and method and
prints one Markdown row per (dataset, method) with the mean scores (mean P and
R over tasks, F from them), seconds per task and peak RSS; ``--json-dir``
also keeps each run's full ``newsline eval --json`` object.

    .venv/bin/python bench/eval_quality.py --json-dir out/eval

is the same as ``newsline eval ../shared/data/t17 --method M --json FILE`` (and
``entities``) for every method M.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from newsline.evaluate.protocol import EvalOptions
from newsline.evaluate.report import summary, to_json
from newsline.evaluate.runner import evaluate_dataset
from newsline.timeline.base import available_methods

ROOT = Path(__file__).resolve().parents[1]
COLUMNS = (
    "align_r1_f",
    "align_r2_f",
    "date_f1",
    "concat_r1_f",
    "concat_r2_f",
    "agreement_r1_f",
    "agreement_r2_f",
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--datasets", nargs="+", default=["t17", "entities"])
    parser.add_argument("--methods", nargs="+", default=available_methods())
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--json-dir", type=Path)
    args = parser.parse_args()
    print(
        "| dataset | method | tasks | AR1-F | AR2-F | Date-F1 | concat R1-F | concat R2-F "
        "| agreement R1-F | agreement R2-F | s/task | peak RSS MB |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for dataset in args.datasets:
        for method in args.methods:
            start = time.perf_counter()
            results = evaluate_dataset(
                args.data / dataset, EvalOptions(method=method), jobs=args.jobs
            )
            mean = summary(results)
            cells = " | ".join(f"{mean[k]:.3f}" for k in COLUMNS)
            print(
                f"| {dataset} | {method} | {len(results)} | {cells} | {mean['seconds']:.2f} "
                f"| {mean['peak_rss_mb']:.0f} |",
                flush=True,
            )
            print(f"{dataset}/{method}: {time.perf_counter() - start:.0f} s", file=sys.stderr)
            if args.json_dir:
                args.json_dir.mkdir(parents=True, exist_ok=True)
                data = to_json(str(args.data / dataset), method, results)
                (args.json_dir / f"{dataset}-{method}.json").write_text(json.dumps(data, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

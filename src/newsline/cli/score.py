"""``newsline score``: score a timeline file against gold timeline files."""

from __future__ import annotations

import argparse
import json

from ..evaluate.report import format_scores
from ..evaluate.scoring import score_timeline
from ..evaluate.timeline_io import read_timeline, read_timelines


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "score",
        help="score a timeline against gold timelines",
        description="Score a system timeline against one or more gold timelines with tilse's "
        "metrics (concat, agreement and align+ m:1 ROUGE-1/2, date F1). Files are tilse "
        "text, newsline JSON, or a dataset's timelines.jsonl (every line a gold timeline).",
    )
    p.add_argument("system", metavar="SYSTEM", help="the timeline to score")
    p.add_argument("golds", nargs="+", metavar="GOLD", help="gold timeline file(s)")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    system = read_timeline(args.system)
    golds = [t for path in args.golds for t in read_timelines(path)]
    scores = score_timeline(system, golds)
    if args.json:
        print(json.dumps(scores, indent=2))
    else:
        print(format_scores(scores))
    return 0

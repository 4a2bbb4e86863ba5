"""``newsline score``: score a timeline file against gold timeline files."""

from __future__ import annotations

import argparse
import json

from ..evaluate.report import format_scores
from ..evaluate.scoring import score_timeline
from ..evaluate.timeline_io import read_timeline, read_timelines
from ..render.output import write_text
from .common import add_input_options, limits_from


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
    add_input_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    limits = limits_from(args)
    system = read_timeline(args.system, limits)
    golds = [t for path in args.golds for t in read_timelines(path, limits)]
    scores = score_timeline(system, golds)
    text = json.dumps(scores, indent=2) if args.json else format_scores(scores)
    write_text("-", text + "\n")
    return 0

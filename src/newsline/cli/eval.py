"""``newsline eval``: the benchmark protocol on a dataset folder, tilse-exact metrics."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from ..dating import DatingOptions
from ..evaluate.protocol import EvalOptions
from ..evaluate.report import format_dating, format_table, to_json
from ..evaluate.runner import evaluate_dataset
from ..timeline import DEFAULT_METHOD, available_methods
from .common import non_negative_int, note, positive_int


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "eval",
        help="evaluate a timeline method on a benchmark dataset",
        description="Run the field's protocol (one task per gold timeline) on a dataset folder "
        "(<topic>/articles.jsonl.gz, timelines.jsonl, keywords.json) and score with "
        "tilse's metrics.",
    )
    p.add_argument("dataset", metavar="DATASET", help="dataset folder, e.g. ../shared/data/t17")
    p.add_argument("--topics", nargs="+", metavar="TOPIC", help="only these topics")
    p.add_argument(
        "--method", default=DEFAULT_METHOD, choices=available_methods(), help="timeline method"
    )
    p.add_argument(
        "--window-days",
        type=non_negative_int,
        help="widen each task's input span by N days on each side "
        "(default: 7 for a folder named 'entities', else 0)",
    )
    p.add_argument("--no-keywords", action="store_true", help="do not filter by keywords.json")
    p.add_argument(
        "--seed", type=int, default=0,
        help="random_state for the method and for --hide-dates (default 0)",
    )
    p.add_argument(
        "--hide-dates", type=fraction, default=0.0, metavar="FRACTION",
        help="hide the publication dates of this fraction of each task's input articles "
        "(chosen with --seed) and estimate them; reports how well they were estimated",
    )
    p.add_argument(
        "--dating-prior", metavar="FILE",
        help="dating prior to estimate hidden dates with (default: the shipped one), or a "
        "folder of <topic>.json priors (bench/train_dating_prior.py --loto: out-of-sample)",
    )
    p.add_argument("--json", metavar="FILE", help="write the results as JSON to FILE")
    p.add_argument("--jobs", type=positive_int, default=1, help="topics run in N processes")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    options = EvalOptions(
        method=args.method,
        window_days=args.window_days,
        use_keywords=not args.no_keywords,
        random_state=args.seed,
        topics=tuple(args.topics or ()),
        hide_dates=args.hide_dates,
        dating=DatingOptions(prior=args.dating_prior),
    )
    results = evaluate_dataset(
        args.dataset,
        options,
        jobs=args.jobs,
        progress=lambda message: note(message, args.quiet),
    )
    print(format_table(results))
    if args.hide_dates:
        print(format_dating(results))
    if args.json:
        data = to_json(os.fspath(args.dataset), args.method, results)
        Path(args.json).write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        note(f"wrote {args.json}", args.quiet)
    return 0


def fraction(value: str) -> float:
    """argparse type: a number from 0 to 1."""
    try:
        x = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0.0 <= x <= 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1: {value!r}")
    return x

"""``newsline eval``: the benchmark protocol on a dataset folder, tilse-exact metrics."""

from __future__ import annotations

import argparse
import json
import os

from ..dating import DatingOptions
from ..errors import DatasetError, NoInputError
from ..evaluate.protocol import EvalOptions, TaskResult, Topic, load_dataset, run_topic
from ..evaluate.report import format_dating, format_table, to_json
from ..evaluate.runner import evaluate_dataset
from ..model import Corpus
from ..render.output import check_output, write_text
from ..timeline import DEFAULT_METHOD, available_methods
from .common import add_input_options, limits_from, non_negative_int, note, positive_int


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
    add_input_options(p)
    p.add_argument("--store", metavar="PATH", help="take each topic's articles from this store "
                   "(the collection named after the topic folder) instead of its articles file")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.json:
        check_output(args.json)
    options = EvalOptions(
        method=args.method,
        window_days=args.window_days,
        use_keywords=not args.no_keywords,
        random_state=args.seed,
        topics=tuple(args.topics or ()),
        hide_dates=args.hide_dates,
        dating=DatingOptions(prior=args.dating_prior),
    )
    if getattr(args, "store", None):
        results = _from_store(args, options)
    else:
        results = evaluate_dataset(
            args.dataset,
            options,
            jobs=args.jobs,
            progress=lambda message: note(message, args.quiet),
            limits=limits_from(args),
        )
    warnings = [w for r in results for w in r.warnings]
    for w in warnings:
        note(f"warning: {w}")
    write_text("-", format_table(results) + "\n")
    if args.hide_dates:
        write_text("-", format_dating(results) + "\n")
    if args.json:
        data = to_json(os.fspath(args.dataset), args.method, results)
        write_text(args.json, json.dumps(data, indent=2) + "\n")
        note(f"wrote {args.json}", args.quiet)
    return 1 if warnings else 0


def _from_store(args: argparse.Namespace, options: EvalOptions) -> list[TaskResult]:
    """The protocol with every topic's corpus from one store (collection = topic name)."""
    from ..store import Store

    store = Store(args.store)
    if not store.exists:
        raise NoInputError(f"no store at {args.store} (create one with `newsline index add`)")

    def corpus(topic: Topic) -> Corpus:
        found = store.corpus(collection=topic.name)
        if not found.documents:
            raise DatasetError(f"{args.store}: no collection {topic.name!r} "
                               f"(index add ... --collection {topic.name})")
        return found

    results: list[TaskResult] = []
    for topic in load_dataset(args.dataset, options.topics, options.window_days):
        note(f"{topic.name}: {len(topic.tasks)} task(s) from {args.store}", args.quiet)
        results.extend(run_topic(topic, options, prepare=corpus))
    return results


def fraction(value: str) -> float:
    """argparse type: a number from 0 to 1."""
    try:
        x = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0.0 <= x <= 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1: {value!r}")
    return x

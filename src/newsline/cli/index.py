"""``newsline index``: add articles to a store (``add``), or describe one (``info``)."""

from __future__ import annotations

import argparse
import json
import sys
import time

from ..errors import NoInputError
from .common import add_input_options, iso_date, limits_from, note, positive_int
from .inputs import add_read_options, input_paths, read_options


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "index",
        help="add articles to a store, or describe one",
        description="Keep articles and their prepared documents in a store folder "
        "(Parquet shards and a manifest; see docs/store.md), added incrementally.",
    )
    cmds = p.add_subparsers(dest="index_command", metavar="ACTION")
    cmds.required = True
    add = cmds.add_parser(
        "add",
        help="add (or update) articles; only new or changed ones are prepared",
        description="Read inputs (anything `newsline build` reads) and add them to the store, "
        "streaming in batches; each batch is committed atomically.",
    )
    add.add_argument("inputs", nargs="*", metavar="INPUT", help="files, folders, URLs or - (stdin)")
    add.add_argument("--store", required=True, metavar="PATH", help="store folder (created if new)")
    add.add_argument("--engine", choices=("local", "dask"), default="local",
                     help="where articles are prepared (default: local processes)")
    add.add_argument("--scheduler", metavar="ADDRESS",
                     help="Dask scheduler, e.g. tcp://host:8786 (--engine dask; default: "
                     "a local cluster)")
    add.add_argument("--workers", type=positive_int, help="local worker processes (default: cores)")
    add.add_argument("--batch", type=positive_int, default=1000, help="articles per shard/commit")
    add.add_argument("--collection", default="", metavar="NAME",
                     help="name the added articles' collection (build --collection selects it)")
    add.add_argument("--date", type=iso_date,
                     help="publication date for articles that have none (YYYY-MM-DD)")
    add_read_options(add)
    add_input_options(add)
    add.set_defaults(func=run_add)
    info = cmds.add_parser("info", help="what a store holds",
                           description="Articles, sentences, dates, sources, size, last update.")
    info.add_argument("--store", required=True, metavar="PATH", help="store folder")
    info.add_argument("--json", action="store_true", help="print JSON")
    info.set_defaults(func=run_info)
    for cmd in (add, info):
        cmd.add_argument("-q", "--quiet", action="store_true", default=argparse.SUPPRESS,
                         help="no notes")


def run_add(args: argparse.Namespace) -> int:
    from ..store import Store

    started = time.perf_counter()
    inputs = input_paths(args)
    report = Store(args.store).add(
        inputs, engine=args.engine, scheduler=args.scheduler, workers=args.workers,
        batch_size=args.batch, collection=args.collection, default_date=args.date,
        options=read_options(args), limits=limits_from(args),
    )
    for problem in report.problems:
        print(f"newsline: warning: {problem}", file=sys.stderr)
    seconds = time.perf_counter() - started
    done = report.added + report.updated + report.unchanged
    note(
        f"{report.added} added, {report.updated} updated, {report.unchanged} unchanged, "
        f"{report.empty} empty after cleaning, {len(report.problems)} input problems; "
        f"{report.near_duplicates} near duplicates marked; {report.commits} commits in "
        f"{seconds:.1f}s ({done / seconds if seconds else 0:.0f} articles/s)",
        args.quiet,
    )
    if not done and not report.empty:
        raise NoInputError(f"no readable article in {', '.join(inputs)}")
    return 1 if report.items_skipped else 0  # as build: a warning about a kept item is no skip


def run_info(args: argparse.Namespace) -> int:
    from ..store import Store

    store = Store(args.store)
    if not store.exists:
        raise NoInputError(f"no store at {args.store} (create one with `newsline index add`)")
    info = store.info()
    if args.json:
        print(json.dumps(info.as_dict(), indent=2))
        return 0
    span = f"{info.first_date} to {info.last_date}" if info.first_date else "none"
    rows = [
        ("store", f"{info.path} (schema version {info.schema_version})"),
        ("articles", f"{info.articles} ({info.near_duplicates} marked as near duplicates)"),
        ("sentences", str(info.sentences)),
        ("dated mentions", str(info.dated_mentions)),
        ("publication dates", f"{info.publication_dates} days, {span}"),
        ("sources", str(info.sources)),
        ("collections", ", ".join(info.collections) or "-"),
        ("size", f"{info.size_bytes / 1e6:.1f} MB in {info.shards} shards, {info.commits} commits"),
        ("last update", info.last_update or "-"),
    ]
    for k, v in rows:
        print(f"{k:>18}: {v}")
    return 0

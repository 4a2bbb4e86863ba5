"""``newsline demo``: the whole pipeline on the bundled demo corpus."""

from __future__ import annotations

import argparse

from ..demo import DEMO_QUERY, DEMO_TITLE, corpus_path
from .build import add_timeline_options, emit, make_timeline
from .common import note, read_inputs


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "demo",
        help="build a timeline from the bundled demo corpus",
        description="Run the full pipeline on a small bundled corpus: prints the timeline "
        "and writes timeline.html.",
    )
    add_timeline_options(p)
    p.add_argument("-o", "--output", default="timeline.html", help="HTML file to write")
    p.set_defaults(func=run, inputs=None)


def run(args: argparse.Namespace) -> int:
    path = str(corpus_path())
    if args.query is None:
        args.query = DEMO_QUERY
    result = read_inputs([path], args.date, args.quiet)
    timeline, stats = make_timeline(result.articles, args, DEMO_TITLE)
    rep = stats["report"]
    note(
        f"demo corpus: {rep.articles_in} articles, {rep.exact_duplicates + rep.near_duplicates} "
        f"duplicates and {rep.boilerplate_lines} boilerplate lines removed",
        args.quiet,
    )
    for n in timeline.meta.get("notes", []):  # type: ignore[union-attr]
        note(f"warning: {n}", args.quiet)
    emit(timeline, None, "text", args.quiet)
    emit(timeline, args.output, "html", args.quiet)
    return 0

"""``newsline demo``: the whole pipeline on the bundled demo corpus."""

from __future__ import annotations

import argparse

from .. import demo, render
from .build import add_timeline_options, emit, make_timeline, output_format
from .common import note, read_inputs


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "demo",
        help="build a timeline from the bundled demo corpus",
        description="Run the full pipeline on a small bundled corpus: prints the timeline "
        "and writes timeline.html (or the file -o names, in the format of its suffix).",
    )
    add_timeline_options(p)
    p.add_argument(
        "-o",
        "--output",
        default="timeline.html",
        help="file to write, format from its suffix like build's (default: timeline.html)",
    )
    p.set_defaults(func=run, inputs=None)


def run(args: argparse.Namespace) -> int:
    output_format(args.output, None)  # an output name of no known format fails first
    render.output.check_output(args.output)
    path = str(demo.corpus_path())
    if args.query is None:
        args.query = getattr(demo, "DEMO_QUERY", None)
    result = read_inputs([path], args.date, args.quiet)
    timeline, stats = make_timeline(result.articles, args, getattr(demo, "DEMO_TITLE", None))
    rep = stats["report"]
    note(
        f"demo corpus: {rep.articles_in} articles, {rep.exact_duplicates + rep.near_duplicates} "
        f"duplicates and {rep.boilerplate_lines} boilerplate lines removed",
        args.quiet,
    )
    for n in timeline.meta.get("notes", []):  # type: ignore[union-attr]
        note(f"warning: {n}", args.quiet)
    emit(timeline, None, "text", args.quiet)
    emit(timeline, args.output, None, args.quiet)
    return 0

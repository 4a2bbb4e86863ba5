"""``newsline build``: articles in, timeline out."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import sys
import time
from collections.abc import Sequence

from .. import render
from ..core import exclude_sentences, locate_sources, parse_query, prepare
from ..errors import NoInputError
from ..explain import shortfall
from ..model import Article, Corpus, Timeline
from ..timeline import DEFAULT_METHOD, TimelineConfig, available_methods, get_method
from .common import check_range, iso_date, note, positive_int, read_inputs, undated_note
from .inputs import add_input_options, input_paths, read_options
from .stages import StageBar

STAGES = ("cleaning, splitting and dating the articles", "choosing dates and sentences")


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "build",
        help="build a timeline from articles",
        description="Build a dated, sourced timeline from news articles (.txt, .html, "
        ".jsonl, .json, .csv/.tsv, .parquet, RSS/Atom feeds, .warc; any of them .gz/.bz2/"
        ".xz/.zst), folders, http(s) URLs, or - for stdin.",
    )
    p.add_argument(
        "inputs", nargs="*", metavar="INPUT", help="files, folders, URLs or - (stdin)"
    )
    add_timeline_options(p)
    add_input_options(p)
    p.add_argument("-o", "--output", help="output file (format from its suffix)")
    p.add_argument(
        "-f", "--format", choices=sorted(render.FORMATS), help="output format (default: from -o)"
    )
    p.add_argument("--title", help="title shown in the output (default: the query)")
    p.set_defaults(func=run)


def add_timeline_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("timeline")
    g.add_argument(
        "--query",
        "-k",
        help='only sentences with one of these words or "quoted phrases" are selected; '
        "OR may be written between them, -word excludes sentences with word "
        """(e.g. '"Abu Bakr al-Baghdadi" OR Baghdadi -football')""",
    )
    g.add_argument("--dates", "-n", type=positive_int, help="number of dates (default: by corpus)")
    g.add_argument("--sentences", "-s", type=positive_int, help="sentences per date (default 2)")
    g.add_argument("--start", type=iso_date, help="first date of the timeline (YYYY-MM-DD)")
    g.add_argument("--end", type=iso_date, help="last date of the timeline (YYYY-MM-DD)")
    g.add_argument(
        "--date", type=iso_date, help="publication date for articles that have none (YYYY-MM-DD)"
    )
    g.add_argument(
        "--method", default=DEFAULT_METHOD, choices=available_methods(), help="timeline method"
    )
    g.add_argument("--no-dedupe", action="store_true", help="keep near-duplicate articles")


def make_timeline(
    articles: Sequence[Article], args: argparse.Namespace, title: str | None
) -> tuple[Timeline, dict[str, object]]:
    """Prepare, build and annotate a timeline; returns it with run statistics."""
    check_range(args.start, args.end)
    t0 = time.perf_counter()
    config = TimelineConfig(
        n_dates=args.dates,
        n_sentences=args.sentences,
        keywords=parse_query(args.query),
        start=args.start,
        end=args.end,
    )
    with StageBar(STAGES, args.quiet) as bar:
        bar.stage(STAGES[0])
        corpus = prepare(articles, dedupe=not args.no_dedupe)
        corpus = exclude_sentences(corpus, args.query)
        bar.stage(STAGES[1])
        timeline = locate_sources(get_method(args.method).build(corpus, config), corpus)
    seconds = time.perf_counter() - t0

    docs = corpus.documents
    undated = sum(1 for d in docs if d.article.published is None)
    inferred = sum(1 for d in docs if d.article.date_source == "inferred")
    pubs = sorted(d.article.published for d in docs if d.article.published)
    notes = [n for n in (undated_note(undated, len(docs)),) if n]
    notes += shortfall(
        timeline, corpus, n_dates=args.dates, n_sentences=args.sentences,
        keywords=config.keywords, start=args.start, end=args.end,
    )  # fmt: skip
    if inferred:
        notes.append(f"{inferred} articles' publication dates were inferred from their text.")
    rep = corpus.report
    meta = dict(timeline.meta)
    meta.update(
        title=title or args.query or "Timeline",
        generated=dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        articles=len(docs),
        sources=len({d.article.source for d in docs if d.article.source}) or None,
        date_range=[pubs[0].isoformat(), pubs[-1].isoformat()] if pubs else None,
        notes=notes,
        method=args.method,
        clean={
            "articles_in": rep.articles_in,
            "exact_duplicates": rep.exact_duplicates,
            "near_duplicates": rep.near_duplicates,
            "boilerplate_lines": rep.boilerplate_lines,
            "comment_sections": rep.comment_sections,
            "empty": rep.empty,
        },
    )
    if getattr(args, "verbose", 0) and not args.quiet:
        for line in stage_lines(corpus, timeline, config):
            note(line)
    stats = {"seconds": seconds, "undated": undated, "report": rep}
    return dataclasses.replace(timeline, meta=meta), stats


def stage_lines(corpus: Corpus, timeline: Timeline, config: TimelineConfig) -> list[str]:
    """What each stage after ingest did, for ``-v``."""
    docs = corpus.documents
    sentences = sum(len(d.sentences) for d in docs)
    mentions = sum(len(d.mentions) for d in docs)
    resolved = sum(1 for d in docs for m in d.mentions if m.time is not None)
    chosen = sum(len(e.sentences) for e in timeline)
    query = f" (query terms: {', '.join(config.keywords)})" if config.keywords else ""
    return [
        f"clean: {corpus.report.articles_in} articles in, {len(docs)} kept",
        f"text: {sentences} sentences",
        f"temporal: {mentions} time expressions, {resolved} resolved to a date",
        f"timeline: {len(timeline)} dates and {chosen} sentences chosen{query}",
    ]


def emit(timeline: Timeline, output: str | None, fmt: str | None, quiet: bool) -> None:
    if output:
        fmt = fmt or render.format_for_path(output)
        render.write(timeline, output, fmt)
        note(f"wrote {len(timeline)} dates to {output}", quiet)
    else:
        sys.stdout.write(render.render(timeline, fmt or "text"))
        sys.stdout.flush()


def run(args: argparse.Namespace) -> int:
    result = read_inputs(
        input_paths(args), args.date, args.quiet, read_options(args), verbose=args.verbose
    )
    timeline, stats = make_timeline(result.articles, args, args.title)
    rep = stats["report"]
    note(
        f"{rep.articles_in} articles read, {rep.exact_duplicates} exact and "
        f"{rep.near_duplicates} near duplicates dropped, {rep.boilerplate_lines} boilerplate "
        f"lines and {rep.comment_sections} reader-comment sections removed; timeline of {len(timeline)} dates in {stats['seconds']:.1f}s",
        args.quiet,
    )
    for n in timeline.meta.get("notes", []):  # type: ignore[union-attr]
        note(f"warning: {n}", args.quiet)
    if not timeline.entries:
        raise NoInputError(
            "no event could be placed on a date: the articles mention no resolvable date"
            + (" or no sentence matches --query" if args.query else "")
            + " (undated articles need --date YYYY-MM-DD)"
        )
    emit(timeline, args.output, args.format, args.quiet)
    return 1 if result.problems else 0

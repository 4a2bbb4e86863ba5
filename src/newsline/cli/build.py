"""``newsline build``: articles in, timeline out."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import time
from collections.abc import Sequence

from .. import render
from ..core import exclude_sentences, locate_sources, parse_query, prepare
from ..dating.annotate import annotate
from ..dating.given import fill_default
from ..dating.granularity import CHOICES, regroup
from ..errors import ConfigError, NoInputError
from ..explain import shortfall
from ..model import Article, Corpus, Document, Timeline
from ..query import MAX_ARTICLES
from ..timeline import DEFAULT_METHOD, TimelineConfig, available_methods, get_method
from .common import (
    add_input_options,
    check_range,
    dates_from,
    iso_date,
    limits_from,
    note,
    positive_int,
    publication_date,
    read_inputs,
)
from .inputs import add_read_options, input_paths, read_options
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
    p.add_argument("inputs", nargs="*", metavar="INPUT", help="files, folders, URLs or - (stdin)")
    p.add_argument("--store", metavar="PATH", help="build from a store (newsline index) instead")
    p.add_argument("--collection", metavar="NAME", help="with --store: only this collection")
    p.add_argument(
        "--max-articles", type=int, default=MAX_ARTICLES, metavar="N",
        help=f"with --store and --query: at most N articles, the most relevant to the query "
        f"(default {MAX_ARTICLES:,}; 0: all it selects)",
    )
    add_timeline_options(p)
    add_read_options(p)
    add_input_options(p)
    p.add_argument(
        "-o",
        "--output",
        help="output file (format from its suffix; folders are created), or - for standard output",
    )
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
        """(e.g. '"Abu Bakr al-Baghdadi" OR Baghdadi -football'; --query -word works, """
        "but a query that is an option's name is written --query=-n)",
    )
    g.add_argument("--dates", "-n", type=positive_int, help="number of dates (default: by corpus)")
    g.add_argument("--sentences", "-s", type=positive_int, help="sentences per date (default 2)")
    g.add_argument("--start", type=iso_date, help="first date of the timeline (YYYY-MM-DD)")
    g.add_argument("--end", type=iso_date, help="last date of the timeline (YYYY-MM-DD)")
    g.add_argument(
        "--date", type=publication_date,
        help="publication date for the articles nothing else dates (YYYY-MM-DD)",
    )
    g.add_argument(
        "--dates-from", metavar="FILE",
        help="publication dates per file: CSV 'path,date' or JSON lines {\"path\", \"date\"}",
    )
    g.add_argument(
        "--method", default=DEFAULT_METHOD, choices=available_methods(), help="timeline method"
    )
    g.add_argument(
        "--granularity", choices=CHOICES, default="auto",
        help="auto (default): day entries, plus month entries for months only month-precise "
        "evidence carries (with --dates N, N entries in all: months named by two or more articles "
        "take the weakest days' place); day: day entries only; month/year: merged by month or year",
    )
    g.add_argument("--no-dedupe", action="store_true", help="keep near-duplicate articles")


def dating_note(days: int, intervals: int, undatable: int, total: int) -> str | None:
    """One note on the articles that came without a publication date: how many the
    dating stage dated to a day or an interval, how many nothing dates."""
    if not days + intervals + undatable:
        return None
    without = days + intervals + undatable
    head = f"{without} of {total} articles had no publication date"
    parts = []
    if days or intervals:
        parts.append(
            f"{days} dated to a day and {intervals} to an interval from their text and similar "
            "articles (marked as estimated, with their evidence)"
        )
    if undatable:
        parts.append(
            f'{undatable} could not be dated (their relative dates, such as "Saturday" or '
            '"last week", stay unresolved). Give dates with --dates-from FILE, --date '
            "YYYY-MM-DD, a 'Date:' header line, a date in the file name or, for a CSV or "
            "JSON export, --field date=COLUMN"
        )
    return f"{head}: {'; '.join(parts)}."


def make_timeline(
    articles: Sequence[Article],
    args: argparse.Namespace,
    title: str | None,
    corpus: Corpus | None = None,
) -> tuple[Timeline, dict[str, object]]:
    """Prepare (unless ``corpus`` is given), build and annotate a timeline; returns it
    with run statistics."""
    check_range(args.start, args.end)
    t0 = time.perf_counter()
    config = TimelineConfig(
        n_dates=args.dates,
        n_sentences=args.sentences,
        keywords=parse_query(args.query),
        start=args.start,
        end=args.end,
    )
    date_warnings: list[str] = []
    with StageBar(STAGES, args.quiet) as bar:
        bar.stage(STAGES[0])
        if corpus is None:
            corpus = prepare(articles, dedupe=not args.no_dedupe)
        if getattr(args, "date", None):
            corpus, date_warnings = fill_default(corpus, args.date)
        corpus = exclude_sentences(corpus, args.query)
        bar.stage(STAGES[1])
        timeline = locate_sources(get_method(args.method).build(corpus, config), corpus)
        granularity = getattr(args, "granularity", "day")
        timeline = annotate(regroup(timeline, granularity, corpus, config.keywords, args.dates), corpus)
    seconds = time.perf_counter() - t0

    docs = corpus.documents
    undated = sum(1 for d in docs if d.article.published is None)
    dating = timeline.meta.get("dating", {})
    pubs = sorted(d.article.published for d in docs if d.article.published)
    days, intervals = (dating.get("estimated_days", 0), dating.get("intervals", 0)) if dating else (0, 0)  # type: ignore[union-attr]
    notes = [n for n in (dating_note(days, intervals, undated - intervals, len(docs)),) if n]
    notes += date_warnings
    notes += shortfall(
        timeline, corpus, n_dates=args.dates, n_sentences=args.sentences,
        keywords=config.keywords, start=args.start, end=args.end,
    )  # fmt: skip
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
    stats = {"seconds": seconds, "undated": undated, "report": rep, "documents": docs}
    return dataclasses.replace(timeline, meta=meta), stats


def output_format(output: str | None, fmt: str | None) -> str:
    """The format to write: ``-f``, else from the suffix of ``-o``, else ``text`` (stdout)."""
    if fmt:
        render.get_renderer(fmt)  # ConfigError when unknown
        return fmt
    if output and not render.output.is_stream_name(output):
        return render.format_for_path(output)
    return "text"


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
    fmt = output_format(output, fmt)
    if output and not render.output.is_stdout(output):
        render.write(timeline, output, fmt)
        note(f"wrote {len(timeline)} dates to {output}", quiet)
    else:
        render.output.write_text("-", render.render(timeline, fmt))


def run(args: argparse.Namespace) -> int:
    if getattr(args, "store", None):
        return run_store(args)
    if not args.inputs and not args.urls:
        raise ConfigError("give INPUT files, folders or URLs, --urls FILE, or --store PATH")
    output_format(args.output, args.format)  # an unknown format fails before any work
    if args.output:
        render.output.check_output(args.output, input_paths(args))
    result = read_inputs(
        input_paths(args), None, args.quiet, limits_from(args), read_options(args),
        verbose=args.verbose,
    )
    if args.output:
        render.output.refuse_inputs(args.output, result.paths)
    articles = result.articles
    if args.dates_from:
        articles = dates_from(args.dates_from, articles, args.quiet)
    timeline, stats = make_timeline(articles, args, args.title)
    rep = stats["report"]
    note(
        f"{rep.articles_in} articles read, {rep.exact_duplicates} exact and "
        f"{rep.near_duplicates} near duplicates dropped, {rep.boilerplate_lines} boilerplate "
        f"lines and {rep.comment_sections} reader-comment sections removed; timeline of {len(timeline)} dates in {stats['seconds']:.1f}s",
        args.quiet,
    )
    for n in timeline.meta.get("notes", []):  # type: ignore[union-attr]
        note(f"warning: {n}", args.quiet)
    why = _why_none(stats["documents"], args) if not timeline.entries else None  # type: ignore[arg-type]
    if why and not timeline.meta.get("undated"):
        raise NoInputError(f"no event could be placed on a date: {why}")
    if not timeline.entries and not timeline.meta.get("undated"):
        raise NoInputError(
            "no event could be placed on a date: the articles mention no resolvable date"
            + (" or no sentence matches --query" if args.query else "")
            + " (what would help: a dateline or 'Date:' line in the files, --dates-from FILE,"
            " --date YYYY-MM-DD, or dated articles about the same story)"
        )
    if not timeline.entries:
        note(
            "warning: no article could be dated, so the output lists them undated; give "
            "--dates-from FILE or --date YYYY-MM-DD, or add dated articles about the same story",
            args.quiet,
        )
    emit(timeline, args.output, args.format, args.quiet)
    return 1 if result.skipped else 0


def _why_none(docs: Sequence[Document], args: argparse.Namespace) -> str | None:
    """Why the articles' dated mentions gave no entry: the window, the query or the
    length (``None`` when they have none)."""
    lo, hi = args.start or dt.date.min, args.end or dt.date.max
    times = [m.time for d in docs for m in d.mentions if m.time is not None]
    n, inside = len(times), sum(1 for t in times if t.end >= lo and t.date <= hi)
    if not n:
        return None
    if not inside:
        return f"none of the articles' {n} dated mentions falls between --start and --end"
    if args.query:
        return (
            f"no sentence with one of the articles' {inside} dated mentions matches --query "
            "or is fit for a summary (too long or too short)"
        )
    return (
        f"the articles' {inside} dated mentions are all in sentences too long or too short "
        "for a summary (text without sentence punctuation is one long sentence)"
    )


def run_store(args: argparse.Namespace) -> int:
    """``build --store``: the corpus comes prepared from the store (see docs/store.md)."""
    from ..store import Store

    if args.inputs or args.urls:
        raise ConfigError("give either INPUT files (or --urls) or --store, not both")
    if args.dates_from:  # it would be ignored: the stored articles were dated when added
        raise ConfigError(
            "--dates-from dates INPUT files; a store's articles keep the dates they were added with"
        )
    output_format(args.output, args.format)  # an unknown format fails before any work
    store = Store(args.store)
    if not store.exists:
        raise NoInputError(f"no store at {args.store} (create one with `newsline index add`)")
    check_range(args.start, args.end)
    cap = args.max_articles if args.max_articles > 0 else None
    corpus = store.corpus(args.query, args.start, args.end, collection=args.collection,
                          dedupe=not args.no_dedupe, max_articles=cap)
    if not corpus.documents:
        what = f"collection {args.collection!r}, " if args.collection else ""
        raise NoInputError(f"no article of the store {args.store} matches the {what}query and dates")
    if cap is not None and args.collection is None and corpus.report.articles_in >= cap:
        selected = store.count(args.query, args.start, args.end)
        if selected is not None and selected > cap:
            note(f"the query selects {selected:,} articles: the {cap:,} most relevant were used "
                 "(rarer query words weigh more; --max-articles 0 for all)", args.quiet)
    timeline, stats = make_timeline([], args, args.title, corpus)
    note(f"timeline of {len(timeline)} dates from {len(corpus)} stored articles in "
         f"{stats['seconds']:.1f}s", args.quiet)
    if not timeline.entries:
        raise NoInputError("no event could be placed on a date in the selected articles")
    emit(timeline, args.output, args.format, args.quiet)
    return 0

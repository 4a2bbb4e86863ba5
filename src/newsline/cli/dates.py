"""``newsline dates``: print the time expressions of articles, resolved (TIMEX3 style).

Undated articles are dated as ``newsline build`` dates them: ``--dates-from`` first,
then the dating stage (their text and the other articles given, :mod:`newsline.dating`),
then ``--date`` for what nothing dates. An article dated to a day is resolved against
that day; one with an interval estimate only as precisely as the interval allows.
Offsets index the article's text as read (no cleaning).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import sys
from typing import TextIO

from ..core import prepare_document
from ..dating import date_documents
from ..dating.annotate import estimate_dict
from ..dating.given import fill_default
from ..errors import NoInputError
from ..model import Corpus, DateEstimate, DateMention, Document
from ..render.output import check_output, refuse_inputs, write_text
from .common import add_input_options, dates_from, limits_from, publication_date, read_inputs
from .inputs import add_read_options, input_paths, read_options

EXIT_OK, EXIT_PARTIAL, EXIT_NOTHING = 0, 1, 3


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser(
        "dates",
        help="list the time expressions of articles, resolved to dates",
        description=(
            "Find every time expression (DATE, TIME, DURATION, SET) of each article and "
            "resolve it against the article's publication date."
        ),
    )
    p.add_argument("inputs", nargs="*", metavar="INPUT", help="files, folders, URLs or - (stdin)")
    p.add_argument(
        "--date",
        type=publication_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="publication date for the articles nothing else dates",
    )
    p.add_argument(
        "--dates-from", default=None, metavar="FILE",
        help="publication dates per file: CSV 'path,date' or JSON lines {\"path\", \"date\"}",
    )
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument(
        "-o", "--output", default="-", help="file to write (folders are created), - for stdout"
    )
    add_read_options(p)
    add_input_options(p)
    p.set_defaults(func=run)


def mention_record(m: DateMention) -> dict[str, object]:
    return {
        "text": m.text,
        "type": m.type.value,
        "value": m.value,
        "start": m.start,
        "end": m.end,
        "granularity": m.granularity.value if m.granularity else None,
        "kind": m.kind,
    }


_SAID = {"estimated": "estimated", "cli": "from --date", "file": "from --dates-from"}


def _how(doc: Document) -> tuple[dt.date | None, str]:
    a, e = doc.article, doc.estimate
    if a.published is not None:
        said = _SAID.get(a.date_source)
        if said == "estimated" and e is not None:
            return a.published, f" (estimated: {_interval(e)})"
        return a.published, f" ({said})" if said else ""
    return None, "" if e is None else f" (estimated: {_interval(e)})"


def _interval(e: DateEstimate) -> str:
    span = e.earliest.isoformat() if e.earliest == e.latest else f"{e.earliest}..{e.latest}"
    return f"{span} ({e.precision}, confidence {e.confidence:.2f})"


def _write_text(out: TextIO, doc: Document) -> None:
    dct, how = _how(doc)
    when = f"{dct.isoformat()}{how}" if dct else f"undated{how}"
    out.write(f"# {doc.article.id}  {when}  {len(doc.mentions)} expressions\n")
    for m in doc.mentions:
        gran = m.granularity.value if m.granularity else "-"
        text = m.text.replace("\n", " ")
        out.write(
            f"{m.start}-{m.end}  {m.type.value}  {m.value}  {gran}  {m.kind or '-'}  \"{text}\"\n"
        )


def _record(doc: Document) -> dict[str, object]:
    a = doc.article
    record: dict[str, object] = {
        "id": a.id,
        "time": a.published.isoformat() if a.published else None,
    }
    if a.published is not None:
        record["date_source"] = a.date_source or None
    if doc.estimate is not None:
        record["estimate"] = estimate_dict(doc.estimate)
    record["timexes"] = [mention_record(m) for m in doc.mentions]
    return record


def run(args: argparse.Namespace) -> int:
    inputs = input_paths(args)
    check_output(args.output, inputs)
    quiet = getattr(args, "quiet", False)
    try:
        result = read_inputs(inputs, None, quiet, limits_from(args), read_options(args))
    except NoInputError as exc:
        print(f"newsline: error {exc}", file=sys.stderr)
        return EXIT_NOTHING
    refuse_inputs(args.output, result.paths)
    articles = list(result.articles)
    if getattr(args, "dates_from", None):
        articles = dates_from(args.dates_from, articles, quiet)
    docs = date_documents([prepare_document(a) for a in articles])
    if args.date is not None:
        corpus, warnings = fill_default(Corpus(docs), args.date)
        docs = corpus.documents
        for w in warnings:
            print(f"newsline: warning: {w}", file=sys.stderr)
    out = io.StringIO()
    for doc in docs:
        if args.format == "json":
            out.write(json.dumps(_record(doc), ensure_ascii=False) + "\n")
        else:
            _write_text(out, doc)
        if args.output == "-" and out.tell() > 1 << 16:  # stream to stdout as we go
            write_text("-", out.getvalue())
            out = io.StringIO()
    write_text(args.output, out.getvalue())
    return EXIT_PARTIAL if result.skipped else EXIT_OK

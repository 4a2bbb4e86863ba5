"""``newsline dates``: print the time expressions of articles, resolved (TIMEX3 style)."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import sys
from collections.abc import Sequence
from typing import TextIO

from ..errors import NoInputError
from ..model import Article, DateMention
from ..render.output import check_output, refuse_inputs, write_text
from ..temporal import infer_publication_date, tag
from .common import add_input_options, limits_from, publication_date, read_inputs

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
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files, folders or - (stdin)")
    p.add_argument(
        "--date",
        type=publication_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="publication date for articles that have none",
    )
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument(
        "-o", "--output", default="-", help="file to write (folders are created), - for stdout"
    )
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


def _write_text(out: TextIO, article: Article, dct: dt.date | None, how: str,
                mentions: Sequence[DateMention]) -> None:
    when = f"{dct.isoformat()}{how}" if dct else "undated"
    out.write(f"# {article.id}  {when}  {len(mentions)} expressions\n")
    for m in mentions:
        gran = m.granularity.value if m.granularity else "-"
        text = m.text.replace("\n", " ")
        out.write(
            f"{m.start}-{m.end}  {m.type.value}  {m.value}  {gran}  {m.kind or '-'}  \"{text}\"\n"
        )


def run(args: argparse.Namespace) -> int:
    check_output(args.output, args.inputs)
    try:
        result = read_inputs(args.inputs, args.date, getattr(args, "quiet", False), limits_from(args))
    except NoInputError as exc:
        print(f"newsline: error {exc}", file=sys.stderr)
        return EXIT_NOTHING
    refuse_inputs(args.output, result.paths)
    out = io.StringIO()
    for article in result.articles:
        dct, how = article.published, ""
        if dct is None:
            inferred = infer_publication_date(article.text)
            if inferred is not None:
                dct, how = inferred[0], " (inferred)"
        mentions = tag(article.text, dct)
        if args.format == "json":
            record = {
                "id": article.id,
                "time": dct.isoformat() if dct else None,
                "timexes": [mention_record(m) for m in mentions],
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            _write_text(out, article, dct, how, mentions)
        if args.output == "-" and out.tell() > 1 << 16:  # stream to stdout as we go
            write_text("-", out.getvalue())
            out = io.StringIO()
    write_text(args.output, out.getvalue())
    return EXIT_PARTIAL if result.skipped else EXIT_OK

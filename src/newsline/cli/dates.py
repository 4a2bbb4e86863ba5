"""``newsline dates``: print the time expressions of articles, resolved (TIMEX3 style)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from typing import TextIO

from ..ingest import read
from ..model import Article, DateMention
from ..temporal import infer_publication_date, tag

EXIT_OK, EXIT_PARTIAL, EXIT_NOTHING = 0, 1, 3


def _iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


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
        type=_iso_date,
        default=None,
        metavar="YYYY-MM-DD",
        help="publication date for articles that have none",
    )
    p.add_argument("--format", choices=("text", "json"), default="text")
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
    result = read(args.inputs, default_date=args.date)
    for problem in result.problems:
        print(f"newsline: warning: {problem}", file=sys.stderr)
    if not result.articles:
        print(f"newsline: error: no readable article in {', '.join(args.inputs)}", file=sys.stderr)
        return EXIT_NOTHING
    out = sys.stdout
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
    return EXIT_PARTIAL if result.problems else EXIT_OK

"""Input options shared by commands that read articles: field mapping, date order, fetching."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..errors import ConfigError
from ..ingest.fetch import FetchSettings, NotUrl, default_cache_dir, read_url_list
from ..ingest.formats.fields import KEYS, parse_field_option
from ..ingest.options import ReadOptions


def field_option(value: str) -> tuple[str, str]:
    """argparse type for ``--field KEY=COLUMN``."""
    try:
        return parse_field_option(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_read_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("input")
    g.add_argument(
        "--field",
        action="append",
        type=field_option,
        default=[],
        metavar="KEY=COLUMN",
        help=f"which column holds a field in CSV/JSON/Parquet (KEY: {', '.join(KEYS)}); repeatable",
    )
    order = g.add_mutually_exclusive_group()
    order.add_argument(
        "--dayfirst",
        dest="dayfirst",
        action="store_const",
        const=True,
        default=None,
        help="read numeric dates like 03/04/2019 day first (default: decided per file)",
    )
    order.add_argument(
        "--monthfirst", dest="dayfirst", action="store_const", const=False, help="... month first"
    )
    g.add_argument("--urls", metavar="FILE", help="also read the URLs listed in FILE, one a line")
    g.add_argument(
        "--fetch", action="store_true", help="download the pages of feed entries that have no text"
    )
    g.add_argument(
        "--cache",
        metavar="DIR",
        type=Path,
        default=None,
        help=f"cache for fetched pages (default {default_cache_dir()})",
    )
    g.add_argument("--no-cache", action="store_true", help="do not cache fetched pages")
    g.add_argument(
        "--delay",
        type=float,
        default=1.0,
        metavar="SECONDS",
        help="least time between two requests to one host (default 1)",
    )


def read_options(args: argparse.Namespace) -> ReadOptions:
    fields: dict[str, str] = {}
    for key, column in args.field:
        if key in fields and fields[key] != column:
            raise ConfigError(f"--field {key} given twice ({fields[key]!r} and {column!r})")
        fields[key] = column
    cache = None if args.no_cache else (args.cache or default_cache_dir())
    settings = FetchSettings(cache_dir=cache, delay=max(0.0, args.delay))
    return ReadOptions(fields=fields, dayfirst=args.dayfirst, fetch=args.fetch, fetch_settings=settings)


def input_paths(args: argparse.Namespace) -> list[str | NotUrl]:
    """The inputs on the command line plus the URLs of ``--urls FILE`` (a line that is
    no URL is reported by the reader as ``FILE:LINE: not a URL``)."""
    paths: list[str | NotUrl] = list(args.inputs)
    if args.urls:
        try:
            text = Path(args.urls).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"--urls {args.urls}: cannot read the file ({exc})") from None
        paths += read_url_list(text, args.urls)
    if not paths:
        raise ConfigError("no input: give files, folders, URLs, - (stdin) or --urls FILE")
    return paths

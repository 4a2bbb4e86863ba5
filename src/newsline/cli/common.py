"""Helpers shared by CLI commands: reading inputs, dates, progress, problem output."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Iterable, Sequence
from typing import TypeVar

from ..dating.given import apply_dates, read_dates_file, unmatched_line
from ..errors import ConfigError, NoInputError
from ..ingest import IngestResult, read
from ..ingest.options import ReadOptions
from ..ingest.source import DEFAULT_LIMITS, Limits, human_size, parse_size
from ..model import Article

T = TypeVar("T")


def iso_date(value: str) -> dt.date:
    """argparse type for ``YYYY-MM-DD``."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def publication_date(value: str) -> dt.date:
    """argparse type for ``--date``: ``YYYY-MM-DD`` that is a plausible publication date
    (from 1800 to a year ahead: ``0001-01-01`` or ``9999-12-31`` would push date arithmetic
    off the calendar)."""
    from ..ingest.dates import check_date

    day = iso_date(value)
    reason = check_date(day)
    if reason:
        raise argparse.ArgumentTypeError(f"{reason}: not a publication date")
    return day


def _whole(value: str, minimum: int) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if n < minimum:
        raise argparse.ArgumentTypeError(f"must be at least {minimum}: {value!r}")
    return n


def positive_int(value: str) -> int:
    """argparse type: a whole number of at least 1."""
    return _whole(value, 1)


def non_negative_int(value: str) -> int:
    """argparse type: a whole number of at least 0."""
    return _whole(value, 0)


#: A progress bar appears only once a stage has run this many seconds.
PROGRESS_DELAY = 2.0


def progress(items: Sequence[T], desc: str, quiet: bool) -> Iterable[T]:
    """A progress bar on stderr for long runs (only on a terminal, never when quiet)."""
    if quiet or not sys.stderr.isatty():
        return items
    from tqdm import tqdm

    tqdm.monitor_interval = 0  # no monitor thread: the dating stage forks only without threads
    return tqdm(items, desc=desc, unit="article", file=sys.stderr, leave=False, delay=PROGRESS_DELAY)


def counter(desc: str, quiet: bool):  # type: ignore[no-untyped-def]
    """A counting progress bar (no total) for reading, or ``None`` off a terminal or when quiet."""
    if quiet or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    tqdm.monitor_interval = 0  # (as in progress())
    return tqdm(desc=desc, unit=" articles", file=sys.stderr, leave=False, delay=PROGRESS_DELAY)


def note(message: str, quiet: bool = False) -> None:
    if not quiet:
        print(f"newsline: {message}", file=sys.stderr)


def size(value: str) -> int:
    """argparse type: a size in bytes, ``512M``, ``2G``, ``800k``."""
    try:
        return parse_size(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size (e.g. 512M, 2G): {value!r}") from None


def add_input_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("input limits")
    g.add_argument(
        "--max-file-size",
        type=size,
        default=DEFAULT_LIMITS.max_file_size,
        metavar="SIZE",
        help="skip a file (or stdin) past SIZE bytes, counted after decompression "
        f"(default {human_size(DEFAULT_LIMITS.max_file_size)})",
    )
    g.add_argument(
        "--max-record-size",
        type=size,
        default=DEFAULT_LIMITS.max_record_size,
        metavar="SIZE",
        help="skip one article, JSON line or CSV row past SIZE "
        f"(default {human_size(DEFAULT_LIMITS.max_record_size)})",
    )


def limits_from(args: argparse.Namespace) -> Limits:
    return Limits(
        max_file_size=getattr(args, "max_file_size", DEFAULT_LIMITS.max_file_size),
        max_record_size=getattr(args, "max_record_size", DEFAULT_LIMITS.max_record_size),
    )


def summary_line(result: IngestResult) -> str:
    """``12 items read: 10 used, 2 skipped (1 too large, 1 malformed)``."""
    skipped = sum(result.skipped.values())
    line = f"{result.items_read} items read: {len(result.articles)} used, {skipped} skipped"
    if skipped:
        causes = ", ".join(f"{n} {cause}" for cause, n in sorted(result.skipped.items()))
        line += f" ({causes})"
    return line


def read_inputs(
    paths: Sequence[str],
    default_date: dt.date | None,
    quiet: bool,
    limits: Limits = DEFAULT_LIMITS,
    options: ReadOptions | None = None,
    *,
    verbose: int = 0,
) -> IngestResult:
    """Read inputs, report every problem on one line, fail when nothing is usable.

    With ``verbose`` the harmless notes (renamed ids, WARC records skipped) are
    shown too.
    """
    options = options or ReadOptions()
    bar = counter("reading", quiet)
    if bar is not None:
        options.tick = bar.update
    try:
        result = read(paths, default_date=default_date, limits=limits, options=options)
    finally:
        if bar is not None:
            bar.close()
    for problem in result.problems:
        print(f"newsline: warning: {problem}", file=sys.stderr)
    if verbose and not quiet:
        for item in result.notes:
            print(f"newsline: note: {item}", file=sys.stderr)
    if result.skipped or not quiet:
        print(f"newsline: {summary_line(result)}", file=sys.stderr)
    if not result.articles:
        where = ", ".join(paths)
        raise NoInputError(f"no readable article in {where}")
    return result


def check_range(start: dt.date | None, end: dt.date | None) -> None:
    if start and end and start > end:
        raise ConfigError(f"--start {start} is after --end {end}")


def dates_from(path: str, articles: Sequence[Article], quiet: bool) -> list[Article]:
    """``--dates-from PATH``: the articles with the file's dates; its bad lines and the
    paths no article has are one warning line each."""
    dates, problems = read_dates_file(path)
    for problem in problems:
        print(f"newsline: warning: {problem}", file=sys.stderr)
    dated, matched, missing = apply_dates(articles, dates)
    line = unmatched_line(path, missing)
    if line:
        print(f"newsline: warning: {line}", file=sys.stderr)
    note(f"{matched} of {len(dated)} articles dated from {path}", quiet)
    return dated

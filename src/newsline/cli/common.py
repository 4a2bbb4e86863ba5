"""Helpers shared by CLI commands: reading inputs, dates, progress, problem output."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Iterable, Sequence
from typing import TypeVar

from ..errors import ConfigError, NoInputError
from ..ingest import IngestResult, read
from ..ingest.options import ReadOptions

T = TypeVar("T")


def iso_date(value: str) -> dt.date:
    """argparse type for ``YYYY-MM-DD``."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


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

    return tqdm(items, desc=desc, unit="article", file=sys.stderr, leave=False, delay=PROGRESS_DELAY)


def counter(desc: str, quiet: bool):  # type: ignore[no-untyped-def]
    """A counting progress bar (no total) for reading, or ``None`` off a terminal or when quiet."""
    if quiet or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(desc=desc, unit=" articles", file=sys.stderr, leave=False, delay=PROGRESS_DELAY)


def note(message: str, quiet: bool = False) -> None:
    if not quiet:
        print(f"newsline: {message}", file=sys.stderr)


def read_inputs(
    paths: Sequence[str],
    default_date: dt.date | None,
    quiet: bool,
    options: ReadOptions | None = None,
    *,
    verbose: int = 0,
) -> IngestResult:
    """Read inputs, report every problem on one line, fail when nothing is usable.

    With ``verbose`` the harmless notes (renamed ids, WARC records skipped) and
    a count of what was read are shown too.
    """
    options = options or ReadOptions()
    bar = counter("reading", quiet)
    if bar is not None:
        options.tick = bar.update
    try:
        result = read(paths, default_date=default_date, options=options)
    finally:
        if bar is not None:
            bar.close()
    for problem in result.problems:
        print(f"newsline: warning: {problem}", file=sys.stderr)
    if verbose and not quiet:
        for item in result.notes:
            print(f"newsline: note: {item}", file=sys.stderr)
        note(
            f"ingest: {result.files_seen} inputs, {result.files_read} read, "
            f"{result.files_skipped} skipped; {len(result.articles)} articles, "
            f"{result.undated} undated"
        )
    if not result.articles:
        where = ", ".join(paths)
        raise NoInputError(f"no readable article in {where}")
    return result


def undated_note(n_undated: int, n_total: int) -> str | None:
    if not n_undated:
        return None
    return (
        f"{n_undated} of {n_total} articles had no publication date: their relative dates "
        "(\"Saturday\", \"last week\") stay unresolved unless a date could be inferred. "
        "Give one with --date YYYY-MM-DD, a 'Date:' header line, or a date in the file name."
    )


def check_range(start: dt.date | None, end: dt.date | None) -> None:
    if start and end and start > end:
        raise ConfigError(f"--start {start} is after --end {end}")

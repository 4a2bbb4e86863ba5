"""Parsing publication dates and rejecting absurd ones."""

from __future__ import annotations

import datetime as dt
import re
from email.utils import parsedate_to_datetime

MIN_YEAR = 1800
#: How far in the future a publication date may lie before it is considered absurd.
MAX_FUTURE = dt.timedelta(days=365)

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T ]\d)")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})(?:$|T\d)")
_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y", "%Y/%m/%d")
_NUMERIC = re.compile(r"(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?:$|[T ,]+\d)")
_EPOCH = re.compile(r"\d{9,13}(?:\.\d+)?")
_TRAILING_TIME = re.compile(r"[ ,T]+(?:at\s+)?\d{1,2}[:.]\d{2}.*$", re.I)


def parse_date(value: object, dayfirst: bool | None = None) -> dt.date | None:
    """A calendar date from a field value, or ``None`` if it is not one.

    Accepts ``date``/``datetime`` objects and strings: ISO dates and
    datetimes (with or without timezone; the date as written is kept, not
    converted to UTC), ``YYYYMMDD``, RFC 2822 (``Mon, 24 May 2010 10:00:00
    GMT``), ``24 May 2010``, ``May 24, 2010`` and ``YYYY/MM/DD`` (each also
    with a time after it), numeric ``24.05.2010``/``05/24/2010`` (day first
    when ``dayfirst``, month first otherwise; dotted dates day first unless
    ``dayfirst is False``) and Unix timestamps in seconds or milliseconds (UTC).
    A written date may start with its weekday and have ordinals (``Tuesday, March
    5th, 2019``) and abbreviations with a period (``Sept. 5, 2019``).
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _epoch(float(value))
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    if _EPOCH.fullmatch(text):
        return _epoch(float(text))
    n = _NUMERIC.match(text)
    if n:
        return _numeric(n, dayfirst)
    m = _ISO.match(text) or _COMPACT.match(text)
    if m:
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None
    if "," in text and ":" in text:
        try:
            return parsedate_to_datetime(text).date()
        except (TypeError, ValueError, IndexError):
            pass
    bare = _TRAILING_TIME.sub("", text).rstrip(" ,")
    plain = _written(bare)
    for candidate in dict.fromkeys((text, bare, plain)):
        for fmt in _FORMATS:
            try:
                return dt.datetime.strptime(candidate, fmt).date()
            except ValueError:
                continue
    return None


_WEEKDAY_FIRST = re.compile(r"^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+", re.I)
_ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b", re.I)
_MONTH_DOT = re.compile(r"\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.", re.I)


def _written(text: str) -> str:
    """A written date without its weekday, ordinal suffix, month abbreviation's period
    and a comma before the year: ``Tuesday, March 5th, 2019`` -> ``March 5, 2019``,
    ``Sept. 5, 2019`` -> ``Sep 5, 2019``, ``5 March, 2019`` -> ``5 March 2019``."""
    text = _ORDINAL.sub(r"\1", _WEEKDAY_FIRST.sub("", text))
    text = _MONTH_DOT.sub(lambda m: m.group(1)[:3], text)
    return re.sub(r"^(\d{1,2} [A-Za-z]+), (\d{4})$", r"\1 \2", text)


def _epoch(seconds: float) -> dt.date | None:
    """A Unix timestamp in seconds (or milliseconds, when too large for seconds)."""
    if seconds >= 1e11:
        seconds /= 1000
    if seconds < 1e8:  # before 1973: a year or a count, not a timestamp
        return None
    try:
        return dt.datetime.fromtimestamp(seconds, dt.UTC).date()
    except (OverflowError, OSError, ValueError):
        return None


def _numeric(m: re.Match[str], dayfirst: bool | None) -> dt.date | None:
    a, b, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
    if len(m.group(4)) == 2:
        year += 2000 if year < 70 else 1900
    day_first = dayfirst if dayfirst is not None else m.group(2) == "."
    day, month = (a, b) if day_first else (b, a)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def check_date(value: dt.date, today: dt.date | None = None) -> str | None:
    """Why ``value`` cannot be a publication date, or ``None`` if it is plausible.

    Absurd: before :data:`MIN_YEAR`, or more than a year after ``today``.
    """
    today = today or dt.date.today()
    if value.year < MIN_YEAR:
        return f"date {value.isoformat()} is before {MIN_YEAR}"
    if value > today + MAX_FUTURE:
        return f"date {value.isoformat()} is more than a year in the future"
    return None

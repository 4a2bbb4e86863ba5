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


def parse_date(value: object) -> dt.date | None:
    """A calendar date from a field value, or ``None`` if it is not one.

    Accepts ``date``/``datetime`` objects and strings: ISO dates and
    datetimes (with or without timezone; the date as written is kept, not
    converted to UTC), ``YYYYMMDD``, RFC 2822 (``Mon, 24 May 2010 10:00:00
    GMT``), ``24 May 2010``, ``May 24, 2010`` and ``YYYY/MM/DD``.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
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
    for fmt in _FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
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

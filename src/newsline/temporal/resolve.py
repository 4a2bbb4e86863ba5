"""Calendar arithmetic and the choice between past and future readings.

Pure functions of dates: no regular expressions over the article here. The
direction (past or future) a reading takes comes from :mod:`.tenses`.
"""

from __future__ import annotations

import datetime as dt

from ..model import Granularity, TimePoint
from .tenses import FUTURE, PAST, REPORTED, UNKNOWN

_SLACK_DAYS = 30
_REPORTED_SLACK_DAYS = 60


def day(value: dt.date) -> tuple[str, TimePoint]:
    return value.isoformat(), TimePoint(value, Granularity.DAY)


def month(year: int, mon: int) -> tuple[str, TimePoint]:
    return f"{year:04d}-{mon:02d}", TimePoint(dt.date(year, mon, 1), Granularity.MONTH)


def year(value: int) -> tuple[str, TimePoint | None]:
    if not 1 <= value <= 9999:  # "3000 years ago": a past/future reference, no calendar year
        return ("PAST_REF" if value < 1 else "FUTURE_REF"), None
    return f"{value:04d}", TimePoint(dt.date(value, 1, 1), Granularity.YEAR)


def shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (m - 1) + k
    return idx // 12, idx % 12 + 1


def add_years(d: dt.date, k: int) -> dt.date:
    try:
        return d.replace(year=d.year + k)
    except ValueError:  # 29 February
        return d.replace(year=d.year + k, day=28)


def iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def weekday_date(dct: dt.date, weekday: int, direction: int) -> dt.date:
    """The weekday nearest to ``dct`` in ``direction`` (the DCT itself if it matches).

    PAST (and UNKNOWN: news mostly report what happened) looks back up to six
    days; FUTURE looks forward.
    """
    delta = (weekday - dct.weekday()) % 7
    if delta == 0:
        return dct
    if direction == FUTURE:
        return dct + dt.timedelta(days=delta)
    return dct - dt.timedelta(days=7 - delta)


def safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def year_for_month_day(dct: dt.date, mon: int, dom: int | None, direction: int) -> int:
    """Year of a partial date (``October 17``, ``October``) in a text dated ``dct``.

    With a past tense the date cannot lie more than ``_SLACK_DAYS`` (a month)
    after the DCT (past cues are noisy, and a date close to the DCT is rarely
    a year away), with a future tense not more than two days before it. Among the allowed years
    the one nearest to the DCT wins.
    """
    best_year, best_gap = dct.year, None
    for y in (dct.year - 1, dct.year, dct.year + 1):
        d = safe_date(y, mon, dom or 15)
        if d is None:
            continue
        gap = (d - dct).days
        if dom is None:  # a month: compare month ranges
            gap = (y * 12 + mon) - (dct.year * 12 + dct.month)
            allowed = (
                (direction == PAST and gap <= 1)
                or (direction == REPORTED and gap <= 2)
                or (direction == FUTURE and gap >= -1)
                or direction == UNKNOWN
            )
            score = abs(gap) * 31
        else:
            allowed = (
                (direction == PAST and gap <= _SLACK_DAYS)
                or (direction == REPORTED and gap <= _REPORTED_SLACK_DAYS)
                or (direction == FUTURE and gap >= -2)
                or direction == UNKNOWN
            )
            score = abs(gap)
        if not allowed:
            continue
        if best_gap is None or score < best_gap:
            best_year, best_gap = y, score
    return best_year


def easter(y: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    mon = (h + leap - 7 * m + 114) // 31
    dom = (h + leap - 7 * m + 114) % 31 + 1
    return dt.date(y, mon, dom)

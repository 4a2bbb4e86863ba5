"""Live blogs: one article, a column of timestamped updates written over days.

A live blog keeps one publication date while its updates run over several
days, so "Friday" or "yesterday" in an update must be read against the day
that update was written. Updates carry clock-time stamps,
``(Update 3:09 a.m. Thursday in Cairo ...)``, listed newest first (or, less
often, oldest first). Walking from the oldest update towards the newest, a
clock time earlier than the one before it means a new day has begun; that
gives each update's day relative to the oldest. Which calendar day the oldest
was written on is not always the publication date (archives date some blogs
by their first update, some by a later one), so the count is anchored by the
weekdays the stamps themselves name, and only the updates of a day on which
some stamp names its weekday are moved; the others, and a blog whose stamps
name none, keep the publication date (pages that splice two blogs in two time
zones would otherwise be miscounted).
"""

from __future__ import annotations

import datetime as dt
import re

from .patterns import WEEKDAYS

_OPEN = r"(?:\(|-LRB-)\s*"
# An update with its clock time, "(Update 3:09 a.m.": the time of day orders the updates.
_STAMP = re.compile(
    _OPEN + r"(?:update|updated)\s*:?\s*(\d{1,2})(?:[:.](\d\d))?\s*([ap])\.?\s*m\b", re.IGNORECASE
)
# Inside any stamp ("(Update", "(Posted", "(Last updated" ...), up to a point: no
# closing parenthesis since its opening.
_INSIDE_STAMP = re.compile(_OPEN + r"(?:update|updated|posted|last updated)\b[^()]{0,80}$", re.IGNORECASE)
#: Fewer stamps than this is not a live blog.
MIN_STAMPS = 3
#: A clock going back by less than this (minutes) is an out-of-order update, not a new day.
_SLACK = 60
#: More day changes than this is a misreading; the text is left alone.
_MAX_DAYS = 7
#: How far from the publication date the oldest update may be.
_ANCHOR_DAYS = 3
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
_STAMP_END = re.compile(r"\)|-RRB-")


def _stamp_weekday(text: str, m: re.Match[str]) -> int | None:
    """The weekday the stamp names first (its local time comes first), if any."""
    end = _STAMP_END.search(text, m.end(), m.end() + 80)
    found = _WEEKDAY.search(text, m.end(), end.start() if end else m.end() + 40)
    return WEEKDAYS[found.group(1).lower()] if found else None


def _anchor(dct: dt.date, offsets: list[int], weekdays: list[int | None]) -> dt.date | None:
    """The day of the oldest update: the one within a few days of ``dct`` that agrees
    with most weekday-naming stamps (the nearest to ``dct`` on a tie)."""
    named = [(o, w) for o, w in zip(offsets, weekdays, strict=True) if w is not None]
    if not named:
        return None
    best: tuple[int, int] | None = None
    for k in sorted(range(-_ANCHOR_DAYS, _ANCHOR_DAYS + 1), key=abs):
        base = dct + dt.timedelta(days=k)
        agree = sum((base + dt.timedelta(days=o)).weekday() == w for o, w in named)
        if best is None or agree > best[0]:
            best = (agree, k)
    assert best is not None
    return dct + dt.timedelta(days=best[1]) if best[0] * 2 > len(named) else None


def in_update_stamp(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside an update stamp (after its opening, before its end)."""
    return _INSIDE_STAMP.search(text, max(0, pos - 100), pos) is not None


def stamp_weekday_date(dct: dt.date, weekday: int) -> dt.date:
    """The day a weekday named in an update stamp stands for: the one from two days
    before ``dct`` to four after. A stamp names the day it was written (after the
    publication, mostly), or the same moment's weekday in another time zone (a
    day either side)."""
    delta = (weekday - dct.weekday()) % 7
    return dct + dt.timedelta(days=delta if delta <= 4 else delta - 7)


def _minutes(m: re.Match[str]) -> int:
    hour = int(m.group(1)) % 12 + (12 if m.group(3).lower() == "p" else 0)
    return hour * 60 + int(m.group(2) or 0)


def update_days(text: str, dct: dt.date) -> list[tuple[int, int, dt.date]]:
    """``(start, end, day)`` pieces covering ``text``, each to be read against ``day``.

    Empty when ``text`` is not a live blog whose updates run over more than one
    day, or its stamps name no weekday to anchor them. Text before the first
    stamp keeps ``dct``; each update runs from its stamp to the next one.
    """
    if "pdate" not in text and "PDATE" not in text:  # no "Update" at all: the common case, cheaply
        return []
    stamps = [m for m in _STAMP.finditer(text) if int(m.group(1)) <= 12]
    if len(stamps) < MIN_STAMPS:
        return []
    clock = [_minutes(m) for m in stamps]
    down = sum(a > b for a, b in zip(clock, clock[1:], strict=False))
    up = sum(a < b for a, b in zip(clock, clock[1:], strict=False))
    newest_first = down >= up
    order = range(len(stamps) - 1, -1, -1) if newest_first else range(len(stamps))
    offsets = [0] * len(stamps)
    day, previous = 0, None
    for i in order:
        if previous is not None and clock[i] < previous - _SLACK:
            day += 1
        offsets[i] = day
        previous = clock[i]
    if day == 0 or day > _MAX_DAYS:
        return []
    weekdays = [_stamp_weekday(text, m) for m in stamps]
    oldest = _anchor(dct, offsets, weekdays)
    if oldest is None:
        return []

    def day_of(offset: int) -> dt.date:
        return oldest + dt.timedelta(days=offset)

    confirmed = {o for o, w in zip(offsets, weekdays, strict=True) if w is not None and day_of(o).weekday() == w}
    days = [day_of(o) if o in confirmed else dct for o in offsets]
    if all(d == dct for d in days):
        return []
    pieces = [(0, stamps[0].start(), dct)] if stamps[0].start() > 0 else []
    for k, m in enumerate(stamps):
        end = stamps[k + 1].start() if k + 1 < len(stamps) else len(text)
        pieces.append((m.start(), end, days[k]))
    return pieces

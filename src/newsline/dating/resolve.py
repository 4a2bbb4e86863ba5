"""Resolution under uncertainty: an article's mentions read against its estimate.

With a day estimate the mentions are tagged against that day. With an
interval ``[earliest, latest]`` every mention is read against both ends: an
explicit date is the same either way; a relative one ("Saturday", "last
month") that lands on different days keeps only the precision both readings
share (their month, or their year), or none. So an interval estimate never
puts an event on a precise wrong day: it says "March 2015" instead.

A month and day without a year ("March 3") only needs the year: it keeps its
day when that month-day falls once in the interval widened by
:data:`PARTIAL_REACH` days either side (news names days within weeks of
publication), so an article dated to a year still places "March 3" in it,
while "December 20" in an article of some time in 2015 stays undecided
between 2014 and 2015.

A relative mention also keeps its day when it reads as that day against the
likely publication days (``DateEstimate.likely``) holding at least the day
confidence of the probability: "on Friday" in an article of Saturday,
Sunday or Monday is the same Friday (:func:`pin_days`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from ..model import DateEstimate, DateMention, Granularity, TimePoint
from ..temporal import tag
from .estimate import DAY_CONFIDENCE

PARTIAL_REACH = 31


def _common(a: TimePoint, b: TimePoint) -> TimePoint | None:
    """The finest period (day, month, year) holding both points entirely."""
    lo, hi = min(a.date, b.date), max(a.end, b.end)
    if lo == hi:
        return TimePoint(lo, Granularity.DAY)
    if (lo.year, lo.month) == (hi.year, hi.month):
        return TimePoint(lo.replace(day=1), Granularity.MONTH)
    if lo.year == hi.year:
        return TimePoint(dt.date(lo.year, 1, 1), Granularity.YEAR)
    return None


def only_day(month: int, day: int, lo: dt.date, hi: dt.date) -> dt.date | None:
    """The one day with this month and day in ``[lo - reach, hi + reach]``, or
    ``None`` when there is none or more than one."""
    a, b = lo - dt.timedelta(days=PARTIAL_REACH), hi + dt.timedelta(days=PARTIAL_REACH)
    found = []
    for y in range(a.year, b.year + 1):
        try:
            d = dt.date(y, month, day)
        except ValueError:
            continue
        if a <= d <= b:
            found.append(d)
    return found[0] if len(found) == 1 else None


def coarsen(
    early: list[DateMention],
    late: list[DateMention],
    interval: tuple[dt.date, dt.date] | None = None,
) -> tuple[DateMention, ...]:
    """The mentions of ``early`` (read against the interval's first day) kept
    as precise as ``late`` (read against its last day) agrees with; with the
    ``interval``, a partial date the readings disagree on keeps its day where
    :func:`only_day` finds one."""
    by_span = {(m.start, m.end): m for m in late}
    out: list[DateMention] = []
    for m in early:
        other = by_span.get((m.start, m.end))
        if m.time is None or (other is not None and other.time == m.time):
            out.append(m)
            continue
        common = None
        if interval is not None and m.kind == "partial" and m.time.granularity is Granularity.DAY:
            d = only_day(m.time.date.month, m.time.date.day, *interval)
            common = TimePoint(d, Granularity.DAY) if d is not None else None
        if common is None and other is not None and other.time:
            common = _common(m.time, other.time)
        value = str(common) if common is not None else "XXXX"
        out.append(dataclasses.replace(m, value=value, time=common))
    return tuple(out)


def pin_days(
    text: str,
    mentions: tuple[DateMention, ...],
    likely: tuple[tuple[dt.date, float], ...],
    confidence: float,
) -> tuple[DateMention, ...]:
    """``mentions`` with each one not read to a day given the day it reads as
    against publication days of ``likely`` holding at least ``confidence`` of
    the probability (the days not listed count against it)."""
    if sum(p for _, p in likely) < confidence:
        return mentions
    votes: dict[tuple[int, int], dict[TimePoint, float]] = {}
    reading: dict[tuple[int, int, TimePoint], DateMention] = {}
    for day, p in likely:
        for m in tag(text, day):
            if m.time is None or m.time.granularity is not Granularity.DAY:
                continue
            span = votes.setdefault((m.start, m.end), {})
            span[m.time] = span.get(m.time, 0.0) + p
            reading.setdefault((m.start, m.end, m.time), m)
    out: list[DateMention] = []
    for m in mentions:
        if m.time is None or m.time.granularity is not Granularity.DAY:
            found = votes.get((m.start, m.end), {})
            top = max(found, key=found.__getitem__, default=None)
            if top is not None and found[top] >= confidence:
                m = reading[(m.start, m.end, top)]
        out.append(m)
    return tuple(out)


def resolve(
    text: str,
    estimate: DateEstimate,
    confidence: float = DAY_CONFIDENCE,
    likely: tuple[tuple[dt.date, float], ...] | None = None,
) -> tuple[DateMention, ...]:
    """The mentions of ``text`` resolved against ``estimate`` (see the module
    docstring); ``likely`` replaces the estimate's likely days (``()``: no
    mention keeps a day that way)."""
    if estimate.is_day:
        return tuple(tag(text, estimate.best))
    coarse = coarsen(
        tag(text, estimate.earliest),
        tag(text, estimate.latest),
        (estimate.earliest, estimate.latest),
    )
    return pin_days(text, coarse, estimate.likely if likely is None else likely, confidence)

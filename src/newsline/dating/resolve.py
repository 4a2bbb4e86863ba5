"""Resolution under uncertainty: an article's mentions read against its estimate.

With a day estimate the mentions are tagged against that day. With an
interval ``[earliest, latest]`` every mention is read against both ends: an
explicit date is the same either way; a relative one ("Saturday", "last
month") that lands on different days keeps only the precision both readings
share (their month, or their year), or none. So an interval estimate never
puts an event on a precise wrong day: it says "March 2015" instead.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from ..model import DateEstimate, DateMention, Granularity, TimePoint
from ..temporal import tag


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


def coarsen(early: list[DateMention], late: list[DateMention]) -> tuple[DateMention, ...]:
    """The mentions of ``early`` (read against the interval's first day) kept
    as precise as ``late`` (read against its last day) agrees with."""
    by_span = {(m.start, m.end): m for m in late}
    out: list[DateMention] = []
    for m in early:
        other = by_span.get((m.start, m.end))
        if m.time is None or (other is not None and other.time == m.time):
            out.append(m)
            continue
        common = _common(m.time, other.time) if other is not None and other.time else None
        value = str(common) if common is not None else "XXXX"
        out.append(dataclasses.replace(m, value=value, time=common))
    return tuple(out)


def resolve(text: str, estimate: DateEstimate) -> tuple[DateMention, ...]:
    """The mentions of ``text`` resolved against ``estimate`` (see the module docstring)."""
    if estimate.is_day:
        return tuple(tag(text, estimate.best))
    return coarsen(tag(text, estimate.earliest), tag(text, estimate.latest))

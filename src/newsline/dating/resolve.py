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

import datetime as dt
import re
from collections.abc import Callable

from ..model import DateEstimate, DateMention, Granularity, TimePoint
from ..temporal import tag
from .estimate import DAY_CONFIDENCE
from .years import anchor_partials

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


_RUNS = re.compile(r"\d+|\D+")


def _shared_value(a: str, b: str) -> str:
    """What two TIMEX3 values agree on, the digits they differ in as ``X``
    (``2016-01-07T15:00`` and ``2016-01-30T15:00``: ``2016-01-XXT15:00``)."""
    ra, rb = _RUNS.findall(a), _RUNS.findall(b)
    if len(ra) != len(rb):
        return "XXXX"
    pairs = list(zip(ra, rb, strict=True))
    if any(x != y and not (x.isdigit() and y.isdigit() and len(x) == len(y)) for x, y in pairs):
        return "XXXX"
    return "".join(x if x == y else "X" * len(x) for x, y in pairs)


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


def _with(m: DateMention, value: str, time: TimePoint | None) -> DateMention:
    """``dataclasses.replace(m, value=value, time=time)``, built directly (called for
    most mentions of every interval estimate, where replace's field walk cost 5x)."""
    return DateMention(m.text, m.start, m.end, m.type, value, m.kind, time)


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
        if m.time is None and other is not None and other.value != m.value:
            # a value with no calendar point ("3 p.m.", "next week") read two ways
            out.append(_with(m, _shared_value(m.value, other.value), None))
            continue
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
        out.append(_with(m, value, common))
    return tuple(out)


_MARGIN = 1e-9  # of probability: a bound that decides a vote before its last day must clear it


def pin_days(
    text: str,
    mentions: tuple[DateMention, ...],
    likely: tuple[tuple[dt.date, float], ...],
    confidence: float,
    read: Callable[[dt.date], list[DateMention]] | None = None,
) -> tuple[DateMention, ...]:
    """``mentions`` with each one not read to a day given the day it reads as
    against publication days of ``likely`` holding at least ``confidence`` of
    the probability (the days not listed count against it). ``read(day)`` is
    ``tag(text, day)`` (a caller may have some days' readings already).

    The days are read in order until every such mention is decided: its best
    reading holds ``confidence`` and no other can overtake it, or none can
    reach it with the days left."""
    total = sum(p for _, p in likely)
    if total < confidence:
        return mentions
    open_spans = {(m.start, m.end) for m in mentions if not _is_day(m)}
    if not open_spans:
        return mentions
    read = read or (lambda day: tag(text, day))
    votes: dict[tuple[int, int], dict[TimePoint, float]] = {}
    reading: dict[tuple[int, int, TimePoint], DateMention] = {}
    done = 0.0
    for day, p in likely:
        for m in read(day):
            if not _is_day(m):
                continue
            span = votes.setdefault((m.start, m.end), {})
            span[m.time] = span.get(m.time, 0.0) + p  # type: ignore[index]
            reading.setdefault((m.start, m.end, m.time), m)  # type: ignore[arg-type]
        done += p
        left = total - done + _MARGIN
        open_spans = {s for s in open_spans if not _decided(votes.get(s, {}), left, confidence)}
        if not open_spans:
            break
    out: list[DateMention] = []
    for m in mentions:
        if not _is_day(m):
            found = votes.get((m.start, m.end), {})
            top = max(found, key=found.__getitem__, default=None)
            if top is not None and found[top] >= confidence:
                m = reading[(m.start, m.end, top)]
        out.append(m)
    return tuple(out)


def _is_day(m: DateMention) -> bool:
    return m.time is not None and m.time.granularity is Granularity.DAY


def _decided(found: dict[TimePoint, float], left: float, confidence: float) -> bool:
    """Whether the days still to read (``left`` of the probability, with the
    margin) can change a span's outcome: none of its readings can reach
    ``confidence``, or the best holds it and no other (nor a new one) can
    come level with it."""
    ranked = sorted(found.values(), reverse=True)
    best = ranked[0] if ranked else 0.0
    if best + left < confidence:
        return True
    second = ranked[1] if len(ranked) > 1 else 0.0
    return best >= confidence + _MARGIN and second + left < best - _MARGIN


def resolve(
    text: str,
    estimate: DateEstimate,
    confidence: float = DAY_CONFIDENCE,
    likely: tuple[tuple[dt.date, float], ...] | None = None,
    told: bool = False,
) -> tuple[DateMention, ...]:
    """The mentions of ``text`` resolved against ``estimate`` (see the module
    docstring); ``likely`` replaces the estimate's likely days (``()``: no
    mention keeps a day that way); ``told``: a month-day the interval leaves
    without a day is read in the year told before it
    (:func:`~newsline.dating.years.anchor_partials`)."""
    if estimate.is_day:
        return tuple(tag(text, estimate.best))
    ends = {estimate.earliest: tag(text, estimate.earliest), estimate.latest: tag(text, estimate.latest)}
    coarse = coarsen(ends[estimate.earliest], ends[estimate.latest], (estimate.earliest, estimate.latest))
    likely = estimate.likely if likely is None else likely
    # a likely day at an end of the interval is read once
    out = pin_days(text, coarse, likely, confidence, lambda d: ends[d] if d in ends else tag(text, d))
    if told:
        out = anchor_partials(text, out, {(m.start, m.end): m for m in ends[estimate.earliest]})
    return out

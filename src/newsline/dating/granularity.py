"""Month and year entries: a timeline at the precision its evidence has.

- ``day``: the method's day entries as they are;
- ``month`` / ``year``: day entries merged into one entry per month or year
  (their sentences in date order, scores added): long stories read better so;
- ``auto``: the day entries, plus one month entry for each month that no day
  entry falls in but that sentences name only to the month (``in March 2015``,
  or a relative day read against an interval estimate): events the day entries
  do not carry. At most a quarter as many as there are day entries, the months
  named by most articles first. With a ``limit`` (the number of dates a user
  asked for: ``--dates N``) there are at most that many entries in all: at most
  a quarter of them months (none below 4). A month that two or more articles
  name takes the place of the day entry with the lowest score where day and
  month entries would exceed the limit; one that a single article names only
  fills room the day entries leave.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
from collections import defaultdict

from ..model import (
    Corpus,
    Granularity,
    SourceRef,
    SummarySentence,
    Timeline,
    TimelineEntry,
    TimePoint,
)
from ..query import matches

CHOICES = ("auto", "day", "month", "year")


def _period(d: dt.date, g: Granularity) -> TimePoint:
    if g is Granularity.MONTH:
        return TimePoint(d.replace(day=1), g)
    return TimePoint(dt.date(d.year, 1, 1), g)


def merge(timeline: Timeline, granularity: Granularity) -> Timeline:
    """Day entries merged into one entry per month or year."""
    groups: dict[TimePoint, list[TimelineEntry]] = defaultdict(list)
    for e in timeline:
        key = (
            e.time if e.time.granularity.rank >= granularity.rank else _period(e.date, granularity)
        )
        groups[key].append(e)
    entries = tuple(
        TimelineEntry(t, tuple(s for e in es for s in e.sentences), sum(e.score for e in es))
        for t, es in groups.items()
    )
    return dataclasses.replace(timeline, entries=entries)


def add_months(
    timeline: Timeline, corpus: Corpus, keywords: tuple[str, ...], limit: int | None = None
) -> Timeline:
    """``auto``: month entries for the months only month-precise sentences carry
    (within ``limit`` entries in all, when given; see the module docstring)."""
    covered = {(e.date.year, e.date.month) for e in timeline}
    used = {
        (s.source.article_id, s.source.start) for e in timeline for s in e.sentences if s.source
    }
    found: dict[dt.date, dict[str, SummarySentence]] = defaultdict(dict)
    for doc in corpus:
        # (only the month mentions, each found in its sentence: most articles have few)
        months = sorted(
            (m for m in doc.mentions if m.time is not None and m.time.granularity is Granularity.MONTH),
            key=lambda m: m.start,
        )
        if not months:
            continue
        a = doc.article
        starts = [s.start for s in doc.sentences]
        ok: dict[int, bool] = {}
        for m in months:
            t = m.time
            assert t is not None
            i = bisect.bisect_right(starts, m.start) - 1
            if i < 0 or m.start >= doc.sentences[i].end:
                continue
            sent = doc.sentences[i]
            if i not in ok:
                ok[i] = (
                    (not keywords or matches(sent.text.lower(), keywords))
                    and (a.id, sent.start) not in used
                    and 8 <= sent.text.count(" ") + 1 <= 50
                )
            if not ok[i] or (t.date.year, t.date.month) in covered or a.id in found[t.date]:
                continue
            ref = SourceRef(a.id, a.title, a.url, a.published, sent.start, sent.end)
            found[t.date][a.id] = SummarySentence(sent.text, ref)
    room = max(1, len(timeline) // 4) if len(timeline) else 5
    if limit is not None:
        room = min(room, limit // 4)
    best = sorted(found, key=lambda d: (-len(found[d]), d))[:room]
    if limit is not None:  # a month one article names only fills room the days leave
        free = max(0, limit - len(timeline))
        best = [d for i, d in enumerate(best) if i < free or len(found[d]) >= 2]
    extra = tuple(
        TimelineEntry(TimePoint(d, Granularity.MONTH), (next(iter(found[d].values())),), 0.0)
        for d in best
    )
    days = timeline.entries
    if limit is not None and len(days) + len(extra) > limit:  # the weakest days make room
        ranked = sorted(range(len(days)), key=lambda i: -days[i].score)
        kept = set(ranked[: max(0, limit - len(extra))])
        days = tuple(e for i, e in enumerate(days) if i in kept)
    return dataclasses.replace(timeline, entries=days + extra)


def regroup(
    timeline: Timeline, granularity: str, corpus: Corpus, keywords: tuple[str, ...] = (),
    limit: int | None = None,
) -> Timeline:
    """The timeline at ``granularity`` (one of :data:`CHOICES`); ``limit``: the number
    of dates asked for, which ``auto``'s month entries stay within."""
    if granularity == "day":
        return timeline
    if granularity == "auto":
        return add_months(timeline, corpus, keywords, limit)
    return merge(timeline, Granularity(granularity))

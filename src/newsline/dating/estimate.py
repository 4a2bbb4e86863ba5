"""Combine an article's clues and its neighbours' dates into one :class:`DateEstimate`.

Each candidate publication day ``d`` gets the sum of the log-likelihoods,
under the :class:`~newsline.dating.prior.DatingPrior`, of what the article
shows if it was published on ``d``:

- ``latest-past-date``: the lag from the latest day it names in the past (full
  dates, and partial ones read against ``d``) to ``d``;
- ``dateline`` / ``weekday-date``: whether that date is ``d``;
- ``partial-dateline``: whether its month and day, read in ``d``'s year, is ``d``;
- ``weekday``: each relative weekday's offset to ``d``'s weekday, by tense;
- ``weekday-copy``: whether ``d`` lies in the week from which a relative
  weekday reads the day a near-verbatim copy of its sentence reads it as
  (:mod:`~newsline.dating.copies`; a lab option);
- ``month-year``: whether ``d`` is in or after the latest month with its year
  told in the past ("seized the city in June 2014"), at the rate that holds
  (where every candidate lies before that month, the text contradicts them
  all: no estimate);
- ``year`` / ``years-ago``: ``d``'s year against the latest year named and
  the year a ``years-ago`` clue implies;
- ``neighbours``: a mixture, weighted by similarity and sureness, of the
  offsets from the dates of articles close in content.

The posterior over candidates gives the estimate: the best day when it holds
at least ``day_confidence`` of the mass, else the shortest run of days around
it holding ``mass``, labelled week, month or year by its width; wider than a
year, or without any candidate day, the article stays undated.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..model import DateEstimate, DateEvidence
from . import years as _years
from .copies import WeekdayCopy, window
from .evidence import FUTURE, PAST, REPORTED, Clue, TextClues, hit_name
from .partial import _ordinal, _weekday_of, _year_of, latest_past, resolve_partial
from .prior import DatingPrior, Histogram, similarity_bin

DAY_CONFIDENCE = 0.8
MASS = 0.8
# days either side of the best that an interval estimate lists as likely: a
# relative weekday reads the same against a week of publication days
LIKELY_REACH = 7
LIKELY_FLOOR = 0.005
_AFTER = 45  # candidate days after an anchor date
_BEFORE = 3
_NEAR = 14  # candidate days around a neighbour's date
_MAX_YEAR = 2100
_WEEKDAY_NAME = {PAST: "weekday_past", REPORTED: "weekday_past", FUTURE: "weekday_future"}
_DATED = ("dateline", "weekday-date", "full-date")  # the rules whose clues have a date
_LAST_ORDINAL = dt.date(_MAX_YEAR, 1, 1).toordinal()


@dataclass(frozen=True, slots=True)
class Neighbour:
    """A dated (or estimated) article close in content: its day, its cosine
    similarity and how sure its day is."""

    day: dt.date
    similarity: float
    sureness: float = 1.0
    source: str = ""


def latest_year(clues: TextClues) -> int | None:
    ys = [c.year for c in clues.of("year") if c.tense != FUTURE and c.year <= _MAX_YEAR]
    return max(ys) if ys else None


def latest_month(clues: TextClues) -> Clue | None:
    """The latest month with its year the text tells in the past tense."""
    found = [c for c in clues.of("month-year") if c.tense == PAST and c.year <= _MAX_YEAR]
    return max(found, key=lambda c: (c.year, c.month)) if found else None


def weekday_date(clues: TextClues) -> Clue | None:
    """The weekday-date clue an estimate weighs: the first one heading the
    article, where a publication date stands; else the latest in its body (a
    body's dates are the story's days, or a note such as the print edition's
    day after, and may come after the one at its head)."""
    found = [c for c in clues.of("weekday-date") if c.date is not None]
    head = [c for c in found if hit_name(c) == "weekday_date"]
    if head:
        return head[0]
    return max(found, key=lambda c: c.date or dt.date.min, default=None)


@dataclass(frozen=True, slots=True)
class _Facts:
    """What an estimate reads from an article's clues alone (:func:`_facts`)."""

    anchors: tuple[int, ...]  # the ordinals of the dated clues
    years: frozenset[int]  # the years they, the year and the years-ago clues name
    ago: frozenset[int]  # the years the years-ago clues imply
    partials: tuple[tuple[int, int], ...]  # (month, day) of the partial dates and datelines
    told: Clue | None  # latest_month
    ymax: int | None  # latest_year
    dated: tuple[tuple[str, Clue], ...]  # the dateline and weekday-date clues weighed
    last: Clue  # the clue the latest-past-date term names
    relative: tuple[tuple[Clue, str], ...]  # the weekday clues weighed, with their histogram


def _facts(clues: TextClues) -> _Facts:
    """The :class:`_Facts` of ``clues``, found once per article (kept in its memo)."""
    found = clues.memo.get("estimate")
    if isinstance(found, _Facts):
        return found
    dated = [c.date for rule in _DATED for c in clues.of(rule) if c.date is not None]
    years = {d.year for d in dated}
    years |= {c.year for rule in ("year", "years-ago") for c in clues.of(rule) if c.year <= _MAX_YEAR}
    heads = ((clues.of("dateline") or (None,))[0], weekday_date(clues))
    seen: set[tuple[int, int]] = set()
    relative = []
    for c in clues.of("weekday"):
        if (c.weekday, c.tense) not in seen:
            seen.add((c.weekday, c.tense))
            relative.append((c, _WEEKDAY_NAME.get(c.tense, "weekday_unknown")))
    facts = _Facts(
        anchors=tuple(d.toordinal() for d in dated),
        years=frozenset(years),
        ago=frozenset(c.year for c in clues.of("years-ago") if 1 <= c.year <= _MAX_YEAR),
        partials=tuple((c.month, c.day) for c in (*clues.of("partial-date"), *clues.of("partial-dateline"))),
        told=latest_month(clues),
        ymax=latest_year(clues),
        dated=tuple((r, c) for r, c in zip(("dateline", "weekday-date"), heads, strict=True) if c is not None),
        last=max(clues.clues, key=lambda c: c.start if c.rule in ("full-date", "partial-date") else -1)
        if clues.clues
        else Clue("", -1, -1, ""),
        relative=tuple(relative),
    )
    clues.memo["estimate"] = facts
    return facts


def _candidates(
    clues: TextClues, neighbours: Sequence[Neighbour], year_reach: int = 0
) -> np.ndarray:
    facts = _facts(clues)
    anchors = list(facts.anchors)
    years = set(facts.years)
    ago = set(facts.ago)
    if year_reach:
        # the years after the latest one named, and after a years-ago clue's,
        # that the year and years-ago terms give mass to
        ymax = facts.ymax
        ago |= {y + k for y in ago for k in range(1, year_reach + 1) if y + k <= _MAX_YEAR}
        later = range(ymax + 1, min(ymax + year_reach, _MAX_YEAR) + 1) if ymax else range(0)
        years |= ago | set(later)
    years |= {n.day.year for n in neighbours}
    for month, day in facts.partials:
        anchors.extend(_ordinal(y, month, day) for y in years)
    spans = [(a - _BEFORE, a + _AFTER) for a in anchors]  # first and last day, inclusive
    spans += [(o - _NEAR, o + _NEAR) for o in map(dt.date.toordinal, (n.day for n in neighbours))]
    if not spans:
        # only a year to go by: every day of the years a years-ago clue names
        spans = [(_ordinal(y, 1, 1), _ordinal(y, 12, 31)) for y in sorted(ago) if y <= _MAX_YEAR]
    if not spans:
        return np.zeros(0, dtype=np.int64)
    # the days of the spans, ascending: the spans merged where they meet or overlap
    spans.sort()
    runs: list[tuple[int, int]] = []
    first, last = spans[0]
    for f, t in spans:
        if f > last + 1:
            runs.append((first, last))
            first, last = f, t
        elif t > last:
            last = t
    runs.append((first, last))
    lo, hi = runs[0][0], last
    if len(runs) == 1:
        days = np.arange(lo, hi + 1, dtype=np.int64)
    else:
        days = np.concatenate([np.arange(f, t + 1, dtype=np.int64) for f, t in runs])
    if lo > 0 and hi < _LAST_ORDINAL:
        return days  # (all on the calendar)
    return days[(days > 0) & (days < _LAST_ORDINAL)]


@functools.lru_cache(maxsize=64)  # asked per term, the rates few
def _hit_logs(rate: float) -> tuple[np.float64, np.float64]:
    return np.log(rate), np.log((1 - rate) / 60)


def _hit(days: np.ndarray, value: int | np.ndarray, rate: float) -> np.ndarray:
    return np.where(days == value, *_hit_logs(rate))


def _weekday_scores(hist: Histogram, weekday: int) -> np.ndarray:
    """Per weekday of publication (0 = Monday), the score of a relative
    ``weekday``: ``hist.log((dow - weekday) % 7) + np.log(7)`` as a table."""
    table = hist.memo.get(("weekday", weekday))
    if table is None:
        table = hist.memo[("weekday", weekday)] = hist.log((np.arange(7) - weekday) % 7) + np.log(7)
    return table


def terms(
    clues: TextClues,
    neighbours: Sequence[Neighbour],
    days: np.ndarray,
    prior: DatingPrior,
    product: float = 0.0,
    spread: bool = False,
    copies: Sequence[WeekdayCopy] = (),
) -> list[tuple[str, str, int, int, str, np.ndarray]]:
    """The log-likelihood terms over candidate ``days``: (rule, value, start,
    end, source, scores). Neighbours form a mixture (``product`` 0) or a
    tempered product: ``product`` times the sum of their sureness-weighted
    log-likelihoods."""
    out: list[tuple[str, str, int, int, str, np.ndarray]] = []
    facts = _facts(clues)
    year = _year_of(days)
    latest = latest_past(clues, days, year)
    if latest is not None:
        lag = prior.histogram("lag").log(days - latest)
        last = facts.last
        out.append(("latest-past-date", last.text, last.start, last.end, "", lag))
    for rule, c in facts.dated:
        assert c.date is not None
        score = _hit(days, c.date.toordinal(), prior.hit_rate(hit_name(c)))
        out.append((rule, c.date.isoformat(), c.start, c.end, "", score))
    for c in clues.of("partial-dateline")[:1]:
        read = resolve_partial(c, days, year)  # the nearest reading: tense does not apply
        score = _hit(days, read, prior.hit_rate(hit_name(c)))
        out.append(("partial-dateline", c.text, c.start, c.end, "", score))
    if facts.relative:
        dow = _weekday_of(days)
        for c, name in facts.relative:
            score = _weekday_scores(prior.histogram(name), c.weekday).take(dow)
            out.append(("weekday", c.text, c.start, c.end, "", score))
    if copies:
        out.append(_copy_term(copies, days, prior))
    c = facts.told
    if c is not None:  # told in the past: published in that month or after it
        rate = prior.hit_rate("month_year_past")
        score = np.where(days >= _ordinal(c.year, c.month, 1), np.log(rate), np.log(1 - rate))
        out.append(("month-year", c.text, c.start, c.end, "", score))
    ymax = facts.ymax
    if ymax is not None:
        if spread:  # the open bin's mass over the years it covers
            score = _years.year_log(prior, year - ymax)
        else:
            score = prior.histogram("year").log(np.minimum(np.maximum(year - ymax, -3), 3))
        out.append(("year", str(ymax), -1, -1, "", score))
    for c in clues.of("years-ago"):
        score = prior.histogram("years_ago").log(np.minimum(np.maximum(c.year - year, -3), 3))
        out.append(("years-ago", str(c.year), c.start, c.end, "", score))
    if neighbours:
        raw = [n.similarity * n.sureness for n in neighbours]
        w = np.array(raw)
        w = w / w.sum()
        mix: np.ndarray | None = None
        at = np.array([n.day.toordinal() for n in neighbours])
        if product > 0:
            sure = np.array([n.sureness for n in neighbours])
            logp = np.zeros(len(days))
        groups: dict[int, list[int]] = {}  # the neighbours of each similarity bin
        for k, n in enumerate(neighbours):
            groups.setdefault(similarity_bin(n.similarity), []).append(k)
        for b in sorted(groups):
            hist = prior.histogram(f"neighbour_{b}")
            sel = groups[b] if len(groups) > 1 else slice(None)
            offsets = days[None, :] - at[sel, None]
            if product > 0:
                logp += sure[sel] @ hist.log(offsets)
            else:
                part = w[sel] @ hist.exp_log(offsets)
                mix = part if mix is None else mix + part  # (0 + part is part)
        top = neighbours[raw.index(max(raw))]
        score = product * logp if product > 0 else np.log(mix)  # type: ignore[arg-type]
        sources = len({n.source for n in neighbours})  # an estimated one gives several days
        out.append(("neighbours", f"{sources} articles", -1, -1, top.source, score))
    return out


def _copy_term(
    copies: Sequence[WeekdayCopy], days: np.ndarray, prior: DatingPrior
) -> tuple[str, str, int, int, str, np.ndarray]:
    """One term for the copy in the article most similar to this one (copies
    of an article's sentences in its copies, or their copies, are one piece of
    evidence: their days come from the same dates). The weekday term already
    weighs the weekday, so the week from which the clue reads the copy's day
    gets the hit rate of copies at that similarity (``copy_weekday_<bin>``)
    shared by its 7 days, other days the rest as a miss."""
    cp = max(copies, key=lambda c: (c.similarity, c.overlap))
    rate = prior.hit_rate(f"copy_weekday_{similarity_bin(cp.similarity)}")
    lo, hi = window(cp.day, cp.clue.tense)
    inside, miss = np.log(rate / 7 + (1 - rate) / 60), np.log((1 - rate) / 60)
    score = np.where((days >= lo) & (days <= hi), inside, miss)
    return ("weekday-copy", cp.day.isoformat(), cp.clue.start, cp.clue.end, cp.source, score)


def _interval(days: np.ndarray, post: np.ndarray, mass: float) -> tuple[int, int, float]:
    """First and last day (ordinals) of the most likely days that together hold
    ``mass``, and the mass of all candidates between them."""
    order = np.argsort(-post, kind="stable")
    k = int(np.searchsorted(np.cumsum(post[order]), mass)) + 1
    top = order[:k]  # (the days ascend: the first and last of them are at the ends of the run)
    a, b = int(top.min()), int(top.max())
    return int(days[a]), int(days[b]), float(post[a : b + 1].sum())


def _precision(lo: dt.date, hi: dt.date) -> str | None:
    if (hi - lo).days < 7:
        return "week"
    if (lo.year, lo.month) == (hi.year, hi.month):
        return "month"
    if lo.year == hi.year or (hi - lo).days < 366:
        return "year"
    return None


def estimate(
    clues: TextClues,
    prior: DatingPrior,
    neighbours: Sequence[Neighbour] = (),
    *,
    day_confidence: float = DAY_CONFIDENCE,
    product: float = 0.0,
    mass: float = MASS,
    year_reach: int = 0,
    year_spread: bool = False,
    copies: Sequence[WeekdayCopy] = (),
    copy_days: bool = False,
) -> DateEstimate | None:
    """The publication date estimate of one article, or ``None`` if nothing dates it.

    ``year_reach``: a month and day without a year is also read in that many
    years after the latest year the text names (0: only in years named or
    dated; negative: as far as the prior's lags reach); ``year_spread``: the
    year term's open bin spread over the years it covers
    (:mod:`~newsline.dating.years`); ``copies``: its copied weekdays
    (:mod:`~newsline.dating.copies`), which without ``copy_days`` shape an
    interval but make no day: where they would, the estimate is the one
    without them."""
    days = _candidates(clues, neighbours, _years.reach(prior) if year_reach < 0 else year_reach)
    if len(days) == 0:
        return None
    told = _facts(clues).told
    if told is not None and days[-1] < _ordinal(told.year, told.month, 1):
        return None  # every candidate is before a month the text tells as past
    parts = terms(clues, neighbours, days, prior, product, year_spread, copies)
    if not parts:
        return None
    scores = np.array([p[-1] for p in parts])  # one row per term
    score = scores.sum(axis=0)
    post = np.exp(score - score.max())
    post /= post.sum()
    i = int(post.argmax())
    best = dt.date.fromordinal(int(days[i]))
    mid = len(days) // 2  # the upper median: np.median costs 3x as much, per article and term
    weights = scores[:, i] - np.partition(scores, mid, axis=1)[:, mid]
    evidence = tuple(
        DateEvidence(rule, value, round(w, 3), start, end, src)
        for (rule, value, start, end, src, _), w in zip(parts, weights.tolist(), strict=True)
    )
    if post[i] >= day_confidence and copies and not copy_days:
        # a day only the copy makes: the estimate the other terms give
        plain = score - scores[[p[0] for p in parts].index("weekday-copy")]
        post = np.exp(plain - plain.max())
        post /= post.sum()
        i = int(post.argmax())
        best = dt.date.fromordinal(int(days[i]))
    if post[i] >= day_confidence:
        return DateEstimate(best, best, best, "day", round(float(post[i]), 3), evidence)
    lo, hi, conf = _interval(days, post, mass)
    start, end = dt.date.fromordinal(lo), dt.date.fromordinal(hi)
    precision = _precision(start, end)
    if precision is None:
        return None
    return DateEstimate(start, end, best, precision, round(conf, 3), evidence,
                        _likely(days, post, int(days[i]), day_confidence))  # fmt: skip


def _likely(
    days: np.ndarray, post: np.ndarray, best: int, needed: float
) -> tuple[tuple[dt.date, float], ...]:
    """The days within :data:`LIKELY_REACH` of ``best`` with their posterior
    (at least :data:`LIKELY_FLOOR` each), when together they hold ``needed``:
    else none, as then no relative mention can read the same against that much."""
    # the days are ascending: the window around the best day, then the floor
    lo, hi = np.searchsorted(days, (best - LIKELY_REACH, best + LIKELY_REACH + 1)).tolist()
    d, p = days[lo:hi], post[lo:hi]
    near = p >= LIKELY_FLOOR
    if p[near].sum() < needed:
        return ()
    return tuple(
        (dt.date.fromordinal(x), round(q, 4))
        for x, q in zip(d[near].tolist(), p[near].tolist(), strict=True)
    )

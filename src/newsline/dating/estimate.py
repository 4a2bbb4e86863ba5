"""Combine an article's clues and its neighbours' dates into one :class:`DateEstimate`.

Each candidate publication day ``d`` gets the sum of the log-likelihoods,
under the :class:`~newsline.dating.prior.DatingPrior`, of what the article
shows if it was published on ``d``:

- ``latest-past-date``: the lag from the latest day it names in the past (full
  dates, and partial ones read against ``d``) to ``d``;
- ``dateline`` / ``weekday-date``: whether that date is ``d``;
- ``partial-dateline``: whether its month and day, read in ``d``'s year, is ``d``;
- ``weekday``: each relative weekday's offset to ``d``'s weekday, by tense;
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
from .evidence import FUTURE, PAST, REPORTED, Clue, TextClues, hit_name
from .prior import DatingPrior, Histogram, similarity_bins

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
_SLACK = {PAST: 30, REPORTED: 60}  # days a past (reported) partial date may lie after the day
_NONE = np.iinfo(np.int64).min
_DATED = ("dateline", "weekday-date", "full-date")  # the rules whose clues have a date
_LAST_ORDINAL = dt.date(_MAX_YEAR, 1, 1).toordinal()
_YEAR_RANGE = 64  # candidate years read as a range up to this many, else as the distinct ones


@dataclass(frozen=True, slots=True)
class Neighbour:
    """A dated (or estimated) article close in content: its day, its cosine
    similarity and how sure its day is."""

    day: dt.date
    similarity: float
    sureness: float = 1.0
    source: str = ""


# the ordinal of each year's 1 January: a day's year is how many of them it has reached
_YEAR_STARTS = np.array([dt.date(y, 1, 1).toordinal() for y in range(1, 10000)], dtype=np.int64)


def _year_of(days: np.ndarray) -> np.ndarray:
    return np.searchsorted(_YEAR_STARTS, days, side="right").astype(np.int64, copy=False)


def _weekday_of(days: np.ndarray) -> np.ndarray:
    return (days - 1) % 7  # ordinal 1 (0001-01-01) was a Monday


@functools.lru_cache(maxsize=1 << 14)  # asked per partial date, year and candidate set
def _ordinal(y: int, m: int, d: int) -> int:
    try:
        return dt.date(y, m, d).toordinal()
    except ValueError:  # 29 February, or a bad year
        return dt.date(max(1, min(9999, y)), m, 28).toordinal()


def _sorted_unique(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(values, return_inverse=True)`` of an ascending array."""
    new = np.empty(len(values), dtype=bool)
    new[:1] = True
    np.not_equal(values[1:], values[:-1], out=new[1:])
    return values[new], np.cumsum(new) - 1


@functools.lru_cache(maxsize=1 << 12)  # asked per partial date and candidate set, the years mostly the same
def _partial_table(month: int, day: int, years: tuple[int, ...]) -> np.ndarray:
    """Ordinals of the month and day in the year before, in and after each of ``years``."""
    table = np.array([[_ordinal(y + k, month, day) for y in years] for k in (-1, 0, 1)])
    table.flags.writeable = False  # shared
    return table


def resolve_partial(
    c: Clue,
    days: np.ndarray,
    years: np.ndarray,
    unique: tuple[np.ndarray, np.ndarray] | None = None,
) -> np.ndarray:
    """Ordinal of a partial date read against each candidate day, as the
    temporal stage reads it: past tense within 30 days after (reported speech
    60), else nearest. ``unique`` is ``_sorted_unique(years)`` when known (or
    ascending years holding them all and the index of each day's among them)."""
    uniq, inv = _sorted_unique(years) if unique is None else unique
    table = _partial_table(c.month, c.day, tuple(uniq.tolist()))
    opts = table[:, inv]
    if c.tense in _SLACK:
        ok = opts <= days + _SLACK[c.tense]
        return np.where(ok, opts, _NONE).max(axis=0)
    best = np.abs(opts - days).argmin(axis=0)
    return opts[best, np.arange(len(days))]


def latest_past(
    clues: TextClues, days: np.ndarray, years: np.ndarray | None = None
) -> np.ndarray | None:
    """Per candidate day, the ordinal of the latest day the text names (not in
    the future tense; datelines and weekday-dates have terms of their own), or
    ``None`` when it names none."""
    full = [c.date.toordinal() for c in clues.of("full-date") if c.date and c.tense != FUTURE]
    partial = [c for c in clues.of("partial-date") if c.tense != FUTURE]
    if not full and not partial:
        return None
    out = np.full(days.shape, max(full) if full else _NONE, dtype=np.int64)
    if partial:
        years = _year_of(days) if years is None else years
        y0, y1 = (int(years.min()), int(years.max())) if len(years) else (0, 0)
        if y1 - y0 < _YEAR_RANGE:  # the years from first to last: each day's is a difference
            unique = (np.arange(y0, y1 + 1), years - y0)
        else:
            unique = _sorted_unique(years)  # the same for every partial date
        slack: dict[int, list[Clue]] = {}  # the past (reported) ones read together
        for c in partial:
            if c.tense in _SLACK:
                slack.setdefault(_SLACK[c.tense], []).append(c)
            else:
                out = np.maximum(out, resolve_partial(c, days, years, unique))
        uniq, inv = unique
        ys = tuple(uniq.tolist())
        for reach, group in slack.items():
            opts = np.concatenate([_partial_table(c.month, c.day, ys) for c in group])[:, inv]
            later = np.where(opts <= days + reach, opts, _NONE).max(axis=0)
            out = np.maximum(out, later)
    return out


def latest_year(clues: TextClues) -> int | None:
    ys = [c.year for c in clues.of("year") if c.tense != FUTURE and c.year <= _MAX_YEAR]
    return max(ys) if ys else None


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


def _candidates(
    clues: TextClues, neighbours: Sequence[Neighbour], year_reach: int = 0
) -> np.ndarray:
    dated = [c.date for rule in _DATED for c in clues.of(rule) if c.date is not None]
    anchors = [d.toordinal() for d in dated]
    years = {d.year for d in dated}
    years |= {c.year for rule in ("year", "years-ago") for c in clues.of(rule) if c.year <= _MAX_YEAR}
    ago = {c.year for c in clues.of("years-ago") if 1 <= c.year <= _MAX_YEAR}
    if year_reach:
        # the years after the latest one named, and after a years-ago clue's,
        # that the year and years-ago terms give mass to
        ymax = latest_year(clues)
        ago |= {y + k for y in ago for k in range(1, year_reach + 1) if y + k <= _MAX_YEAR}
        later = range(ymax + 1, min(ymax + year_reach, _MAX_YEAR) + 1) if ymax else range(0)
        years |= ago | set(later)
    years |= {n.day.year for n in neighbours}
    for c in (*clues.of("partial-date"), *clues.of("partial-dateline")):
        anchors.extend(_ordinal(y, c.month, c.day) for y in years)
    spans = [(a - _BEFORE, a + _AFTER) for a in anchors]  # first and last day, inclusive
    spans += [(n.day.toordinal() - _NEAR, n.day.toordinal() + _NEAR) for n in neighbours]
    if not spans:
        # only a year to go by: every day of the years a years-ago clue names
        spans = [(_ordinal(y, 1, 1), _ordinal(y, 12, 31)) for y in sorted(ago) if y <= _MAX_YEAR]
    if not spans:
        return np.zeros(0, dtype=np.int64)
    # the days of the spans, ascending: the spans merged where they meet or overlap
    spans.sort()
    runs = [list(spans[0])]
    for first, last in spans[1:]:
        if first <= runs[-1][1] + 1:
            runs[-1][1] = max(runs[-1][1], last)
        else:
            runs.append([first, last])
    lo, hi = runs[0][0], max(r[1] for r in runs)
    if len(runs) == 1:
        days = np.arange(lo, hi + 1, dtype=np.int64)
    else:
        days = np.concatenate([np.arange(f, t + 1, dtype=np.int64) for f, t in runs])
    if lo > 0 and hi < _LAST_ORDINAL:
        return days  # (all on the calendar)
    return days[(days > 0) & (days < _LAST_ORDINAL)]


def _hit(days: np.ndarray, value: int, rate: float) -> np.ndarray:
    return np.where(days == value, np.log(rate), np.log((1 - rate) / 60))


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
) -> list[tuple[str, str, int, int, str, np.ndarray]]:
    """The log-likelihood terms over candidate ``days``: (rule, value, start,
    end, source, scores). Neighbours form a mixture (``product`` 0) or a
    tempered product: ``product`` times the sum of their sureness-weighted
    log-likelihoods."""
    out: list[tuple[str, str, int, int, str, np.ndarray]] = []
    year = _year_of(days)
    latest = latest_past(clues, days, year)
    if latest is not None:
        lag = prior.histogram("lag").log(days - latest)
        last = max(
            clues.clues, key=lambda c: c.start if c.rule in ("full-date", "partial-date") else -1
        )
        out.append(("latest-past-date", last.text, last.start, last.end, "", lag))
    for rule in ("dateline", "weekday-date"):
        found = clues.of(rule)
        c = (found[0] if found else None) if rule == "dateline" else weekday_date(clues)
        if c is not None:
            assert c.date is not None
            score = _hit(days, c.date.toordinal(), prior.hit_rate(hit_name(c)))
            out.append((rule, c.date.isoformat(), c.start, c.end, "", score))
    for c in clues.of("partial-dateline")[:1]:
        read = resolve_partial(c, days, year)  # the nearest reading: tense does not apply
        rate = prior.hit_rate(hit_name(c))
        score = np.where(days == read, np.log(rate), np.log((1 - rate) / 60))
        out.append(("partial-dateline", c.text, c.start, c.end, "", score))
    seen: set[tuple[int, int]] = set()
    dow = _weekday_of(days)
    for c in clues.of("weekday"):
        if (c.weekday, c.tense) in seen:
            continue
        seen.add((c.weekday, c.tense))
        hist = prior.histogram(_WEEKDAY_NAME.get(c.tense, "weekday_unknown"))
        score = _weekday_scores(hist, c.weekday).take(dow)
        out.append(("weekday", c.text, c.start, c.end, "", score))
    ymax = latest_year(clues)
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
        w = np.array([n.similarity * n.sureness for n in neighbours])
        w = w / w.sum()
        mix = np.zeros(len(days))
        bins = similarity_bins([n.similarity for n in neighbours])
        at = np.array([n.day.toordinal() for n in neighbours])
        if product > 0:
            sure = np.array([n.sureness for n in neighbours])
            logp = np.zeros(len(days))
        for b in sorted(set(bins.tolist())):
            hist = prior.histogram(f"neighbour_{b}")
            sel = bins == b
            offsets = days[None, :] - at[sel, None]
            if product > 0:
                logp += sure[sel] @ hist.log(offsets)
            else:
                mix += w[sel] @ hist.exp_log(offsets)
        top = max(neighbours, key=lambda n: n.similarity * n.sureness)
        score = product * logp if product > 0 else np.log(mix)
        out.append(("neighbours", f"{len(neighbours)} articles", -1, -1, top.source, score))
    return out


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
) -> DateEstimate | None:
    """The publication date estimate of one article, or ``None`` if nothing dates it.

    ``year_reach``: a month and day without a year is also read in that many
    years after the latest year the text names (0: only in years named or
    dated; negative: as far as the prior's lags reach); ``year_spread``: the
    year term's open bin spread over the years it covers
    (:mod:`~newsline.dating.years`)."""
    days = _candidates(clues, neighbours, _years.reach(prior) if year_reach < 0 else year_reach)
    if len(days) == 0:
        return None
    parts = terms(clues, neighbours, days, prior, product, year_spread)
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
        DateEvidence(rule, value, round(float(w), 3), start, end, src)
        for (rule, value, start, end, src, _), w in zip(parts, weights.tolist(), strict=True)
    )
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

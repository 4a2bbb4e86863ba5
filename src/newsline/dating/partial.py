"""Partial dates (a month and day) read against candidate publication days.

As the temporal stage reads them: a past one within 30 days after the day
(reported speech 60), else the nearest reading, in the day's year or the
one before or after. :func:`latest_past` gives, per candidate day, the
latest day an article names, from the sorted readings of its partial dates
over the candidate years; :func:`resolve_partial` reads one against each
day from a table per year (the plain computation, and years that
:func:`_ordinal` clamps or that spread too wide).
"""

from __future__ import annotations

import datetime as dt
import functools

import numpy as np

from .evidence import FUTURE, PAST, REPORTED, Clue, TextClues

_SLACK = {PAST: 30, REPORTED: 60}  # days a past (reported) partial date may lie after the day
_NONE = np.iinfo(np.int64).min
_YEAR_RANGE = 64  # candidate years whose partial dates are read from sorted readings, at most


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
    """Per candidate day (ascending), the ordinal of the latest day the text
    names (not in the future tense; datelines and weekday-dates have terms of
    their own), or ``None`` when it names none."""
    full = [c.date.toordinal() for c in clues.of("full-date") if c.date and c.tense != FUTURE]
    partial = [c for c in clues.of("partial-date") if c.tense != FUTURE]
    if not full and not partial:
        return None
    if not partial:
        return np.full(days.shape, max(full), dtype=np.int64)
    years = _year_of(days) if years is None else years
    y0, y1 = (int(years[0]), int(years[-1])) if len(years) else (0, 0)
    if y0 > 1 and y1 < 9999 and y1 - y0 < _YEAR_RANGE:  # (no year clamped by _ordinal)
        return _latest_read(full, partial, days, y0, y1)
    out = np.full(days.shape, max(full) if full else _NONE, dtype=np.int64)
    unique = _sorted_unique(years)  # the same for every partial date
    for c in partial:
        out = np.maximum(out, resolve_partial(c, days, years, unique))
    return out


def _latest_read(
    full: list[int], partial: list[Clue], days: np.ndarray, y0: int, y1: int
) -> np.ndarray:
    """:func:`latest_past` from the sorted readings of the partial dates
    (:func:`_readings`) of days in years ``y0`` to ``y1``: the past (reported)
    ones' latest reading up to a day's slack after it, another's the nearer
    of those either side of it (the earlier when as near)."""
    out: np.ndarray | int = max(full) if full else _NONE
    slack: dict[int, list[tuple[int, int]]] = {}  # the past (reported) ones read together
    for c in partial:
        if c.tense in _SLACK:
            slack.setdefault(_SLACK[c.tense], []).append((c.month, c.day))
            continue
        table = _readings(((c.month, c.day),), y0, y1)
        i = table.searchsorted(days)
        after, before = table[i], table[i - 1]
        out = np.maximum(out, np.where(after - days < days - before, after, before))
    for reach, group in slack.items():
        table = _readings(tuple(group), y0, y1)
        out = np.maximum(out, table[table.searchsorted(days + reach, side="right") - 1])
    assert isinstance(out, np.ndarray)
    return out


@functools.lru_cache(maxsize=1 << 12)  # asked per article and candidate set, again each round
def _readings(group: tuple[tuple[int, int], ...], y0: int, y1: int) -> np.ndarray:
    """Every reading of the months and days in ``group`` in the years
    ``y0 - 1`` to ``y1 + 1``, ascending, after :data:`_NONE`. For a day of a
    year in ``y0`` to ``y1``, the readings before and after it, or the latest
    up to under a year after its year's end, are those of its own year's
    column of :func:`_partial_table`: the others are the same days, or later
    than a year after its year's end, or before the year before its year."""
    near = range(y0 - 1, y1 + 2)
    table = np.array([_NONE, *sorted([_ordinal(y, m, d) for m, d in group for y in near])])
    table.flags.writeable = False  # shared
    return table

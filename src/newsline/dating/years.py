"""Years an article may be published in, and years its text ties a month-day to.

Two separate questions (issue 15):

- the publication estimate treats the latest year the text names as a lower
  bound: the article may be published in any later year the prior's lag
  distribution gives mass to. The prior's ``year`` histogram ends in an open
  bin (3 or more years later); ``year_far`` spreads that bin's mass over the
  years it covers (:func:`year_log`), and :func:`reach` bounds the later
  years by what the prior saw;
- a month and day without a year ("October 17") in an article whose estimate
  does not pin the year is read in the year the text itself ties it to: the
  last explicit date told before it in the same sentence ("In May 2010, on
  October 17 ..."), the narrative anchor the temporal tagger's ``told`` date
  is for; without one it stays unresolved (:func:`anchor_partials`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import numpy as np

from ..model import DateMention, Granularity, TimePoint
from .prior import DatingPrior

OPEN = 3  # the ``year`` histogram's last bin: this many years later or more
FAR_RANGE = (OPEN, 40)  # the ``year_far`` histogram: years later, given at least OPEN
REACH_MASS = 0.9  # later years read: up to the one where the lag's mass reaches this
_PARTIAL = re.compile(r"XXXX-(\d\d)-(\d\d)$")


def far(prior: DatingPrior) -> np.ndarray | None:
    """P(lag = k | lag >= OPEN) for k in FAR_RANGE, or ``None`` if the prior has none."""
    try:
        h = prior.histogram("year_far")
    except KeyError:  # a prior trained before it existed
        return None
    p = np.asarray(h.probs, dtype=np.float64)
    return p / p.sum()


def year_log(prior: DatingPrior, lags: np.ndarray) -> np.ndarray:
    """Log-probability of each publication-year lag after the latest year named,
    the open bin's mass spread over the years it covers (as the ``year`` term
    reads it when the prior has no ``year_far``)."""
    hist = prior.histogram("year")
    base = hist.log(np.clip(lags, -OPEN, OPEN))
    spread = far(prior)
    if spread is None:
        return base
    lo, hi = FAR_RANGE
    idx = np.clip(lags, lo, hi) - lo
    tail = np.log(np.maximum(spread[idx], 1e-12))
    return np.where(lags >= OPEN, base + tail, base)


def reach(prior: DatingPrior) -> int:
    """The years after the latest one named that month-days are read in: up to
    the lag where the prior's cumulative mass reaches :data:`REACH_MASS`."""
    hist = prior.histogram("year")
    probs = np.asarray(hist.probs)
    lags = np.arange(hist.lo, hist.lo + len(probs))
    later = probs[lags >= 0]
    cum = np.cumsum(later) / later.sum()
    k = int(np.searchsorted(cum, REACH_MASS))
    if k < OPEN:
        return k
    spread = far(prior)
    if spread is None:
        return OPEN
    open_mass = cum[OPEN - 1] if OPEN >= 1 else 0.0
    need = (REACH_MASS - open_mass) / max(1.0 - open_mass, 1e-12)
    return FAR_RANGE[0] + int(np.searchsorted(np.cumsum(spread), need))


def _month_day(m: DateMention) -> tuple[int, int] | None:
    if m.time is not None and m.time.granularity is Granularity.DAY:
        return m.time.date.month, m.time.date.day
    found = _PARTIAL.match(m.value)
    return (int(found.group(1)), int(found.group(2))) if found else None


FINE = (Granularity.DAY, Granularity.MONTH)  # told points whose year a month-day takes
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]*[A-Z0-9])|\n")


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence holding position ``at`` starts (at most 400 characters back)."""
    start = max(0, text.rfind("\n", 0, at) + 1, at - 400)
    for m in _SENTENCE_END.finditer(text, start, at):
        start = m.end()
    return start


def told_year(text: str, mentions: tuple[DateMention, ...] | list[DateMention], at: int) -> int | None:
    """The year of the last explicit date (a day or a month) told before
    position ``at`` in the same sentence, or ``None``."""
    start = _sentence_start(text, at)
    best = None
    for m in mentions:
        if m.kind == "explicit" and m.time is not None and start <= m.start and m.end <= at \
                and m.time.granularity in FINE:  # fmt: skip
            best = m.time.date.year
    return best


def anchor_partials(
    text: str,
    mentions: tuple[DateMention, ...],
    readings: dict[tuple[int, int], DateMention] | None = None,
) -> tuple[DateMention, ...]:
    """``mentions`` with each month-day not read to a day read in the year told
    before it (:func:`told_year`); ``readings`` (span -> a reading) give the
    month and day where the mention has lost them."""
    out: list[DateMention] = []
    for m in mentions:
        if m.kind == "partial" and any(ch.isdigit() for ch in m.text) and (m.time is None or m.time.granularity is not Granularity.DAY):
            md = _month_day((readings or {}).get((m.start, m.end), m))
            y = told_year(text, mentions, m.start) if md else None
            if md and y is not None:
                try:
                    d = dt.date(y, *md)
                except ValueError:
                    d = None
                if d is not None:
                    m = dataclasses.replace(m, value=d.isoformat(), time=TimePoint(d, Granularity.DAY))
        out.append(m)
    return tuple(out)

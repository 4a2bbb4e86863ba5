"""Copied weekday sentences: the week a relative weekday names.

A relative weekday ("on Tuesday") alone says only the publication day's
weekday. When an article close in content carries the same sentence near
verbatim (a wire story reprinted, a paragraph reused: at least
:data:`MIN_OVERLAP` of their words shared, :data:`MIN_WORDS` or more each)
naming the same weekday, and that article reads it as a day ``X`` (it is
dated, or estimated to a day), the copy mostly names that same day: the
publication day then lies in the week from which the clue's tense reads
``X`` (:func:`window`: 0 to 6 days after it for the past, before it for the
future). How often that holds, per similarity bin of the two articles, is
the prior's ``copy_weekday_<bin>`` hit rate,
measured on dated articles (``bench/train_dating_prior.py``).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import DateMention, Granularity
from ..temporal.patterns import WEEKDAYS
from .evidence import FUTURE, UNKNOWN, Clue, TextClues, _sentence_spans

MIN_OVERLAP = 0.7
MIN_WORDS = 8
_WORD = re.compile(r"\w+")
_WEEKDAY_WORD = re.compile(r"\b(mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class WeekdayLine:
    """A relative weekday and the words of its sentence; ``day`` its reading, if any."""

    weekday: int
    tense: int
    start: int
    end: int
    words: frozenset[str]
    day: dt.date | None = None


@dataclass(frozen=True, slots=True)
class WeekdayCopy:
    """A clue's weekday read as ``day`` by a near-verbatim copy of its sentence in ``source``
    (the copy's sentence sharing ``overlap`` of the words)."""

    clue: Clue
    day: dt.date
    overlap: float
    source: str = ""
    similarity: float = 1.0  # of the two articles (TF-IDF cosine)


def _sentence_words(text: str, spans: list[tuple[int, int]], starts: list[int], at: int) -> frozenset[str]:
    lo, hi = spans[max(0, bisect.bisect_right(starts, at) - 1)]
    return frozenset(w.lower() for w in _WORD.findall(text, lo, hi))


def clue_lines(text: str, clues: TextClues) -> list[WeekdayLine]:
    """The relative weekday clues of an undated text with their sentences' words;
    not those of an unknown tense (read back by default, which a copy's
    context need not share: such matches were mostly wrong on dated articles)."""
    relative = [c for c in clues.of("weekday") if c.tense != UNKNOWN]
    if not relative:
        return []
    spans = _sentence_spans(text, max(c.start for c in relative))
    starts = [s for s, _ in spans]
    return [WeekdayLine(c.weekday, c.tense, c.start, c.end, _sentence_words(text, spans, starts, c.start))
            for c in relative]  # fmt: skip


def mention_lines(text: str, mentions: Sequence[DateMention]) -> list[WeekdayLine]:
    """The relative weekdays a dated text reads as days (its mentions tagged
    against its date), with their sentences' words."""
    found = []
    for m in mentions:
        if m.kind != "relative" or m.time is None or m.time.granularity is not Granularity.DAY:
            continue
        w = _WEEKDAY_WORD.search(m.text)
        if w is not None and m.time.date.weekday() == WEEKDAYS[w.group(0).lower()]:
            found.append(m)
    if not found:
        return []
    spans = _sentence_spans(text, max(m.start for m in found))
    starts = [s for s, _ in spans]
    return [WeekdayLine(m.time.date.weekday(), 0, m.start, m.end,  # type: ignore[union-attr]
                        _sentence_words(text, spans, starts, m.start), m.time.date)  # type: ignore[union-attr]
            for m in found]  # fmt: skip


def read_from(day: dt.date, weekday: int, tense: int) -> dt.date:
    """The day a relative weekday of this tense reads as in a text of ``day``
    (as the tagger reads a bare weekday: the past looks back up to six days)."""
    delta = (weekday - day.weekday()) % 7
    if tense == FUTURE:
        return day + dt.timedelta(days=delta)
    return day - dt.timedelta(days=(7 - delta) % 7)


def window(day: dt.date, tense: int) -> tuple[int, int]:
    """First and last publication day (ordinals) from which a relative weekday
    of this tense reads as ``day``."""
    o = day.toordinal()
    return (o - 6, o) if tense == FUTURE else (o, o + 6)


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    """The share of the two sentences' words they share (Jaccard); 0 for short ones."""
    if len(a) < MIN_WORDS or len(b) < MIN_WORDS:
        return 0.0
    common = len(a & b)
    return common / (len(a) + len(b) - common)


def match(
    own: Sequence[WeekdayLine],
    clues: Sequence[Clue],
    other: Sequence[WeekdayLine],
    day_of: dt.date | None = None,
    source: str = "",
    similarity: float = 1.0,
    min_overlap: float = MIN_OVERLAP,
) -> list[WeekdayCopy]:
    """The copies in ``other`` (an article of that ``similarity``) of ``own``
    (the lines of ``clues``, in order):
    a line of the same weekday whose sentence shares ``min_overlap`` of the
    words, read as its ``day``, or (``day_of``: the other text's estimated day)
    as read from that day."""
    out = []
    for line, clue in zip(own, clues, strict=True):
        best: tuple[float, dt.date] | None = None
        for o in other:
            if o.weekday != line.weekday:
                continue
            share = overlap(line.words, o.words)
            if share < min_overlap or (best is not None and share <= best[0]):
                continue
            day = o.day if o.day is not None else (read_from(day_of, o.weekday, o.tense) if day_of else None)
            if day is not None:
                best = (share, day)
        if best is not None:
            out.append(WeekdayCopy(clue, best[1], best[0], source, similarity))
    return out

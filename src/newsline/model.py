"""Domain objects shared by every stage of the pipeline.

Data flows one way: ``Article`` (ingest) -> cleaned ``Article`` (clean) ->
``Sentence`` (text) -> ``DateMention`` (temporal) -> ``Document``/``Corpus``
-> ``Timeline`` of ``TimelineEntry`` (timeline) -> rendered text (render).

All objects are frozen dataclasses. Sentences and mentions point into the
text of their article by character offsets; nothing copies text around
without its provenance.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum


class Granularity(StrEnum):
    """How precise a calendar time is."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"

    @property
    def rank(self) -> int:
        """0 for day, 1 for month, 2 for year (finer is smaller)."""
        return _GRANULARITY_RANK[self]


_GRANULARITY_RANK = {Granularity.DAY: 0, Granularity.MONTH: 1, Granularity.YEAR: 2}


@dataclass(frozen=True, slots=True, order=True)
class TimePoint:
    """A calendar date with its granularity: the one time type of newsline.

    ``date`` is the first day of the period (``2011-02-01`` for February 2011).
    """

    date: dt.date
    granularity: Granularity = Granularity.DAY

    @classmethod
    def day(cls, value: dt.date) -> TimePoint:
        return cls(value, Granularity.DAY)

    @classmethod
    def parse(cls, value: str) -> TimePoint:
        """Parse ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` (a time after ``T`` or a space is ignored)."""
        text = value.strip().split("T", 1)[0].split(" ", 1)[0]
        parts = text.split("-")
        try:
            if len(parts) == 1 and len(parts[0]) == 4:
                return cls(dt.date(int(parts[0]), 1, 1), Granularity.YEAR)
            if len(parts) == 2:
                return cls(dt.date(int(parts[0]), int(parts[1]), 1), Granularity.MONTH)
            if len(parts) == 3:
                return cls(dt.date(int(parts[0]), int(parts[1]), int(parts[2])), Granularity.DAY)
        except ValueError:
            pass
        raise ValueError(f"not a calendar date: {value!r}")

    @property
    def end(self) -> dt.date:
        """Last day of the period."""
        if self.granularity is Granularity.DAY:
            return self.date
        if self.granularity is Granularity.MONTH:
            nxt = dt.date(self.date.year + (self.date.month == 12), self.date.month % 12 + 1, 1)
            return nxt - dt.timedelta(days=1)
        return dt.date(self.date.year, 12, 31)

    def contains(self, day: dt.date) -> bool:
        return self.date <= day <= self.end

    def __str__(self) -> str:
        if self.granularity is Granularity.DAY:
            return self.date.isoformat()
        if self.granularity is Granularity.MONTH:
            return f"{self.date.year:04d}-{self.date.month:02d}"
        return f"{self.date.year:04d}"


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as ingested.

    ``published`` is the publication date when known. ``date_source`` says
    where it came from: ``field`` (a date field of a JSON/CSV record),
    ``header`` (a ``Date:`` line), ``path`` (file or folder name), ``html``
    (htmldate), ``cli`` (``--date``), ``file`` (``--dates-from``), ``estimated``
    (by the dating stage, with evidence) or ``""`` (unknown).
    ``origin`` names the file (and line, for record formats) it came from.
    ``spans`` is set by the clean stage when it removed lines: where the
    cleaned ``text`` lies in the text as read (see :mod:`newsline.clean.offsets`).
    """

    id: str
    text: str
    title: str = ""
    url: str = ""
    source: str = ""
    published: dt.date | None = None
    date_source: str = ""
    origin: str = ""
    spans: tuple[tuple[int, int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article: ``text == article.text[start:end]`` (stripped)."""

    article_id: str
    index: int
    start: int
    end: int
    text: str


class TimexType(StrEnum):
    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


@dataclass(frozen=True, slots=True)
class DateMention:
    """A temporal expression found in an article (TIMEX3 style).

    ``value`` is the TIMEX3 value (``2011-02-11``, ``2011-02``, ``2011-W06``,
    ``PRESENT_REF``, ``P3D`` ...). ``time`` is the calendar date it resolves to
    at day, month or year granularity, or ``None`` (durations, sets, weeks,
    seasons, vague references, or relative expressions without a reference
    date). ``kind`` is ``explicit`` (full date written out), ``partial``
    (year missing, e.g. "October 17"), ``relative`` ("yesterday", "last
    week") or ``""`` for durations and sets.
    """

    text: str
    start: int
    end: int
    type: TimexType
    value: str
    kind: str = ""
    time: TimePoint | None = None

    @property
    def granularity(self) -> Granularity | None:
        return self.time.granularity if self.time is not None else None


@dataclass(frozen=True, slots=True)
class DateEvidence:
    """One piece of evidence of an estimated publication date.

    ``rule`` names it (``dateline``, ``latest-past-date``, ``weekday``,
    ``neighbours`` ...), ``value`` says what it points to, ``weight`` is its
    log-likelihood for the chosen day against the typical candidate (positive:
    for it). ``start``/``end`` locate it in the article text (-1 for collection
    evidence); ``source`` names the article it comes from, if another one.
    """

    rule: str
    value: str
    weight: float
    start: int = -1
    end: int = -1
    source: str = ""


@dataclass(frozen=True, slots=True)
class DateEstimate:
    """The estimated publication date of an undated article: an interval
    ``[earliest, latest]`` with its most likely day ``best``.

    ``precision`` is ``day``, ``week``, ``month`` or ``year`` (the interval's
    width); ``confidence`` is the estimated probability that the publication
    day lies in the interval. ``likely`` (interval estimates only) holds the
    most likely days around ``best`` with their probabilities: a relative
    mention that reads the same against most of that mass can keep its day
    (:mod:`newsline.dating.resolve`); it takes no part in equality.
    """

    earliest: dt.date
    latest: dt.date
    best: dt.date
    precision: str
    confidence: float
    evidence: tuple[DateEvidence, ...] = ()
    likely: tuple[tuple[dt.date, float], ...] = field(default=(), compare=False, repr=False)

    @property
    def is_day(self) -> bool:
        return self.precision == "day"

    @property
    def time(self) -> TimePoint:
        """The finest calendar period that holds the whole interval."""
        lo, hi = self.earliest, self.latest
        if lo == hi:
            return TimePoint(lo, Granularity.DAY)
        if (lo.year, lo.month) == (hi.year, hi.month):
            return TimePoint(lo.replace(day=1), Granularity.MONTH)
        return TimePoint(dt.date(lo.year, 1, 1), Granularity.YEAR)

    def __str__(self) -> str:
        if self.is_day:
            return self.best.isoformat()
        return f"{self.earliest.isoformat()}..{self.latest.isoformat()}"


@dataclass(frozen=True, slots=True)
class Document:
    """An article after the text and temporal stages.

    ``estimate`` is set when the article had no publication date and the
    dating stage estimated one (:mod:`newsline.dating`); when it is a day,
    ``article.published`` holds it and ``article.date_source`` is ``estimated``.
    """

    article: Article
    sentences: tuple[Sentence, ...]
    mentions: tuple[DateMention, ...]
    estimate: DateEstimate | None = None

    def mentions_by_sentence(self) -> list[list[DateMention]]:
        """Mentions grouped by the sentence whose span contains their start."""
        starts = [s.start for s in self.sentences]
        groups: list[list[DateMention]] = [[] for _ in self.sentences]
        for m in self.mentions:
            i = bisect.bisect_right(starts, m.start) - 1
            if 0 <= i < len(groups) and m.start < self.sentences[i].end:
                groups[i].append(m)
        return groups


@dataclass(frozen=True, slots=True)
class CleanReport:
    """What the cleaning stage removed."""

    articles_in: int = 0
    exact_duplicates: int = 0
    near_duplicates: int = 0
    boilerplate_lines: int = 0
    comment_sections: int = 0
    empty: int = 0

    @property
    def articles_out(self) -> int:
        return self.articles_in - self.exact_duplicates - self.near_duplicates - self.empty


@dataclass(frozen=True, slots=True)
class Corpus:
    """Documents ready for timeline construction."""

    documents: tuple[Document, ...]
    report: CleanReport = field(default_factory=CleanReport)

    def __len__(self) -> int:
        return len(self.documents)

    def __iter__(self) -> Iterator[Document]:
        return iter(self.documents)

    def between(self, start: dt.date | None, end: dt.date | None) -> Corpus:
        """Documents published in ``[start, end]``; undated ones are kept."""

        def keep(d: Document) -> bool:
            p = d.article.published
            if p is None:
                return True
            return (start is None or p >= start) and (end is None or p <= end)

        return Corpus(tuple(d for d in self.documents if keep(d)), self.report)


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where a summary sentence comes from."""

    article_id: str
    title: str = ""
    url: str = ""
    published: dt.date | None = None
    start: int = 0
    end: int = 0


@dataclass(frozen=True, slots=True)
class SummarySentence:
    text: str
    source: SourceRef | None = None


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    time: TimePoint
    sentences: tuple[SummarySentence, ...]
    score: float = 0.0

    @property
    def date(self) -> dt.date:
        return self.time.date


@dataclass(frozen=True, slots=True)
class Timeline:
    """Dated summaries in date order."""

    entries: tuple[TimelineEntry, ...]
    query: tuple[str, ...] = ()
    method: str = ""
    meta: Mapping[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        ordered = tuple(sorted(self.entries, key=lambda e: e.time))
        object.__setattr__(self, "entries", ordered)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[TimelineEntry]:
        return iter(self.entries)

    @property
    def dates(self) -> list[dt.date]:
        return [e.time.date for e in self.entries]

    @classmethod
    def from_pairs(
        cls, pairs: Sequence[tuple[dt.date, Sequence[str]]], **kwargs: object
    ) -> Timeline:
        """A timeline of plain day-dated summaries (gold timelines, tests)."""
        entries = tuple(
            TimelineEntry(TimePoint.day(d), tuple(SummarySentence(s) for s in sents))
            for d, sents in pairs
        )
        return cls(entries, **kwargs)  # type: ignore[arg-type]

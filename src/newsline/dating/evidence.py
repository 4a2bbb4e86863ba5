"""Text evidence of an undated article's publication day: the clues of one text.

Every clue is read from the article's own time expressions (the temporal
stage's ``tag(text, None)``: explicit dates resolve, relative ones keep an
``X`` value) and the words around them:

- ``dateline``: a full date in a header position of the first 300 characters
  (``Published: 3 May 2015``, a date alone on its line or before ``|``/``-``/``By``);
- ``weekday-date``: a full date written with its correct weekday
  (``Tuesday, January 25, 2011``; in the head or in the body, which the
  prior tells apart: :func:`hit_name`);
- ``full-date``: any other full date, with the tense of its clause;
- ``partial-date``: a month and day without a year (``October 17``);
- ``partial-dateline``: a month and day after a place name in capitals and
  before the agency's name and a dash, in the head: the wire dateline
  (``HOUSTON, April 29 (Reuters) -``), the day the wire ran the story, whose
  year the rest tells (a newspaper's bare ``BELTON, Mo., Oct. 20 --`` may be
  the day before the paper: a partial date); the stage reads it as a partial
  date when ``DatingOptions.wire_datelines`` is off;
- ``month-year``: a month with its year (``in June 2014``), with its tense: told in
  the past, the publication day is not before that month;
- ``year``: an explicit year (``in 2014``; after ``by`` a deadline, read as future);
- ``years-ago``: a year tied to a relative one in the same sentence
  (``in 2014 ... two years ago``, ``last year, in 2014``): the publication year;
- ``weekday``: a relative weekday (``on Saturday``) with its tense.

No clue is a date by itself except a dateline: :mod:`newsline.dating.estimate`
weighs them against each other and against the collection.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field

from ..model import DateMention, Granularity
from ..temporal import tag
from ..temporal.infer import HEAD, is_dateline
from ..temporal.patterns import WEEKDAYS
from ..temporal.tenses import FUTURE, PAST, REPORTED, UNKNOWN, tense, weekday_tense

__all__ = ["FUTURE", "PAST", "REPORTED", "UNKNOWN", "Clue", "TextClues", "hit_name", "read_clues"]

_WEEKDAY_BEFORE = re.compile(
    r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s*,?\s*(?:the\s+)?$",
    re.IGNORECASE,
)
_WEEKDAY_AFTER = re.compile(
    r"\s*,?\s*(?:\(\s*)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
    re.IGNORECASE,
)
# a preposition before the (weekday and) date: a sentence tells it
_TOLD_BEFORE = re.compile(
    r"\b(?:on|since|until|till|by|from|of|before|after|between|and)\s+"
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s*,?\s*(?:the\s+)?)?$",
    re.IGNORECASE,
)
_PARTIAL = re.compile(r"^XXXX-(\d\d)-(\d\d)$")
# a place in capitals (and its state or country), then the month and day
_PLACE_BEFORE = re.compile(
    r"(?:^|[\s|])[A-Z][A-Z.'/\\-]+(?:\s+[A-Z][A-Z.'/\\-]+)*\s*,"
    r"(?:\s*[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)*\s*,)?\s*$"
)
# then the agency in brackets (group 1; a bare dash: a newspaper's dateline), and a dash
_AGENCY_AFTER = re.compile(
    r"\s*((?:\(|-LRB-)\s*[A-Z][\w .&]{0,30}?\s*(?:\)|-RRB-)\s*)?(?:--?|\u2014|\u2013)\s"
)
# "by 2022", "by the end of 2022": a deadline, not a year the story has seen
_BY_BEFORE = re.compile(r"\bby\s+(?:the\s+end\s+of\s+)?$", re.IGNORECASE)
_WEEKDAY_VALUE = re.compile(r"^XXXX-WXX-([1-7])$")
_NUMBER_WORDS = {
    "one": 1, "a": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2,
}  # fmt: skip
_YEARS_AGO = re.compile(
    r"\b(\d{1,2}|one|a|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+years?\s+ago\b",
    re.IGNORECASE,
)
_LAST_YEAR = re.compile(r"\b(last|this)\s+year\b", re.IGNORECASE)
# the space after a sentence's closing mark (group 1), or a newline (found from the
# mark: a look behind it would be tried at every character). One character class
# first, not two branches: the scan then skips to the next mark or newline without
# trying the pattern at every character (the same cuts, in half the time)
_SENTENCE_CUT = re.compile(r"[.!?\n](?:(?<=\n)|(\s+)(?=[A-Z\"'`]))")


@dataclass(frozen=True, slots=True)
class Clue:
    """One piece of text evidence: its rule, where it is, and what it says.

    ``date`` is set for full dates, ``month``/``day`` for partial ones,
    ``year`` for years (for ``years-ago``: the publication year it implies),
    ``weekday`` (0 = Monday) for relative weekdays; ``tense`` is
    :data:`PAST`, :data:`FUTURE`, :data:`REPORTED` (reported speech: the
    saying is past; read as the tagger reads it) or :data:`UNKNOWN`; ``told``
    marks a date a sentence tells ("on Friday 23 July 2004") rather than a header.
    """

    rule: str
    start: int
    end: int
    text: str
    date: dt.date | None = None
    month: int = 0
    day: int = 0
    year: int = 0
    weekday: int = -1
    tense: int = UNKNOWN
    told: bool = False


@dataclass(frozen=True, slots=True)
class TextClues:
    """The clues of one article and the mentions they were read from."""

    mentions: tuple[DateMention, ...]
    clues: tuple[Clue, ...]
    # the clues of each rule, in order: an estimate asks for them per term and per
    # candidate set, several times per article
    _by_rule: dict[str, tuple[Clue, ...]] = field(init=False, repr=False, compare=False)
    #: what a reader derives from the clues alone, kept by that reader (an estimate
    #: is made two or three times per article, its text's part the same each time)
    memo: dict[str, object] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_rule: dict[str, list[Clue]] = {}
        for c in self.clues:
            by_rule.setdefault(c.rule, []).append(c)
        object.__setattr__(self, "_by_rule", {k: tuple(v) for k, v in by_rule.items()})
        object.__setattr__(self, "memo", {})

    def of(self, rule: str) -> tuple[Clue, ...]:
        return self._by_rule.get(rule, ())


def hit_name(c: Clue) -> str:
    """The prior's hit-rate key of a (partial) dateline or weekday-date clue: a weekday
    date heading the article is mostly its publication day; one in its body,
    or told by a sentence, is as often a day the story recalls ("On Thursday
    6 July 1972, ...")."""
    if c.rule == "dateline":
        return "dateline"
    if c.rule == "partial-dateline":
        return "partial_dateline"
    return "weekday_date" if c.start < HEAD and not c.told else "weekday_date_body"


def _is_month_year(text: str, year: int) -> bool:
    """A month named with its year (``June 2014``, ``Nov. 2015``), not a season,
    quarter or fiscal period."""
    words = text.split()
    return len(words) == 2 and words[1] == str(year)


def _is_dateline(text: str, m: DateMention) -> bool:
    return m.start < HEAD and is_dateline(text, m)


def _partial_dateline(text: str, m: DateMention) -> re.Match[str] | None:
    """The (agency and) dash after a month and day written as a dateline."""
    if m.start >= HEAD or _PLACE_BEFORE.search(text, max(0, m.start - 60), m.start) is None:
        return None
    return _AGENCY_AFTER.match(text, m.end)


def _is_deadline(text: str, start: int) -> bool:
    return _BY_BEFORE.search(text, max(0, start - 20), start) is not None


def _weekday_agrees(text: str, m: DateMention, day: dt.date) -> bool:
    found = _WEEKDAY_BEFORE.search(text, max(0, m.start - 14), m.start)
    if found is None:
        found = _WEEKDAY_AFTER.match(text, m.end)
        if found is not None and found.end() - m.end > 16:
            found = None
    return found is not None and WEEKDAYS[found.group(1).lower()] == day.weekday()


def _number(word: str) -> int | None:
    w = word.lower()
    if w.isdigit():
        return int(w)
    return _NUMBER_WORDS.get(w)


def _sentence_spans(text: str, until: int | None = None) -> list[tuple[int, int]]:
    """The sentences of ``text`` (start, end); with ``until``, only up to the one
    holding that position (the later ones start after it)."""
    spans, start = [], 0
    for cut in _SENTENCE_CUT.finditer(text):
        lo, hi = cut.span(1) if cut.group(1) is not None else cut.span()
        spans.append((start, lo))
        start = hi
        if until is not None and start > until:
            return spans
    spans.append((start, len(text)))
    return spans


def _year_links(text: str, years: list[Clue]) -> list[Clue]:
    """``in 2014 ... two years ago`` (same sentence): publication year 2016."""
    if not years or "year" not in text.lower():
        return []  # both relative patterns need the word: no sentence to split for
    out: list[Clue] = []
    starts = [y.start for y in years]
    spans = _sentence_spans(text, max(starts))  # no year lies in a later sentence
    ordered = starts == sorted(starts)  # (as the mentions are)
    for lo, hi in spans:
        if ordered:
            i = bisect.bisect_left(starts, lo)
            inside = years[i : bisect.bisect_left(starts, hi, i)]
        else:
            inside = [y for y in years if lo <= y.start < hi]
        if len(inside) != 1:  # two years in a sentence: which one is tied is unclear
            continue
        y = inside[0]
        for rel in (*_YEARS_AGO.finditer(text, lo, hi), *_LAST_YEAR.finditer(text, lo, hi)):
            if rel.re is _YEARS_AGO:
                n = _number(rel.group(1))
            else:
                n = 1 if rel.group(1).lower() == "last" else 0
            if n is None or n > 30:
                continue
            s, e = min(y.start, rel.start()), max(y.end, rel.end())
            out.append(Clue("years-ago", s, e, text[s:e], year=y.year + n))
    return out


def read_clues(text: str, mentions: tuple[DateMention, ...] | None = None) -> TextClues:
    """The clues of ``text``; ``mentions`` are its undated mentions when already tagged."""
    if mentions is None:
        mentions = tuple(tag(text, None))
    clues: list[Clue] = []
    years: list[Clue] = []
    for m in mentions:
        t = m.time
        if t is not None and m.kind == "explicit":
            if t.granularity is Granularity.DAY:
                d = t.date
                if _is_dateline(text, m):
                    rule = "dateline"
                elif _weekday_agrees(text, m, d):
                    rule = "weekday-date"
                else:
                    rule = "full-date"
                before = text[max(0, m.start - 30) : m.start]
                told = rule == "weekday-date" and _TOLD_BEFORE.search(before) is not None
                clue = Clue(rule, m.start, m.end, m.text, date=d, told=told,
                            tense=tense(text, m.start, m.end))  # fmt: skip
                clues.append(clue)
            elif t.granularity is Granularity.MONTH and _is_month_year(m.text, t.date.year):
                clues.append(Clue("month-year", m.start, m.end, m.text, month=t.date.month,
                                  year=t.date.year, tense=tense(text, m.start, m.end)))  # fmt: skip
            elif t.granularity is Granularity.YEAR and m.text.strip().isdigit():
                deadline = _is_deadline(text, m.start)
                y = Clue("year", m.start, m.end, m.text, year=t.date.year,
                         tense=FUTURE if deadline else tense(text, m.start, m.end))  # fmt: skip
                years.append(y)
            continue
        if m.time is not None:
            continue
        p = _PARTIAL.match(m.value)
        if p is not None:
            wire = _partial_dateline(text, m)
            clues.append(
                Clue(
                    "partial-dateline" if wire and wire.group(1) else "partial-date",
                    m.start,
                    m.end,
                    m.text,
                    month=int(p.group(1)),
                    day=int(p.group(2)),
                    tense=tense(text, m.start, m.end),
                )  # fmt: skip
            )
            continue
        w = _WEEKDAY_VALUE.match(m.value)
        if w is not None and m.kind == "relative":
            clues.append(
                Clue(
                    "weekday",
                    m.start,
                    m.end,
                    m.text,
                    weekday=int(w.group(1)) - 1,
                    tense=weekday_tense(text, m.start, m.end),
                )  # fmt: skip
            )
    clues.extend(years)
    # a deadline ("by 2022 ... this year") is no year the story is told in
    clues.extend(_year_links(text, [y for y in years if not _is_deadline(text, y.start)]))
    clues.sort(key=lambda c: c.start)
    return TextClues(mentions, tuple(clues))

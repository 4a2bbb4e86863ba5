"""What rule handlers share: the context of a scan and helpers to build mentions.

Handlers read the named groups of their rule, anchor relative expressions
to the document creation time (DCT) or to the last date the text mentioned,
and choose past or future readings with :func:`tenses.tense`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..model import DateMention, TimePoint, TimexType
from . import resolve as R
from . import tenses as T
from .patterns import MONTHS, NUMBERS, VAGUE_NUMBERS

DATE, TIME, DURATION, SET = TimexType.DATE, TimexType.TIME, TimexType.DURATION, TimexType.SET
EXPLICIT, PARTIAL, RELATIVE = "explicit", "partial", "relative"

_SPACES = re.compile(r"\s+")
# A month name alone ("May", "March") is a month only after one of these words.
_MONTH_CUE = re.compile(
    r"(?:\b(?:in|since|until|till|by|of|from|to|through|during|between|and|or|before|after"
    r"|early|late|mid|last|this|next|end|beginning|start|on|for|until|throughout|around|,)\s*)$",
    re.IGNORECASE,
)
_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_ANCHOR_REACH = 250  # characters: "the next day" refers to a day named just before
_WEEKDAY_BEFORE = re.compile(
    r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s*,?\s*(?:the\s+)?$"
)
_MONTHS_RE = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?"
)
_DATE_AFTER = re.compile(
    rf"\s*,?\s*(?:(?P<m1>{_MONTHS_RE})\s*(?P<d1>\d{{1,2}})(?!\d)"
    rf"|(?:the\s+)?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTHS_RE}))"
    r"(?:st|nd|rd|th)?(?:\s*,?\s*(?P<y>(?:1[5-9]|20)\d\d)\b)?"
)
# "July to September 2009": a month takes the year that closes its range
_RANGE_YEAR = re.compile(
    rf"\s*(?:to|-|--|and|through|until|till|or)\s+{_MONTHS_RE}\s*,?\s*((?:1[5-9]|20)\d\d)\b"
)
# A range of days stands for its first day and takes the year that closes it:
# after "May 11" in "May 11-12 , 2009", "Feb 15\/16 , 2011", "September 13 and 15
# 2003", "May 30 - June 2 , 2010" ...
_DAY_RANGE_END = re.compile(
    rf"\s*(?:--|-|–|\\?/|and|to|through|until)\s*(?:(?P<m>{_MONTHS_RE})\s*)?"
    r"(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)\s*,?\s*(?P<y>(?:1[5-9]|20)\d\d)(?!\d)"
)
# ... and before "6 June 2011" in "3-6 June 2011", "19\/20 December", "13 and 18 January".
_DAY_RANGE_START = re.compile(
    r"(?<![\w.,-])(?P<d>[12]\d|3[01]|[1-9])(?:st|nd|rd|th)?\s*(?:--|-|–|\\?/|and|to)\s*$"
)
_NEXT_DAY_OR = re.compile(r"\s+or\s+(?:two|so)\b")
_NOT_YEAR_BEFORE = re.compile(r"(?:[Rr]esolution|No\.|[Nn]umber|[Ff]light|[Rr]oute|[Ss]ection)\s+$")


@dataclass(slots=True)
class Context:
    """What handlers know besides the match: the text, the DCT, the last day mentioned."""

    text: str
    dct: dt.date | None
    anchor: dt.date | None = None
    anchor_pos: int = -(10**9)
    past_anchor: dt.date | None = None
    past_anchor_pos: int = -(10**9)
    """The last relative or partial day mentioned that is not after the DCT: what "a day
    earlier" in a past clause counts from when a day ahead was named since ("Services
    will stay suspended until Friday. The city had been chosen only a day earlier": the
    day before the attack told before, not Thursday)."""
    full_anchor: dt.date | None = None
    full_anchor_pos: int = -(10**9)
    """The last full date mentioned (kept apart, so that noting it reads no DCT)."""
    floor: int = 0
    """End of the last mention: a handler may not reach back before it."""
    told_pos: int = -(10**9)
    told: TimePoint | None = None
    """The last date written out in the text (day, month or year): what "that year",
    "the following month" or "later that day" refer to."""
    frame_year: int | None = None
    frame_pos: int = -(10**9)
    """A year that opens a sentence ("In 2005, ...", "Last year, ..."), and where: the
    year of that sentence's story, which a month named later in it takes."""
    quarter: tuple[int, int] | None = None
    quarter_pos: int = -(10**9)
    """The last quarter named (year, 1-4) and where: "the quarter", "a year earlier"."""

    def reference(self, pos: int) -> dt.date | None:
        """The last day mentioned if it is close before ``pos``, else the DCT."""
        anchor = self.anchored(pos)
        return anchor if anchor is not None else self.dct

    def set_anchor(self, d: dt.date, pos: int, full: bool = False) -> None:
        self.anchor, self.anchor_pos = d, pos
        if full:
            self.full_anchor, self.full_anchor_pos = d, pos
        elif self.dct is None or d <= self.dct:
            self.past_anchor, self.past_anchor_pos = d, pos

    def past_reference(self, pos: int) -> dt.date | None:
        """:meth:`reference` for a clause told in the past: a day named close before that
        lies ahead of the DCT is skipped for the last one named that does not (a past
        event cannot be told as a day before or after a day still to come)."""
        anchor = self.anchored(pos)
        if anchor is None or self.dct is None or anchor <= self.dct:
            return anchor if anchor is not None else self.dct
        best, best_pos = self.dct, -(10**9)
        for d, at in ((self.past_anchor, self.past_anchor_pos), (self.full_anchor, self.full_anchor_pos)):
            if d is not None and d <= self.dct and at > best_pos and pos - at <= _ANCHOR_REACH:
                best, best_pos = d, at
        return best

    def anchored(self, pos: int) -> dt.date | None:
        """The last day mentioned if it is close before ``pos``, else None."""
        if self.anchor is not None and pos - self.anchor_pos <= _ANCHOR_REACH:
            return self.anchor
        return None

    def told_at(self, pos: int, reach: int) -> dt.date | None:
        """The date told last, if it was told within ``reach`` characters before ``pos``."""
        if self.told is not None and pos - self.told_pos <= reach:
            return self.told.date
        return None

    def tense(self, m: re.Match[str]) -> int:
        return T.tense(self.text, m.start(), m.end())

    def open_frame(self, m: re.Match[str], year: int) -> None:
        """Note ``year`` as the sentence's frame if its expression opens the sentence."""
        if _FRAME_LEAD.search(self.text, max(0, m.start() - 24), m.start()):
            self.frame_year, self.frame_pos = year, m.start()

    def frame_at(self, pos: int) -> int | None:
        """The frame year of the sentence that ``pos`` is in, if it has one."""
        if self.frame_year is None or not self.frame_pos < pos <= self.frame_pos + _FRAME_REACH:
            return None
        between = self.text[self.frame_pos : pos]
        if T.last_sentence_end(between) >= 0 or _CLAUSE_JOIN.search(between):
            return None
        return self.frame_year


# What may precede a year that opens a sentence: "In 2005,", "During 1998", "Last year".
_FRAME_LEAD = re.compile(
    r"(?:^|[.!?]['\"`]*\s+|\n\s*)['\"`]*(?:(?:[Ii]n|[Dd]uring|[Tt]hroughout|[Bb]y|[Ee]arly\s+in|[Ll]ate\s+in)\s+)?$"
)
_FRAME_REACH = 300  # characters: a long sentence at most
# A clause joined on may have a time of its own: "Last year, the EU banned imports and in
# February it expanded sanctions" (a February after the DCT's), "In 2009, BP earned ...,
# and it ended March with ...": the frame holds in the first clause only.
_CLAUSE_JOIN = re.compile(r"\b(?:and|but|while|whereas|yet)\b|;")


Handler = Callable[[re.Match[str], Context], DateMention | None]


def _mk(
    m: re.Match[str],
    type_: TimexType,
    value: str,
    kind: str = "",
    time: TimePoint | None = None,
) -> DateMention:
    return DateMention(m.group(), m.start(), m.end(), type_, value, kind, time)


def _mkv(m: re.Match[str], vt: tuple[str, TimePoint | None], kind: str) -> DateMention:
    return _mk(m, DATE, vt[0], kind, vt[1])


def _norm(s: str | None) -> str:
    return _SPACES.sub(" ", s).lower() if s else ""


def _month_num(name: str) -> int:
    return MONTHS[name[:3].lower()]


def _day_num(s: str) -> int:
    return int(s.rstrip("stndrh"))


def _number(s: str) -> int | None:
    """``"two"`` -> 2, ``"twenty-five"`` -> 25, ``"12"`` -> 12, vague -> None."""
    s = _norm(s).replace("-", " ")
    if s in ("a hundred", "one hundred"):
        return 100
    if s in VAGUE_NUMBERS or s.startswith(("hundred", "thousand")):
        return None
    if s.replace(".", "", 1).isdigit():
        return int(float(s)) if "." not in s else None
    if s in NUMBERS:
        return NUMBERS[s]
    parts = s.split()
    if len(parts) == 2 and parts[0] in NUMBERS and parts[1] in NUMBERS:
        return NUMBERS[parts[0]] + NUMBERS[parts[1]]
    return None


def _day_mention(m: re.Match[str], ctx: Context, d: dt.date, kind: str) -> DateMention:
    value, point = R.day(d)
    if kind in (EXPLICIT, PARTIAL):
        ctx.set_anchor(d, m.start(), kind == EXPLICIT)
        ctx.told, ctx.told_pos = point, m.start()
    return _mk(m, DATE, value, kind, point)

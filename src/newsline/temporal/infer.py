"""Estimate the publication date of an undated article, only from real evidence.

Two kinds of evidence count, in this order:

1. a *dateline*: a full date (day, month, year) in the first 300 characters,
   in a header position: after ``Published:``/``Posted``/``Updated``/``Date:``,
   or alone on its line, or followed by a separator (``|``, ``-``, ``(``,
   ``By``) rather than by the rest of a sentence;
2. the latest full date of the text that is written with its weekday
   (``Tuesday, January 25, 2011``) when that weekday is right for the date.

Anything else (a date in a sentence, a bare weekday) is no evidence of the
publication day, and the function returns ``None`` rather than guess.
"""

from __future__ import annotations

import datetime as dt
import re

from ..model import DateMention, Granularity
from .patterns import WEEKDAYS
from .tagger import tag

#: A dateline stands within the first HEAD characters of an article.
HEAD = 300
_HEADER_BEFORE = re.compile(
    r"(?:Published|Posted|Updated|Last\s+updated|Date|Dated|First\s+published)\s*(?:on)?\s*:?\s*"
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s*,?\s*)?$",
    re.IGNORECASE,
)
# a sentence's end before the date; not the "m." of a time ("Updated 3:15 p.m. ET, March 5")
_SENTENCE_END = re.compile(r"(?<!\b[ap]\.)[a-z]\.\s+[A-Z]")
_SEPARATOR_AFTER = re.compile(r"\s*(?:$|\n|\||-|--|—|–|\(|/|By\b|\d{1,2}:\d\d)")
_WEEKDAY_BEFORE = re.compile(
    r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s*,?\s*(?:the\s+)?$"
)
_WEEKDAY_AFTER = re.compile(r"^\s*,?\s*(?:\(\s*)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


def _full_dates(text: str) -> list[DateMention]:
    return [
        m
        for m in tag(text, None)
        if m.kind == "explicit" and m.time is not None and m.time.granularity is Granularity.DAY
    ]


def is_dateline(text: str, m: DateMention) -> bool:
    """Whether the full date ``m`` is written as a dateline: after a publication label, or
    at the start of its line and followed by a separator (not inside a sentence)."""
    line_start = text.rfind("\n", 0, m.start) + 1
    before = text[line_start : m.start]
    if _HEADER_BEFORE.search(before):
        return True
    if _SENTENCE_END.search(before) or len(before) > 80:
        return False  # inside a sentence
    return _SEPARATOR_AFTER.match(text, m.end) is not None


def _weekday_agrees(text: str, m: DateMention) -> bool:
    assert m.time is not None
    found = _WEEKDAY_BEFORE.search(text, max(0, m.start - 14), m.start) or _WEEKDAY_AFTER.match(
        text[m.end : m.end + 16]
    )
    return found is not None and WEEKDAYS[found.group(1).lower()] == m.time.date.weekday()


def infer_publication_date(text: str) -> tuple[dt.date, str] | None:
    """A publication date and a one-line evidence string, or ``None`` without evidence."""
    dates = _full_dates(text)
    for m in dates:
        if m.start >= HEAD:
            break
        if is_dateline(text, m):
            assert m.time is not None
            return m.time.date, f"dateline {m.text!r} at offset {m.start}"
    agreeing = [m for m in dates if _weekday_agrees(text, m)]
    if agreeing:
        best = max(agreeing, key=lambda m: m.time.date if m.time else dt.date.min)
        assert best.time is not None
        return best.time.date, (
            f"latest full date written with its (correct) weekday: {best.text!r} "
            f"at offset {best.start}"
        )
    return None

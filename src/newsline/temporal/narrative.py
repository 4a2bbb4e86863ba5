"""Handlers of expressions that refer to a time told earlier in the text.

A story that has named a date goes on from it: "that day", "the same year",
"the following month", "later that year" refer to the last date written out
(``Context.told``), not to the publication date; without one they fall back
to the DCT. An earnings report that has named its quarter ("the third
quarter") goes on with "the quarter", "the latest quarter" and compares
with "the year-earlier quarter" (``Context.quarter``). Spoken years
("nineteen ninety-six", "the year two thousand"), as broadcast transcripts
write them, are read here too.
"""

from __future__ import annotations

import datetime as dt
import re

from ..model import DateMention, Granularity
from . import resolve as R
from . import tenses as T
from .context import (
    _MONTHS_RE,
    DATE,
    DURATION,
    EXPLICIT,
    RELATIVE,
    TIME,
    Context,
    _mk,
    _month_num,
    _norm,
    _number,
)
from .patterns import ORDINALS, PARTS_OF_DAY

_TOLD_OFFSET = {
    "that": 0, "that same": 0, "the same": 0, "the following": 1, "the previous": -1,
    "the preceding": -1, "the prior": -1, "the": 0,
}  # fmt: skip
_QUARTER_REACH = 600
# characters: how far back the date told may be for "that year" / "the following month"
_TOLD_REACH = {"week": 500, "month": 500, "year": 1500, "decade": 1500}
_SHIFT_REACH = 300  # "the following / previous ...": a date told in the same passage  # characters: "the quarter" continues a quarter named shortly before


# what makes "the year" after "for" or "of" another thing than the year of the story
_YEAR_CLAUSE = re.compile(
    r"\s*(?:ended|ending|ends|to\b|through|before|after|since|that|when|in\s+which|'s|’s|\d|two|nineteen"
    r"|earlier|ago|before|-)",
    re.IGNORECASE,
)


_PART_OF = re.compile(
    r"\b(?:months|quarter|half|rest|remainder|end|beginning|start|course|balance|part|weeks)\s+of\s+$"
)


def told(m: re.Match[str], ctx: Context) -> DateMention | None:
    """``that day`` / ``the following month`` / ``later that year`` ... (TimeML: a DATE
    at the unit's granularity, one unit after or before the date told last)."""
    if m.group("tl_pod"):
        # "That evening, police raided a flat": the part of the day named just before
        # (TimeML: a TIME, "2016-03-22TEV"). Without a day named close before, the
        # story's day is not known: in feature stories "that night" is rarely the DCT's
        # ("They slept together that night" of a trial report), so no day is given.
        pod = PARTS_OF_DAY[m.group("tl_pod").lower()]
        ref = ctx.anchored(m.start())
        if ref is None:
            return _mk(m, TIME, f"XXXX-XX-XXT{pod}", RELATIVE)
        return _mk(m, TIME, f"{R.day(ref)[0]}T{pod}", RELATIVE)
    det = _norm(m.group("tl_det"))
    if det == "the" and not m.group("tl_pre") and (
        ctx.text[max(0, m.start() - 3) : m.start()] == "in "
        or _YEAR_CLAUSE.match(ctx.text, m.end())
        or (ctx.text[max(0, m.start() - 3) : m.start()] == "of " and not _PART_OF.search(ctx.text, max(0, m.start() - 24), m.start()))
    ):
        # "in the year" alone: "earlier in the year" only; "for the year ended Sept. 30"
        # is a stretch of a year (TimeBank: P1Y, 5 of 6), "of the year 2000" a year; "of
        # the year" only after a part ("the first nine months of the year", "the rest of
        # the year"), not of a generic year ("the snowiest month of the year")
        return None
    off = _TOLD_OFFSET[det]
    unit = m.group("tl_unit").lower()
    told_at = ctx.told
    # "the following month" never counts from the reader's now (that is "next month"):
    # it reaches as far back as "that month"; "the previous month" is also a
    # statistic's month before the DCT's, so it takes only a date told just before
    reach = _TOLD_REACH.get(unit, 0) if off >= 0 else _SHIFT_REACH
    if told_at is not None and m.start() - ctx.told_pos > reach:
        told_at = None  # told too long ago: "the previous month" of a statistic is the DCT's
    # "for the year", "the rest of the year": the year of the sentence's date, else the
    # DCT's ("levels of 2009. Crude rose over the first three months of the year")
    if (
        told_at is not None
        and det == "the"
        and not m.group("tl_pre")
        and T.last_sentence_end(ctx.text[ctx.told_pos : m.start()]) >= 0
    ):
        told_at = None
    if unit == "day":
        month = ctx.told
        if (
            off == 0
            and month is not None
            and month.granularity == Granularity.MONTH
            and ctx.told_pos > ctx.anchor_pos
            and m.start() - ctx.told_pos <= _SHIFT_REACH
        ):
            # "most recently last October, when a doctor was shot. His name was crossed
            # out that same day": a day of the month told last, not the DCT (1998-10-XX)
            return _mk(m, DATE, f"{month.date.year:04d}-{month.date.month:02d}-XX", RELATIVE)
        # the day named just before (the rule of "the next day"), else the DCT
        ref = ctx.reference(m.start())
        if ref is None:
            return _mk(m, DATE, "XXXX-XX-XX", RELATIVE)
        return _day(m, ref + dt.timedelta(days=off))
    if told_at is None or (unit in ("week", "month") and told_at.granularity == Granularity.YEAR):
        base = ctx.dct
    else:
        base = told_at.date
    if base is None:
        return _mk(m, DATE, {"week": "XXXX-WXX", "month": "XXXX-XX", "decade": "XXX"}.get(unit, "XXXX"), RELATIVE)
    if unit == "week":
        return _mk(m, DATE, R.iso_week(base + dt.timedelta(weeks=off)), RELATIVE)
    if unit == "month":
        value, point = R.month(*R.shift_month(base.year, base.month, off))
        return _mk(m, DATE, value, RELATIVE, point)
    if unit == "decade":  # "by the end of that decade", "the following decade": "198"
        return _mk(m, DATE, f"{(base.year + 10 * off) // 10:03d}", RELATIVE)
    value, yp = R.year(base.year + off)
    return _mk(m, DATE, value, RELATIVE, yp)


def _day(m: re.Match[str], d: dt.date) -> DateMention:
    value, point = R.day(d)
    return _mk(m, DATE, value, RELATIVE, point)


def _unended(quarter: tuple[int, int], d: dt.date) -> bool:
    """Whether ``quarter`` (year, 1-4) has not ended by ``d``."""
    return quarter >= (d.year, (d.month - 1) // 3 + 1)


def _last_quarter(d: dt.date) -> tuple[int, int]:
    """The quarter that ended last before ``d``."""
    q = (d.month - 1) // 3
    return (d.year - 1, 4) if q == 0 else (d.year, q)


def qref(m: re.Match[str], ctx: Context) -> DateMention | None:
    """``the quarter`` (the one named last, else the last ended), ``this quarter``
    (the DCT's), ``the year-ago quarter`` (the same quarter a year before);
    ``the latest period``, ``the year-earlier period`` and ``year-earlier``
    before a noun likewise when a quarter was just named."""
    det, mod = _norm(m.group("qr_det")), _norm(m.group("qr_mod"))
    year_ago = mod.startswith("year-") or bool(m.group("qr_mod2") or m.group("qr_adj") or m.group("qr_ago"))
    if not det and not year_ago:
        return None  # a bare "quarter" is a noun of many kinds ("the French quarter" has "the")
    near = ctx.quarter is not None and m.start() - ctx.quarter_pos <= _QUARTER_REACH
    if m.group("qr_adj") or m.group("qr_unit") == "period":
        # "a year-earlier loss", "the year-ago period": the year before, or the
        # quarter before when a quarter was just named; "the latest period" only then
        if not (near or year_ago):
            return None
        if not near:
            if ctx.dct is None:
                return _mk(m, DATE, "XXXX", RELATIVE)
            value, point = R.year(ctx.dct.year - 1)
            return _mk(m, DATE, value, RELATIVE, point)
    if ctx.dct is None:
        return _mk(m, DATE, "XXXX-QX", RELATIVE)
    if mod == "current" or (det == "this" and not near):
        y, q = ctx.dct.year, (ctx.dct.month - 1) // 3 + 1
    elif ctx.quarter is not None and near and not (
        (mod in ("latest", "recent") or year_ago) and _unended(ctx.quarter, ctx.dct)
    ):
        # (the latest quarter has ended: not "a fourth-quarter charge" foreseen; and a
        # year-ago period is compared with results, of a quarter that has ended, not
        # with "the third quarter of 1990" forecast)
        y, q = ctx.quarter
    else:
        y, q = _last_quarter(ctx.dct)
    if (ended := quarter_ended(ctx, m.end())) is not None and not year_ago:
        y, q = ended
    elif year_ago:
        y -= 1
    elif mod in ("previous", "prior"):
        y, q = (y - 1, 4) if q == 1 else (y, q - 1)
    if m.group("qr_ord"):
        if not year_ago:
            return None  # "the third quarter" is the quarter rule's
        q = ORDINALS[m.group("qr_ord").lower()]
    if not year_ago:
        ctx.quarter, ctx.quarter_pos = (y, q), m.start()
    return _mk(m, DATE, f"{y}-Q{q}", RELATIVE)


_ENDED = re.compile(rf"\s*,?\s+(?:that\s+)?(?:ended|ending|ends|to)\s+(?P<mon>{_MONTHS_RE})\s*(?P<dom>[0-3]?\d)\b")


def quarter_ended(ctx: Context, pos: int) -> tuple[int, int] | None:
    """The quarter of "the quarter ended Sept. 30": the calendar quarter that most of
    the three months before that day fall in (a fiscal quarter ended July 31 is Q2)."""
    e = _ENDED.match(ctx.text, pos)
    if e is None or ctx.dct is None:
        return None
    mon, dom = _month_num(e.group("mon")), int(e.group("dom"))
    end = R.safe_date(R.year_for_month_day(ctx.dct, mon, dom, T.PAST), mon, dom)
    if end is None:
        return None
    mid = end - dt.timedelta(days=45)
    return mid.year, (mid.month - 1) // 3 + 1


def yquarter(m: re.Match[str], ctx: Context) -> DateMention | None:
    """``the 1988 quarter``, ``this year's third quarter``, ``the 1989 period``: the
    quarter named (or the one just named, in that year)."""
    if m.group("yq_year"):
        y: int | None = int(m.group("yq_year"))
    elif ctx.dct is not None:
        y = ctx.dct.year + {"this": 0, "last": -1, "next": 1}[m.group("yq_rel").lower()]
    else:
        y = None
    near = ctx.quarter is not None and m.start() - ctx.quarter_pos <= _QUARTER_REACH
    q = ORDINALS.get(m.group("yq_ord").lower()) if m.group("yq_ord") else None
    if m.group("yq_ord") and q is None:  # "firſt": a Unicode case fold of an ordinal
        return None
    if q is None and near:
        assert ctx.quarter is not None
        q = ctx.quarter[1]
    if y is None:
        return _mk(m, DATE, f"XXXX-Q{q}" if q else "XXXX", RELATIVE)
    if q is None:
        if m.group("yq_unit") == "period":
            value, point = R.year(y)
            return _mk(m, DATE, value, RELATIVE, point)
        return _mk(m, DATE, f"{y}-QX", RELATIVE)
    if m.group("yq_ord"):
        ctx.quarter, ctx.quarter_pos = (y, q), m.start()
    return _mk(m, DATE, f"{y}-Q{q}", RELATIVE)


def year_ago_quarter(ctx: Context, pos: int) -> str | None:
    """The year-earlier quarter when "a year ago" follows a quarter just named."""
    if ctx.quarter is None or pos - ctx.quarter_pos > _QUARTER_REACH:
        return None
    return f"{ctx.quarter[0] - 1}-Q{ctx.quarter[1]}"


def spoken_year(words: str) -> int | None:
    """``nineteen ninety-six`` -> 1996, ``two thousand and two`` -> 2002."""
    w = _norm(words).replace("-", " ").split()
    if w[:1] == ["nineteen"]:
        rest = _number(" ".join(w[1:]))
        return None if rest is None else 1900 + rest
    if w[:2] == ["two", "thousand"]:
        tail = [x for x in w[2:] if x != "and"]
        rest = _number(" ".join(tail)) if tail else 0
        return None if rest is None else 2000 + rest
    return None


# "for more than two thousand years": a count of units, not the year 2000
_UNIT_AFTER = re.compile(r"\s+(?i:years|months|weeks|days|hours|people|of)\b")


def spoken(m: re.Match[str], ctx: Context) -> DateMention | None:
    if m.group("sp_k") and not m.group("sp_y2") and (unit := _UNIT_AFTER.match(ctx.text, m.end())):
        if unit.group().strip().lower() != "years":
            return None
        # (TIMEX3 writes a duration in the unit told: P2000Y)
        return DateMention(ctx.text[m.start() : unit.end()], m.start(), unit.end(), DURATION, "P2000Y", "")
    if m.group("sp_c"):
        y = spoken_year(f"nineteen {m.group('sp_y')}")
    else:
        y = spoken_year(f"two thousand {m.group('sp_y2') or ''}")
    if y is None:
        return None
    value, point = R.year(y)
    if point is not None:
        ctx.told, ctx.told_pos = point, m.start()
    return _mk(m, DATE, value, EXPLICIT, point)

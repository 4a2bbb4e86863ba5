"""Handlers of calendar expressions: full and partial dates, months, years, decades, holidays."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from ..model import DateMention, Granularity
from . import resolve as R
from . import tenses as T
from .context import (
    _DAY_RANGE_END,
    _DAY_RANGE_START,
    _MONTH_CUE,
    _MONTHS_RE,
    _NOT_YEAR_BEFORE,
    _RANGE_YEAR,
    _WEEKDAY_BEFORE,
    DATE,
    DURATION,
    EXPLICIT,
    PARTIAL,
    RELATIVE,
    Context,
    _day_mention,
    _day_num,
    _mk,
    _month_num,
    _norm,
)
from .narrative import quarter_ended, spoken_year
from .patterns import ORDINALS, WEEKDAYS


def iso(m: re.Match[str], ctx: Context) -> DateMention | None:
    d = R.safe_date(int(m.group("iso_y")), int(m.group("iso_m")), int(m.group("iso_d")))
    return _day_mention(m, ctx, d, EXPLICIT) if d else None


def slash(m: re.Match[str], ctx: Context) -> DateMention | None:
    d = R.safe_date(int(m.group("sl_y")), int(m.group("sl_m")), int(m.group("sl_d")))
    return _day_mention(m, ctx, d, EXPLICIT) if d else None


def _partial_day(m: re.Match[str], ctx: Context, mon: int, dom: int) -> DateMention | None:
    if R.safe_date(2000, mon, dom) is None:  # 2000 is a leap year
        return None
    if ctx.dct is None:
        return _mk(m, DATE, f"XXXX-{mon:02d}-{dom:02d}", PARTIAL)
    wd = _WEEKDAY_BEFORE.search(ctx.text, max(0, m.start() - 14), m.start())
    if wd is not None:  # "Monday 23 August": the year whose 23 August is a Monday
        target = WEEKDAYS[wd.group(1).lower()]
        years = [
            y
            for y in (ctx.dct.year, ctx.dct.year - 1, ctx.dct.year + 1)
            if (c := R.safe_date(y, mon, dom)) is not None and c.weekday() == target
        ]
        if years:
            return _day_mention(m, ctx, dt.date(years[0], mon, dom), PARTIAL)
    frame = ctx.frame_at(m.start())  # "In 1967, the bridge opened on August 1": that year's
    y = frame if frame is not None else R.year_for_month_day(ctx.dct, mon, dom, ctx.tense(m))
    d = R.safe_date(y, mon, dom)
    return _day_mention(m, ctx, d, PARTIAL) if d else None


def _spanning(mention: DateMention | None, ctx: Context, start: int, end: int) -> DateMention | None:
    """``mention`` stretched over ``text[start:end]`` (a range of days it stands for)."""
    if mention is None:
        return None
    if ctx.anchor_pos == mention.start:
        ctx.anchor_pos = start
    if ctx.past_anchor_pos == mention.start:
        ctx.past_anchor_pos = start
    if ctx.full_anchor_pos == mention.start:
        ctx.full_anchor_pos = start
    return dataclasses.replace(mention, text=ctx.text[start:end], start=start, end=end)


_WEEK_OF = re.compile(r"\b[Tt]he\s+week\s+of\s+$")


def _week_of(mention: DateMention | None, ctx: Context) -> DateMention | None:
    """``the week of March 6``: the ISO week of the day (TimeML: 2000-W10)."""
    if mention is None or mention.time is None or mention.time.granularity is not Granularity.DAY:
        return mention
    w = _WEEK_OF.search(ctx.text, max(ctx.floor, mention.start - 16), mention.start)
    if w is None:
        return mention
    text = ctx.text[w.start() : mention.end]
    return DateMention(text, w.start(), mention.end, DATE, R.iso_week(mention.time.date), RELATIVE)


def dmy(m: re.Match[str], ctx: Context) -> DateMention | None:
    return _week_of(_dmy(m, ctx), ctx)


def _dmy(m: re.Match[str], ctx: Context) -> DateMention | None:
    mon, dom = _month_num(m.group("d_mon")), _day_num(m.group("d_day"))
    # "3-6 June 2011": the range's first day.
    r = _DAY_RANGE_START.search(ctx.text, max(ctx.floor, m.start() - 12), m.start())
    first = int(r.group("d")) if r is not None else dom
    if r is None or not first < dom or m.group().lower().startswith("the"):
        r, first = None, dom
    if m.group("d_year"):
        d = R.safe_date(int(m.group("d_year")), mon, first)
        mention = _day_mention(m, ctx, d, EXPLICIT) if d else None
    else:
        mention = _partial_day(m, ctx, mon, first)
    return _spanning(mention, ctx, r.start(), m.end()) if r is not None else mention


def _range_start(mon: int, dom: int, r: re.Match[str]) -> dt.date | None:
    """First day of "``mon`` ``dom`` - [month] day , year" (``r`` matched the rest)."""
    end_mon = _month_num(r.group("m")) if r.group("m") else mon
    end_day, year = int(r.group("d")), int(r.group("y"))
    if end_mon == mon and not dom < end_day:
        return None
    if R.safe_date(year, end_mon, end_day) is None:
        return None
    return R.safe_date(year - 1 if end_mon < mon else year, mon, dom)


def month(m: re.Match[str], ctx: Context) -> DateMention | None:
    return _week_of(_month(m, ctx), ctx)


# A march named: "the March for Life", "a March on Washington", "the ``March of the
# Combatant Mothers''" (a determiner or a quote before, a name after; not "the March of
# 1998", "the March to April period")
_A_MARCH = re.compile(
    r"\s+(?:for|of|on|against)\s+(?:the\s+|[Oo]ur\s+)?(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)[A-Z][a-z]"
)
_NOUN_BEFORE = re.compile(r"(?:\b(?:[Tt]he|an?|[Aa]nnual|[Yy]early)\s+|[`'\"]|'s\s+)$")


def _month(m: re.Match[str], ctx: Context) -> DateMention | None:
    name = m.group("mo_mon")
    mon = _month_num(name)
    if m.group("mo_day"):
        dom = _day_num(m.group("mo_day"))
        if m.group("mo_year"):
            d = R.safe_date(int(m.group("mo_year")), mon, dom)
            return _day_mention(m, ctx, d, EXPLICIT) if d else None
        r = _DAY_RANGE_END.match(ctx.text, m.end())
        if r is not None and (d := _range_start(mon, dom, r)) is not None:
            return _spanning(_day_mention(m, ctx, d, EXPLICIT), ctx, m.start(), r.end())
        return _partial_day(m, ctx, mon, dom)
    spoken_y = spoken_year(m.group("mo_spoken")) if m.group("mo_spoken") else None
    if m.group("mo_year2") or spoken_y:  # "January 1997", "January nineteen ninety-seven"
        value, point = R.month(spoken_y or int(m.group("mo_year2")), mon)
        ctx.told, ctx.told_pos = point, m.start()
        return _mk(m, DATE, value, EXPLICIT, point)
    mod, rng, rel = _norm(m.group("mo_mod")), m.group("mo_range"), m.group("mo_rel")
    if not (mod or rng or rel):
        if len(name) <= 4 and name not in ("May", "June", "July"):
            return None  # "Jan", "Dec." alone: a name or an abbreviation
        if name == "May" and not _MONTH_CUE.search(ctx.text, max(0, m.start() - 12), m.start()):
            return None
        if name == "March" and _A_MARCH.match(ctx.text, m.end()) and _NOUN_BEFORE.search(
            ctx.text, max(0, m.start() - 16), m.start()
        ):
            return None  # "the annual March for Life", "the ``March of the Mothers'': a march
    if not (mod or rng or rel) and (r := _RANGE_YEAR.match(ctx.text, m.end())):
        value, point = R.month(int(r.group(1)), mon)
        ctx.told, ctx.told_pos = point, m.start()
        return _mk(m, DATE, value, EXPLICIT, point)
    if ctx.dct is None:
        return _mk(m, DATE, f"XXXX-{mon:02d}", PARTIAL if not rel else RELATIVE)
    y = ctx.dct.year
    if rel:
        y += {"last": -1, "this": 0, "next": 1}[rel]
    elif mod in ("last", "this past"):
        y = y - 1 if mon >= ctx.dct.month else y
        if mod == "last" and R.shift_month(ctx.dct.year, ctx.dct.month, -1) == (y, mon):
            # the month just ended is "last month": "crashed last February" of a March
            # article is the February a year before (TimeBank, 1 of 1); "this past" is not
            y -= 1
    elif mod in ("next", "this coming"):
        y = y + 1 if mon <= ctx.dct.month else y
    elif (frame := ctx.frame_at(m.start())) is not None and mod not in ("this", "earlier this", "later this"):
        y = frame  # "In 2005 (Last year), the first lifts ran in early December": that year's
    elif mod not in ("this", "earlier this", "later this"):
        y = R.year_for_month_day(ctx.dct, mon, None, ctx.tense(m))
    value, point = R.month(y, mon)
    ctx.told, ctx.told_pos = point, m.start()
    return _mk(m, DATE, value, RELATIVE if (rel or mod in ("last", "next", "this past", "this coming")) else PARTIAL, point)


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                 "seventies": 7, "eighties": 8, "nineties": 9}  # fmt: skip
# "temperatures in the sixties", "highs in the eighties": degrees, not a decade
_DEGREES_BEFORE = re.compile(r"(?i:temperature|degree|highs?|lows?|thermometer)s?\b[^.]{0,30}$")


_POSSESSIVE_BEFORE = re.compile(r"\b(?i:his|her|their|my|your|our|its)\s+(?:(?:early|mid|late)[\s-]+)?$")


def decade(m: re.Match[str], ctx: Context) -> DateMention | None:
    full, short, word = m.group("dec_full"), m.group("dec_short"), m.group("dec_word")
    if word:
        if _DEGREES_BEFORE.search(ctx.text, max(0, m.start() - 50), m.start()):
            return None
        # the latest such decade that has begun by the DCT (the 1990s from 1998 or 2010)
        now = ctx.dct.year if ctx.dct else 1999
        y = (now // 100) * 100 + _DECADE_WORDS[word.lower()] * 10
        if y > now:
            y -= 100
        return _mk(m, DATE, f"{y // 10:03d}", EXPLICIT if ctx.dct is None else RELATIVE)
    if short and _POSSESSIVE_BEFORE.search(ctx.text, max(0, m.start() - 16), m.start()):
        return None  # "when he was in his 30s", "their early 20s": an age, not a decade
    y = int(full) if full else 1900 + int(short)
    return _mk(m, DATE, f"{y // 10:03d}", EXPLICIT)


def century(m: re.Match[str], ctx: Context) -> DateMention | None:
    return _mk(m, DATE, f"{int(m.group('cent')) - 1:02d}", EXPLICIT)


def ordday(m: re.Match[str], ctx: Context) -> DateMention | None:
    dom = int(m.group("od_day"))
    if ctx.dct is None:
        return _mk(m, DATE, f"XXXX-XX-{dom:02d}", PARTIAL)
    direction = ctx.tense(m)
    y, mo = ctx.dct.year, ctx.dct.month
    if direction == T.PAST and dom > ctx.dct.day + 2:
        y, mo = R.shift_month(y, mo, -1)
    elif direction == T.FUTURE and dom < ctx.dct.day - 2:
        y, mo = R.shift_month(y, mo, 1)
    d = R.safe_date(y, mo, dom)
    return _day_mention(m, ctx, d, PARTIAL) if d else None


# the date told last, as a month and a day written just before "and 25"
_MONTH_DAY_TOLD = re.compile(rf"(?:{_MONTHS_RE})\s*(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s+(?:and|or)\s+$")


def dayand(m: re.Match[str], ctx: Context) -> DateMention | None:
    """"April 24 and 25": TimeML tags the second day of a conjoined pair of dates
    as a DATE of its own, in the month (and year) of the first."""
    told = ctx.told
    if told is None or told.granularity is not Granularity.DAY or m.start() - ctx.told_pos > 24:
        return None
    if not _MONTH_DAY_TOLD.search(ctx.text, ctx.told_pos, m.start()):
        return None
    dom = _day_num(m.group("da_day"))
    y = int(m.group("da_year")) if m.group("da_year") else told.date.year
    d = R.safe_date(y, told.date.month, dom)
    if d is None or (y == told.date.year and dom <= told.date.day):
        return None
    return _day_mention(m, ctx, d, EXPLICIT if m.group("da_year") else PARTIAL)


# Figures of a quarter are published after it: "Figures for the fourth quarter will be
# published later this month" (in January) are last year's, whatever the tense
_REPORT_FOR = re.compile(r"\b(?:[Ff]igures|[Rr]esults|[Ee]arnings|[Dd]ata|[Nn]umbers|[Aa]ccounts)\s+(?:for|from|of)\s+(?:the\s+)?$")


def quarter(m: re.Match[str], ctx: Context) -> DateMention | None:
    """A quarter of the year. Without a year it is the DCT's year's, except a
    quarter that has not begun at the DCT, in a clause not about the future:
    that is last year's (a report in February on "the fourth quarter")."""
    q = ORDINALS.get(m.group("q_ord").lower())
    if q is None:  # "firſt": a Unicode case fold of an ordinal
        return None
    if m.group("q_year"):
        ctx.quarter, ctx.quarter_pos = (int(m.group("q_year")), q), m.start()
        return _mk(m, DATE, f"{m.group('q_year')}-Q{q}", EXPLICIT)
    if ctx.dct is None:
        return _mk(m, DATE, f"XXXX-Q{q}", RELATIVE)
    rel = m.group("q_rel")
    y = ctx.dct.year + {"last": -1, "next": 1}.get(rel or "", 0)
    anchor = None
    if rel is None and (ended := quarter_ended(ctx, m.end())) is not None:
        # "the fourth quarter ended Sept. 30" (a fiscal quarter): its year; what
        # follows ("a year earlier") compares calendar quarters
        y, anchor = ended[0], ended
    elif rel is None and 3 * q - 2 > ctx.dct.month and (
        ctx.tense(m) != T.FUTURE or _REPORT_FOR.search(ctx.text, max(0, m.start() - 30), m.start())
    ):
        y -= 1
    ctx.quarter, ctx.quarter_pos = anchor or (y, q), m.start()
    return _mk(m, DATE, f"{y}-Q{q}", RELATIVE)


def year(m: re.Match[str], ctx: Context) -> DateMention | None:
    if _NOT_YEAR_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start()):
        return None  # "Resolution 1973", "Flight 1549"
    value, point = R.year(int(m.group("y_year")))
    if point is not None:
        ctx.told, ctx.told_pos = point, m.start()
        ctx.open_frame(m, point.date.year)
        half = _norm(m.group("y_range"))
        if "half" in half:  # "the first half of 1989" (TimeML: 1989-H1)
            value = f"{value}-H{1 if 'first' in half else 2}"
    return _mk(m, DATE, value, EXPLICIT, point)


_SINCE_BEFORE = re.compile(r"\b[Ss]ince\s+$")


def yearend(m: re.Match[str], ctx: Context) -> DateMention | None:
    """``year-end``, ``the end (beginning, middle) of the year``, ``the end of this month``, ``the full year``:
    the DCT's year or
    month (TimeML: the year's value with mod END), the one before after "since" or,
    for the year, when a past clause is told in its first two months. ``the fiscal
    year ended June 30``: a year's DURATION, ``P1Y``."""
    if m.group("ye_fy"):
        return DateMention(m.group("ye_fy"), m.start("ye_fy"), m.end("ye_fy"), DURATION, "P1Y")
    unit = "year" if m.group("ye_word") or m.group("ye_full") else m.group("ye_unit")
    half = m.group("ye_half")
    if half and unit != "year":
        return None  # "the first half of the month": no TIMEX3 value
    if ctx.dct is None:
        return _mk(m, DATE, {"year": "XXXX", "month": "XXXX-XX"}.get(unit, "XXXX-WXX"), RELATIVE)
    back = _SINCE_BEFORE.search(ctx.text, max(0, m.start() - 8), m.start()) is not None
    if unit == "week":  # "by the end of the week": the DCT's (ISO) week
        return _mk(m, DATE, R.iso_week(ctx.dct - dt.timedelta(weeks=back)), RELATIVE)
    if unit == "month":
        value, point = R.month(*R.shift_month(ctx.dct.year, ctx.dct.month, -back))
        return _mk(m, DATE, value, RELATIVE, point)
    edge = _norm(m.group("ye_edge") or "end")
    if not back and not half and edge in ("end", "close") and ctx.dct.month <= 2 and ctx.tense(m) in (T.PAST, T.REPORTED):
        back = True
    value, point = R.year(ctx.dct.year - back)
    if half:  # "the second half of the year": 2010-H2
        return _mk(m, DATE, f"{value}-H{1 if half.lower() == 'first' else 2}", RELATIVE)
    return _mk(m, DATE, value, RELATIVE, point)


def _holiday_date(name: str, y: int) -> dt.date:
    name = _norm(name)
    if name.startswith("christmas"):
        return dt.date(y, 12, 24 if name.endswith("eve") else 25)
    if name.startswith("easter"):
        return R.easter(y)
    if name.startswith("new year"):
        return dt.date(y, 12, 31) if name.endswith("eve") else dt.date(y, 1, 1)
    if name.startswith("halloween"):
        return dt.date(y, 10, 31)
    if name.startswith("valentine"):
        return dt.date(y, 2, 14)
    first = dt.date(y, 11, 1)  # Thanksgiving: fourth Thursday of November
    return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)


def holiday(m: re.Match[str], ctx: Context) -> DateMention | None:
    name = m.group("hol")
    if m.group("hol_year"):
        d, kind = _holiday_date(name, int(m.group("hol_year"))), EXPLICIT
    elif ctx.dct is None:
        if m.group("hol_week"):
            return _mk(m, DATE, "XXXX-WXX", PARTIAL)
        d = _holiday_date(name, 2001)
        return _mk(m, DATE, f"XXXX-{d.month:02d}-{d.day:02d}", PARTIAL)
    else:
        d = _holiday_date(name, ctx.dct.year)
        y = R.year_for_month_day(ctx.dct, d.month, d.day, ctx.tense(m))
        d, kind = _holiday_date(name, y), PARTIAL
    if m.group("hol_week"):  # "Easter week", "Christmas week": the (ISO) week of the day
        return _mk(m, DATE, R.iso_week(d), kind)
    return _day_mention(m, ctx, d, kind)

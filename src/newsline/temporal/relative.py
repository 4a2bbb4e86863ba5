"""Handlers of expressions relative to the DCT or to the last day mentioned."""

from __future__ import annotations

import datetime as dt
import re

from ..model import DateMention, Granularity, TimePoint
from . import resolve as R
from . import tenses as T
from .context import (
    _DATE_AFTER,
    _NEXT_DAY_OR,
    _SEASON_START,
    DATE,
    DURATION,
    EXPLICIT,
    RELATIVE,
    SET,
    TIME,
    Context,
    _mk,
    _mkv,
    _month_num,
    _norm,
    _number,
)
from .liveblog import in_update_stamp, stamp_weekday_date
from .narrative import spoken_year, year_ago_quarter
from .patterns import PARTS_OF_DAY, SEASONS, WEEKDAYS
from .periods import _unit


def _narrative_reference(m: re.Match[str], ctx: Context) -> dt.date | None:
    """The day "a day earlier", "two days later", "the next day" count from: the day
    named just before, else the DCT; in a clause told in the past, not a day that
    lies ahead (:meth:`Context.past_reference`)."""
    ref = ctx.anchored(m.start())
    if ref is not None and ctx.dct is not None and ref > ctx.dct and ctx.tense(m) == T.PAST:
        return ctx.past_reference(m.start())
    return ref if ref is not None else ctx.dct


def ago(m: re.Match[str], ctx: Context) -> DateMention | None:
    n, unit, direction = _number(m.group("ago_n")), _unit(m.group("ago_unit")), m.group("ago_dir")
    ref = ctx.dct if direction == "ago" else _narrative_reference(m, ctx)
    told_gran = None
    if direction != "ago" and unit in ("month", "year", "decade") and (told := ctx.told_at(m.start(), 600)):
        ref = told  # "In 1969 ... more than a year later": from the date told, not the DCT
        told_gran = ctx.told.granularity if ctx.told is not None else None
    if n is None:
        if direction == "ago":
            return _mk(m, DATE, "PAST_REF", RELATIVE)
        return _mk(m, DATE, "FUTURE_REF" if direction == "later" else "PAST_REF", RELATIVE)
    sign = 1 if direction == "later" else -1
    if ref is None:
        code = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX"}.get(unit, "XXXX")
        return _mk(m, DATE, code, RELATIVE)
    if unit == "day":
        return _mkv(m, R.day(ref + dt.timedelta(days=sign * n)), RELATIVE)
    if unit == "week":
        return _mk(m, DATE, R.iso_week(ref + dt.timedelta(weeks=sign * n)), RELATIVE)
    if unit == "month":
        return _mkv(m, R.month(*R.shift_month(ref.year, ref.month, sign * n)), RELATIVE)
    if unit == "decade":
        return _mk(m, DATE, f"{(ref.year + sign * 10 * n) // 10:03d}", RELATIVE)
    if n == 1 and sign < 0 and (q := year_ago_quarter(ctx, m.start())) is not None:
        return _mk(m, DATE, q, RELATIVE)  # "the third quarter ... a year earlier"
    if told_gran is Granularity.MONTH:  # "sales in June were up on a year earlier": June before
        return _mkv(m, R.month(*R.shift_month(ref.year, ref.month, 12 * sign * n)), RELATIVE)
    if told_gran is Granularity.DAY and n == 1:  # "on 3 May 2008 ... a year later": 3 May 2009
        return _mkv(m, R.day(R.add_years(ref, sign * n)), RELATIVE)
    if n == 1 and direction == "ago" and m.group("ago_n").lower() in ("a", "one"):
        return _mkv(m, R.day(R.add_years(ref, sign)), RELATIVE)
    return _mkv(m, R.year(ref.year + sign * n), RELATIVE)


_OFFSET = {
    "last": -1, "past": -1, "previous": -1, "the past": -1, "the last": -1,
    "the previous": -1, "this past": -1, "late last": -1, "early last": -1,
    "earlier last": -1, "this": 0, "current": 0, "the current": 0, "earlier this": 0,
    "later this": 0, "early this": 0, "late this": 0, "next": 1, "coming": 1,
    "the next": 1, "the coming": 1, "this coming": 1, "early next": 1, "late next": 1,
    "later next": 1, "the following": 1,
}  # fmt: skip


# "for the last decade", "over the last decade": a stretch of time, not a calendar decade
_DURATIVE_BEFORE = re.compile(r"\b(?:[Ff]or|[Oo]ver|[Dd]uring|[Tt]hroughout|[Aa]cross)\s+$")


def relunit(m: re.Match[str], ctx: Context) -> DateMention | None:
    mod = _norm(m.group("ru_mod"))
    off, unit = _OFFSET[mod], m.group("ru_unit").lower()
    if unit == "decade" and mod in ("the past", "this past", "past", "the last", "last") and (
        "past" in mod or _DURATIVE_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start())
    ):
        # "the past decade" is the ten years up to the DCT (TimeBank: "over the past decade"
        # P10Y), which a calendar decade ("200") matches only in its first years; "the last
        # decade" is one too after a durative preposition, else the decade before ("in the
        # last decade" of a 1989 article: the 1980s, TimeBank "198")
        return _mk(m, DURATION, "P10Y")
    if unit == "century" and mod in ("the past", "this past", "past"):
        # likewise "the past century": the hundred years up to the DCT ("one of the events
        # of the past century" of a 1989 article is no 1800s), unlike "last century"
        return _mk(m, DURATION, "P100Y")
    if m.group("ru_fiscal") and unit != "year":
        return None  # "this fiscal year" only
    dct = ctx.dct
    if dct is None:
        code = {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX"}
        return _mk(m, DATE, code.get(unit, "XXXX"), RELATIVE)
    if unit == "week":
        return _mk(m, DATE, R.iso_week(dct + dt.timedelta(weeks=off)), RELATIVE)
    if unit == "weekend":
        return _mk(m, DATE, R.iso_week(dct + dt.timedelta(weeks=off)) + "-WE", RELATIVE)
    if unit == "month":
        return _mkv(m, R.month(*R.shift_month(dct.year, dct.month, off)), RELATIVE)
    if unit == "decade":
        return _mk(m, DATE, f"{(dct.year + 10 * off) // 10:03d}", RELATIVE)
    if unit == "century":
        return _mk(m, DATE, f"{dct.year // 100 + off:02d}", RELATIVE)
    ctx.open_frame(m, dct.year + off)  # "Last year, the first lifts ran in early December"
    return _mkv(m, R.year(dct.year + off), RELATIVE)


# "planned" a few words before the weekday, not of a plan told over ("had planned"), and
# the other plans told in the past: "was set to become a hurricane on Tuesday", "was
# originally scheduled for Friday"
_PLANNED_BEFORE = re.compile(
    r"(?:(?<!\bhad\s)(?<!\bpreviously\s)\bplanned|\b(?:was|were)\s+set\s+to"
    r"|\b(?:originally|initially)\s+(?:been\s+)?(?:due|scheduled|set|slated|planned|expected))"
    r"(?:\s+[\w'.-]+){0,8}?\s+$"
)
_PLAN_WORDS = ("planned", "set to", "originally", "initially")
# "Friday next week", "Monday last week", "Tuesday this week": that week's weekday
_WEEK_AFTER = re.compile(r"\s+(next|last|this)\s+week\b")
_WEEK_STEP = {"next": 1, "last": -1, "this": 0}
_WD_DIRECTION = {
    "last": T.PAST, "this past": T.PAST, "next": T.FUTURE, "this coming": T.FUTURE,
    "coming": T.FUTURE,
}  # fmt: skip


def weekday(m: re.Match[str], ctx: Context) -> DateMention | None:
    wd = WEEKDAYS[m.group("wd_day").lower()]
    pod, at = m.group("wd_pod"), m.group("wd_clock")
    suffix = f"T{PARTS_OF_DAY[pod.lower()]}" if pod else ""
    if at:  # "noon Saturday", "midnight Friday"
        suffix = "T12:00" if at.lower() == "noon" else "T24:00"
    if m.group("wd_pl") or m.group("wd_pods"):  # "Fridays", "Tuesday nights"
        return _mk(m, SET, f"XXXX-WXX-{wd + 1}{suffix}")
    type_ = TIME if suffix else DATE
    if ctx.dct is None:
        return _mk(m, type_, f"XXXX-WXX-{wd + 1}{suffix}", RELATIVE)
    after = _DATE_AFTER.match(ctx.text, m.end())
    if after is not None:  # "Thursday, April 28": the day of the date that follows
        mon = _month_num(after.group("m1") or after.group("m2"))
        dom = int(after.group("d1") or after.group("d2"))
        y = int(after.group("y")) if after.group("y") else None
        if y is None and R.safe_date(2000, mon, dom):
            # "Monday 23 August": the year whose 23 August is a Monday, else by tense
            years = [c for c in (ctx.dct.year, ctx.dct.year - 1, ctx.dct.year + 1)
                     if (cd := R.safe_date(c, mon, dom)) is not None and cd.weekday() == wd]  # fmt: skip
            y = years[0] if years else R.year_for_month_day(ctx.dct, mon, dom, ctx.tense(m))
        d = R.safe_date(y, mon, dom) if y else None
        # (TimeML tags "Monday, Oct. 26" as one expression, HeidelTime and many
        # annotators as two; the date stays a mention of its own)
        if d is not None:
            value, point = R.day(d)
            return _mk(m, type_, value + suffix, RELATIVE, point)
    mod = _norm(m.group("wd_mod"))
    week = _WEEK_AFTER.match(ctx.text, m.end()) if not mod else None
    if week is not None:
        monday = ctx.dct - dt.timedelta(days=ctx.dct.weekday())
        d = monday + dt.timedelta(days=7 * _WEEK_STEP[week.group(1).lower()] + wd)
        value, point = R.day(d)
        return _mk(m, type_, value + suffix, RELATIVE, point)
    if mod in ("the previous", "the preceding", "the following"):
        # the weekday before or after the day just told ("the previous Friday")
        ref = ctx.reference(m.start()) or ctx.dct
        step = -1 if mod != "the following" else 1
        d = ref + dt.timedelta(days=step * ((step * (wd - ref.weekday())) % 7 or 7))
        value, point = R.day(d)
        return _mk(m, type_, value + suffix, RELATIVE, point)
    direction = _WD_DIRECTION.get(mod)
    if direction is None and in_update_stamp(ctx.text, m.start()):
        d = stamp_weekday_date(ctx.dct, wd)
        value, point = R.day(d)
        return _mk(m, type_, value + suffix, RELATIVE, point)
    if direction is None:
        # "Thursday's meetings": the verb after a possessive is not its verb
        possessive = ctx.text.startswith(" 's", m.end()) or ctx.text.startswith("'s", m.end())
        # (positional, and the right side's as a default: the cache key of the clue's tense)
        args = (ctx.text, m.start(), m.end()) + ((False,) if possessive else ())
        direction = T.weekday_tense(*args)
    d = R.weekday_date(ctx.dct, wd, direction)
    lo = max(0, m.start() - 80)
    before = ctx.text[lo : m.start()]
    if direction != T.FUTURE and any(w in before for w in _PLAN_WORDS) and _PLANNED_BEFORE.search(ctx.text, lo, m.start()):
        # a plan told in the past ("planned to leave on Sunday", "planned a rally on
        # Saturday") may lie on either side of the DCT: the nearest such weekday
        ahead = R.weekday_date(ctx.dct, wd, T.FUTURE)
        if (ahead - ctx.dct).days < (ctx.dct - d).days:
            d = ahead
    if d == ctx.dct and mod in ("last", "next"):
        d += dt.timedelta(days=7 if mod == "next" else -7)
    value, point = R.day(d)
    ctx.set_anchor(d, m.start())
    return _mk(m, type_, value + suffix, RELATIVE, point)


_DEICTIC = {"today": 0, "tonight": 0, "overnight": 0, "yesterday": -1, "tomorrow": 1}


# a preposition of time before, or the start of a sentence ("Mid-morning, talks ended")
_MID_PREP = re.compile(r"(?:\b(?:at|by|in|until|till|before|after|around|about|since|from|toward)\s+|^|[.!?]\s+)$", re.I)


def _mid_part_of_day(m: re.Match[str], ctx: Context) -> DateMention | None:
    """"by mid-afternoon", "at mid-morning yesterday": a TIME of that day, else of the
    day told just before, else the DCT's (TIMEX3 writes the part of the day: ``TAF``)."""
    if not _MID_PREP.search(ctx.text, max(0, m.start() - 10), m.start()):
        return None  # "a mid-morning snack": an adjective
    code = PARTS_OF_DAY[m.group("dx_pod3").lower()]
    if ctx.dct is None:
        return _mk(m, TIME, f"XXXX-XX-XXT{code}", RELATIVE)
    word = m.group("dx_day")
    d = ctx.dct + dt.timedelta(days=_DEICTIC[word.lower()]) if word else ctx.reference(m.start()) or ctx.dct
    value, point = R.day(d)
    return _mk(m, TIME, f"{value}T{code}", RELATIVE, point)


def deictic(m: re.Match[str], ctx: Context) -> DateMention | None:
    if m.group("dx_mid"):
        return _mid_part_of_day(m, ctx)
    word = m.group("dx_word")
    if word:
        word = word.lower()
        off = _DEICTIC[word] + {"the day before": -1, "the day after": 1}.get(
            _norm(m.group("dx_mod")), 0
        )
        pod = m.group("dx_pod")
        code = "NI" if word in ("tonight", "overnight") else (PARTS_OF_DAY[pod] if pod else "")
    else:
        mod, pod = _norm(m.group("dx_this")), m.group("dx_pod2").lower()
        off = -1 if "last" in mod and pod != "night" else 0
        code = PARTS_OF_DAY[pod]
        if "last" in mod and pod == "night":
            off = -1
    type_ = TIME if code else DATE
    suffix = f"T{code}" if code else ""
    if ctx.dct is None:
        return _mk(m, type_, f"XXXX-XX-XX{suffix}", RELATIVE)
    value, point = R.day(ctx.dct + dt.timedelta(days=off))
    return _mk(m, type_, value + suffix, RELATIVE, point)


def weekend(m: re.Match[str], ctx: Context) -> DateMention | None:
    if ctx.dct is None:
        return _mk(m, DATE, "XXXX-WXX-WE", RELATIVE)
    dct = ctx.dct
    if dct.weekday() < 5 and ctx.tense(m) != T.FUTURE:
        dct -= dt.timedelta(weeks=1)
    return _mk(m, DATE, R.iso_week(dct) + "-WE", RELATIVE)


def season(m: re.Match[str], ctx: Context) -> DateMention | None:
    code = SEASONS[m.group("se_name").lower()]
    y_told = int(m.group("se_year")) if m.group("se_year") else None
    if m.group("se_spoken"):  # "the winter of nineteen ninety-four"
        y_told = spoken_year(m.group("se_spoken"))
    if y_told is not None:
        return _mk(m, DATE, f"{y_told:04d}-{code}", EXPLICIT)
    if ctx.dct is None:
        return _mk(m, DATE, f"XXXX-{code}", RELATIVE)
    mod, y, start = _norm(m.group("se_mod")), ctx.dct.year, _SEASON_START[code]
    if mod in ("last", "this past"):
        y = y if start < ctx.dct.month else y - 1
    elif mod in ("next", "the coming"):
        y = y if start > ctx.dct.month else y + 1
    return _mk(m, DATE, f"{y}-{code}", RELATIVE)


_ANAPHOR = {
    "the next day": (1, ""), "the following day": (1, ""),
    "the previous day": (-1, ""), "the same day": (0, ""),
    "the next morning": (1, "MO"), "the following morning": (1, "MO"),
    "the day before": (-1, ""), "the day after": (1, ""),
}  # fmt: skip


def anaphor(m: re.Match[str], ctx: Context) -> DateMention | None:
    off, code = _ANAPHOR[_norm(m.group("an_word") or m.group("an_rel"))]
    type_ = TIME if code else DATE
    suffix = f"T{code}" if code else ""
    ref = _narrative_reference(m, ctx)
    if _NEXT_DAY_OR.match(ctx.text, m.end()):  # "in the next day or two": from now
        ref = ctx.dct
    if ref is None:
        return _mk(m, type_, f"XXXX-XX-XX{suffix}", RELATIVE)
    value, point = R.day(ref + dt.timedelta(days=off))
    return _mk(m, type_, value + suffix, RELATIVE, point)


# a preposition of time before "noon", "midday", "midnight" ("High Noon" is a film)
_NOON_PREP = re.compile(r"\b(?:at|by|until|till|before|after|around|about|since|from|past|toward)\s+$", re.I)


def noon(m: re.Match[str], ctx: Context) -> DateMention | None:
    """"at noon", "by midday", "after midnight": a TIME of the day told just before,
    else of the DCT (TIMEX3: noon and midday ``T12:00``, midnight ``T24:00``)."""
    if not _NOON_PREP.search(ctx.text, max(0, m.start() - 10), m.start()):
        return None
    hhmm = "T24:00" if m.group("nn_word") == "midnight" else "T12:00"
    if ctx.dct is None:
        return _mk(m, TIME, f"XXXX-XX-XX{hhmm}")
    ref = ctx.reference(m.start()) or ctx.dct
    point = TimePoint(ref, Granularity.DAY) if ref != ctx.dct else None
    return _mk(m, TIME, ref.isoformat() + hhmm, RELATIVE if point else "", point)


def clock(m: re.Match[str], ctx: Context) -> DateMention | None:
    if m.group("cl_h2"):
        # "at 4 in the morning" (T04:00), "at 3 in the afternoon" (T15:00), "at 11 at night"
        hh, mm = int(m.group("cl_h2")), 0
        pm = m.group("cl_pod") in ("afternoon", "evening") or (bool(m.group("cl_night")) and hh >= 6)
        hh = (hh % 12) + (12 if pm else 0)
    elif m.group("cl_hm"):
        hh, mm = int(m.group("cl_hm")[:2]), int(m.group("cl_hm")[2:])
    else:
        hh, mm = int(m.group("cl_h")), int(m.group("cl_m") or 0)
        if hh > 12:
            return None
        pm = m.group("cl_ap") == "p"
        hh = (hh % 12) + (12 if pm else 0)
    hhmm = f"T{hh:02d}:{mm:02d}"
    if ctx.dct is None:
        return _mk(m, TIME, f"XXXX-XX-XX{hhmm}")
    word = (m.group("cl_wd") or "").lower()
    point: TimePoint | None = None
    d = ctx.dct  # a clock time alone is on the day told just before, else the DCT's
    if (ref := ctx.reference(m.start())) is not None and ref != ctx.dct:
        d, point = ref, TimePoint(ref, Granularity.DAY)
    if word in WEEKDAYS:
        if in_update_stamp(ctx.text, m.start()):
            d = stamp_weekday_date(ctx.dct, WEEKDAYS[word])
        else:
            d = R.weekday_date(ctx.dct, WEEKDAYS[word], T.weekday_tense(ctx.text, m.start(), m.end()))
        point = TimePoint(d, Granularity.DAY)
    elif word:
        d = ctx.dct + dt.timedelta(days=_DEICTIC[word])
        point = TimePoint(d, Granularity.DAY)
    elif m.group("cl_mon"):  # "5 p.m. EST Nov. 9"
        mon, dom = _month_num(m.group("cl_mon")), int(m.group("cl_dom").rstrip("stndrh"))
        # (a full date after the clock, "7am, June 16, 2010", stays a DATE of its own)
        if (day := R.safe_date(R.year_for_month_day(ctx.dct, mon, dom, ctx.tense(m)), mon, dom)) is not None:
            d, point = day, TimePoint(day, Granularity.DAY)
    return _mk(m, TIME, d.isoformat() + hhmm, RELATIVE if point else "", point)

"""One handler per rule of :data:`patterns.MASTER`: a match -> a DateMention (or None).

Handlers read the named groups of their rule, anchor relative expressions
to the document creation time (DCT) or to the last date the text mentioned,
and choose past or future readings with :func:`resolve.tense`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..model import DateMention, Granularity, TimePoint, TimexType
from . import resolve as R
from .patterns import MONTHS, NUMBERS, ORDINALS, PARTS_OF_DAY, SEASONS, VAGUE_NUMBERS, WEEKDAYS

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
_NEXT_DAY_OR = re.compile(r"\s+or\s+(?:two|so)\b")
_NOT_YEAR_BEFORE = re.compile(r"(?:[Rr]esolution|No\.|[Nn]umber|[Ff]light|[Rr]oute|[Ss]ection)\s+$")


@dataclass(slots=True)
class Context:
    """What handlers know besides the match: the text, the DCT, the last day mentioned."""

    text: str
    dct: dt.date | None
    anchor: dt.date | None = None
    anchor_pos: int = -(10**9)

    def reference(self, pos: int) -> dt.date | None:
        """The last day mentioned if it is close before ``pos``, else the DCT."""
        if self.anchor is not None and pos - self.anchor_pos <= _ANCHOR_REACH:
            return self.anchor
        return self.dct

    def tense(self, m: re.Match[str]) -> int:
        return R.tense(self.text, m.start(), m.end())


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
        ctx.anchor, ctx.anchor_pos = d, m.start()
    return _mk(m, DATE, value, kind, point)


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
        years = [y for y in (ctx.dct.year, ctx.dct.year - 1, ctx.dct.year + 1)
                 if (c := R.safe_date(y, mon, dom)) is not None and c.weekday() == target]
        if years:
            return _day_mention(m, ctx, dt.date(years[0], mon, dom), PARTIAL)
    y = R.year_for_month_day(ctx.dct, mon, dom, ctx.tense(m))
    d = R.safe_date(y, mon, dom)
    return _day_mention(m, ctx, d, PARTIAL) if d else None


def dmy(m: re.Match[str], ctx: Context) -> DateMention | None:
    mon, dom = _month_num(m.group("d_mon")), _day_num(m.group("d_day"))
    if m.group("d_year"):
        d = R.safe_date(int(m.group("d_year")), mon, dom)
        return _day_mention(m, ctx, d, EXPLICIT) if d else None
    return _partial_day(m, ctx, mon, dom)


def month(m: re.Match[str], ctx: Context) -> DateMention | None:
    name = m.group("mo_mon")
    mon = _month_num(name)
    if m.group("mo_day"):
        dom = _day_num(m.group("mo_day"))
        if m.group("mo_year"):
            d = R.safe_date(int(m.group("mo_year")), mon, dom)
            return _day_mention(m, ctx, d, EXPLICIT) if d else None
        return _partial_day(m, ctx, mon, dom)
    if m.group("mo_year2"):
        value, point = R.month(int(m.group("mo_year2")), mon)
        return _mk(m, DATE, value, EXPLICIT, point)
    mod, rng, rel = _norm(m.group("mo_mod")), m.group("mo_range"), m.group("mo_rel")
    if not (mod or rng or rel):
        if len(name) <= 4 and name not in ("May", "June", "July"):
            return None  # "Jan", "Dec." alone: a name or an abbreviation
        if name == "May" and not _MONTH_CUE.search(ctx.text, max(0, m.start() - 12), m.start()):
            return None
    if not (mod or rng or rel) and (r := _RANGE_YEAR.match(ctx.text, m.end())):
        value, point = R.month(int(r.group(1)), mon)
        return _mk(m, DATE, value, EXPLICIT, point)
    if ctx.dct is None:
        return _mk(m, DATE, f"XXXX-{mon:02d}", PARTIAL if not rel else RELATIVE)
    y = ctx.dct.year
    if rel:
        y += {"last": -1, "this": 0, "next": 1}[rel]
    elif mod == "last":
        y = y - 1 if mon >= ctx.dct.month else y
    elif mod == "next":
        y = y + 1 if mon <= ctx.dct.month else y
    elif mod not in ("this", "earlier this", "later this"):
        y = R.year_for_month_day(ctx.dct, mon, None, ctx.tense(m))
    value, point = R.month(y, mon)
    return _mk(m, DATE, value, RELATIVE if (rel or mod in ("last", "next")) else PARTIAL, point)


def decade(m: re.Match[str], ctx: Context) -> DateMention | None:
    full, short = m.group("dec_full"), m.group("dec_short")
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
    if direction == R.PAST and dom > ctx.dct.day + 2:
        y, mo = R.shift_month(y, mo, -1)
    elif direction == R.FUTURE and dom < ctx.dct.day - 2:
        y, mo = R.shift_month(y, mo, 1)
    d = R.safe_date(y, mo, dom)
    return _day_mention(m, ctx, d, PARTIAL) if d else None


def quarter(m: re.Match[str], ctx: Context) -> DateMention | None:
    q = ORDINALS[m.group("q_ord").lower()]
    if m.group("q_year"):
        return _mk(m, DATE, f"{m.group('q_year')}-Q{q}", EXPLICIT)
    if ctx.dct is None:
        return _mk(m, DATE, f"XXXX-Q{q}", RELATIVE)
    y = ctx.dct.year + {"last": -1, "next": 1}.get(m.group("q_rel") or "", 0)
    return _mk(m, DATE, f"{y}-Q{q}", RELATIVE)


def year(m: re.Match[str], ctx: Context) -> DateMention | None:
    if _NOT_YEAR_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start()):
        return None  # "Resolution 1973", "Flight 1549"
    value, point = R.year(int(m.group("y_year")))
    return _mk(m, DATE, value, EXPLICIT, point)


_UNIT_CODE = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W",
    "weekend": "W", "month": "M", "year": "Y", "decade": "DE", "century": "CE",
    "centuries": "CE",
}  # fmt: skip


def _unit(s: str) -> str:
    s = s.lower()
    return "century" if s.startswith("centur") else s.rstrip("s")


def ago(m: re.Match[str], ctx: Context) -> DateMention | None:
    n, unit, direction = _number(m.group("ago_n")), _unit(m.group("ago_unit")), m.group("ago_dir")
    ref = ctx.dct if direction == "ago" else ctx.reference(m.start())
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
    if n == 1 and m.group("ago_n").lower() in ("a", "one"):
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


def relunit(m: re.Match[str], ctx: Context) -> DateMention | None:
    off, unit = _OFFSET[_norm(m.group("ru_mod"))], m.group("ru_unit").lower()
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
    return _mkv(m, R.year(dct.year + off), RELATIVE)


_WD_DIRECTION = {
    "last": R.PAST, "this past": R.PAST, "next": R.FUTURE, "this coming": R.FUTURE,
    "coming": R.FUTURE,
}  # fmt: skip


def weekday(m: re.Match[str], ctx: Context) -> DateMention | None:
    wd = WEEKDAYS[m.group("wd_day").lower()]
    pod = m.group("wd_pod")
    suffix = f"T{PARTS_OF_DAY[pod.lower()]}" if pod else ""
    if m.group("wd_pl"):
        return _mk(m, SET, f"XXXX-WXX-{wd + 1}{suffix}")
    type_ = TIME if pod else DATE
    if ctx.dct is None:
        return _mk(m, type_, f"XXXX-WXX-{wd + 1}{suffix}", RELATIVE)
    after = _DATE_AFTER.match(ctx.text, m.end())
    if after is not None:  # "Thursday, April 28": the day of the date that follows
        mon = _month_num(after.group("m1") or after.group("m2"))
        dom = int(after.group("d1") or after.group("d2"))
        y = int(after.group("y")) if after.group("y") else None
        if y is None and R.safe_date(2000, mon, dom):
            y = R.year_for_month_day(ctx.dct, mon, dom, ctx.tense(m))
        d = R.safe_date(y, mon, dom) if y else None
        if d is not None:
            value, point = R.day(d)
            return _mk(m, type_, value + suffix, RELATIVE, point)
    mod = _norm(m.group("wd_mod"))
    direction = _WD_DIRECTION.get(mod)
    if direction is None:
        # "Thursday's meetings": the verb after a possessive is not its verb
        possessive = ctx.text.startswith(" 's", m.end()) or ctx.text.startswith("'s", m.end())
        direction = R.tense(ctx.text, m.start(), m.end(), right_side=not possessive)
    d = R.weekday_date(ctx.dct, wd, direction)
    if d == ctx.dct and mod in ("last", "next"):
        d += dt.timedelta(days=7 if mod == "next" else -7)
    value, point = R.day(d)
    ctx.anchor, ctx.anchor_pos = d, m.start()
    return _mk(m, type_, value + suffix, RELATIVE, point)


_DEICTIC = {"today": 0, "tonight": 0, "overnight": 0, "yesterday": -1, "tomorrow": 1}


def deictic(m: re.Match[str], ctx: Context) -> DateMention | None:
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
    if dct.weekday() < 5 and ctx.tense(m) != R.FUTURE:
        dct -= dt.timedelta(weeks=1)
    return _mk(m, DATE, R.iso_week(dct) + "-WE", RELATIVE)


def season(m: re.Match[str], ctx: Context) -> DateMention | None:
    code = SEASONS[m.group("se_name").lower()]
    if m.group("se_year"):
        return _mk(m, DATE, f"{m.group('se_year')}-{code}", EXPLICIT)
    if ctx.dct is None:
        return _mk(m, DATE, f"XXXX-{code}", RELATIVE)
    mod, y, start = _norm(m.group("se_mod")), ctx.dct.year, _SEASON_START[code]
    if mod in ("last", "this past"):
        y = y if start < ctx.dct.month else y - 1
    elif mod in ("next", "the coming"):
        y = y if start > ctx.dct.month else y + 1
    return _mk(m, DATE, f"{y}-{code}", RELATIVE)


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
        return _day_mention(m, ctx, _holiday_date(name, int(m.group("hol_year"))), EXPLICIT)
    if ctx.dct is None:
        d = _holiday_date(name, 2001)
        return _mk(m, DATE, f"XXXX-{d.month:02d}-{d.day:02d}", PARTIAL)
    d = _holiday_date(name, ctx.dct.year)
    y = R.year_for_month_day(ctx.dct, d.month, d.day, ctx.tense(m))
    return _day_mention(m, ctx, _holiday_date(name, y), PARTIAL)


_ANAPHOR = {
    "the next day": (1, ""), "the following day": (1, ""),
    "the previous day": (-1, ""), "the same day": (0, ""),
    "the next morning": (1, "MO"), "the following morning": (1, "MO"),
}  # fmt: skip


def anaphor(m: re.Match[str], ctx: Context) -> DateMention | None:
    off, code = _ANAPHOR[_norm(m.group("an_word"))]
    type_ = TIME if code else DATE
    suffix = f"T{code}" if code else ""
    ref = ctx.reference(m.start())
    if _NEXT_DAY_OR.match(ctx.text, m.end()):  # "in the next day or two": from now
        ref = ctx.dct
    if ref is None:
        return _mk(m, type_, f"XXXX-XX-XX{suffix}", RELATIVE)
    value, point = R.day(ref + dt.timedelta(days=off))
    return _mk(m, type_, value + suffix, RELATIVE, point)


def _period(n: int | None, unit: str) -> str:
    code = _UNIT_CODE[unit]
    count = "X" if n is None else str(n)
    if unit == "hour" and n is not None and n % 24 == 0:
        return f"P{n // 24}D"
    if unit in ("second", "minute", "hour"):
        return f"PT{count}{code}"
    return f"P{count}{code}"


def set_(m: re.Match[str], ctx: Context) -> DateMention | None:
    adv = m.group("set_adv")
    if adv:
        code = {"annually": "XXXX", "yearly": "XXXX", "monthly": "XXXX-XX", "weekly": "XXXX-WXX"}
        return _mk(m, SET, code.get(adv.lower(), "XXXX-QX"))
    unit = m.group("set_unit") or m.group("set_unit2")
    low = unit.lower()
    if low in WEEKDAYS:
        return _mk(m, SET, f"XXXX-WXX-{WEEKDAYS[low] + 1}")
    if low in SEASONS:
        return _mk(m, SET, f"XXXX-{SEASONS[low]}")
    n = _number(m.group("set_n")) if m.group("set_n") else 1
    return _mk(m, SET, _period(n, _unit(unit)))


def duration(m: re.Match[str], ctx: Context) -> DateMention | None:
    n = _number(m.group("du_n"))
    return _mk(m, DURATION, _period(n, _unit(m.group("du_unit"))))


_REF = {"recent": "PAST_REF", "recently": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF"}


def ref(m: re.Match[str], ctx: Context) -> DateMention | None:
    word = _norm(m.group("ref_word"))
    if word.startswith("recent"):
        value = "PAST_REF"
    elif "coming" in word or "future" in word or "possible" in word:
        value = "FUTURE_REF"
    else:
        value = _REF.get(word, "PRESENT_REF")
    return _mk(m, DATE, value, RELATIVE)


def clock(m: re.Match[str], ctx: Context) -> DateMention | None:
    if m.group("cl_hm"):
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
    d = ctx.dct
    if word in WEEKDAYS:
        d = R.weekday_date(ctx.dct, WEEKDAYS[word], ctx.tense(m))
        point = TimePoint(d, Granularity.DAY)
    elif word:
        d = ctx.dct + dt.timedelta(days=_DEICTIC[word])
        point = TimePoint(d, Granularity.DAY)
    return _mk(m, TIME, d.isoformat() + hhmm, RELATIVE if point else "", point)


HANDLERS: dict[str, Handler] = {
    "iso": iso, "slash": slash, "clock": clock, "dmy": dmy, "month": month,
    "decade": decade, "century": century, "ordday": ordday, "quarter": quarter,
    "year": year, "ago": ago, "relunit": relunit, "weekday": weekday, "deictic": deictic,
    "weekend": weekend, "season": season, "holiday": holiday, "anaphor": anaphor,
    "set": set_, "duration": duration, "ref": ref,
}  # fmt: skip

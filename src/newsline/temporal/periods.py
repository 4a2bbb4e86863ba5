"""Handlers of durations, sets and vague references (PRESENT_REF, PAST_REF ...)."""

from __future__ import annotations

import re

from ..model import DateMention
from .context import (
    DATE,
    DURATION,
    RELATIVE,
    SET,
    Context,
    _mk,
    _norm,
    _number,
)
from .patterns import MONTHS, SEASONS, WEEKDAYS

_UNIT_CODE = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W",
    "weekend": "W", "month": "M", "year": "Y", "decade": "DE", "century": "CE",
    "centuries": "CE",
}  # fmt: skip


def _unit(s: str) -> str:
    s = s.lower()
    return "century" if s.startswith("centur") else s.rstrip("s")


# Half a unit in the next smaller one: "2 1/2 years" is P2Y6M, "5 1/2 hours" PT5H30M.
_HALF = {"year": "6M", "month": "15D", "day": "T12H", "hour": "30M",
         "minute": "30S", "second": ""}  # fmt: skip


_HALF_OF = {"century": "P50Y", "decade": "P5Y", "year": "P6M", "month": "P15D", "day": "PT12H",
            "hour": "PT30M", "minute": "PT30S"}  # fmt: skip
_QUARTER_OF = {"century": "P25Y", "year": "P3M", "hour": "PT15M"}


def _period(n: int | None, unit: str, half: bool = False) -> str:
    """The TIMEX3 value of ``n`` units: P3D, PT2H, P1Y6M (``half``), PXY (``n`` None).
    Decades and centuries are written in years, as TimeBank does (P20Y, P100Y); hours
    stay hours (PT48H), but for the idiom "24 hours" (P1D)."""
    if unit == "weekend":
        # a weekend is two days, not a week (AQUAINT's gold: "the weekend" P2D)
        return "PXD" if n is None else f"P{2 * n}D"
    code = _UNIT_CODE[unit]
    count = "X" if n is None else str(n)
    if unit in ("decade", "century"):
        if n is not None:
            return f"P{n * (10 if unit == 'decade' else 100)}Y"
        return "PXY" if unit == "decade" else "PXC"
    if unit == "hour" and n == 24 and not half:
        # "24 hours" is news English for a day (TimeBank: "the last twenty four hours"
        # P1D); other counts keep the unit written: "at least 72 hours" PT72H
        return "P1D"
    extra = _HALF.get(unit, "") if half and n is not None else ""
    if unit in ("second", "minute", "hour"):
        return f"PT{count}{code}{extra}"
    return f"P{count}{code}{extra}"


def set_(m: re.Match[str], ctx: Context) -> DateMention | None:
    adv = m.group("set_adv")
    if adv:
        if adv.lower() == "daily" and _NEWSPAPER_AFTER.match(ctx.text, m.end()):
            return None  # "the Communist Party daily Granma", "the daily said": a newspaper
        if adv.lower() not in _RECURRING and _DETERMINER_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start()):
            return None  # "its quarterly dividend": an adjective of the noun, not a time
        # ("his daily life", "a daily rally", "his weekly radio address", "a monthly
        # schedule" recur every day, week or month: TimeML keeps them, AQUAINT's gold too;
        # TimeBank leaves out "its quarterly dividend", a report's period)
        return _mk(m, SET, _ADVERB[adv.lower()])
    unit = m.group("set_unit") or m.group("set_unit2")
    low = unit.lower()
    if low in WEEKDAYS:
        return _mk(m, SET, f"XXXX-WXX-{WEEKDAYS[low] + 1}")
    if low in SEASONS:
        return _mk(m, SET, f"XXXX-{SEASONS[low]}")
    if low[:3] in MONTHS and low[:1].isalpha() and unit[:1].isupper():  # "each July"
        return _mk(m, SET, f"XXXX-{MONTHS[low[:3]]:02d}")
    n = _number(m.group("set_n")) if m.group("set_n") else 1
    return _mk(m, SET, _period(n, _unit(unit)))


def duration(m: re.Match[str], ctx: Context) -> DateMention | None:
    if _norm(m.group("du_pre") or "") == "the" and (
        "-" in m.group() or _AGO_AFTER.match(ctx.text, m.end())
    ):
        return None  # "the 14-day period", "the two days later": the article stays out
    if _AGE_AFTER.match(ctx.text, m.end()):
        return None  # "a 52-year-old teacher": an age, which TimeML corpora leave out
    if (
        m.group("du_unit").lower() == "second"
        and m.group("du_n").lower() in ("a", "an")
        and _ORDINAL_SECOND.match(ctx.text, m.end())
    ):
        return None  # "a second betrayal", "A second group": an ordinal
    if _norm(m.group()) == "one day" and _MODAL_BEFORE.search(ctx.text, max(0, m.start() - 12), m.start()):
        return _mk(m, DATE, "FUTURE_REF", RELATIVE)  # "will one day be": some day, not a day long
    frac = "half" if _norm(m.group("du_pre") or "") == "half" else m.group("du_frac")
    if frac == "half" and _norm(m.group("du_n")) == "a dozen":
        return _mk(m, DURATION, _period(6, _unit(m.group("du_unit"))))  # "half a dozen years"
    if frac:
        # half a century (P50Y), a half-century, half an hour (PT30M), a quarter century (P25Y)
        part = (_HALF_OF if frac == "half" else _QUARTER_OF).get(_unit(m.group("du_unit")))
        if part is None or m.group("du_n").lower() not in ("a", "an"):
            return None
        return _mk(m, DURATION, part)
    n = _number(m.group("du_n"))
    if m.group("du_n").lower() in ("a", "an") and not m.group("du_pre") and _RATE_BEFORE.search(
        ctx.text, max(0, m.start() - 30), m.start()
    ):
        return _mk(m, SET, _period(1, _unit(m.group("du_unit"))))  # "$2 million a year": a rate
    half = bool(m.group("du_half") or m.group("du_half2"))
    return _mk(m, DURATION, _period(n, _unit(m.group("du_unit")), half))


def bare(m: re.Match[str], ctx: Context) -> DateMention | None:
    """``for years``, ``over months``, ``decades-long``: an unspecified number of units
    (PXY, PXM); ``day-long``: one (P1D)."""
    if m.group("bare_long"):
        word = m.group("bare_long").lower()
        n = _number(m.group("bare_n")) if m.group("bare_n") else None if word.endswith("s") else 1
        return _mk(m, DURATION, _period(n, _unit(word)))
    return _mk(m, DURATION, _period(None, _unit(m.group("bare_unit") or m.group("bare_the"))))


# A name or a verb of reporting after "daily": the noun, a newspaper
_NEWSPAPER_AFTER = re.compile(
    r"\s+(?:(?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b)"
    r"[A-Z][a-z]|(?:said|says|reported|reports|wrote|quoted|cited)\b)"
)
_RECURRING = frozenset({"daily", "weekly", "monthly"})
_ADVERB = {"annually": "P1Y", "yearly": "P1Y", "monthly": "P1M", "weekly": "P1W", "daily": "P1D",
           "hourly": "PT1H", "quarterly": "P3M"}  # fmt: skip
_DETERMINER_BEFORE = re.compile(
    r"\b(?:[Ii]ts|[Tt]he|an?|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur|first|initial|regular)\s+$"
)
# A quantity before "a year" / "a day" makes it a rate ("$35 a night", "700 seats a week",
# "interviews a day"): TimeML's SET.
_RATE_BEFORE = re.compile(
    r"(?:\d|\b(?:million|billion|thousand|hundred|percent|cents|dollars)"
    r"|\b(?!(?:was|has|does|takes|lasts|gets|needs|spends|goes|comes|makes|plus|thus|this|its|his"
    r"|hers|ours|yours|theirs|as|us|less|across|always|perhaps|sometimes|besides)\s)[a-z]{2,}[^s\W]s)\s+$"
)
_MODAL_BEFORE = re.compile(r"\b(?:will|would|could|may|might|can|shall|'ll)\s+$")
_AGE_AFTER = re.compile(r"[\s-]+old\b")
_AGO_AFTER = re.compile(r"\s+(?:ago|later|earlier)\b")
# "a second" before a noun is an ordinal; a time unit goes on with a preposition or ends
_ORDINAL_SECOND = re.compile(
    r"\s+(?!(?:or|and|of|to|in|on|at|for|than|later|earlier|ago|after|before|when|the|a|an|but)\b)[a-z]"
)
# "recent weeks", "the coming years": an unspecified number of units (TimeML: a DURATION)
_VAGUE_UNITS = re.compile(r"(?:recent|coming)\s+(day|week|month|year|decade)s$")

_REF = {"recent": "PAST_REF", "recently": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF"}


# a sentence's first word, set off by a comma: "Now, the guild said, ..."
_SENTENCE_START = re.compile(r"(?:^|[.!?]['\"`]*\s+|\n\s*)['\"`]*$")


_MOST_BEFORE = re.compile(r"\b[Mm]ost\s+$")
# a date right after: "most recently in May", "most recently last October", "on Sunday"
_TIME_AFTER = re.compile(
    r"\s*,?\s*(?:(?:in|on|at|during)\s+)?(?:last|this|earlier|(?:1[5-9]|20)\d\d\b"
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?(?:\s|,|$))"
)


def ref(m: re.Match[str], ctx: Context) -> DateMention | None:
    word = _norm(m.group("ref_word"))
    if (
        m.group() == "Now"
        and ctx.text.startswith(",", m.end())
        and _SENTENCE_START.search(ctx.text, max(0, m.start() - 4), m.start())
    ):
        return None  # the discourse marker ("Now, he says, ..."), not the time adverb
    if (
        word == "recently"
        and _MOST_BEFORE.search(ctx.text, max(0, m.start() - 6), m.start())
        and _TIME_AFTER.match(ctx.text, m.end())
    ):
        return None  # "five times this year, most recently in May": an order, the date follows
    if (units := _VAGUE_UNITS.search(word)) is not None:
        return _mk(m, DURATION, _period(None, units.group(1)))
    if word.endswith("past") or word.startswith("recent") or word.startswith("then"):
        # "the then current price": current at a past time ("then-current")
        value = "PAST_REF"
    elif "coming" in word or "future" in word or "possible" in word:
        value = "FUTURE_REF"
    else:
        value = _REF.get(word, "PRESENT_REF")
    return _mk(m, DATE, value, RELATIVE)

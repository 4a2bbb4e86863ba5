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
from .patterns import SEASONS, WEEKDAYS

_UNIT_CODE = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W",
    "weekend": "W", "month": "M", "year": "Y", "decade": "DE", "century": "CE",
    "centuries": "CE",
}  # fmt: skip


def _unit(s: str) -> str:
    s = s.lower()
    return "century" if s.startswith("centur") else s.rstrip("s")


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

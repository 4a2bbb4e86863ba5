"""The registry: rule name (a named group of ``patterns.MASTER``) -> handler."""

from __future__ import annotations

from .absolute import (
    century,
    dayand,
    decade,
    dmy,
    holiday,
    iso,
    month,
    ordday,
    quarter,
    slash,
    year,
    yearend,
)
from .context import Handler
from .narrative import qref, spoken, told, yquarter
from .periods import bare, duration, ref, set_
from .relative import ago, anaphor, clock, deictic, noon, relunit, season, weekday, weekend

HANDLERS: dict[str, Handler] = {
    "iso": iso, "slash": slash, "clock": clock, "dmy": dmy, "month": month,
    "decade": decade, "century": century, "ordday": ordday, "dayand": dayand, "quarter": quarter,
    "year": year, "ago": ago, "relunit": relunit, "weekday": weekday, "deictic": deictic,
    "weekend": weekend, "noon": noon, "season": season, "holiday": holiday, "anaphor": anaphor,
    "set": set_, "duration": duration, "ref": ref, "qref": qref, "spoken": spoken, "told": told,
    "bare": bare, "yquarter": yquarter, "yearend": yearend,
}  # fmt: skip

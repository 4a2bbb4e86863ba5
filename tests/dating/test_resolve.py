"""Resolution under uncertainty: an interval estimate never gives a precise wrong day."""

from __future__ import annotations

import datetime as dt

from newsline.dating.resolve import resolve
from newsline.model import DateEstimate, Granularity

TEXT = "The mayor resigned on Saturday. The flood of 4 June 2018 had ruined the town hall."


def by_text(mentions):  # type: ignore[no-untyped-def]
    return {m.text: m for m in mentions}


def test_day_estimate_resolves_relative_days() -> None:
    e = DateEstimate(dt.date(2018, 6, 12), dt.date(2018, 6, 12), dt.date(2018, 6, 12), "day", 0.9)
    got = by_text(resolve(TEXT, e))
    assert got["Saturday"].time is not None
    assert got["Saturday"].time.date == dt.date(2018, 6, 9)


def test_interval_estimate_gives_the_interval_precision() -> None:
    e = DateEstimate(dt.date(2018, 6, 10), dt.date(2018, 6, 20), dt.date(2018, 6, 12), "month", 0.8)
    got = by_text(resolve(TEXT, e))
    sat = got["Saturday"].time
    assert sat is not None and sat.granularity is Granularity.MONTH
    assert sat.date == dt.date(2018, 6, 1)
    # explicit dates do not depend on the estimate
    assert got["4 June 2018"].time is not None
    assert got["4 June 2018"].time.granularity is Granularity.DAY


def test_interval_across_months_falls_back_to_the_year_or_nothing() -> None:
    e = DateEstimate(dt.date(2018, 6, 25), dt.date(2018, 7, 20), dt.date(2018, 7, 1), "year", 0.8)
    sat = by_text(resolve(TEXT, e))["Saturday"].time
    assert sat is not None and sat.granularity is Granularity.YEAR
    e = DateEstimate(dt.date(2018, 12, 20), dt.date(2019, 1, 20), dt.date(2019, 1, 1), "year", 0.8)
    assert by_text(resolve(TEXT, e))["Saturday"].time is None

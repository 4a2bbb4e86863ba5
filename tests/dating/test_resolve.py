"""Resolution under uncertainty: an interval estimate never gives a precise wrong day."""

from __future__ import annotations

import datetime as dt

from newsline.dating.resolve import resolve
from newsline.model import DateEstimate, Granularity, TimePoint

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


def test_an_interval_leaves_the_day_of_a_time_or_a_week_unknown() -> None:
    """A time of day or a relative week (no calendar point) is not read against the
    interval's first day: what its two readings differ in stays X."""
    text = "At 3 p.m. the mayor resigned. The council will meet next week."
    e = DateEstimate(dt.date(2018, 6, 10), dt.date(2018, 6, 28), dt.date(2018, 6, 12), "month", 0.8)
    got = by_text(resolve(text, e))
    assert got["3 p.m."].value == "2018-06-XXT15:00"
    assert got["next week"].value == "2018-WXX"
    e = DateEstimate(dt.date(2018, 6, 12), dt.date(2018, 6, 12), dt.date(2018, 6, 12), "day", 0.9)
    assert by_text(resolve(text, e))["3 p.m."].value == "2018-06-12T15:00"


def test_a_month_day_keeps_its_day_in_a_year_estimate() -> None:
    text = (
        "The ferry sank on March 3. A new one was ordered on December 20, and it left on Saturday."
    )
    e = DateEstimate(dt.date(2015, 1, 1), dt.date(2015, 12, 31), dt.date(2015, 6, 1), "year", 0.8)
    got = by_text(resolve(text, e))
    march = got["March 3"].time
    assert march is not None and march.granularity is Granularity.DAY
    assert march.date == dt.date(2015, 3, 3)
    # late December lies in 2014 or 2015 for an article of some day in 2015: no day
    assert got["December 20"].time is None
    # a weekday has no day either without the publication day
    assert got["Saturday"].time is None


def test_a_month_day_outside_a_short_interval_is_read_once() -> None:
    text = "Talks that began on May 28 ended without a deal."
    e = DateEstimate(dt.date(2016, 6, 6), dt.date(2016, 6, 12), dt.date(2016, 6, 8), "week", 0.8)
    may = by_text(resolve(text, e))["May 28"].time
    assert may is not None and may.date == dt.date(2016, 5, 28)


def _interval_with(likely):  # type: ignore[no-untyped-def]
    return DateEstimate(
        dt.date(2018, 6, 1), dt.date(2018, 6, 20), dt.date(2018, 6, 11), "month", 0.8,
        likely=tuple((dt.date(2018, 6, d), p) for d, p in likely),
    )  # fmt: skip


def test_a_relative_day_most_likely_days_agree_on_keeps_its_day() -> None:
    # published Sunday 10, Monday 11 or Tuesday 12 June (.85): the Saturday before is the 9th
    e = _interval_with([(10, 0.3), (11, 0.4), (12, 0.15), (16, 0.15)])
    sat = by_text(resolve(TEXT, e))["Saturday"].time
    assert sat is not None and sat.granularity is Granularity.DAY
    assert sat.date == dt.date(2018, 6, 9)
    # without the likely days the interval ends disagree: no day
    sat = by_text(resolve(TEXT, e, likely=()))["Saturday"].time
    assert sat is None or sat.granularity is not Granularity.DAY


def test_a_relative_day_the_likely_days_split_on_keeps_the_coarse_reading() -> None:
    # .6 for the 9th, .4 for the 16th: below the day confidence
    e = _interval_with([(10, 0.3), (11, 0.3), (17, 0.4)])
    sat = by_text(resolve(TEXT, e))["Saturday"].time
    assert sat is None or sat.granularity is not Granularity.DAY
    # days not listed count against a reading: .7 listed, all agreeing, is not enough
    e = _interval_with([(10, 0.4), (11, 0.3)])
    sat = by_text(resolve(TEXT, e))["Saturday"].time
    assert sat is None or sat.granularity is not Granularity.DAY
    # and .8 is
    e = _interval_with([(10, 0.4), (11, 0.4)])
    assert by_text(resolve(TEXT, e))["Saturday"].time == TimePoint(dt.date(2018, 6, 9), Granularity.DAY)

"""Superseded plans and "a day earlier" in a past clause (issue 16, third round), on
sentences we wrote."""

from __future__ import annotations

import datetime as dt

from newsline.temporal import tag


def _values(text: str, dct: dt.date) -> dict[str, str]:
    return {m.text: m.value for m in tag(text, dct)}


def test_a_plan_told_as_superseded_takes_the_nearest_reading() -> None:
    # "was originally due": the plan no longer holds, its date may lie either side
    found = _values(
        "The minister will present the budget on October 31; it was originally due on November 23.",
        dt.date(2022, 10, 18),
    )
    assert found["November 23"] == "2022-11-23"  # was 2021-11-23 (read as a past)
    found = _values("The vote was originally scheduled for November 23.", dt.date(2010, 12, 2))
    assert found["November 23"] == "2010-11-23"  # was 2011-11-23 ("scheduled for" ahead)
    found = _values("The ferry, initially set for March 3, sailed late.", dt.date(2010, 3, 20))
    assert found["March 3"] == "2010-03-03"
    found = _values("The pilot was set to fly to Oslo on 5 May.", dt.date(2010, 5, 21))
    assert found["5 May"] == "2010-05-05"  # was 2011-05-05 ("set to" ahead)
    # a weekday after such a plan: the nearest one
    found = _values("The storm was set to reach the coast on Tuesday.", dt.date(2010, 6, 28))
    assert found["Tuesday"] == "2010-06-29"


def test_a_plan_still_told_or_over_keeps_its_reading() -> None:
    dct = dt.date(2010, 12, 2)
    assert _values("The payment was due on November 23 but never came.", dct)["November 23"] == "2010-11-23"
    assert _values("The hearing is set for January 4.", dct)["January 4"] == "2011-01-04"
    assert _values("The hearing was set for January 4.", dct)["January 4"] == "2011-01-04"
    assert _values("It had been due on November 29.", dct)["November 29"] == "2010-11-29"


def test_a_day_earlier_in_a_past_clause_skips_a_day_still_ahead() -> None:
    # the last day named ("until Friday") lies ahead: "had been chosen a day earlier"
    # counts from the story's day, Thursday
    text = (
        "Explosions hit three trains in the capital on Thursday. Services will stay"
        " suspended until Friday. The city had been chosen to host the Games only a day earlier."
    )
    found = _values(text, dt.date(2005, 7, 7))
    assert found["Friday"] == "2005-07-08"
    assert found["only a day earlier"] == "2005-07-06"  # was 2005-07-07
    text = "The army shelled the town on Monday. Talks resume on Friday. Rebels had left a day earlier."
    assert _values(text, dt.date(2005, 7, 7))["a day earlier"] == "2005-07-03"
    text = "The rebels took the town on July 4, 2005. Talks resume on Friday. The army had left two days earlier."
    assert _values(text, dt.date(2005, 7, 7))["two days earlier"] == "2005-07-02"


def test_a_day_later_counts_from_the_day_told_before() -> None:
    dct = dt.date(2005, 7, 7)
    # a clause ahead counts from the day ahead
    found = _values("Talks will resume on Friday. A day later, the envoys will leave.", dct)
    assert found["A day later"] == "2005-07-09"
    found = _values("The talks began on Monday. A day later, the rebels left.", dct)
    assert found["A day later"] == "2005-07-05"
    found = _values("The talks began on June 2, 2005. The next day, the rebels left.", dct)
    assert found["The next day"] == "2005-06-03"


def test_that_day_after_a_month_told_is_a_day_of_that_month() -> None:
    dct = dt.date(1999, 2, 6)
    text = "Two doctors were shot, most recently last October. His name was crossed out that same day."
    assert _values(text, dct)["that same day"] == "1998-10-XX"  # was the DCT
    # a day told after the month, or before it and nearer: that day
    text = "The mill burned in October. On Oct. 23 the owner fled. That same day, a fax came."
    assert _values(text, dct)["That same day"] == "1998-10-23"
    assert _values("The mill closed on Monday. That day, rain fell.", dct)["That day"] == "1999-02-01"


def test_that_decade_is_the_decade_of_the_year_told() -> None:
    text = "The firm was founded in 1984, and by the end of that decade it employed 500 people."
    assert _values(text, dt.date(2007, 1, 15))["that decade"] == "198"
    text = "He left the town in 1962; the following decade he came back."
    assert _values(text, dt.date(2007, 1, 15))["the following decade"] == "197"


def test_figures_for_a_quarter_are_published_after_it() -> None:
    dct = dt.date(2015, 1, 2)
    found = _values("Figures for the fourth quarter will be published later this month.", dct)
    assert found["the fourth quarter"] == "2014-Q4"  # was 2015-Q4 (read by the tense)
    assert _values("Sales will rise in the fourth quarter.", dct)["the fourth quarter"] == "2015-Q4"

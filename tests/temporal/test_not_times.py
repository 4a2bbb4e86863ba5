"""Words that look like times but are not, and recurrences and schedules read as TIMEX3
writes them (issue 16, third round), on sentences we wrote."""

from __future__ import annotations

import datetime as dt

from newsline.temporal import tag

FRI = dt.date(1998, 5, 1)  # a Friday


def _found(text: str, dct: dt.date = FRI) -> dict[str, tuple[str, str]]:
    return {m.text: (m.type.value, m.value) for m in tag(text, dct)}


def test_a_decade_after_a_possessive_is_an_age() -> None:
    assert _found("The baker, who is in his 30s, opened the shop.") == {}
    assert _found("Men in their early 20s guarded the mill.") == {}
    assert _found("She was in her mid-40s when she left.") == {}
    # the decade stays one elsewhere
    assert _found("The mill thrived in the 30s.")["the 30s"] == ("DATE", "193")
    assert _found("Prices rose in the late 1980s.")["the late 1980s"] == ("DATE", "198")


def test_two_thousand_years_is_a_duration_not_the_year_2000() -> None:
    found = _found("The guild has kept its secrets for more than two thousand years.")
    assert found == {"two thousand years": ("DURATION", "P2000Y")}
    assert _found("Two thousand people marched to the mill.") == {}
    assert _found("In the year two thousand, the mill closed.")["two thousand"] == ("DATE", "2000")


def test_a_march_named_is_no_month() -> None:
    assert _found("Thousands joined the annual March for Life downtown.") == {}
    assert _found("She walked at the head of the ``March of the Weavers.''") == {}
    assert _found("The March on the Capitol drew crowds.") == {}
    # the month: no determiner before, or a year or a month after
    assert _found("The guild moved in March to a new hall.")["March"] == ("DATE", "1998-03")
    assert _found("He left in March for Paris.")["March"] == ("DATE", "1998-03")
    assert _found("Rain fell in the March of 1997.")["March of 1997"] == ("DATE", "1997-03")


def test_a_daily_newspaper_is_no_recurrence() -> None:
    assert _found("The party daily Tribuna printed the letter.") == {}
    assert _found("The daily said the mill would close.") == {}
    assert _found("Crowds gather daily outside the mill.")["daily"] == ("SET", "P1D")


def test_weekly_and_monthly_before_a_noun_recur() -> None:
    # like "a daily rally": TimeML's SET; not "its quarterly dividend" (TimeBank leaves it)
    assert _found("The mayor spoke in his weekly radio address.")["weekly"] == ("SET", "P1W")
    assert _found("The paper moves to a monthly schedule.")["monthly"] == ("SET", "P1M")
    assert _found("The mill raised its quarterly dividend.") == {}


def test_a_meeting_or_visit_in_the_present_simple_before_a_weekday_lies_ahead() -> None:
    assert _found("The envoys meet separately Monday with the mediator.")["Monday"][1] == "1998-05-04"
    assert _found("When the ministers meet on Saturday, they must agree.")["Saturday"][1] == "1998-05-02"
    assert _found("The envoy travels Sunday to the capital.")["Sunday"][1] == "1998-05-03"
    # past, a noun, an infinitive: as before
    assert _found("The envoys met Monday with the mediator.")["Monday"][1] == "1998-04-27"
    assert _found("His visit Tuesday ended the talks.")["Tuesday"][1] == "1998-04-28"
    assert _found("The envoys agreed to meet Monday.")["Monday"][1] == "1998-05-04"


def test_mid_afternoon_is_a_time_of_the_day() -> None:
    assert _found("Shares fell by mid afternoon.")["mid afternoon"] == ("TIME", "1998-05-01TAF")
    found = _found("In London at mid-afternoon yesterday, shares fell.")
    assert found["mid-afternoon yesterday"] == ("TIME", "1998-04-30TAF")
    found = _found("The talks began on Monday and broke up by mid-morning.")
    assert found["mid-morning"] == ("TIME", "1998-04-27TMO")  # the day told
    assert _found("They shared a mid-morning snack.") == {}


def test_the_year_of_a_report_is_the_dct_s_or_the_sentence_s() -> None:
    dct = dt.date(1989, 11, 2)
    assert _found("Shares hit a high for the year of $42 in June.", dct)["the year"] == ("DATE", "1989")
    found = _found("Sales rose in the first nine months of the year.", dct)
    assert found["the year"] == ("DATE", "1989")
    assert _found("For the year, volume was flat.", dct)["the year"] == ("DATE", "1989")
    # a year told in the same sentence; not one told in the sentence before
    assert _found("In December 1988, prices rose 25% for the year.", dct)["the year"] == ("DATE", "1988")
    found = _found("Output fell to the levels of 1987. Crude rose over the rest of the year.", dct)
    assert found["the year"] == ("DATE", "1989")
    # a stretch ("for the year ended Sept. 30": P1Y), a generic year, "in the year" alone
    assert _found("For the year ended Sept. 30, sales rose.", dct)["the year"] == ("DURATION", "P1Y")
    assert "the year" not in _found("February is the snowiest month of the year.", dct)
    assert "the year" not in _found("He won the campaign of the year award.", dct)
    assert "the year" not in _found("Sales rose in the year.", dct)


def test_the_past_century_is_the_hundred_years_up_to_the_dct() -> None:
    # like "the past decade" (P10Y): not the calendar century before the DCT's (the 1800s)
    dct = dt.date(1989, 11, 2)
    found = _found("It was one of the great events of the past century.", dct)
    assert found["the past century"] == ("DURATION", "P100Y")
    assert _found("The mill was built last century.", dct)["last century"] == ("DATE", "18")


def test_a_weekend_lasts_two_days() -> None:
    assert _found("After a weekend of talks, the strike ended.")["a weekend"] == ("DURATION", "P2D")
    assert _found("The repairs took two weekends.")["two weekends"] == ("DURATION", "P4D")


def test_most_recently_before_a_date_orders_a_series() -> None:
    # the date that follows is the time; "recently" alone stays a PAST_REF
    found = _found("The bank cut rates five times this year, most recently in May.")
    assert "recently" not in found and found["May"] == ("DATE", "1998-05")
    assert "recently" not in _found("Three mills burned, most recently last October.")
    assert _found("He lost a brother and, most recently, his mother.")["recently"] == ("DATE", "PAST_REF")


def test_an_hour_in_the_morning_or_at_night_is_a_time() -> None:
    assert _found("The ferry will leave at 4 in the morning.")["4 in the morning"] == ("TIME", "1998-05-01T04:00")
    assert _found("The shop closes at 11 at night.")["11 at night"] == ("TIME", "1998-05-01T23:00")
    assert _found("They met by 3 in the afternoon.")["3 in the afternoon"] == ("TIME", "1998-05-01T15:00")
    assert _found("He sold 4 in the morning market.") == {}

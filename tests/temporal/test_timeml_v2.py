"""TimeML (TIMEX3) conventions added for issue 16's second round, on sentences we wrote."""

from __future__ import annotations

import datetime as dt

from newsline.temporal import tag

WED = dt.date(2010, 10, 27)  # a Wednesday


def _found(text: str, dct: dt.date | None = WED) -> dict[str, tuple[str, str, str]]:
    return {m.text: (m.type.value, m.value, m.kind) for m in tag(text, dct)}


def test_the_second_day_of_a_pair_of_dates_in_one_month() -> None:
    # "April 24 and 25": two DATEs, the second in the month of the first
    found = _found("The summit will be held on April 24 and 25. The guild will meet.")
    assert found["April 24"] == ("DATE", "2011-04-24", "partial")
    assert found["25"] == ("DATE", "2011-04-25", "partial")
    found = _found("The ferry sails on Nov. 5 or 6 in fair weather.")
    assert found["6"] == ("DATE", "2010-11-06", "partial")
    # a count after "and" is no day; nor is a day before the first one
    assert "25" not in _found("On April 24 and 25 people came to the mill.")
    assert "3" not in _found("The ferry sailed on Nov. 5 and 3 boats followed.")
    assert "3" not in _found("The ferry sailed on Nov. 5 and 3, the harbour said.")


def test_now_set_off_at_the_start_of_a_sentence_is_a_discourse_marker() -> None:
    found = _found('The mill was losing money. Now, the owner says, "it pays its way."')
    assert "Now" not in found
    found = _found("Now, let us see what the guild decides.")
    assert "Now" not in found
    # the time adverb stays a PRESENT_REF: without the comma, inside a clause, "for now,"
    assert _found("Now the mill pays its way.")["Now"][1] == "PRESENT_REF"
    assert _found("The mill, now, pays its way.")["now"][1] == "PRESENT_REF"
    assert _found("For now, the mill pays its way.")["now"][1] == "PRESENT_REF"


def test_noon_midday_and_midnight_alone_are_times_of_the_day() -> None:
    found = _found("The ferry was due to leave at midday, the harbour said.")
    assert found["midday"][:2] == ("TIME", "2010-10-27T12:00")
    found = _found("The guild met on Oct. 20 and broke up after midnight.")
    assert found["midnight"] == ("TIME", "2010-10-20T24:00", "relative")
    assert _found("The talks broke off at noon Friday.")["noon Friday"][:2] == ("TIME", "2010-10-22T12:00")
    # not a time of the day told: a title, an adjective
    assert _found("The film High Noon played at the mill.") == {}
    assert _found("The noon sun beat on the quay.") == {}


def test_the_week_of_a_holiday_is_its_iso_week() -> None:
    # "Easter week", like "the week of March 6", is the (ISO) week holding the day
    found = _found("Protesters prayed for help as Easter week began.", dt.date(2000, 4, 17))
    assert found["Easter week"] == ("DATE", "2000-W16", "partial")
    found = _found("The shops were busy in Christmas week 2009.")
    assert found["Christmas week 2009"] == ("DATE", "2009-W52", "explicit")
    assert _found("The guild met at Easter.")["Easter"][1] == "2010-04-04"


def test_in_the_past_before_a_clause_is_a_past_ref() -> None:
    assert _found("In the past it sold its mills to rivals.")["the past"][:2] == ("DATE", "PAST_REF")
    assert _found("The guild said in the past the owners had refused.")["the past"][1] == "PAST_REF"
    # "the past" modifying a unit keeps that reading
    assert _found("In the past year the mill grew.")["the past year"][:2] == ("DATE", "2009")
    assert _found("In the past two weeks it grew.")["the past two weeks"][:2] == ("DURATION", "P2W")


def test_these_days_and_then_current_are_vague_references() -> None:
    assert _found("Mills close less often these days.")["these days"][1] == "PRESENT_REF"
    assert _found("These days, the mill pays.")["These days"][1] == "PRESENT_REF"
    # "then current": current at a past time
    assert _found("Holders bought at half the then current price.")["then current"][1] == "PAST_REF"
    assert _found("Holders bought at half the then-current price.")["then-current"][1] == "PAST_REF"
    assert _found("Holders bought at half the current price.")["current"][1] == "PRESENT_REF"


def test_a_decade_in_words_is_the_latest_one_begun_by_the_dct() -> None:
    found = _found("Membership fell through the nineties.", dt.date(1998, 3, 3))
    assert found["the nineties"][:2] == ("DATE", "199")
    assert _found("The mill opened in the early sixties.")["the early sixties"][:2] == ("DATE", "196")
    assert _found("The guild grew in the twenties.", dt.date(2026, 1, 5))["the twenties"][1] == "202"
    # an age and a temperature are no decade
    assert _found("The owner is in his fifties.") == {}
    assert _found("Temperatures stayed in the sixties all week.") == {}


def test_a_bare_plural_unit_after_for_is_a_vague_duration() -> None:
    assert _found("For weeks the guild has marched.")["weeks"][:2] == ("DURATION", "PXW")
    assert _found("The city was ruled from abroad for centuries.")["centuries"][:2] == ("DURATION", "PXC")
    assert "weeks" not in _found("Weeks later the guild marched.")


def test_a_fiscal_year_or_quarter_is_written_as_the_year_or_quarter() -> None:
    found = _found("Sales in the current fiscal year rose, after fiscal 2009's fall.")
    assert found["the current fiscal year"][:2] == ("DATE", "2010")
    assert found["fiscal 2009"][:2] == ("DATE", "2009")
    assert _found("The mill lost money last fiscal year.")["last fiscal year"][:2] == ("DATE", "2009")
    found = _found("It earned more in the fiscal-first quarter than in the fiscal second quarter.")
    assert found["the fiscal-first quarter"][:2] == ("DATE", "2010-Q1")
    assert found["the fiscal second quarter"][:2] == ("DATE", "2010-Q2")
    assert _found("The guild met this fiscal month.") == {}


def test_the_year_ago_quarter_named_by_its_ordinal_is_that_quarter_a_year_before() -> None:
    found = _found("The mill earned $2 million in the year-ago third quarter.")
    assert found["the year-ago third quarter"][:2] == ("DATE", "2009-Q3")
    found = _found("Sales fell from the year-earlier fourth quarter.", dt.date(2011, 2, 1))
    assert found["the year-earlier fourth quarter"][:2] == ("DATE", "2009-Q4")
    assert _found("Profit rose in the third quarter.")["the third quarter"][:2] == ("DATE", "2010-Q3")


def test_earlier_in_the_year_is_the_year_told_or_the_dct() -> None:
    found = _found("Sales were delayed earlier in the year by rains.")
    assert found["earlier in the year"][:2] == ("DATE", "2010")
    found = _found("The mill shut in 2008. Later in the year it reopened.")
    assert found["Later in the year"][:2] == ("DATE", "2008")
    assert found["2008"][1] == "2008"
    assert _found("It was the best result in the year.") == {}


def test_over_the_years_and_trading_days_are_durations() -> None:
    assert _found("Over the years, the mill grew.")["the years"][:2] == ("DURATION", "PXY")
    assert "the years" not in _found("Over the years of war the mill grew.")
    found = _found("Eight trading days after the fall, the index rose.")
    assert found["Eight trading days"][:2] == ("DURATION", "P8D")


def test_a_duration_with_the_article_holds_it_in_its_span() -> None:
    assert _found("For the nine months, the mill's net rose.")["the nine months"][:2] == ("DURATION", "P9M")
    assert "the latest six months" in _found("In the latest six months it rose.")
    # an adjective of extent and a date counted from a point keep the article out
    assert _found("The guild set the 14-day period.")["14-day"][:2] == ("DURATION", "P14D")
    assert _found("The two days later were calm.")["two days later"][:2] == ("DATE", "2010-10-29")


def test_half_and_quarter_of_a_unit_and_dozens_are_counted() -> None:
    assert _found("The mill ran for half a century.")["half a century"][:2] == ("DURATION", "P50Y")
    assert _found("The talks took half an hour.")["half an hour"][:2] == ("DURATION", "PT30M")
    assert _found("The guild ruled for a quarter century.")["a quarter century"][:2] == ("DURATION", "P25Y")
    assert _found("The feud lasted a dozen years.")["a dozen years"][:2] == ("DURATION", "P12Y")
    assert _found("The feud lasted half a dozen years.")["half a dozen years"][:2] == ("DURATION", "P6Y")
    assert _found("The feud lasted dozens of years.")["dozens of years"][:2] == ("DURATION", "PXY")
    assert _found("The feud lasted a year and a half.")["a year and a half"][:2] == ("DURATION", "P1Y6M")


def test_the_beginning_middle_and_halves_of_this_year() -> None:
    assert _found("The mill opened at the beginning of the year.")["the beginning of the year"][:2] == ("DATE", "2010")
    assert _found("It rose in the middle of the month.")["the middle of the month"][:2] == ("DATE", "2010-10")
    found = _found("Sales rose in the second half of the year.")
    assert found["the second half of the year"][:2] == ("DATE", "2010-H2")
    assert _found("Sales rose in the first half of this year.")["the first half of this year"][1] == "2010-H1"
    assert _found("Sales rose in the first half of the month.") == {}
    # a year named after "the year" is that year's
    assert _found("It failed at the start of the year 2000.")["2000"][:2] == ("DATE", "2000")


def test_the_day_before_alone_counts_from_the_day_told() -> None:
    found = _found("The mill shut on Oct. 12. The day before, the guild had met.")
    assert found["The day before"][:2] == ("DATE", "2010-10-11")
    found = _found("The mill shut on Oct. 12 and the guild met the day after.")
    assert found["the day after"][:2] == ("DATE", "2010-10-13")
    # before an event it names no day we know
    assert "the day before" not in _found("The guild met the day before the vote.")
    assert _found("It came the day before yesterday.")["the day before yesterday"][1] == "2010-10-25"


def test_the_end_of_the_week_is_the_dct_week() -> None:
    assert _found("The deadline is the end of the week.")["the end of the week"][:2] == ("DATE", "2010-W43")
    assert _found("The mill shuts by the end of this week.")["the end of this week"][1] == "2010-W43"


def test_the_fall_ending_a_phrase_is_the_season() -> None:
    assert _found("The guild will vote in the fall.")["the fall"][:2] == ("DATE", "2010-FA")
    assert _found("In the fall, the guild votes.")["the fall"][1] == "2010-FA"
    assert _found("The mill runs until the fall elections.")["the fall"][1] == "2010-FA"
    # a fall of something is no season
    assert _found("The guild met after the fall of the regime.") == {}
    assert _found("Shares rose in the fall in prices.") == {}


def test_a_weekday_of_the_week_named_after_it() -> None:
    # the week is the DCT's ISO week (Mon 25 - Sun 31 October 2010), or the one after or before
    assert _found("The ferry's licence runs out on Friday next week.")["Friday"][1] == "2010-11-05"
    assert _found("The mill closed on Monday last week after the flood.")["Monday"][1] == "2010-10-18"
    assert _found("The guild meets Tuesday this week to vote.")["Tuesday"][1] == "2010-10-26"
    # a comma ends the weekday's phrase: the next week is another time
    assert _found("The vote came on Friday, next week the count.")["Friday"][1] == "2010-10-22"

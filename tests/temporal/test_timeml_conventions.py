"""TimeML conventions (TempEval-3): values, types and anaphora, on sentences we wrote."""

from __future__ import annotations

import datetime as dt

import pytest

from newsline.temporal import tag

FRI = dt.date(2010, 1, 15)  # a Friday early in the year


def _found(text: str, dct: dt.date | None = FRI) -> dict[str, tuple[str, str]]:
    return {m.text: (m.type.value, m.value) for m in tag(text, dct)}


@pytest.mark.parametrize(
    ("sentence", "expr", "type_", "value"),
    [
        # "one day" after a modal is some day ahead, not a day long
        ("The guild says the town will one day be a port.", "one day", "DATE", "FUTURE_REF"),
        ("The strike will last one day at most.", "one day", "DURATION", "P1D"),
        # durations as TimeML writes them
        ("The talks went on for 72 hours without a break.", "72 hours", "DURATION", "PT72H"),
        ("The crossing takes 2 1/2 hours in calm weather.", "2 1/2 hours", "DURATION", "PT2H30M"),
        ("The strike lasted a year and a half in all.", "a year and a half", "DURATION", "P1Y6M"),
        ("The ferry needs three days to reach the island.", "three days", "DURATION", "P3D"),
        ("Rebuilding took two decades after the flood.", "two decades", "DURATION", "P20Y"),
        ("The reef has been studied for years by divers.", "years", "DURATION", "PXY"),
        # ... and after a verb of extent
        ("Mending the dam could take weeks, engineers say.", "weeks", "DURATION", "PXW"),
        ("The guild spent months on the new hall.", "months", "DURATION", "PXM"),
        ("Prices have climbed in recent weeks at the market.", "recent weeks", "DURATION", "PXW"),
        (
            "Demand will grow in the coming years, the guild says.",
            "the coming years",
            "DURATION",
            "PXY",
        ),
        ("They signed a two-year lease on the mill.", "two-year", "DURATION", "P2Y"),
        # sets
        ("The baker delivers daily to the school.", "daily", "SET", "P1D"),
        ("Readings are taken hourly at the dam.", "hourly", "SET", "PT1H"),
        ("The council meets every month in the hall.", "every month", "SET", "P1M"),
        ("The market opens every Monday at dawn.", "every Monday", "SET", "XXXX-WXX-1"),
        ("The club reports quarterly to its members.", "quarterly", "SET", "P3M"),
        # quarters and vague references
        ("The bakery chain said third-quarter profit fell.", "third-quarter", "DATE", "2009-Q3"),
        (
            "Sales in the fourth quarter were weak, it said.",
            "the fourth quarter",
            "DATE",
            "2009-Q4",
        ),
        ("Nobody knows what the future holds for the mill.", "the future", "DATE", "FUTURE_REF"),
        # "the past decade" is the ten years up to the DCT; "the last decade" too after a
        # durative preposition, else the calendar decade before the DCT's
        ("Rents have doubled over the past decade in the port.", "the past decade", "DURATION", "P10Y"),
        ("The past decade was a hard one for the mill.", "The past decade", "DURATION", "P10Y"),
        ("The mill was busy for the last decade, its owner says.", "the last decade", "DURATION", "P10Y"),
        ("The mill was built in the last decade.", "the last decade", "DATE", "200"),
        # spoken years, as in broadcast transcripts
        (
            "The bridge was finished in nineteen ninety-six after delays.",
            "nineteen ninety-six",
            "DATE",
            "1996",
        ),
        (
            "The dam opened in the year two thousand to great fanfare.",
            "two thousand",
            "DATE",
            "2000",
        ),
        ("The flood came in March nineteen ninety-six. Then", "March nineteen ninety-six", "DATE", "1996-03"),
        ("Prices fell in the winter of nineteen ninety-four.", "the winter of nineteen ninety-four",
         "DATE", "1994-WI"),
        ("The mill closed in June two thousand and two.", "June two thousand and two", "DATE", "2002-06"),
    ],
)
def test_timeml_value(sentence: str, expr: str, type_: str, value: str) -> None:
    found = _found(sentence)
    assert found.get(expr) == (type_, value), found


def test_adjectives_and_ages_are_not_times() -> None:
    found = _found("The 52-year-old miller raised its quarterly dividend again.")
    assert found == {}, found


def test_quarter_anaphora_in_an_earnings_report() -> None:
    text = (
        "The bakery chain said third-quarter profit fell. In the quarter, sales rose 4%, "
        "against a loss a year earlier and a gain in the year-ago quarter."
    )
    found = _found(text)
    assert found["the quarter"] == ("DATE", "2009-Q3")
    assert found["a year earlier"] == ("DATE", "2008-Q3")
    assert found["the year-ago quarter"] == ("DATE", "2008-Q3")


def test_a_year_ago_is_the_day_a_year_before_unless_a_quarter_was_named() -> None:
    # the project's convention (and HeidelTime's); after a quarter it is that quarter
    found = _found("The mill was sold a year ago; two years ago it was bought.")
    assert found["a year ago"] == ("DATE", "2009-01-15")
    assert found["two years ago"] == ("DATE", "2008")
    # "a year earlier" counts from the time told, at the year's granularity (TimeML)
    found = _found("The mill opened in 2004. A year earlier the dam had burst.")
    assert found["A year earlier"] == ("DATE", "2003")
    # ... at the month's, or the day's, when a month or a day was told
    found = _found("Flour sales in June 2009 rose 4% from a year earlier.")
    assert found["a year earlier"] == ("DATE", "2008-06")
    found = _found("The dam burst on 3 May 2008. A year later it was rebuilt.")
    assert found["A year later"] == ("DATE", "2009-05-03")


def test_narrative_anchoring_to_the_date_told_last() -> None:
    text = (
        "The mill opened in March 2004. Later that year it doubled its output, and the "
        "following year it closed. The storm hit on 3 May 2008; two days later the river "
        "rose, that day the bridge fell, and the following month the town was rebuilt. "
        "The same year a school opened."
    )
    found = _found(text)
    assert found["Later that year"] == ("DATE", "2004")
    assert found["the following year"] == ("DATE", "2005")
    assert found["two days later"] == ("DATE", "2008-05-05")
    assert found["that day"] == ("DATE", "2008-05-03")
    assert found["the following month"] == ("DATE", "2008-06")
    assert found["The same year"] == ("DATE", "2008")


def test_that_evening_is_a_part_of_the_day_told() -> None:
    # "that evening", "later that night": a TIME on the day named just before; without
    # one the story's day is unknown (not the DCT's: "they met that night" of a trial report)
    found = _found("The flood reached the mill on Tuesday. That evening, the guild met in the hall.")
    assert found["That evening"] == ("TIME", "2010-01-12TEV")
    found = _found("The dam burst on 3 May 2008, and later that night the bridge fell.")
    assert found["later that night"] == ("TIME", "2008-05-03TNI")
    assert _found("The guild met that same morning.")["that same morning"] == ("TIME", "XXXX-XX-XXTMO")
    assert _found("The guild met that same morning.", None)["that same morning"] == ("TIME", "XXXX-XX-XXTMO")


def test_a_year_that_opens_a_sentence_frames_its_months() -> None:
    # the story of a sentence opened by a year is set in that year: its months and days
    # without a year take it, in the first clause only (a clause joined on has its own time)
    dct = dt.date(2006, 12, 20)
    assert _found("Last year, the first lifts ran in early December.", dct)["early December"] == (
        "DATE", "2005-12")  # fmt: skip
    assert _found("In 1998 the mill burned down on March 3.", dct)["March 3"] == ("DATE", "1998-03-03")
    assert _found("Next year the fair moves to July.", dct)["July"] == ("DATE", "2007-07")
    found = _found("Last year, the guild closed the mill and in December it sold the barn.", dct)
    assert found["December"] == ("DATE", "2006-12")
    # not opening the sentence, or in a sentence before: the month's own reading
    assert _found("The mill, open since 1923, will shut in January.", dct)["January"] == ("DATE", "2007-01")
    assert _found("In 2004 the mill opened. In December it burned.", dct)["December"] == ("DATE", "2006-12")


def test_the_following_month_reaches_back_a_paragraph() -> None:
    # "the following month" counts from the story's month even a few sentences on;
    # "the previous month" that far from a date is a statistic's, the DCT's
    text = (
        "In March, the brewery received an offer from a group of its managers. It was "
        "also weighing a sale of its maltings, and two of its largest shareholders urged "
        "the board to consider every option open to it before the annual meeting. Its "
        "bankers, its suppliers and the unions at its three plants were told little of "
        "what the board had in mind.\n\n"
        "The following month, the brewery put itself up for sale. Output fell 3% from the "
        "previous month, a trade group said."
    )
    found = _found(text, dt.date(2009, 10, 28))
    assert found["The following month"] == ("DATE", "2009-04")
    assert found["the previous month"] == ("DATE", "2009-09")


def test_a_year_ago_period_compares_with_a_quarter_that_has_ended() -> None:
    text = (
        "The mill's profit rose in the third quarter. It expects steady demand through "
        "the third quarter of 1990. In the year-ago period, it earned $3 million."
    )
    found = _found(text, dt.date(1989, 10, 26))
    assert found["the third quarter of 1990"] == ("DATE", "1990-Q3")
    assert found["the year-ago period"] == ("DATE", "1988-Q3")


def test_without_a_date_told_the_dct_is_the_anchor() -> None:
    assert _found("Later that year the mill will reopen.")["Later that year"] == ("DATE", "2010")
    assert _found("Later that year the mill will reopen.", None)["Later that year"] == (
        "DATE",
        "XXXX",
    )


def test_quarters_named_by_their_end_or_their_year() -> None:
    text = (
        "The bakery chain earned more in the quarter ended Sept. 30 than in the 2008 "
        "quarter. This year's third quarter was its best; next year's first quarter may be "
        "weaker, and the current quarter began well."
    )
    found = _found(text, dt.date(2009, 10, 28))
    assert found["the quarter"] == ("DATE", "2009-Q3")
    assert found["the 2008 quarter"] == ("DATE", "2008-Q3")
    assert found["This year's third quarter"] == ("DATE", "2009-Q3")
    assert found["next year's first quarter"] == ("DATE", "2010-Q1")
    assert found["the current quarter"] == ("DATE", "2009-Q4")


def test_times_of_day_with_their_day() -> None:
    found = _found("The offer runs until 5 p.m. EST Jan. 22 and the vote will be at noon Saturday.")
    assert found["5 p.m. EST Jan. 22"] == ("TIME", "2010-01-22T17:00")
    assert found["noon Saturday"] == ("TIME", "2010-01-16T12:00")
    found = _found("The ferry will leave at 4 a.m. GMT Sunday from the pier.")
    assert found["4 a.m. GMT Sunday"] == ("TIME", "2010-01-17T04:00")


@pytest.mark.parametrize(
    ("sentence", "expr", "type_", "value"),
    [
        ("The mill earns $2 million a year from flour.", "a year", "SET", "P1Y"),
        ("Rooms at the inn cost $35 a night.", "a night", "SET", "P1D"),
        ("It was a day late, the baker said.", "a day", "DURATION", "P1D"),
        ("The fair is held each July in the square.", "each July", "SET", "XXXX-07"),
        ("The mill closed a week or so ago after a fire.", "a week or so ago", "DATE", "2010-W01"),
        ("The dam burst almost four years ago in the spring.", "almost four years ago", "DATE", "2006"),
    ],
)
def test_rates_sets_and_approximate_ago(sentence: str, expr: str, type_: str, value: str) -> None:
    found = _found(sentence)
    assert found.get(expr) == (type_, value), found


@pytest.mark.parametrize(
    ("sentence", "expr", "type_", "value"),
    [
        # halves of a year, the week of a day, the end of the year or month
        ("Sales fell in the first half of 2009 at the mill.", "the first half of 2009", "DATE", "2009-H1"),
        ("Output recovered in the last half of 2008.", "the last half of 2008", "DATE", "2008-H2"),
        ("The hearing is set for the week of March 8, the clerk said.", "the week of March 8", "DATE",
         "2010-W10"),
        ("The mill hopes to reopen by the end of the year.", "the end of the year", "DATE", "2010"),
        ("The loan falls due at the end of this month.", "the end of this month", "DATE", "2010-01"),
        ("The guild wants a deal by year-end.", "year-end", "DATE", "2010"),
        ("The bakery expects higher profit for the full year.", "the full year", "DATE", "2010"),
        ("Shares have fallen 4% since year-end.", "year-end", "DATE", "2009"),
        # adjectives of extent, counts in words, plural parts of a weekday
        ("The guild ended a decades-long feud with the mill.", "decades-long", "DURATION", "PXY"),
        ("They left their third day-long meeting tired.", "day-long", "DURATION", "P1D"),
        ("A two-week-long strike shut the port.", "two-week-long", "DURATION", "P2W"),
        ("The mill has stood for almost a hundred years.", "almost a hundred years", "DURATION", "P100Y"),
        ("The choir rehearses Tuesday nights in the hall.", "Tuesday nights", "SET", "XXXX-WXX-2TNI"),
        # quarters a year back, the latest period after a quarter was named
        ("Fourth-quarter sales fell from the corresponding period last year.", "the corresponding period last year",
         "DATE", "2008-Q4"),
        # a fiscal year named by its end is a year's duration
        ("The mill earned $3 million in the fiscal year ended June 30.", "the fiscal year", "DURATION", "P1Y"),
    ],
)  # fmt: skip
def test_halves_weeks_and_ends(sentence: str, expr: str, type_: str, value: str) -> None:
    found = _found(sentence)
    assert found.get(expr) == (type_, value), found


def test_a_clock_time_alone_is_on_the_day_told_just_before() -> None:
    found = _found("The bridge fell on 3 May 2008. The alarm sounded at 10:35 p.m. and boats came.")
    assert found["10:35 p.m."] == ("TIME", "2008-05-03T22:35")
    found = _found("The dam burst at about 10:35 a.m. (0835 GMT) Thursday, flooding the valley.")
    assert found["10:35 a.m. (0835 GMT) Thursday"] == ("TIME", "2010-01-14T10:35")


def test_an_ordinal_second_is_no_duration() -> None:
    found = _found("It will be a second betrayal, and a second group of millers agreed.")
    assert found == {}, found
    assert _found("The lights went out for a second or two.")["a second"] == ("DURATION", "PT1S")


def test_the_previous_or_following_weekday_counts_from_the_day_told() -> None:
    found = _found("The mill burned on Wednesday, Jan. 13. The previous Friday it had passed a check.")
    assert found["The previous Friday"] == ("DATE", "2010-01-08")
    assert _found("They met the following Sunday.")["the following Sunday"] == ("DATE", "2010-01-17")


def test_the_latest_period_continues_the_quarter_named() -> None:
    found = _found("The bakery's third-quarter profit rose. Sales in the latest period were flat.")
    assert found["the latest period"] == ("DATE", "2009-Q3")


def test_the_latest_quarter_has_ended() -> None:
    # a quarter foreseen ("a fourth-quarter charge") is not the latest quarter reported
    text = (
        "The insurer expects a fourth-quarter charge from the storm. In the latest quarter, "
        "profit fell 5%, against a gain a year ago."
    )
    found = _found(text, dt.date(2009, 11, 2))
    assert found["the latest quarter"] == ("DATE", "2009-Q3")
    assert found["a year ago"] == ("DATE", "2008-Q3")


def test_a_count_after_a_month_is_no_spoken_year() -> None:
    assert "May two thousand" not in _found("In May two thousand people marched.")

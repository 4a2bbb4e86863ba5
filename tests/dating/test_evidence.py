"""Each text rule of the dating stage on short articles written for the test."""

from __future__ import annotations

import datetime as dt

from newsline.dating.evidence import FUTURE, PAST, hit_name, read_clues


def rules(text: str) -> dict[str, list]:
    out: dict[str, list] = {}
    for c in read_clues(text).clues:
        out.setdefault(c.rule, []).append(c)
    return out


def test_dateline_in_a_header_position() -> None:
    text = "Published: 14 March 2019\nThe council of Brennick voted to close the ferry pier."
    (c,) = rules(text)["dateline"]
    assert c.date == dt.date(2019, 3, 14)
    assert text[c.start : c.end] == c.text


def test_a_date_inside_a_sentence_is_no_dateline() -> None:
    got = rules("The council of Brennick said the pier had closed on 14 March 2019 after storms.")
    assert "dateline" not in got
    assert [c.date for c in got["full-date"]] == [dt.date(2019, 3, 14)]
    assert got["full-date"][0].tense == PAST


def test_weekday_date_only_when_the_weekday_is_right() -> None:
    right = rules("The ferry resumed service on Thursday, March 14, 2019, the harbour master said.")
    wrong = rules("The ferry resumed service on Friday, March 14, 2019, the harbour master said.")
    assert [c.date for c in right["weekday-date"]] == [dt.date(2019, 3, 14)]
    assert "weekday-date" not in wrong
    assert [c.date for c in wrong["full-date"]] == [dt.date(2019, 3, 14)]


def test_a_weekday_date_heading_the_article_or_told_by_a_sentence() -> None:
    # a header line is read with the head's hit rate; "on Thursday 6 July
    # 1972" in a sentence, even at the top, is a day the story recalls
    head = rules("Thursday, 14 March 2019, 09:12\nThe ferry resumed service at dawn.")
    told = rules("A night to remember.\nOn Thursday 6 July 1972, the band played on television.")
    body = rules("The ferry resumed service on Thursday, March 14, 2019, the harbour master said.")
    (h,) = head.get("weekday-date", []) or head["dateline"]
    assert hit_name(h) in ("weekday_date", "dateline") and not h.told
    (t,) = told["weekday-date"]
    assert t.told and hit_name(t) == "weekday_date_body"
    assert body["weekday-date"][0].told


def test_partial_date_and_its_tense() -> None:
    got = rules("Crews reopened the road on October 17. A new bridge will open on May 2.")
    partial = [(c.month, c.day, c.tense) for c in got["partial-date"]]
    assert partial == [(10, 17, PAST), (5, 2, FUTURE)]


def test_years_and_a_year_tied_to_a_relative_one() -> None:
    got = rules(
        "The movement declared its state in 2014, two years ago, in the northern city. "
        "It was founded in 2003."
    )
    assert sorted(c.year for c in got["year"]) == [2003, 2014]
    assert [c.year for c in got["years-ago"]] == [2016]


def test_last_year_with_a_year() -> None:
    got = rules("Last year, in 2021, the mill closed for good.")
    assert [c.year for c in got["years-ago"]] == [2022]


def test_two_years_in_one_sentence_tie_nothing() -> None:
    got = rules("Between 2009 and 2011, three years ago, prices fell.")
    assert "years-ago" not in got


def test_relative_weekdays_with_tense() -> None:
    got = rules("The mayor resigned on Saturday. The council will meet on Tuesday.")
    assert [(c.weekday, c.tense) for c in got["weekday"]] == [(5, PAST), (1, FUTURE)]


def test_no_clue_in_a_text_without_time() -> None:
    assert read_clues("The river is wide and the town is small.").clues == ()


def test_a_wire_dateline_without_its_year() -> None:
    got = rules("Brennick ferry HARBOURTON, March 14 (Wirenews) - The council voted to close the pier.")
    (c,) = got["partial-dateline"]
    assert (c.month, c.day) == (3, 14)
    assert "partial-date" not in got
    (c,) = rules("PORT ELLIS , Ore. , Oct. 20 -LRB- Wirenews -RRB- - The council voted.")[
        "partial-dateline"
    ]
    assert (c.month, c.day) == (10, 20)


def test_a_month_day_in_a_sentence_is_no_wire_dateline() -> None:
    for text in (
        "The pier closed on March 14 - and the ferry with it.",
        "In Harbourton, March 14 -- the day the pier closed -- is a holiday now.",
    ):
        got = rules(text)
        assert "partial-dateline" not in got
        assert [(c.month, c.day) for c in got["partial-date"]] == [(3, 14)]


def test_a_newspapers_bare_dateline_is_a_partial_date() -> None:
    # "CITY, Oct. 20 --" may be the day the story was filed, the day before the paper
    got = rules("PORT ELLIS , Ore. , Oct. 20 -- The council of Port Ellis voted on Friday.")
    assert "partial-dateline" not in got
    assert [(c.month, c.day) for c in got["partial-date"]] == [(10, 20)]


def test_a_year_after_by_is_a_deadline() -> None:
    got = rules("Congress had said the pier must be rebuilt by 2031. It opened in 1998.")
    years = {c.year: c.tense for c in got["year"]}
    assert years[2031] == FUTURE
    assert years[1998] != FUTURE
    # nor is it the year "this year" names
    got = rules("Output this year will grow until it reaches 16 billion gallons by 2031.")
    assert "years-ago" not in got
    assert "years-ago" in rules("Output this year, 2031, will reach 16 billion gallons.")

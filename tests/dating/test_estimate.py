"""Combining clues and neighbours into one estimate (shipped prior)."""

from __future__ import annotations

import datetime as dt

from newsline.dating import estimate, read_clues, shipped_prior
from newsline.dating.estimate import Neighbour, weekday_date
from newsline.dating.evidence import FUTURE, REPORTED

PRIOR = shipped_prior()


def est(text: str, neighbours: list[Neighbour] | None = None):  # type: ignore[no-untyped-def]
    return estimate(read_clues(text), PRIOR, neighbours or [])


def test_a_dateline_pins_the_day() -> None:
    e = est("Posted: 9 June 2021\nThe Brennick ferry sank in the harbour overnight.")
    assert e is not None and e.is_day
    assert e.best == dt.date(2021, 6, 9)
    assert e.confidence > 0.9
    assert [x.rule for x in e.evidence if x.weight > 0][0] == "dateline"


def test_latest_past_date_is_a_lower_bound() -> None:
    e = est(
        "The storm of March 3, 2015 flooded the lower town. On Thursday the council said "
        "repairs had begun, and residents returned on Friday."
    )
    assert e is not None
    # the lag prior allows a few days before the latest date named, no more
    assert e.earliest >= dt.date(2015, 2, 28)
    # the Thursday and Friday that followed put it after 5 March
    assert dt.date(2015, 3, 5) <= e.best <= dt.date(2015, 3, 14)
    assert not e.is_day


def test_a_date_and_a_weekday_alone_give_an_interval_not_a_day() -> None:
    e = est("The vote of 2 May 2017 was annulled. The court ruled on Friday.")
    assert e is not None and not e.is_day
    # 2 May 2017 was a Tuesday: the Friday after it is 5 May
    assert e.earliest <= dt.date(2017, 5, 5) <= e.latest
    assert dt.date(2017, 5, 2) <= e.best <= dt.date(2017, 5, 8)


def test_years_ago_gives_a_year() -> None:
    e = est("The group took the city in 2014, two years ago, and has held it since.")
    assert e is not None
    assert e.precision == "year"
    assert e.earliest.year == e.latest.year == 2016


def test_a_month_told_in_the_past_is_a_lower_bound() -> None:
    text = "Crews reopened the old bridge in June 2015, and on Friday the council said tolls would return."
    clues = read_clues(text).of("month-year")
    assert [(c.text, c.year, c.month) for c in clues] == [("June 2015", 2015, 6)]
    near = [Neighbour(dt.date(2015, 5, 18), 0.5), Neighbour(dt.date(2015, 6, 15), 0.5)]
    e = est(text, near)
    assert e is not None and "month-year" in {x.rule for x in e.evidence}
    assert e.earliest >= dt.date(2015, 6, 1)  # not the May neighbour's week
    # without the month, both neighbours' weeks stay open
    e = est(text.replace("in June 2015", "last summer"), near)
    assert e is not None and e.earliest < dt.date(2015, 6, 1)
    # a month ahead bounds nothing ("will vote in June 2030")
    later = read_clues("The council will vote in June 2030 on the plan.").of("month-year")
    assert [c.tense for c in later] == [FUTURE]


def test_no_estimate_where_every_candidate_is_before_a_month_told_past() -> None:
    # "October 17" can only be read in 2004, the one bare year named; the port fell
    # in June 2014: no day of 2004 can be the day, and no wrong day is given
    text = (
        "Kelvale (XNA) - Rebels marched through Kelvale on Sunday. They took the port in "
        "June 2014, and their leader was jailed in 2004. On October 17 the army began a "
        "new push to retake it."
    )
    assert est(text) is None
    assert est(text.replace("June 2014", "June 2003")) is not None


def test_nothing_to_go_by_gives_nothing() -> None:
    assert est("The river is wide and the town is small. Fishing is good.") is None


def test_a_dated_copy_dates_the_undated_one() -> None:
    e = est("The ferry sank.", [Neighbour(dt.date(2021, 6, 9), 0.95, 1.0, "copy")])
    assert e is not None
    assert e.best == dt.date(2021, 6, 9)
    assert [x.source for x in e.evidence] == ["copy"]


def test_the_neighbours_evidence_counts_articles_not_their_likely_days() -> None:
    """An estimated neighbour comes as several likely days: still one article."""
    days = [dt.date(2021, 6, 8), dt.date(2021, 6, 9), dt.date(2021, 6, 10)]
    ns = [Neighbour(d, 0.9, 0.3, "week") for d in days]
    ns.append(Neighbour(dt.date(2021, 6, 9), 0.8, 1.0, "dated"))
    e = est("The ferry sank.", ns)
    assert e is not None
    assert [x.value for x in e.evidence if x.rule == "neighbours"] == ["2 articles"]


def test_neighbours_weighted_by_similarity() -> None:
    ns = [
        Neighbour(dt.date(2021, 6, 9), 0.9, 1.0, "close"),
        Neighbour(dt.date(2021, 8, 20), 0.12, 1.0, "far"),
        Neighbour(dt.date(2021, 8, 21), 0.12, 1.0, "far2"),
    ]
    e = est("The ferry sank.", ns)
    assert e is not None and abs((e.best - dt.date(2021, 6, 9)).days) <= 1


def test_reported_speech_clues_are_read_as_the_tagger_reads_them() -> None:
    # "said ... that on Friday": the tagger's REPORTED tense; the weekday
    # counts as a past one and the month-day as a past one with a wider slack
    text = (
        "The head of the council said in a long statement to reporters at the town "
        "hall that on Friday, June 3, the bridge reopens. It was closed on 2 May 2022."
    )
    clues = read_clues(text)
    assert {c.tense for c in clues.of("weekday")} == {REPORTED}
    e = estimate(clues, PRIOR, [])
    assert e is not None
    # June 3, 2022 was a Friday: the estimate lies on or after the dates told
    assert e.best >= dt.date(2022, 5, 2)
    assert e.earliest <= dt.date(2022, 6, 3) + dt.timedelta(days=60)


def test_a_day_a_sentence_recalls_weighs_less_than_a_header() -> None:
    # a weekday date the story tells ("On Thursday 6 July 1972, ...") is
    # right about the day it names, but far less often the day of publication
    # than one heading the article: the prior learns both rates
    assert PRIOR.hit_rate("weekday_date_body") < PRIOR.hit_rate("weekday_date") - 0.3
    told = est("A night to remember.\nThe band played on television on Thursday 6 July 1972.")
    head = est("Thursday 6 July 1972, 09:12\nThe band played on television at night.")
    assert told is not None and head is not None

    def weight(e):  # type: ignore[no-untyped-def]
        return max(x.weight for x in e.evidence if x.rule in ("weekday-date", "dateline"))

    assert weight(told) < weight(head)
    assert head.is_day and head.best == dt.date(1972, 7, 6)
    assert not told.is_day


def test_a_wire_dateline_pins_the_day_once_the_year_is_known() -> None:
    text = (
        "HARBOURTON, March 14 (Wirenews) - The council of Harbourton voted on Tuesday to "
        "close the ferry pier, which has stood since 1998."
    )
    near = [Neighbour(dt.date(2017, 3, 13), 0.3, 1.0, "other")]  # gives the year
    e = est(text, near)
    assert e is not None and e.is_day
    assert e.best == dt.date(2017, 3, 14)
    assert "partial-dateline" in [x.rule for x in e.evidence]
    # the same month and day told in a sentence is a lower bound, not the day
    e = est(text.replace("HARBOURTON, March 14 (Wirenews) -", "On March 14"), near)
    assert e is not None and not e.is_day
    assert e.earliest <= dt.date(2017, 3, 14) <= e.latest


def test_the_weekday_date_heading_the_article_outweighs_later_ones_in_its_body() -> None:
    # the head's date is the publication's; a later one in the body is a day
    # the story tells or a note (the print edition of the day after)
    text = (
        "Thursday 27 May 2010 23.18 BST\n"
        "The Kessing bridge reopened to traffic after a month of repairs. "
        "Drivers crossed it from early evening.\n"
        "A version appeared in the print edition on Friday 28 May 2010."
    )
    clues = read_clues(text)
    assert [c.date for c in clues.of("weekday-date")] == [dt.date(2010, 5, 27), dt.date(2010, 5, 28)]
    chosen = weekday_date(clues)
    assert chosen is not None and chosen.date == dt.date(2010, 5, 27)
    e = est(text)
    assert e is not None and e.is_day and e.best == dt.date(2010, 5, 27)
    # with no date at its head, the latest the body tells is the one weighed
    body = read_clues(
        "The Kessing bridge closed on Monday 3 May 2010 for repairs. "
        "It reopened on Thursday 27 May 2010 after a month."
    )
    chosen = weekday_date(body)
    assert chosen is not None and chosen.date == dt.date(2010, 5, 27)
    assert weekday_date(read_clues("The bridge reopened in May.")) is None


def test_a_year_reach_reads_a_month_day_in_the_years_after_the_one_named() -> None:
    text = "The pier, built in 2010, was closed on 14 November after the storm."
    clues = read_clues(text)
    near = estimate(clues, PRIOR, [])
    assert near is not None and near.earliest.year == 2010  # only the year named
    # the years after it, which the year term gives mass to, are candidates too:
    # spread over them, the month and day no longer dates the article
    assert estimate(clues, PRIOR, [], year_reach=3) is None

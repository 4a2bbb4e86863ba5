"""Past or future: the tense and aspect of the verb that governs a weekday or a
partial date, on sentences we wrote. The article is dated Friday 15 January 2010."""

from __future__ import annotations

import datetime as dt

import pytest

from newsline.temporal import tag

FRI = dt.date(2010, 1, 15)


@pytest.mark.parametrize(
    ("sentence", "expr", "value"),
    [
        # an infinitive of purpose or prospect looks ahead
        ("The airline said it had a cargo jet standing by to fly blankets and water to the "
         "island on Saturday.", "Saturday", "2010-01-16"),
        ("The ferry company is due to resume sailings on Monday, a spokesman said.", "Monday", "2010-01-18"),
        ("The union plans to strike on Thursday unless talks succeed.", "Thursday", "2010-01-21"),
        ("The guild agreed to meet on Wednesday in the old hall.", "Wednesday", "2010-01-20"),
        ("The minister expects the report to be ready by Wednesday.", "Wednesday", "2010-01-20"),
        ("The team will travel on Sunday to the coast.", "Sunday", "2010-01-17"),
        ("The match is this coming Saturday at the park.", "this coming Saturday", "2010-01-16"),
        ("The fair returns this coming March, the guild says.", "this coming March", "2010-03"),
        ("The fair moved indoors this past December.", "this past December", "2009-12"),
        # ... and the past: perfect aspect, a reporting verb next to the day
        ("Engineers had been working on the bridge since Monday.", "Monday", "2010-01-11"),
        ("The offer had been due to expire on Tuesday, before it was extended.", "Tuesday", "2010-01-12"),
        ("The strike went ahead as previously planned on Wednesday.", "Wednesday", "2010-01-13"),
        # a plan told in the past lies on either side of the DCT: the nearest weekday
        ("The guild said the team planned to sail on Saturday for the islands.", "Saturday", "2010-01-16"),
        ("The guild planned a march through the old town on Thursday.", "Thursday", "2010-01-14"),
        ("The guild had planned to sail on Saturday, before the storm.", "Saturday", "2010-01-09"),
        ("The split would be paid on an unspecified date in March.", "March", "2010-03"),
        ("The mayor said on Tuesday that the roads were clear.", "Tuesday", "2010-01-12"),
        # a period of an abbreviation or an initial does not end the clause
        ("In March, a week after the vote on the St. Lawrence accord, the plant closed.",
         "March", "2009-03"),
        ("In March, after talks with the U.S. Treasury, the bank raised its rates.", "March", "2009-03"),
        # a fronted phrase: the main verb follows a long subject with an appositive
        ("In March, a week after the tenth anniversary of the founding of the old mill on the "
         "river bank, a storm from the sea, the worst in forty winters on the coast, broke its wheel.",
         "March", "2009-03"),
        ("Ms. Lane will succeed John P. Grant on March 3, the bank said.", "March 3", "2010-03-03"),
        # "would" looks ahead, also before a possessive weekday ("would not attend
        # Tuesday's protests"): news write it of plans as often as of a past ruling
        ("The mayor said the parade would go ahead on Wednesday.", "Wednesday", "2010-01-20"),
        ("The union said it would not join Tuesday's march.", "Tuesday", "2010-01-19"),
        # a relative clause has its own verb
        ("He would sail again, he said, but the storm, which struck on Wednesday, kept him ashore.",
         "Wednesday", "2010-01-13"),
        # a reporting verb far from the date does not make what is reported past
        ("The lender said it is calling the bonds for redemption on March 3.", "March 3", "2010-03-03"),
        ("The dividend is payable March 3 to holders of record.", "March 3", "2010-03-03"),
        ("The shop, the owner said last week, closed in November.", "November", "2009-11"),
        # a passive is not a past: "will be held", "is heard"
        ("The guild said the fair would still be held in the square on March 2.", "March 2", "2010-03-02"),
        ("The appeal is heard in March before three judges.", "March", "2010-03"),
        # what is put off, or may come as early as, lies ahead
        ("The ferry's return was postponed until Tuesday after a storm.", "Tuesday", "2010-01-19"),
        ("A vote on the dam could come as early as Monday, aides said.", "Monday", "2010-01-18"),
        ("The engineers knew of the crack as early as December 3.", "December 3", "2009-12-03"),
        ("The talks are supposed to end by March, the mediator said.", "March", "2010-03"),
        # a directive's own past is no cue: the nearest reading wins
        ("The mayor said she subpoenaed the 6-year-old heir to testify on February 10.", "February 10",
         "2010-02-10"),
        ("The mayor summoned her advisers to meet on December 20 in the hall.", "December 20", "2009-12-20"),
        ("The miller has asked to reopen the mill in February.", "February", "2010-02"),
        # a promise of a thing dates the thing: the nearest reading; the promising itself is past
        ("The senator has promised a dam-safety bill in March.", "March", "2010-03"),
        ("The board pledged new inspections in November.", "November", "2009-11"),
        ("The council promised in March to mend the bridge.", "March", "2009-03"),
        # a plan told in the past may lie either way: the nearest reading
        ("A truce was supposed to begin in December, but it never held.", "December", "2009-12"),
        ("The levy was only supposed to take effect in February, a clerk said.", "February", "2010-02"),
        # a date something is set for lies ahead, whatever the tense
        ("A hearing has been set for March 2 in the old court.", "March 2", "2010-03-02"),
        # the end of a span lies ahead, unless its clause is told in the past
        ("Oil could leak into the bay until August, engineers warned.", "August", "2010-08"),
        ("The mayor rejected an order that the barge stay in port until March 6.", "March 6", "2010-03-06"),
        ("Not until December 20 did the council admit the leak.", "December 20", "2009-12-20"),
        # a month or month-day "through" closes: the nearest reading (a period just reported
        # or one ahead), a weekday as after "until"
        ("The guild's costs through December 31 total $2 million.", "December 31", "2009-12-31"),
        ("Figures through November show fewer claims.", "November", "2009-11"),
        ("The ban is to last through March, the ministry said.", "March", "2010-03"),
        ("The ban was extended through February.", "February", "2010-02"),
        ("The fair runs through Sunday.", "Sunday", "2010-01-17"),
        ("The envoy may stay through August, aides say.", "August", "2010-08"),
        # a scheduled event in the present simple right before a weekday lies ahead
        ("Tickets for the final go on sale Tuesday at noon.", "Tuesday", "2010-01-19"),
        ("The exhibit, which opens on Sunday, fills three halls.", "Sunday", "2010-01-17"),
        # ... an event that "is" on a weekday, a clock time on one
        ("The final is on Saturday, the league said.", "Saturday", "2010-01-16"),
        ("The vote is Monday in the old hall.", "Monday", "2010-01-18"),
        ("The derby kicks off at 8:45 p.m. Sunday.", "8:45 p.m. Sunday", "2010-01-17T20:45"),
        ("The pool opens at 6 a.m. Monday after repairs.", "6 a.m. Monday", "2010-01-18T06:00"),
        ("The vote was Monday in the old hall.", "Monday", "2010-01-11"),
        ("The mill, which is closed Monday, lost money.", "Monday", "2010-01-11"),
        # ... not after "to", nor as a noun or an adjective, nor told in the past
        ("The ferry had been due to resume Monday, the port said.", "Monday", "2010-01-11"),
        ("Some shops were open Monday despite the snow.", "Monday", "2010-01-11"),
        ("Since the start Monday of the strike, no trains have run.", "Monday", "2010-01-11"),
        ("The festival opened Wednesday to large crowds.", "Wednesday", "2010-01-13"),
        # irregular past verbs
        ("The miller sold the barn in November to a neighbour.", "November", "2009-11"),
        # a participle after "stay", "remain", "get" is an adjective, not a past
        ("The ferry will stay docked until Tuesday, the harbour master said.", "Tuesday", "2010-01-19"),
        ("The mill remains closed until Monday for repairs.", "Monday", "2010-01-18"),
        ("The mill remained closed on Monday for repairs.", "Monday", "2010-01-11"),
        # ... and so is one right after an infinitive's verb: its object's adjective
        ("The mill said it hopes to restart limited production in March.", "March", "2010-03"),
        ("The mill restarted limited production in March.", "March", "2009-03"),
        # a forecast told in the present, a date something is moved to: ahead
        ("Frost is forecast for Sunday night on the hills.", "Sunday night", "2010-01-17TNI"),
        ("The guild's meeting has been moved to Wednesday because of the flood.", "Wednesday",
         "2010-01-20"),
        ("The ferry's first sailing was pushed back to March 4.", "March 4", "2010-03-04"),
        ("The guild forecast a loss on Tuesday.", "Tuesday", "2010-01-12"),
    ],
)  # fmt: skip
def test_direction(sentence: str, expr: str, value: str) -> None:
    found = {m.text: m.value for m in tag(sentence, FRI)}
    assert found.get(expr) == value, found


def test_the_end_of_a_span_after_through_lies_ahead() -> None:
    dct = dt.date(2010, 7, 12)
    found = {m.text: m.value for m in tag("The ban on drilling will last through Nov. 30.", dct)}
    assert found["Nov. 30"] == "2010-11-30"
    found = {m.text: m.value for m in tag("The bill covers a shortfall through June 30.", dt.date(2011, 2, 21))}
    assert found["June 30"] == "2011-06-30"
    # a past clause: the nearest reading
    found = {m.text: m.value for m in tag("Sales rose from March through June.", dct)}
    assert found["June"] == "2010-06"


def test_last_and_the_month_just_ended() -> None:
    # the month just ended is "last month": "last February" of a March article is a year back
    dct = dt.date(1998, 3, 1)
    assert {m.text: m.value for m in tag("Two helicopters crashed last February.", dct)}["last February"] == "1997-02"
    assert {m.text: m.value for m in tag("Prices fell this past February.", dct)}["this past February"] == "1998-02"
    assert {m.text: m.value for m in tag("He left last January.", dct)}["last January"] == "1998-01"

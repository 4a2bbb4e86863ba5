"""The expression table: short sentences we wrote, each with one expected expression."""

from __future__ import annotations

import datetime as dt

import pytest

from newsline.model import TimexType
from newsline.temporal import tag

FRI = dt.date(2011, 1, 28)  # a Friday
JAN3 = dt.date(2011, 1, 3)  # a Monday early in the year
D, T, DUR, S = TimexType.DATE, TimexType.TIME, TimexType.DURATION, TimexType.SET

# sentence, reference date, expected mention text, type, value, granularity (or None)
CASES: list[tuple[str, dt.date | None, str, TimexType, str, str | None]] = [
    # explicit
    ("The rig exploded on 20 April 2010 in the gulf.", FRI, "20 April 2010", D, "2010-04-20", "day"),
    ("The rig exploded on April 20, 2010 in the gulf.", FRI, "April 20, 2010", D, "2010-04-20", "day"),
    ("The filing is dated 2010-04-20 in the archive.", FRI, "2010-04-20", D, "2010-04-20", "day"),
    ("Production fell in April 2010 after the blast.", FRI, "April 2010", D, "2010-04", "month"),
    ("The vote was held in 2014 after delays.", FRI, "2014", D, "2014", "year"),
    ("Crowds gathered on Jan. 25 , 2011 in the square.", FRI, "Jan. 25 , 2011", D, "2011-01-25", "day"),
    ("He was born on 23rd March 1880 in a village.", FRI, "23rd March 1880", D, "1880-03-23", "day"),
    ("The treaty signed on Sept. 3 , 1783 ended it.", FRI, "Sept. 3 , 1783", D, "1783-09-03", "day"),
    ("The law from January of 2009 was repealed.", FRI, "January of 2009", D, "2009-01", "month"),
    ("It had been quiet since early 2008 in the region.", FRI, "early 2008", D, "2008", "year"),
    ("Prices peaked at the end of 2007 and then fell.", FRI, "the end of 2007", D, "2007", "year"),
    ("The payment was made on 1/25/2011 by wire.", FRI, "1/25/2011", D, "2011-01-25", "day"),
    ("Banks boomed in the 1990s across the region.", FRI, "the 1990s", D, "199", None),
    ("The city grew during the 19th century quickly.", FRI, "the 19th century", D, "18", None),
    ("The elections of summer 2009 were disputed.", FRI, "summer 2009", D, "2009-SU", None),
    ("Sales rose in the second quarter of 2010 overall.", FRI, "the second quarter of 2010", D, "2010-Q2", None),
    ("They married on Christmas Day 2005 in Rome.", FRI, "Christmas Day 2005", D, "2005-12-25", "day"),
    # partial
    ("Protesters marched on October 17 through the city.", FRI, "October 17", D, "2010-10-17", "day"),
    ("The court will rule on October 17 on the appeal.", FRI, "October 17", D, "2011-10-17", "day"),
    ("Clashes broke out on Oct. 17 near the border.", FRI, "Oct. 17", D, "2010-10-17", "day"),
    ("The strike started on January 25 across Egypt.", FRI, "January 25", D, "2011-01-25", "day"),
    ("Talks resume on 3 February in Geneva, he said.", FRI, "3 February", D, "2011-02-03", "day"),
    ("Officials met on the 17th to discuss it.", FRI, "the 17th", D, "2011-01-17", "day"),
    ("The summit ended on December 30 without a deal.", JAN3, "December 30", D, "2010-12-30", "day"),
    ("The budget will be presented on December 30 to parliament.", JAN3, "December 30", D, "2011-12-30", "day"),
    ("Prices rose sharply in October, the agency said.", JAN3, "October", D, "2010-10", "month"),
    ("Elections are scheduled for September in the territories.", FRI, "September", D, "2011-09", "month"),
    ("Since May the army has held the town.", dt.date(2014, 7, 1), "May", D, "2014-05", "month"),
    ("The rally is planned for Monday 23 August at noon.", dt.date(2010, 8, 1), "23 August", D, "2010-08-23", "day"),
    ("Prices climbed in mid-January after the storm.", FRI, "mid-January", D, "2011-01", "month"),
    ("The talks collapsed in late December after a week.", FRI, "late December", D, "2010-12", "month"),
    ("He resigned last March after the report.", FRI, "last March", D, "2010-03", "month"),
    ("Families gathered on Christmas near the ruins.", FRI, "Christmas", D, "2010-12-25", "day"),
    # relative
    ("The minister said yesterday that talks failed.", FRI, "yesterday", D, "2011-01-27", "day"),
    ("The central bank meets tomorrow on rates.", FRI, "tomorrow", D, "2011-01-29", "day"),
    ("Shares fell today in early trading.", FRI, "today", D, "2011-01-28", "day"),
    ("Police said Saturday that two men were held.", FRI, "Saturday", D, "2011-01-22", "day"),
    ("Leaders will meet on Saturday in Cairo.", FRI, "Saturday", D, "2011-01-29", "day"),
    ("The army moved in early Thursday, witnesses said.", FRI, "early Thursday", D, "2011-01-27", "day"),
    ("The strike began last Monday and spread.", FRI, "last Monday", D, "2011-01-24", "day"),
    ("The envoy arrives next Tuesday for talks.", FRI, "next Tuesday", D, "2011-02-01", "day"),
    # a live-blog update stamp is written after the first publication
    ("(Update 3:09 a.m. Tuesday in Cairo) Crowds stayed in the square.", FRI, "3:09 a.m. Tuesday", T, "2011-02-01T03:09", "day"),
    ("-LRB- Updated 9 p.m. Friday -RRB- The curfew was extended.", FRI, "9 p.m. Friday", T, "2011-01-28T21:00", "day"),
    ("(Posted Sunday) Talks resumed in the capital.", FRI, "Sunday", D, "2011-01-30", "day"),
    ("Talks were held last week in Doha.", FRI, "last week", D, "2011-W03", None),
    ("A vote is expected next week in parliament.", FRI, "next week", D, "2011-W05", None),
    ("The blast happened two days ago near the port.", FRI, "two days ago", D, "2011-01-26", "day"),
    ("The plan starts next month in three cities.", FRI, "next month", D, "2011-02", "month"),
    ("Output will grow this year by three percent.", FRI, "this year", D, "2011", "year"),
    ("The company was founded two years ago by students.", FRI, "two years ago", D, "2009", "year"),
    ("Inflation rose last month to a record.", FRI, "last month", D, "2010-12", "month"),
    ("He was elected last year by a wide margin.", FRI, "last year", D, "2010", "year"),
    ("The firm was sold three months ago to a rival.", FRI, "three months ago", D, "2010-10", "month"),
    ("The rebels attacked the town earlier this week.", FRI, "earlier this week", D, "2011-W04", None),
    ("Ministers will gather this weekend in Paris.", FRI, "this weekend", D, "2011-W04-WE", None),
    ("The bill passed late last year after long debate.", FRI, "late last year", D, "2010", "year"),
    # (TimeBank: "over the past decade" P10Y, the ten years up to the DCT)
    ("Growth has slowed over the past decade in Europe.", FRI, "the past decade", DUR, "P10Y", None),
    ("Prices are high now in the capital.", FRI, "now", D, "PRESENT_REF", None),
    ("The group has recently expanded abroad.", FRI, "recently", D, "PAST_REF", None),
    ("Aid will arrive in the coming days by sea.", FRI, "the coming days", DUR, "PXD", None),
    ("The ceasefire collapsed last fall in the north.", FRI, "last fall", D, "2010-FA", None),
    ("The troops attacked Tuesday night, officials said.", FRI, "Tuesday night", T, "2011-01-25TNI", "day"),
    ("The speech is due tonight on state television.", FRI, "tonight", T, "2011-01-28TNI", "day"),
    ("The ship sank last night off the coast.", FRI, "last night", T, "2011-01-27TNI", "day"),
    ("The curfew starts at 9:30 p.m. in the city.", FRI, "9:30 p.m.", T, "2011-01-28T21:30", None),
    # durations and sets
    ("The siege lasted for three years in all.", FRI, "three years", DUR, "P3Y", None),
    ("They waited a day before leaving.", FRI, "a day", DUR, "P1D", None),
    ("Rescuers searched for more than 48 hours in the rubble.", FRI, "more than 48 hours", DUR, "PT48H", None),
    ("The network keeps 24 hours of footage.", FRI, "24 hours", DUR, "P1D", None),
    ("It took several weeks to restore power.", FRI, "several weeks", DUR, "PXW", None),
    ("The council meets every week in the town hall.", FRI, "every week", S, "P1W", None),
    ("Pilgrims visit the shrine every year in spring.", FRI, "every year", S, "P1Y", None),
    ("The report is published annually by the bank.", FRI, "annually", S, "P1Y", None),
    ("Patients take the pill three times a day with food.", FRI, "three times a day", S, "P1D", None),
    # ranges of days: the first day, with the year that closes the range
    ("Talks were held on May 11-12 , 2009 in Geneva.", FRI, "May 11-12 , 2009", D, "2009-05-11", "day"),
    ("A riot broke out on February 15/16 , 2009 in the city.", FRI, "February 15/16 , 2009", D, "2009-02-15", "day"),
    ("The abuse took place between September 13 and 15 2003 in Basra.", FRI, "September 13 and 15 2003", D, "2003-09-13", "day"),
    ("The trip from December 30 - January 2 , 2009 was long.", FRI, "December 30 - January 2 , 2009", D, "2008-12-30", "day"),
    ("The siege of the town , 3-6 June 2009 , was the first.", FRI, "3-6 June 2009", D, "2009-06-03", "day"),
    ("The massacre happened between 25 and 26 May in the village.", FRI, "25 and 26 May", D, "2010-05-25", "day"),
    ("The poll ran from 21 to 27 April 2008 nationwide.", FRI, "21 to 27 April 2008", D, "2008-04-21", "day"),
    # a day number run into a full date is not a day of its month ("6 June")
    ("The Lakers won 12-6 June 3 , 2009 in Los Angeles.", FRI, "June 3 , 2009", D, "2009-06-03", "day"),
    ("On 6 June 10 people died in the floods.", FRI, "6 June", D, "2010-06-06", "day"),
    # no reference date
    ("Police said Saturday that two men were held.", None, "Saturday", D, "XXXX-WXX-6", None),
    ("Protesters marched on October 17 through the city.", None, "October 17", D, "XXXX-10-17", None),
    ("The minister said yesterday that talks failed.", None, "yesterday", D, "XXXX-XX-XX", None),
    ("The rig exploded on 20 April 2010 in the gulf.", None, "20 April 2010", D, "2010-04-20", "day"),
]


@pytest.mark.parametrize(("sentence", "dct", "text", "type_", "value", "gran"), CASES)
def test_expression(
    sentence: str,
    dct: dt.date | None,
    text: str,
    type_: TimexType,
    value: str,
    gran: str | None,
) -> None:
    mentions = tag(sentence, dct)
    found = [m for m in mentions if m.text == text]
    assert found, f"{text!r} not found in {[m.text for m in mentions]}"
    m = found[0]
    assert (m.type, m.value) == (type_, value)
    assert (m.granularity.value if m.granularity else None) == gran
    if type_ in (DUR, S):
        assert m.time is None and m.kind == ""


def test_table_is_large_enough() -> None:
    assert len(CASES) >= 60

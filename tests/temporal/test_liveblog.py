"""Live blogs: updates are read against the day they were written."""

from __future__ import annotations

import datetime as dt

from newsline.temporal import tag
from newsline.temporal.liveblog import update_days

THU = dt.date(2011, 1, 27)

NEWEST_FIRST = (
    "Harbour city (Wire) -- The strike goes on.\n"
    "(Update 1:10 a.m. Friday in Harbour city) Troops moved into the square on Friday, witnesses said.\n"
    "(Update 11:30 p.m. Thursday) The mayor spoke on television today.\n"
    "(Update 9:15 p.m.) Crowds gathered again today.\n"
    "(Update 6:05 p.m.) Police fired tear gas yesterday.\n"
)


def _values(text: str, dct: dt.date) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for m in tag(text, dct):
        assert text[m.start : m.end] == m.text
        out.setdefault(m.text, []).append(m.value)
    return out


def test_newest_first_updates_after_midnight_are_the_next_day() -> None:
    pieces = update_days(NEWEST_FIRST, THU)
    assert [p[2] for p in pieces] == [THU, THU + dt.timedelta(days=1), THU, THU, THU]
    assert pieces[0][0] == 0 and pieces[-1][1] == len(NEWEST_FIRST)
    assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:], strict=False))
    v = _values(NEWEST_FIRST, THU)
    assert v["Friday"] == ["2011-01-28"]  # read from Thursday it would be the 21st
    assert v["today"] == ["2011-01-27", "2011-01-27"]
    assert v["yesterday"] == ["2011-01-26"]


def test_the_stamps_weekdays_anchor_the_days_not_the_publication_date() -> None:
    # Archived under Friday, but the updates ran Wednesday evening to Thursday morning.
    text = (
        "(Update 2:40 a.m. Thursday) Talks collapsed today.\n"
        "(Update 11:45 p.m. Wednesday) Talks went on late.\n"
        "(Update 9 p.m. Wednesday) Talks began today.\n"
    )
    v = _values(text, dt.date(2011, 1, 28))
    assert v["today"] == ["2011-01-27", "2011-01-26"]


def test_oldest_first_updates_count_days_forward() -> None:
    text = (
        "(Update 9 p.m. Thursday) Talks began today.\n"
        "(Update 11:45 p.m.) Talks went on late.\n"
        "(Update 8:30 a.m. Friday) The talks collapsed today.\n"
        "(Update 10 a.m.) Envoys left today.\n"
    )
    v = _values(text, THU)
    assert v["today"] == ["2011-01-27", "2011-01-28", "2011-01-28"]


def test_only_days_that_a_stamp_names_are_moved() -> None:
    # The 1:10 a.m. update's day is named; the evening ones of the day before
    # are not and keep the publication date, as does a day no stamp confirms.
    text = (
        "(Update 1:10 a.m. Friday) Troops moved in today.\n"
        "(Update 11:30 p.m.) The mayor spoke today.\n"
        "(Update 6 p.m.) Crowds gathered today.\n"
    )
    assert [p[2] for p in update_days(text, THU)] == [THU + dt.timedelta(days=1), THU, THU]
    text = "(Update 12:41 a.m. Tuesday in Cairo , 5:41 p.m. ET Monday) Phones were cut."
    values = {m.text: m.value for m in tag(text, dt.date(2011, 2, 1))}
    assert values["Monday"] == "2011-01-31"  # that moment in New York, not next Monday


def test_ordinary_articles_and_unanchored_blogs_are_left_alone() -> None:
    two = "(Updated 5 p.m. Monday) Talks resumed today.\n(Updated 9 a.m. Tuesday) The envoy arrived.\n"
    assert update_days(two, THU) == []
    one_day = "(Update 9 p.m. Thursday) A.\n(Update 6 p.m.) B.\n(Update 2 p.m.) C today.\n"
    assert update_days(one_day, THU) == []
    assert _values(one_day, THU)["today"] == ["2011-01-27"]
    no_weekday = NEWEST_FIRST.replace(" Friday in", " in").replace(" Thursday)", ")")
    assert update_days(no_weekday, THU) == []
    # Without a publication date there is no day to count from: relative dates stay open.
    friday = [m for m in tag(NEWEST_FIRST, None) if m.text == "Friday"]
    assert len(friday) == 1 and friday[0].time is None

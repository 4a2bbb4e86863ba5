from __future__ import annotations

import datetime as dt

from newsline.model import Granularity, Timeline, TimePoint
from newsline.render._common import facts, long_label, notes, period_label, safe_url, title_of


def test_facts_in_order_with_removed_counts_and_readable_time(timeline):
    assert facts(timeline) == [
        ("Query", "spill, varnell"),
        ("Articles", "41"),
        ("Outlets", "5"),
        ("Published", "2026-09-03 to 2026-11-18"),
        ("Entries", "3"),
        ("Method", "datewise"),
        ("Removed", "near duplicates 1, boilerplate lines 12"),
        ("Generated", "2026-11-22 10:00"),
    ]


def test_facts_tolerate_missing_and_odd_meta():
    tl = Timeline((), meta={
        "date_range": None, "clean": {"articles_in": 9, "empty": 0},
        "generated": "2026-11-22T01:12:01+00:00", "articles": 0,
    })  # fmt: skip
    assert facts(tl) == [("Articles", "0"), ("Entries", "0"), ("Generated", "2026-11-22 01:12 UTC")]
    odd = Timeline((), meta={"generated": "yesterday", "notes": "one note", "title": "  "})
    assert ("Generated", "yesterday") in facts(odd)
    assert notes(odd) == ["one note"] and title_of(odd) == "Timeline"
    one_day = Timeline((), meta={"date_range": ["2026-11-22", "2026-11-22"]})  # was "2026-11-22 to 2026-11-22"
    assert ("Published", "2026-11-22") in facts(one_day)


def test_labels():
    day = TimePoint.day(dt.date(2011, 2, 11))
    month = TimePoint(dt.date(2011, 2, 1), Granularity.MONTH)
    year = TimePoint(dt.date(2011, 1, 1), Granularity.YEAR)
    assert [period_label(t) for t in (day, month, year)] == ["2011-02-11", "February 2011", "2011"]
    assert long_label(day) == "Friday 11 February 2011" and long_label(month) == "February 2011"


def test_title_falls_back_to_query():
    assert title_of(Timeline((), query=("egypt", "mubarak"))) == "Timeline: egypt mubarak"


def test_safe_url():
    assert safe_url(" https://a.example/x ") == "https://a.example/x"
    assert safe_url("JavaScript:alert(1)") == "" and safe_url("file:///etc/passwd") == ""

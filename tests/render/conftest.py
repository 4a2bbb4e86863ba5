"""A small timeline with every kind of entry and source, shared by the render tests."""

from __future__ import annotations

import datetime as dt

import pytest

from newsline.model import (
    Granularity,
    SourceRef,
    SummarySentence,
    Timeline,
    TimelineEntry,
    TimePoint,
)


def make_timeline() -> Timeline:
    gazette = SourceRef(
        "gazette-0904", "Hundreds evacuated after solvent spill", "https://gazette.example/a/1",
        dt.date(2026, 9, 4), 0, 96,
    )  # fmt: skip
    courier = SourceRef("courier-0911", "", "", dt.date(2026, 9, 11), 210, 305)
    nodate = SourceRef("undated-note", "Residents <meet> & talk", "javascript:alert(1)", None, 5, 40)
    entries = (
        TimelineEntry(
            TimePoint.day(dt.date(2026, 9, 3)),
            (
                SummarySentence(
                    "A storage tank at the Varnell plant leaked\nabout 9,000 gallons of solvent.",
                    gazette,
                ),
                SummarySentence("The town closed the river intake.", courier),
            ),
            score=2.5,
        ),
        TimelineEntry(
            TimePoint(dt.date(2026, 10, 1), Granularity.MONTH),
            (SummarySentence("Hearings ran through October <b>&</b> \"beyond\".", nodate),),
            score=1.0,
        ),
        TimelineEntry(
            TimePoint.day(dt.date(2026, 9, 10)),
            (SummarySentence("Residents filed a class action [in county court]."),),
            score=0.75,
        ),
    )
    return Timeline(
        entries,
        query=("spill", "varnell"),
        method="datewise",
        meta={
            "title": "The Tessaly River spill",
            "generated": "2026-11-22T10:00:00",
            "articles": 41,
            "sources": 5,
            "date_range": ["2026-09-03", "2026-11-18"],
            "notes": ["1 article had no publication date and was used without one."],
            "clean": {"near_duplicates": 1, "boilerplate_lines": 12},
        },
    )


@pytest.fixture
def timeline() -> Timeline:
    return make_timeline()

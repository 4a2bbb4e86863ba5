"""An undated folder of our own (the demo's style): a sensible timeline, no wrong day.

The Brennick ferry story, five scraped articles without any ``Date:`` line.
Their true publication days are known here (``TRUE``); the timeline built
without them may be coarser than the one built with them, never wrong.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import newsline
from newsline.model import Granularity
from newsline.temporal import tag

ARTICLES = {
    "harbour-aground.txt": (
        "2024-03-12",
        "BRENNICK, 12 March 2024 - The Brennick ferry Maud Ellery ran aground at the harbour mouth on Monday night with "
        "41 passengers on board. All passengers were brought ashore by lifeboat crews before "
        "dawn, the harbour master said. The ferry company suspended all crossings to Tarn "
        "Island until the hull has been inspected.",
    ),
    "island-cut-off.txt": (
        "2024-03-13",
        "Tarn Island residents said on Tuesday that they were running short of fuel after the "
        "Maud Ellery ran aground at the Brennick harbour mouth. The ferry company said "
        "crossings to Tarn Island stay suspended while divers inspect the hull of the Maud "
        "Ellery. The island council asked the coast guard for a supply boat.",
    ),
    "inquiry-opens.txt": (
        "2024-04-05",
        "The inquiry into the grounding of the Maud Ellery opened in Brennick on April 2, 2024. "
        "On Thursday the ferry captain told the inquiry that the harbour light had failed "
        "before the ferry ran aground. The harbour board said the light had been repaired.",
    ),
    "history.txt": (
        "2024-06-20",
        "The Maud Ellery was built for the Tarn Island crossing in 2019, five years ago, and "
        "has carried passengers to Brennick in every season since. The ferry company says "
        "it will return to service once the repairs are finished.",
    ),
    "column.txt": (
        "2024-05-01",
        "Islands need their ferries. A town that forgets its harbour forgets its neighbours, "
        "and the people of Tarn Island know it better than anyone on the mainland.",
    ),
}


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    for name, (_, text) in ARTICLES.items():
        (tmp_path / name).write_text(text + "\n", encoding="utf-8")
    return tmp_path


def allowed_days() -> set[dt.date]:
    """Every day the story could rightly show: publication days (and the day
    before, where a date-wise method files an article's lead) and every day
    its articles name, read against their true dates."""
    out: set[dt.date] = set()
    for _, (day, text) in ARTICLES.items():
        pub = dt.date.fromisoformat(day)
        out |= {pub, pub - dt.timedelta(days=1)}
        out |= {
            m.time.date
            for m in tag(text, pub)
            if m.time is not None and m.time.granularity is Granularity.DAY
        }
    return out


def test_estimates_of_the_undated_folder(folder: Path) -> None:
    corpus = newsline.prepare(newsline.load(folder))
    by_name = {Path(d.article.id).name: d for d in corpus}
    aground = by_name["harbour-aground.txt"]
    assert aground.article.published == dt.date(2024, 3, 12)
    assert aground.article.date_source == "estimated"
    assert by_name["column.txt"].estimate is None  # nothing dates it
    history = by_name["history.txt"].estimate
    assert history is not None and history.earliest.year == history.latest.year == 2024
    for name, doc in by_name.items():
        e = doc.estimate
        if e is not None and e.is_day:
            # a day estimate must be right (or the article say why not)
            assert e.best == dt.date.fromisoformat(ARTICLES[name][0]), name


def test_timeline_of_the_undated_folder_has_no_wrong_day(folder: Path) -> None:
    timeline = newsline.build_timeline(newsline.load(folder), query="ferry")
    days = [e.time.date for e in timeline if e.time.granularity is Granularity.DAY]
    assert days, "the dateline and the explicit date should give day entries"
    assert set(days) <= allowed_days()
    assert dt.date(2024, 3, 11) in days or dt.date(2024, 3, 12) in days  # the grounding

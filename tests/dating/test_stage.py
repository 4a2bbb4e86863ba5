"""The stage's switches on articles written for the test (shipped prior)."""

from __future__ import annotations

import datetime as dt

from newsline.core import prepare_document
from newsline.dating import DatingOptions, estimate_documents
from newsline.model import Article

WIRE = (
    "HARBOURTON, March 14 (Wirenews) - The council of Harbourton voted on Tuesday to "
    "close the Brennick ferry pier, which has stood since 1998."
)
DATED = "The council of Harbourton voted to close the Brennick ferry pier after the storms."


def test_wire_datelines_have_their_own_term_unless_switched_off() -> None:
    other = ["Wheat prices rose at the market.", "The orchestra played Brahms.", "Snow fell."]
    docs = [
        prepare_document(Article("wire", WIRE)),
        prepare_document(Article("dated", DATED, published=dt.date(2017, 3, 13))),
        *(prepare_document(Article(f"o{k}", t, published=dt.date(2016, 1, 5)))
          for k, t in enumerate(other)),
    ]  # fmt: skip
    on = estimate_documents(docs, DatingOptions())[0]
    assert on is not None and on.is_day and on.best == dt.date(2017, 3, 14)
    assert "partial-dateline" in [x.rule for x in on.evidence]
    # off, the month and day is a partial date: a lower bound
    off = estimate_documents(docs, DatingOptions(wire_datelines=False))[0]
    assert off is not None
    assert [x.rule for x in off.evidence if "dateline" in x.rule] == []
    assert "latest-past-date" in [x.rule for x in off.evidence]


def test_an_interval_neighbour_counts_as_its_likely_days_and_a_day_as_itself() -> None:
    from newsline.dating.stage import neighbours_of
    from newsline.model import DateEstimate

    d = dt.date
    docs = [
        prepare_document(Article(f"a{k}", "The Brennick ferry pier was closed."))
        for k in range(4)
    ]
    docs[3] = prepare_document(Article("a3", DATED, published=d(2017, 3, 20)))
    likely = ((d(2017, 3, 13), 0.2), (d(2017, 3, 14), 0.6), (d(2017, 3, 15), 0.2))
    week = DateEstimate(d(2017, 3, 12), d(2017, 3, 16), d(2017, 3, 14), "week", 0.9, (), likely)
    day = DateEstimate(d(2017, 3, 9), d(2017, 3, 9), d(2017, 3, 9), "day", 0.85)
    est = {0: None, 1: week, 2: day}
    near = [(1, 0.8), (2, 0.5), (3, 0.4)]
    ns = neighbours_of(near, docs, est, DatingOptions())
    assert [(n.day, round(n.sureness, 3), n.source) for n in ns] == [
        (d(2017, 3, 13), 0.09, "a1"),  # 0.9 x the interval weight 0.5 x 0.2
        (d(2017, 3, 14), 0.27, "a1"),
        (d(2017, 3, 15), 0.09, "a1"),
        (d(2017, 3, 9), 0.85, "a2"),
        (d(2017, 3, 20), 1.0, "a3"),
    ]
    # as its best day, and the neighbours are counted in articles
    old = neighbours_of(near, docs, est, DatingOptions(likely_neighbours=False, neighbours=2))
    assert [(n.day, n.sureness) for n in old] == [(d(2017, 3, 14), 0.45), (d(2017, 3, 9), 0.85)]
    assert len(neighbours_of(near, docs, est, DatingOptions(neighbours=2))) == 4

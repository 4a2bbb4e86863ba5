"""Copied weekday sentences (dating/copies.py) on articles written for the test."""

from __future__ import annotations

import datetime as dt

from newsline.core import prepare_document
from newsline.dating import DatingOptions, estimate, estimate_documents, read_clues, shipped_prior
from newsline.dating import copies as C
from newsline.dating.estimate import Neighbour
from newsline.dating.evidence import FUTURE, PAST
from newsline.model import Article

PRIOR = shipped_prior()
SENT = (
    "The council of Harbourton voted on Tuesday to close the Brennick ferry pier "
    "after the winter storms."
)
UNDATED = SENT + " Repairs will cost the town more than it has."
THURSDAY = dt.date(2017, 3, 16)


def _source(text: str, published: dt.date = THURSDAY) -> list[C.WeekdayLine]:
    doc = prepare_document(Article("src", text, published=published))
    return C.mention_lines(doc.article.text, doc.mentions)


def test_a_near_verbatim_copy_gives_its_reading_of_the_weekday() -> None:
    clues = read_clues(UNDATED)
    lines = C.clue_lines(UNDATED, clues)
    assert [(x.weekday, x.tense) for x in lines] == [(1, PAST)]
    found = C.match(lines, clues.of("weekday"), _source("Officials said it came late. " + SENT),
                    None, "src", 0.9)  # fmt: skip
    assert [(c.day, c.source, c.similarity, c.overlap) for c in found] == [
        (dt.date(2017, 3, 14), "src", 0.9, 1.0)  # the Tuesday before that Thursday
    ]
    # another sentence naming the same weekday, or the copy naming another: no copy
    other = "Fishermen marched on Tuesday against the plan, and the harbour master resigned."
    assert C.match(lines, clues.of("weekday"), _source(other), None) == []
    monday = _source(SENT.replace("Tuesday", "Monday"))
    assert monday and C.match(lines, clues.of("weekday"), monday, None) == []
    # an estimated article's line has no day: read from its estimated day
    own = C.clue_lines(SENT, read_clues(SENT))
    got = C.match(lines, clues.of("weekday"), own, dt.date(2017, 3, 20))
    assert [c.day for c in got] == [dt.date(2017, 3, 14)]


def test_short_sentences_and_unknown_tenses_are_not_matched() -> None:
    short = frozenset(["on", "tuesday", "he", "won"])
    assert C.overlap(short, short) == 0
    text = "Market: Tuesday, fish and bread at the old square by the Brennick harbour."
    clues = read_clues(text)
    assert [c.tense for c in clues.of("weekday")] and C.clue_lines(text, clues) == []


def test_windows_are_the_days_that_read_the_day() -> None:
    tuesday = dt.date(2017, 3, 14)
    o = tuesday.toordinal()
    assert C.window(tuesday, PAST) == (o, o + 6)
    assert C.window(tuesday, FUTURE) == (o - 6, o)
    for k in range(7):
        day = dt.date.fromordinal(o + k)
        assert C.read_from(day, 1, PAST) == tuesday
        assert C.read_from(dt.date.fromordinal(o - k), 1, FUTURE) == tuesday
    assert C.read_from(THURSDAY, 1, FUTURE) == dt.date(2017, 3, 21)


def test_the_copy_picks_the_week() -> None:
    clues = read_clues(UNDATED)
    clue = clues.of("weekday")[0]
    ns = [Neighbour(dt.date(2017, 3, 15), 0.3), Neighbour(dt.date(2017, 3, 29), 0.3)]
    plain = estimate(clues, PRIOR, ns)
    assert plain is not None and (plain.latest - plain.earliest).days > 7
    for x in (dt.date(2017, 3, 14), dt.date(2017, 3, 28)):
        e = estimate(clues, PRIOR, ns, copies=[C.WeekdayCopy(clue, x, 1.0, "src", 0.9)])
        assert e is not None and e.precision == "week"
        assert x <= e.earliest <= e.best <= e.latest <= x + dt.timedelta(days=6)
        assert [(v.rule, v.value, v.source) for v in e.evidence if v.rule == "weekday-copy"] == [
            ("weekday-copy", x.isoformat(), "src")
        ]


def test_without_copy_days_a_copy_makes_no_day_the_rest_does_not() -> None:
    text = (
        "The council of Harbourton voted on Monday to close the Brennick ferry pier after "
        "the winter storms. The mayor said on Tuesday that repairs had begun."
    )
    clues = read_clues(text)
    day = dt.date(2017, 3, 14)
    ns = [Neighbour(day, 0.9), Neighbour(day + dt.timedelta(days=14), 0.3)]
    cp = [C.WeekdayCopy(clues.of("weekday")[0], dt.date(2017, 3, 13), 1.0, "src", 0.9)]
    plain, made, kept = (estimate(clues, PRIOR, ns), estimate(clues, PRIOR, ns, copies=cp, copy_days=True),
                         estimate(clues, PRIOR, ns, copies=cp))  # fmt: skip
    assert plain is not None and made is not None and kept is not None
    assert not plain.is_day and made.is_day and made.best == day
    key = (plain.earliest, plain.latest, plain.best, plain.precision, plain.confidence)
    assert (kept.earliest, kept.latest, kept.best, kept.precision, kept.confidence) == key


def test_the_stage_matches_copies_only_when_asked() -> None:
    other = ["Wheat prices rose at the market.", "The orchestra played Brahms.", "Snow fell."]
    docs = [
        prepare_document(Article("undated", UNDATED)),
        prepare_document(Article("src", "Officials said it came late. " + SENT, published=THURSDAY)),
        *(prepare_document(Article(f"o{k}", t, published=dt.date(2016, 1, 5)))
          for k, t in enumerate(other)),
    ]  # fmt: skip
    on = estimate_documents(docs, DatingOptions(weekday_copies=True))[0]
    assert on is not None
    assert [(v.value, v.source) for v in on.evidence if v.rule == "weekday-copy"] == [
        ("2017-03-14", "src")
    ]
    off = estimate_documents(docs, DatingOptions())[0]
    assert off is not None and "weekday-copy" not in [v.rule for v in off.evidence]

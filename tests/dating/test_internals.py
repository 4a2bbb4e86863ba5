"""The dating stage's shortcuts give what the plain computation gives."""

from __future__ import annotations

import datetime as dt

import numpy as np

from newsline.dating import read_clues, shipped_prior
from newsline.dating.estimate import Neighbour, _candidates, estimate, terms
from newsline.dating.evidence import FUTURE, PAST, REPORTED, UNKNOWN, Clue, TextClues
from newsline.dating.partial import _sorted_unique, _year_of, latest_past, resolve_partial
from newsline.dating.prior import Histogram

PRIOR = shipped_prior()
TEXT = (
    "Posted: 9 June 2021\nThe ferry sank on March 3, 2021. On Thursday the council said "
    "repairs had begun in 2019, two years ago, and would end on October 17. "
    "Residents returned on Friday; the inquiry opens June 30."
)


def test_histogram_log_is_the_probability_inside_and_the_tail_outside() -> None:
    h = Histogram(-2, (0.1, 0.2, 0.3, 0.15, 0.05), 0.01)
    values = np.array([-10**12, -3, -2, -1, 0, 1, 2, 3, 400, 10**12], dtype=np.int64)
    want = [np.log(h.probs[v + 2]) if -2 <= v <= 2 else np.log(0.01) for v in values.tolist()]
    assert h.log(values).tolist() == want
    assert h.log(values.reshape(2, 5)).tolist() == [want[:5], want[5:]]  # any shape
    assert h.log(np.array([1, 5], dtype=np.int32)).tolist() == [want[5], want[-1]]


def test_clues_of_a_rule_keep_their_order_and_do_not_count_in_equality() -> None:
    clues = read_clues(TEXT)
    for rule in {c.rule for c in clues.clues} | {"no-such-rule"}:
        assert list(clues.of(rule)) == [c for c in clues.clues if c.rule == rule]
    again = read_clues(TEXT)
    assert again == clues and hash(again) == hash(clues)
    assert {c.rule for c in clues.clues} >= {"dateline", "full-date", "partial-date", "weekday", "year", "years-ago"}


def test_a_relative_year_in_capitals_is_still_tied_and_none_without_the_word() -> None:
    assert [c.year for c in read_clues("In 2014, TWO YEARS AGO, it fell.").of("years-ago")] == [2016]
    assert read_clues("In 2014 it fell, and in 2015 it rose.").of("years-ago") == ()


def test_partial_dates_read_with_the_years_split_once_are_read_alike() -> None:
    clues = read_clues(TEXT)
    days = _candidates(clues, [Neighbour(dt.date(2020, 12, 20), 0.4)])
    years = _year_of(days)
    for c in clues.of("partial-date"):
        got = resolve_partial(c, days, years, _sorted_unique(years))
        assert np.array_equal(got, resolve_partial(c, days, years))
        assert np.array_equal(_sorted_unique(years)[0], np.unique(years))


def test_years_of_days_and_partial_dates_read_over_a_range_of_years_are_the_plain_ones() -> None:
    days = np.array([1, 365, 366, 730_000, dt.date(2016, 2, 29).toordinal(), dt.date(9999, 12, 31).toordinal()])
    assert _year_of(days).tolist() == [dt.date.fromordinal(int(d)).year for d in days]
    clues = read_clues(TEXT)
    # neighbours years apart: candidate years with gaps between them
    ns = [Neighbour(dt.date(2008, 1, 20), 0.4), Neighbour(dt.date(2030, 12, 30), 0.3)]
    days = _candidates(clues, ns)
    years = _year_of(days)
    want = np.full(days.shape, dt.date(2021, 3, 3).toordinal())
    for c in clues.of("partial-date"):
        if c.tense != FUTURE:
            want = np.maximum(want, resolve_partial(c, days, years, _sorted_unique(years)))
    assert np.array_equal(latest_past(clues, days), want)


def test_evidence_weights_are_each_terms_lead_over_its_upper_median() -> None:
    clues = read_clues(TEXT)
    ns = [Neighbour(dt.date(2021, 6, 8), 0.5, 1.0, "a"), Neighbour(dt.date(2021, 5, 1), 0.2, 0.5, "b")]
    e = estimate(clues, PRIOR, ns)
    assert e is not None
    days = _candidates(clues, ns)
    parts = terms(clues, ns, days, PRIOR)
    i = int(np.searchsorted(days, e.best.toordinal()))
    mid = len(days) // 2
    want = [round(float(s[i] - np.sort(s)[mid]), 3) for *_, s in parts]
    assert [x.weight for x in e.evidence] == want
    assert [x.rule for x in e.evidence] == [p[0] for p in parts]


def test_partial_dates_read_from_their_sorted_readings_are_the_per_day_readings() -> None:
    days = np.arange(dt.date(2015, 10, 1).toordinal(), dt.date(2017, 3, 15).toordinal())
    years = _year_of(days)
    dates = [(1, 5), (2, 29), (3, 1), (6, 30), (12, 28)]  # 30 June: as near a year before as after
    for tense in (PAST, REPORTED, UNKNOWN):
        for group in [[x] for x in dates] + [[(1, 5), (6, 30)], dates]:
            clues = [Clue("partial-date", 0, 1, "x", None, m, d, 0, -1, tense) for m, d in group]
            want = np.max([resolve_partial(c, days, years) for c in clues], axis=0)
            assert np.array_equal(latest_past(TextClues((), tuple(clues)), days), want)

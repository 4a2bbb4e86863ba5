"""Named years as a lower bound of the publication year, and month-days read
in the year the text ties them to (:mod:`newsline.dating.years`)."""

from __future__ import annotations

import datetime as dt

import numpy as np

from newsline.dating import apply_estimate, estimate, read_clues
from newsline.dating.prior import DatingPrior
from newsline.dating.years import anchor_partials, reach, told_year, year_log
from newsline.model import Granularity
from newsline.temporal import tag


def _prior(far_lags: list[int]) -> DatingPrior:
    """A prior whose articles name a year and, ``far_lags`` of them, are
    published that many years later (3 or more); the rest in the year named."""
    near = [0] * 40
    samples = {"year": near + [min(k, 3) for k in far_lags], "year_far": far_lags}
    return DatingPrior().fit(samples, {})


def test_the_open_year_bin_is_spread_over_the_years_it_covers() -> None:
    prior = _prior([3] * 100 + [4] * 100 + [9] * 200)
    open_mass = float(np.exp(prior.histogram("year").log(np.array([3]))[0]))
    spread = np.exp(year_log(prior, np.arange(3, 41)))
    assert abs(spread.sum() - open_mass) < 1e-9  # the bin's mass, not once per year
    assert spread[9 - 3] > spread[4 - 3] > spread[5 - 3]  # as the prior saw them
    # the years the bin does not hold read as before
    lags = np.arange(-3, 3)
    assert np.allclose(year_log(prior, lags), prior.histogram("year").log(lags))


def test_the_later_years_read_are_bounded_by_what_the_prior_saw() -> None:
    assert reach(_prior([3] * 300)) == 3
    assert reach(_prior([12] * 300)) == 12
    assert reach(_prior([])) < 3  # nearly all published in the year named


def test_a_named_year_is_a_lower_bound_of_the_estimate() -> None:
    text = "The pier, built in 2010, was closed on 14 November after the storm."
    clues = read_clues(text)
    late = _prior([6] * 300)  # articles like this are published 6 years after the year they name
    e = estimate(clues, late, [], year_reach=-1, year_spread=True)
    assert e is not None and e.best.year == 2016 and e.earliest <= dt.date(2016, 11, 14) <= e.latest
    # read only in the year named, the estimate is confidently wrong
    assert estimate(clues, late, []).best.year == 2010  # type: ignore[union-attr]


def test_a_month_day_takes_the_year_of_a_date_told_before_it() -> None:
    text = (
        "The plant opened on 3 March 2010 with 40 workers.\n"
        "Production stopped on October 17 after a fire.\n"
        "On March 2, 2011, the owners sold it, after talks begun on January 20 .\n"
        "Brown & Co. bought it in May 2012. The deal closed on June 1 .\n"
        "The mayor, in office since 2004, spoke on June 5."
    )
    got = {m.text: m for m in anchor_partials(text, tuple(tag(text, None)))}
    assert got["January 20"].time is not None and got["January 20"].time.date == dt.date(2011, 1, 20)
    # a date in another sentence or paragraph, or a bare year, does not tie it
    assert got["June 1"].time is None
    assert got["October 17"].time is None
    assert got["June 5"].time is None
    assert told_year(text, tuple(tag(text, None)), text.index("June 5")) is None


def test_an_undated_article_without_an_estimate_keeps_no_wrong_day() -> None:
    from newsline.core import prepare_document
    from newsline.model import Article

    text = "Talks began on 2 May 2012 in Oslo, and a deal came on May 9 .\nIt held until July 4."
    doc = prepare_document(Article(id="a", text=text, title="Talks"))
    out = apply_estimate(doc, None, told=True)
    by = {m.text: m.time for m in out.mentions}
    assert by["May 9"] is not None and by["May 9"].granularity is Granularity.DAY
    assert by["May 9"].date == dt.date(2012, 5, 9)
    assert by["July 4"] is None
    assert apply_estimate(doc, None) is doc  # the option off: unchanged

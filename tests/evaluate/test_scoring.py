"""Metric definitions on small timelines computed by hand."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from newsline.errors import InputError
from newsline.evaluate.alignment import content_tokens, cost_matrix, many_to_one
from newsline.evaluate.scoring import SCORE_KEYS, f_score, mean_scores, score_timeline
from newsline.model import Granularity, SummarySentence, Timeline, TimelineEntry, TimePoint

D = dt.date


def tl(*pairs: tuple[dt.date, list[str]]) -> Timeline:
    return Timeline.from_pairs(list(pairs))


def test_identical_timelines_score_one_everywhere() -> None:
    gold = tl(
        (D(2010, 4, 20), ["Oil rig explodes in the Gulf."]), (D(2010, 7, 15), ["Leak capped."])
    )
    scores = score_timeline(gold, [gold])
    assert list(scores) == list(SCORE_KEYS)
    assert all(v == pytest.approx(1.0) for v in scores.values())


def test_agreement_needs_the_same_day_and_alignment_discounts_by_distance() -> None:
    gold = tl((D(2010, 4, 20), ["oil rig explodes"]))
    system = tl((D(2010, 4, 21), ["oil rig explodes"]))
    s = score_timeline(system, [gold])
    # tokens: oil, rig, explod -> 3 unigrams, 2 bigrams
    assert s["concat_r1_f"] == pytest.approx(1.0)
    assert s["agreement_r1_p"] == 0 and s["agreement_r1_r"] == 0
    # one day apart: hits discounted by 1 / (1 + 1)
    assert s["align_r1_p"] == pytest.approx(0.5)
    assert s["align_r1_r"] == pytest.approx(0.5)
    assert s["align_r2_f"] == pytest.approx(0.5)
    assert (s["date_p"], s["date_r"], s["date_f1"]) == (0, 0, 0)


def test_precision_and_recall_use_their_own_alignment() -> None:
    gold = tl((D(2011, 1, 1), ["protest square cairo"]), (D(2011, 1, 10), ["mubarak resigns"]))
    system = tl((D(2011, 1, 1), ["protest square cairo"]))
    s = score_timeline(system, [gold])
    assert s["align_r1_p"] == pytest.approx(1.0)
    # recall: the Jan 10 gold date is aligned to the only system date, which shares nothing
    assert s["align_r1_r"] == pytest.approx(3 / 5)
    assert s["date_p"] == 1 and s["date_r"] == 0.5


def test_cost_matrix_is_zero_on_the_same_day_and_ties_go_to_the_earliest_date() -> None:
    sys_ = {D(2011, 1, 5): ["a b"]}
    gold = {D(2011, 1, 4): ["c"], D(2011, 1, 6): ["c"], D(2011, 1, 5): ["z"]}
    dates = sorted(gold)
    costs = cost_matrix(sys_, [gold], [D(2011, 1, 5)], dates)
    assert costs[0, 1] == 0
    assert costs[0, 0] == costs[0, 2] == pytest.approx(0.5)
    assert many_to_one(np.array([[0.5, 0.2, 0.2]]))[0].tolist() == [1]


def test_content_tokens_drop_punctuation_substrings_like_tilse() -> None:
    assert content_tokens(["Oil , spill ( ) () -- ."]) == {"Oil": 1, "spill": 1, "--": 1}


def test_month_entries_count_on_their_first_day_and_same_day_entries_merge() -> None:
    gold = tl((D(2011, 2, 1), ["mubarak resigns"]))
    month = TimelineEntry(
        TimePoint(D(2011, 2, 1), Granularity.MONTH), (SummarySentence("mubarak"),)
    )
    day = TimelineEntry(TimePoint.day(D(2011, 2, 1)), (SummarySentence("resigns"),))
    s = score_timeline(Timeline((month, day)), [gold])
    assert s["date_p"] == 1.0
    assert s["agreement_r1_f"] == pytest.approx(1.0)


def test_empty_system_scores_zero_and_missing_gold_is_an_error() -> None:
    gold = tl((D(2010, 1, 1), ["quake hits haiti"]))
    assert all(v == 0 for v in score_timeline(Timeline(()), [gold]).values())
    with pytest.raises(InputError):
        score_timeline(gold, [])


def test_mean_takes_f_from_mean_precision_and_recall() -> None:
    a = dict.fromkeys(SCORE_KEYS, 0.0) | {"align_r1_p": 1.0, "align_r1_r": 0.0}
    b = dict.fromkeys(SCORE_KEYS, 0.0) | {"align_r1_p": 0.0, "align_r1_r": 1.0}
    mean = mean_scores([a, b])
    assert mean["align_r1_p"] == mean["align_r1_r"] == 0.5
    assert mean["align_r1_f"] == pytest.approx(0.5)  # not the mean of the two F (0)
    assert f_score(0, 0) == 0


def _naive_cost(sys_summary: list[str], gold_summaries: list[list[str]], days: int) -> float:
    """tilse's cost for one pair, written out directly."""
    pred = content_tokens(sys_summary)
    refs = [content_tokens(g) for g in gold_summaries]
    match = sum(min(c, r[t]) for t, c in pred.items() for r in refs)
    p_den = len(refs) * sum(pred.values())
    r_den = sum(sum(r.values()) for r in refs)
    p = match / p_den if p_den else 0
    r = match / r_den if r_den else 0
    f = 2 * p * r / (p + r) if p + r else 0
    return (1 - 1 / (days + 1)) * (1 - f)


def test_cost_matrix_equals_the_pairwise_definition_with_repeated_tokens() -> None:
    rng = np.random.default_rng(7)
    words = ["oil", "spill", "bp", "well", ",", "cap", "gulf"]

    def summary() -> list[str]:
        return [" ".join(rng.choice(words, size=int(rng.integers(0, 9)))) for _ in range(2)]

    sys_ = {D(2010, 4, 20 + i): summary() for i in range(0, 8, 2)}
    golds = [{D(2010, 4, 19 + i): summary() for i in range(0, 9, 3)} for _ in range(2)]
    sys_dates = sorted(sys_)
    gold_dates = sorted({d for g in golds for d in g})
    costs = cost_matrix(sys_, golds, sys_dates, gold_dates)
    for i, a in enumerate(sys_dates):
        for j, b in enumerate(gold_dates):
            expected = _naive_cost(sys_[a], [g.get(b, []) for g in golds], abs((a - b).days))
            assert costs[i, j] == pytest.approx(expected, abs=1e-12)

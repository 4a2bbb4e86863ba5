"""DATEWISE: rank dates, then summarize the sentences about each chosen date.

The date-wise approach of Tran et al. (2013) and Gholipour Ghalandari & Ifrim
(2020): candidate dates from publication and mention counts, a date ranker,
and per date an extractive summary of the sentences that mention the date
(or are published on it and mention no other date).
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from ...model import Corpus, Timeline, TimelineEntry, TimePoint
from ..base import TimelineConfig, register
from ..candidates import SentencePool
from ..dates import LinearDateRanker, date_features, select_dates
from ..length import DEFAULT_SENTENCES, default_n_dates
from ..summarize import CentroidSummarizer, SentenceFilter


@register("datewise")
class DateWise:
    name = "datewise"

    def __init__(
        self,
        ranker: LinearDateRanker | None = None,
        summarizer: CentroidSummarizer | None = None,
        sentence_filter: SentenceFilter | None = None,
        min_gap_days: int = 0,
        pub_weight: float = 1.0,
        position_decay: float = 0.0,
    ) -> None:
        self.ranker = ranker or LinearDateRanker()
        self.summarizer = summarizer or CentroidSummarizer()
        self.sentence_filter = sentence_filter or SentenceFilter()
        self.min_gap_days = min_gap_days
        self.pub_weight = pub_weight
        self.position_decay = position_decay

    def build(self, corpus: Corpus, config: TimelineConfig) -> Timeline:
        pool = SentencePool.from_corpus(corpus, config.keywords, config.start, config.end)
        feats = date_features(pool, config.start, config.end)
        scores = self.ranker.score(feats)
        n_dates = config.n_dates
        if n_dates is None:
            n_dates = default_n_dates(scores, len(corpus))
        k = config.n_sentences or DEFAULT_SENTENCES

        candidates, prior = self._candidates(pool)
        # Only dates that have something to say can be chosen.
        has_text = np.array([bool(candidates.get(d)) for d in feats.dates], dtype=bool)
        scores = np.where(has_text, scores, -np.inf)
        valid = int(has_text.sum())
        dates = select_dates(feats, scores, min(n_dates, valid), self.min_gap_days)

        used = sorted({i for d in dates for i in candidates[d]})
        local = {g: j for j, g in enumerate(used)}
        self.summarizer.fit([pool.sentences[i].text for i in used])
        score_of = dict(zip(feats.dates, scores, strict=True))
        chosen: list[int] = []
        entries = []
        for d in dates:
            cand = [local[i] for i in candidates[d]]
            weights = np.array([prior[(d, i)] for i in candidates[d]])
            picked = self.summarizer.select(cand, k, chosen, weights)
            chosen.extend(picked)
            if not picked:
                continue
            sents = tuple(pool.source(pool.sentences[used[j]]) for j in picked)
            entries.append(TimelineEntry(TimePoint.day(d), sents, float(score_of[d])))
        return Timeline(tuple(entries), config.keywords, self.name, {"articles": len(corpus)})

    def _candidates(
        self, pool: SentencePool
    ) -> tuple[dict[dt.date, list[int]], dict[tuple[dt.date, int], float]]:
        """Sentences about each date, with a prior weight: they mention it (weight 1),
        or are published on it and mention no date at all (``pub_weight``).
        Only keyword sentences of acceptable length."""
        out: dict[dt.date, list[int]] = {}
        prior: dict[tuple[dt.date, int], float] = {}
        ok = self.sentence_filter.ok
        for i, ps in enumerate(pool.sentences):
            if not ps.keyword or not ok(ps.text):
                continue
            pos = 1.0 / (1.0 + self.position_decay * ps.sentence.index)
            if ps.dates:
                for d in ps.dates:
                    out.setdefault(d, []).append(i)
                    prior[(d, i)] = pos
            elif self.pub_weight > 0 and ps.published is not None and not ps.months:
                out.setdefault(ps.published, []).append(i)
                prior[(ps.published, i)] = self.pub_weight * pos
        return out, prior

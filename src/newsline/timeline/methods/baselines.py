"""Reference baselines from the literature: ``random`` and ``pubcount``."""

from __future__ import annotations

import datetime as dt
import random

from ...model import Corpus, Timeline, TimelineEntry, TimePoint
from ..base import TimelineConfig, register
from ..candidates import SentencePool
from ..length import DEFAULT_SENTENCES, default_n_dates


class _Baseline:
    name = ""

    def _pool_and_days(self, corpus: Corpus, config: TimelineConfig):
        pool = SentencePool.from_corpus(corpus, config.keywords, config.start, config.end)
        # keyword sentences per article, in article order
        per_doc: dict[int, list[int]] = {}
        for i, ps in enumerate(pool.sentences):
            if ps.keyword and ps.text.count(" ") >= 4:
                per_doc.setdefault(ps.doc, []).append(i)
        by_day: dict[dt.date, list[int]] = {}
        for di, doc in enumerate(pool.documents):
            p = doc.article.published
            if p is None or di not in per_doc:
                continue
            if (config.start and p < config.start) or (config.end and p > config.end):
                continue
            by_day.setdefault(p, []).append(di)
        return pool, per_doc, by_day

    def _entry(self, pool: SentencePool, per_doc, docs: list[int], d: dt.date, k: int, score: float):
        picked: list[int] = []
        depth = 0
        while len(picked) < k and any(depth < len(per_doc[di]) for di in docs):
            for di in docs:
                if depth < len(per_doc[di]) and len(picked) < k:
                    picked.append(per_doc[di][depth])
            depth += 1
        sents = tuple(pool.source(pool.sentences[i]) for i in picked)
        return TimelineEntry(TimePoint.day(d), sents, score)


@register("pubcount")
class PubCount(_Baseline):
    """Dates with the most publications; first sentences of their articles."""

    name = "pubcount"

    def build(self, corpus: Corpus, config: TimelineConfig) -> Timeline:
        pool, per_doc, by_day = self._pool_and_days(corpus, config)
        ranked = sorted(by_day, key=lambda d: (-len(by_day[d]), d))
        import numpy as np

        n = config.n_dates
        if n is None:
            n = default_n_dates(np.array([len(by_day[d]) for d in ranked], float), len(corpus))
        k = config.n_sentences or DEFAULT_SENTENCES
        entries = [self._entry(pool, per_doc, by_day[d], d, k, float(len(by_day[d]))) for d in ranked[:n]]
        return Timeline(tuple(entries), config.keywords, self.name, {"articles": len(corpus)})


@register("random")
class RandomDates(_Baseline):
    """Random dates from the candidate pool (seeded by ``random_state``)."""

    name = "random"

    def build(self, corpus: Corpus, config: TimelineConfig) -> Timeline:
        pool, per_doc, by_day = self._pool_and_days(corpus, config)
        rng = random.Random(config.random_state)
        days = sorted(by_day)
        n = config.n_dates if config.n_dates is not None else min(len(days), 10)
        chosen = rng.sample(days, min(n, len(days)))
        k = config.n_sentences or DEFAULT_SENTENCES
        entries = []
        for d in chosen:
            docs = list(by_day[d])
            rng.shuffle(docs)
            entries.append(self._entry(pool, per_doc, docs, d, k, 0.0))
        return Timeline(tuple(entries), config.keywords, self.name, {"articles": len(corpus)})

"""DATEWISE: rank dates, then summarize the sentences about each chosen date.

The date-wise approach of Tran et al. (2013) and Gholipour Ghalandari & Ifrim
(2020): candidate dates from publication and mention counts, a date ranker,
and per date an extractive summary of the sentences about the date: those
that mention it, and the undated lead sentences of articles published on it
or on the day after (news of a day is often first reported the next morning).
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Protocol

import numpy as np

from ...gcpause import collector_paused
from ...model import Corpus, Timeline, TimelineEntry, TimePoint
from ...text.quality import entry_label, trim
from ...text.quality import prior as quality_prior
from ..base import TimelineConfig, register
from ..candidates import PooledSentence, SentencePool
from ..dates import (
    DateFeatures,
    LinearDateRanker,
    chronology_docs,
    date_features,
    select_dates,
    standardized,
)
from ..length import DEFAULT_SENTENCES, default_n_dates
from ..sentences.features import context_matrix, static_features
from ..sentences.summarize import CentroidSummarizer, SentenceFilter


class DateRanker(Protocol):
    def score(self, feats: DateFeatures) -> np.ndarray: ...


Candidates = dict[dt.date, list[int]]


class DateWise:
    """Date-wise timeline method; every part is a constructor parameter.

    ``ranker`` scores candidate dates, ``summarizer`` picks each date's
    sentences among its candidates (:meth:`candidates`: ``lead_sentences``,
    ``next_day``), ``sentence_filter`` bounds their length. Priors multiply a
    candidate's relevance: ``pub_weight`` for undated candidates, ``secondary``
    for one that mentions another date first, and with ``quality`` the
    sentence-form prior of :mod:`newsline.text.quality` (``fragment`` for a
    dateline with little after it); ``entry`` for a timeline-entry sentence
    that leads with the date (``March 17 - The council votes ...``), whose date
    label is left out of the summary.

    Date choice (:meth:`choose_dates`): the ranker's standardized score plus
    ``chronology`` times the (normalized) number of articles with a
    timeline-entry sentence for the date, since a date that outlets put in
    their own chronologies is a key date; then greedy selection with a
    ``spread`` penalty for dates next to chosen ones (``spread_tau``: its reach
    in mean date spacings); ``min_gap_days`` keeps chosen dates apart.
    ``censoring`` is the prior of the date features' end-of-collection
    correction (None: the default, ``inf``: off).

    Sentences are picked with ``by_slot`` (the summarizer's
    :meth:`~newsline.timeline.sentences.summarize.GreedySummarizer.select_timeline`):
    every chosen date gets its first sentence before any gets its second, so
    a date whose one new sentence an earlier date would have taken as its
    k-th still gets an entry.
    """

    name = "datewise"

    def __init__(
        self,
        ranker: DateRanker | None = None,
        summarizer: CentroidSummarizer | None = None,
        sentence_filter: SentenceFilter | None = None,
        min_gap_days: int = 0,
        pub_weight: float = 1.0,
        quality: bool = True,
        lead_sentences: int | None = 6,
        next_day: bool = True,
        secondary: float = 0.5,
        fragment: float = 0.3,
        next_day_weight: float = 1.0,
        entry: float = 1.3,
        chronology: float = 4.0,
        spread: float = 0.4,
        spread_tau: float = 0.2,
        censoring: float | None = None,
        by_slot: bool = True,
    ) -> None:
        self.ranker = ranker or LinearDateRanker()
        self.summarizer = summarizer or CentroidSummarizer()
        self.sentence_filter = sentence_filter or SentenceFilter()
        self.min_gap_days = min_gap_days
        self.pub_weight = pub_weight
        self.quality = quality
        self.lead_sentences = lead_sentences
        self.next_day = next_day
        self.secondary = secondary
        self.fragment = fragment
        self.next_day_weight = next_day_weight
        self.entry = entry
        self.chronology = chronology
        self.spread = spread
        self.spread_tau = spread_tau
        self.censoring = censoring
        self.by_slot = by_slot

    def build(self, corpus: Corpus, config: TimelineConfig) -> Timeline:
        with collector_paused():
            return self._build(corpus, config)

    def _build(self, corpus: Corpus, config: TimelineConfig) -> Timeline:
        pool = SentencePool.from_corpus(corpus, config.keywords, config.start, config.end)
        feats = date_features(pool, config.start, config.end, self.censoring)
        scores = self.ranker.score(feats)
        candidates = self.candidates(pool)
        # Only dates that have something to say can be chosen.
        has_text = np.array([bool(candidates.get(d)) for d in feats.dates], dtype=bool)
        n_dates = config.n_dates
        if n_dates is None:
            n_dates = default_n_dates(np.where(has_text, scores, scores.min(initial=0)), len(corpus))
        scores = np.where(has_text, scores, -np.inf)
        dates = self.choose_dates(
            pool, feats, scores, min(n_dates, int(has_text.sum())), (config.start, config.end)
        )
        k = config.n_sentences or DEFAULT_SENTENCES
        score_of = dict(zip(feats.dates, scores, strict=True))
        entries = self.summarize(pool, candidates, dates, k, score_of)
        return Timeline(tuple(entries), config.keywords, self.name, {"articles": len(corpus)})

    def choose_dates(
        self,
        pool: SentencePool,
        feats: DateFeatures,
        scores: np.ndarray,
        n: int,
        bounds: tuple[dt.date | None, dt.date | None] = (None, None),
    ) -> list[dt.date]:
        """The ``n`` dates of the timeline, best first (dates that cannot be
        chosen score -inf), within ``bounds`` (the config's start and end)."""
        if self.chronology:
            scores = standardized(scores) + self.chronology * chronology_docs(pool, feats.dates)
        # The spread's reach follows the span the articles cover: a date
        # recalled from decades before ("born on 31 October 1935") must not
        # stretch it until every date of the story counts as a neighbour.
        # Nor may a publication day outside the bounds (an undated article
        # estimated years off, from a stale photo caption's date): no date
        # there can be chosen, so the timeline covers the span cut to them.
        published = [d.article.published for d in pool.documents if d.article.published]
        span = _span(published, *bounds)
        return select_dates(
            feats, scores, n, self.min_gap_days, self.spread, self.spread_tau, span
        )

    def summarize(
        self,
        pool: SentencePool,
        candidates: Candidates,
        dates: list[dt.date],
        k: int,
        score_of: dict[dt.date, float] | None = None,
    ) -> list[TimelineEntry]:
        used = self.vocabulary(candidates, dates)
        local = {g: j for j, g in enumerate(used)}
        cuts = [trim(pool.sentences[i].text) if self.quality else 0 for i in used]
        texts = [pool.sentences[i].text[c:] for i, c in zip(used, cuts, strict=True)]
        self.summarizer.fit(texts)
        # A sentence's features and form prior do not depend on the date it is a
        # candidate for (leads are candidates for two days): computed once per
        # candidate of a chosen date, the features only for a summarizer that reads them.
        chosen = dict.fromkeys(i for d in dates for i in candidates[d])
        uses_context = getattr(self.summarizer, "uses_context", True)
        static = {
            i: static_features(
                texts[local[i]], pool.sentences[i].sentence.index, len(pool.sentences[i].dates)
            )
            for i in (chosen if uses_context else ())
        }
        form: dict[int, float] = {}
        if self.quality:
            form = {i: quality_prior(pool.sentences[i].text, self.fragment) for i in chosen}
        groups = []
        for d in dates:
            sents = [pool.sentences[i] for i in candidates[d]]
            context = (context_matrix(sents, d, [static[i] for i in candidates[d]])
                       if uses_context else None)
            weights = self.pub_weights(sents, d)
            if self.quality:
                weights = weights * np.array([form[i] for i in candidates[d]])
            groups.append(([local[i] for i in candidates[d]], weights, context))
        picks = self.summarizer.select_timeline(groups, k, by_slot=self.by_slot)
        entries = []
        for d, picked in zip(dates, picks, strict=True):
            if not picked:
                continue
            out = tuple(
                pool.source(pool.sentences[used[j]], cuts[j] + self._label(used[j], cuts[j], pool, d))
                for j in picked
            )
            score = float((score_of or {}).get(d, 0.0))
            entries.append(TimelineEntry(TimePoint.day(d), out, score))
        return entries

    def _label(self, i: int, cut: int, pool: SentencePool, day: dt.date) -> int:
        """Characters of a leading "March 17 -" label to leave out when the
        sentence summarizes the day it names (the entry shows the date)."""
        ps = pool.sentences[i]
        if not self.quality or not ps.dates or ps.dates[0] != day:
            return 0
        return entry_label(ps.text[cut:])

    max_vocabulary = 50_000

    def vocabulary(self, candidates: Candidates, dates: list[dt.date]) -> list[int]:
        """Sentences the summarizer is fitted on (TF-IDF weights, the topic
        centroid): the candidates of every date, chosen or not; beyond
        ``max_vocabulary`` sentences, all of the chosen dates' and an even
        sample of the rest."""
        chosen = {i for d in dates for i in candidates[d]}
        rest = sorted({i for idx in candidates.values() for i in idx} - chosen)
        room = self.max_vocabulary - len(chosen)
        if len(rest) > room:
            rest = rest[:: math.ceil(len(rest) / room)] if room > 0 else []
        return sorted(chosen.union(rest))

    def pub_weights(self, sents: list, day: dt.date) -> np.ndarray:
        """Per candidate: ``pub_weight`` if it does not mention ``day``, and
        ``secondary`` if it mentions another date first (in "X resigned on Friday,
        after protests that began on 25 January" the event is Friday's),
        ``entry`` if it is a timeline entry for ``day`` ("March 17 - X resigns"),
        and ``next_day_weight`` more for an undated lead published the day after."""
        def weight(ps: PooledSentence) -> float:
            if ps.dates:
                if ps.dates[0] != day:
                    return self.secondary
                return self.entry if self.entry != 1.0 and entry_label(ps.text) else 1.0
            return self.pub_weight * (self.next_day_weight if ps.published != day else 1.0)

        return np.array([weight(ps) for ps in sents])

    def candidates(self, pool: SentencePool) -> Candidates:
        """Sentences about each date, keyword sentences of acceptable length only.

        A sentence that mentions dates is a candidate for each of them. One that
        mentions no date (nor a month, nor a year other than its article's) and is among the first ``lead_sentences``
        of its article (all, if None) is a candidate for its publication date
        and, with ``next_day``, for the day before it."""
        out: Candidates = {}
        ok = self.sentence_filter.ok
        lead = self.lead_sentences
        leads = self.pub_weight > 0
        other_year = pool.other_year
        for i, ps in enumerate(pool.sentences):  # (the length filter last: most fail before)
            if not ps.keyword:
                continue
            if ps.dates:
                if not ok(ps.sentence.text):
                    continue
                for d in ps.dates:
                    out.setdefault(d, []).append(i)
            elif leads and ps.published is not None and not ps.months and i not in other_year:
                if (lead is not None and ps.sentence.index >= lead) or not ok(ps.sentence.text):
                    continue
                out.setdefault(ps.published, []).append(i)
                if self.next_day:
                    out.setdefault(ps.published - _DAY, []).append(i)
        return out


_DAY = dt.timedelta(days=1)


def _span(
    published: list[dt.date], start: dt.date | None, end: dt.date | None
) -> tuple[dt.date, dt.date] | None:
    """First and last of the ``published`` days cut to ``start`` and ``end``
    (either may be ``None``); ``None`` when there are none or none is in bounds."""
    if not published:
        return None
    lo, hi = min(published), max(published)
    lo, hi = max(lo, start) if start else lo, min(hi, end) if end else hi
    return (lo, hi) if lo <= hi else None

SUMMARY_LENGTH = SentenceFilter(min_words=8, max_words=50)


def _learned_summarizer() -> CentroidSummarizer:
    from ..sentences.scorer import LearnedSentenceScorer, LearnedSummarizer

    return LearnedSummarizer(LearnedSentenceScorer.load())


def _variant(name: str, **kwargs: object) -> DateWise:
    method = DateWise(sentence_filter=SUMMARY_LENGTH, **kwargs)  # type: ignore[arg-type]
    method.name = name
    return method


@register("datewise")
def _default() -> DateWise:
    """The default: fixed date weights corrected by the learned date ranker
    (shipped model), TF-IDF centroid selection.

    It had the best leave-one-topic-out scores of the variants on T17 and
    Entities (BENCHMARKS.md)."""
    from ..dates.ranker import BlendedDateRanker, LearnedDateRanker

    return _variant("datewise", ranker=BlendedDateRanker(LearnedDateRanker.load()))


@register("datewise-fixed")
def _fixed() -> DateWise:
    """Fixed-weight date ranking, TF-IDF centroid selection: no trained model at all."""
    return _variant("datewise-fixed")


@register("datewise-ranked")
def _ranked() -> DateWise:
    """Learned date ranker alone (shipped model), TF-IDF centroid selection."""
    from ..dates.ranker import LearnedDateRanker

    return _variant("datewise-ranked", ranker=LearnedDateRanker.load())


@register("datewise-learned")
def _learned() -> DateWise:
    """The default's dates, sentences by the learned sentence scorer (shipped model)."""
    from ..dates.ranker import BlendedDateRanker, LearnedDateRanker

    return _variant(
        "datewise-learned",
        ranker=BlendedDateRanker(LearnedDateRanker.load()),
        summarizer=_learned_summarizer(),
    )

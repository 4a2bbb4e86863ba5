"""Candidate sentences and candidate dates, the shared input of every method.

A :class:`SentencePool` flattens a corpus into one record per sentence with
its publication date, the day-granularity dates it mentions and whether it
carries a query keyword. Methods read the pool; nothing here ranks.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import repeat

from ..frozen import make_many
from ..model import Corpus, Document, Granularity, Sentence, SourceRef, SummarySentence
from ..query import matcher, matches


@dataclass(frozen=True, slots=True)
class PooledSentence:
    doc: int
    sentence: Sentence
    published: dt.date | None
    dates: tuple[dt.date, ...]
    """Day-granularity dates the sentence mentions (resolved, deduplicated)."""
    months: tuple[dt.date, ...]
    """First days of month-granularity mentions."""
    keyword: bool

    @property
    def text(self) -> str:
        return self.sentence.text


def keyword_match(text_lower: str, keywords: Sequence[str]) -> bool:
    """Whether a lower-cased text contains one of ``keywords``, query terms matched
    as whole words (``*`` wildcards: :mod:`newsline.query`)."""
    return matches(text_lower, keywords)


def _dated_sentences(
    doc: Document, lo: dt.date, hi: dt.date
) -> dict[int, tuple[list[dt.date], list[dt.date]]]:
    """Per sentence of ``doc`` with a mention of a day in ``[lo, hi]`` or of a month:
    those days and first days of months, each once, in the order first mentioned
    (a mention belongs to the sentence whose span holds its start)."""
    groups: dict[int, tuple[list[dt.date], list[dt.date]]] = {}
    if not doc.mentions:
        return groups
    sents = doc.sentences
    starts = [s.start for s in sents]
    n = len(sents)
    day, month = Granularity.DAY, Granularity.MONTH
    find = bisect.bisect_right
    for m in doc.mentions:
        t = m.time
        if t is None:
            continue
        g = t.granularity
        if g is day:
            if not lo <= t.date <= hi:
                continue
        elif g is not month:
            continue
        i = find(starts, m.start) - 1
        if 0 <= i < n and m.start < sents[i].end:
            days, months = groups.get(i) or groups.setdefault(i, ([], []))
            dates = days if g is day else months
            if t.date not in dates:
                dates.append(t.date)
    return groups


def _other_year(doc: Document, year: int) -> set[int]:
    """The sentences of ``doc`` with a year mention ("in 1934", "last year") not ``year``."""
    years = [m.start for m in doc.mentions
             if m.time is not None and m.time.granularity is Granularity.YEAR
             and m.time.date.year != year]  # fmt: skip
    if not years:
        return set()
    starts = [s.start for s in doc.sentences]
    found = set()
    for at in years:
        i = bisect.bisect_right(starts, at) - 1
        if 0 <= i < len(starts) and at < doc.sentences[i].end:
            found.add(i)
    return found


@dataclass
class SentencePool:
    documents: tuple[Document, ...]
    sentences: list[PooledSentence] = field(default_factory=list)
    keywords: tuple[str, ...] = ()
    #: the pool indices of sentences that name a year other than their article's
    #: ("in 1934", "last year"): background, never a lead about the publication day
    other_year: set[int] = field(default_factory=set)

    @classmethod
    def from_corpus(
        cls,
        corpus: Corpus,
        keywords: Sequence[str] = (),
        start: dt.date | None = None,
        end: dt.date | None = None,
    ) -> SentencePool:
        """Pool every sentence; mentioned dates outside ``[start, end]`` are dropped."""
        kws = tuple(k.lower() for k in keywords)
        pool = cls(corpus.documents, keywords=kws)
        hit = matcher(kws)
        lo = start or dt.date.min
        hi = end or dt.date.max
        docs: list[int] = []
        sentences: list[Sentence] = []
        published: list[dt.date | None] = []
        keyword: list[bool] = []
        dated: list[tuple[int, int, Sentence, dt.date | None, tuple, tuple, bool]] = []
        for di, doc in enumerate(corpus.documents):
            pub = doc.article.published
            sents = doc.sentences
            kw = [hit(s.text.lower()) for s in sents] if kws else [True] * len(sents)
            base = len(sentences)
            docs.extend(repeat(di, len(sents)))
            sentences.extend(sents)
            published.extend(repeat(pub, len(sents)))
            keyword.extend(kw)
            if pub is not None:
                pool.other_year.update(base + si for si in _other_year(doc, pub.year))
            for si, (days, months) in _dated_sentences(doc, lo, hi).items():
                dated.append((base + si, di, sents[si], pub, tuple(days), tuple(months), kw[si]))
        # every sentence first as one without dates (most mention none) ...
        out = pool.sentences
        out.extend(make_many(PooledSentence, docs, sentences, published, repeat(()), repeat(()),
                             keyword))
        # ... then those with a mention replaced
        if dated:
            at, *columns = zip(*dated, strict=True)
            for i, ps in zip(at, make_many(PooledSentence, *columns), strict=True):
                out[i] = ps
        return pool

    def source(self, ps: PooledSentence, cut: int = 0) -> SummarySentence:
        """The sentence as a summary with its provenance; ``cut`` characters are
        dropped from its start (the offsets move with them)."""
        a = self.documents[ps.doc].article
        start = ps.sentence.start + cut
        ref = SourceRef(a.id, a.title, a.url, a.published, start, ps.sentence.end)
        return SummarySentence(ps.text[cut:], ref)

    def publication_counts(
        self, start: dt.date | None = None, end: dt.date | None = None
    ) -> Counter[dt.date]:
        c: Counter[dt.date] = Counter()
        for d in self.documents:
            p = d.article.published
            if p is not None and (start is None or p >= start) and (end is None or p <= end):
                c[p] += 1
        return c

    def by_date(self) -> dict[dt.date, list[int]]:
        """Indices of sentences that mention each date."""
        out: dict[dt.date, list[int]] = defaultdict(list)
        for i, ps in enumerate(self.sentences):
            for d in ps.dates:
                out[d].append(i)
        return out

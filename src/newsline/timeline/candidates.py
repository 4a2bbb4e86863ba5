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
from ..model import Corpus, DateMention, Document, Granularity, Sentence, SourceRef, SummarySentence
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


def _mentions_by_sentence(doc: Document) -> dict[int, list[DateMention]]:
    """:meth:`Document.mentions_by_sentence` for the sentences that have a mention
    (without an empty list for each of the others)."""
    groups: dict[int, list[DateMention]] = {}
    if not doc.mentions:
        return groups
    sents = doc.sentences
    starts = [s.start for s in sents]
    for m in doc.mentions:
        i = bisect.bisect_right(starts, m.start) - 1
        if 0 <= i < len(sents) and m.start < sents[i].end:
            groups.setdefault(i, []).append(m)
    return groups


@dataclass
class SentencePool:
    documents: tuple[Document, ...]
    sentences: list[PooledSentence] = field(default_factory=list)
    keywords: tuple[str, ...] = ()

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
        out = pool.sentences
        day, month = Granularity.DAY, Granularity.MONTH
        for di, doc in enumerate(corpus.documents):
            pub = doc.article.published
            sents = doc.sentences
            kw = [hit(s.text.lower()) for s in sents] if kws else [True] * len(sents)
            base = len(out)
            # every sentence first as one without dates (most mention none) ...
            out.extend(make_many(PooledSentence, repeat(di, len(sents)), sents, repeat(pub),
                                 repeat(()), repeat(()), kw))
            # ... then those with a mention replaced
            for si, mentions in _mentions_by_sentence(doc).items():
                days: list[dt.date] = []
                months: list[dt.date] = []
                for m in mentions:
                    t = m.time
                    if t is None:
                        continue
                    if t.granularity is day:
                        if lo <= t.date <= hi and t.date not in days:
                            days.append(t.date)
                    elif t.granularity is month and t.date not in months:
                        months.append(t.date)
                if days or months:
                    out[base + si] = PooledSentence(
                        di, sents[si], pub, tuple(days), tuple(months), kw[si]
                    )
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

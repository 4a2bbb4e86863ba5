"""Make inferred dates visible: what a timeline's entries and sources owe to estimates.

:func:`annotate` adds to ``timeline.meta`` (optional keys of the JSON format):

- ``date_estimates``: per source article whose date was estimated, its
  interval, best day, precision, confidence and evidence;
- ``estimated_entries``: per entry time (``str(entry.time)``) whose every
  sentence takes its date from an estimate (no explicit date of the entry in
  the sentence), the article it depends on: renderers mark these with "≈";
- ``estimated_sentences``: per other entry time where some sentences take
  their date from an estimate (a month entry of a dated and an estimated
  article), those sentences as ``{"article_id", "start"}``: marked one by one;
- ``undated``: the articles nothing could date (with a query keyword, if
  any), with their first sentences;
- ``dating``: counts (``estimated_days``, ``intervals``, ``undatable``).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from ..model import Corpus, DateEstimate, Document, Timeline, TimelineEntry
from ..query import matches

KEY_SENTENCES = 2


def estimate_dict(e: DateEstimate) -> dict[str, Any]:
    return {
        "earliest": e.earliest.isoformat(),
        "latest": e.latest.isoformat(),
        "best": e.best.isoformat(),
        "precision": e.precision,
        "confidence": e.confidence,
        "evidence": [
            {
                "rule": x.rule,
                "value": x.value,
                "weight": x.weight,
                **({"start": x.start, "end": x.end} if x.start >= 0 else {}),
                **({"source": x.source} if x.source else {}),
            }
            for x in e.evidence
        ],
    }


def _explicitly_dated(doc: Document, entry: TimelineEntry, start: int, end: int) -> bool:
    """Whether the sentence at ``start:end`` writes out a date of the entry's period."""
    for m in doc.mentions:
        explicit = m.kind == "explicit" and m.time is not None
        if explicit and start <= m.start < end and entry.time.contains(m.time.date):  # type: ignore[union-attr]
            return True
    return False


def _matches(doc: Document, keywords: tuple[str, ...]) -> bool:
    text = doc.article.text.lower()
    return not keywords or matches(text, keywords)


def annotate(timeline: Timeline, corpus: Corpus) -> Timeline:
    """``timeline`` with the ``meta`` keys of the module docstring."""
    docs = {d.article.id: d for d in corpus}
    estimates: dict[str, Any] = {}
    entries: dict[str, str] = {}
    sentences: dict[str, list[dict[str, Any]]] = {}
    for entry in timeline:
        owed = []
        for s in entry.sentences:
            doc = docs.get(s.source.article_id) if s.source else None
            if doc is None or doc.estimate is None or s.source is None:
                owed.append(None)
                continue
            estimates[doc.article.id] = estimate_dict(doc.estimate)
            firm = _explicitly_dated(doc, entry, s.source.start, s.source.end)
            owed.append(None if firm else doc.article.id)
        if owed and all(owed):
            entries[str(entry.time)] = str(owed[0])
        elif any(owed):
            sentences[str(entry.time)] = [
                {"article_id": s.source.article_id, "start": s.source.start}
                for s, aid in zip(entry.sentences, owed, strict=True)
                if aid is not None and s.source is not None
            ]
    undated = [
        {
            "article_id": d.article.id,
            "title": d.article.title,
            "sentences": [s.text for s in d.sentences[:KEY_SENTENCES]],
        }
        for d in corpus
        if d.article.published is None and d.estimate is None and _matches(d, timeline.query)
    ]
    est = [d.estimate for d in corpus if d.estimate is not None]
    meta = dict(timeline.meta)
    meta["dating"] = {
        "estimated_days": sum(e.is_day for e in est),
        "intervals": sum(not e.is_day for e in est),
        "undatable": len(undated),
    }
    if estimates:
        meta["date_estimates"] = estimates
    if entries:
        meta["estimated_entries"] = entries
    if sentences:
        meta["estimated_sentences"] = sentences
    if undated:
        meta["undated"] = undated
    return dataclasses.replace(timeline, meta=meta)

"""Why a timeline is shorter than asked: counts the CLI turns into one line each."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from .model import Corpus, Timeline, TimePoint
from .query import matcher


def shortfall(
    timeline: Timeline,
    corpus: Corpus,
    *,
    n_dates: int | None,
    n_sentences: int | None,
    keywords: Sequence[str] = (),
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> list[str]:
    """One sentence per shortfall (fewer dates, or dates with fewer sentences, than asked)."""
    short_dates = n_dates is not None and len(timeline) < n_dates
    if not short_dates and (n_sentences is None
                            or all(len(e.sentences) >= n_sentences for e in timeline)):
        return []  # nothing to explain: no pass over the corpus
    kws = tuple(k.lower() for k in keywords)
    hit = matcher(kws)
    matching = 0
    times: set[TimePoint] = set()
    for doc in corpus.documents:
        groups = doc.mentions_by_sentence()
        for sent, mentions in zip(doc.sentences, groups, strict=True):
            if kws and not hit(sent.text.lower()):
                continue
            matching += 1
            for m in mentions:
                t = m.time
                if t is not None and (start is None or t.end >= start) and (end is None or t.date <= end):
                    times.add(t)
    where = (" matching --query" if kws else "") + (
        " within --start/--end" if start or end else ""
    )
    out: list[str] = []
    if n_dates is not None and len(timeline) < n_dates:
        if len(times) < n_dates:
            why = (
                f"the articles' {_n(matching, 'sentence')}{where} mention only "
                f"{_n(len(times), 'distinct date')}"
            )
        else:
            why = (
                f"of the {len(times)} dates mentioned in sentences{where}, only "
                f"{len(timeline)} have a sentence that the method could place on them"
            )
        got = f"{len(timeline)} date" + ("" if len(timeline) == 1 else "s")
        out.append(f"{got} instead of the {n_dates} asked: {why}.")
    if n_sentences is not None:
        short = [e for e in timeline if len(e.sentences) < n_sentences]
        if short:
            out.append(
                f"{len(short)} of {len(timeline)} dates {'has' if len(short) == 1 else 'have'} "
                f"fewer than {n_sentences} sentences: "
                f"no other distinct sentence{where} is about those dates."
            )
    return out


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")

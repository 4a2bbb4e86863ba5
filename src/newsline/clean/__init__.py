"""Clean stage: boilerplate lines out, exact and near-duplicate articles out.

The cleaned articles are new :class:`~newsline.model.Article` objects whose
``text`` is the cleaned text, so every later offset indexes it; their
``spans`` map it back to the text as read (:mod:`.offsets`), which is what
the sources of a timeline point into.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from ..model import Article, CleanReport
from .boilerplate import drop_lines, frequent_lines, is_pattern_boilerplate, normalize, strip_lines
from .comments import cut_comments
from .dedupe import THRESHOLD, exact_key, near_duplicates, shingles, word_ids
from .offsets import span_map, to_read

__all__ = ["clean", "is_pattern_boilerplate", "normalize", "preference_order", "span_map", "to_read"]

_LETTER = re.compile(r"[^\W\d_]")


def preference_order(articles: list[Article]) -> list[int]:
    """Indices from the copy to keep first: earliest published, then longest, then input order."""
    far = dt.date.max
    return sorted(
        range(len(articles)),
        key=lambda i: (
            articles[i].published is None,
            articles[i].published or far,
            -len(articles[i].text),
            i,
        ),
    )


def clean(
    articles: list[Article], *, dedupe: bool = True, threshold: float = THRESHOLD
) -> tuple[list[Article], CleanReport]:
    """Remove boilerplate lines and duplicate articles; report what went.

    1. per article: lines that repeat the title and known boilerplate lines
       (tags, sharing, navigation, copyright footers), and a trailing section
       of reader comments (:mod:`newsline.clean.comments`);
    2. with ``dedupe``: exact duplicates (same words, ignoring case and
       punctuation), then near duplicates (Jaccard of word 5-shingles >=
       ``threshold``, MinHash LSH), keeping the earliest-published, then
       longest copy;
    3. short lines that recur across many of the remaining articles;
    4. articles left without any letter are dropped as ``empty``.

    Output keeps input order; unchanged articles are returned as they were.
    """
    texts: list[str] = []
    boiler = comments = 0
    for a in articles:
        text, n = strip_lines(a.text, a.title)
        text, cut = cut_comments(text)
        texts.append(text)
        boiler += n
        comments += cut
    alive = [i for i, t in enumerate(texts) if _LETTER.search(t)]
    empty = len(articles) - len(alive)

    exact_dups = near_dups = 0
    if dedupe and len(alive) > 1:
        alive, exact_dups, near_dups = _dedupe(articles, texts, alive, threshold)

    keys = frequent_lines((texts[i] for i in alive), len(alive))
    out: list[Article] = []
    for i in alive:
        text, n = drop_lines(texts[i], keys)
        boiler += n
        if not _LETTER.search(text):
            empty += 1
            continue
        a = articles[i]
        out.append(a if text == a.text else replace(a, text=text, spans=span_map(a.text, text)))
    report = CleanReport(
        articles_in=len(articles),
        exact_duplicates=exact_dups,
        near_duplicates=near_dups,
        boilerplate_lines=boiler,
        comment_sections=comments,
        empty=empty,
    )
    return out, report


def _dedupe(
    articles: list[Article], texts: list[str], alive: list[int], threshold: float
) -> tuple[list[int], int, int]:
    alive_set = set(alive)
    order = [i for i in preference_order(articles) if i in alive_set]
    # dedupe words: runs of word characters of the lower-cased text (cheaper than text.tokens.words)
    all_ids, bounds = word_ids([texts[i] for i in alive])
    ids = {i: all_ids[bounds[j] : bounds[j + 1]] for j, i in enumerate(alive)}
    seen: set[bytes] = set()
    exact: set[int] = set()
    for i in order:
        key = exact_key(ids[i])
        if key in seen:
            exact.add(i)
        else:
            seen.add(key)
    rest = [i for i in order if i not in exact]
    sets = [shingles(ids[i]) for i in rest]
    # positions in ``rest`` are already in preference order
    near_pos = near_duplicates(sets, range(len(rest)), threshold=threshold)
    near = {rest[p] for p in near_pos}
    kept = [i for i in alive if i not in exact and i not in near]
    return kept, len(exact), len(near)

"""Counts over a store's selection without reading the texts: per day, per source.

For overviews (the web app's store line, source list and volume chart):
:func:`counts` selects the live articles as :meth:`Store.articles` does
(keywords, window, source; near duplicates left out) and answers the
article count, the undated count, the articles per publication day and per
source, from one aggregate query.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from ..core import parse_query
from .query import where_clause
from .store import Store


@dataclass(frozen=True)
class Counts:
    """What :func:`counts` answers (``days`` and ``sources`` sorted by their key)."""

    articles: int
    undated: int
    days: tuple[tuple[dt.date, int], ...]
    sources: tuple[tuple[str, int], ...]


def counts(
    store: Store,
    query: str | Sequence[str] | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    source: str | None = None,
) -> Counts:
    """Counts of the articles :meth:`Store.articles` would select (no limit)."""
    snap = store.snapshot()
    if snap.empty:
        return Counts(0, 0, (), ())
    where, params = where_clause(parse_query(query), start, end, source, None, False)
    day = "coalesce(published, est_published)"
    con = snap.connect()
    try:
        con.execute(f"CREATE TEMP TABLE picked AS SELECT {day} AS day, source FROM articles{where}", params)
        per_day = con.execute("SELECT day, count(*) FROM picked GROUP BY day ORDER BY day NULLS FIRST").fetchall()
        per_source = con.execute(
            "SELECT source, count(*) FROM picked WHERE coalesce(source, '') <> '' GROUP BY source ORDER BY source"
        ).fetchall()
    finally:
        con.close()
    undated = sum(n for d, n in per_day if d is None)
    return Counts(
        articles=sum(n for _, n in per_day),
        undated=undated,
        days=tuple((d, int(n)) for d, n in per_day if d is not None),
        sources=tuple((s, int(n)) for s, n in per_source),
    )

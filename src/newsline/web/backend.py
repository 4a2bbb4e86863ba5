"""The store the web app reads and writes: ``newsline.store.Store``, as the app needs it.

Uploads take the path of ``newsline index add`` (:func:`newsline.ingest.iter_articles`
into :meth:`Store.add_articles`, one atomic commit per batch); timelines are
built from :meth:`Store.corpus`. The store may be written by another process
(``newsline index add --store`` on the same folder) while the app reads it:
:attr:`StoreBackend.version` follows the store's manifest, so what the app
caches is keyed by the commit it was built from.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..ingest import IngestResult, iter_articles
from ..model import Article, Corpus
from ..query import MAX_ARTICLES
from ..store import Store, StoreError
from ..store.counts import counts

#: Uploads up to this size are prepared in this process; bigger ones on every core
#: (starting the worker processes takes seconds: 400 files of 5 kB were twice as slow).
IN_PROCESS_BYTES = 8 * 1024 * 1024


class StoreBusy(StoreError):
    """Another process (``newsline index add``) is adding to the store right now."""


@dataclass(frozen=True)
class AddReport:
    """What one upload did: counts and one line per problem."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    near_duplicates: int = 0
    problems: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    ids: tuple[str, ...] = field(default=(), repr=False)


class StoreBackend:
    """The store folder ``path`` (created by the first upload).

    ``max_articles``: a timeline's query that selects more articles uses only
    that many, the most relevant (as ``newsline build --store --max-articles``);
    None: all it selects.
    """

    def __init__(self, path: Path, max_articles: int | None = MAX_ARTICLES) -> None:
        self.path = Path(path)
        self.max_articles = max_articles
        self.path.mkdir(parents=True, exist_ok=True)
        self.store = Store(self.path)
        self._lock = threading.Lock()  # one writer in this process

    # -- writing ----------------------------------------------------------------------------

    def add(self, inputs: Sequence[Path], *, shown: Path | None = None, size: int = 0) -> AddReport:
        """Read files or folders (any input format newsline reads) into the store.

        Problems and origins name files relative to ``shown`` (the upload's
        folder), as the user sent them. Raises :class:`StoreBusy` when another
        process holds the store's writer lock.
        """
        result = IngestResult()
        stream = iter_articles(list(inputs), result=result)
        prefix = f"{shown}/" if shown is not None else None

        def rel(text: str) -> str:
            return text.replace(prefix, "") if prefix else text

        def relabelled(items: Iterator[Article]) -> Iterator[Article]:
            for a in items:
                yield dataclasses.replace(a, origin=rel(a.origin)) if prefix and a.origin else a

        report = self._add(relabelled(stream), workers=1 if size < IN_PROCESS_BYTES else None)
        problems = tuple(rel(str(p)) for p in result.problems)
        notes = tuple(rel(str(n)) for n in result.notes)
        return dataclasses.replace(
            report,
            skipped=report.skipped + sum(result.skipped.values()),  # not the warnings about kept items
            problems=problems + report.problems,
            notes=notes + report.notes,
        )

    def add_articles(self, articles: Iterable[Article], *, collection: str = "") -> AddReport:
        """Add articles already read (the demo corpus)."""
        return self._add(iter(articles), workers=1, collection=collection)

    def _add(self, stream: Iterator[Article], *, workers: int | None, collection: str = "") -> AddReport:
        ids: list[str] = []

        def noted(items: Iterator[Article]) -> Iterator[Article]:
            for a in items:
                ids.append(a.id)
                yield a

        with self._lock:
            try:
                raw = self.store.add_articles(noted(stream), workers=workers, collection=collection)
            except StoreError as exc:
                if not isinstance(exc, StoreBusy) and "another process is adding" in str(exc):
                    raise StoreBusy(str(exc)) from None
                raise
        notes = [str(n) for n in raw.notes]
        if raw.near_duplicates:
            notes.append(f"{raw.near_duplicates} near duplicates of stored articles (kept, not listed)")
        return AddReport(
            added=raw.added,
            updated=raw.updated,
            unchanged=raw.unchanged,
            skipped=raw.empty,
            near_duplicates=raw.near_duplicates,
            problems=tuple(str(p) for p in raw.problems),
            notes=tuple(notes),
            ids=tuple(ids),
        )

    # -- reading ----------------------------------------------------------------------------

    def articles(
        self,
        query: str | None = None,
        start: dt.date | None = None,
        end: dt.date | None = None,
        source: str | None = None,
        limit: int = 100,
    ) -> list[Article]:
        """Articles with any of the query's words, published in [start, end], newest first."""
        return self.store.articles(query=query, start=start, end=end, source=source, limit=limit)

    def article(self, id: str) -> Article | None:
        """The article as read (summary offsets index this text)."""
        return self.store.article(id)

    def corpus(
        self,
        query: str | None = None,
        start: dt.date | None = None,
        end: dt.date | None = None,
        source: str | None = None,
    ) -> Corpus:
        """The prepared corpus a timeline is built from (as ``newsline build --store``)."""
        return self.store.corpus(query=query, start=start, end=end, source=source,
                                 max_articles=self.max_articles)

    def selected(
        self,
        query: str | None = None,
        start: dt.date | None = None,
        end: dt.date | None = None,
        source: str | None = None,
    ) -> int | None:
        """How many articles the selection holds before ``max_articles`` (None: unknown)."""
        return self.store.count(query, start, end, source=source)

    def volume(
        self,
        query: str | None = None,
        start: dt.date | None = None,
        end: dt.date | None = None,
        source: str | None = None,
    ) -> dict[str, Any]:
        """Articles per publication day (the chart), selected as :meth:`articles` selects."""
        c = counts(self.store, query, start, end, source)
        return {
            "articles": c.articles,
            "undated": c.undated,
            "days": [{"date": d.isoformat(), "articles": n} for d, n in c.days],
        }

    def info(self) -> dict[str, Any]:
        """Counts for the page: articles, date span, sources with counts, the store's commit."""
        info = self.store.info()
        c = counts(self.store)
        return {
            "backend": "store",
            "version": self.version,
            "articles": info.articles,
            "near_duplicates": info.near_duplicates,  # stored, left out of the lists
            "undated": c.undated,
            "first": c.days[0][0].isoformat() if c.days else None,
            "last": c.days[-1][0].isoformat() if c.days else None,
            "sources": [{"name": s, "articles": n} for s, n in c.sources],
            "commits": info.commits,
            "size_bytes": info.size_bytes,
            "last_update": info.last_update,
        }

    @property
    def version(self) -> str:
        """The committed state of the store (changes with every commit, from any writer;
        a store made again in the same folder gets other shard names)."""
        m = self.store.snapshot().manifest
        if not m.shards:
            return "empty"
        digest = hashlib.sha256()
        for s in m.shards:
            digest.update(f"{s['name']}\n".encode())
        for c in m.changes:
            digest.update(f"{c}\n".encode())
        return f"{m.commit}-{digest.hexdigest()[:16]}"

    fingerprint = version

"""The public face of the store: :class:`Store` (open or create a folder, add, query)."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow.compute as pc

from ..clean.offsets import span_map
from ..core import parse_query, prepare_document
from ..dating import DEFAULT as DEFAULT_DATING
from ..dating import DatingOptions, date_documents
from ..errors import OutputError
from ..gcpause import collector_paused
from ..ingest import IngestResult, iter_articles
from ..ingest.options import ReadOptions
from ..ingest.source import DEFAULT_LIMITS, Limits
from ..model import Article, Corpus, Document
from ..query import Query
from ..query import parse as parse_terms
from .collection import Selected, clean_selected
from .engines import make_engine
from .layout import shard_path, terms_path
from .lines import recurring as stored_recurring
from .query import (
    ARTICLE_COLUMNS,
    CORPUS_COLUMNS,
    Snapshot,
    StoredDocuments,
    select,
    select_indexed,
    to_articles,
    where_clause,
)
from .search import Index, select_rows
from .variants import Variants, dropped
from .writer import BATCH, AddReport, Writer, fixed_width

PathLike = str | os.PathLike[str]


@dataclass(frozen=True, slots=True)
class StoreInfo:
    """What a store holds (live article versions; near duplicates are counted, not hidden)."""

    path: str
    schema_version: int
    articles: int
    near_duplicates: int
    sentences: int
    dated_mentions: int
    first_date: dt.date | None
    last_date: dt.date | None
    publication_dates: int
    sources: int
    collections: tuple[str, ...]
    shards: int
    commits: int
    size_bytes: int
    last_update: str

    def as_dict(self) -> dict[str, Any]:
        d = {k: getattr(self, k) for k in self.__slots__}  # type: ignore[attr-defined]
        d["first_date"] = self.first_date.isoformat() if self.first_date else None
        d["last_date"] = self.last_date.isoformat() if self.last_date else None
        d["collections"] = list(self.collections)
        return d


class Store:
    """A store folder (``news.db/``): created by the first :meth:`add`, readable any time.

    Any number of readers may use a store while one writer adds to it: every
    read works on the manifest committed when it started.
    """

    def __init__(self, path: PathLike) -> None:
        self.path = Path(path)

    @property
    def exists(self) -> bool:
        return (self.path / "manifest.json").is_file()

    def snapshot(self) -> Snapshot:
        return Snapshot.take(self.path)

    # writing ---------------------------------------------------------------
    def add(
        self,
        inputs: PathLike | Sequence[PathLike],
        *,
        engine: str = "local",
        scheduler: Any = None,
        workers: int | None = None,
        batch_size: int = BATCH,
        collection: str = "",
        default_date: dt.date | None = None,
        options: ReadOptions | None = None,
        limits: Limits = DEFAULT_LIMITS,
    ) -> AddReport:
        """Read ``inputs`` (anything :func:`newsline.load` reads; ``options`` and
        ``limits`` as for :func:`newsline.ingest.read`) and add them, streaming.

        Only new or changed articles are prepared; each batch becomes visible
        in one atomic commit. ``engine="dask"`` runs the preparation on the
        cluster at ``scheduler`` (an address or a ``distributed.Client``).
        """
        if isinstance(inputs, (str, os.PathLike)):
            inputs = [inputs]
        result = IngestResult()
        stream = iter_articles(
            inputs, default_date=default_date, result=result, limits=limits, options=options
        )
        report = self._add(stream, engine, scheduler, workers, batch_size, collection)
        report.problems = [str(p) for p in result.problems]
        report.notes = [str(n) for n in result.notes]
        report.items_skipped = sum(result.skipped.values())
        return report

    def add_articles(
        self,
        articles: Iterable[Article],
        *,
        engine: str = "local",
        scheduler: Any = None,
        workers: int | None = None,
        batch_size: int = BATCH,
        collection: str = "",
    ) -> AddReport:
        """Add already read articles (ids should be unique among them)."""
        return self._add(iter(articles), engine, scheduler, workers, batch_size, collection)

    def _add(self, stream: Iterable[Article], engine: str, scheduler: Any, workers: int | None,
             batch_size: int, collection: str) -> AddReport:
        try:
            self.path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:  # a file there, a read-only or missing parent
            why = "a file is there" if self.path.exists() else exc.strerror
            raise OutputError(f"cannot create the store folder {self.path}: {why}") from None
        writer = Writer(self.path)
        try:
            return writer.add(stream, make_engine(engine, scheduler, workers),
                              batch_size=batch_size, collection=collection)
        finally:
            writer.close()

    # reading ---------------------------------------------------------------
    def articles(
        self,
        query: str | Sequence[str] | None = None,
        start: dt.date | None = None,
        end: dt.date | None = None,
        source: str | None = None,
        limit: int | None = 100,
        *,
        collection: str | None = None,
        duplicates: bool = False,
    ) -> list[Article]:
        """Articles selected as :meth:`corpus` selects them, newest first (near
        duplicates left out unless ``duplicates``)."""
        snap = self.snapshot()
        table = select_indexed(snap, ARTICLE_COLUMNS, _terms(query), start, end, source,
                               collection, duplicates, newest_first=True, limit=limit)
        if table is None:
            where, params = where_clause(parse_query(query), start, end, source, collection,
                                         duplicates)
            order = "coalesce(published, est_published) DESC NULLS LAST, seq"
            table = select(snap, ARTICLE_COLUMNS, where, params, order, limit)
        return to_articles(table)

    def article(self, id: str) -> Article | None:
        """The current version of the article ``id``."""
        snap = self.snapshot()
        if snap.empty:
            return None
        found = to_articles(select(snap, ARTICLE_COLUMNS, " WHERE id = ?", [id], limit=1))
        return found[0] if found else None

    def corpus(
        self,
        query: str | Sequence[str] | None = None,
        start: dt.date | None = None,
        end: dt.date | None = None,
        *,
        source: str | None = None,
        collection: str | None = None,
        dedupe: bool = True,
        dating: DatingOptions | None = DEFAULT_DATING,
        max_articles: int | None = None,
    ) -> Corpus:
        """The prepared corpus a timeline is built from.

        Selects the live articles of ``collection`` when one is given, else
        those whose text contains one of the query's keywords (all articles
        without a query; with ``-terms``, not those left without a sentence
        the query selects: docs/store.md), found through the store's
        full-text index; then those published in ``[start, end]``
        (undated ones kept, as :meth:`Corpus.between` does), in the order they
        were first added; then cleans them as :func:`newsline.prepare` does
        (duplicates and site furniture among the selected articles) and uses
        the stored sentences and date mentions of every article whose cleaned
        text is the one that was prepared (only the others are prepared again);
        then, as :func:`newsline.prepare` does, undated articles get a
        publication-date estimate from their text and the selection
        (:mod:`newsline.dating`; ``dating=None`` leaves them undated).

        ``max_articles``: when a query selects more, only that many are kept,
        the most relevant by the index (rarer query terms weigh more:
        :func:`newsline.store.search.most_relevant`); :meth:`count` tells
        how many the query selects. A collection is never cut.
        """
        # hundreds of thousands of small objects, none in a cycle: the collector would
        # walk every one of them again at each burst of allocations
        with collector_paused():
            return self._corpus(query, start, end, source, collection, dedupe, dating,
                                max_articles)

    def _corpus(self, query: str | Sequence[str] | None, start: dt.date | None,
                end: dt.date | None, source: str | None, collection: str | None,
                dedupe: bool, dating: DatingOptions | None, max_articles: int | None) -> Corpus:
        terms = Query() if collection is not None else _terms(query)
        snap = self.snapshot()
        table = select_indexed(snap, CORPUS_COLUMNS, terms, start, end, source, collection,
                               max_rows=max_articles)
        if table is None:
            where, params = where_clause(terms.include, start, end, source, collection)
            table = select(snap, CORPUS_COLUMNS, where, params)
        articles = to_articles(table)
        if not articles:
            return Corpus(())
        shards, rows = table["shard"].to_pylist(), table["row"].to_pylist()
        texts = [a.text for a in articles]
        sizes = {s["name"]: int(s["rows"]) for s in snap.manifest.shards}

        def recurring_lines(alive: list[int]) -> tuple[frozenset[str], set[int] | None]:
            return stored_recurring(self.path, [shards[i] for i in alive],
                                    [rows[i] for i in alive], [texts[i] for i in alive], sizes)

        selected = Selected(
            texts=texts,
            published=[a.published for a in articles],
            raw_chars=table["raw_chars"].to_pylist(),
            exact_keys=table["exact_key"].to_pylist(),
            n_shingles=table["n_shingles"].to_pylist(),
            bands=fixed_width(table["bands"], np.uint64, 16),
            boilerplate_lines=int(pc.sum(table["boilerplate_lines"]).as_py() or 0),
            comment_sections=int(pc.sum(table["comment_sections"]).as_py() or 0),
            recurring=recurring_lines,
        )
        kept, report, recurring = clean_selected(selected, dedupe)
        stored = StoredDocuments(table)
        docs: list[Document] = []
        raws = table["raw_text"].to_pylist()
        changed = [i for i, text in kept if text != articles[i].text]
        variants = Variants(self.path, (shards[i] for i in changed)) if changed else None
        found = StoredDocuments(variants.table, dates=False) if variants and variants.table else None
        for i, text in kept:
            a = articles[i]
            raw = raws[i] if raws[i] is not None else a.text
            # offsets map back to the text as read, as clean() records them
            spans = span_map(raw, text) if text != raw else ()
            if text == a.text:
                docs.append(stored.document(i, a, spans))
                continue
            # lines recurring across the selection were dropped: the variant stored for
            # this set of lines (:mod:`.variants`), else prepared anew
            k = variants.find(shards[i], rows[i], dropped(a.text, recurring)) if found else None
            article = replace(a, text=text, spans=spans)
            if k is None:
                docs.append(prepare_document(article))
            else:
                docs.append(Document(article, *found.parts(k, a.id, text)))  # type: ignore[union-attr]
        prepared = tuple(docs) if dating is None else date_documents(docs, dating)
        return Corpus(prepared, report).between(start, end)

    def count(self, query: str | Sequence[str] | None = None, start: dt.date | None = None,
              end: dt.date | None = None, *, source: str | None = None,
              collection: str | None = None) -> int | None:
        """How many articles :meth:`corpus` selects before ``max_articles`` and the
        cleaning (through the index; None for a store without one)."""
        snap = self.snapshot()
        m = snap.manifest
        if snap.empty or not m.indexed or m.version < 2:
            return None if not snap.empty else 0
        terms = Query() if collection is not None else _terms(query)
        for attempt in range(5):  # a merge may retire a segment between manifest and read
            try:
                return len(select_rows(Index(snap.root, snap.manifest), terms, start, end,
                                       source, collection))
            except FileNotFoundError:
                if attempt == 4:
                    raise
                snap = self.snapshot()
        return None

    def info(self) -> StoreInfo:
        snap = self.snapshot()
        m = snap.manifest
        size = _disk_size(self.path) if self.exists else 0
        base = dict(path=str(self.path), schema_version=m.version, shards=len(m.shards),
                    commits=m.commit, size_bytes=size, last_update=m.updated)
        if snap.empty:
            return StoreInfo(articles=0, near_duplicates=0, sentences=0, dated_mentions=0,
                             first_date=None, last_date=None, publication_dates=0, sources=0,
                             collections=(), **base)  # type: ignore[arg-type]
        con = snap.connect()
        try:
            row = con.execute(
                "SELECT count(*), count(duplicate_of), coalesce(sum(n_sentences), 0), "
                "coalesce(sum(n_dated), 0), min(coalesce(published, est_published)), "
                "max(coalesce(published, est_published)), "
                "count(DISTINCT coalesce(published, est_published)), "
                "count(DISTINCT nullif(source, '')) FROM articles"
            ).fetchone()
            colls = [r[0] for r in con.execute(
                "SELECT DISTINCT collection FROM articles WHERE collection <> '' ORDER BY 1"
            ).fetchall()]
        finally:
            con.close()
        assert row is not None
        return StoreInfo(
            articles=int(row[0]), near_duplicates=int(row[1]), sentences=int(row[2]),
            dated_mentions=int(row[3]), first_date=row[4], last_date=row[5],
            publication_dates=int(row[6]), sources=int(row[7]), collections=tuple(colls),
            **base,  # type: ignore[arg-type]
        )

    def term_files(self) -> list[Path]:
        """The full-text index segments (Arrow IPC: term, rows; see docs/store.md)."""
        return [terms_path(self.path, t["name"]) for t in self.snapshot().manifest.terms]

    def shard_files(self) -> list[Path]:
        """The Parquet files of the committed shards (for other tools)."""
        return [shard_path(self.path, s["name"]) for s in self.snapshot().manifest.shards]


def _terms(query: str | Sequence[str] | None) -> Query:
    """The query's terms: a string in the ``--query`` syntax, or a keyword list."""
    exclude = parse_terms(query).exclude if isinstance(query, str) else ()
    return Query(parse_query(query), exclude)


def _disk_size(root: Path) -> int:
    """Bytes of the files under ``root``; a file or folder a writer removes meanwhile
    (its temporary files, a replaced index segment) is not counted, not an error."""
    total = 0
    for folder, _, files in os.walk(root):  # errors (a folder gone) are skipped
        for name in files:
            with contextlib.suppress(FileNotFoundError):
                total += os.stat(os.path.join(folder, name), follow_symlinks=False).st_size
    return total

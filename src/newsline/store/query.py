"""Reading a store: a snapshot of one manifest, the rows a query selects, documents from them.

Readers take no lock: they read ``manifest.json`` once and only the shards
it names, which are never changed or removed, so a writer adding at the
same time is invisible until its next commit and never half-visible.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import count, repeat
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ..clean.offsets import Spans
from ..frozen import make_many
from ..model import Article, DateMention, Document, Granularity, Sentence, TimePoint, TimexType
from ..query import Query, sql_pattern
from .layout import Manifest, changes_path, read_manifest, shard_path
from .search import Index, read_rows, select_rows

#: The article as read (``text``: the raw text where the cleaning changed it).
ARTICLE_COLUMNS = ("id", "title", "coalesce(raw_text, text) AS text", "url", "source",
                   "published", "date_source", "origin")
#: What the corpus needs: the cleaned text, the collection-stage keys, the prepared document.
CORPUS_COLUMNS = ("id", "title", "text", "url", "source", "published", "date_source", "origin",
                  "raw_chars", "exact_key", "n_shingles", "bands", "boilerplate_lines",
                  "comment_sections", "est_published", "est_date_source", "sent_start",
                  "sent_end", "mentions", "raw_text", "shard", "row")


@dataclass(frozen=True)
class Snapshot:
    root: Path
    manifest: Manifest

    @classmethod
    def take(cls, root: Path) -> Snapshot:
        return cls(root, read_manifest(root))

    @property
    def empty(self) -> bool:
        return not self.manifest.shards

    def connect(self) -> duckdb.DuckDBPyConnection:
        """An in-memory DuckDB with the view ``articles``: the live rows, and ``duplicate_of``."""
        con = duckdb.connect()
        shards = [str(shard_path(self.root, s["name"])) for s in self.manifest.shards]
        con.execute(f"CREATE VIEW rows AS SELECT * FROM read_parquet({_list(shards)})")
        changes = [str(changes_path(self.root, c)) for c in self.manifest.changes]
        if changes:
            con.execute(f"CREATE VIEW changes AS SELECT * FROM read_parquet({_list(changes)})")
        else:
            con.execute(
                "CREATE VIEW changes AS SELECT NULL::VARCHAR shard, NULL::INTEGER row, "
                "NULL::VARCHAR action, NULL::VARCHAR other WHERE false"
            )
        con.execute(
            "CREATE VIEW articles AS SELECT r.*, d.other AS duplicate_of FROM rows r "
            "LEFT JOIN (SELECT shard, row, other FROM changes WHERE action = 'duplicate') d "
            "ON r.shard = d.shard AND r.row = d.row "
            "WHERE NOT EXISTS (SELECT 1 FROM changes c WHERE c.action = 'delete' "
            "AND c.shard = r.shard AND c.row = r.row)"
        )
        return con


def _list(paths: Sequence[str]) -> str:
    return "[" + ", ".join("'" + p.replace("'", "''") + "'" for p in paths) + "]"


def where_clause(
    keywords: Sequence[str] = (),
    start: dt.date | None = None,
    end: dt.date | None = None,
    source: str | None = None,
    collection: str | None = None,
    duplicates: bool = True,
) -> tuple[str, list[Any]]:
    """SQL condition and parameters for the documented selection (see docs/store.md)."""
    conds: list[str] = []
    params: list[Any] = []
    if keywords:
        conds.append("(" + " OR ".join("regexp_matches(lower(text), ?)" for _ in keywords) + ")")
        params.extend(sql_pattern(k.lower()) for k in keywords)
    day = "coalesce(published, est_published)"
    if start is not None:
        conds.append(f"({day} IS NULL OR {day} >= ?)")
        params.append(start)
    if end is not None:
        conds.append(f"({day} IS NULL OR {day} <= ?)")
        params.append(end)
    if source is not None:
        conds.append("source = ?")
        params.append(source)
    if collection is not None:
        conds.append("collection = ?")
        params.append(collection)
    if not duplicates:
        conds.append("duplicate_of IS NULL")
    return (" WHERE " + " AND ".join(conds)) if conds else "", params


def select(snapshot: Snapshot, columns: Sequence[str], where: str, params: list[Any],
           order: str = "seq", limit: int | None = None) -> pa.Table:
    """The scan: DuckDB over every shard (stores without a full-text index, lookups by id)."""
    if snapshot.empty:
        return pa.table({c: pa.array([], pa.null()) for c in columns})
    con = snapshot.connect()
    sql = f"SELECT {', '.join(columns)} FROM articles{where} ORDER BY {order}"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    try:
        return con.sql(sql, params=params).to_arrow_table()
    finally:
        con.close()


def select_indexed(snapshot: Snapshot, columns: Sequence[str], terms: Query,
                   start: dt.date | None = None, end: dt.date | None = None,
                   source: str | None = None, collection: str | None = None,
                   duplicates: bool = True, newest_first: bool = False,
                   limit: int | None = None, max_rows: int | None = None) -> pa.Table | None:
    """The selection of :func:`where_clause` (and ``-terms``: :mod:`.search`) through the
    full-text index, ``columns`` (names, or ``coalesce(raw_text, text) AS text``) in
    ``seq`` order, or newest first; None for a store without the index (version 1).
    ``max_rows``: only the most relevant rows to the query (:func:`.search.most_relevant`)."""
    m = snapshot.manifest
    if snapshot.empty or not m.indexed or m.version < 2:
        return None
    for attempt in range(5):  # a merge may retire a segment between manifest and read
        try:
            index = Index(snapshot.root, snapshot.manifest)
            rows = select_rows(index, terms, start, end, source, collection, duplicates,
                               max_rows)
            index.segments = []  # unmapped: the pages the lookup touched leave with them
            return _read_ordered(index, rows, columns, newest_first, limit)
        except FileNotFoundError:
            if attempt == 4:
                raise
            snapshot = Snapshot.take(snapshot.root)
    return None


def _read_ordered(index: Index, rows: np.ndarray, columns: Sequence[str], newest_first: bool,
                  limit: int | None) -> pa.Table:
    names = [c.split(" AS ")[-1] for c in columns]
    raw = sorted({*(n for n in names if n != "text"), "text", "seq"}
                 | ({"raw_text"} if any(" AS " in c for c in columns) else set()))
    if newest_first:
        keys = read_rows(index, rows, ["seq", "published", "est_published"])
        day = pc.coalesce(keys["published"], keys["est_published"]).cast(pa.int32())
        day = pc.fill_null(day, np.iinfo(np.int32).min)  # undated last
        pick = pc.sort_indices(pa.table({"day": day, "seq": keys["seq"]}),
                               [("day", "descending"), ("seq", "ascending")]).to_numpy()
        pick = pick[:limit] if limit is not None else pick
        sel = np.sort(rows[pick])
        table = read_rows(index, sel, raw)
        # back to the chosen order: position of each chosen row in ``sel``
        table = table.take(pa.array(np.searchsorted(sel, rows[pick])))
    else:
        table = read_rows(index, rows, raw)
        seq = table["seq"].to_numpy()
        if len(seq) > 1 and not bool(np.all(seq[1:] > seq[:-1])):  # mostly in order already
            table = table.take(pc.sort_indices(table["seq"]))
        if limit is not None:
            table = table.slice(0, limit)
    out = {}
    for c, n in zip(columns, names, strict=True):
        out[n] = pc.coalesce(table["raw_text"], table["text"]) if " AS " in c else table[n]
    return pa.table(out)


def to_articles(table: pa.Table) -> list[Article]:
    cols = {c: table[c].to_pylist() for c in
            ("id", "title", "text", "url", "source", "published", "date_source", "origin")}
    return [
        Article(
            id=cols["id"][i],
            text=cols["text"][i],
            title=cols["title"][i] or "",
            url=cols["url"][i] or "",
            source=cols["source"][i] or "",
            published=cols["published"][i],
            date_source=cols["date_source"][i] or "",
            origin=cols["origin"][i] or "",
        )
        for i in range(table.num_rows)
    ]


def _lists(col: pa.ChunkedArray) -> tuple[np.ndarray, pa.Array]:
    """Offsets (n + 1) and flat values of a list column."""
    lengths = pc.list_value_length(col).to_numpy(zero_copy_only=False)
    offsets = np.zeros(len(lengths) + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    flat = pc.list_flatten(col)
    return offsets, flat.combine_chunks() if isinstance(flat, pa.ChunkedArray) else flat


_TYPES = {str(t): t for t in TimexType}
_GRANULARITIES = {str(g): g for g in Granularity}


_NO_DATE = np.iinfo(np.int64).min
_GRANULARITY_NAMES = pa.array(list(_GRANULARITIES))
_EPOCH = dt.date(1970, 1, 1).toordinal()


def _time_points(m: pa.StructArray) -> list[TimePoint | None]:
    """The ``time`` of each mention of ``m`` (None: no date); equal time points are
    one object (immutable; a date is mentioned many times), made once."""
    days = pc.fill_null(m.field("date").cast(pa.int32()), 0).to_numpy().astype(np.int64)
    n = len(_GRANULARITIES)
    gran = pc.fill_null(pc.index_in(m.field("granularity"), value_set=_GRANULARITY_NAMES), n)
    key = np.where(m.field("date").is_null().to_numpy(zero_copy_only=False), _NO_DATE,
                   days * (n + 1) + gran.to_numpy())
    keys, at = np.unique(key, return_inverse=True)
    names, grans = list(_GRANULARITIES), _GRANULARITIES
    points: list[TimePoint | None] = []
    for k in keys.tolist():
        if k == _NO_DATE:
            points.append(None)
            continue
        day, g = divmod(k, n + 1)
        if g == n:
            raise KeyError(m.field("granularity")[0])  # (a granularity not known)
        points.append(TimePoint(dt.date.fromordinal(_EPOCH + day), grans[names[g]]))
    return list(map(points.__getitem__, at.tolist()))


class StoredDocuments:
    """The prepared documents of a selection (or of stored variants: ``dates=False``),
    as flat arrays until one is asked for."""

    def __init__(self, table: pa.Table, dates: bool = True) -> None:
        if dates:
            self.est_published = table["est_published"].to_pylist()
            self.est_source = table["est_date_source"].to_pylist()
        self._so, starts = _lists(table["sent_start"])
        self._starts = starts.to_numpy().tolist()
        self._ends = _lists(table["sent_end"])[1].to_numpy().tolist()
        self._mo, m = _lists(table["mentions"])
        self._m = {f: m.field(f).to_pylist() for f in ("start", "end", "text", "value")}
        types = _TYPES
        self._m["type"] = [types[t] for t in m.field("type").to_pylist()]
        self._m["kind"] = [k or "" for k in m.field("kind").to_pylist()]
        self._m["time"] = _time_points(m)

    def document(self, i: int, article: Article, spans: Spans = ()) -> Document:
        """Document ``i`` of ``article`` (whose text is the one that was prepared), with
        the article's ``spans`` in the text as read."""
        sentences, mentions = self.parts(i, article.id, article.text)
        a = article  # (one constructor call, not two of dataclasses.replace)
        article = Article(a.id, a.text, a.title, a.url, a.source, self.est_published[i],
                          self.est_source[i] or "", a.origin, spans)
        return Document(article, sentences, mentions)

    def parts(self, i: int, aid: str, text: str) -> tuple[tuple[Sentence, ...], tuple[DateMention, ...]]:
        """The sentences and date mentions of document ``i``, of the article ``aid`` with ``text``."""
        lo, hi = int(self._so[i]), int(self._so[i + 1])
        starts, ends = self._starts[lo:hi], self._ends[lo:hi]
        sentences = tuple(make_many(Sentence, repeat(aid), count(), starts, ends,
                                    [text[s:e] for s, e in zip(starts, ends, strict=True)]))
        m, lo, hi = self._m, int(self._mo[i]), int(self._mo[i + 1])
        mentions = tuple(make_many(DateMention, m["text"][lo:hi], m["start"][lo:hi],
                                   m["end"][lo:hi], m["type"][lo:hi], m["value"][lo:hi],
                                   m["kind"][lo:hi], m["time"][lo:hi]))
        return sentences, mentions

"""Reading a store: a snapshot of one manifest, the rows a query selects, documents from them.

Readers take no lock: they read ``manifest.json`` once and only the shards
it names, which are never changed or removed, so a writer adding at the
same time is invisible until its next commit and never half-visible.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from ..model import Article, DateMention, Document, Granularity, Sentence, TimePoint, TimexType
from .layout import Manifest, changes_path, read_manifest, shard_path

ARTICLE_COLUMNS = ("id", "title", "text", "url", "source", "published", "date_source", "origin")
PREPARED_COLUMNS = ("prep_hash", "est_published", "est_date_source", "sent_start", "sent_end", "mentions")


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
        conds.append("(" + " OR ".join("contains(lower(text), ?)" for _ in keywords) + ")")
        params.extend(k.lower() for k in keywords)
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


def to_articles(table: pa.Table) -> list[Article]:
    cols = {c: table[c].to_pylist() for c in ARTICLE_COLUMNS}
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


def prep_hash(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def stored_document(article: Article, row: dict[str, Any]) -> Document:
    """The stored prepared document of ``article`` (whose text is the one it was prepared on)."""
    text = article.text
    article = replace(article, published=row["est_published"], date_source=row["est_date_source"] or "")
    sentences = tuple(
        Sentence(article.id, i, s, e, text[s:e])
        for i, (s, e) in enumerate(zip(row["sent_start"], row["sent_end"], strict=True))
    )
    mentions = tuple(
        DateMention(
            m["text"], m["start"], m["end"], TimexType(m["type"]), m["value"], m["kind"] or "",
            TimePoint(m["date"], Granularity(m["granularity"])) if m["date"] is not None else None,
        )
        for m in row["mentions"]
    )
    return Document(article, sentences, mentions)

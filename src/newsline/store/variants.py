"""Prepared variants: each stored text without the lines that recur across its shard.

The collection stage of :func:`newsline.clean.clean` drops short lines that
recur in many of the selected articles (site furniture: "Views expressed in
the comments do not represent those of Reuters ."); an article whose text
this changes needs its sentences and date mentions of the new text. Which
lines recur depends on the selection, but the lines that recur across a
whole selection mostly also recur across the shard (a batch of the same
input) that holds the article. So the worker that prepares a shard also
prepares, for every article that has lines frequent in the shard
(:func:`newsline.clean.boilerplate.frequent_lines` over the shard's texts),
the document of its text without them, and stores it with the set of lines
it left out (``variants/<shard>.parquet``). A reader whose selection drops
exactly that set of lines from the article uses the stored variant; with
another set it prepares the article again. The variant is the document of
the same text, so it is the one a preparation would give.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ..clean.boilerplate import MAX_LINE_CHARS, drop_lines, frequent_lines
from ..model import Article, DateMention
from ..temporal import tag
from ..text import sentence_spans
from .layout import MENTIONS, Manifest, shard_path

_LETTER = re.compile(r"[^\W\d_]")

#: One row per article (``row`` in its shard) that has a variant.
VARIANTS_SCHEMA = pa.schema(
    [
        ("row", pa.int32()),
        ("lines", pa.list_(pa.string())),  # the stripped lines left out, sorted
        ("sent_start", pa.list_(pa.int32())),
        ("sent_end", pa.list_(pa.int32())),
        ("mentions", pa.list_(MENTIONS)),
    ]
)


def variants_path(root: Path, name: str) -> Path:
    return root / "variants" / f"{name}.parquet"


def dropped(text: str, keys: frozenset[str]) -> tuple[str, ...]:
    """The distinct stripped lines of ``text`` that are in ``keys``, sorted."""
    if not keys:
        return ()
    return tuple(sorted({s for s in map(str.strip, text.split("\n"))
                         if s and len(s) <= MAX_LINE_CHARS and s in keys}))


def prepared(text: str, published: dt.date | None) -> tuple[list[tuple[int, int]], list[DateMention]]:
    """The sentence offsets and date mentions :func:`newsline.core.prepare_document`
    gives an article of this text and date (without making its ``Sentence``
    objects: a store keeps only the offsets)."""
    return sentence_spans(text), tag(text, published)


def mention_rows(doc_mentions: Iterable) -> list[dict[str, object]]:  # type: ignore[type-arg]
    """Date mentions as stored (the ``mentions`` column)."""
    return [
        {"start": m.start, "end": m.end, "text": m.text, "type": str(m.type),
         "value": m.value, "kind": m.kind, "date": m.time.date if m.time else None,
         "granularity": str(m.time.granularity) if m.time else None}
        for m in doc_mentions
    ]


def variant_table(rows: Sequence[int], texts: Sequence[str], articles: Sequence[Article],
                  keys: frozenset[str] | None = None) -> pa.Table:
    """The variants of one shard: ``texts`` (cleaned, per article) at shard ``rows``;
    ``articles`` give the id and the publication date as read; ``keys``: the lines
    frequent in the shard when known (else counted here)."""
    if keys is None:
        keys = frequent_lines(texts, len(texts))
    out: dict[str, list[object]] = {f.name: [] for f in VARIANTS_SCHEMA}
    if keys:
        for row, text, a in zip(rows, texts, articles, strict=True):
            new, k = drop_lines(text, keys)
            if not k or not _LETTER.search(new):
                continue
            spans, mentions = prepared(new, a.published)
            out["row"].append(row)
            out["lines"].append(list(dropped(text, keys)))
            out["sent_start"].append([s for s, _ in spans])
            out["sent_end"].append([e for _, e in spans])
            out["mentions"].append(mention_rows(mentions))
    return pa.Table.from_pydict(out, schema=VARIANTS_SCHEMA)


def write_variants(table: pa.Table, path: Path) -> None:
    pq.write_table(table, path, compression="zstd")


def migrate_shard(root: Path, manifest: Manifest, i: int) -> None:
    """Write the variants of committed shard ``i`` from its stored texts (a version-2
    store gets them so); a file already there (an interrupted migration) is kept."""
    name = manifest.shards[i]["name"]
    final = variants_path(root, name)
    if final.exists():
        return
    t = pq.read_table(shard_path(root, name), columns=["row", "id", "text", "published"])
    cols = {c: t[c].to_pylist() for c in t.column_names}
    articles = [Article(id=id_, text="", published=p) for id_, p in
                zip(cols["id"], cols["published"], strict=True)]
    tmp = root / "tmp" / f"{name}.variants.parquet"
    write_variants(variant_table(cols["row"], cols["text"], articles), tmp)
    os.replace(tmp, final)


class Variants:
    """The stored variants of the shards a selection reads, looked up by (shard, row)."""

    def __init__(self, root: Path, shards: Iterable[str]) -> None:
        self.table: pa.Table | None = None
        self._at: dict[tuple[str, int], int] = {}
        parts = []
        for name in dict.fromkeys(shards):
            path = variants_path(root, name)
            if not path.exists():
                continue
            t = pq.read_table(path)
            base = sum(p.num_rows for p in parts)
            for k, row in enumerate(t["row"].to_pylist()):
                self._at[(name, row)] = base + k
            parts.append(t)
        if parts:
            self.table = pa.concat_tables(parts)
            self._lines = self.table["lines"].to_pylist()

    def find(self, shard: str, row: int, lines: tuple[str, ...]) -> int | None:
        """The position of the variant of (shard, row) that leaves out exactly ``lines``."""
        k = self._at.get((shard, row))
        if k is None or tuple(self._lines[k]) != lines:
            return None
        return k

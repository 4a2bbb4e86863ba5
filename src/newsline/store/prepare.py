"""Per-article work of ``index add``, run by a worker: clean, prepare, sign, write one shard.

A worker gets a batch of ``(seq, article)`` pairs, runs the per-article
cleaning (title lines, boilerplate, reader comments), sentence splitting and
date tagging (:func:`newsline.core.prepare_document`), computes the
near-duplicate keys of :mod:`newsline.clean.dedupe`, and writes the rows to
``tmp/<shard>.parquet``. It returns only what the committing process needs
(:class:`ShardResult`): the index keys, never the text.
"""

from __future__ import annotations

import hashlib
import os
import re
import socket
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from ..clean.boilerplate import strip_lines
from ..clean.comments import cut_comments
from ..clean.dedupe import band_keys, shingles, signatures, word_ids
from ..core import prepare_document
from ..model import Article
from .layout import SCHEMA

_LETTER = re.compile(r"[^\W\d_]")
ROW_GROUP = 512


def content_hash(a: Article) -> bytes:
    """An article's identity: its title, text, url, source and publication date."""
    parts = (a.title, a.text, a.url, a.source, a.published.isoformat() if a.published else "")
    return hashlib.blake2b("\x00".join(parts).encode("utf-8", "surrogatepass"), digest_size=16).digest()


def key64(value: str) -> int:
    """A deterministic 64-bit key of an id or url (0 is never returned for a non-empty one)."""
    if not value:
        return 0
    return int.from_bytes(hashlib.blake2b(value.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little") | 1


@dataclass
class ShardResult:
    """What a worker reports for one shard it wrote to ``tmp/``."""

    name: str
    seqs: np.ndarray  # int64, one per stored row, in row order
    rows: np.ndarray  # int32
    ids: list[str]
    urls: list[str]
    content: list[bytes]
    bands: np.ndarray  # (n, 16) uint64
    signature: np.ndarray  # (n, 64) uint16
    empty: list[str] = field(default_factory=list)  # ids of articles left without text
    worker: str = ""  # host:pid of the process that prepared the shard

    def __len__(self) -> int:
        return len(self.ids)


def _stage_one(a: Article) -> tuple[str, int, int]:
    text, lines = strip_lines(a.text, a.title)
    text, cut = cut_comments(text)
    return text, int(lines), int(cut)


def prepare_shard(
    batch: Sequence[tuple[int, Article]], root: str, name: str, collection: str = ""
) -> ShardResult:
    """Prepare ``batch`` and write it to ``root/tmp/<name>.parquet``."""
    cols: dict[str, list[object]] = {f.name: [] for f in SCHEMA}
    kept: list[tuple[int, Article, str]] = []
    empty: list[str] = []
    for seq, a in batch:
        text, lines, cut = _stage_one(a)
        if not _LETTER.search(text):
            empty.append(a.id)
            continue
        kept.append((seq, a, text))
        doc = prepare_document(replace(a, text=text))
        art = doc.article
        row = len(kept) - 1
        values = {
            "seq": seq,
            "shard": name,
            "row": row,
            "id": a.id,
            "title": a.title,
            "text": a.text,
            "url": a.url,
            "source": a.source,
            "published": a.published,
            "date_source": a.date_source,
            "origin": a.origin,
            "collection": collection,
            "content_hash": content_hash(a),
            "prep_hash": hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest(),
            "est_published": art.published,
            "est_date_source": art.date_source,
            "sent_start": [s.start for s in doc.sentences],
            "sent_end": [s.end for s in doc.sentences],
            "mentions": [
                {
                    "start": m.start,
                    "end": m.end,
                    "text": m.text,
                    "type": str(m.type),
                    "value": m.value,
                    "kind": m.kind,
                    "date": m.time.date if m.time else None,
                    "granularity": str(m.time.granularity) if m.time else None,
                }
                for m in doc.mentions
            ],
            "n_sentences": len(doc.sentences),
            "n_dated": sum(1 for m in doc.mentions if m.time is not None),
            "boilerplate_lines": lines,
            "comment_sections": cut,
        }
        for k, v in values.items():
            cols[k].append(v)
    bands, sig = near_keys([t for _, _, t in kept])
    cols["bands"] = [b.tobytes() for b in bands.astype("<u8")]
    cols["signature"] = [s.tobytes() for s in sig.astype("<u2")]
    table = pa.Table.from_pydict(cols, schema=SCHEMA)
    pq.write_table(
        table, Path(root) / "tmp" / f"{name}.parquet", compression="zstd", row_group_size=ROW_GROUP
    )
    return ShardResult(
        name=name,
        seqs=np.array([s for s, _, _ in kept], dtype=np.int64),
        rows=np.arange(len(kept), dtype=np.int32),
        ids=[a.id for _, a, _ in kept],
        urls=[a.url for _, a, _ in kept],
        content=list(cols["content_hash"]),  # type: ignore[arg-type]
        bands=bands,
        signature=sig,
        empty=empty,
        worker=f"{socket.gethostname()}:{os.getpid()}",
    )


def near_keys(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """LSH band keys ``(n, 16)`` and 16-bit MinHash signatures ``(n, 64)`` of cleaned texts."""
    if not texts:
        return np.zeros((0, 16), dtype=np.uint64), np.zeros((0, 64), dtype=np.uint16)
    ids, bounds = word_ids(list(texts))
    sets = [shingles(ids[bounds[i] : bounds[i + 1]]) for i in range(len(texts))]
    sig = signatures(sets)
    return band_keys(sig), (sig >> np.uint64(48)).astype(np.uint16)

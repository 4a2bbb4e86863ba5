"""Per-article work of ``index add``, run by a worker: clean, prepare, sign, write one shard.

A worker gets a batch of ``(seq, article)`` pairs, runs the per-article
cleaning of :func:`newsline.clean.clean` (title and boilerplate lines, reader
comments), sentence splitting and date tagging
(:func:`newsline.core.prepare_document`) and the duplicate keys of
:mod:`newsline.clean.dedupe`, and writes the rows to ``tmp/<shard>.parquet``
one row group at a time (memory bounded by the row group, not the shard). It
returns only what the committing process needs (:class:`ShardResult`).
"""

from __future__ import annotations

import hashlib
import os
import re
import socket
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from ..clean.boilerplate import strip_lines
from ..clean.comments import cut_comments
from ..clean.dedupe import band_keys, exact_key, shingles, signatures, word_ids
from ..model import Article
from ..temporal.tagger import forget_scans
from .layout import SCHEMA
from .lines import lines_table, write_lines
from .postings import build_segment, row_terms, write_segment
from .variants import mention_rows, prepared, variant_table, write_variants

_LETTER = re.compile(r"[^\W\d_]")
ROW_GROUP = 64  # small row groups: a query reads only those holding its rows
# Dictionary-encoded columns: the few-valued ones (a dictionary of unique texts, ids or
# hashes is CPU spent for a larger file: 25% of the shard writing time).
_DICTIONARY = ["shard", "source", "date_source", "origin", "collection", "est_date_source"]


def content_hash(a: Article) -> bytes:
    """An article's identity: its title, text, url, source and publication date."""
    parts = (a.title, a.text, a.url, a.source, a.published.isoformat() if a.published else "")
    return hashlib.blake2b("\x00".join(parts).encode("utf-8", "surrogatepass"), digest_size=16).digest()


def key64(value: str) -> int:
    """A deterministic 64-bit key of an id or url (0 only for the empty string)."""
    if not value:
        return 0
    digest = hashlib.blake2b(value.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "little") | 1


@dataclass
class ShardResult:
    """What a worker reports for one shard it wrote to ``tmp/``."""

    name: str
    seqs: np.ndarray  # int64, one per stored row, in row order
    ids: list[str]
    urls: list[str]
    content: list[bytes]
    bands: np.ndarray  # (n, 16) uint64
    signature: np.ndarray  # (n, 64) uint16
    empty: list[str] = field(default_factory=list)  # ids of articles left without text
    worker: str = ""  # host:pid of the process that prepared the shard

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def rows(self) -> np.ndarray:
        return np.arange(len(self.ids), dtype=np.int32)


def _stage_one(a: Article) -> tuple[str, int, int]:
    """The per-article part of :func:`newsline.clean.clean`."""
    text, lines = strip_lines(a.text, a.title)
    text, cut = cut_comments(text)
    return text, int(lines), int(cut)


def _row(seq: int, row: int, a: Article, text: str, lines: int, cut: int, name: str,
         collection: str) -> dict[str, object]:
    spans, mentions = prepared(text, a.published)
    return {
        "seq": seq, "shard": name, "row": row, "id": a.id, "title": a.title, "text": text,
        "raw_text": None if text == a.text else a.text, "raw_chars": len(a.text), "url": a.url, "source": a.source,
        "published": a.published, "date_source": a.date_source, "origin": a.origin,
        "collection": collection, "content_hash": content_hash(a),
        "est_published": a.published, "est_date_source": a.date_source,  # as prepare_document
        "sent_start": [s for s, _ in spans],
        "sent_end": [e for _, e in spans],
        "mentions": mention_rows(mentions),
        "n_sentences": len(spans),
        "n_dated": sum(1 for m in mentions if m.time is not None),
        "boilerplate_lines": lines, "comment_sections": cut,
    }


def prepare_shard(
    batch: Sequence[tuple[int, Article]], root: str, name: str, collection: str = ""
) -> ShardResult:
    """Prepare ``batch`` and write it to ``root/tmp/<name>.parquet``, its full-text
    index segment to ``root/tmp/<name>.terms.arrow``, its prepared variants
    (:mod:`.variants`) to ``root/tmp/<name>.variants.parquet``, its recurring-line
    keys (:mod:`.lines`) to ``root/tmp/<name>.lines.parquet``."""
    out = ShardResult(name, np.zeros(0, np.int64), [], [], [],
                      np.zeros((0, 16), np.uint64), np.zeros((0, 64), np.uint16),
                      worker=f"{socket.gethostname()}:{os.getpid()}")
    seqs: list[int] = []
    bands: list[np.ndarray] = [out.bands]
    sigs: list[np.ndarray] = [out.signature]
    terms: list[set[str]] = []
    staged = [_stage_one(a) for _, a in batch]
    kept: list[tuple[str, Article]] = []  # (cleaned text, article as read) of the stored rows
    with pq.ParquetWriter(Path(root) / "tmp" / f"{name}.parquet", SCHEMA, compression="zstd",
                          use_dictionary=_DICTIONARY) as w:
        for lo in range(0, len(batch), ROW_GROUP):
            rows = []
            for (seq, a), (text, lines, cut) in zip(batch[lo : lo + ROW_GROUP],
                                                    staged[lo : lo + ROW_GROUP], strict=True):
                if not _LETTER.search(text):
                    out.empty.append(a.id)
                    continue
                rows.append(_row(seq, len(out.ids), a, text, lines, cut, name, collection))
                seqs.append(seq)
                kept.append((text, a))
                out.ids.append(a.id)
                out.urls.append(a.url)
            if not rows:
                continue
            keys = duplicate_keys([r["text"] for r in rows])  # type: ignore[misc]
            cols = {f.name: [r.get(f.name) for r in rows] for f in SCHEMA}
            cols["exact_key"], cols["n_shingles"] = keys[0], keys[1]
            cols["bands"] = [b.tobytes() for b in keys[2].astype("<u8")]
            cols["signature"] = [s.tobytes() for s in keys[3].astype("<u2")]
            out.content.extend(cols["content_hash"])  # type: ignore[arg-type]
            terms.extend(
                row_terms(r["text"], r["published"] or r["est_published"], collection,  # type: ignore[arg-type]
                          r["source"] or "")  # type: ignore[arg-type]
                for r in rows
            )
            bands.append(keys[2])
            sigs.append(keys[3])
            w.write_table(pa.Table.from_pydict(cols, schema=SCHEMA), row_group_size=ROW_GROUP)
            # The tagger keeps each undated text's scan and tense() caches every text it
            # reads, for a dating stage that reads them again; a worker prepares each
            # article once (no hit in 8,000), so in a long-lived worker those caches only
            # pinned whole texts, up to 32,768 tenses: ~375 MB per worker at 10^5, ~230 now.
            forget_scans()
    write_segment(build_segment(terms), Path(root) / "tmp" / f"{name}.terms.arrow")
    texts = [t for t, _ in kept]
    lines, frequent = lines_table(range(len(kept)), texts)
    write_lines(lines, Path(root) / "tmp" / f"{name}.lines.parquet")
    write_variants(variant_table(range(len(kept)), texts, [a for _, a in kept], frequent),
                   Path(root) / "tmp" / f"{name}.variants.parquet")
    out.seqs = np.array(seqs, dtype=np.int64)
    out.bands = np.concatenate(bands)
    out.signature = np.concatenate(sigs)
    return out


def duplicate_keys(texts: Sequence[str]) -> tuple[list[bytes], list[int], np.ndarray, np.ndarray]:
    """Per cleaned text: the exact key, the number of shingles, the 16 LSH band keys and
    the 64 MinHash bins (top 16 bits), as :func:`newsline.clean.clean` computes them."""
    ids, bounds = word_ids(list(texts))
    words = [ids[bounds[i] : bounds[i + 1]] for i in range(len(texts))]
    sets = [shingles(w) for w in words]
    sig = signatures(sets)
    return ([exact_key(w) for w in words], [len(s) for s in sets], band_keys(sig),
            (sig >> np.uint64(48)).astype(np.uint16))

"""The store on disk: folder layout, Parquet schema, and the manifest (atomic commits).

::

    news.db/
      manifest.json        the committed state: schema version, shards, change files
      shards/*.parquet     one row per article version (article, prepared document, index keys)
      changes/*.parquet    per commit: rows superseded by an update, near-duplicate marks
      terms/*.arrow        the full-text index: term -> rows, one segment per run of shards
      variants/*.parquet   per shard: prepared texts without the lines recurring across it
      lines/*.parquet      per shard: each article's short lines and their keys (recurring lines)
      tmp/                 files being written; never read, removed by the next writer
      lock                 held by the one writer (readers never lock)
      timelines/           reserved for the web app's saved timelines

A commit renames finished shards from ``tmp/`` into ``shards/``, then writes
``manifest.json`` to a temporary name, flushes it and renames it over the old
one: readers see either the old or the new manifest, never a part of one,
and a shard is visible only once a manifest names it. See docs/store.md.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa

from ..errors import NewslineError

FORMAT = "newsline-store"
SCHEMA_VERSION = 4  # 4: line keys (lines/); 3: prepared variants (variants/); 2: the index (terms/)
READABLE = (1, 2, 3, 4)  # older versions are read as they are; the next writer migrates them
MANIFEST = "manifest.json"


class StoreError(NewslineError, ValueError):
    """A store folder is missing, unreadable or of an unknown version."""

    code = "E500"


MENTIONS = pa.struct(
    [
        ("start", pa.int32()),
        ("end", pa.int32()),
        ("text", pa.string()),
        ("type", pa.string()),
        ("value", pa.string()),
        ("kind", pa.string()),
        ("date", pa.date32()),
        ("granularity", pa.string()),
    ]
)

#: One row per article version. ``text`` is the article after the per-article
#: cleaning (title and boilerplate lines, reader comments out), ``raw_text``
#: the text as read when it differs (else null). The prepared document
#: (``sent_*``, ``mentions`` offsets into ``text``, ``est_*``) and the duplicate
#: keys (``exact_key``, ``bands``, ``signature``, ``n_shingles``) are of ``text``.
SCHEMA = pa.schema(
    [
        ("seq", pa.int64()),  # order of the article in the store (kept by updates)
        ("shard", pa.string()),
        ("row", pa.int32()),
        ("id", pa.string()),
        ("title", pa.string()),
        ("text", pa.string()),
        ("raw_text", pa.string()),
        ("raw_chars", pa.int32()),  # length of the text as read (duplicate preference)
        ("url", pa.string()),
        ("source", pa.string()),
        ("published", pa.date32()),
        ("date_source", pa.string()),
        ("origin", pa.string()),
        ("collection", pa.string()),
        ("content_hash", pa.binary(16)),
        ("exact_key", pa.binary(16)),
        ("n_shingles", pa.int32()),
        ("est_published", pa.date32()),
        ("est_date_source", pa.string()),
        ("sent_start", pa.list_(pa.int32())),
        ("sent_end", pa.list_(pa.int32())),
        ("mentions", pa.list_(MENTIONS)),
        ("n_sentences", pa.int32()),
        ("n_dated", pa.int32()),  # mentions resolved to a calendar date
        ("bands", pa.binary(128)),  # 16 LSH band keys (uint64, little-endian)
        ("signature", pa.binary(128)),  # 64 MinHash bins, top 16 bits (uint16)
        ("boilerplate_lines", pa.int32()),
        ("comment_sections", pa.int32()),
    ]
)

#: ``action`` is ``delete`` (the row was replaced by an update) or
#: ``duplicate`` (a near duplicate of the article ``other`` already stored).
CHANGES_SCHEMA = pa.schema(
    [("shard", pa.string()), ("row", pa.int32()), ("action", pa.string()), ("other", pa.string())]
)


@dataclass
class Manifest:
    commit: int = 0
    updated: str = ""
    shards: list[dict[str, Any]] = field(default_factory=list)  # name, rows, commit
    changes: list[str] = field(default_factory=list)
    next_seq: int = 0
    #: full-text index segments in shard order: name, first (index of its first
    #: shard in ``shards``), shards (how many), rows
    terms: list[dict[str, Any]] = field(default_factory=list)
    version: int = SCHEMA_VERSION

    @property
    def indexed(self) -> bool:
        """Whether the full-text index covers every shard."""
        return sum(int(t["shards"]) for t in self.terms) == len(self.shards)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "schema_version": SCHEMA_VERSION,
            "commit": self.commit,
            "updated": self.updated,
            "next_seq": self.next_seq,
            "shards": self.shards,
            "changes": self.changes,
            "terms": self.terms,
        }


def read_manifest(root: Path) -> Manifest:
    """The committed manifest; an empty one for a store not yet written."""
    path = root / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Manifest()
    except (OSError, ValueError) as exc:
        raise StoreError(f"{path}: cannot read the store manifest ({exc})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise StoreError(f"{path}: not a newsline store manifest")
    if data.get("schema_version") not in READABLE:
        raise StoreError(
            f"{path}: store schema version {data.get('schema_version')} "
            f"(this newsline reads versions {', '.join(map(str, READABLE))})"
        )
    return Manifest(
        commit=int(data["commit"]),
        updated=str(data.get("updated", "")),
        shards=list(data["shards"]),
        changes=list(data["changes"]),
        next_seq=int(data.get("next_seq", 0)),
        terms=list(data.get("terms", [])),
        version=int(data["schema_version"]),
    )


def write_manifest(root: Path, manifest: Manifest) -> None:
    """Atomically replace the manifest (write, flush, fsync, rename, fsync the folder)."""
    manifest.updated = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    tmp = root / "tmp" / f"{MANIFEST}.{os.getpid()}"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(manifest.to_json(), f, indent=1)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, root / MANIFEST)
    fsync_dir(root)


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def shard_path(root: Path, name: str) -> Path:
    return root / "shards" / f"{name}.parquet"


def changes_path(root: Path, name: str) -> Path:
    return root / "changes" / f"{name}.parquet"


def terms_path(root: Path, name: str) -> Path:
    return root / "terms" / f"{name}.arrow"


def shard_bases(manifest: Manifest) -> list[int]:
    """The global row number of each shard's first row (its handle base)."""
    bases, n = [], 0
    for s in manifest.shards:
        bases.append(n)
        n += int(s["rows"])
    return bases

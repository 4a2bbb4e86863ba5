"""Selecting rows with the full-text index: query terms -> postings -> candidates -> exact check.

A query term (:mod:`newsline.query`: a word or a quoted phrase, lower-cased,
``*`` wildcards) matches an article whose lower-cased cleaned text contains
it as whole words. Each word run of a term is then a whole word run of the
text (an index term), except where a wildcard opens it: the first run may
be the end of a longer word (``*oil``), the last one its start (``oil*``).
So the term's candidates are the intersection over its word runs of the rows
of one index term (a binary search in each segment's sorted vocabulary), of
a range of terms (a prefix: two binary searches) or, for an open start, of
the terms a scan of the vocabulary finds. A term that is one word run is
matched exactly by its candidates; for the others (phrases, terms with
punctuation) the candidates' texts are read and checked. Window, collection and source are field terms of the same index;
replaced rows and near-duplicate marks come from the change files. With
``-excluded`` terms, an article that contains one keeps only if one of its
sentences contains an included term (or there is none) and no excluded term:
it must give the timeline a sentence to select (docs/store.md).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from ..query import Query, split_term
from .layout import Manifest, changes_path, shard_bases, shard_path, terms_path
from .postings import COLLECTION, DAY, SOURCE, WORD, read_segment

READERS = os.cpu_count() or 1  # shards read at once
_TOP = "\U0010ffff"  # above every character: ``p + _TOP`` bounds the terms that begin with ``p``


def _bisect(terms: pa.StringArray, value: str) -> int:
    """The first position of a sorted string array whose term is not below ``value``."""
    lo, hi = 0, len(terms)
    while lo < hi:
        mid = (lo + hi) // 2
        if terms[mid].as_py() < value:
            lo = mid + 1
        else:
            hi = mid
    return lo


class Index:
    """The segments of one snapshot, memory-mapped, with their first global row."""

    def __init__(self, root, manifest: Manifest) -> None:  # type: ignore[no-untyped-def]
        bases = shard_bases(manifest)
        self.root = root
        self.manifest = manifest
        self.bases = np.array(bases, dtype=np.int64)
        self.total = sum(int(s["rows"]) for s in manifest.shards)
        self.segments = [(read_segment(terms_path(root, t["name"])), bases[int(t["first"])])
                         for t in manifest.terms]

    def rows(self, mask_of) -> np.ndarray:  # type: ignore[no-untyped-def]
        """The global rows (sorted, unique) of the terms ``mask_of(term column)`` selects."""
        return self.rows_at(lambda t: np.flatnonzero(mask_of(t).to_numpy(zero_copy_only=False)))

    def range(self, lo: str, hi: str, also: str | None = None) -> np.ndarray:
        """Rows of the terms ``lo <= term < hi`` (and of the term ``also``): binary searches
        of the sorted vocabularies, no scan."""
        def pick(terms: pa.StringArray) -> np.ndarray:
            a, b = _bisect(terms, lo), _bisect(terms, hi)
            idx = np.arange(a, b)
            if also is not None:
                k = _bisect(terms, also)
                if k < len(terms) and terms[k].as_py() == also and not a <= k < b:
                    idx = np.append(idx, k)
            return idx
        return self.rows_at(pick)

    def rows_at(self, pick) -> np.ndarray:  # type: ignore[no-untyped-def]
        """The global rows (sorted, unique) of the terms at ``pick(term column)`` (indices)."""
        out = []
        for batch, base in ((b, base) for table, base in self.segments for b in table.to_batches()):
            terms = batch.column(0)
            if not len(terms):
                continue
            idx = pick(terms)
            if not len(idx):
                continue
            lists = batch.column(1)
            offs = lists.offsets.to_numpy()
            vals = lists.values.to_numpy()
            lo, hi = offs[idx].astype(np.int64), offs[idx + 1].astype(np.int64)
            n = hi - lo
            start = np.repeat(lo - np.concatenate([[0], np.cumsum(n)[:-1]]), n)
            out.append(vals[start + np.arange(int(n.sum()))].astype(np.int64) + base)
        return np.unique(np.concatenate(out)) if out else np.zeros(0, np.int64)

    def word(self, run: str, start: bool = True, end: bool = True) -> np.ndarray:
        """Rows whose text has the word run ``run``; one that begins with it (``end``
        open: ``end=False``), ends with it (``start=False``) or contains it (both)."""
        if start:
            return self.range(run, run + "\x00") if end else self.range(run, run + _TOP)
        words = (lambda t: pc.ends_with(t, run)) if end else (lambda t: pc.match_substring(t, run))
        return self.rows(lambda t: pc.and_(pc.greater_equal(t, "\x04"), words(t)))

    def field(self, prefix: str, value: str) -> np.ndarray:
        return self.range(prefix + value, prefix + value + "\x00")

    def window(self, start: dt.date | None, end: dt.date | None) -> np.ndarray:
        """Rows dated in ``[start, end]`` or undated."""
        lo = DAY + (start.isoformat() if start else "0")
        hi = DAY + (end.isoformat() if end else "9") + "\x00"
        return self.range(lo, hi, also=DAY)

    def changes(self) -> tuple[np.ndarray, np.ndarray]:
        """Rows replaced by an update, rows marked as near duplicates."""
        base = dict(zip((s["name"] for s in self.manifest.shards), self.bases.tolist(), strict=True))
        dead: list[int] = []
        dup: list[int] = []
        for name in self.manifest.changes:
            c = pq.read_table(changes_path(self.root, name), columns=["shard", "row", "action"])
            for shard, row, action in zip(c["shard"].to_pylist(), c["row"].to_pylist(),
                                          c["action"].to_pylist(), strict=True):
                (dead if action == "delete" else dup).append(base[shard] + row)
        return np.unique(np.array(dead, np.int64)), np.unique(np.array(dup, np.int64))


def term_rows(index: Index, term: str) -> tuple[np.ndarray, bool]:
    """The rows that have every word run of ``term`` (as the term has it), and whether
    those rows are exactly the term's matches (a term of one word run)."""
    lead, core, trail = split_term(term)
    runs = [(m.group(), m.start(), m.end()) for m in WORD.finditer(core)]
    if not runs:
        return np.arange(index.total, dtype=np.int64), False
    rows = None
    for run, a, b in runs:
        found = index.word(run, start=not (lead and a == 0), end=not (trail and b == len(core)))
        rows = found if rows is None else np.intersect1d(rows, found, assume_unique=True)
    assert rows is not None
    return rows, runs[0][0] == core


def candidates(index: Index, terms: Sequence[str],
               found: dict[str, np.ndarray] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Rows that contain one of ``terms`` for sure, and rows that may (to be checked);
    ``found`` receives the rows of each term."""
    sure: list[np.ndarray] = []
    maybe: list[np.ndarray] = []
    for term in terms:
        rows, exact = term_rows(index, term)
        if found is not None:
            found[term] = rows
        (sure if exact else maybe).append(rows)
    s = np.unique(np.concatenate(sure)) if sure else np.zeros(0, np.int64)
    m = np.unique(np.concatenate(maybe)) if maybe else np.zeros(0, np.int64)
    return s, np.setdiff1d(m, s, assume_unique=True)


def select_rows(
    index: Index,
    query: Query,
    start: dt.date | None = None,
    end: dt.date | None = None,
    source: str | None = None,
    collection: str | None = None,
    duplicates: bool = True,
    max_rows: int | None = None,
) -> np.ndarray:
    """The global rows (sorted) of the live articles the documented selection keeps;
    with ``max_rows``, the ``max_rows`` most relevant of them (:func:`most_relevant`)."""
    found: dict[str, np.ndarray] = {}
    if query.include:
        rows, check = candidates(index, query.include, found)
    else:
        rows, check = np.arange(index.total, dtype=np.int64), np.zeros(0, np.int64)
    keep = []
    if start is not None or end is not None:
        keep.append(index.window(start, end))
    if collection is not None:
        keep.append(index.field(COLLECTION, collection))
    if source is not None:
        keep.append(index.field(SOURCE, source))
    dead, dup = index.changes()
    for k in keep:
        rows = np.intersect1d(rows, k, assume_unique=True)
        check = np.intersect1d(check, k, assume_unique=True)
    drop = np.union1d(dead, dup) if not duplicates else dead
    rows = np.setdiff1d(rows, drop, assume_unique=True)
    check = np.setdiff1d(check, drop, assume_unique=True)
    if len(check):
        texts = read_rows(index, check, ["text"])["text"].to_pylist()
        hit = [query.includes(text.lower()) for text in texts]
        rows = np.union1d(rows, check[np.array(hit, dtype=bool)])
    if query.exclude and len(rows):
        risky, maybe = candidates(index, query.exclude)
        risky = np.intersect1d(rows, np.union1d(risky, maybe), assume_unique=True)
        if len(risky):
            t = read_rows(index, risky, ["text", "sent_start", "sent_end"])
            bad = [not _has_selectable(text, s, e, query) for text, s, e in zip(
                t["text"].to_pylist(), t["sent_start"].to_pylist(), t["sent_end"].to_pylist(),
                strict=True)]
            rows = np.setdiff1d(rows, risky[np.array(bad, dtype=bool)], assume_unique=True)
    if max_rows is not None and found and len(rows) > max_rows:
        rows = most_relevant(rows, found, index.total, max_rows)
    return rows


def most_relevant(rows: np.ndarray, found: dict[str, np.ndarray], total: int,
                  n: int) -> np.ndarray:
    """The ``n`` rows (sorted) of the highest relevance: the sum, over the query terms a
    row has (all the words of a phrase), of ``log(total rows / rows with the term)``
    (rare terms weigh more; no term frequencies); ties go to the rows committed first."""
    score = np.zeros(len(rows))
    for hits in found.values():
        if len(hits):
            score += np.isin(rows, hits, assume_unique=True) * np.log(total / len(hits))
    pick = np.lexsort((rows, -score))[:n]
    return np.sort(rows[pick])


def _has_selectable(text: str, starts: list[int], ends: list[int], query: Query) -> bool:
    for s, e in zip(starts, ends, strict=True):
        low = text[s:e].lower()
        if query.excludes(low):
            continue
        if not query.include or query.includes(low):
            return True
    return False


def read_rows(index: Index, rows: np.ndarray, columns: Sequence[str]) -> pa.Table:
    """``columns`` of the global ``rows`` (sorted), read only from the row groups holding
    them (a few shards at a time: Parquet decoding runs outside the GIL)."""
    cols = list(columns)
    shard_of = np.searchsorted(index.bases, rows, "right") - 1
    shards = np.unique(shard_of).tolist()

    def one(i: int) -> pa.Table:
        local = rows[shard_of == i] - index.bases[i]
        pf = pq.ParquetFile(shard_path(index.root, index.manifest.shards[i]["name"]))
        sizes = np.array([pf.metadata.row_group(g).num_rows for g in range(pf.num_row_groups)])
        starts = np.concatenate([[0], np.cumsum(sizes)])
        group_of = np.searchsorted(starts, local, "right") - 1
        groups = np.unique(group_of)
        table = pf.read_row_groups(groups.tolist(), columns=cols, use_threads=False)
        if len(local) == table.num_rows:  # every row of the groups read: nothing to free
            return table
        offset = np.concatenate([[0], np.cumsum(sizes[groups])])
        pos = np.searchsorted(groups, group_of)
        # the rows taken live in the system allocator, so the decoded row groups (Arrow's
        # pool) are freed whole and go back to the OS
        return pc.take(table, pa.array(offset[pos] + local - starts[group_of]),
                       memory_pool=pa.system_memory_pool())

    if not shards:
        return pa.table({c: pa.array([]) for c in cols})
    if len(shards) == 1:
        return one(shards[0])
    with ThreadPoolExecutor(READERS) as pool:
        out = pa.concat_tables(list(pool.map(one, shards)), memory_pool=pa.system_memory_pool())
    pa.default_memory_pool().release_unused()  # the decoded row groups, beyond the rows taken
    return out

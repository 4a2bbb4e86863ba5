"""An in-memory store: articles and their prepared documents, uploads kept on disk.

Uploaded files live under ``STORE/uploads/<batch>/`` (one folder per upload,
made visible by one rename) and are read again when the store opens, so a
restart keeps them. Articles are prepared (cleaned, split, dated) when they
are added, never per request: :meth:`MemoryBackend.corpus` only filters.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import threading
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from .. import prepare
from ..core import parse_query
from ..ingest import read
from ..model import Article, CleanReport, Corpus, Document
from .backend import AddReport

UPLOADS = "uploads"


class MemoryBackend:
    """:class:`~newsline.web.backend.Backend` keeping everything in memory."""

    def __init__(self, path: Path, *, load_uploads: bool = True) -> None:
        self.path = path
        self.uploads = path / UPLOADS
        self.version = 0
        self._lock = threading.Lock()
        self._articles: dict[str, Article] = {}
        self._docs: dict[str, Document] = {}
        self._report = CleanReport()
        self.startup_problems: tuple[str, ...] = ()
        self._fingerprint: tuple[int, str] = (-1, "")
        if load_uploads and self.uploads.is_dir():
            batches = sorted(p for p in self.uploads.iterdir() if p.is_dir() and p.name[0] != ".")
            if batches:
                self.startup_problems = self.add(batches).problems

    # -- writing ----------------------------------------------------------------------------

    def add(self, inputs: Sequence[Path]) -> AddReport:
        """Read files or folders (every format :func:`newsline.ingest.read` knows) and add them."""
        result = read(list(inputs))
        problems = [self._shown(str(p)) for p in result.problems]
        report = self.add_articles(result.articles)
        return dataclasses.replace(
            report,
            skipped=report.skipped + result.files_skipped,
            problems=tuple(problems) + report.problems,
        )

    def add_articles(self, articles: Iterable[Article]) -> AddReport:
        """Add articles (ids made unique with ``#2``...), prepared now for later timelines."""
        items = list(articles)
        with self._lock:
            fresh: list[Article] = []
            notes: list[str] = []
            taken = set(self._articles)
            for a in items:
                new_id = _unique(a.id, taken)
                if new_id != a.id:
                    notes.append(f"{a.id}: id already in the store, renamed to {new_id}")
                    a = dataclasses.replace(a, id=new_id)
                taken.add(new_id)
                fresh.append(dataclasses.replace(a, origin=self._shown(a.origin)))
            if not fresh:
                return AddReport(notes=tuple(notes))
            corpus = prepare(fresh)
            for a in fresh:
                self._articles[a.id] = a
            for d in corpus.documents:
                self._docs[d.article.id] = d
            self._report = _sum_reports(self._report, corpus.report)
            self.version += 1
            dropped = len(fresh) - len(corpus.documents)
        if dropped:
            notes.append(f"{dropped} duplicate or empty articles left out of timelines")
        kept = tuple(d.article.id for d in corpus.documents)
        return AddReport(added=len(fresh), notes=tuple(notes), ids=kept)

    # -- reading ----------------------------------------------------------------------------

    def articles(
        self,
        query: str | None = None,
        start: dt.date | None = None,
        end: dt.date | None = None,
        source: str | None = None,
        limit: int = 100,
    ) -> list[Article]:
        """Articles matching any query word (title or text), published in [start, end]."""
        words = parse_query(query)
        out: list[Article] = []
        for a in list(self._articles.values()):
            if source and a.source != source:
                continue
            if not _in_range(a.published, start, end):
                continue
            if words and not _matches(f"{a.title}\n{a.text}", words):
                continue
            out.append(a)
            if len(out) >= limit:
                break
        return out

    def article(self, id: str) -> Article | None:
        """The article as stored; its text is the cleaned text when it was prepared
        (summary offsets index that text)."""
        doc = self._docs.get(id)
        return doc.article if doc is not None else self._articles.get(id)

    def corpus(
        self,
        query: str | None = None,
        start: dt.date | None = None,
        end: dt.date | None = None,
    ) -> Corpus:
        """The prepared documents (no work but filtering): any query word, dates."""
        words = parse_query(query)
        docs = tuple(
            d
            for d in list(self._docs.values())
            if (d.article.published is None or _in_range(d.article.published, start, end))
            and (not words or _matches(d.article.text, words))
        )
        return Corpus(docs, self._report)

    @property
    def fingerprint(self) -> str:
        """A digest of the prepared documents: the same articles give the same digest after
        a restart (built timelines cached on disk are keyed by it)."""
        with self._lock:
            if self._fingerprint[0] != self.version:
                digest = hashlib.sha256()
                for aid in sorted(self._docs):
                    a = self._docs[aid].article
                    digest.update(f"{aid}\0{a.published}\0{a.source}\0{len(a.text)}\n".encode())
                self._fingerprint = (self.version, digest.hexdigest()[:32])
            return self._fingerprint[1]

    def info(self) -> dict[str, Any]:
        docs = list(self._docs.values())
        pubs = sorted(d.article.published for d in docs if d.article.published)
        by_source = Counter(d.article.source for d in docs if d.article.source)
        days = Counter(d.article.published.isoformat() for d in docs if d.article.published)
        return {
            "backend": "memory",
            "version": self.version,
            "articles": len(self._articles),
            "documents": len(docs),
            "undated": sum(1 for d in docs if d.article.published is None),
            "first": pubs[0].isoformat() if pubs else None,
            "last": pubs[-1].isoformat() if pubs else None,
            "sources": [{"name": k, "articles": v} for k, v in sorted(by_source.items())],
            "volume": [{"date": k, "articles": v} for k, v in sorted(days.items())],
        }

    def _shown(self, text: str) -> str:
        """Problems and origins name files relative to the uploads folder, not the disk."""
        prefix = str(self.uploads) + "/"
        return text.replace(prefix, "")


def _unique(aid: str, taken: set[str]) -> str:
    if aid not in taken:
        return aid
    n = 2
    while f"{aid}#{n}" in taken:
        n += 1
    return f"{aid}#{n}"


def _in_range(day: dt.date | None, start: dt.date | None, end: dt.date | None) -> bool:
    if day is None:
        return start is None and end is None
    return (start is None or day >= start) and (end is None or day <= end)


def _matches(text: str, words: tuple[str, ...]) -> bool:
    low = text.lower()
    return any(w in low for w in words)


def _sum_reports(a: CleanReport, b: CleanReport) -> CleanReport:
    return CleanReport(
        *(getattr(a, f.name) + getattr(b, f.name) for f in dataclasses.fields(CleanReport))
    )

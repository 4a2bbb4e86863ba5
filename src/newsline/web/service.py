"""Building timelines for the app: options, a cache, coarser periods, headlines.

Timelines are built with :func:`newsline.build_timeline` from the store's
prepared corpus and rendered with :func:`newsline.render.jsonfmt.to_dict`
(the ``newsline.timeline`` JSON); built documents are cached until the
store's articles change.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
import tempfile
import threading
from collections import OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import __version__, build_timeline
from ..core import exclude_sentences, parse_query
from ..dating.annotate import annotate
from ..dating.granularity import CHOICES, regroup
from ..gcpause import collector_paused
from ..model import Corpus, TimelineEntry
from ..render.jsonfmt import to_dict
from .backend import StoreBackend

HEADLINE_CHARS = 90
#: Built timelines kept in ``STORE/cache/``.
KEEP_ON_DISK = 200
#: Prepared corpora kept in memory (the last selections read from the store).
KEEP_CORPORA = 2


@dataclass(frozen=True)
class Spec:
    """What a timeline is built from: the query and the options of ``newsline build``."""

    query: str = ""
    dates: int | None = None
    sentences: int | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    granularity: str = "auto"
    source: str = ""
    title: str = ""

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Spec:
        def day(v: object) -> dt.date | None:
            return dt.date.fromisoformat(str(v)) if v else None

        def count(v: object) -> int | None:
            return int(v) if v not in (None, "", 0) else None  # type: ignore[call-overload]

        g = str(data.get("granularity") or "auto")
        if g not in CHOICES:
            raise ValueError(f"granularity must be one of {', '.join(CHOICES)}, not {g!r}")
        spec = cls(
            query=str(data.get("query") or ""),
            dates=count(data.get("dates")),
            sentences=count(data.get("sentences")),
            start=day(data.get("start")),
            end=day(data.get("end")),
            granularity=g,
            source=str(data.get("source") or ""),
            title=str(data.get("title") or ""),
        )
        for n in (spec.dates, spec.sentences):
            if n is not None and not 1 <= n <= 500:
                raise ValueError("dates and sentences must be between 1 and 500")
        if spec.start and spec.end and spec.start > spec.end:
            raise ValueError("start is after end")
        return spec

    def to_json(self) -> dict[str, Any]:
        out = dataclasses.asdict(self)
        out["start"] = self.start.isoformat() if self.start else None
        out["end"] = self.end.isoformat() if self.end else None
        return out


class StaleBuild(Exception):
    """The store changed before a background build started."""


class Builder:
    """Builds ``newsline.timeline`` documents from a backend, with a small cache.

    A build runs once per store version and spec: a second request for it
    waits for the first one. :meth:`warm` starts a build in the background
    (after an upload, at start) so the page's first timeline is ready when
    it asks.
    """

    def __init__(self, backend: StoreBackend, size: int = 32, folder: Path | None = None) -> None:
        self.backend = backend
        self.size = size
        self.folder = folder  # built documents kept on disk across restarts
        #: the last prepared corpora read from the store, by (version, selection)
        self._corpora: OrderedDict[tuple, Corpus] = OrderedDict()
        self._cache: OrderedDict[tuple, Future[dict[str, Any]]] = OrderedDict()
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsline-build")

    def _future(self, spec: Spec, background: bool) -> Future[dict[str, Any]]:
        key = (self.backend.version, spec)
        with self._lock:
            fut = self._cache.get(key)
            if fut is not None:
                self._cache.move_to_end(key)
                return fut
            if background:
                fut = self._pool.submit(self._build_unless_stale, key[0], spec)
            else:
                fut = Future()
                fut.set_running_or_notify_cancel()
            self._cache[key] = fut
            while len(self._cache) > self.size:
                self._cache.popitem(last=False)
        if not background:
            try:
                fut.set_result(self._build(spec))
            except BaseException as exc:
                fut.set_exception(exc)
        fut.add_done_callback(lambda f: self._forget_failed(key, f))
        return fut

    def _build_unless_stale(self, version: object, spec: Spec) -> dict[str, Any]:
        """A background build that newer articles made pointless is skipped."""
        if self.backend.version != version:
            raise StaleBuild(spec)
        return self._build(spec)

    def _forget_failed(self, key: tuple, fut: Future[dict[str, Any]]) -> None:
        if fut.exception() is not None:
            with self._lock:
                if self._cache.get(key) is fut:
                    del self._cache[key]

    def build(self, spec: Spec) -> dict[str, Any]:
        """The timeline document for ``spec`` (built now, or by a build already running)."""
        try:
            return self._future(spec, background=False).result()
        except StaleBuild:  # waited on a background build the store outran: build now
            return self._future(spec, background=False).result()

    def warm(self, *specs: Spec) -> None:
        """Build these in the background unless they are built or being built."""
        for spec in specs:
            self._future(spec, background=True)

    def _build(self, spec: Spec) -> dict[str, Any]:
        """From the disk cache when the same store version was built with the same spec before."""
        version = self.backend.version
        if self.folder is None:
            return self._run(spec, version)
        key = json.dumps([__version__, version, self.backend.max_articles, spec.to_json()],
                         sort_keys=True)  # new code: new builds
        path = self.folder / (hashlib.sha256(key.encode()).hexdigest()[:40] + ".json")
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pass
        doc = self._run(spec, version)
        _write_atomic(path, json.dumps(doc, ensure_ascii=False))
        _prune(self.folder, KEEP_ON_DISK)
        return doc

    def corpus(self, spec: Spec, version: str) -> Corpus:
        """The prepared corpus of the spec's selection, shared by the specs that differ
        only in their options (dates, sentences, granularity, title)."""
        key = (version, spec.query, spec.start, spec.end, spec.source)
        with self._lock:
            corpus = self._corpora.get(key)
            if corpus is not None:
                self._corpora.move_to_end(key)
                return corpus
        corpus = self.backend.corpus(spec.query or None, spec.start, spec.end, spec.source or None)
        with self._lock:
            self._corpora[key] = corpus
            while len(self._corpora) > KEEP_CORPORA:
                self._corpora.popitem(last=False)
        return corpus

    def _run(self, spec: Spec, version: str) -> dict[str, Any]:
        with collector_paused():  # as the store and the method do (newsline.gcpause)
            return self._run_paused(spec, version)

    def _run_paused(self, spec: Spec, version: str) -> dict[str, Any]:
        corpus = self.corpus(spec, version)
        corpus = exclude_sentences(corpus, spec.query or None)
        timeline = build_timeline(
            corpus,
            query=spec.query or None,
            n_dates=spec.dates,
            n_sentences=spec.sentences,
            start=spec.start,
            end=spec.end,
        )
        # as `newsline build --granularity` does: periods, then the estimated dates marked
        timeline = regroup(timeline, spec.granularity, corpus, parse_query(spec.query or None), spec.dates)
        timeline = annotate(dataclasses.replace(timeline, entries=tuple(sorted(timeline.entries, key=_when))), corpus)
        docs = corpus.documents
        pubs = sorted(d.article.published for d in docs if d.article.published)
        undated = sum(1 for d in docs if d.article.published is None)
        meta = dict(timeline.meta)
        meta.update(
            title=spec.title or spec.query or "Timeline",
            generated=dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
            articles=len(docs),
            date_range=[pubs[0].isoformat(), pubs[-1].isoformat()] if pubs else None,
            notes=self._notes(spec, corpus, undated),
        )
        sources = len({d.article.source for d in docs if d.article.source})
        if sources:
            meta["sources"] = sources
        meta.pop("clean", None)
        return to_dict(dataclasses.replace(timeline, meta=meta))

    def _notes(self, spec: Spec, corpus: Corpus, undated: int) -> list[str]:
        """What a reader should know about the selection: the cap, undated articles."""
        notes = []
        cap = self.backend.max_articles
        if cap is not None and corpus.report.articles_in >= cap:
            selected = self.backend.selected(spec.query or None, spec.start, spec.end,
                                             spec.source or None)
            if selected is not None and selected > cap:
                notes.append(f"The query selects {selected:,} articles: the {cap:,} most "
                             "relevant were used (rarer query words weigh more).")
        if undated:
            notes.append(f"{undated} of {len(corpus.documents)} articles have no publication date.")
        return notes


def _write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _prune(folder: Path, keep: int) -> None:
    """Drop the least recently written documents beyond ``keep``."""
    files = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime)
    for old in files[:-keep]:
        old.unlink(missing_ok=True)


def _when(entry: TimelineEntry) -> tuple[dt.date, int]:
    return (entry.time.date, -entry.time.granularity.rank)


def headline(entry: dict[str, Any]) -> str:
    """A short headline for an entry: the title of a source published on its date,
    else the start of its first sentence."""
    sentences = entry.get("sentences") or []
    for s in sentences:
        src = s.get("source") or {}
        if src.get("title") and src.get("published") == entry.get("date") and entry.get("granularity") == "day":
            return " ".join(str(src["title"]).split())
    if not sentences:
        return ""
    return shorten(str(sentences[0].get("text", "")))


def shorten(text: str, limit: int = HEADLINE_CHARS) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "\u2026"


def with_headlines(doc: dict[str, Any]) -> dict[str, Any]:
    """``meta.headlines``: one headline per entry, in entry order."""
    doc.setdefault("meta", {})["headlines"] = [headline(e) for e in doc.get("entries", [])]
    return doc

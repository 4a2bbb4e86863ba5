"""The store the web app reads and writes, behind one small interface.

:class:`Backend` is the part of ``newsline.store.Store`` the app uses. When
``newsline.store`` is importable, :func:`open_backend` wraps its ``Store``;
until then :class:`~newsline.web.memory.MemoryBackend` keeps the articles in
memory and their uploaded files under ``STORE/uploads/``. This module is the
one place that chooses.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from ..model import Article, Corpus


@dataclass(frozen=True)
class AddReport:
    """What one call of :meth:`Backend.add` did: counts and one line per problem."""

    added: int = 0
    skipped: int = 0
    problems: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    ids: tuple[str, ...] = field(default=(), repr=False)


@runtime_checkable
class Backend(Protocol):
    """Articles in, articles and prepared corpora out (``newsline.store.Store``'s API)."""

    path: Path

    def add(self, inputs: Sequence[Path]) -> AddReport: ...

    def add_articles(self, articles: Iterable[Article]) -> AddReport: ...

    def articles(
        self,
        query: str | None = None,
        start: dt.date | None = None,
        end: dt.date | None = None,
        source: str | None = None,
        limit: int = 100,
    ) -> list[Article]: ...

    def article(self, id: str) -> Article | None: ...

    def corpus(
        self,
        query: str | None = None,
        start: dt.date | None = None,
        end: dt.date | None = None,
    ) -> Corpus: ...

    def info(self) -> dict[str, Any]: ...


class StoreBackend:
    """``newsline.store.Store`` seen through :class:`Backend` (reports made uniform)."""

    def __init__(self, store: Any, path: Path) -> None:
        self.store = store
        self.path = path
        self._adds = 0

    def add(self, inputs: Sequence[Path]) -> AddReport:
        self._adds += 1
        return _report(self.store.add(list(inputs)))

    def add_articles(self, articles: Iterable[Article]) -> AddReport:
        self._adds += 1
        return _report(self.store.add_articles(list(articles)))

    def articles(self, query=None, start=None, end=None, source=None, limit=100):  # type: ignore[no-untyped-def]
        return list(
            self.store.articles(query=query, start=start, end=end, source=source, limit=limit)
        )

    def article(self, id: str) -> Article | None:
        try:
            return self.store.article(id)
        except KeyError:
            return None

    def corpus(self, query=None, start=None, end=None) -> Corpus:  # type: ignore[no-untyped-def]
        return self.store.corpus(query=query, start=start, end=end)

    def info(self) -> dict[str, Any]:
        info = self.store.info()
        if isinstance(info, dict):
            return dict(info)
        return info.as_dict() if hasattr(info, "as_dict") else dict(vars(info))

    @property
    def version(self) -> object:
        """Changes whenever the articles change (cache key for built timelines)."""
        info = self.info()
        return (info.get("version"), info.get("articles"), self._adds)


def _report(raw: Any) -> AddReport:
    if isinstance(raw, AddReport):
        return raw
    problems = tuple(str(p) for p in getattr(raw, "problems", ()) or ())
    return AddReport(
        added=int(getattr(raw, "added", 0) or 0),
        skipped=int(getattr(raw, "skipped", 0) or 0),
        problems=problems,
    )


def open_backend(path: Path, *, use_store: bool = False) -> Backend:
    """The store at ``path`` (a folder, created when missing).

    The app's own folder backend is the default: the adapter over
    ``newsline.store.Store`` (``use_store=True``) does not yet pass the web tests
    (upload counts and the built-timeline cache differ), so it stays opt-in.
    """
    path.mkdir(parents=True, exist_ok=True)
    if use_store:
        try:
            store_module = importlib.import_module("newsline.store")
        except ImportError:
            store_module = None
        if store_module is not None and hasattr(store_module, "Store"):
            return StoreBackend(store_module.Store(path), path)
    from .memory import MemoryBackend

    return MemoryBackend(path)

"""Where the per-article work of ``index add`` runs: this machine, or a Dask cluster.

An engine takes ``submit(fn, *args)`` calls and returns futures with
``.result()``; the writer keeps a bounded number in flight and commits their
results in submission order, so every engine gives the same store.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Protocol

from ..errors import ConfigError


class Pending(Protocol):
    def result(self) -> Any: ...


class Engine(Protocol):
    #: how many tasks to keep in flight
    slots: int

    def submit(self, fn: Callable[..., Any], *args: Any) -> Pending: ...

    def close(self) -> None: ...


class _Now:
    def __init__(self, value: Any) -> None:
        self.value = value

    def result(self) -> Any:
        return self.value


def _exit_with_parent(parent: int) -> None:
    """Worker initializer: leave when the writer is gone (a SIGKILLed writer cannot say so)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="newsline-parent-watch").start()


class LocalEngine:
    """A process pool of ``workers`` (default: all cores); one worker runs in this process."""

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers or os.cpu_count() or 1
        self.slots = 2 * self.workers
        self._pool: ProcessPoolExecutor | None = None
        if self.workers > 1:
            ctx = multiprocessing.get_context("spawn")
            self._pool = ProcessPoolExecutor(
                self.workers, mp_context=ctx, initializer=_exit_with_parent, initargs=(os.getpid(),)
            )

    def submit(self, fn: Callable[..., Any], *args: Any) -> Pending:
        if self._pool is None:
            return _Now(fn(*args))
        future: Future[Any] = self._pool.submit(fn, *args)
        return future

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


class DaskEngine:
    """Tasks on a ``dask.distributed`` cluster (``scheduler``: an address such as
    ``tcp://host:8786``, or a ``distributed.Client``). Workers must see the store
    folder at the same path (a shared file system)."""

    def __init__(self, scheduler: Any = None, workers: int | None = None) -> None:
        try:
            from distributed import Client
        except ImportError:
            raise ConfigError(
                "the Dask engine needs dask.distributed: pip install 'newsline[dask]'"
            ) from None
        self._own = not hasattr(scheduler, "submit")
        if scheduler is None:
            from distributed import LocalCluster

            cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1)
            self._cluster: Any = cluster
            self.client = Client(cluster)
        elif self._own:
            self._cluster = None
            try:
                self.client = Client(scheduler, timeout=30)
            except OSError as exc:
                raise ConfigError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from None
        else:
            self._cluster = None
            self.client = scheduler
        threads = sum(self.client.nthreads().values()) or 1
        self.slots = 2 * threads

    def submit(self, fn: Callable[..., Any], *args: Any) -> Pending:
        return self.client.submit(fn, *args, pure=False)

    def close(self) -> None:
        if self._own:
            self.client.close()
            if self._cluster is not None:
                self._cluster.close()


ENGINES: dict[str, Callable[..., Engine]] = {"local": LocalEngine, "dask": DaskEngine}


def make_engine(name: str, scheduler: Any = None, workers: int | None = None) -> Engine:
    """The engine called ``name`` (``local`` or ``dask``)."""
    if name not in ENGINES:
        raise ConfigError(f"unknown engine {name!r} (known: {', '.join(sorted(ENGINES))})")
    if name == "local" and scheduler is not None:
        raise ConfigError("a scheduler address needs the dask engine (--engine dask)")
    if name == "local":
        return LocalEngine(workers)
    return ENGINES[name](scheduler, workers)

"""The dating stage's work on a second core: a call run in a forked child.

The neighbour search (:func:`~newsline.dating.stage.start_search`) needs only
the texts, so it runs in a child while the parent tags them and reads the
clues. A forked child shares the parent's corpus without copying or pickling
it; only its result comes back (pickled, through a pipe). It forks only where
that is safe and pays (:func:`processes`): Linux, no other thread running (a
fork copies just the calling thread, so a lock another thread holds stays held
in the child: the web app builds in a thread, DuckDB runs its own; the idle
BLAS threads numpy starts on import count as the baseline, and a terminal's
progress-bar thread, marked :data:`TOLERATED`, is allowed), not already a
pool's worker, a core idle, and enough undated articles. Whatever goes wrong in the child
(an error, a signal, no result, or a stall: neither computing nor sending for
:data:`STALL_SECONDS`, as a lock some vanished thread held would leave it)
makes the parent run the same call itself, so the output is the serial output
in every case; a child whose result is not wanted is killed and reaped. ``NEWSLINE_WORKERS=1`` (or
``DatingOptions(workers=1)``) keeps everything in this process.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import select
import signal
import sys
import threading
import time
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import numpy  # noqa: F401 - its BLAS threads start on import: part of the baseline below

T = TypeVar("T")

WORKERS_ENV = "NEWSLINE_WORKERS"
#: fewer undated articles: the fork costs about what it saves (prepare() of 50-400 bpoil
#: articles, all undated, 7 runs: forked 5% faster at 50, 7% at 100, 9% at 200)
MIN_UNDATED = 100


def _os_threads() -> int:
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return 0


#: threads alive once numpy is imported: its BLAS pool, idle between calls
_BASE_THREADS = _os_threads()


#: the attribute that marks a thread a fork may leave behind: one that only
#: draws a progress bar (it holds no lock the child's work takes, and the child
#: never writes to the terminal)
TOLERATED = "newsline_fork_tolerated"


def _tolerated() -> int:
    return sum(1 for t in threading.enumerate() if getattr(t, TOLERATED, False))


def fork_safe() -> bool:
    """Whether a fork here gives a child that can run Python code safely."""
    spare = _tolerated()
    return (
        sys.platform.startswith("linux")
        and "fork" in multiprocessing.get_all_start_methods()
        and threading.active_count() == 1 + spare
        and 0 < _os_threads() <= max(_BASE_THREADS, 1) + spare
        and multiprocessing.parent_process() is None  # a pool's worker: the cores are in use
    )


def running(stat: str) -> int:
    """The processes running now, this one included, from the text of ``/proc/stat``
    (0 if it does not say)."""
    for line in stat.splitlines():
        if line.startswith("procs_running "):
            return int(line.split()[1])
    return 0


def idle_cores() -> int:
    """Cores no process is running on just now (0 where unknown): a child on a
    busy machine only takes turns with its parent, at the cost of the fork."""
    try:
        with open("/proc/stat", encoding="ascii") as f:
            now = running(f.read())
    except OSError:
        return 0
    return max(0, (os.cpu_count() or 1) - now) if now else 0


def processes(workers: int | None, undated: int) -> int:
    """How many processes the stage uses for ``undated`` articles: ``workers``
    (``None``: :data:`WORKERS_ENV`, else the machine's cores), at most one more
    than the cores idle now; 1 where forking is unsafe or the collection small."""
    if workers is None:
        env = os.environ.get(WORKERS_ENV, "").strip()
        workers = int(env) if env.isdigit() else (os.cpu_count() or 1)
    if workers <= 1 or undated < MIN_UNDATED or not fork_safe():
        return 1
    return min(workers, 1 + idle_cores())


#: a child that has used no CPU and sent nothing for this long, while not waiting
#: to run or on the disk, is stuck (a wait for a lock no thread of it will
#: release): the parent kills it and computes the result itself
STALL_SECONDS = 15.0


def cpu_state(stat: str) -> tuple[str, int]:
    """A process's state letter and CPU ticks (user + system) from the text of
    its ``/proc/PID/stat``."""
    fields = stat.rsplit(")", 1)[1].split()  # after "(comm)", which may hold spaces
    return fields[0], int(fields[11]) + int(fields[12])


def _cpu_state(pid: int) -> tuple[str, int] | None:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as f:
            return cpu_state(f.read())
    except (OSError, IndexError, ValueError):
        return None


def _receive(pid: int, fd: int) -> bytes | None:
    """All the child ``pid`` writes to ``fd`` until it closes it; ``None`` if it
    stalls first (:data:`STALL_SECONDS`)."""
    chunks: list[bytes] = []
    last = _cpu_state(pid)
    since = time.monotonic()
    while True:
        ready, _, _ = select.select([fd], [], [], min(1.0, STALL_SECONDS))
        if ready:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
            since = time.monotonic()
            continue
        now = _cpu_state(pid)
        if now is None or now[0] in "ZX":  # gone without closing: EOF comes next
            continue
        if last is None or now[1] != last[1] or now[0] in "RD":  # computing, or waiting to
            last, since = now, time.monotonic()
        elif time.monotonic() - since >= STALL_SECONDS:
            return None


def _kill(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)


def _die_with(parent: int) -> None:
    """In a child: be killed when ``parent`` ends, not left computing for no one."""
    with contextlib.suppress(Exception):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # it ended before that
        os._exit(1)


class Forked(Generic[T]):
    """``fn(*args)`` started in a forked child; :meth:`result` waits for its value
    (with ``fork=False``, or if the child fails, it is computed here)."""

    def __init__(self, fn: Callable[..., T], *args: Any, fork: bool = True) -> None:
        self._fn = fn
        self.args = args
        self._pid = 0
        self._fd = -1
        if fork:
            self._start()

    def _start(self) -> None:
        parent = os.getpid()
        r, w = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(r)
            os.close(w)
            return
        if pid == 0:  # the child: compute, send, leave without running the parent's exit code
            code = 1
            try:
                os.close(r)
                _die_with(parent)
                with os.fdopen(w, "wb") as out:
                    pickle.dump(self._fn(*self.args), out, protocol=pickle.HIGHEST_PROTOCOL)
                code = 0
            except BaseException:  # noqa: BLE001, S110 - the parent computes it instead
                pass
            finally:
                os._exit(code)
        os.close(w)
        self._pid, self._fd = pid, r

    def result(self) -> T:
        if self._pid:
            pid, self._pid = self._pid, 0
            try:
                data = _receive(pid, self._fd)
            except BaseException:  # interrupted: the child's result is not wanted
                _kill(pid)
                raise
            finally:
                os.close(self._fd)
            if data is None:  # stuck: its result will not come
                _kill(pid)
                return self._fn(*self.args)
            _, status = os.waitpid(pid, 0)
            if status == 0 and data:
                try:
                    value: T = pickle.loads(data)
                    return value
                except Exception:  # noqa: BLE001 - computed here instead
                    pass
        return self._fn(*self.args)

    def cancel(self) -> None:
        """Stop the child, if its result was not taken (the parent failed meanwhile)."""
        if self._pid:
            pid, self._pid = self._pid, 0
            os.close(self._fd)
            _kill(pid)

    def __enter__(self) -> Forked[T]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.cancel()

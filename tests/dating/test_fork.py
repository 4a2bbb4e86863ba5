"""The dating stage's forked neighbour search: the serial output, and the serial
path wherever forking is unsafe, switched off or not worth it."""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import subprocess
import sys
import threading
import time
from functools import partial
from pathlib import Path

import pytest

from newsline.core import prepare, prepare_document
from newsline.dating import DatingOptions, apply_estimates, estimate_documents, fork, start_search
from newsline.dating.collection import similar
from newsline.model import Article

linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="forks on Linux only")

PLACES = ["Harbourton", "Kelvale", "Dunmore", "Ashcombe", "Brennick", "Tollworth"]
THINGS = ["ferry pier", "grain silo", "rail bridge", "water works", "tram depot", "lighthouse"]
DEEDS = ["closed", "rebuilt", "sold", "flooded", "reopened", "inspected"]
WHEN = ["on Tuesday", "last week", "on March 3", "yesterday", "two days ago", "on Friday", "in May"]


def corpus(n: int = 48, seed: int = 7) -> list[Article]:
    """``n`` short articles on a few local events; every other one undated."""
    rnd = random.Random(seed)
    out = []
    for k in range(n):
        e = k % 6
        day = dt.date(2016, 3, 1) + dt.timedelta(days=9 * e + rnd.randrange(3))
        words = [
            f"The {THINGS[e]} of {PLACES[e]} was {DEEDS[e]} {rnd.choice(WHEN)}.",
            f"Officials in {PLACES[e]} said the {THINGS[e]} would be {rnd.choice(DEEDS)} {rnd.choice(WHEN)}.",
            f"Residents of {PLACES[(e + 1) % 6]} watched as the {rnd.choice(THINGS)} was {rnd.choice(DEEDS)}.",
        ]
        rnd.shuffle(words)
        out.append(Article(f"a{k}", " ".join(words), published=day if k % 2 else None))
    return out


class Forks:
    """Counts the forks made in this process (the real ``os.fork`` underneath)."""

    def __init__(self) -> None:
        self.n = 0
        self._fork = os.fork

    def __call__(self) -> int:
        pid = self._fork()
        if pid:
            self.n += 1
        return pid


@pytest.fixture
def forks(monkeypatch: pytest.MonkeyPatch) -> Forks:
    counter = Forks()
    monkeypatch.setattr(fork.os, "fork", counter)
    monkeypatch.setattr(fork, "MIN_UNDATED", 1)
    monkeypatch.setattr(fork, "idle_cores", lambda: 1)  # whatever else runs on the machine
    monkeypatch.delenv(fork.WORKERS_ENV, raising=False)
    return counter


@pytest.fixture
def safe(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forking allowed though an earlier test may have left a thread idle (tqdm's
    monitor): the child here touches nothing of theirs."""
    monkeypatch.setattr(fork, "fork_safe", lambda: True)


@linux
def test_a_forked_search_gives_the_serial_estimates_and_documents(forks: Forks, safe: None) -> None:
    docs = [prepare_document(a) for a in corpus()]
    serial = DatingOptions(workers=1)
    est = estimate_documents(docs, serial)
    assert forks.n == 0
    assert sum(e is not None for e in est.values()) > len(est) // 2  # the test dates something
    forked = DatingOptions(workers=2)
    assert estimate_documents(docs, forked) == est
    assert forks.n == 1
    # and started early, as prepare() does, for the same articles
    search = start_search([d.article for d in docs], forked)
    assert search is not None and forks.n == 2
    assert estimate_documents(docs, forked, search=search) == est
    assert apply_estimates(docs, est, forked) == apply_estimates(docs, est, serial)


@linux
def test_prepare_forks_and_builds_the_serial_corpus(forks: Forks, safe: None) -> None:
    articles = corpus(60, seed=3)
    serial = prepare(articles, dating=DatingOptions(workers=1))
    assert forks.n == 0
    assert prepare(articles, dating=DatingOptions(workers=2)).documents == serial.documents
    assert forks.n == 1


@linux
def test_a_search_for_other_articles_is_not_used(forks: Forks, safe: None) -> None:
    docs = [prepare_document(a) for a in corpus()]
    est = estimate_documents(docs, DatingOptions(workers=1))
    other = start_search(corpus(40, seed=1), DatingOptions(workers=2))
    assert other is not None
    assert estimate_documents(docs, DatingOptions(workers=2), search=other) == est


#: the test process: a child forked from it is told apart by its pid
_TEST_PROCESS = os.getpid()


def _similar_failing_in_child(how: str, texts: list[str], targets: list[int], k: int) -> dict:
    """:func:`similar` here; in a forked child, it first fails as ``how`` says
    (``stop``: stopped, the watchdog's stall; ``kill``: killed by a signal)."""
    if os.getpid() != _TEST_PROCESS:
        os.kill(os.getpid(), signal.SIGSTOP if how == "stop" else signal.SIGKILL)
    return similar(texts, targets, k)


@linux
@pytest.mark.parametrize("how", ["stop", "kill"])
def test_estimates_are_the_same_forked_in_process_and_after_the_watchdog(
    forks: Forks, safe: None, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    # the output may not depend on which path the search took, whatever the machine's
    # load decides: in this process, in a child, or here again after a child stalled
    # (a stopped child computes nothing and sends nothing) or died
    monkeypatch.setattr(fork, "STALL_SECONDS", 0.5)
    docs = [prepare_document(a) for a in corpus(60, seed=5)]
    serial = estimate_documents(docs, DatingOptions(workers=1))
    assert forks.n == 0 and sum(e is not None for e in serial.values()) > len(serial) // 2
    options = DatingOptions(workers=2)
    assert estimate_documents(docs, options) == serial
    assert forks.n == 1
    texts = [d.article.text for d in docs]
    undated = [i for i, d in enumerate(docs) if d.article.published is None]
    k = max(options.search, options.neighbours)
    search = fork.Forked(partial(_similar_failing_in_child, how), texts, undated, k)
    child = search._pid
    assert child and forks.n == 2
    assert estimate_documents(docs, options, search=search) == serial
    assert _gone(child)
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # reaped


def test_serial_when_switched_off_small_or_unsafe(forks: Forks, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = [prepare_document(a) for a in corpus()]
    assert fork.processes(1, 10**6) == 1
    monkeypatch.setenv(fork.WORKERS_ENV, "1")
    assert fork.processes(None, 10**6) == 1
    assert start_search([d.article for d in docs], DatingOptions()) is None
    estimate_documents(docs, DatingOptions())
    assert forks.n == 0
    monkeypatch.delenv(fork.WORKERS_ENV)
    monkeypatch.setattr(fork, "MIN_UNDATED", 10**6)
    assert fork.processes(2, 10**6 - 1) == 1
    monkeypatch.setattr(fork, "MIN_UNDATED", 1)
    # no core idle: a child would only take turns with its parent
    monkeypatch.setattr(fork, "idle_cores", lambda: 0)
    assert fork.processes(2, 10**6) == 1
    monkeypatch.setattr(fork, "idle_cores", lambda: 1)
    with monkeypatch.context() as m:
        m.setattr(fork, "fork_safe", lambda: True)
        assert fork.processes(4, 10**6) == 2
    # another thread alive (the web app builds in one): serial
    stop = threading.Event()
    t = threading.Thread(target=stop.wait)
    t.start()
    try:
        assert not fork.fork_safe()
        assert fork.processes(2, 10**6) == 1
        estimate_documents(docs, DatingOptions(workers=2))
    finally:
        stop.set()
        t.join()
    assert forks.n == 0
    monkeypatch.setattr(fork.sys, "platform", "darwin")
    assert not fork.fork_safe()
    monkeypatch.setattr(fork, "_os_threads", lambda: fork._BASE_THREADS + 1)  # e.g. DuckDB's
    monkeypatch.setattr(fork.sys, "platform", "linux")
    assert not fork.fork_safe()


def test_running_processes_are_read_from_proc_stat() -> None:
    assert fork.running("cpu  1 2 3\nctxt 99\nprocs_running 3\nprocs_blocked 0\n") == 3
    assert fork.running("cpu  1 2 3\n") == 0
    if sys.platform.startswith("linux"):
        assert 0 <= fork.idle_cores() < (os.cpu_count() or 1)  # this process runs


def _in_child(parent: int, how: str) -> int:
    """What the child does instead of answering; the parent's answer is its pid."""
    if os.getpid() == parent:
        return parent
    if how == "raise":
        raise RuntimeError("fails in the child only")
    if how == "kill":
        os.kill(os.getpid(), signal.SIGKILL)
    if how == "silent":
        os._exit(0)
    return -1


@linux
@pytest.mark.parametrize("how", ["raise", "kill", "silent"])
def test_a_failing_child_leaves_the_call_to_the_parent(how: str) -> None:
    me = os.getpid()
    job = fork.Forked(_in_child, me, how)
    assert job.result() == me
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # reaped


@linux
def test_the_child_answers_and_an_error_everywhere_surfaces() -> None:
    assert fork.Forked(os.getpid).result() != os.getpid()
    with pytest.raises(ZeroDivisionError):
        fork.Forked(divmod, 1, 0).result()
    assert fork.Forked(os.getpid, fork=False).result() == os.getpid()


@linux
def test_a_cancelled_child_is_killed_and_reaped() -> None:
    with fork.Forked(time.sleep, 600):
        pass  # the parent leaves without its result: no wait for the sleep
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)



def _gone(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            return f.read().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except OSError:
        return True


@linux
def test_a_child_does_not_outlive_its_parent(tmp_path: Path) -> None:
    pid_file = tmp_path / "child"
    script = (
        "import os, sys, time\n"
        "from newsline.dating.fork import Forked\n"
        "job = Forked(time.sleep, 600)\n"
        f"open({str(pid_file)!r}, 'w').write(str(job._pid))\n"
        "time.sleep(0.5)\n"  # the child has set itself to die with this process
        "os._exit(0)\n"
    )
    subprocess.run([sys.executable, "-c", script], stdout=subprocess.DEVNULL, check=True, timeout=60)
    child = int(pid_file.read_text())
    for _ in range(100):
        if _gone(child):
            break
        time.sleep(0.1)
    gone = _gone(child)
    if not gone:
        os.kill(child, signal.SIGKILL)
    assert gone


@linux
def test_the_stage_bar_of_a_terminal_run_leaves_forking_allowed() -> None:
    # a fresh interpreter, so that no thread an earlier test left counts; the bar's
    # thread only draws (the child never writes to the terminal), another thread does not
    script = (
        "import threading\n"
        "from newsline.cli.stages import StageBar\n"
        "from newsline.dating import fork\n"
        "bar = StageBar(['dating'], quiet=True)\n"
        "bar.enabled = True\n"
        "alone = fork.fork_safe()\n"
        "with bar:\n"
        "    beside_bar = (fork._tolerated(), fork.fork_safe())\n"
        "    stop = threading.Event()\n"
        "    t = threading.Thread(target=stop.wait)\n"
        "    t.start()\n"
        "    beside_other = fork.fork_safe()\n"
        "    stop.set()\n"
        "    t.join()\n"
        "print(alone, beside_bar, beside_other)\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.split("\n")[0] == "True (1, True) False"


def test_a_process_state_and_cpu_ticks_are_read_from_its_stat() -> None:
    stat = "4242 (python3 -c x) S 1 4242 4242 0 -1 4194560 900 0 0 0 731 42 0 0 20 0 1 0 5 0\n"
    assert fork.cpu_state(stat) == ("S", 773)
    if sys.platform.startswith("linux"):
        state = fork._cpu_state(os.getpid())
        assert state is not None and state[0] == "R"


def _locked(lock: threading.Lock) -> int:
    with lock:
        return os.getpid()


@linux
def test_a_stuck_child_is_killed_and_the_parent_computes(monkeypatch: pytest.MonkeyPatch) -> None:
    # the child inherits a held lock no thread of it will release: it waits forever
    monkeypatch.setattr(fork, "STALL_SECONDS", 0.5)
    lock = threading.Lock()
    lock.acquire()
    job = fork.Forked(_locked, lock)
    child = job._pid
    lock.release()

    def hung(*_: object) -> None:
        raise TimeoutError("the parent still waits for a stuck child")

    old = signal.signal(signal.SIGALRM, hung)
    signal.alarm(30)  # fail, not hang, if the stall goes unseen
    try:
        assert job.result() == os.getpid()
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    assert _gone(child)
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # reaped


def _busy(seconds: float) -> int:
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass
    return os.getpid()


@linux
def test_a_child_computing_longer_than_the_stall_limit_is_waited_for(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fork, "STALL_SECONDS", 0.3)
    assert fork.Forked(_busy, 1.5).result() != os.getpid()

"""Run the protocol over a whole dataset, topic after topic or in worker processes."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor

from ..ingest.source import DEFAULT_LIMITS, Limits
from .protocol import EvalOptions, TaskResult, Topic, load_dataset, run_topic

Progress = Callable[[str], None]


def evaluate_dataset(
    dataset: str | os.PathLike[str],
    options: EvalOptions | None = None,
    *,
    jobs: int = 1,
    progress: Progress | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> list[TaskResult]:
    """Build and score a timeline for every task of a dataset (tasks in topic order).

    With ``jobs > 1`` topics run in that many worker processes; each task's
    ``peak_rss_mb`` is then its worker's peak.
    """
    options = options or EvalOptions()
    topics = load_dataset(dataset, options.topics, options.window_days)
    return evaluate_topics(topics, options, jobs=jobs, progress=progress, limits=limits)


def evaluate_topics(
    topics: Sequence[Topic],
    options: EvalOptions,
    *,
    jobs: int = 1,
    progress: Progress | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> list[TaskResult]:
    results: list[TaskResult] = []
    if jobs <= 1 or len(topics) <= 1:
        for topic in topics:
            if progress:
                progress(f"{topic.name}: {len(topic.tasks)} task(s)")
            results.extend(run_topic(topic, options, limits=limits))
        return results
    # Workers ignore SIGINT: Ctrl-C reaches the parent alone, which stops them
    # without waiting (no traceback from each worker, no wait for a long topic).
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_sigint)
    try:
        futures = [pool.submit(run_topic, topic, options, limits=limits) for topic in topics]
        for topic, future in zip(topics, futures, strict=True):
            results.extend(future.result())
            if progress:
                progress(f"{topic.name}: done")
    except BaseException:
        for process in list(getattr(pool, "_processes", {}).values()):
            process.terminate()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
    return results


def _ignore_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)

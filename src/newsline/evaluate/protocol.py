"""The benchmark protocol of the field (news-tls, G20) over a dataset folder.

A dataset is a folder of topics, each ``<topic>/articles.jsonl.gz``,
``<topic>/timelines.jsonl`` (one gold timeline a line) and
``<topic>/keywords.json``. One task per gold timeline:

- input: the topic's articles published from the gold timeline's first date
  minus ``window_days`` to its last date plus ``window_days`` (7 for the
  Entities dataset, 0 otherwise, as in news-tls); the timeline's dates are
  bounded by the same span;
- length: as many dates as the gold timeline, and ``round(mean sentences per
  gold date)`` sentences per date (Python's ``round``, at least 1);
- keywords: the topic's ``keywords.json`` restrict the selectable sentences
  unless ``use_keywords`` is off; a sentence qualifies when it contains one of
  them as a substring (case-insensitive; ``flu`` in *influenza*), as the
  figures of the field were measured: the timeline gets them as ``*k*``
  query terms (:mod:`newsline.query`, where a bare word matches a whole word).

A task's ``seconds`` is its share of the topic's preparation (reading,
cleaning, sentence splitting and date tagging of all the topic's articles,
divided evenly among the topic's tasks) plus the time to restrict the corpus
to the task's span and build the timeline; scoring is not included.
``peak_rss_mb`` is the peak resident memory of the process that ran the task
(``resource.getrusage``), measured right after it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import resource
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..dating import DEFAULT as DEFAULT_DATING
from ..dating import DatingOptions, apply_estimates, estimate_documents
from ..errors import DatasetError
from ..ingest.source import DEFAULT_LIMITS, Limits
from ..model import Corpus, Timeline
from ..timeline.base import TimelineConfig, get_method
from .hiding import dating_scores, hide
from .scoring import score_timeline
from .timeline_io import timeline_from_pairs

ARTICLES, TIMELINES, KEYWORDS = "articles.jsonl.gz", "timelines.jsonl", "keywords.json"
ENTITIES_WINDOW_DAYS = 7


@dataclass(frozen=True, slots=True)
class Task:
    """One gold timeline of a topic, with the input span and output length it implies."""

    topic: str
    index: int
    gold: Timeline
    keywords: tuple[str, ...]
    window_days: int

    @property
    def name(self) -> str:
        return f"{self.topic}/{self.index}"

    @property
    def start(self) -> dt.date:
        return self.gold.entries[0].time.date - dt.timedelta(days=self.window_days)

    @property
    def end(self) -> dt.date:
        return self.gold.entries[-1].time.date + dt.timedelta(days=self.window_days)

    @property
    def n_dates(self) -> int:
        return len(self.gold)

    @property
    def n_sentences(self) -> int:
        mean = sum(len(e.sentences) for e in self.gold.entries) / len(self.gold)
        return max(1, round(mean))

    def config(self, use_keywords: bool = True, random_state: int = 0) -> TimelineConfig:
        return TimelineConfig(
            n_dates=self.n_dates,
            n_sentences=self.n_sentences,
            keywords=tuple(f"*{k}*" for k in self.keywords) if use_keywords else (),
            start=self.start,
            end=self.end,
            random_state=random_state,
        )


@dataclass(frozen=True, slots=True)
class Topic:
    name: str
    path: Path
    tasks: tuple[Task, ...]

    @property
    def articles_path(self) -> Path:
        return self.path / ARTICLES


@dataclass(frozen=True, slots=True)
class EvalOptions:
    """How to run the protocol: method, input window, keyword filter, seed.

    ``hide_dates`` is the fraction of each task's input articles whose
    publication dates are hidden (seeded by ``random_state``; see
    :mod:`newsline.evaluate.hiding`), ``dating`` how they are estimated.
    """

    method: str = "datewise"
    window_days: int | None = None
    use_keywords: bool = True
    random_state: int = 0
    topics: tuple[str, ...] = ()
    hide_dates: float = 0.0
    dating: DatingOptions = DEFAULT_DATING


@dataclass(slots=True)
class TaskResult:
    task: str
    topic: str
    scores: dict[str, float]
    seconds: float
    peak_rss_mb: float
    n_dates: int
    n_sentences: int
    n_articles: int
    timeline: Timeline | None = field(default=None, repr=False)
    #: problems met reading the topic's articles (on the topic's first task only)
    warnings: tuple[str, ...] = ()
    dating: dict[str, float] | None = None

    def as_dict(self) -> dict[str, Any]:
        extra = {"dating": self.dating} if self.dating is not None else {}
        return {
            "task": self.task,
            "topic": self.topic,
            **self.scores,
            "seconds": round(self.seconds, 3),
            "peak_rss_mb": round(self.peak_rss_mb, 1),
            "n_dates": self.n_dates,
            "n_sentences": self.n_sentences,
            "n_articles": self.n_articles,
            **extra,
        }


def default_window_days(dataset: Path) -> int:
    """7 days for the Entities dataset (by folder name), 0 otherwise."""
    return ENTITIES_WINDOW_DAYS if dataset.resolve().name.lower() == "entities" else 0


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DatasetError(f"{path}: cannot read ({exc})") from None


def load_topic(path: Path, window_days: int) -> Topic:
    """A topic folder and its tasks; :class:`DatasetError` names a missing or bad file."""
    for name in (ARTICLES, TIMELINES, KEYWORDS):
        if not (path / name).is_file():
            raise DatasetError(f"{path / name}: missing (expected the news-tls layout)")
    keywords = _read_json(path / KEYWORDS)
    if not isinstance(keywords, list) or not all(isinstance(k, str) for k in keywords):
        raise DatasetError(f"{path / KEYWORDS}: expected a JSON list of strings")
    try:
        lines = (path / TIMELINES).read_text(encoding="utf-8").splitlines()
        golds = [timeline_from_pairs(json.loads(line)) for line in lines if line.strip()]
    except (OSError, ValueError, TypeError) as exc:
        raise DatasetError(f"{path / TIMELINES}: not gold timelines ({exc})") from None
    if not golds or any(len(g) == 0 for g in golds):
        raise DatasetError(f"{path / TIMELINES}: no gold timeline, or one without dates")
    kw = tuple(k.lower() for k in keywords)
    tasks = tuple(Task(path.name, i, g, kw, window_days) for i, g in enumerate(golds))
    return Topic(path.name, path, tasks)


def load_dataset(
    dataset: str | os.PathLike[str],
    topics: Sequence[str] = (),
    window_days: int | None = None,
) -> list[Topic]:
    """The topics of a dataset folder (all, or those named, in the given order)."""
    root = Path(dataset)
    if not root.is_dir():
        raise DatasetError(f"{root}: not a dataset folder")
    window = default_window_days(root) if window_days is None else window_days
    if topics:
        missing = [t for t in topics if not (root / t).is_dir()]
        if missing:
            raise DatasetError(f"{root / missing[0]}: no such topic folder")
        folders = [root / t for t in topics]
    else:
        folders = sorted(p for p in root.iterdir() if p.is_dir() and (p / TIMELINES).exists())
        if not folders:
            raise DatasetError(f"{root}: no topic folder with {TIMELINES}")
    return [load_topic(p, window) for p in folders]


def prepare_topic(
    topic: Topic, warnings: list[str] | None = None, limits: Limits = DEFAULT_LIMITS
) -> Corpus:
    """Read and prepare all of a topic's articles once (the expensive part).

    Reading problems (a truncated ``articles.jsonl.gz``, bad lines) are
    appended to ``warnings`` with a count line, so a partial topic is never
    scored silently.
    """
    from .. import core, ingest

    result = ingest.read([topic.articles_path], limits=limits)
    if not result.articles:
        detail = f" ({result.problems[0].message})" if result.problems else ""
        raise DatasetError(f"{topic.articles_path}: no readable article{detail}")
    if warnings is not None and (result.problems or result.skipped):
        warnings.extend(str(p) for p in result.problems)
        skipped = sum(result.skipped.values())
        warnings.append(
            f"{topic.name}: {len(result.articles)} articles read, {skipped} input items skipped; "
            "the topic is scored on the articles read"
        )
    return core.prepare(result.articles)


def peak_rss_mb() -> float:
    """Peak resident set size of this process in MiB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def run_topic(
    topic: Topic,
    options: EvalOptions,
    keep_timelines: bool = False,
    prepare: Callable[[Topic], Corpus] = prepare_topic,
    limits: Limits = DEFAULT_LIMITS,
) -> list[TaskResult]:
    """Build and score every task of a topic."""
    method = get_method(options.method)
    started = time.perf_counter()
    warnings: list[str] = []
    corpus = prepare_topic(topic, warnings, limits) if prepare is prepare_topic else prepare(topic)
    share = (time.perf_counter() - started) / len(topic.tasks)
    results = []
    for task in topic.tasks:
        started = time.perf_counter()
        sub = corpus.between(task.start, task.end)
        dating = None
        if options.hide_dates > 0:
            sub, dating = hidden_dates(sub, task, options)
        timeline = method.build(sub, task.config(options.use_keywords, options.random_state))
        seconds = share + time.perf_counter() - started
        results.append(
            TaskResult(
                task=task.name,
                topic=topic.name,
                scores=score_timeline(timeline, [task.gold]),
                seconds=seconds,
                peak_rss_mb=peak_rss_mb(),
                n_dates=task.n_dates,
                n_sentences=task.n_sentences,
                n_articles=len(sub),
                timeline=timeline if keep_timelines else None,
                warnings=tuple(warnings) if not results else (),
                dating=dating,
            )
        )
    return results


def hidden_dates(sub: Corpus, task: Task, options: EvalOptions) -> tuple[Corpus, dict[str, float]]:
    """The task's input with a fraction of its dates hidden and then estimated,
    and how well they were estimated."""
    docs, truth = hide(sub.documents, options.hide_dates, options.random_state, task.name)
    dating = options.dating
    if dating.prior is not None and Path(dating.prior).is_dir():
        # one prior per topic (leave-one-topic-out): <folder>/<topic>.json
        dating = dataclasses.replace(dating, prior=Path(dating.prior) / f"{task.topic}.json")
    est = estimate_documents(docs, dating)
    return Corpus(apply_estimates(docs, est, dating), sub.report), dating_scores(truth, est)

"""Evaluation stage: the field's TLS benchmark protocol and metrics (tilse-exact).

``score_timeline(system, golds)`` scores any timeline against gold timelines
with concat, agreement and "align+ m:1" ROUGE-1/2 and date F1;
``evaluate_dataset(path, EvalOptions(method=...))`` runs the benchmark protocol
(one task per gold timeline) over a dataset folder.
"""

from __future__ import annotations

from .protocol import EvalOptions, Task, TaskResult, load_dataset
from .runner import evaluate_dataset
from .scoring import METRICS, SCORE_KEYS, date_scores, mean_scores, score_timeline
from .timeline_io import read_timeline, read_timelines

__all__ = [
    "METRICS",
    "SCORE_KEYS",
    "EvalOptions",
    "Task",
    "TaskResult",
    "date_scores",
    "evaluate_dataset",
    "load_dataset",
    "mean_scores",
    "read_timeline",
    "read_timelines",
    "score_timeline",
]

"""Evaluation stage: the field's TLS benchmark protocol and metrics (tilse-exact).

``score_timeline(system, golds)`` scores any timeline against gold timelines;
``evaluate_dataset(path, ...)`` runs the benchmark protocol over a dataset.
"""

from __future__ import annotations

from .scoring import METRICS, SCORE_KEYS, date_scores, mean_scores, score_timeline
from .timeline_io import read_timeline, read_timelines

__all__ = [
    "METRICS",
    "SCORE_KEYS",
    "date_scores",
    "mean_scores",
    "read_timeline",
    "read_timelines",
    "score_timeline",
]

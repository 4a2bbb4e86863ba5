"""Evaluation results as a text table and as the JSON object of ``newsline eval``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .hiding import mean_dating
from .protocol import TaskResult
from .scoring import SCORE_KEYS, mean_scores

TABLE_COLUMNS = (
    ("AR1-F", "align_r1_f"),
    ("AR2-F", "align_r2_f"),
    ("Date-F1", "date_f1"),
    ("C-R1-F", "concat_r1_f"),
    ("C-R2-F", "concat_r2_f"),
    ("Ag-R1-F", "agreement_r1_f"),
    ("Ag-R2-F", "agreement_r2_f"),
)


def summary(results: Sequence[TaskResult]) -> dict[str, float]:
    """Mean scores (field's averaging), mean seconds per task, highest peak RSS."""
    mean: dict[str, float] = dict(mean_scores([r.scores for r in results]))
    n = max(1, len(results))
    mean["seconds"] = round(sum(r.seconds for r in results) / n, 3)
    mean["peak_rss_mb"] = round(max((r.peak_rss_mb for r in results), default=0.0), 1)
    return mean


def to_json(dataset: str, method: str, results: Sequence[TaskResult]) -> dict[str, Any]:
    """``{"dataset", "method", "tasks": [...], "mean": {...}}``."""
    out: dict[str, Any] = {
        "dataset": dataset,
        "method": method,
        "tasks": [r.as_dict() for r in results],
        "mean": summary(results),
    }
    dating = mean_dating([r.dating for r in results if r.dating is not None])
    if dating:
        out["dating"] = dating
    return out


def format_dating(results: Sequence[TaskResult]) -> str:
    """One line: how well the hidden publication dates were estimated (shares of hidden)."""
    d = mean_dating([r.dating for r in results if r.dating is not None])
    if not d:
        return "hidden dates: none"
    return (
        f"hidden dates: {int(d['hidden'])} articles; estimated {d['estimated']:.1%}, "
        f"to a day {d['day']:.1%}, exact {d['exact']:.1%}, within 1 day {d['within_1']:.1%}, "
        f"within 7 days {d['within_7']:.1%}, off by more than 7 {d['off_7']:.1%}, "
        f"true day inside the interval {d['in_interval']:.1%}"
    )


def _row(label: str, values: Mapping[str, float], width: int, extra: str) -> str:
    cells = " ".join(f"{values[key]:>8.4f}" for _, key in TABLE_COLUMNS)
    return f"{label:<{width}} {cells} {extra}"


def format_table(results: Sequence[TaskResult]) -> str:
    """One row per task and a final row of averages."""
    width = max([len("mean"), *(len(r.task) for r in results)])
    header = f"{'task':<{width}} " + " ".join(f"{h:>8}" for h, _ in TABLE_COLUMNS)
    header += f" {'seconds':>8} {'rss MB':>8}"
    lines = [header, "-" * len(header)]
    for r in results:
        lines.append(_row(r.task, r.scores, width, f"{r.seconds:>8.2f} {r.peak_rss_mb:>8.0f}"))
    mean = summary(results)
    lines.append("-" * len(header))
    lines.append(_row("mean", mean, width, f"{mean['seconds']:>8.2f} {mean['peak_rss_mb']:>8.0f}"))
    return "\n".join(lines)


def format_scores(scores: Mapping[str, float]) -> str:
    """All metrics of one scoring, one metric a line with P, R and F."""
    lines = [f"{'metric':<14} {'P':>8} {'R':>8} {'F':>8}"]
    names = sorted(
        {k.rsplit("_", 1)[0] for k in SCORE_KEYS}, key=lambda n: SCORE_KEYS.index(f"{n}_p")
    )
    for name in names:
        f_key = "date_f1" if name == "date" else f"{name}_f"
        lines.append(
            f"{name:<14} {scores[f'{name}_p']:>8.4f} {scores[f'{name}_r']:>8.4f} {scores[f_key]:>8.4f}"
        )
    return "\n".join(lines)

"""How far could a benchmark figure move with other tasks? Bootstrap over tasks.

Reads ``newsline eval --json`` files. For one file: the protocol figures (mean
P and mean R over tasks, F from those) and their 95% interval when the tasks
are resampled with replacement. For two files of the same tasks: the paired
difference A - B and its interval (the same resampled tasks for both), which
says whether a variant's gain is larger than what the choice of tasks alone
produces.

    .venv/bin/newsline eval ../shared/data/t17 --json a.json
    .venv/bin/newsline eval ../shared/data/t17 --method datewise-fixed --json b.json
    .venv/bin/python bench/bootstrap_ci.py a.json [b.json] [--samples 10000] [--seed 0]
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Mapping, Sequence
from pathlib import Path

from newsline.evaluate.scoring import mean_scores

METRICS = (("AR1-F", "align_r1_f"), ("AR2-F", "align_r2_f"), ("Date-F1", "date_f1"))


def protocol_f(tasks: Sequence[Mapping[str, float]], key: str) -> float:
    """The protocol's figure ``key`` over ``tasks`` (F from mean P and mean R)."""
    return mean_scores(tasks)[key]


def _interval(values: list[float]) -> tuple[float, float]:
    values = sorted(values)
    lo = values[int(0.025 * (len(values) - 1))]
    hi = values[int(0.975 * (len(values) - 1))]
    return lo, hi


def _tasks(path: Path) -> dict[str, dict]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {t["task"]: t for t in data["tasks"]}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise SystemExit(
            f"bootstrap_ci: {path}: not a `newsline eval --json` file ({exc})"
        ) from None


def report(
    a: Mapping[str, Mapping[str, float]],
    b: Mapping[str, Mapping[str, float]] | None = None,
    samples: int = 10_000,
    seed: int = 0,
) -> None:
    """Print each figure of ``a`` (per-task scores by task name) with its 95%
    interval, and with ``b`` the paired difference ``a - b`` and its interval."""
    names = sorted(a)
    if b is not None and sorted(b) != names:
        raise SystemExit("bootstrap_ci: the two results do not hold the same tasks")
    rng = random.Random(seed)
    draws = [[rng.choice(names) for _ in names] for _ in range(samples)]
    print(f"{len(names)} tasks, {samples} resamples, seed {seed}")
    for label, key in METRICS:
        fa = protocol_f([a[n] for n in names], key)
        ia = _interval([protocol_f([a[n] for n in d], key) for d in draws])
        line = f"{label:8s} A {fa:.4f} [{ia[0]:.4f}, {ia[1]:.4f}]"
        if b is not None:
            fb = protocol_f([b[n] for n in names], key)
            diffs = [
                protocol_f([a[n] for n in d], key) - protocol_f([b[n] for n in d], key)
                for d in draws
            ]
            lo, hi = _interval(diffs)
            line += f"   B {fb:.4f}   A - B {fa - fb:+.4f} [{lo:+.4f}, {hi:+.4f}]"
        print(line)


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("a", type=Path)
    ap.add_argument("b", type=Path, nargs="?")
    ap.add_argument("--samples", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    a = _tasks(args.a)
    b = _tasks(args.b) if args.b else None
    if b is not None and sorted(b) != sorted(a):
        raise SystemExit(f"bootstrap_ci: {args.a} and {args.b} do not hold the same tasks")
    report(a, b, args.samples, args.seed)


if __name__ == "__main__":
    main()

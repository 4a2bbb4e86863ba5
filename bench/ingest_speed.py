"""Speed of the first stages: reading, cleaning and sentence splitting.

Usage::

    .venv/bin/python bench/ingest_speed.py [FILE ...] [--repeat 5] [--profile clean|split|read]

``FILE`` defaults to ``../shared/data/t17/bpoil/articles.jsonl.gz`` (1,460
articles). Reports, for one process, the time and articles per second of
``read()``, ``clean()`` and ``split_sentences()`` over the cleaned articles,
and of the three together: best wall-clock and best CPU time of ``--repeat``
runs each; articles/s are per CPU second (steady on a shared, loaded machine). ``--profile``
prints the top of a cProfile of one stage instead.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from collections.abc import Callable
from pathlib import Path

from newsline.clean import clean
from newsline.ingest import read
from newsline.model import Article
from newsline.text import split_sentences

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_FILE = ROOT.parent / "shared" / "data" / "t17" / "bpoil" / "articles.jsonl.gz"


def best(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Best wall-clock and best CPU time (this process) of ``repeat`` runs."""
    wall, cpu = [], []
    for _ in range(repeat):
        w0, c0 = time.perf_counter(), time.process_time()
        fn()
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - w0)
    return min(wall), min(cpu)


def split_all(articles: list[Article]) -> int:
    return sum(len(split_sentences(a)) for a in articles)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path, default=[DEFAULT_FILE])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--profile", choices=["read", "clean", "split"])
    args = ap.parse_args(argv)

    articles = read(args.files).articles
    cleaned, report = clean(articles)
    stages: dict[str, Callable[[], object]] = {
        "read": lambda: read(args.files),
        "clean": lambda: clean(articles),
        "split": lambda: split_all(cleaned),
    }
    if args.profile:
        prof = cProfile.Profile()
        prof.runcall(stages[args.profile])
        pstats.Stats(prof).sort_stats("cumulative").print_stats(25)
        return 0

    n = len(articles)
    mb = sum(len(a.text) for a in articles) / 1e6
    n_sent = split_all(cleaned)
    print(f"{', '.join(map(str, args.files))}")
    print(f"{n} articles, {mb:.1f} MB of text; clean keeps {len(cleaned)}, {n_sent} sentences")
    print("         wall ms   CPU ms  articles/s (CPU)")
    total_wall = total_cpu = 0.0
    for name, fn in stages.items():
        wall, cpu = best(fn, args.repeat)
        total_wall += wall
        total_cpu += cpu
        print(f"{name:>6}: {wall * 1000:8.1f} {cpu * 1000:8.1f}  {n / cpu:8.0f}")
    print(f"{'total':>6}: {total_wall * 1000:8.1f} {total_cpu * 1000:8.1f}  {n / total_cpu:8.0f}"
          "  (read + clean + split, one process)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

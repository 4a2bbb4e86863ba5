"""Speed of the temporal tagger on all T17 articles (issue 4).

Usage::

    .venv/bin/python bench/temporal_speed.py [--data ../shared/data] [--workers 2] [--repeat 3]

Reports articles per second for ``tag()`` alone in one process (wall clock,
and per CPU-second, which is steadier on a shared machine), for the
same work spread over ``--workers`` processes (``multiprocessing.Pool``,
start-up included), and for the whole ``newsline dates --format json``
command (reading the gzipped JSON lines, tagging, writing JSON to
/dev/null) in one process. The best of ``--repeat`` runs is kept.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gzip
import json
import multiprocessing as mp
import os
import sys
import time
from pathlib import Path

from newsline.temporal import tag

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data"


def load(data: Path) -> list[tuple[str, dt.date]]:
    out = []
    for path in sorted((data / "t17").glob("*/articles.jsonl.gz")):
        with gzip.open(path, "rt") as f:
            for line in f:
                d = json.loads(line)
                out.append((d["text"], dt.date.fromisoformat(d["time"][:10])))
    return out


_ITEMS: list[tuple[str, dt.date]] = []  # inherited by forked workers (no pickling of texts)


def _tag_chunk(chunk: list[tuple[str, dt.date]]) -> int:
    return sum(len(tag(text, dct)) for text, dct in chunk)


def _tag_range(bounds: tuple[int, int]) -> int:
    return _tag_chunk(_ITEMS[bounds[0] : bounds[1]])


def single(items: list[tuple[str, dt.date]]) -> tuple[float, float]:
    """Wall-clock and CPU seconds for tagging every item in this process."""
    t0, c0 = time.perf_counter(), time.process_time()
    _tag_chunk(items)
    return time.perf_counter() - t0, time.process_time() - c0


def parallel(items: list[tuple[str, dt.date]], workers: int) -> tuple[float, int]:
    size = max(1, len(items) // (workers * 8))
    chunks = [(i, i + size) for i in range(0, len(items), size)]
    _ITEMS[:] = items
    t0 = time.perf_counter()
    with mp.get_context("fork").Pool(workers) as pool:
        n = sum(pool.map(_tag_range, chunks))
    return time.perf_counter() - t0, n


def cli(data: Path) -> float:
    from newsline.cli.main import main as newsline

    paths = [str(p) for p in sorted((data / "t17").glob("*/articles.jsonl.gz"))]
    t0 = time.perf_counter()
    with open(os.devnull, "w") as sink, contextlib.redirect_stdout(sink):
        newsline(["-q", "dates", *paths, "--format", "json"])
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    items = load(args.data)
    n = len(items)
    kb = sum(len(t) for t, _ in items) / n / 1000
    print(f"{n} T17 articles, {kb:.1f} kB of text on average; {os.cpu_count()} cores")
    runs = [single(items) for _ in range(args.repeat)]
    t1, c1 = min(r[0] for r in runs), min(r[1] for r in runs)
    print(f"tag(), 1 process:            {n / t1:8.0f} articles/s ({t1 * 1000 / n:.2f} ms/article)")
    print(f"tag(), CPU time of 1 core:   {n / c1:8.0f} articles/s per core-second")
    tw = min(parallel(items, args.workers)[0] for _ in range(args.repeat))
    print(f"tag(), {args.workers} processes:          {n / tw:8.0f} articles/s")
    tc = min(cli(args.data) for _ in range(args.repeat))
    print(f"newsline dates --format json: {n / tc:8.0f} articles/s (read + tag + write, 1 process)")
    print("HeidelTime (peers.md): about 0.8 s/article in one JVM = ~1.2 articles/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

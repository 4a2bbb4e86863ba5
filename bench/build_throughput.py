"""End-to-end throughput of ``newsline build`` (issue 2).

Runs the real command in a child process — reading, cleaning, sentences,
dates, the timeline and writing the output — and reports wall time,
articles per second and the child's peak resident memory.

    python bench/build_throughput.py [FILE] [--repeat 3] [--build-args "--query 'bp oil'"]
"""

from __future__ import annotations

import argparse
import gzip
import os
import platform
import resource
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("NEWSLINE_SHARED_DATA", ROOT.parent / "shared" / "data"))


def count_articles(path: Path) -> int:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        return sum(1 for line in f if line.strip())


def run_once(path: Path, extra: list[str]) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak RSS MiB) of one child ``newsline build`` run."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "timeline.json"
        cmd = [sys.executable, "-m", "newsline.cli.main", "-q", "build", str(path), "-o", str(out), *extra]
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True)
        seconds = time.perf_counter() - t0
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (r1.ru_utime + r1.ru_stime) - (r0.ru_utime + r0.ru_stime)
        before, peak = r0.ru_maxrss, r1.ru_maxrss
        if not out.exists():
            raise SystemExit("newsline build wrote no output")
    return seconds, cpu, max(peak, before) / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("file", nargs="?", default=str(DATA / "t17" / "bpoil" / "articles.jsonl.gz"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--build-args", default="", help="extra options for newsline build")
    args = ap.parse_args()
    args.extra = shlex.split(args.build_args)
    path = Path(args.file)
    n = count_articles(path)
    runs = [run_once(path, args.extra) for _ in range(args.repeat)]
    best = min(s for s, _, _ in runs)
    best_cpu = min(c for _, c, _ in runs)
    peak = max(m for _, _, m in runs)
    load = os.getloadavg()[0]
    print(f"file      {path}  ({n} articles)")
    print(f"machine   {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"runs      {', '.join(f'{s:.2f}s' for s, _, _ in runs)} wall  (best of {args.repeat}; load {load:.1f})")
    print(f"speed     {n / best:.0f} articles/s wall, end to end (process start-up included)")
    print(f"cpu       {best_cpu:.2f}s CPU: {n / best_cpu:.0f} articles per CPU-second")
    print(f"peak RSS  {peak:.0f} MiB")


if __name__ == "__main__":
    main()

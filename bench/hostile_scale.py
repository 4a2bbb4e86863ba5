"""Cost on adversarial scale: near-identical short items through duplicate detection, and
single very large articles through the whole pipeline (read, clean, tag, build).

    python bench/hostile_scale.py                  # the figures in BENCHMARKS.md
    python bench/hostile_scale.py --items 1000 10000 --article-mb 1 4 --baseline 1000

Duplicate detection is timed with the shipped caps and, as the baseline, with the caps
lifted (the uncapped candidate search, quadratic on such input), at the baseline sizes.
Each large-article run is a fresh process (so its peak RSS is its own), reading a text
file through ``newsline.ingest.read`` with caps raised to fit.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = [
    "council",
    "market",
    "storm",
    "minister",
    "oil",
    "spill",
    "company",
    "officials",
    "police",
    "court",
    "vote",
    "election",
]


def items(n: int) -> list:
    from newsline.model import Article

    day = dt.date(2010, 1, 1)
    return [
        Article(
            id=str(i),
            text=f"The council met on Monday and voted on budget item number {i} again.",
            published=day,
        )
        for i in range(n)
    ]


def time_dedupe(n: int, capped: bool) -> tuple[float, int]:
    import newsline.clean as clean_mod
    from newsline.clean import clean
    from newsline.clean.dedupe import near_duplicates

    articles = items(n)
    if not capped:
        clean_mod.near_duplicates = lambda *a, **k: near_duplicates(
            *a, max_bucket=10**9, max_checks=10**9, **k
        )
    try:
        t0 = time.perf_counter()
        _, report = clean(articles)
        return time.perf_counter() - t0, report.near_duplicates
    finally:
        clean_mod.near_duplicates = near_duplicates


def article_text(mb: float) -> str:
    rng = random.Random(0)
    parts = ["Date: 2010-06-01\n\nOne very large article\n\n"]
    size, i = 0, 0
    while size < mb * 1e6:
        words = " ".join(rng.choice(WORDS) for _ in range(12))
        s = f"On Monday, May {i % 28 + 1}, 2010, the {words} said {i}. " + (
            "\n\n" if i % 7 == 0 else ""
        )
        parts.append(s)
        size += len(s)
        i += 1
    return "".join(parts)


CHILD = r"""
import json, resource, sys, time
from newsline.core import build_timeline, prepare
from newsline.ingest import read
from newsline.ingest.source import Limits
from newsline.timeline import TimelineConfig
path = sys.argv[1]
t0 = time.perf_counter()
result = read([path], limits=Limits(max_file_size=1 << 31, max_record_size=1 << 31))
t1 = time.perf_counter()
corpus = prepare(result.articles)
t2 = time.perf_counter()
from newsline.timeline import get_method, DEFAULT_METHOD
timeline = get_method(DEFAULT_METHOD).build(corpus, TimelineConfig())
t3 = time.perf_counter()
print(json.dumps({"read": t1 - t0, "prepare": t2 - t1, "build": t3 - t2,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "dates": len(timeline)}))
"""


def time_article(mb: float) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.txt"
        path.write_text(article_text(mb))
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, check=True
        )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--items", type=int, nargs="*", default=[1000, 4000, 10_000, 30_000, 100_000])
    p.add_argument("--baseline", type=int, nargs="*", default=[1000, 2000, 4000])
    p.add_argument("--article-mb", type=float, nargs="*", default=[1, 10, 100])
    args = p.parse_args()

    print("| items | capped s | uncapped s (baseline) | ratio | s per 1,000 items |")
    print("|---:|---:|---:|---:|---:|")
    for n in sorted(set(args.items) | set(args.baseline)):
        capped, dups = time_dedupe(n, True)
        base = f"{time_dedupe(n, False)[0]:.2f}" if n in args.baseline else "–"
        ratio = f"{float(base) / capped:.0f}×" if base != "–" else "–"
        print(f"| {n:,} | {capped:.2f} | {base} | {ratio} | {1000 * capped / n:.3f} |", flush=True)
    print()
    print("| article MB | read s | prepare s | build s | total s | s per MB | peak RSS MB |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for mb in args.article_mb:
        r = time_article(mb)
        total = r["read"] + r["prepare"] + r["build"]
        print(
            f"| {mb:g} | {r['read']:.2f} | {r['prepare']:.2f} | {r['build']:.2f} | {total:.2f} | "
            f"{total / mb:.2f} | {r['rss_mb']:.0f} |",
            flush=True,
        )


if __name__ == "__main__":
    main()

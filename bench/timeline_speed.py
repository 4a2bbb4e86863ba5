"""How long the first timeline of a store takes, against another checkout in the same run.

Each run is a fresh child process that opens the store, reads its corpus
(``Store(path).corpus()``) and builds the default timeline
(``build_timeline(corpus)``), each timed. With ``--baseline SRC`` (the ``src``
folder of another checkout, e.g. ``git archive main src | tar -x -C /tmp/main``)
runs of this checkout and of the baseline alternate, ``--rounds`` times each,
because the machine is shared; the best run of each side is reported, with
the ratio to the baseline. ``--check`` also compares the two timelines (JSON).

    .venv/bin/python bench/timeline_speed.py --store PATH [--baseline /tmp/main/src] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

CHILD = r"""
import hashlib, json, re, sys, time
from newsline import build_timeline
from newsline.render import render
from newsline.store import Store
t = time.perf_counter(); corpus = Store(sys.argv[1]).corpus(); t1 = time.perf_counter()
timeline = build_timeline(corpus, query=sys.argv[2] or None); t2 = time.perf_counter()
text = re.sub(r'"generated": "[^"]*"', "", render(timeline, "json"))
print(json.dumps({"corpus": t1 - t, "timeline": t2 - t1, "articles": len(corpus),
                  "entries": len(timeline.entries), "hash": hashlib.sha1(text.encode()).hexdigest()}))
"""


def run(src: Path, store: str, query: str) -> dict[str, Any]:
    env = dict(os.environ, PYTHONPATH=str(src))
    out = subprocess.run(
        [sys.executable, "-c", CHILD, store, query], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--store", required=True)
    ap.add_argument("--baseline", type=Path, help="src folder of the checkout to compare with")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--query", default="")
    ap.add_argument("--check", action="store_true", help="the two timelines must be the same")
    args = ap.parse_args()
    here = Path(__file__).resolve().parents[1] / "src"
    sides = {"this": here} | ({"baseline": args.baseline} if args.baseline else {})
    best: dict[str, dict[str, Any]] = {}
    for _ in range(args.rounds):
        for name, src in sides.items():
            r = run(src, args.store, args.query)
            b = best.setdefault(name, dict(r))
            for k in ("corpus", "timeline"):
                b[k] = min(b[k], r[k])
            b["hash"] = r["hash"]
    print(f"load {os.getloadavg()[0]:.1f}; best of {args.rounds}; "
          f"{best['this']['articles']:.0f} articles, {best['this']['entries']:.0f} dates")
    print("| step | this s | baseline s | ratio |\n|---|---|---|---|")
    for k in ("corpus", "timeline"):
        t = best["this"][k]
        if "baseline" in best:
            base = best["baseline"][k]
            print(f"| {k} | {t:.2f} | {base:.2f} | {t / base:.2f} |")
        else:
            print(f"| {k} | {t:.2f} | | |")
    if args.check and "baseline" in best:
        same = best["this"]["hash"] == best["baseline"]["hash"]
        print("timelines identical" if same else "TIMELINES DIFFER")
        sys.exit(0 if same else 1)


if __name__ == "__main__":
    main()

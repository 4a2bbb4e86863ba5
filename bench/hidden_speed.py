"""A build with every publication date hidden against the dated build (issue 15's speed).

Writes an undated copy of a JSON-lines file (each record without its date
field) in a temporary folder, then times ``newsline -q build`` on the dated
and the undated file in fresh child processes, alternating, ``--rounds``
times each (the machine is shared). With ``--baseline SRC`` (the ``src``
folder of another checkout, e.g. a detached worktree of main) the baseline's
two builds alternate with this checkout's in the same rounds. Reports the
median wall and CPU seconds of each build and the undated/dated ratios (and
the ratios of the fastest runs, less disturbed by a loaded machine), and
whether each build's JSON (less its ``generated`` stamp) is the same in every
run and on both sides.

    nice .venv/bin/python bench/hidden_speed.py [FILE] [--baseline /tmp/main/src] [--rounds 3]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import re
import resource
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("NEWSLINE_SHARED_DATA", ROOT.parent / "shared" / "data"))
DATE_KEYS = ("time", "date", "published", "publication_date")


def undated_copy(path: Path, out: Path) -> int:
    """``out``: the records of ``path`` without a date field; how many records."""
    opener = gzip.open if path.suffix == ".gz" else open
    n = 0
    with opener(path, "rt", encoding="utf-8") as f, out.open("w", encoding="utf-8") as g:
        for line in f:
            if not line.strip():
                continue
            rec = json.loads(line)
            for k in DATE_KEYS:
                rec.pop(k, None)
            g.write(json.dumps(rec) + "\n")
            n += 1
    return n


def run_once(src: Path, path: Path, extra: list[str], tmp: Path) -> tuple[float, float, str]:
    """(wall s, CPU s, hash of the JSON output) of one child ``newsline -q build``."""
    out = tmp / "timeline.json"
    out.unlink(missing_ok=True)
    env = dict(os.environ, PYTHONPATH=str(src))
    cmd = [sys.executable, "-m", "newsline.cli.main", "-q", "build", str(path), "-o", str(out), *extra]
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, env=env)
    wall = time.perf_counter() - t0
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (r1.ru_utime + r1.ru_stime) - (r0.ru_utime + r0.ru_stime)
    text = re.sub(r'"generated": "[^"]*"', "", out.read_text(encoding="utf-8"))
    return wall, cpu, hashlib.sha1(text.encode()).hexdigest()[:12]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("file", nargs="?", default=str(DATA / "t17" / "bpoil" / "articles.jsonl.gz"))
    ap.add_argument("--baseline", type=Path, help="src folder of the checkout to compare with")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--build-args", default="", help="extra options for newsline build")
    ap.add_argument("--keep", type=Path, help="also copy each side's two outputs into this folder")
    args = ap.parse_args()
    extra = shlex.split(args.build_args)
    sides = {"this": ROOT / "src"} | ({"baseline": args.baseline.resolve()} if args.baseline else {})
    with tempfile.TemporaryDirectory(prefix="hidden-speed-") as t:
        tmp = Path(t)
        dated = Path(args.file)
        undated = tmp / "undated.jsonl"
        n = undated_copy(dated, undated)
        runs: dict[tuple[str, str], list[tuple[float, float, str]]] = {}
        for _ in range(args.rounds):
            for side, src in sides.items():
                for kind, path in (("dated", dated), ("undated", undated)):
                    runs.setdefault((side, kind), []).append(run_once(src, path, extra, tmp))
                    if args.keep:
                        args.keep.mkdir(parents=True, exist_ok=True)
                        (tmp / "timeline.json").replace(args.keep / f"{side}-{kind}.json")
    print(f"{dated} ({n} articles); load {os.getloadavg()[0]:.1f}; medians of {args.rounds}, interleaved")
    print("| side | dated wall / CPU s | undated wall / CPU s | ratio wall / CPU | of fastest | outputs |")
    print("|---|---|---|---|---|---|")
    hashes: dict[str, set[str]] = {"dated": set(), "undated": set()}
    for side in sides:
        med = {}
        for kind in ("dated", "undated"):
            rs = runs[(side, kind)]
            med[kind] = (statistics.median(r[0] for r in rs), statistics.median(r[1] for r in rs))
            hashes[kind] |= {r[2] for r in rs}
        d, u = med["dated"], med["undated"]
        fast = {k: [min(r[x] for r in runs[(side, k)]) for x in (0, 1)] for k in ("dated", "undated")}
        outs = " ".join(runs[(side, k)][0][2] for k in ("dated", "undated"))
        print(f"| {side} | {d[0]:.2f} / {d[1]:.2f} | {u[0]:.2f} / {u[1]:.2f} | "
              f"{u[0] / d[0]:.2f}x / {u[1] / d[1]:.2f}x | "
              f"{fast['undated'][0] / fast['dated'][0]:.2f}x / {fast['undated'][1] / fast['dated'][1]:.2f}x | {outs} |")
    same = all(len(h) == 1 for h in hashes.values())
    print("outputs identical across runs and sides" if same else "OUTPUTS DIFFER")
    sys.exit(0 if same else 1)


if __name__ == "__main__":
    main()

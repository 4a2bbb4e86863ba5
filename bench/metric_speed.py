"""Metric speed and agreement: newsline's metrics vs tilse on all T17 gold pairs.

Scores every T17 gold timeline against every T17 gold timeline (19 x 19 pairs,
one gold each) with newsline's metrics and with tilse (ROUGE-1.5.5 Perl back-end,
run by its own interpreter), times both in the same run, and reports the
largest difference per metric.

    NEWSLINE_TILSE_PYTHON=.venv-tilse/bin/python .venv/bin/python bench/metric_speed.py

Options: ``--data DIR`` (default ../shared/data/t17), ``--limit N`` (first N pairs
only, for a quick look), ``--json FILE``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newsline.evaluate.rouge import sentence_tokens
from newsline.evaluate.scoring import SCORE_KEYS, dated_summaries, score_timeline
from newsline.evaluate.stemmer import rouge_stem
from newsline.evaluate.timeline_io import read_timelines
from newsline.model import Timeline

ROOT = Path(__file__).resolve().parents[1]
HELPER = ROOT / "tests" / "evaluate" / "tilse_scores.py"


def _encode(t: Timeline) -> dict[str, list[str]]:
    return {d.isoformat(): s for d, s in dated_summaries(t).items()}


def _run_tilse(python: str, pairs: list[dict[str, object]]) -> tuple[list[dict], float]:
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(pairs, f)
        name = f.name
    try:
        start = time.perf_counter()
        res = subprocess.run([python, str(HELPER), name], capture_output=True, text=True)
        seconds = time.perf_counter() - start
    finally:
        os.unlink(name)
    if res.returncode != 0:
        sys.exit(f"tilse failed:\n{res.stderr[-3000:]}")
    return json.loads(res.stdout), seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "t17")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    python = os.environ.get("NEWSLINE_TILSE_PYTHON", "")
    if not python or not os.access(python, os.X_OK):
        sys.exit("set NEWSLINE_TILSE_PYTHON to tilse's interpreter (.ci/tilse.sh prints it)")

    golds: list[Timeline] = []
    for topic in sorted(p for p in args.data.iterdir() if p.is_dir()):
        golds += read_timelines(topic / "timelines.jsonl")
    pairs = [(a, b) for a in golds for b in golds]
    if args.limit:
        pairs = pairs[: args.limit]
    print(f"{len(golds)} gold timelines, {len(pairs)} pairs", file=sys.stderr)

    rouge_stem.cache_clear()  # start cold: no stem or token cached
    sentence_tokens.cache_clear()
    start = time.perf_counter()
    ours = [score_timeline(a, [b]) for a, b in pairs]
    ours_seconds = time.perf_counter() - start

    _, startup = _run_tilse(python, [])
    encoded = [{"system": _encode(a), "golds": [_encode(b)]} for a, b in pairs]
    theirs, tilse_seconds = _run_tilse(python, encoded)
    tilse_seconds -= startup

    diffs = {
        k: max(abs(o[k] - t[k]) for o, t in zip(ours, theirs, strict=True)) for k in SCORE_KEYS
    }
    result = {
        "pairs": len(pairs),
        "newsline_seconds": round(ours_seconds, 3),
        "tilse_seconds": round(tilse_seconds, 3),
        "tilse_startup_seconds": round(startup, 3),
        "speedup": round(tilse_seconds / ours_seconds, 1),
        "max_abs_diff": diffs,
    }
    print(f"| pairs | newsline s | tilse s (startup {startup:.1f} s excluded) | speed-up |")
    print("|---|---|---|---|")
    print(f"| {len(pairs)} | {ours_seconds:.2f} | {tilse_seconds:.1f} | {result['speedup']}x |")
    print()
    print(
        "max |newsline - tilse| per metric: " + ", ".join(f"{k} {v:.2e}" for k, v in diffs.items())
    )
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    return 0 if max(diffs.values()) < 1e-3 else 1


if __name__ == "__main__":
    sys.exit(main())

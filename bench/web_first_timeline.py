"""How fast the web app gives its first timeline over a store of ~5,000 articles.

Uploads the T17 topics (then Entities topics) from ../shared/data through the real app
(in-process, FastAPI's TestClient) into a temporary store until it holds 5,000 articles,
then times: the upload (read, prepare, commit to the store), the first GET /api/timeline
right after (the app started building it in the background at the commit), a restart
over the same store and its first timeline (disk cache), a cold first timeline (no cache:
as over a store made by ``newsline index add``), a query timeline cold and cached. The
baseline, measured in the same run because the machine is shared, is what
``newsline build --store`` does in-process: ``build_timeline(Store(path).corpus())``.
Prints a Markdown table with each step's ratio to the baseline.

    .venv/bin/python bench/web_first_timeline.py [--articles 5000]
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import shutil
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from newsline import build_timeline
from newsline.store import Store
from newsline.web.app import STATIC, create_app

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def batches(n: int) -> list[tuple[str, bytes]]:
    """(name, .jsonl.gz bytes) files holding n articles in all."""
    out: list[tuple[str, bytes]] = []
    left = n
    for path in sorted(DATA.glob("t17/*/articles.jsonl.gz")) + sorted(DATA.glob("entities/*/articles.jsonl.gz")):
        lines = gzip.decompress(path.read_bytes()).decode().splitlines()[:left]
        buf = io.BytesIO()
        with gzip.GzipFile(fileobj=buf, mode="wb") as z:
            z.write(("\n".join(lines) + "\n").encode())
        out.append((f"{path.parent.parent.name}-{path.parent.name}.jsonl.gz", buf.getvalue()))
        left -= len(lines)
        if left <= 0:
            break
    return out


CPU: list[float] = []  # CPU seconds (all threads of this process) of the last timed call


def timed(fn):  # type: ignore[no-untyped-def]
    t, c = time.perf_counter(), time.process_time()
    value = fn()
    CPU.append(time.process_time() - c)
    return time.perf_counter() - t, value


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--query", default="president")
    args = ap.parse_args()
    rows: list[tuple[str, float, float, str]] = []
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "store"
        client = TestClient(create_app(store))
        files = batches(args.articles)
        up, r = timed(lambda: client.post("/api/articles", files=[("files", f) for f in files]))
        added = r.json()["added"]
        rows.append(("upload: read + prepare + commit", up, CPU[-1], f"{added} articles in {len(files)} files"))
        secs, r = timed(lambda: client.get("/api/timeline"))
        rows.append(("first timeline right after the upload", secs, CPU[-1],
                     f"{len(r.json()['entries'])} dates; drop to timeline {up + secs:.1f} s"))
        secs, r = timed(lambda: client.get("/api/timeline"))
        rows.append(("the same timeline again (memory)", secs, CPU[-1], ""))
        secs, r = timed(lambda: client.get("/api/timeline", params={"query": args.query}))
        rows.append((f"query {args.query!r}, cold", secs, CPU[-1], f"{len(r.json()['entries'])} dates"))
        secs, r = timed(lambda: client.get("/api/timeline", params={"query": args.query}))
        rows.append((f"query {args.query!r}, cached", secs, CPU[-1], ""))
        late = [("late.txt", b"Title: Late news\nDate: 2011-06-01\n\nThe president spoke on June 1, 2011.\n")]
        secs, r = timed(lambda: client.post("/api/articles", files=[("files", f) for f in late]))
        rows.append(("upload of 1 more article", secs, CPU[-1], "the app builds ahead once quiet for 1 s"))
        cached = len(list((store / "cache").glob("*.json")))
        waited = time.perf_counter()
        while len(list((store / "cache").glob("*.json"))) == cached and time.perf_counter() - waited < 120:
            time.sleep(0.1)
        secs, r = timed(lambda: client.get("/api/timeline"))
        rows.append(("its first timeline, built ahead", secs, CPU[-1], f"ready {time.perf_counter() - waited:.1f} s after the upload"))
        secs, fresh = timed(lambda: TestClient(create_app(store)))
        rows.append(("restart over the store", secs, CPU[-1], ""))
        secs, r = timed(lambda: fresh.get("/api/timeline"))
        rows.append(("first timeline after the restart (disk)", secs, CPU[-1], ""))
        shutil.rmtree(store / "cache")
        cold = TestClient(create_app(store, warm=False))
        secs, r = timed(lambda: cold.get("/api/timeline"))
        rows.append(("first timeline, nothing prebuilt (cold)", secs, CPU[-1], ""))
        base, _ = timed(lambda: build_timeline(Store(store).corpus()))
        rows.append(("baseline: build_timeline(Store.corpus())", base, CPU[-1], "as build --store"))
    page = sum(p.stat().st_size for p in STATIC.iterdir() if p.name not in ("docs.html", "docs.js"))
    print(f"load average {load:.1f} at the start, {os.getloadavg()[0]:.1f} at the end\n")
    print("| step | seconds | CPU s | / baseline | note |\n|---|---|---|---|---|")
    for name, secs, cpu, note in rows:
        print(f"| {name} | {secs:.2f} | {cpu:.2f} | {secs / base:.2f} | {note} |")
    print(f"\npage weight (index.html + CSS + JS, uncompressed): {page / 1024:.1f} KiB")
    print(json.dumps({"articles": args.articles}))


if __name__ == "__main__":
    main()

"""How fast the web app gives its first timeline over a store of ~5,000 articles.

Uploads the T17 topics (then Entities topics) from ../shared/data through the real app
(in-process, FastAPI's TestClient) into a temporary store until it holds 5,000 articles,
then times: the upload (reading + preparing), the first GET /api/timeline right after
(the app started building it in the background when the upload finished), the same
timeline built cold (no head start, the baseline), a restart over the same store, a
query timeline cold and cached. Prints a Markdown table.

    .venv/bin/python bench/web_first_timeline.py [--articles 5000]
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from newsline.web.app import STATIC, create_app
from newsline.web.service import Builder, Spec

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


def timed(fn):  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    value = fn()
    return time.perf_counter() - t, value


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--query", default="president")
    args = ap.parse_args()
    rows: list[tuple[str, float, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "store"
        client = TestClient(create_app(store))
        files = batches(args.articles)
        secs, r = timed(lambda: client.post("/api/articles", files=[("files", f) for f in files]))
        added = r.json()["added"]
        rows.append(("upload: read + prepare", secs, f"{added} articles in {len(files)} files"))
        secs, r = timed(lambda: client.get("/api/timeline"))
        rows.append(("first timeline right after the upload", secs, f"{len(r.json()['entries'])} dates"))
        ctx = client.app.state.ctx
        secs, _ = timed(lambda: Builder(ctx.backend).build(Spec()))
        rows.append(("baseline: the same timeline built cold", secs, "no head start"))
        secs, r = timed(lambda: client.get("/api/timeline"))
        rows.append(("the same timeline again (cached)", secs, ""))
        secs, r = timed(lambda: client.get("/api/timeline", params={"query": args.query}))
        rows.append((f"query {args.query!r}, cold", secs, f"{len(r.json()['entries'])} dates"))
        secs, r = timed(lambda: client.get("/api/timeline", params={"query": args.query}))
        rows.append((f"query {args.query!r}, cached", secs, ""))
        secs, fresh = timed(lambda: TestClient(create_app(store)))
        rows.append(("restart: read + prepare the stored uploads", secs, ""))
        secs, r = timed(lambda: fresh.get("/api/timeline"))
        rows.append(("first timeline right after the restart", secs, f"{len(r.json()['entries'])} dates"))
    page = sum(p.stat().st_size for p in STATIC.iterdir() if p.name != "docs.html" and p.name != "docs.js")
    print("| step | seconds | note |\n|---|---|---|")
    for name, secs, note in rows:
        print(f"| {name} | {secs:.2f} | {note} |")
    print(f"\npage weight (index.html + CSS + JS, uncompressed): {page / 1024:.1f} KiB")
    print(json.dumps({"articles": args.articles}))


if __name__ == "__main__":
    main()

"""The store at scale: index add (local and Dask), peak memory, size, query latency, the floor.

Builds corpora of N articles from the real texts of ../shared/data (T17 and
Entities, all topics but bpoil): every article keeps the title, publication
date, topic and number of sentences of a real article, and its sentences are
drawn at random from all sentences of that topic (three to a paragraph), so
each is a new text (duplicate detection keeps them) with real sentence
lengths and dates. The corpus is written as jsonl.gz files of 10,000 articles
to a temporary folder, never to the repo. The topic queried is the real T17
bpoil collection (1,460 articles), added after the background as
``--collection bpoil``: a story inside an archive.

Per size it reports: the floor (read + parse + regex-tokenize + sentence-split
of the same files on one core), `newsline index add` with the local engine
(2 processes) and with Dask (a scheduler and 2 one-thread workers), the peak
RSS of each (all its processes), the store's size, and the latency and peak
RSS of `newsline build --store` for one topic (by --collection, and by --query).

    .venv/bin/python bench/scale.py --sizes 10000 100000 [--no-dask] [--keep DIR]
    .venv/bin/python bench/scale.py --sizes 1000000 --checkpoints 100000 500000 --keep DIR
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

import newsline
from newsline.text import sentence_spans, split_sentences, words

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
PER_FILE = 10_000
TOPIC = ("t17", "bpoil")


def topics() -> list[tuple[str, list[newsline.Article], list[str]]]:
    out = []
    for dataset in ("t17", "entities"):
        for folder in sorted((DATA / dataset).iterdir()):
            if folder.name == TOPIC[1]:
                continue
            arts = newsline.load(folder / "articles.jsonl.gz")
            sents = [a.text[s:e] for a in arts for s, e in sentence_spans(a.text)]
            out.append((f"{dataset}/{folder.name}", arts, sents))
    return out


def generate(n: int, folder: Path, seed: int = 0) -> dict[str, int]:
    """Write ``n`` recombined articles; returns articles per topic."""
    rng = random.Random(seed)
    pools = topics()
    weights = [len(a) for _, a, _ in pools]
    counts: dict[str, int] = {}
    folder.mkdir(parents=True, exist_ok=True)
    f = None
    for i in range(n):
        if i % PER_FILE == 0:
            if f:
                f.close()
            f = gzip.open(folder / f"part-{i // PER_FILE:04d}.jsonl.gz", "wt", encoding="utf-8")  # noqa: SIM115
        name, arts, sents = rng.choices(pools, weights)[0]
        model = rng.choice(arts)
        k = max(1, len(sentence_spans(model.text)))
        picked = [rng.choice(sents) for _ in range(k)]
        text = "\n".join(" ".join(picked[j : j + 3]) for j in range(0, k, 3))
        rec = {"id": f"{name}/{i}", "title": model.title, "text": text,
               "time": model.published.isoformat() if model.published else None,
               "source": name.split("/")[1]}
        f.write(json.dumps(rec) + "\n")  # type: ignore[union-attr]
        counts[name] = counts.get(name, 0) + 1
    if f:
        f.close()
    return counts


def floor(folder: Path) -> tuple[float, float]:
    """Wall and CPU seconds per article on one core: read + parse + regex-tokenize + split."""
    files = sorted(folder.glob("*.jsonl.gz"))[:1]
    t, c = time.perf_counter(), time.process_time()
    arts = newsline.load(files)
    for a in arts:
        words(a.text)
        split_sentences(a)
    return (time.perf_counter() - t) / len(arts), (time.process_time() - c) / len(arts)


def run(cmd: list[str]) -> tuple[float, float, float, str]:
    """Wall seconds, peak RSS (MB, the process and its children summed), CPU seconds
    (the process and its reaped children), stderr."""
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    ps = psutil.Process(proc.pid)
    peak = [0.0]
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            try:
                procs = [ps, *ps.children(recursive=True)]
                peak[0] = max(peak[0], sum(p.memory_info().rss for p in procs) / 1e6)
            except psutil.Error:
                pass
            time.sleep(0.05)

    th = threading.Thread(target=sample)
    th.start()
    _, status, usage = os.wait4(proc.pid, 0)
    stop.set()
    th.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read() if proc.stderr else ""
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {err}")
    return time.perf_counter() - t, peak[0], usage.ru_utime + usage.ru_stime, err


def _stored(err: str) -> int:
    """How many stored articles ``build --store`` built its timeline from (its note)."""
    m = re.search(r"from (\d+) stored articles", err)
    return int(m.group(1)) if m else -1


def selection(db: Path, query: str) -> tuple[float, int]:
    """Seconds to select the query's rows with the full-text index (no row read), and how many."""
    import datetime as dt

    from newsline.query import parse
    from newsline.store.query import Snapshot
    from newsline.store.search import Index, select_rows

    t = time.perf_counter()
    rows = select_rows(Index(db, Snapshot.take(db).manifest), parse(query),
                       dt.date(2010, 4, 20), dt.date(2010, 12, 31))
    return time.perf_counter() - t, len(rows)


def cluster_rss(pids: list[int]) -> float:
    total = 0.0
    for pid in pids:
        try:
            p = psutil.Process(pid)
            total += sum(q.memory_info().rss for q in [p, *p.children(recursive=True)])
        except psutil.Error:
            pass
    return total / 1e6


def cluster_cpu(pids: list[int]) -> float:
    total = 0.0
    for pid in pids:
        try:
            p = psutil.Process(pid)
            for q in [p, *p.children(recursive=True)]:
                t = q.cpu_times()
                total += t.user + t.system
        except psutil.Error:
            pass
    return total


def dask_add(corpus: Path, db: Path, nl: list[str]) -> tuple[float, float, float]:
    dask = str(Path(sys.executable).with_name("dask"))
    tmp = Path(tempfile.mkdtemp())
    file = tmp / "scheduler.json"
    sched = subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", "0",
                              "--no-dashboard", "--scheduler-file", str(file)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while not file.exists():
        time.sleep(0.1)
    address = json.loads(file.read_text())["address"]
    work = subprocess.Popen([dask, "worker", address, "--nworkers", "2", "--nthreads", "1",
                             "--no-dashboard", "--host", "127.0.0.1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    from distributed import Client

    with Client(address) as c:
        c.wait_for_workers(2)
    try:
        base = cluster_rss([sched.pid, work.pid])
        cpu0 = cluster_cpu([sched.pid, work.pid])
        t = time.perf_counter()
        proc = subprocess.Popen([*nl, "-q", "index", "add", str(corpus), "--store", str(db),
                                 "--engine", "dask", "--scheduler", address])
        peak = base
        while proc.poll() is None:
            peak = max(peak, cluster_rss([sched.pid, work.pid, proc.pid]))
            time.sleep(0.1)
        wall = time.perf_counter() - t
        return wall, peak, cluster_cpu([sched.pid, work.pid]) - cpu0
    finally:
        for p in (work, sched):
            p.terminate()
            p.wait()
        shutil.rmtree(tmp, ignore_errors=True)


def queries(db: Path, nl: list[str], keywords: str, out: str) -> dict[str, float]:
    """The two topic timelines of the table, and the index selection alone."""
    q = run([*nl, "build", "--store", str(db), "--query", keywords, "--start", "2010-04-20",
             "--end", "2010-12-31", "-o", out])
    c = run([*nl, "build", "--store", str(db), "--collection", TOPIC[1], "--query", keywords,
             "-o", out])
    sel = selection(db, keywords)
    return {"query_s": q[0], "query_cpu": q[2], "query_rss": q[1], "query_selected": _stored(q[3]),
            "coll_s": c[0], "coll_cpu": c[2], "coll_rss": c[1], "select_s": sel[0]}


def growing(corpus: Path, db: Path, nl: list[str], keywords: str, checkpoints: list[int]) -> None:
    """The topic first, then ``corpus`` in one ``index add`` whose peak RSS (all its
    processes) is followed; at each checkpoint (background articles committed) the
    writer is paused (SIGSTOP) while the two timelines are timed. JSON lines."""
    topic = DATA / TOPIC[0] / TOPIC[1] / "articles.jsonl.gz"
    if not db.exists():
        run([*nl, "-q", "index", "add", str(topic), "--store", str(db), "--collection", TOPIC[1]])
    t0, paused, peak = time.perf_counter(), 0.0, 0.0
    proc = subprocess.Popen([*nl, "-q", "index", "add", str(corpus), "--store", str(db)])
    ps = psutil.Process(proc.pid)
    todo = sorted(checkpoints)

    def committed() -> int:
        try:
            m = json.loads((db / "manifest.json").read_text())
        except (OSError, ValueError):
            return 0
        return sum(int(s["rows"]) for s in m["shards"]) - 1460

    while proc.poll() is None:
        try:
            procs = [ps, *ps.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in procs) / 1e6)
        except psutil.Error:
            pass
        if todo and committed() >= todo[0]:
            todo.pop(0)
            for p in procs:
                p.send_signal(signal.SIGSTOP)
            s = time.perf_counter()
            row = queries(db, nl, keywords, str(db.parent / "tl.json"))
            for p in procs:
                p.send_signal(signal.SIGCONT)
            paused += time.perf_counter() - s
            print(json.dumps({"background": committed(), "add_s": s - t0 - paused + (
                time.perf_counter() - s), "add_peak_rss": peak, **row,
                "load_avg": os.getloadavg()[1]}), flush=True)
        time.sleep(0.05)
    print(json.dumps({"background": committed(), "add_s": time.perf_counter() - t0 - paused,
                      "add_peak_rss": peak, **queries(db, nl, keywords, str(db.parent / "tl.json")),
                      "load_avg": os.getloadavg()[1]}), flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000])
    ap.add_argument("--no-dask", action="store_true")
    ap.add_argument("--keep", type=Path, help="keep corpora and stores under this folder")
    ap.add_argument("--checkpoints", type=int, nargs="+",
                    help="one growing store (the first --sizes): timelines at these sizes")
    args = ap.parse_args()
    nl = [str(Path(sys.executable).with_name("newsline"))]
    root = args.keep or Path(tempfile.mkdtemp(prefix="newsline-scale-"))
    keywords = json.loads((DATA / TOPIC[0] / TOPIC[1] / "keywords.json").read_text())
    if args.checkpoints:
        n = args.sizes[0]
        if not (root / f"corpus-{n}").exists():
            generate(n, root / f"corpus-{n}")
        growing(root / f"corpus-{n}", root / f"growing-{n}.db", nl, " ".join(keywords),
                args.checkpoints)
        return
    rows = []
    try:
        for n in args.sizes:
            corpus, db = root / f"corpus-{n}", root / f"store-{n}.db"
            shutil.rmtree(db, ignore_errors=True)
            if not corpus.exists():
                generate(n, corpus)
            fl_wall, fl_cpu = floor(corpus)
            wall, rss, cpu, _ = run([*nl, "index", "add", str(corpus), "--store", str(db)])
            topic = DATA / TOPIC[0] / TOPIC[1] / "articles.jsonl.gz"
            run([*nl, "-q", "index", "add", str(topic), "--store", str(db), "--collection", TOPIC[1]])
            size = sum(f.stat().st_size for f in db.rglob("*") if f.is_file()) / 1e6
            out = str(root / "tl.json")
            by_coll = run([*nl, "build", "--store", str(db), "--collection", TOPIC[1],
                           "--query", " ".join(keywords), "-o", out])
            by_query = run([*nl, "build", "--store", str(db), "--query", " ".join(keywords),
                            "--start", "2010-04-20", "--end", "2010-12-31", "-o", out])
            select_s, selected = selection(db, " ".join(keywords))
            info = json.loads(subprocess.run([*nl, "index", "info", "--store", str(db), "--json"],
                                             capture_output=True, text=True).stdout)
            row = {"n": n, "floor_ms": 1e3 * fl_wall, "floor_cpu_ms": 1e3 * fl_cpu,
                   "add_s": wall, "add_aps": n / wall, "add_cpu_ms": 1e3 * cpu / n, "add_rss": rss,
                   "store_mb": size, "coll_s": by_coll[0], "coll_cpu": by_coll[2],
                   "coll_rss": by_coll[1], "query_s": by_query[0], "query_cpu": by_query[2],
                   "query_rss": by_query[1], "query_selected": _stored(by_query[3]),
                   "query_select_s": select_s, "query_rows": selected,
                   "articles": info["articles"],
                   "near_dups": info["near_duplicates"], "load_avg": os.getloadavg()[1]}
            if not args.no_dask:
                db2 = root / f"store-{n}-dask.db"
                shutil.rmtree(db2, ignore_errors=True)
                dw, drss, dcpu = dask_add(corpus, db2, nl)
                row.update(dask_s=dw, dask_aps=n / dw, dask_rss=drss, dask_cpu_ms=1e3 * dcpu / n)
                shutil.rmtree(db2, ignore_errors=True)
            rows.append(row)
            print(json.dumps(row), flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    print("| background articles | floor, 1 core: ms/art wall (CPU) | index add local: art/s "
          "| ms/art wall (CPU, all processes) | wall ÷ floor | peak RSS MB | Dask 2 workers: art/s "
          "(CPU ms/art) | peak RSS MB | store MB | bpoil timeline, collection: s (CPU s) / MB "
          "| query + window: s (CPU s) / MB | of which index selection s | articles selected "
          "| load avg |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        add_ms = 1e3 / r["add_aps"]
        print(f"| {r['n']:,} | {r['floor_ms']:.2f} ({r['floor_cpu_ms']:.2f}) | {r['add_aps']:.0f} "
              f"| {add_ms:.2f} ({r['add_cpu_ms']:.2f}) | {add_ms / r['floor_ms']:.2f} "
              f"| {r['add_rss']:.0f} | {r.get('dask_aps', float('nan')):.0f} "
              f"({r.get('dask_cpu_ms', float('nan')):.2f}) | {r.get('dask_rss', float('nan')):.0f} "
              f"| {r['store_mb']:.0f} | {r['coll_s']:.1f} ({r['coll_cpu']:.1f}) / {r['coll_rss']:.0f} "
              f"| {r['query_s']:.1f} ({r['query_cpu']:.1f}) / {r['query_rss']:.0f} "
              f"| {r['query_select_s']:.2f} | {r['query_selected']:,} | {r['load_avg']:.1f} |")


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()

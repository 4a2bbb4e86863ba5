"""The app over ``newsline.store``: uploads land in the store, ``index add`` writes beside it."""

from __future__ import annotations

import fcntl
import json
import subprocess
import sys
import time
from pathlib import Path

from fastapi.testclient import TestClient
from webstory import STORY, story_files, upload

from newsline.store import Store
from newsline.web.app import create_app

LATE = """Title: Toll on the Harlow bridge ends
Date: 2025-08-01
Source: Valley Courier

The county ended the toll on the Harlow bridge on Friday, August 1, 2025, after the repairs.
Drivers said the bridge crossing was quick again.
"""


def _index_add(store: Path, *inputs: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "newsline.cli.main", "index", "add", *map(str, inputs), "--store", str(store),
         "--workers", "1", "-q"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip


def test_uploads_are_stored_articles(loaded: TestClient, store: Path) -> None:
    info = Store(store).info()
    assert info.articles == 6 and info.commits >= 1
    ids = {a.id for a in Store(store).articles(limit=None)}
    assert "herald-bridge-closed.txt" in ids and "wire-1" in ids
    assert not [p for p in (store / "uploads").rglob("*") if p.suffix in (".txt", ".jsonl")]
    # the same text sent again under another name is unchanged, not a second article
    r = upload(loaded, [("copy.txt", STORY["courier-reopens.txt"].encode() + b"\n")]).json()
    assert (r["added"], r["unchanged"], r["duplicates"]) == (0, 1, 0), r
    # a file sent again with new text under the same name updates its article
    fixed = STORY["herald-inspection.txt"].replace("no damage", "no new damage")
    r = upload(loaded, [("herald-inspection.txt", fixed.encode())]).json()
    assert r["updated"] == 1 and r["added"] == 0, r
    text = loaded.get("/api/articles/herald-inspection.txt").json()["text"]
    assert "no new damage below the water line" in text


def test_index_add_beside_a_running_app(loaded: TestClient, store: Path, tmp_path: Path) -> None:
    before = loaded.get("/api/timeline", params={"query": "bridge"}).json()
    assert "2025-08-01" not in [e["date"] for e in before["entries"]]
    late = tmp_path / "late"
    late.mkdir()
    (late / "toll.txt").write_text(LATE, encoding="utf-8")
    done = _index_add(store, late)
    assert done.returncode == 0, done.stderr
    assert loaded.get("/api/health").json()["articles"] == 7  # the app reads the new commit
    after = loaded.get("/api/timeline", params={"query": "bridge"}).json()
    assert after["meta"]["articles"] == 7 and "2025-08-01" in [e["date"] for e in after["entries"]]
    volume = loaded.get("/api/volume", params={"query": "toll"}).json()
    assert volume["days"] == [{"date": "2025-08-01", "articles": 1}]


def test_upload_while_another_process_writes_is_refused_cleanly(loaded: TestClient, store: Path) -> None:
    with open(store / "lock", "a+b") as lock:  # what `index add` holds while it adds
        fcntl.flock(lock, fcntl.LOCK_EX)
        r = upload(loaded, [("late.txt", LATE.encode())])
        fcntl.flock(lock, fcntl.LOCK_UN)
    assert r.status_code == 409 and "another process" in r.json()["detail"]
    assert not list((store / "uploads").glob(".incoming-*"))
    r = upload(loaded, [("late.txt", LATE.encode())]).json()  # not remembered as stored: read now
    assert r["added"] == 1 and r["duplicates"] == 0


def test_edits_survive_new_articles_and_a_restart(loaded: TestClient, store: Path, tmp_path: Path) -> None:
    doc = loaded.put("/api/timelines/bridge", json={"query": "bridge", "dates": 3}).json()
    dates = [e["date"] for e in doc["entries"]]
    drop, keep = dates[0], dates[-1]
    loaded.post("/api/timelines/bridge/exclude", json={"date": drop})
    loaded.post("/api/timelines/bridge/pin", json={"date": keep})
    late = tmp_path / "late.txt"
    late.write_text(LATE, encoding="utf-8")
    assert _index_add(store, late).returncode == 0
    fresh = TestClient(create_app(store, warm=False))
    again = [e["date"] for e in fresh.get("/api/timelines/bridge").json()["entries"]]
    assert keep in again and drop not in again
    saved = json.loads((store / "timelines" / "bridge.json").read_text(encoding="utf-8"))
    assert [e["op"] for e in saved["edits"]] == ["exclude", "pin"]


def test_a_running_server_prebuilds_after_another_process_commits(store: Path, tmp_path: Path) -> None:
    client = TestClient(create_app(store))
    assert upload(client, story_files()).json()["added"] == 6
    late = tmp_path / "late.txt"
    late.write_text(LATE, encoding="utf-8")
    with client:  # runs the app's lifespan: the store watcher
        client.get("/api/timeline")
        cached = set((store / "cache").glob("*.json"))
        assert _index_add(store, late).returncode == 0
        deadline = time.monotonic() + 120
        while not set((store / "cache").glob("*.json")) - cached:  # the new commit's timeline
            assert time.monotonic() < deadline, "no prebuild after the commit"
            time.sleep(0.2)
        doc = client.get("/api/timeline").json()
    assert doc["meta"]["articles"] == 7


def test_the_app_reads_while_index_add_writes(loaded: TestClient, store: Path, tmp_path: Path) -> None:
    words = ["harbour", "ferry", "council", "budget", "school", "storm", "market", "river", "bridge", "election"]
    rows = [
        {"id": f"n{i}", "title": f"Note {i}", "time": f"2025-{1 + i % 12:02d}-{1 + i % 27:02d}",
         "text": f"On {1 + i % 27} {['May', 'June'][i % 2]} 2025 the {words[i % 10]} report number {i} "
                 f"said {words[(i * 7) % 10]} costs rose by {i % 90} percent in {words[(i * 3) % 10]} town."}
        for i in range(600)
    ]  # fmt: skip
    feed = tmp_path / "notes.jsonl"
    feed.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    writer = subprocess.Popen(
        [sys.executable, "-m", "newsline.cli.main", "index", "add", str(feed), "--store", str(store),
         "--workers", "1", "--batch", "100", "-q"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    seen: list[int] = []
    while writer.poll() is None:
        health = loaded.get("/api/health")
        listed = loaded.get("/api/articles", params={"query": "report", "limit": 1000})
        assert health.status_code == listed.status_code == 200
        seen.append(health.json()["articles"])
    assert writer.returncode == 0, writer.stderr.read() if writer.stderr else ""
    assert seen == sorted(seen) and all((n - 6) % 100 == 0 for n in seen), seen  # whole commits only
    assert loaded.get("/api/health").json()["articles"] == 606
    doc = loaded.get("/api/timeline", params={"query": "report"}).json()
    assert doc["meta"]["articles"] > 0


def test_a_query_selecting_more_than_the_cap_uses_the_most_relevant(tmp_path: Path) -> None:
    store = tmp_path / "capped"
    full = TestClient(create_app(store, max_articles=None, warm=False))
    assert upload(full, story_files()).json()["added"] == 6
    whole = full.get("/api/timeline", params={"query": "bridge"}).json()
    assert whole["meta"]["articles"] == 6
    assert not any("most relevant" in n for n in whole["meta"]["notes"])

    capped = TestClient(create_app(store, max_articles=3, warm=False))
    doc = capped.get("/api/timeline", params={"query": "bridge"}).json()
    assert doc["meta"]["articles"] <= 3
    assert "The query selects 6 articles: the 3 most relevant were used" in " ".join(doc["meta"]["notes"])
    # a selection within the cap says nothing about it
    small = capped.get("/api/timeline", params={"query": "bakery"}).json()
    assert not any("most relevant" in n for n in small["meta"].get("notes", []))

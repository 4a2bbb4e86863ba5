"""The JSON API on the real app, in-process: uploads, articles, timelines, edits, exports."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from webstory import HOSTILE, STORY, story_files, upload, zip_bytes

from newsline.render.jsonfmt import from_dict, json_schema
from newsline.web.app import create_app


def test_health_and_openapi(client: TestClient) -> None:
    assert client.get("/api/health").json()["status"] == "ok"
    spec = client.get("/openapi.json").json()
    for path in ("/api/articles", "/api/timeline", "/api/timelines/{name}/export", "/api/timelines/{name}/pin"):
        assert path in spec["paths"]
    assert client.get("/docs").status_code == 200


def test_upload_counts_and_problems(client: TestClient) -> None:
    files = story_files() + [("broken.jsonl", b'{"id": "x", "text": "ok text here"}\n{not json\n'),
                             ("blank.txt", b"   \n")]  # fmt: skip
    r = upload(client, files).json()
    assert r["added"] == 7  # 4 text files, 2 + 1 JSON-lines records
    assert r["files"] == 7
    assert any(p.startswith("broken.jsonl:2: ") for p in r["problems"]), r["problems"]
    assert any(p.startswith("blank.txt: ") for p in r["problems"]), r["problems"]
    assert r["skipped"] == 2  # the bad line and the blank file
    # a warning about an article kept (its stray NUL byte removed) is listed, not counted as skipped
    kept = upload(client, [("stray.txt", b"Date: 2025-04-02\n\nDivers searched the river on Wednesday for the lost van.\x00\n")]).json()
    assert kept["added"] == 1 and kept["skipped"] == 0 and kept["problems"] == ["stray.txt: 1 NUL byte removed"]
    again = upload(client, story_files()).json()
    assert again["added"] == 0 and again["duplicates"] == 5


def test_zip_upload_and_articles(client: TestClient) -> None:
    data = zip_bytes([(f"story/{n}", t.encode()) for n, t in STORY.items()])
    r = upload(client, [("story.zip", data)]).json()
    assert r["added"] == 4, r
    listed = client.get("/api/articles", params={"query": "divers"}).json()
    assert listed["count"] == 1
    (a,) = listed["articles"]
    assert a["title"] == "Divers inspect Harlow bridge piers" and a["published"] == "2025-03-10"
    full = client.get(f"/api/articles/{a['id']}").json()
    assert "no damage below the water line" in full["text"]
    assert client.get("/api/articles", params={"source": "Valley Courier"}).json()["count"] == 2
    ranged = client.get("/api/articles", params={"start": "2025-04-01", "end": "2025-05-01"}).json()
    assert [x["published"] for x in ranged["articles"]] == ["2025-04-02"]
    assert client.get("/api/articles/nope").status_code == 404


def test_timeline_is_schema_json_with_offsets_into_the_text(loaded: TestClient) -> None:
    doc = loaded.get("/api/timeline", params={"query": "bridge"}).json()
    assert doc["schema"] == "newsline.timeline/1"
    assert len(doc["entries"]) >= 3
    assert len(doc["meta"]["headlines"]) == len(doc["entries"])
    from_dict(doc)  # reads back
    assert "clean" not in doc["meta"]
    required = set(json_schema()["properties"]["entries"]["items"]["required"])
    for e in doc["entries"]:
        assert required <= set(e)
        for s in e["sentences"]:
            src = s["source"]
            text = loaded.get(f"/api/articles/{src['article_id']}").json()["text"]
            assert " ".join(text[src["start"] : src["end"]].split()) == " ".join(s["text"].split())


def test_timeline_by_month(loaded: TestClient) -> None:
    doc = loaded.get("/api/timeline", params={"granularity": "month"}).json()
    assert doc["entries"]
    assert all(e["granularity"] in ("month", "year") for e in doc["entries"])
    assert len({e["time"] for e in doc["entries"]}) == len(doc["entries"])
    auto = loaded.get("/api/timeline", params={"granularity": "auto"}).json()  # as build --granularity auto
    assert [e["date"] for e in auto["entries"]] == sorted(e["date"] for e in auto["entries"])
    assert {e["granularity"] for e in auto["entries"]} <= {"day", "month"} and "dating" in auto["meta"]
    assert loaded.get("/api/timeline", params={"granularity": "week"}).status_code == 422
    assert loaded.get("/api/timeline", params={"start": "2025-05-01", "end": "2025-01-01"}).status_code == 422


def _dates(doc: dict) -> list[str]:
    return [e["date"] for e in doc["entries"]]


def test_edits_persist_across_rebuild_and_restart(loaded: TestClient, store: Path) -> None:
    r = loaded.put("/api/timelines/bridge", json={"query": "bridge", "dates": 4})
    assert r.status_code == 200, r.text
    doc = r.json()
    dates = _dates(doc)
    assert len(dates) >= 3
    drop, keep = dates[0], dates[1]
    doc = loaded.post("/api/timelines/bridge/exclude", json={"date": drop}).json()
    assert drop not in _dates(doc)
    sentence = doc["entries"][-1]["sentences"][0]
    src = sentence["source"]
    doc = loaded.post("/api/timelines/bridge/exclude", json={"article_id": src["article_id"], "start": src["start"]}).json()
    assert all(s["text"] != sentence["text"] for e in doc["entries"] for s in e["sentences"])
    doc = loaded.post("/api/timelines/bridge/pin", json={"date": keep}).json()
    assert {"date": keep} in doc["meta"]["edits"]["pinned"]
    doc = loaded.post("/api/timelines/bridge/entries", json={"date": "2025-07-01", "text": "Our note: the toll stays off."}).json()
    own = [e for e in doc["entries"] if e["date"] == "2025-07-01"]
    assert own and own[0]["sentences"][0] == {"text": "Our note: the toll stays off.", "source": None}

    # rebuild: fewer dates asked for, the pinned one stays, the excluded one stays out
    loaded.put("/api/timelines/bridge", json={"query": "bridge", "dates": 1})
    doc = loaded.get("/api/timelines/bridge").json()
    assert keep in _dates(doc) and drop not in _dates(doc) and "2025-07-01" in _dates(doc)

    # restart: a new app over the same store folder
    fresh = TestClient(create_app(store))
    assert fresh.get("/api/health").json()["articles"] == 6
    again = fresh.get("/api/timelines/bridge").json()
    assert _dates(again) == _dates(doc)
    assert fresh.get("/api/timelines").json()["timelines"] == ["bridge"]
    assert not list((store / "timelines").glob(".*"))  # no temporary files left

    # undo the exclusion
    back = fresh.post("/api/timelines/bridge/exclude", json={"date": drop, "undo": True}).json()
    assert back["meta"]["edits"]["excluded"] == [{"article_id": src["article_id"], "start": src["start"]}]


def test_edit_errors(loaded: TestClient) -> None:
    assert loaded.post("/api/timelines/none/exclude", json={"date": "2025-03-03"}).status_code == 404
    loaded.put("/api/timelines/t1", json={})
    assert loaded.post("/api/timelines/t1/exclude", json={}).status_code == 422
    assert loaded.post("/api/timelines/t1/pin", json={"date": "1999-01-01"}).status_code == 404
    assert loaded.put("/api/timelines/..%2Fx", json={}).status_code in (404, 422)
    assert loaded.put("/api/timelines/a%2Fb", json={}).status_code in (404, 422)
    assert loaded.post("/api/timelines/t1/entries", json={"date": "2025-01-01", "text": ""}).status_code == 422


def test_exports(loaded: TestClient) -> None:
    loaded.put("/api/timelines/bridge", json={"query": "bridge", "title": "The Harlow bridge"})
    loaded.post("/api/timelines/bridge/entries", json={"date": "2025-07-01", "text": "=HYPERLINK(\"x\") our own line"})
    doc = loaded.get("/api/timelines/bridge").json()
    n_sentences = sum(len(e["sentences"]) for e in doc["entries"])

    js = loaded.get("/api/timelines/bridge/export", params={"format": "timelinejs"})
    assert js.status_code == 200 and "attachment" in js.headers["content-disposition"]
    tj = js.json()
    assert tj["title"]["text"]["headline"] == "The Harlow bridge"
    assert len(tj["events"]) == len(doc["entries"])
    first = tj["events"][0]
    y, m, d = doc["entries"][0]["date"].split("-")
    assert first["start_date"] == {"year": y, "month": str(int(m)), "day": str(int(d))}
    assert first["text"]["headline"]
    assert any('<a href="https://herald.example/bridge-closed">' in ev["text"]["text"] for ev in tj["events"])

    rows = list(csv.DictReader(io.StringIO(loaded.get("/api/timelines/bridge/export", params={"format": "csv"}).text)))
    assert len(rows) == n_sentences
    assert {"date", "sentence", "source", "url", "article_id"} <= set(rows[0])
    assert any(r["sentence"].startswith("'=HYPERLINK") for r in rows)  # no formula in a spreadsheet

    md = loaded.get("/api/timelines/bridge/export", params={"format": "md"}).text
    assert "The Harlow bridge" in md and "our own line" in md
    html = loaded.get("/api/timelines/bridge/export", params={"format": "html"}).text
    assert "<html" in html.lower() and "Removed" not in html
    j = json.loads(loaded.get("/api/timelines/bridge/export", params={"format": "json"}).text)
    assert j["schema"] == "newsline.timeline/1" and "edits" not in j["meta"]
    assert loaded.get("/api/timelines/bridge/export", params={"format": "pdf"}).status_code == 422


def test_hostile_article_is_escaped_in_exports(client: TestClient) -> None:
    upload(client, story_files() + [("evil.txt", HOSTILE.encode())])
    client.put("/api/timelines/x", json={"query": "bridge", "dates": 10})
    doc = client.get("/api/timelines/x").json()
    assert any("<script>" in s["text"] for e in doc["entries"] for s in e["sentences"]), "hostile text not chosen"
    html = client.get("/api/timelines/x/export", params={"format": "html"}).text
    assert "<script>window" not in html and "<img src=x" not in html
    assert "&lt;script&gt;" in html
    tj = client.get("/api/timelines/x/export", params={"format": "timelinejs"}).json()
    blob = json.dumps(tj)
    assert "<script>" not in blob and "<img" not in blob


def test_built_timelines_are_kept_on_disk_across_restarts(loaded: TestClient, store: Path) -> None:
    first = loaded.get("/api/timeline", params={"query": "bridge"}).json()
    assert list((store / "cache").glob("*.json"))
    again = TestClient(create_app(store, warm=False)).get("/api/timeline", params={"query": "bridge"}).json()
    assert again["entries"] == first["entries"]
    assert again["meta"]["generated"] == first["meta"]["generated"]  # read back, not rebuilt
    # new articles: a new build
    upload(loaded, [("late.txt", b"Title: Toll ends\nDate: 2025-08-01\n\nThe bridge toll ended on Friday, August 1, 2025.\n")])
    later = loaded.get("/api/timeline", params={"query": "bridge"}).json()
    assert (later["meta"]["articles"], first["meta"]["articles"]) == (7, 6)


def test_background_builds_the_store_outran_are_skipped(loaded: TestClient) -> None:
    from newsline.web.service import Builder, Spec, StaleBuild

    ctx = loaded.app.state.ctx
    builder = Builder(ctx.backend)
    fut = builder._future(Spec(query="bridge"), background=True)
    fut.result()  # current version: built
    stale = builder._pool.submit(builder._build_unless_stale, -1, Spec())
    with pytest.raises(StaleBuild):
        stale.result()
    assert builder.build(Spec(query="bridge"))["entries"] == fut.result()["entries"]

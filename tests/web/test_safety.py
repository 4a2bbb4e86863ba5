"""Upload limits, zip-slip and zip bombs, the token, cross-origin refusal, host names."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from webstory import STORY, story_files, upload, zip_bytes

from newsline.web.app import create_app
from newsline.web.uploads import Limits, MiB, clean_name

GOOD = STORY["herald-bridge-closed.txt"].encode()


def _files_under(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


@pytest.mark.parametrize(
    ("name", "safe"),
    [("a.txt", "a.txt"), ("dir/a.txt", "dir/a.txt"), ("./dir//a.txt", "dir/a.txt"), ("dir\\a.txt", "dir/a.txt"),
     ("../a.txt", None), ("a/../../b.txt", None), ("/etc/passwd", None), ("C:\\win\\a.txt", None),
     ("\\\\server\\share\\a.txt", None), ("..", None), ("", None), ("a\x00b.txt", "ab.txt")],
)  # fmt: skip
def test_clean_name(name: str, safe: str | None) -> None:
    assert clean_name(name) == safe


def test_zip_slip_names_never_leave_the_upload(client: TestClient, tmp_path: Path) -> None:
    members = [("../../evil.txt", GOOD), ("/tmp/evil-abs.txt", GOOD), ("C:\\evil.txt", GOOD),
               ("a/../../../evil2.txt", GOOD), ("ok/good.txt", GOOD), ("__MACOSX/._good.txt", b"x")]  # fmt: skip
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in members:
            z.writestr(zipfile.ZipInfo(name), data)  # ZipInfo keeps the raw name
        link = zipfile.ZipInfo("link.txt")
        link.external_attr = (0o120777 << 16)
        z.writestr(link, "/etc/passwd")
    r = upload(client, [("slip.zip", buf.getvalue())]).json()
    assert r["added"] == 1 and r["files"] == 1
    text = "\n".join(r["problems"])
    assert text.count("unsafe member name") == 4 and "symbolic link" in text and "hidden or system" in text
    everything = _files_under(tmp_path)
    assert [f for f in everything if "evil" in f] == []
    (stored,) = client.get("/api/articles").json()["articles"]
    assert stored["id"] == stored["origin"] == "slip/ok/good.txt"  # as sent, inside the upload
    assert not [f for f in everything if f.endswith(".txt") and "/uploads/" in f]  # read, then removed


def test_zip_bomb_by_ratio_and_by_declared_size(store: Path) -> None:
    client = TestClient(create_app(store, limits=Limits(max_total_bytes=30 * MiB)))
    bomb = zip_bytes([("zeros.txt", b"0" * (20 * MiB)), ("fine.txt", GOOD)])
    r = upload(client, [("bomb.zip", bomb)]).json()
    assert r["added"] == 1 and any("zip bomb" in p for p in r["problems"]), r
    big = zip_bytes([(f"z{i}.txt", b"0" * (8 * MiB)) for i in range(5)])  # declares 40 MiB
    r = upload(client, [("big.zip", big)])
    assert r.status_code == 413 and "inflates" in r.json()["detail"]
    assert not list((store / "uploads").glob(".incoming-*"))


def _lying_zip(true_data: bytes, claimed: int) -> bytes:
    """A zip whose headers claim a smaller inflated size than its data has."""
    raw = bytearray(zip_bytes([("liar.txt", true_data)]))
    real = struct.pack("<I", len(true_data))
    fake = struct.pack("<I", claimed)
    # local header: uncompressed size at offset 22; central directory entry: at offset 24
    local = raw.find(b"PK\x03\x04")
    assert raw[local + 22 : local + 26] == real
    raw[local + 22 : local + 26] = fake
    central = raw.find(b"PK\x01\x02")
    assert raw[central + 24 : central + 28] == real
    raw[central + 24 : central + 28] = fake
    return bytes(raw)


def test_member_inflating_past_its_declared_size_is_dropped(client: TestClient, store: Path) -> None:
    r = upload(client, [("liar.zip", _lying_zip(GOOD * 200, 100)), ("ok.txt", GOOD)]).json()
    assert r["added"] == 1
    assert any("liar.txt" in p for p in r["problems"]), r["problems"]
    assert [f for f in _files_under(store / "uploads") if "liar" in f] == []


def test_count_size_and_member_limits(store: Path) -> None:
    limits = Limits(max_files=3, max_file_bytes=2000, max_request_bytes=50_000, max_zip_members=4)
    client = TestClient(create_app(store, limits=limits))
    r = upload(client, story_files())  # 5 files
    assert r.status_code == 413 and "more than the limit of 3" in r.json()["detail"]
    r = upload(client, [("huge.txt", b"word " * 20_000)])
    assert r.status_code == 413
    r = upload(client, [("big.txt", GOOD + b"more words " * 300), ("ok.txt", GOOD)]).json()
    assert r["added"] == 1 and any("big.txt" in p and "limit" in p for p in r["problems"])
    many = zip_bytes([(f"m{i}.txt", GOOD + str(i).encode()) for i in range(5)])
    r = upload(client, [("many.zip", many)]).json()
    assert r["added"] == 0 and any("more than the limit of 4" in p for p in r["problems"])
    inside = zip_bytes([("inner.zip", zip_bytes([("a.txt", GOOD)]))])
    r = upload(client, [("outer.zip", inside)]).json()
    assert any("zip inside a zip" in p for p in r["problems"])
    assert upload(client, [("../up.txt", GOOD)]).json()["problems"][0].endswith("unsafe file name; skipped")


def test_token_is_needed_for_every_api_request(store: Path) -> None:
    client = TestClient(create_app(store, token="s3cret"))
    assert client.get("/api/health").status_code == 401
    assert client.get("/api/timeline").status_code == 401
    assert upload(client, story_files()).status_code == 401
    assert client.get("/api/health", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.get("/api/health", headers={"Authorization": "Bearer s3cret"}).status_code == 200
    assert client.get("/api/health", headers={"X-Newsline-Token": "s3cret"}).status_code == 200
    assert client.get("/").status_code == 200  # the page itself holds no data; it asks for the token
    ok = upload(client, story_files(), headers={"Authorization": "Bearer s3cret"})
    assert ok.status_code == 200 and ok.json()["added"] == 6


def test_cross_origin_writes_are_refused(store: Path) -> None:
    client = TestClient(create_app(store, token="s3cret"))
    auth = {"Authorization": "Bearer s3cret"}
    evil = {**auth, "Origin": "http://evil.example"}
    assert client.put("/api/timelines/x", json={}, headers=evil).status_code == 403
    assert upload(client, story_files(), headers={"Origin": "http://evil.example"}).status_code == 403
    assert client.put("/api/timelines/x", json={}, headers={**auth, "Sec-Fetch-Site": "cross-site"}).status_code == 403
    assert client.put("/api/timelines/x", json={}, headers={**auth, "Origin": "null"}).status_code == 403
    same = {**auth, "Origin": "http://testserver", "Sec-Fetch-Site": "same-origin"}
    assert client.put("/api/timelines/x", json={}, headers=same).status_code == 200
    # without a token too: a page elsewhere cannot post to a local server
    open_client = TestClient(create_app(store))
    assert upload(open_client, story_files(), headers={"Origin": "http://evil.example"}).status_code == 403


def test_unknown_host_names_are_refused(client: TestClient) -> None:
    r = client.get("/api/health", headers={"Host": "rebind.evil.example"})
    assert r.status_code == 421
    assert client.get("/api/health", headers={"Host": "127.0.0.1:8000"}).status_code == 200
    assert client.get("/api/health", headers={"Host": "localhost:8000"}).status_code == 200


def test_page_headers_forbid_outside_resources(client: TestClient) -> None:
    r = client.get("/")
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "<input" in r.text and 'type="search"' in r.text
    for asset in ("app.js", "api.js", "chart.js", "timeline.js", "upload.js", "style.css"):
        assert client.get(f"/static/{asset}").status_code == 200
    js = "".join(client.get(f"/static/{a}").text for a in ("app.js", "timeline.js", "upload.js", "chart.js"))
    assert "innerHTML" not in js and "insertAdjacentHTML" not in js and "eval(" not in js

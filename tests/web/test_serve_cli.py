"""``newsline serve`` as a user runs it: a real process, a real port, then stopped."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from newsline.cli.main import main


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, token: str | None = None) -> dict:
    req = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"} if token else {})
    with urllib.request.urlopen(req, timeout=5) as r:
        return json.loads(r.read())


def _serve(args: list[str], env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "newsline.cli.main", "serve", *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip


def _wait(url: str, proc: subprocess.Popen, token: str | None = None) -> dict:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"server exited: {proc.stderr.read() if proc.stderr else ''}")
        try:
            return _get(url, token)
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    raise AssertionError("server did not answer")


def _stop(proc: subprocess.Popen) -> str:
    proc.send_signal(signal.SIGINT)
    try:
        _, err = proc.communicate(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
    return err


def test_serve_demo(tmp_path: Path) -> None:
    port = _free_port()
    proc = _serve(["--demo", "--store", str(tmp_path / "s"), "--port", str(port)])
    try:
        health = _wait(f"http://127.0.0.1:{port}/api/health", proc)
        assert health["articles"] == 44
        doc = _get(f"http://127.0.0.1:{port}/api/timeline")
        assert len(doc["entries"]) >= 5
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as r:
            assert b'type="search"' in r.read()
    finally:
        err = _stop(proc)
    assert f"open http://127.0.0.1:{port}/" in err
    assert (tmp_path / "s").is_dir()


def test_other_address_needs_a_token(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    env_token = os.environ.pop("NEWSLINE_TOKEN", None)
    try:
        code = main(["serve", "--host", "0.0.0.0", "--store", str(tmp_path / "s")])
    finally:
        if env_token is not None:
            os.environ["NEWSLINE_TOKEN"] = env_token
    assert code == 2
    err = capsys.readouterr().err
    assert "needs a token" in err and "NEWSLINE_TOKEN" in err and "Traceback" not in err


def test_token_from_the_environment_with_a_warning(tmp_path: Path) -> None:
    port = _free_port()
    env = {**os.environ, "NEWSLINE_TOKEN": "from-env"}
    proc = _serve(["--host", "0.0.0.0", "--port", str(port), "--store", str(tmp_path / "s")], env)
    try:
        assert _wait(f"http://127.0.0.1:{port}/api/health", proc, "from-env")["status"] == "ok"
        with pytest.raises(urllib.error.HTTPError) as no_token:
            _get(f"http://127.0.0.1:{port}/api/health")
        assert no_token.value.code == 401
    finally:
        err = _stop(proc)
    assert "warning: serving on 0.0.0.0" in err


def test_serve_a_store_made_by_index_add_and_demo_twice(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text("Title: Ferry strike\nDate: 2025-02-03\n\nFerry crews went on strike on Monday, "
                                  "February 3, 2025, over pay.\n", encoding="utf-8")  # fmt: skip
    assert main(["index", "add", str(inputs), "--store", str(tmp_path / "s"), "--workers", "1", "-q"]) == 0
    for _ in range(2):  # the demo corpus goes in once: the second start finds it unchanged
        port = _free_port()
        proc = _serve(["--demo", "--store", str(tmp_path / "s"), "--port", str(port)])
        try:
            assert _wait(f"http://127.0.0.1:{port}/api/health", proc)["articles"] == 45
            found = _get(f"http://127.0.0.1:{port}/api/articles?query=ferry")
            assert [a["id"] for a in found["articles"]] == ["a.txt"]
        finally:
            err = _stop(proc)
        assert "45 articles" in err and "Traceback" not in err


def test_a_store_of_an_unknown_version_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "s"
    store.mkdir()
    (store / "manifest.json").write_text(json.dumps({"format": "newsline-store", "schema_version": 99,
                                                     "commit": 1, "shards": [], "changes": []}))  # fmt: skip
    code = main(["serve", "--store", str(store), "--port", str(_free_port())])
    err = capsys.readouterr().err
    assert code != 0 and "99" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_max_articles_must_not_be_negative(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--store", str(tmp_path / "s"), "--max-articles", "-1"]) == 2
    assert "--max-articles must be 0 (all) or more" in capsys.readouterr().err

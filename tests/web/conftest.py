"""Fixtures for the web app tests: a store folder, the app in-process, a loaded store."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web tests need the [web] extra (fastapi)")

from fastapi.testclient import TestClient  # noqa: E402
from webstory import story_files, upload  # noqa: E402

from newsline.web.app import create_app  # noqa: E402


@pytest.fixture
def store(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def client(store: Path) -> TestClient:
    return TestClient(create_app(store))


@pytest.fixture
def loaded(client: TestClient) -> TestClient:
    r = upload(client, story_files())
    assert r.status_code == 200, r.text
    assert r.json()["added"] == 6
    return client

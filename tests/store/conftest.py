"""Fixtures of the store tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from .articles import write_story


@pytest.fixture
def story(tmp_path: Path) -> Path:
    return write_story(tmp_path / "story.jsonl")

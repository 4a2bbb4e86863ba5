"""Shared fixtures. Real benchmark data lives in ../shared/data beside the checkout."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("NEWSLINE_SHARED_DATA", ROOT.parent / "shared" / "data"))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """``../shared/data``; tests using it skip with a reason when it is absent."""
    if not (SHARED_DATA / "t17").is_dir():
        pytest.skip(f"benchmark data not found at {SHARED_DATA} (set NEWSLINE_SHARED_DATA)")
    return SHARED_DATA

"""Reading a real benchmark file (``../shared/data``)."""

from __future__ import annotations

import gzip
import json

import pytest

from newsline.ingest import read


@pytest.mark.slow
def test_read_t17_bpoil(shared_data):
    path = shared_data / "t17" / "bpoil" / "articles.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        raw = [json.loads(line) for line in f if line.strip()]
    res = read([path])
    assert res.problems == [] and res.notes == []
    assert len(res.articles) == len(raw) == 1460
    assert [a.id for a in res.articles] == [r["id"] for r in raw]
    assert all(a.published.isoformat() == r["time"] for a, r in zip(res.articles, raw, strict=True))
    assert all(a.date_source == "field" for a in res.articles)
    assert res.undated == 0 and res.files_read == 1

"""Disagreements with HeidelTime, checked by hand, where HeidelTime is wrong and newsline right.

``heideltime_wrong.tsv`` lists T17 articles (``../shared/data``), the start of
HeidelTime's expression in the article text (after alignment, see
``bench/temporal_compare.py``), HeidelTime's value, the right value (ours)
and why. This test re-runs the tagger on those articles.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import json
from pathlib import Path

import pytest

from newsline.temporal import tag

WRONG = Path(__file__).with_name("heideltime_wrong.tsv")


def _rows() -> list[dict[str, str]]:
    with open(WRONG, newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def test_file_is_well_formed() -> None:
    rows = _rows()
    assert len(rows) >= 50
    for r in rows:
        assert r["ht_value"] != r["our_value"]
        assert r["why"].strip()
        int(r["start"])


@pytest.mark.slow
def test_newsline_gets_heideltime_errors_right(shared_data: Path) -> None:
    rows = _rows()
    wanted = {r["article_id"] for r in rows}
    articles: dict[str, tuple[str, dt.date]] = {}
    for path in sorted((shared_data / "t17").glob("*/articles.jsonl.gz")):
        with gzip.open(path, "rt") as f:
            for line in f:
                d = json.loads(line)
                if d["id"] in wanted:
                    articles[d["id"]] = (d["text"], dt.date.fromisoformat(d["time"][:10]))
    failures = []
    for r in rows:
        text, dct = articles[r["article_id"]]
        start = int(r["start"])
        end = start + len(r["ht_text"])
        assert text[start:end].split() == r["ht_text"].split(), r
        hits = [m for m in tag(text, dct) if m.start < end and start < m.end]
        got = hits[0].value if hits else None
        if got != r["our_value"]:
            failures.append((r["article_id"], r["ht_text"], r["our_value"], got))
    assert not failures, failures

"""Real T17/Entities topics in one store: the same corpora and the same protocol figures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsline
from newsline.cli.main import main
from newsline.store import Store

pytestmark = pytest.mark.slow

TOPICS = (("t17", "mj"), ("t17", "egypt"), ("entities", "Phil_Spector"))


@pytest.fixture(scope="module")
def store(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = Store(tmp_path_factory.mktemp("real") / "news.db")
    for dataset, topic in TOPICS:
        report = store.add(shared_data / dataset / topic / "articles.jsonl.gz", collection=topic)
        assert report.added > 100 and not report.problems
    return store


def test_topic_corpora_equal_prepare(store: Store, shared_data: Path) -> None:
    for dataset, topic in TOPICS:
        articles = newsline.load(shared_data / dataset / topic / "articles.jsonl.gz")
        expected = newsline.prepare(articles)
        got = store.corpus(collection=topic)
        assert got.documents == expected.documents and got.report == expected.report


def test_protocol_from_one_store_keeps_its_figures(store: Store, shared_data: Path, tmp_path: Path) -> None:
    for dataset, topics in (("t17", ["mj", "egypt"]), ("entities", ["Phil_Spector"])):
        a, b = tmp_path / "file.json", tmp_path / "store.json"
        base = ["-q", "eval", str(shared_data / dataset), "--topics", *topics]
        assert main([*base, "--json", str(a)]) == 0
        assert main([*base, "--store", str(store.path), "--json", str(b)]) == 0
        strip = ("seconds", "peak_rss_mb")
        ta = [{k: v for k, v in t.items() if k not in strip} for t in json.loads(a.read_text())["tasks"]]
        tb = [{k: v for k, v in t.items() if k not in strip} for t in json.loads(b.read_text())["tasks"]]
        assert ta == tb and ta

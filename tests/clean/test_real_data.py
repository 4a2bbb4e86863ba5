"""Cleaning and splitting a real benchmark topic (``../shared/data``)."""

from __future__ import annotations

import pytest

from newsline.clean import clean
from newsline.ingest import read
from newsline.text import split_sentences


@pytest.mark.slow
def test_clean_and_split_t17_bpoil(shared_data):
    articles = read([shared_data / "t17" / "bpoil" / "articles.jsonl.gz"]).articles
    cleaned, report = clean(articles)
    assert report.articles_in == 1460
    assert report.articles_out == len(cleaned)
    assert 1400 <= len(cleaned) <= 1460
    assert report.boilerplate_lines > 100  # the Reuters/Guardian comment footers
    assert not any("Views expressed in the comments" in a.text for a in cleaned)
    ids = {a.id for a in articles}
    assert all(a.id in ids for a in cleaned)
    for a in cleaned[::50]:
        for s in split_sentences(a):
            assert a.text[s.start : s.end] == s.text

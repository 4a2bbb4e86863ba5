"""A long-lived worker keeps nothing of the articles it prepared."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from newsline.model import Article
from newsline.store.prepare import prepare_shard
from newsline.temporal import tagger, tenses

from .articles import STORY


def test_prepare_shard_leaves_no_text_in_the_tagger_caches(tmp_path: Path) -> None:
    (tmp_path / "tmp").mkdir()
    batch = [(i, Article(id=aid, title=title, text=text, published=None))
             for i, (aid, _, title, text) in enumerate(STORY)]
    batch.append((len(batch), Article(id="dated", title="t", text=STORY[0][3],
                                      published=dt.date(2021, 3, 1))))
    res = prepare_shard(batch, str(tmp_path), "s0")
    assert len(res) == len(batch)
    assert tenses.tense.cache_info().currsize == 0
    assert not tagger._TRACES

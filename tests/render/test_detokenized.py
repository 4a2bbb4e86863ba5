"""Tokenized summaries read as prose in the human formats; JSON and tilse text stay exact."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from newsline.model import SourceRef, SummarySentence, Timeline, TimelineEntry, TimePoint
from newsline.render import render

TOKENIZED = "Ali , who fled -LRB- by boat -RRB- , said `` it was n't safe '' ."
READABLE = "Ali, who fled (by boat), said \u201cit wasn't safe\u201d."


def _timeline() -> Timeline:
    ref = SourceRef("harbor-17", "Ferry service resumes", "", dt.date(2026, 3, 2), 120, 120 + len(TOKENIZED))
    entry = TimelineEntry(TimePoint.day(dt.date(2026, 3, 1)), (SummarySentence(TOKENIZED, ref),))
    return Timeline((entry,))


@pytest.mark.parametrize("fmt, shown", [("md", READABLE), ("text", READABLE)])
def test_markdown_and_terminal_show_readable_text(fmt, shown):
    out = render(_timeline(), fmt)
    assert shown in " ".join(out.split())
    assert "-LRB-" not in out and " ," not in out


def test_html_shows_readable_text():
    out = render(_timeline(), "html")
    assert "Ali, who fled (by boat), said \u201cit wasn&#x27;t safe\u201d." in out
    assert "-LRB-" not in out


def test_json_keeps_exact_text_and_offsets():
    data = json.loads(render(_timeline(), "json"))
    (sentence,) = data["entries"][0]["sentences"]
    assert sentence["text"] == TOKENIZED
    assert (sentence["source"]["start"], sentence["source"]["end"]) == (120, 120 + len(TOKENIZED))


def test_tilse_text_keeps_exact_text():
    assert render(_timeline(), "tilse").splitlines()[1] == TOKENIZED

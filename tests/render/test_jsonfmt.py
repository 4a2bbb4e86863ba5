from __future__ import annotations

import datetime as dt
import json

import pytest

from newsline.errors import InputError
from newsline.model import Timeline
from newsline.render import jsonfmt


def test_layout_follows_schema_1(timeline):
    data = json.loads(jsonfmt.render(timeline))
    assert data["schema"] == "newsline.timeline/1"
    assert data["query"] == ["spill", "varnell"] and data["method"] == "datewise"
    assert data["meta"]["articles"] == 41
    first, second, month = data["entries"]
    assert first["date"] == "2026-09-03" and first["time"] == "2026-09-03"
    assert first["granularity"] == "day" and first["score"] == 2.5
    assert first["sentences"][0]["source"] == {
        "article_id": "gazette-0904",
        "title": "Hundreds evacuated after solvent spill",
        "url": "https://gazette.example/a/1",
        "published": "2026-09-04",
        "start": 0,
        "end": 96,
    }
    assert second["sentences"][0]["source"] is None
    assert month["date"] == "2026-10-01" and month["time"] == "2026-10"
    assert month["granularity"] == "month"
    assert month["sentences"][0]["source"]["published"] is None


def test_round_trip(timeline):
    again = jsonfmt.loads(jsonfmt.render(timeline))
    assert again == timeline
    assert jsonfmt.render(again) == jsonfmt.render(timeline)


def test_non_json_meta_values_become_text():
    tl = Timeline((), meta={"generated": dt.datetime(2026, 11, 22, 9, 30), "ids": {"b", "a"}})
    data = json.loads(jsonfmt.render(tl))
    assert data["meta"] == {"generated": "2026-11-22T09:30:00", "ids": ["a", "b"]}


def test_non_ascii_kept():
    tl = Timeline.from_pairs([(dt.date(2026, 9, 3), ["Café owner: “we closed”"])])
    assert "Café owner: “we closed”" in jsonfmt.render(tl)


@pytest.mark.parametrize(
    "text",
    [
        "not json",
        "[1, 2]",
        '{"schema": "newsline.timeline/2", "entries": []}',
        '{"schema": "newsline.timeline/1", "entries": [{"sentences": []}]}',
        '{"schema": "newsline.timeline/1", "entries": [{"date": "2026-13-01"}]}',
        '{"schema": "newsline.timeline/1", "entries": [{"date": "2026-01-01", "granularity": "week"}]}',
    ],
)
def test_bad_documents_raise_input_error(text):
    with pytest.raises(InputError, match="not a newsline.timeline/1 document"):
        jsonfmt.loads(text)

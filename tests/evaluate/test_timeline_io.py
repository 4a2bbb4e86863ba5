"""Reading timelines: tilse text, newsline JSON, dataset lines."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from newsline.errors import InputError
from newsline.evaluate.timeline_io import read_timeline, read_timelines
from newsline.model import Granularity
from newsline.render.tilse import loads as timeline_from_text
from newsline.render.tilse import render as timeline_to_text

TILSE = """2010-09-19
The ruptured well is finally sealed .
Second sentence .
--------------------------------
2010-09-17
BP pumps cement .
--------------------------------
"""


def test_tilse_text_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "tl.txt"
    path.write_text(TILSE)
    timeline = read_timeline(path)
    assert timeline.dates == [dt.date(2010, 9, 17), dt.date(2010, 9, 19)]
    assert [s.text for s in timeline.entries[1].sentences] == [
        "The ruptured well is finally sealed .",
        "Second sentence .",
    ]
    assert timeline_from_text(timeline_to_text(timeline)) == timeline


def test_tilse_text_keeps_an_unterminated_last_block() -> None:
    timeline = timeline_from_text("2010-01-12\nQuake hits Haiti .\n")
    assert len(timeline) == 1


def test_newsline_json(tmp_path: Path) -> None:
    data = {
        "schema": "newsline.timeline/1",
        "entries": [
            {
                "date": "2011-02",
                "granularity": "month",
                "sentences": [{"text": "Protests.", "source": {}}],
            },
            {
                "date": "2011-02-11",
                "granularity": "day",
                "sentences": [{"text": "Mubarak resigns."}],
            },
        ],
    }
    path = tmp_path / "tl.json"
    path.write_text(json.dumps(data))
    timeline = read_timeline(path)
    assert [e.time.granularity for e in timeline] == [Granularity.MONTH, Granularity.DAY]
    assert timeline.dates == [dt.date(2011, 2, 1), dt.date(2011, 2, 11)]


def test_dataset_lines_hold_several_timelines(tmp_path: Path) -> None:
    path = tmp_path / "timelines.jsonl"
    lines = [
        [["2010-04-20T00:00:00", ["Rig explodes ."]]],
        [["2010-04-22T00:00:00", ["Rig sinks ."]], ["2010-07-15 00:00:00", ["Capped ."]]],
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    assert [len(t) for t in read_timelines(path)] == [1, 2]
    with pytest.raises(InputError, match="expected one"):
        read_timeline(path)


@pytest.mark.parametrize("content", ["no dates here\n", "{not json", '[["2010-13-45", []]]'])
def test_bad_files_raise_input_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(content)
    with pytest.raises(InputError):
        read_timelines(path)

"""Offsets, non-overlap, tokenized text, missing reference dates, the CLI and date inference."""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
from pathlib import Path

import pytest

from newsline.cli import dates as dates_cli
from newsline.model import TimexType
from newsline.temporal import infer_publication_date, tag

PROSE = (
    "Baghdad, Iraq (BBN)-The Islamic State Saturday released a recording in which its "
    "leader, silent since May, urged fighters to hold Ramadi. \u201cWe will return next "
    "month,\u201d he said on the recording, which was made two days ago. Officials said on "
    "Oct. 17 that 300 people had fled in the last few days; on October 20, 2014 the "
    "ministry confirmed it. Every week more families leave."
)
TOKENIZED = (
    "CAIRO -LRB- Reuters -RRB- - Egypt 's protesters said Jan. 25 , 2011 was only the start . "
    "`` We will march again Friday , '' one said , as the U.S. 's envoy arrived Tuesday "
    "for three days of talks -LRB- see 25 January 2011 -RRB- ."
)
DCT = dt.date(2014, 10, 27)


@pytest.mark.parametrize("text", [PROSE, TOKENIZED])
@pytest.mark.parametrize("dct", [DCT, None])
def test_offsets_sorted_and_non_overlapping(text: str, dct: dt.date | None) -> None:
    mentions = tag(text, dct)
    assert mentions
    for m in mentions:
        assert text[m.start : m.end] == m.text
    for a, b in zip(mentions, mentions[1:], strict=False):
        assert a.end <= b.start


def test_prose_dateline_curly_quotes() -> None:
    found = {m.text: m for m in tag(PROSE, DCT)}
    assert found["Saturday"].value == "2014-10-25"
    assert found["May"].value == "2014-05"
    assert found["next month"].value == "2014-11"
    assert found["two days ago"].value == "2014-10-25"
    assert found["Oct. 17"].value == "2014-10-17"
    assert found["October 20, 2014"].value == "2014-10-20"
    assert found["Every week"].type is TimexType.SET


def test_tokenized_text() -> None:
    found = {m.text: m for m in tag(TOKENIZED, dt.date(2011, 1, 27))}  # a Thursday
    assert found["Jan. 25 , 2011"].value == "2011-01-25"
    assert found["25 January 2011"].value == "2011-01-25"
    assert found["Friday"].value == "2011-01-28"  # "will march again Friday"
    assert found["Tuesday"].value == "2011-01-25"  # "arrived Tuesday"
    assert found["three days"].type is TimexType.DURATION
    assert not any("2011" in m.text and m.type is not TimexType.DATE for m in found.values())


def test_without_reference_date_nothing_is_guessed() -> None:
    for m in tag(PROSE, None):
        if m.kind == "explicit":
            assert m.time is not None
        elif m.kind in ("partial", "relative"):
            assert m.time is None
            assert "X" in m.value or m.value.endswith("_REF")


def test_durations_are_not_dates() -> None:
    ms = tag("The siege lasted three years and the talks took a day.", DCT)
    assert [(m.text, m.type) for m in ms] == [
        ("three years", TimexType.DURATION),
        ("a day", TimexType.DURATION),
    ]
    assert all(m.time is None for m in ms)


def test_months_and_may_as_words_are_not_dates() -> None:
    text = "This may take a while, and they march on. Jan Egeland may speak."
    assert tag(text, DCT) == []


def test_non_years() -> None:
    text = "Resolution 1973 passed; 1500 people and $2011 were counted, 3.2011 too."
    assert [m.text for m in tag(text, DCT)] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CAIRO , Jan. 25 , 2011 -LRB- Reuters -RRB- - Thousands marched .", "2011-01-25"),
        ("Published: 3 May 2014\nThe army said it had retaken the town.", "2014-05-03"),
        ("Crowds grew on Tuesday , January 25 , 2011 in the square.", "2011-01-25"),
        ("The war began on 20 March 2003 and lasted for years.", None),
        ("Crowds grew on Wednesday , January 25 , 2011 in the square.", None),  # wrong weekday
        ("The Islamic State Saturday released an audio message.", None),
        # a stamp line with its time first: "p.m. ET" is no sentence's end
        ("Storm hits\nUpdated 3:15 p.m. ET, Thu March 5, 2015\n(CNN) Snow fell.", "2015-03-05"),
        ("Storm hits\nUpdated 9:05 a.m. EST, March 5, 2015\nSnow fell.", "2015-03-05"),
        ("Snow fell at 3 p.m. on Monday. Officials said March 5, 2015 - a day - was cold.", None),
    ],
)
def test_infer_publication_date(text: str, expected: str | None) -> None:
    got = infer_publication_date(text)
    if expected is None:
        assert got is None
    else:
        assert got is not None
        assert got[0].isoformat() == expected
        assert "\n" not in got[1] and got[1]


def _run_cli(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    dates_cli.add_parser(parser.add_subparsers())
    args = parser.parse_args(["dates", *argv])
    return int(args.func(args))


def _write_articles(path: Path) -> None:
    rows = [
        {"id": "a1", "time": "2011-01-28", "text": "Police said Saturday that 20 April 2010 mattered."},
        {"id": "a2", "time": "2011-01-28", "text": "No dates here at all."},
    ]
    with gzip.open(path, "wt") as f:
        for r in rows:
            f.write(json.dumps(r) + "\n")


def test_cli_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "articles.jsonl.gz"
    _write_articles(path)
    assert _run_cli([str(path), "--format", "json"]) == 0
    lines = capsys.readouterr().out.splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["id"] for r in records] == ["a1", "a2"]
    first = records[0]
    assert first["time"] == "2011-01-28"
    assert [t["value"] for t in first["timexes"]] == ["2011-01-22", "2010-04-20"]
    t = first["timexes"][1]
    assert set(t) == {"text", "type", "value", "start", "end", "granularity", "kind"}
    assert (t["type"], t["granularity"], t["kind"]) == ("DATE", "day", "explicit")
    assert records[1]["timexes"] == []


def test_cli_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "articles.jsonl.gz"
    _write_articles(path)
    assert _run_cli([str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("# a1  2011-01-28")
    assert out[1].split("  ")[:3] == ["12-20", "DATE", "2011-01-22"]


def test_cli_nothing_readable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run_cli([str(tmp_path / "missing.jsonl.gz")]) == 3
    assert capsys.readouterr().err.strip()


def test_a_range_never_reaches_into_a_number_or_the_previous_mention() -> None:
    # "Jan 04-16 Sep 05": "04" is a year, not the first day of a range
    ms = tag("The chart covers 1 Jan 04-16 Sep 05 in the report.", dt.date(2005, 11, 8))
    assert all(m.value != "2005-09-04" for m in ms)
    # a score is not a range of days, and a reversed pair is not one either
    ms = tag("They played on 30-2 June 2009 in the final.", dt.date(2009, 7, 1))
    assert [m.value for m in ms if m.text.endswith("June 2009")] == ["2009-06-02"]
    text = "The summit on June 3-5 , 2009 in Rome ended early."
    ms = tag(text, dt.date(2013, 6, 1))
    assert [(m.text, m.value) for m in ms] == [("June 3-5 , 2009", "2009-06-03")]
    assert all(text[m.start : m.end] == m.text for m in ms)


def test_rereading_an_undated_text_replays_its_scan_with_the_same_mentions() -> None:
    """A text tagged without a DCT and then against dates (what the dating stage
    does) gives the mentions a fresh scan gives, including where the undated
    scan took a different path (a year out of range against one DCT)."""
    from newsline.temporal.tagger import _TRACES, _tag

    texts = [
        "On Saturday the council met again; two years ago, in 2014, it had voted no. "
        "The vote is set for next Tuesday, March 3, and the report came out last month.",
        "Yesterday's storm followed the one of October 17. By the end of the week, "
        "officials said, December 31 would be the deadline, three days after Christmas.",
        "The deal signed on 12 June 2009 ends in mid-January; a year earlier, on Friday, "
        "the firm said the second quarter was its best.",
    ]
    days = [dt.date(2015, 1, 2), dt.date(2016, 12, 30), dt.date(1, 1, 3), dt.date(9999, 12, 29)]
    for text in texts:
        tag(text, None)
        assert text in _TRACES
        for day in days:
            assert tag(text, day) == _tag(text, day)


def test_a_replay_keeps_the_calls_that_read_no_dct_and_reruns_the_others() -> None:
    """The undated scan keeps the outcome of a call that read neither the DCT nor
    what earlier mentions left (a full date, a duration); a relative day or a
    partial date is read again, and the replay gives what a fresh scan gives."""
    from newsline.temporal.tagger import _TRACES, _tag

    text = (
        "On 12 June 2009 the talks, three weeks long, broke down; the week of March 6 "
        "they resumed on May 11-12 , 2009, and on Friday, a day later, the firm said "
        "the next day would tell. June 3 is the deadline."
    )
    tag(text, None)
    known = {m.group(): k for m, _, _, k in _TRACES[text]}
    assert known["12 June 2009"] is not None and known["three weeks"] is not None
    assert known["Friday"] is None and known["June 3"] is None
    for day in (dt.date(2009, 6, 20), dt.date(2010, 1, 2), dt.date(1, 1, 3), dt.date(9999, 12, 29)):
        assert tag(text, day) == _tag(text, day)


def test_forget_scans_drops_the_kept_scans() -> None:
    from newsline.temporal import forget_scans
    from newsline.temporal.tagger import _TRACES

    text = "The inquiry opened on Monday, three weeks after the spill of April 20."
    tag(text, None)
    assert text in _TRACES
    forget_scans()
    assert text not in _TRACES
    assert tag(text, dt.date(2010, 5, 17)) == tag(text, dt.date(2010, 5, 17))

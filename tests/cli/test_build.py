"""`newsline build` and `newsline demo` end to end, including the error paths."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

import pytest

from newsline.cli.main import main
from newsline.model import Granularity
from newsline.render import jsonfmt

STORY = [
    ("2022-05-09", "Harbor crane collapses",
     "A crane collapsed at the Kestrel harbor early Monday, crushing two warehouses. "
     "Port officials said nobody was hurt in the crane collapse at the harbor."),
    ("2022-05-10", "Harbor closed after crane collapse",
     "The Kestrel harbor stayed closed on Tuesday, a day after a crane collapsed onto two warehouses. "
     "Shipping companies diverted twelve vessels away from the harbor."),
    ("2022-05-13", "Harbor reopens",
     "The Kestrel harbor reopened on Friday, four days after the crane collapse on Monday. "
     "Inspectors said the remaining cranes at the harbor were safe to use."),
]


def _write_txt(folder: Path) -> None:
    for day, title, body in STORY:
        (folder / f"{day}-{title.split()[1].lower()}.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")


def test_build_writes_json_with_sources(tmp_path, capsys):
    _write_txt(tmp_path)
    out = tmp_path / "tl.json"
    assert main(["-q", "build", str(tmp_path), "--query", "harbor", "--dates", "2", "-o", str(out)]) == 0
    tl = jsonfmt.loads(out.read_text(encoding="utf-8"))
    assert len(tl) == 2
    assert dt.date(2022, 5, 9) in tl.dates
    for e in tl:
        for s in e.sentences:
            assert "harbor" in s.text.lower()
            assert s.source is not None and s.source.article_id.endswith(".txt")
    assert json.loads(out.read_text())["schema"] == "newsline.timeline/1"


def test_a_query_of_only_excluded_words_needs_no_equals_sign(tmp_path, capsys):
    """`--query -warehouses` stopped with "expected one argument" (argparse took it for an
    option); only `--query=-warehouses` worked. A value that is an option says to use '='."""
    (tmp_path / "in").mkdir()
    _write_txt(tmp_path / "in")
    texts = {}
    for args in (["--query", "-warehouses"], ["-k", "-warehouses"], ["--query=-warehouses"]):
        out = tmp_path / "tl.json"
        assert main(["-q", "build", str(tmp_path / "in"), *args, "--dates", "3", "-o", str(out)]) == 0
        texts[args[0]] = [s.text for e in jsonfmt.loads(out.read_text(encoding="utf-8")) for s in e.sentences]
    assert texts["--query"] == texts["-k"] == texts["--query=-warehouses"] != []
    assert not any("warehouses" in t for t in texts["--query"])
    with pytest.raises(SystemExit) as exc:
        main(["build", str(tmp_path), "--query", "-n", "3"])
    assert exc.value.code == 2
    assert "--query -n: -n is an option; a query that is '-n' is written --query=-n" in capsys.readouterr().err


def test_build_prints_a_terminal_view_without_output_file(tmp_path, capsys):
    _write_txt(tmp_path)
    assert main(["-q", "build", str(tmp_path), "--dates", "2"]) == 0
    assert "2022" in capsys.readouterr().out


def test_build_reads_jsonl_gz(tmp_path):
    path = tmp_path / "arts.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for i, (day, title, body) in enumerate(STORY):
            f.write(json.dumps({"id": f"s{i}", "time": day, "title": title, "text": body}) + "\n")
    out = tmp_path / "tl.txt"
    assert main(["-q", "build", str(path), "-n", "2", "-s", "1", "-o", str(out)]) == 0
    text = out.read_text()
    assert text.count("-" * 32) == 2


def test_missing_input_is_one_line_and_exit_3(tmp_path, capsys):
    code = main(["build", str(tmp_path / "nope")])
    err = capsys.readouterr().err
    assert code == 3
    assert "nope" in err and "Traceback" not in err


def test_some_bad_input_still_builds_and_exits_1(tmp_path, capsys):
    _write_txt(tmp_path)
    (tmp_path / "broken.jsonl").write_text('{"id": "x", "text": "ok text here", "time": "2022-05-10"}\n{not json\n')
    code = main(["-q", "build", str(tmp_path), "-n", "2"])
    err = capsys.readouterr().err
    assert code == 1
    assert "broken.jsonl:2" in err


def test_unknown_output_suffix_is_a_usage_error(tmp_path, capsys):
    _write_txt(tmp_path)
    code = main(["-q", "build", str(tmp_path), "-o", str(tmp_path / "tl.docx")])
    assert code == 2
    assert "Traceback" not in capsys.readouterr().err


def test_start_after_end_is_a_usage_error(tmp_path, capsys):
    _write_txt(tmp_path)
    code = main(["-q", "build", str(tmp_path), "--start", "2022-06-01", "--end", "2022-05-01"])
    assert code == 2
    assert "--start" in capsys.readouterr().err


def test_bad_date_option_is_rejected_by_argparse(tmp_path):
    with pytest.raises(SystemExit) as exc:
        main(["build", str(tmp_path), "--date", "yesterday"])
    assert exc.value.code == 2


def test_demo_prints_and_writes_html(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["demo"]) == 0
    captured = capsys.readouterr()
    assert "September 2026" in captured.out
    html = (tmp_path / "timeline.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") or html.lower().startswith("<!doctype html>")
    assert "http://" not in html.split("<body", 1)[0] and "<script src" not in html


def test_demo_output_format_follows_the_suffix_like_build(tmp_path, capsys):
    out = tmp_path / "demo.json"
    assert main(["-q", "demo", "-o", str(out)]) == 0
    tl = jsonfmt.loads(out.read_text(encoding="utf-8"))
    # ten days, and (--granularity auto, the default) the months only month-precise
    # sentences name: the alarm switched off in June, the bill due in January
    days = [e for e in tl if e.time.granularity is Granularity.DAY]
    months = [e.time.date for e in tl if e.time.granularity is Granularity.MONTH]
    assert len(days) == 10
    assert months == [dt.date(2026, 6, 1), dt.date(2027, 1, 1)]
    # with --dates N, N entries in all: the months take the place of the weakest days
    # (it gave N + N/4 entries); none below N = 4
    for n, n_months in ((10, 2), (4, 1), (3, 0)):
        assert main(["-q", "demo", "--dates", str(n), "-o", str(out)]) == 0
        asked = jsonfmt.loads(out.read_text(encoding="utf-8"))
        got = [e.time for e in asked if e.time.granularity is Granularity.MONTH]
        assert len(asked) == n and len(got) == n_months, (n, [str(e.time) for e in asked])
        assert {e.time for e in asked if e.time.granularity is Granularity.DAY} <= {e.time for e in days}
    capsys.readouterr()
    # a suffix that names no format is refused before anything is written
    assert main(["-q", "demo", "-o", str(tmp_path / "demo.xyz")]) != 0
    captured = capsys.readouterr()
    assert "cannot tell the output format" in captured.err
    assert "September 2026" not in captured.out  # refused before the build
    assert not (tmp_path / "demo.xyz").exists()


@pytest.mark.slow
def test_t17_egypt_timeline(shared_data, tmp_path):
    out = tmp_path / "egypt.json"
    src = shared_data / "t17" / "egypt" / "articles.jsonl.gz"
    assert main(["-q", "build", str(src), "--query", "egypt", "--dates", "20", "-o", str(out)]) == 0
    tl = jsonfmt.loads(out.read_text(encoding="utf-8"))
    days = {e.date for e in tl if e.time.granularity is Granularity.DAY}
    # 20 entries in all: months named by several articles and no day entry take the weakest days' place
    assert len(tl) == 20 and 15 <= len(days) < 20
    # The first day of protests and Mubarak's resignation are the story's key dates.
    assert dt.date(2011, 1, 25) in days
    assert dt.date(2011, 2, 11) in days
    assert all(dt.date(2011, 1, 1) <= d <= dt.date(2011, 12, 31) for d in days)


def test_undated_article_is_listed_undated_and_with_date_builds(tmp_path, capsys):
    art = tmp_path / "scraped.txt"
    art.write_text(
        "Ferry service resumes\n\nThe island ferry resumed service on Saturday after a week of storms. "
        "Harbor officials said Saturday that all routes would run by Monday.\n",
        encoding="utf-8",
    )
    # nothing dates it: listed in an undated section, not an error (issue 15)
    assert main(["build", str(art), "-f", "md"]) == 0
    out, err = capsys.readouterr()
    assert "## Undated articles" in out
    assert "--date" in err and "Traceback" not in err
    # the terminal view lists it too, with its key sentences
    assert main(["build", str(art), "-q"]) == 0
    out = capsys.readouterr().out
    assert "Undated articles" in out and "The island ferry resumed service" in out
    assert main(["build", str(art), "-q", "--date", "2023-03-13"]) == 0
    assert "Saturday 11 March 2023" in capsys.readouterr().out


def test_no_entry_from_dated_mentions_says_why(tmp_path, capsys):
    """Dated mentions that give no entry: the window, the query or the sentences' length
    is named, not 'the articles mention no resolvable date' (and --date as the help)."""
    dated = tmp_path / "dated.txt"
    dated.write_text(
        "Date: 2016-01-25\n\nTalks on the harbour strike resumed in Tarn on Monday, the union said.\n",
        encoding="utf-8",
    )
    run_on = tmp_path / "run-on.txt"
    run_on.write_text(
        "Notes\n" + " ".join(["the harbour strike went on and on Monday"] * 20) + "\n",
        encoding="utf-8",
    )
    cases = [
        ([str(dated), "--start", "2020-01-01"], "falls between --start and --end"),
        ([str(dated), "-k", "zebra"], "matches --query"),
        ([str(run_on), "--date", "2016-01-25"], "too long or too short for a summary"),
    ]
    for args, why in cases:
        assert main(["-q", "build", *args]) == 3
        err = capsys.readouterr().err
        assert why in err and "mention no resolvable date" not in err

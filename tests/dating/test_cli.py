"""``newsline build`` on undated input: estimates shown, undated listed, per-file dates."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from newsline.cli.main import main

from .test_undated_folder import ARTICLES

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT.parent / "shared" / "samples" / "baghdadi-audio-ramadi.txt"


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    for name, (_, text) in ARTICLES.items():
        (d / name).write_text(text + "\n", encoding="utf-8")
    return d


def test_undated_folder_json_shows_estimates_and_undated(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "t.json"
    assert main(["-q", "build", str(folder), "-k", "ferry,islands", "-o", str(out)]) == 0
    meta = json.loads(out.read_text(encoding="utf-8"))["meta"]
    assert meta["dating"]["undatable"] == 1
    assert [u["article_id"] for u in meta["undated"]][0].endswith("column.txt")
    est = next(iter(meta["date_estimates"].values()))
    assert {"earliest", "latest", "best", "precision", "confidence", "evidence"} <= set(est)


def test_markdown_marks_estimated_entries(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-q", "build", str(folder), "-k", "ferry,islands", "-f", "md"]) == 0
    text = capsys.readouterr().out
    assert "## Undated articles" in text
    assert "<details><summary>≈ Estimated publication dates</summary>" in text


def test_terminal_view_marks_estimated_entries(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The default view says which dates rest on an estimate, as Markdown and HTML do."""
    assert main(["-q", "build", str(folder), "-k", "ferry,islands"]) == 0
    text = capsys.readouterr().out
    assert "\n≈ Estimated publication dates\n" in text
    assert "dateline 2024-03-12" in " ".join(text.split())
    assert any(line.startswith("≈ ") and line[2:3].isupper() for line in text.splitlines()[:-3])
    assert "harbour-aground.txt (≈ 2024-03-12)" in text  # its source, dated by the estimate


def test_dates_from_and_date_only_fill_the_rest(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dates = tmp_path / "dates.csv"
    dates.write_text("path,date\ncolumn.txt,2024-05-01\nnope.txt,20x\n", encoding="utf-8")
    out = tmp_path / "t.json"
    code = main(["build", str(folder), "--dates-from", str(dates), "--date", "2024-06-01",
                 "-o", str(out)])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 0
    assert "1 of 5 articles dated from" in err
    assert "dates.csv:3: not a date" in err
    assert "harbour-aground.txt: --date 2024-06-01 contradicts the evidence" in err
    meta = json.loads(out.read_text(encoding="utf-8"))["meta"]
    assert meta["dating"]["undatable"] == 0


def test_dates_from_names_the_paths_that_match_no_article(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A typo in a dates file is said, not silently ignored."""
    dates = tmp_path / "dates.csv"
    dates.write_text("column.txt,2024-05-01\ncolumn.tx,2024-05-02\n", encoding="utf-8")
    for command in ("build", "dates"):
        main([command, str(folder), "--dates-from", str(dates), "-o", str(tmp_path / "t.json")])
        err = capsys.readouterr().err
        assert f"{dates}: 1 path matches no input article: 'column.tx'" in err
        assert "'column.txt'" not in err


def test_dates_command_takes_the_input_options_of_build(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``dates`` reads a CSV whose columns need --field, as its skip line says."""
    export = tmp_path / "export.csv"
    export.write_text(
        "Kop,Tekst,Datum\nBrug,The Tarn bridge reopened on Monday after repairs.,03/04/2019\n",
        encoding="utf-8",
    )
    assert main(["-q", "dates", str(export)]) == 3
    assert "--field text=COLUMN" in capsys.readouterr().err
    fields = ["--field", "text=Tekst", "--field", "date=Datum", "--dayfirst"]
    assert main(["-q", "dates", str(export), *fields]) == 0
    assert "2019-04-03  1 expressions\n" in capsys.readouterr().out


def test_nothing_at_all_is_e101_saying_what_would_help(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text("Rain.\n", encoding="utf-8")
    assert main(["build", str(tmp_path / "a.txt"), "-k", "ferry"]) == 3
    assert "--dates-from FILE" in capsys.readouterr().err


@pytest.mark.skipif(not SAMPLE.is_file(), reason=f"sample not found at {SAMPLE}")
def test_the_scraped_sample_alone_exits_0(tmp_path: Path) -> None:
    out = tmp_path / "t.json"
    assert main(["-q", "build", str(SAMPLE), "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["entries"] or data["meta"]["undated"]


def test_granularity_month_merges_and_auto_adds_month_entries(tmp_path: Path) -> None:
    d = tmp_path / "g"
    d.mkdir()
    (d / "a.txt").write_text(
        "Date: 2024-03-12\n\nThe Brennick ferry ran aground on Monday night with 41 people on "
        "board, the harbour master of Brennick said.\n",
        encoding="utf-8",
    )
    (d / "b.txt").write_text(
        "Date: 2024-03-20\n\nThe Brennick ferry inquiry opened on Tuesday in the town hall of "
        "Brennick, the harbour board said.\n"
        "The Brennick ferry had been refitted in June 2023 at the yard in Tarn harbour.\n",
        encoding="utf-8",
    )
    out = tmp_path / "m.json"
    assert (
        main(["-q", "build", str(d), "-k", "ferry", "--granularity", "month", "-o", str(out)]) == 0
    )
    entries = json.loads(out.read_text(encoding="utf-8"))["entries"]
    assert [(e["time"], e["granularity"]) for e in entries] == [("2024-03", "month")]
    assert len(entries[0]["sentences"]) >= 2
    assert (
        main(["-q", "build", str(d), "-k", "ferry", "--granularity", "auto", "-o", str(out)]) == 0
    )
    times = [e["time"] for e in json.loads(out.read_text(encoding="utf-8"))["entries"]]
    assert "2023-06" in times and any(len(t) == 10 for t in times)


def test_html_marks_estimated_entries_with_their_evidence(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["-q", "build", str(folder), "-k", "ferry,islands", "-f", "html"]) == 0
    html = capsys.readouterr().out
    assert '<span class="approx" title="estimated: ' in html
    assert "dateline 2024-03-12" in html
    assert '<section class="undated"><h2>Undated articles</h2>' in html


def test_dates_command_dates_undated_articles_as_build_does(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``newsline dates`` runs the dating stage: the dateline article gets its day, a
    "Tuesday" in an article estimated within a week resolves to the day the week
    leaves, and an article nothing dates stays undated until ``--date`` fills it."""
    out = tmp_path / "d.jsonl"
    assert main(["-q", "dates", str(folder), "--format", "json", "-o", str(out)]) == 0
    records = {Path(r["id"]).name: r for r in map(json.loads, out.read_text().splitlines())}
    aground = records["harbour-aground.txt"]
    assert (aground["time"], aground["date_source"]) == ("2024-03-12", "estimated")
    assert aground["estimate"]["precision"] == "day"
    cut_off = records["island-cut-off.txt"]
    assert cut_off["time"] is None and cut_off["estimate"]["earliest"] <= "2024-03-13"
    tuesday = next(t for t in cut_off["timexes"] if t["text"] == "Tuesday")
    assert tuesday["value"] == "2024-03-12"
    assert records["column.txt"]["time"] is None and "estimate" not in records["column.txt"]

    assert main(["-q", "dates", str(folder), "--date", "2024-05-01"]) == 0
    text = capsys.readouterr().out
    assert "# column.txt  2024-05-01 (from --date)" in text.replace(str(folder) + "/", "")
    assert "harbour-aground.txt  2024-03-12 (estimated: " in text


def test_one_note_counts_what_the_dating_stage_did(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build", str(folder), "-k", "ferry,islands", "-o", str(tmp_path / "t.json")]) == 0
    err = capsys.readouterr().err
    assert (
        "5 of 5 articles had no publication date: 1 dated to a day and 3 to an interval "
        "from their text and similar articles"
    ) in err
    assert "; 1 could not be dated" in err and "--dates-from FILE" in err


def test_dates_file_takes_other_delimiters_and_date_forms(tmp_path: Path) -> None:
    """No header and a numeric first date (03/02/2016 was taken for a header and
    dropped without a word), ';' between the columns, written dates, day first
    decided by the file's values as in a CSV export."""
    from newsline.dating.given import read_dates_file

    f = tmp_path / "dates.csv"
    f.write_text("a.txt;03/02/2016\nb.txt;25/03/2015\nc.txt;March 5, 2015\nd.txt;soon\n")
    dates, problems = read_dates_file(f)
    assert dates == {
        "a.txt": dt.date(2016, 2, 3),
        "b.txt": dt.date(2015, 3, 25),
        "c.txt": dt.date(2015, 3, 5),
    }
    assert [str(p) for p in problems] == [f"{f}:4: not a date (YYYY-MM-DD): 'soon'"]
    g = tmp_path / "header.csv"
    g.write_text("path,date\na.txt,2016-02-03\n")
    assert read_dates_file(g) == ({"a.txt": dt.date(2016, 2, 3)}, [])


def test_two_undated_scraped_stories_give_their_months_and_no_wrong_year(tmp_path: Path) -> None:
    # the first case, in stories of our own: no date anywhere, a year apart
    d = tmp_path / "scraped"
    d.mkdir()
    (d / "port.txt").write_text(
        "Kelvale (XNA) - Rebels marched through the streets of Kelvale on Sunday, residents said.\n"
        "The rebels seized the port city in June 2014 and their leader proclaimed a new state "
        "from the steps of the old customs house days later.\n"
        "He was jailed by the army in 2004 and freed years later, officials have said.\n"
        "On October 17 the army announced an offensive to retake the port, and commanders said "
        "last week that it would take months.\n",
        encoding="utf-8",
    )
    (d / "dam.txt").write_text(
        "Tollworth (XNA) - Government troops entered the centre of Tollworth on Monday after "
        "weeks of fighting, the defence ministry said.\n"
        "The town fell to the rebels in May 2015 after a dust storm let them overrun the army's "
        "posts on the dam road.\n"
        "Officials said on Tuesday that engineers were clearing mines from the main roads.\n",
        encoding="utf-8",
    )
    out = tmp_path / "t.json"
    assert main(["-q", "build", str(d), "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    entries = [(e["time"], e["granularity"]) for e in data["entries"]]
    # the months the stories name, as month entries (the default --granularity auto)
    assert ("2014-06", "month") in entries and ("2015-05", "month") in entries
    # no day: "October 17" has no year the text allows (2004 is before June 2014)
    assert all(g != "day" for _, g in entries)
    # and both are listed among the articles that could not be dated, with their sentences
    assert len(data["meta"]["undated"]) == 2


def test_a_month_of_dated_and_estimated_articles_marks_each_estimated_sentence(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The merged March entry stands on a dated article, so it has no "≈"; the sentence
    in it that only the estimated publication day dates had no mark in any view."""
    (folder / "sailing.txt").write_text(
        "Date: 2024-03-20\n\nFerry to sail again\n\nThe ferry company said on March 20, 2024 that "
        "the Maud Ellery would sail to Tarn Island again next month. Divers found the hull of the "
        "ferry sound.\n",
        encoding="utf-8",
    )
    base = ["-q", "build", str(folder), "-k", "ferry,islands", "--granularity", "month"]
    out = tmp_path / "t.json"
    assert main([*base, "-o", str(out)]) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    (march,) = [e for e in doc["entries"] if e["time"] == "2024-03"]
    assert "2024-03" not in doc["meta"].get("estimated_entries", {})
    marked = doc["meta"]["estimated_sentences"]["2024-03"]
    suspended = next(s for s in march["sentences"] if s["text"].startswith("The ferry company suspended"))
    assert marked == [{"article_id": suspended["source"]["article_id"], "start": suspended["source"]["start"]}]
    capsys.readouterr()
    views = {}
    for fmt in ("md", "html", "text"):
        assert main([*base, "-f", fmt]) == 0
        views[fmt] = capsys.readouterr().out
    assert "\n- ≈ The ferry company suspended all crossings" in views["md"]
    assert "\n- The ferry company said on March 20, 2024" in views["md"]  # a firm date: no mark
    assert '≈</span> The ferry company suspended all crossings' in views["html"]
    assert "- ≈ The ferry company suspended all crossings" in views["text"]
    assert views["text"].count("- ≈ ") == 1


def test_dates_n_bounds_auto_month_entries_and_a_lone_month_displaces_no_day(tmp_path: Path) -> None:
    """`--dates N` with the default auto gave up to N + N/4 entries. A month that one
    article names only fills room the day entries leave; it takes no day's place."""
    d = tmp_path / "g"
    d.mkdir()
    events = ["ran aground", "was towed to the yard", "was inspected by divers", "got a new hull plate",
              "passed its sea trial"]  # fmt: skip
    for i, what in enumerate(events):
        day = 11 + 2 * i
        extra = " The Brennick ferry had been refitted in June 2023 at the yard in Tarn harbour." if i == 0 else ""
        (d / f"{i}.txt").write_text(
            f"Date: 2024-03-{day}\n\nThe Brennick ferry {what} on March {day}, 2024, the harbour master of "
            f"Brennick said on that day.{extra}\n",
            encoding="utf-8",
        )
    out = tmp_path / "m.json"
    got = {}
    for n in (4, 8):
        assert main(["-q", "build", str(d), "-k", "ferry", "--dates", str(n), "-o", str(out)]) == 0
        got[n] = [e["time"] for e in json.loads(out.read_text(encoding="utf-8"))["entries"]]
    assert len(got[4]) == 4 and "2023-06" not in got[4]
    assert "2023-06" in got[8] and len(got[8]) == 6  # the five days, and the month in the room left

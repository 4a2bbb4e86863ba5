"""`newsline index add|info` and `newsline build --store`, end to end through main()."""

from __future__ import annotations

import json
from pathlib import Path

from newsline.cli.main import main
from newsline.render import jsonfmt

from .articles import write_generated


def _entries(path: Path) -> list[tuple[str, list[tuple[str, str, int, int]]]]:
    tl = jsonfmt.loads(path.read_text(encoding="utf-8"))
    return [
        (str(e.time), [(s.text, s.source.article_id, s.source.start, s.source.end) for s in e.sentences])
        for e in tl
    ]


def test_index_add_info_json(story: Path, tmp_path: Path, capsys) -> None:
    db = tmp_path / "news.db"
    assert main(["-q", "index", "add", str(story), "--store", str(db), "--workers", "1"]) == 0
    assert main(["index", "add", str(story), "--store", str(db), "--workers", "1"]) == 0
    assert "0 added, 0 updated, 5 unchanged" in capsys.readouterr().err
    assert main(["index", "info", "--store", str(db), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["articles"] == 5 and info["schema_version"] == 4
    assert info["first_date"] == "2021-03-01" and info["last_date"] == "2021-03-19"
    assert info["publication_dates"] == 5 and info["sentences"] >= 14 and info["dated_mentions"] >= 8
    assert info["size_bytes"] > 0 and info["commits"] == 1 and info["last_update"]
    assert main(["index", "info", "--store", str(db)]) == 0
    assert "articles: 5" in capsys.readouterr().out


def test_index_errors_are_one_line(tmp_path: Path, capsys) -> None:
    assert main(["index", "info", "--store", str(tmp_path / "none.db")]) == 3
    assert main(["index", "add", str(tmp_path / "missing"), "--store", str(tmp_path / "s")]) == 3
    err = capsys.readouterr().err
    assert "no store at" in err and "no such file" in err and "Traceback" not in err
    assert main(["build", "--store", str(tmp_path / "none.db")]) == 3


def test_a_store_path_that_cannot_be_a_folder_and_ignored_options_exit_2(
    story: Path, tmp_path: Path, capsys
) -> None:
    """A file at the store's path is an output error (exit 2, one line), not a bug (exit 4);
    --dates-from and --urls, which a store build would ignore, are refused."""
    a_file = tmp_path / "notes.txt"
    a_file.write_text("not a store\n", encoding="utf-8")
    for store in (a_file, a_file / "sub"):
        assert main(["index", "add", str(story), "--store", str(store), "--workers", "1"]) == 2
        err = capsys.readouterr().err
        assert f"cannot create the store folder {store}" in err and "internal error" not in err
    db = tmp_path / "s"
    assert main(["-q", "index", "add", str(story), "--store", str(db), "--workers", "1"]) == 0
    dates = tmp_path / "dates.csv"
    dates.write_text("x.txt,2021-03-01\n", encoding="utf-8")
    assert main(["build", "--store", str(db), "--dates-from", str(dates)]) == 2
    assert main(["build", "--store", str(db), "--urls", str(dates)]) == 2
    err = capsys.readouterr().err
    assert "--dates-from dates INPUT files" in err and "or --store, not both" in err


def test_index_add_takes_the_input_options_of_build(tmp_path: Path, capsys) -> None:
    """A CSV whose columns need --field (the skip line says so) can be added to a store,
    its day-first dates read as --dayfirst says; caps apply as for build."""
    export = tmp_path / "export.csv"
    export.write_text(
        "Kop;Tekst;Datum\n"
        "Brug open;The Tarn bridge reopened on Monday after repairs, the council said.;03/04/2019\n",
        encoding="utf-8",
    )
    db = tmp_path / "s"
    assert main(["index", "add", str(export), "--store", str(db), "--workers", "1"]) == 3
    assert "--field text=COLUMN" in capsys.readouterr().err
    fields = ["--field", "text=Tekst", "--field", "title=Kop", "--field", "date=Datum"]
    args = ["-q", "index", "add", str(export), "--store", str(db), "--workers", "1", *fields]
    assert main([*args, "--max-file-size", "10"]) == 3
    assert main([*args, "--dayfirst"]) == 0
    assert main(["index", "info", "--store", str(db), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["articles"] == 1 and info["first_date"] == "2019-04-03"


def test_index_add_exits_0_on_a_warning_about_a_kept_article(tmp_path: Path, capsys) -> None:
    """As build: a dropped date is said, the article stored, and nothing was skipped."""
    f = tmp_path / "a.jsonl"
    text = "The Tarn ferry sailed again on Monday after the storm, the harbour said."
    f.write_text(json.dumps({"id": "a", "text": text, "date": "2021-02-30"}) + "\n")
    assert main(["index", "add", str(f), "--store", str(tmp_path / "s"), "--workers", "1"]) == 0
    assert "a.jsonl:1: unreadable date '2021-02-30'" in capsys.readouterr().err
    assert main(["build", str(f), "-q", "--date", "2021-03-01"]) == 0


def test_index_add_partial_input_exits_1(story: Path, tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": "A line of text on March 3, 2021."}\n{not json\n')
    code = main(["index", "add", str(story), str(bad), "--store", str(tmp_path / "s"), "--workers", "1"])
    assert code == 1
    assert "bad.jsonl:2" in capsys.readouterr().err


def test_build_store_equals_build_file(story: Path, tmp_path: Path) -> None:
    gen = write_generated(tmp_path / "gen.jsonl", 60, seed=5)
    db = tmp_path / "s"
    assert main(["-q", "index", "add", str(story), str(gen), "--store", str(db), "--batch", "9"]) == 0
    for extra in ([], ["--dates", "4", "--sentences", "1"], ["--query", "the"]):
        a, b = tmp_path / "file.json", tmp_path / "store.json"
        assert main(["-q", "build", str(story), str(gen), *extra, "-o", str(a)]) == 0
        assert main(["-q", "build", "--store", str(db), *extra, "-o", str(b)]) == 0
        assert _entries(a) == _entries(b) and _entries(a)


def test_build_store_dates_undated_articles_as_build_file_does(tmp_path: Path) -> None:
    """Undated articles from a store get the dating stage's estimates, as from files."""
    folder = tmp_path / "undated"
    folder.mkdir()
    for name, text in UNDATED.items():
        (folder / name).write_text(text + "\n", encoding="utf-8")
    db = tmp_path / "s"
    assert main(["-q", "index", "add", str(folder), "--store", str(db), "--workers", "1"]) == 0
    a, b = tmp_path / "file.json", tmp_path / "store.json"
    assert main(["-q", "build", str(folder), "-o", str(a)]) == 0
    assert main(["-q", "build", "--store", str(db), "-o", str(b)]) == 0
    assert _entries(a) == _entries(b) and _entries(a)
    meta_a = json.loads(a.read_text(encoding="utf-8"))["meta"]["dating"]
    meta_b = json.loads(b.read_text(encoding="utf-8"))["meta"]["dating"]
    assert meta_a == meta_b and meta_b["estimated_days"] + meta_b["intervals"] > 0


UNDATED = {
    "dam-vote.txt": (
        "ORLEBY, Friday 4 October 2024 - The Orleby town council voted on Thursday to close the "
        "old Kessel dam to traffic after engineers found cracks in its crest. The council said "
        "the closure would last until the repairs are finished next spring."
    ),
    "dam-detour.txt": (
        "Drivers faced long detours on Monday after the Kessel dam closed to traffic, the "
        "Orleby council said. The council voted last week to close the dam after engineers "
        "found cracks in its crest, and buses to the valley now take the hill road."
    ),
    "dam-repairs.txt": (
        "ORLEBY, Tuesday 12 November 2024 - Repairs to the Kessel dam began on Monday, the "
        "Orleby council said. The dam has been closed to traffic since October 4, 2024, when "
        "engineers found cracks in its crest."
    ),
}


def test_build_store_says_when_the_query_selection_was_cut(story: Path, tmp_path: Path,
                                                          capsys) -> None:
    db, out = tmp_path / "s", tmp_path / "tl.json"
    assert main(["-q", "index", "add", str(story), "--store", str(db), "--workers", "1"]) == 0
    capsys.readouterr()
    assert main(["build", "--store", str(db), "--query", "strike OR harbour", "--max-articles", "2",
                 "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "the query selects 4 articles: the 2 most relevant were used" in err
    assert main(["build", "--store", str(db), "--query", "strike OR harbour", "--max-articles", "0",
                 "-o", str(out)]) == 0
    assert "most relevant" not in capsys.readouterr().err

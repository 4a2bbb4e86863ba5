"""One exit-code rule for every command, and a summary where read = used + skipped."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import newsline.cli.build as build_cli
from newsline.cli.main import main
from newsline.ingest import read

ARTICLE = (
    "Date: 2010-05-24\n\nOil well capped\n\n"
    "On Monday, May 24, 2010, engineers capped the leaking well in the gulf. "
    "Officials had met on Friday, May 21, 2010, to approve the plan.\n"
)


def _record(i: int) -> str:
    return json.dumps({"id": f"r{i}", "time": "2010-05-24", "text": ARTICLE.split("\n\n", 2)[2]})


def _mixed(tmp_path: Path) -> Path:
    """A folder whose item count is known: 9 items, 5 usable."""
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE)  # used
    (folder / "b.txt").write_text(ARTICLE.replace("Oil", "Gas"))  # used
    (folder / "empty.txt").write_text("")  # skipped: empty
    os.mkfifo(folder / "pipe.txt")  # skipped: not a regular file
    lines = [_record(1), "{not json", "[1, 2]", json.dumps({"id": "x", "text": " "}), _record(2), _record(3)]
    (folder / "r.jsonl").write_text("\n".join(lines) + "\n")  # 3 used, 3 skipped
    return folder


def test_summary_counts_every_item(tmp_path: Path) -> None:
    result = read([_mixed(tmp_path)])
    assert len(result.articles) == 5
    assert dict(result.skipped) == {"empty": 1, "not a regular file": 1, "malformed": 2, "no text": 1}
    assert result.items_read == 10 == len(result.articles) + sum(result.skipped.values())
    assert len(result.problems) == 5  # one line per skipped item


def test_cli_summary_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["dates", str(_mixed(tmp_path))])
    err = capsys.readouterr().err
    assert code == 1
    assert "newsline: 10 items read: 5 used, 5 skipped (1 empty, 2 malformed, 1 no text, 1 not a regular file)" in err


def test_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good"
    good.mkdir()
    (good / "a.txt").write_text(ARTICLE)
    out = tmp_path / "tl.json"
    assert main(["-q", "build", str(good), "-o", str(out)]) == 0  # all read
    assert main(["-q", "build", str(_mixed(tmp_path)), "-o", str(out)]) == 1  # some skipped
    assert main(["-q", "build", str(good), "-o", str(good / "a.txt")]) == 2  # output is an input
    assert main(["-q", "build", str(good), "-o", str(tmp_path / "x.docx")]) == 2  # usage
    assert main(["-q", "build", str(tmp_path / "missing")]) == 3  # nothing usable
    assert main(["-q", "dates", str(tmp_path / "missing")]) == 3
    assert main(["-q", "score", str(tmp_path / "missing"), str(tmp_path / "missing")]) == 3
    assert main(["build"]) == 2  # usage: neither INPUT nor --store
    with pytest.raises(SystemExit) as exc:
        main(["build", "--dates", "x"])  # argparse: usage
    assert exc.value.code == 2
    capsys.readouterr()


def test_a_bug_is_one_line_exit_4_and_v_shows_the_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug\nwith a second line")

    monkeypatch.setattr(build_cli, "make_timeline", broken)  # an injected fault, to meet the handler
    assert main(["-q", "build", str(tmp_path / "a.txt"), "-o", "-"]) == 4
    err = capsys.readouterr().err
    assert err.strip().splitlines() == [
        "newsline: internal error: RuntimeError: a bug\\nwith a second line (run again with -v for the traceback)"
    ]
    assert main(["-v", "-q", "build", str(tmp_path / "a.txt"), "-o", "-"]) == 4
    err = capsys.readouterr().err
    assert "Traceback" in err and err.strip().splitlines()[-1].startswith("newsline: internal error")

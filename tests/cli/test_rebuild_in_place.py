"""A timeline written into the input folder is skipped on the next build, and may be rewritten."""

from __future__ import annotations

from pathlib import Path

from newsline.cli.main import main

ARTICLE = """Title: Harbor closed
Date: 2019-04-03

The city closed the harbor on Monday after the storm. Officials said repairs would take weeks.
"""


def test_build_twice_into_the_input_folder(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "timeline.md"
    assert main(["-q", "build", str(tmp_path), "-o", str(out)]) == 0
    first = out.read_text(encoding="utf-8")
    assert "harbor" in first
    # the second run meets its own earlier output: skipped with a line (exit 1), not read
    assert main(["-q", "build", str(tmp_path), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "a timeline written by newsline, not an article" in err
    assert "1 articles read" in err or "2 items read: 1 used, 1 skipped" in err
    assert out.read_text(encoding="utf-8").count("## 2019-04-01") == 1

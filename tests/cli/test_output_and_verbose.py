"""`newsline build` output paths and -v: missing folders are created, -v tells each stage."""

from __future__ import annotations

import json

from newsline.cli.main import main

TEXT = (
    "Title: Pier closed\nDate: 2022-05-09\n\n"
    "The north pier at Kestrel closed on 9 May 2022 after a storm bent its railings.\n"
    "Repairs will take until 13 June 2022, the harbour office said on Monday.\n"
)


def test_output_into_missing_folders_is_created(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    out = tmp_path / "reports" / "2022" / "may" / "t.json"
    assert main(["build", str(tmp_path / "a.txt"), "-o", str(out), "-q"]) == 0
    assert json.loads(out.read_text())["entries"]
    assert "Traceback" not in capsys.readouterr().err


def test_verbose_says_what_each_stage_did(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    assert main(["build", str(tmp_path / "a.txt"), "-o", str(tmp_path / "t.md")]) == 0
    quiet = capsys.readouterr().err
    assert main(["build", str(tmp_path / "a.txt"), "-o", str(tmp_path / "t.md"), "-v"]) == 0
    loud = capsys.readouterr().err
    for stage in ("clean:", "text:", "temporal:", "timeline:"):
        assert f"newsline: {stage}" in loud and f"newsline: {stage}" not in quiet
    assert "1 articles in, 1 kept" in loud and "sentences" in loud

from __future__ import annotations

import os
import stat

import pytest

from newsline.errors import ConfigError
from newsline.render import FORMATS, format_for_path, jsonfmt, render, write


def test_every_format_renders_nonempty_text(timeline):
    assert set(FORMATS) == {"json", "md", "html", "tilse", "text"}
    for fmt in FORMATS:
        out = render(timeline, fmt)
        assert out.endswith("\n") and len(out) > 50, fmt


def test_unknown_format_is_a_config_error(timeline):
    with pytest.raises(ConfigError, match="unknown output format 'pdf'") as info:
        render(timeline, "pdf")
    assert "json" in str(info.value) and info.value.code == "E200"


@pytest.mark.parametrize(
    ("path", "fmt"),
    [
        ("out.json", "json"), ("a/b/t.md", "md"), ("T.MARKDOWN", "md"), ("x.html", "html"),
        ("x.htm", "html"), ("gold.txt", "tilse"), ("x.tilse", "tilse"), ("x.tl", "tilse"),
    ],
)  # fmt: skip
def test_format_for_path(path, fmt):
    assert format_for_path(path) == fmt


@pytest.mark.parametrize("path", ["out.pdf", "noext", "dir/out.json.bak"])
def test_format_for_unknown_suffix_is_one_line_config_error(path):
    with pytest.raises(ConfigError) as info:
        format_for_path(path)
    assert "\n" not in str(info.value) and path in str(info.value)


def test_write_is_utf8_and_leaves_no_temp_file(tmp_path, timeline):
    target = tmp_path / "tl.json"
    assert write(timeline, target) == target
    assert jsonfmt.loads(target.read_text(encoding="utf-8")) == timeline
    assert os.listdir(tmp_path) == ["tl.json"]
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_write_explicit_format_overrides_suffix_and_replaces(tmp_path, timeline):
    target = tmp_path / "timeline.out"
    target.write_text("old")
    target.chmod(0o600)
    write(timeline, target, fmt="md")
    assert target.read_text(encoding="utf-8").startswith("# The Tessaly River spill")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_write_unknown_format_writes_nothing(tmp_path, timeline):
    with pytest.raises(ConfigError):
        write(timeline, tmp_path / "x.pdf")
    assert os.listdir(tmp_path) == []

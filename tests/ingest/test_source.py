"""The safe source layer: caps, capped inflation, bounded lines, iterative walk."""

from __future__ import annotations

import gzip
import io
import os
from pathlib import Path

import pytest

from newsline.ingest import read
from newsline.ingest.decode import decode_text
from newsline.ingest.paths import walk
from newsline.ingest.source import (
    Limits,
    Skip,
    iter_lines,
    open_input,
    open_regular,
    parse_size,
    read_all,
    shown,
)


def test_parse_size() -> None:
    assert parse_size("512M") == 512 << 20
    assert parse_size("2G") == 2 << 30
    assert parse_size("800k") == 800 << 10
    assert parse_size("1000") == 1000
    for bad in ("", "x", "-1", "0"):
        with pytest.raises(ValueError):
            parse_size(bad)


def test_file_cap_counts_inflated_bytes(tmp_path: Path) -> None:
    path = tmp_path / "a.txt.gz"
    path.write_bytes(gzip.compress(b"word " * 300_000))  # 1.5 MB inflated, ~5 KB on disk
    assert os.path.getsize(path) < 20_000
    with pytest.raises(Skip) as exc:
        read_all(open_input(path, Limits(max_file_size=1 << 20), gz=True))
    assert exc.value.cause == "too large" and "1 MiB" in str(exc.value)
    assert len(read_all(open_input(path, Limits(max_file_size=2 << 20)))) == 1_500_000  # by magic


def test_multi_member_gzip_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl.gz"
    path.write_bytes(gzip.compress(b"one\n") + gzip.compress(b"two\n"))
    assert read_all(open_input(path)) == b"one\ntwo\n"


def test_long_lines_are_skipped_in_bounded_memory() -> None:
    stream = io.BufferedReader(io.BytesIO(b"short\n" + b"x" * 5_000_000 + b"\nafter\nlast"))  # type: ignore[arg-type]
    assert list(iter_lines(stream, 1000)) == [b"short\n", None, b"after\n", b"last"]


def test_non_regular_files_are_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "p"
    os.mkfifo(fifo)  # opening it for reading would block without O_NONBLOCK
    with pytest.raises(Skip, match="named pipe"):
        open_regular(fifo)
    with pytest.raises(Skip, match="character device"):
        open_regular("/dev/zero")
    with pytest.raises(Skip, match="no such file"):
        open_regular(tmp_path / "missing")


def test_walk_reports_and_goes_on(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("x")
    (tmp_path / "1.txt").write_text("x")
    (tmp_path / ".hidden").write_text("x")
    os.mkfifo(tmp_path / "fifo")
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    (tmp_path / "b" / "back").symlink_to(tmp_path)
    got: list[tuple[str, str, str]] = []
    files = list(walk(tmp_path, lambda w, m, c: got.append((w, m, c)), lambda n: n.startswith(".")))
    assert [p.relative_to(tmp_path).as_posix() for p in files] == ["1.txt", "b/2.txt"]
    causes = sorted(c for _, _, c in got)
    assert causes == ["loop", "not a regular file", "unreadable"]
    assert any("symbolic link loop" in m for w, m, _ in got if w.endswith("loop"))


def test_shown_escapes_what_a_terminal_would_interpret() -> None:
    assert shown("plain name.txt") == "plain name.txt"
    assert shown("a\nb\x1b[31m.txt") == "a\\nb\\x1b[31m.txt"
    assert shown(os.fsdecode(b"caf\xe9.txt")) == "caf\\xe9.txt"


def test_record_cap_skips_one_article_not_the_file(tmp_path: Path) -> None:
    big = '{"id": "big", "text": "' + "y " * 600_000 + '"}'
    (tmp_path / "a.jsonl").write_text(big + '\n{"id": "ok", "text": "A small article."}\n')
    result = read([tmp_path / "a.jsonl"], limits=Limits(max_record_size=1 << 20))
    assert [a.id for a in result.articles] == ["ok"]
    assert result.skipped == {"too large": 1}
    assert "a.jsonl:1: line longer than the 1048576 bytes cap" in str(result.problems[0])


def test_decode_keeps_utf8_with_a_bad_byte_and_guesses_only_legacy_text() -> None:
    text, remark = decode_text("Le café est très bon".encode() + b"\xff.")
    assert text == "Le café est très bon\ufffd." and remark == "1 invalid UTF-8 byte replaced with U+FFFD"
    legacy = "Le café est très bon, même à Paris où il fait froid.".encode("latin-1")
    text, remark = decode_text(legacy)
    assert text == "Le café est très bon, même à Paris où il fait froid." and remark is None
    assert decode_text("Café".encode("cp1252"), "cp1252") == ("Café", None)

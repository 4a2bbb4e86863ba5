"""Safe output writing: atomic files, symlinks followed, hard links in place, devices streamed."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from newsline.errors import OutputError
from newsline.render.output import check_output, refuse_inputs, write_text


def test_new_file_in_missing_folders_is_created(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "tl.json"
    check_output(target)  # nothing exists yet: fine, and nothing is created before the work
    assert not (tmp_path / "a").exists()
    assert write_text(target, "{}\n") == "atomic"
    assert target.read_text() == "{}\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    assert [p.name for p in target.parent.iterdir()] == ["tl.json"]  # no temporary left


def test_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "tl.md"
    target.write_text("old")
    target.chmod(0o600)
    write_text(target, "new")
    assert target.read_text() == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_symlink_is_followed_and_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real" / "tl.json"
    real.parent.mkdir()
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_text(link, "new")
    assert link.is_symlink()
    assert real.read_text() == "new"


def test_hard_link_is_rewritten_in_place(tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    one.write_text("old content")
    two = tmp_path / "two.json"
    os.link(one, two)
    inode = one.stat().st_ino
    assert write_text(two, "new") == "in place"
    assert one.read_text() == two.read_text() == "new"
    assert one.stat().st_ino == two.stat().st_ino == inode


def test_fifo_is_streamed_into_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "out.json"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    assert write_text(fifo, "through the pipe") == "stream"
    reader.join(10)
    assert got == [b"through the pipe"]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_devnull_stays_a_device() -> None:
    before = os.stat(os.devnull)
    assert write_text(os.devnull, "discarded") == "stream"
    after = os.stat(os.devnull)
    assert stat.S_ISCHR(after.st_mode)
    assert (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (ENOSPC on write)")
def test_disk_full_is_one_output_error() -> None:
    with pytest.raises(OutputError) as exc:
        write_text("/dev/full", "x" * 100_000)
    assert "no space left" in str(exc.value)
    assert "\n" not in str(exc.value)
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_folder_and_non_folder_parent_are_refused(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="is a folder"):
        check_output(tmp_path)
    (tmp_path / "file").write_text("x")
    with pytest.raises(OutputError, match="not a folder"):
        check_output(tmp_path / "file" / "tl.json")


def test_an_input_is_refused_by_inode(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("text")
    twin = tmp_path / "twin.txt"
    os.link(article, twin)
    link = tmp_path / "link.txt"
    link.symlink_to(article)
    for out in (article, twin, link):
        with pytest.raises(OutputError, match="one of the inputs"):
            refuse_inputs(out, [article])
    refuse_inputs(tmp_path / "other.txt", [article])  # a new name is fine
    assert article.read_text() == "text"


def test_lone_surrogate_does_not_fail_the_write(tmp_path: Path) -> None:
    target = tmp_path / "tl.json"
    write_text(target, '{"text": "a\ud800b"}')
    assert target.read_bytes().decode("utf-8") == '{"text": "a?b"}'

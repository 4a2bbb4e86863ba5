"""Writing output safely: files replaced atomically, devices and pipes streamed, inputs refused.

Rules (``-o PATH``):

- ``-`` (and ``/dev/stdout``, ``/dev/fd/1``) is standard output.
- A regular file (or a new name) is written atomically: a temporary file in
  the same folder, then a rename; a replaced file keeps its mode. Missing
  folders are created.
- A symbolic link is followed: its target is replaced, the link stays.
- A file with several hard links is rewritten in place (truncate, write), so
  every name sees the new content; that write is not atomic.
- A device, FIFO or other non-regular file is opened for writing and
  streamed into; it is never replaced or removed.
- A path that is one of the inputs (same device and inode) is refused.

Every failure is an :class:`~newsline.errors.OutputError` naming the path and
the reason (permission denied, read-only file system, no space left...).
"""

from __future__ import annotations

import errno
import os
import stat
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from ..errors import OutputError

STDOUT_NAMES = frozenset({"-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"})
STDERR_NAMES = frozenset({"/dev/stderr", "/dev/fd/2", "/proc/self/fd/2"})
#: descriptor links: opened as given (appending), never resolved and replaced
_FD_LINKS = ("/dev/fd/", "/proc/self/fd/")

__all__ = ["STDOUT_NAMES", "check_output", "refuse_inputs", "write_text"]


def _shown(path: str) -> str:
    from ..ingest.source import shown

    return shown(path)


def _reason(exc: OSError) -> str:
    from ..ingest.source import describe

    if exc.errno == errno.ENOSPC:
        return "no space left on the device"
    if exc.errno == errno.EROFS:
        return "read-only file system"
    return describe(exc)


def is_stdout(path: str | os.PathLike[str]) -> bool:
    return os.fspath(path) in STDOUT_NAMES


def is_stream_name(path: str | os.PathLike[str]) -> bool:
    """``-``, ``/dev/stdout``, ``/dev/stderr``, ``/dev/fd/N``: written as given, never replaced."""
    name = os.fspath(path)
    return name in STDOUT_NAMES or name in STDERR_NAMES or name.startswith(_FD_LINKS)


def _key(path: str | os.PathLike[str]) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return st.st_dev, st.st_ino


def refuse_inputs(path: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]]) -> None:
    """:class:`OutputError` when ``path`` is one of ``inputs`` (same file, by device and inode)."""
    if is_stdout(path):
        return
    target = _key(path)
    if target is None:
        return
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return  # writing into a device or pipe that is also read is the user's plan
    except OSError:
        return
    for item in inputs:
        if os.fspath(item) != "-" and _key(item) == target:
            raise OutputError(
                f"output {_shown(os.fspath(path))} is one of the inputs ({_shown(os.fspath(item))}); "
                "refusing to overwrite it"
            )


def check_output(path: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]] = ()) -> None:
    """Fail early (before any work) when ``path`` cannot be written or is one of ``inputs``."""
    name = os.fspath(path)
    if is_stream_name(name):
        return
    shown = _shown(name)
    try:
        st = os.stat(name)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise OutputError(f"cannot write {shown} ({_reason(exc)})") from None
    if st is not None:
        if stat.S_ISDIR(st.st_mode):
            raise OutputError(f"cannot write {shown} (is a folder)")
        refuse_inputs(name, inputs)
        if stat.S_ISREG(st.st_mode):
            real = os.path.realpath(name)
            folder = os.path.dirname(real) or "."
            need = folder if st.st_nlink == 1 else real
            if not os.access(need, os.W_OK):
                raise OutputError(f"cannot write {shown} (permission denied)")
        elif not os.access(name, os.W_OK):
            raise OutputError(f"cannot write {shown} (permission denied)")
        return
    # a new file: the nearest existing ancestor must be a writable folder
    parent = Path(os.path.abspath(name)).parent
    while not parent.exists() and parent != parent.parent:
        if parent.is_symlink():  # a dangling link in the way
            break
        parent = parent.parent
    if not parent.is_dir():
        raise OutputError(f"cannot write {shown} ({_shown(str(parent))} is not a folder)")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputError(f"cannot write {shown} (permission denied in {_shown(str(parent))})")


def write_text(path: str | os.PathLike[str], text: str) -> str:
    """Write ``text`` as UTF-8 to ``path`` by the rules above; returns how it was written.

    Characters UTF-8 cannot encode (lone surrogates) become ``?`` rather
    than failing the write.
    """
    data = text.encode("utf-8", "replace")
    name = os.fspath(path)
    try:
        if is_stdout(name):
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
            return "stdout"
        if name in STDERR_NAMES:
            sys.stderr.flush()
            sys.stderr.buffer.write(data)
            sys.stderr.buffer.flush()
            return "stderr"
        if name.startswith(_FD_LINKS):
            _stream(name, data, os.O_APPEND)
            return "stream"
        real = os.path.realpath(name)
        try:
            st: os.stat_result | None = os.stat(real)
        except FileNotFoundError:
            st = None
        if st is not None and not stat.S_ISREG(st.st_mode):
            if stat.S_ISDIR(st.st_mode):
                raise OutputError(f"cannot write {_shown(name)} (is a folder)")
            _stream(real, data)
            return "stream"
        if st is not None and st.st_nlink > 1:
            _in_place(real, data)
            return "in place"
        _atomic(real, data, st)
        return "atomic"
    except OutputError:
        raise
    except OSError as exc:
        raise OutputError(f"cannot write {_shown(name)} ({_reason(exc)})") from None


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        n = os.write(fd, view)
        view = view[n:]


def _stream(path: str, data: bytes, flags: int = 0) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CLOEXEC | flags)
    try:
        _write_all(fd, data)
    finally:
        os.close(fd)


def _in_place(path: str, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_TRUNC | os.O_CLOEXEC)
    try:
        _write_all(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)


def _atomic(path: str, data: bytes, st: os.stat_result | None) -> None:
    folder = os.path.dirname(path) or "."
    os.makedirs(folder, exist_ok=True)
    mode = stat.S_IMODE(st.st_mode) if st is not None else 0o644
    fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(path)}.", suffix=".tmp", dir=folder)
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise

"""Safe reading of untrusted inputs: regular files only, size caps, capped decompression.

Every reader gets its bytes through this module:

- :func:`open_regular` opens a path without blocking (``O_NONBLOCK``, so a
  named pipe never hangs the run) and refuses anything that is not a regular
  file (FIFO, device, socket) with :class:`Skip`; symbolic links are followed,
  a loop is reported as such (``ELOOP``), and paths longer than ``PATH_MAX``
  are opened component by component relative to folder descriptors.
- :func:`open_input` wraps a file (or standard input) in a stream that
  inflates gzip/zlib data (by extension or magic bytes) and raises
  :class:`Skip` once more than :attr:`Limits.max_file_size` bytes come out,
  so neither ``/dev/zero`` on stdin nor a gzip bomb exhausts memory.
- :func:`iter_lines` reads lines of at most :attr:`Limits.max_record_size`
  bytes, skipping (and numbering) longer ones without holding them.

Folders are listed with these openers by :func:`.paths.walk`.
"""

from __future__ import annotations

import errno
import io
import lzma
import os
import stat
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from .compress import sniff as sniff_compression
from .compress import wrap

MiB = 1024 * 1024

#: Folder names longer than this (bytes) are opened piecewise, relative to a folder fd.
_CHUNK = 3000
_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)


@dataclass(frozen=True, slots=True)
class Limits:
    """Size caps for one run (CLI: ``--max-file-size``, ``--max-record-size``).

    ``max_file_size``: bytes read from one file or standard input, counted
    after decompression. ``max_record_size``: bytes of one record (a JSON
    line, a CSV row, one text or HTML file, one article's text).
    """

    max_file_size: int = 256 * MiB
    max_record_size: int = 32 * MiB


DEFAULT_LIMITS = Limits()


class Skip(Exception):
    """An input (file or record) is skipped; ``str()`` is the line to show, ``cause`` its kind."""

    def __init__(self, message: str, cause: str) -> None:
        super().__init__(message)
        self.cause = cause


def human_size(n: int) -> str:
    """``268435456`` -> ``"256 MiB"``."""
    for unit, size in (("GiB", 1024 * MiB), ("MiB", MiB), ("KiB", 1024)):
        if n >= size and n % size == 0:
            return f"{n // size} {unit}"
    return f"{n} bytes"


def parse_size(text: str) -> int:
    """``"512M"``, ``"2G"``, ``"800k"``, ``"1000"`` -> bytes (binary units); ValueError if not."""
    value = text.strip().lower().removesuffix("ib").removesuffix("b")
    scale = {"k": 1024, "m": MiB, "g": 1024 * MiB}.get(value[-1:], 1)
    number = value[:-1] if scale > 1 else value
    n = int(float(number) * scale)
    if n < 1:
        raise ValueError(f"size must be positive: {text!r}")
    return n


def shown(name: str) -> str:
    """A file name safe for a one-line message: undecodable bytes as ``\\xNN``, controls escaped."""
    if name.isprintable():
        return name
    text = os.fsencode(name).decode("utf-8", "backslashreplace")
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


def describe(exc: OSError) -> str:
    """The reason of an ``OSError`` in a few words (permission denied, no such file, loop...)."""
    reasons = {
        errno.ENOENT: "no such file or folder",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.ELOOP: "symbolic link loop",
        errno.ENAMETOOLONG: "path too long",
        errno.ENOTDIR: "a path component is not a folder",
        errno.EISDIR: "is a folder",
    }
    return reasons.get(exc.errno or 0) or exc.strerror or str(exc)


def kind_of(mode: int) -> str | None:
    """``None`` for a regular file, else what it is (``"a named pipe (FIFO)"``...)."""
    if stat.S_ISREG(mode):
        return None
    for test, name in _KINDS:
        if test(mode):
            return name
    return "not a regular file"


def open_deep(path: str, flags: int) -> int:
    """``os.open`` that also works past ``PATH_MAX`` (chained ``dir_fd`` opens)."""
    try:
        return os.open(path, flags)
    except OSError as exc:
        if exc.errno != errno.ENAMETOOLONG:
            raise
    raw = os.fsencode(path)
    chunks: list[bytes] = []
    for part in raw.split(b"/"):
        if chunks and len(chunks[-1]) + len(part) + 1 <= _CHUNK:
            chunks[-1] += b"/" + part
        else:
            chunks.append(part)
    fd = os.open(b"/" if raw.startswith(b"/") else b".", os.O_RDONLY | os.O_DIRECTORY)
    try:
        for chunk in chunks[:-1]:
            if not chunk:
                continue
            nxt = os.open(chunk, os.O_RDONLY | os.O_DIRECTORY, dir_fd=fd)
            os.close(fd)
            fd = nxt
        return os.open(chunks[-1], flags, dir_fd=fd)
    finally:
        os.close(fd)


def open_regular(path: str | os.PathLike[str]) -> BinaryIO:
    """Open a regular file for reading; :class:`Skip` for anything else or an OS error."""
    try:
        fd = open_deep(os.fspath(path), os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        raise Skip(f"cannot read file ({describe(exc)}); skipped", "unreadable") from None
    try:
        what = kind_of(os.fstat(fd).st_mode)
    except OSError as exc:  # pragma: no cover - fstat on an open fd
        os.close(fd)
        raise Skip(f"cannot read file ({describe(exc)}); skipped", "unreadable") from None
    if what is not None:
        os.close(fd)
        raise Skip(f"{what}, not a regular file; skipped", "not a regular file")
    os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


class _Capped(io.RawIOBase):
    """A read-only stream that raises :class:`Skip` past ``limit`` bytes."""

    def __init__(self, inner: BinaryIO, limit: int, what: str) -> None:
        self.inner, self.limit, self.what, self.total = inner, limit, what, 0
        #: a truncated or corrupt compressed stream: what was inflated before it is kept
        self.error: Exception | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        want = min(len(buffer), self.limit + 1 - self.total)
        if want <= 0:
            want = 1
        if self.error is not None:
            return 0
        try:  # read1: one raw read, so data inflated before a truncation is not lost
            data = self.inner.read1(want) if hasattr(self.inner, "read1") else self.inner.read(want)
        except (EOFError, OSError, zlib.error, lzma.LZMAError, ValueError) as exc:
            self.error = exc  # end of the usable data; :func:`finish` raises it
            return 0
        n = len(data)
        buffer[:n] = data
        self.total += n
        if self.total > self.limit:
            raise Skip(
                f"{self.what} is larger than the {human_size(self.limit)} cap "
                "(--max-file-size); skipped",
                "too large",
            )
        return n

    def close(self) -> None:
        try:
            self.inner.close()
        finally:
            super().close()


def open_input(
    path: str | os.PathLike[str] | None,
    limits: Limits = DEFAULT_LIMITS,
    *,
    gz: bool = False,
    comp: str = "",
    stdin: Callable[[], BinaryIO] | None = None,
) -> BinaryIO:
    """A buffered stream of a file's content (``None``: standard input), capped and inflated.

    gzip, bzip2, xz or zstd (``comp``, ``gz`` or the magic bytes) is inflated on the fly; the cap counts
    inflated bytes, so a bomb stops at :attr:`Limits.max_file_size`.
    """
    if path is None:
        import sys

        raw: BinaryIO = stdin() if stdin else sys.stdin.buffer
    else:
        raw = open_regular(path)
    head = raw.peek(8)[:8] if hasattr(raw, "peek") else b""  # type: ignore[attr-defined]
    kind = comp or ("gz" if gz else "") or sniff_compression(head)
    if kind:
        inner: BinaryIO = wrap(raw, kind)
        what = "inflated content"
    else:
        inner, what = raw, "file"
    return io.BufferedReader(_Capped(inner, limits.max_file_size, what), 1 << 16)  # type: ignore[return-value]


def finish(stream: BinaryIO) -> None:
    """Raise the error that ended a stream from :func:`open_input` early (truncated gzip...)."""
    raw = getattr(stream, "raw", None)
    error = getattr(raw, "error", None)
    if error is not None:
        raise error


def read_all(stream: BinaryIO) -> bytes:
    """All bytes of a stream from :func:`open_input` (the cap raises :class:`Skip`; a
    truncated or corrupt compressed stream raises its ``EOFError``/``OSError``)."""
    with stream:
        data = stream.read()
        finish(stream)
        return data


def iter_lines(stream: BinaryIO, max_record: int) -> Iterator[bytes | None]:
    """Lines of a stream; ``None`` for a line longer than ``max_record`` (read past, not kept)."""
    while True:
        line = stream.readline(max_record + 1)
        if not line:
            return
        if len(line) > max_record and not line.endswith(b"\n"):
            while True:  # discard the rest of the line in bounded chunks
                rest = stream.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield None
            continue
        yield line


def read_file(
    path: str | os.PathLike[str] | None, limits: Limits = DEFAULT_LIMITS, *, gz: bool = False, comp: str = ""
) -> bytes:
    """All bytes of a file (``None``: stdin), inflated and capped; every failure is :class:`Skip`."""
    data, error = read_kept(path, limits, gz=gz, comp=comp)
    if error is not None:
        raise _skip(error, comp)
    return data


def read_kept(
    path: str | os.PathLike[str] | None, limits: Limits = DEFAULT_LIMITS, *, gz: bool = False, comp: str = ""
) -> tuple[bytes, BaseException | None]:
    """Like :func:`read_file`, but a truncated or damaged compressed file gives the bytes
    inflated before the damage and the error that ended them; with nothing inflated
    it is a :class:`Skip` as well."""
    data = b""
    try:
        stream = open_input(path, limits, gz=gz, comp=comp)
        with stream:
            data = stream.read()
        finish(stream)
    except _INFLATE_ERRORS as exc:
        if not data:
            raise _skip(exc, comp) from None
        return data, exc
    return data, None


_INFLATE_ERRORS = (lzma.LZMAError, ValueError, EOFError, zlib.error, OSError)


def _skip(exc: BaseException, comp: str) -> Skip:
    if isinstance(exc, EOFError):
        return Skip("cannot read the file (compressed file ended early); skipped", "truncated")
    if isinstance(exc, (lzma.LZMAError, ValueError)):
        return Skip(f"not a valid {comp or 'compressed'} file ({exc}); skipped", "malformed")
    if isinstance(exc, zlib.error):
        return Skip(f"not a valid gzip file ({exc}); skipped", "malformed")
    assert isinstance(exc, OSError)
    what = "not a valid gzip file" if "gzip" in str(exc).lower() else "cannot read file"
    return Skip(f"{what} ({describe(exc)}); skipped", "malformed")

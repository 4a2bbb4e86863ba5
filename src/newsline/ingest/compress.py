"""Compressed inputs: ``.gz``, ``.bz2``, ``.xz`` and ``.zst`` around any format.

The compression is known from the file name's last suffix or, for standard
input, URLs and misnamed files, from the magic bytes at the start.
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import zlib
from pathlib import Path
from typing import BinaryIO

#: File-name suffix -> compression name.
SUFFIXES = {".gz": "gz", ".gzip": "gz", ".bz2": "bz2", ".xz": "xz", ".zst": "zst", ".zstd": "zst"}
_MAGIC = (
    (b"\x1f\x8b", "gz"),
    (b"BZh", "bz2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"\x28\xb5\x2f\xfd", "zst"),
)

#: What the decompressors raise on damaged input.
ERRORS: tuple[type[BaseException], ...] = (
    OSError,
    EOFError,
    zlib.error,
    lzma.LZMAError,
    ValueError,
)


class CompressionError(ValueError):
    """Damaged or unsupported compressed data (the message names the compression)."""


def split_suffix(name: str) -> tuple[str, str]:
    """``("story.txt", "gz")`` for ``story.txt.gz``; ``(name, "")`` when not compressed."""
    lower = name.lower()
    for suffix, kind in SUFFIXES.items():
        if lower.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)], kind
    return name, ""


def sniff(head: bytes) -> str:
    """The compression whose magic bytes start ``head``, or ``""``."""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            # "BZh" must be followed by a block size digit to be bzip2
            if kind == "bz2" and not (len(head) > 3 and head[3:4].isdigit()):
                continue
            return kind
    return ""


def decompress(data: bytes, kind: str) -> bytes:
    """The decompressed bytes; raises :class:`CompressionError` when damaged or truncated."""
    try:
        if kind == "gz":
            return gzip.decompress(data)
        if kind == "bz2":
            return bz2.decompress(data)
        if kind == "xz":
            return lzma.decompress(data)
        if kind == "zst":
            with wrap(io.BytesIO(data), "zst") as stream:
                return stream.read()
    except CompressionError:
        raise
    except ERRORS as exc:
        raise CompressionError(f"not a valid {kind} file ({exc})") from None
    except Exception as exc:  # zstandard.ZstdError
        raise CompressionError(f"not a valid {kind} file ({exc})") from None
    return data


def open_binary(path: Path, kind: str) -> BinaryIO:
    """A binary stream of the decompressed contents of ``path`` (read lazily)."""
    raw = open(path, "rb")  # noqa: SIM115 - the caller closes the returned stream
    return wrap(raw, kind)


def wrap(raw: BinaryIO, kind: str) -> BinaryIO:
    """Wrap an open binary stream in a streaming decompressor for ``kind``."""
    if kind == "gz":
        return gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[return-value]
    if kind == "bz2":
        return bz2.BZ2File(raw, "rb")  # type: ignore[return-value]
    if kind == "xz":
        return lzma.LZMAFile(raw, "rb")  # type: ignore[return-value]
    if kind == "zst":
        zstd = _zstd()
        frames = _Frames(raw)
        reader = zstd.ZstdDecompressor().stream_reader(frames, read_across_frames=True, closefd=True)
        return io.BufferedReader(_AsOSError(reader, zstd.ZstdError, frames))  # lines, seek(0)
    return raw


class _AsOSError(io.RawIOBase):
    """A raw stream whose decompressor's own error (``zstandard.ZstdError``) is an
    ``OSError``, and whose input ending inside a frame is an ``EOFError``, as gzip,
    bz2 and lzma raise on damaged and truncated data (zstandard's reader just stops)."""

    def __init__(self, inner: BinaryIO, error: type[Exception], frames: _Frames) -> None:
        self.inner, self.error, self.frames = inner, error, frames

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def, override]
        try:
            n: int = self.inner.readinto(buffer)  # type: ignore[attr-defined]
        except self.error as exc:
            raise OSError(f"damaged zstd data ({exc})") from None
        if n == 0 and self.frames.ended and not self.frames.whole:
            raise EOFError("compressed file ended early")
        return n

    def close(self) -> None:
        if not self.closed:
            self.inner.close()
        super().close()


def _zstd():  # type: ignore[no-untyped-def]
    try:
        import zstandard
    except ImportError:  # pragma: no cover - zstandard is a dependency
        raise CompressionError("reading .zst files needs the zstandard package") from None
    return zstandard


_ZSTD_FRAME = b"\x28\xb5\x2f\xfd"
_FCS_BYTES = (0, 2, 4, 8)
_DICT_BYTES = (0, 1, 2, 4)


class _Frames:
    """The compressed input of a zstd reader, passed through while its frame and block
    headers are followed (their sizes skip the contents), so that an input ending
    inside a frame is known: ``ended and not whole``. Skippable frames are followed;
    after bytes that are no frame the check gives up (the decompressor says why)."""

    def __init__(self, raw: BinaryIO) -> None:
        self.raw, self.ended, self.lost = raw, False, False
        self._step, self._pending, self._skip, self._checksum = "magic", b"", 0, False

    @property
    def whole(self) -> bool:
        return self.lost or (self._step == "magic" and not self._pending and not self._skip)

    def read(self, size: int = -1) -> bytes:
        data = self.raw.read(size)
        if not data:
            self.ended = True
        elif not self.lost:
            self._feed(memoryview(data))
        return data

    def close(self) -> None:
        self.raw.close()

    def _feed(self, data: memoryview) -> None:
        pos = 0
        while pos < len(data) and not self.lost:
            if self._skip:
                n = min(self._skip, len(data) - pos)
                self._skip, pos = self._skip - n, pos + n
                continue
            need = {"magic": 4, "size": 4, "descriptor": 1, "block": 3}[self._step]
            take = data[pos : pos + need - len(self._pending)].tobytes()
            self._pending, pos = self._pending + take, pos + len(take)
            if len(self._pending) == need:
                field, self._pending = self._pending, b""
                self._next(field)

    def _next(self, field: bytes) -> None:
        value = int.from_bytes(field, "little")
        if self._step == "magic":
            if field == _ZSTD_FRAME:
                self._step = "descriptor"
            elif value & 0xFFFFFFF0 == 0x184D2A50:  # a skippable frame: its size, then its bytes
                self._step = "size"
            else:
                self.lost = True
        elif self._step == "size":
            self._step, self._skip = "magic", value
        elif self._step == "descriptor":
            single = bool(value & 0x20)
            fcs = _FCS_BYTES[value >> 6] or (1 if single else 0)
            self._skip = (0 if single else 1) + _DICT_BYTES[value & 3] + fcs
            self._checksum, self._step = bool(value & 4), "block"
        else:  # a block header: last flag, type (raw, RLE, compressed), size
            kind, size = (value >> 1) & 3, value >> 3
            if kind == 3:
                self.lost = True
                return
            self._skip = 1 if kind == 1 else size
            if value & 1:
                self._skip += 4 if self._checksum else 0
                self._step = "magic"

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
    """The decompressed bytes; raises :class:`CompressionError` when damaged."""
    try:
        if kind == "gz":
            return gzip.decompress(data)
        if kind == "bz2":
            return bz2.decompress(data)
        if kind == "xz":
            return lzma.decompress(data)
        if kind == "zst":
            return _zstd().ZstdDecompressor().stream_reader(io.BytesIO(data)).read()
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
        reader = zstd.ZstdDecompressor().stream_reader(raw, closefd=True)
        return io.BufferedReader(_AsOSError(reader, zstd.ZstdError))  # lines, seek(0)
    return raw


class _AsOSError(io.RawIOBase):
    """A raw stream whose decompressor's own error (``zstandard.ZstdError``) is an
    ``OSError``, as gzip, bz2 and lzma raise on damaged data."""

    def __init__(self, inner: BinaryIO, error: type[Exception]) -> None:
        self.inner, self.error = inner, error

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def, override]
        try:
            return self.inner.readinto(buffer)  # type: ignore[attr-defined, no-any-return]
        except self.error as exc:
            raise OSError(f"damaged zstd data ({exc})") from None

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

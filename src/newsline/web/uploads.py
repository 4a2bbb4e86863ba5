"""Saving uploaded files (and the members of zip archives) safely under the store.

Every name is cleaned before it touches the disk (no absolute paths, no
``..``, no drive letters, no symlinks), every write is checked to land inside
the upload's folder, and sizes are capped: per file, per upload, members per
zip, and inflated bytes, both as the archive declares them and as they really
come out (a zip bomb stops at the cap). Files go to a hidden folder, are read
into the store from there (the store keeps the articles) and removed; the
sha256 of each file stored is kept, so the same file sent again is skipped.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

MiB = 1024 * 1024
#: The sha256 of every file stored from an upload, one a line (under ``STORE/uploads/``).
HASHES = "uploaded.sha256"
CHUNK = 256 * 1024


@dataclass(frozen=True)
class Limits:
    """Upload caps (the defaults suit a newsroom's laptop)."""

    max_files: int = 2000  #: files per upload, zip members included
    max_file_bytes: int = 50 * MiB  #: one file, or one zip member once inflated
    max_request_bytes: int = 200 * MiB  #: one upload request, as sent
    max_total_bytes: int = 500 * MiB  #: everything one upload writes (zips inflated)
    max_zip_members: int = 5000  #: entries of one zip archive
    max_ratio: int = 200  #: inflated / compressed size of a zip member above 1 MiB


class LimitExceeded(Exception):
    """The upload as a whole is over a limit (nothing of it is kept)."""


@dataclass
class Saved:
    """What a :class:`Batch` wrote: counts and problems."""

    files: int = 0
    duplicates: int = 0
    problems: list[str] = field(default_factory=list)
    written: int = 0


_UNSAFE_CHARS = re.compile(r"[\x00-\x1f\x7f]")
_DRIVE = re.compile(r"^[A-Za-z]:")


def clean_name(name: str) -> str | None:
    """A safe relative path (``a/b.txt``) for an uploaded name, or ``None`` if unsafe.

    Backslashes count as separators; absolute paths, drive letters and ``..``
    parts are refused, ``.`` and empty parts dropped, control characters removed.
    """
    name = _UNSAFE_CHARS.sub("", name.replace("\\", "/"))
    if name.startswith("/") or _DRIVE.match(name):
        return None
    parts = [p for p in name.split("/") if p not in ("", ".")]
    if not parts or any(p == ".." for p in parts):
        return None
    return "/".join(p[:150] for p in parts)


def is_zip(name: str, head: bytes) -> bool:
    return name.lower().endswith(".zip") or head.startswith(b"PK\x03\x04")


class Batch:
    """One upload being written: a hidden folder under ``uploads``, removed when read."""

    def __init__(self, uploads: Path, limits: Limits, known: set[str]) -> None:
        uploads.mkdir(parents=True, exist_ok=True)
        self.uploads = uploads
        self.limits = limits
        self.known = known  # sha256 of files already in the store
        self.tmp = Path(tempfile.mkdtemp(prefix=".incoming-", dir=uploads))
        self.saved = Saved()
        self.hashes: set[str] = set()

    def add_file(self, name: str, stream: BinaryIO) -> None:
        """Save one uploaded file (a zip is unpacked)."""
        rel = clean_name(name)
        if rel is None:
            self.saved.problems.append(f"{name!r}: unsafe file name; skipped")
            return
        head = stream.read(4)
        stream.seek(0)
        if is_zip(rel, head):
            self._add_zip(rel, stream)
        else:
            self._write(rel, stream, rel, declared=None)

    def _add_zip(self, rel: str, stream: BinaryIO) -> None:
        try:
            archive = zipfile.ZipFile(stream)
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            self.saved.problems.append(f"{rel}: not a readable zip archive ({exc}); skipped")
            return
        with archive:
            members = archive.infolist()
            if len(members) > self.limits.max_zip_members:
                self.saved.problems.append(
                    f"{rel}: {len(members)} entries, more than the limit of "
                    f"{self.limits.max_zip_members}; archive skipped"
                )
                return
            declared = sum(m.file_size for m in members if not m.is_dir())
            if declared + self.saved.written > self.limits.max_total_bytes:
                raise LimitExceeded(
                    f"{rel}: inflates to {declared // MiB} MiB, over the upload limit of "
                    f"{self.limits.max_total_bytes // MiB} MiB"
                )
            hidden = 0
            base = rel[: -len(".zip")] if rel.lower().endswith(".zip") else rel
            for m in members:
                if m.is_dir():
                    continue
                where = f"{rel}:{m.filename}"
                member = clean_name(m.filename)
                if member is None:
                    self.saved.problems.append(f"{where}: unsafe member name; skipped")
                    continue
                if any(p.startswith(".") or p == "__MACOSX" for p in member.split("/")):
                    hidden += 1
                    continue
                if (m.external_attr >> 16) & 0o170000 == 0o120000:
                    self.saved.problems.append(f"{where}: symbolic link; skipped")
                    continue
                if m.file_size > self.limits.max_file_bytes:
                    self.saved.problems.append(f"{where}: {_size(m.file_size)}, over the file limit; skipped")
                    continue
                ratio = m.file_size / max(m.compress_size, 1)
                if m.file_size > MiB and ratio > self.limits.max_ratio:
                    self.saved.problems.append(f"{where}: compressed {ratio:.0f} to 1 (a zip bomb?); skipped")
                    continue
                if member.lower().endswith(".zip"):
                    self.saved.problems.append(f"{where}: zip inside a zip is not read; skipped")
                    continue
                try:
                    with archive.open(m) as src:
                        self._write(f"{base}/{member}", src, where, declared=m.file_size)
                except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as exc:
                    self.saved.problems.append(f"{where}: cannot unpack ({exc}); skipped")
            if hidden:
                self.saved.problems.append(f"{rel}: {hidden} hidden or system entries skipped")

    def _write(self, rel: str, src: BinaryIO, where: str, declared: int | None) -> None:
        if self.saved.files >= self.limits.max_files:
            raise LimitExceeded(f"more than {self.limits.max_files} files in one upload")
        target = self._target(rel)
        if target is None:
            self.saved.problems.append(f"{where}: name points outside the upload; skipped")
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        cap = self.limits.max_file_bytes if declared is None else min(declared, self.limits.max_file_bytes)
        digest = hashlib.sha256()
        size = 0
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
        try:
            with os.fdopen(fd, "wb") as out:
                while chunk := src.read(CHUNK):
                    size += len(chunk)
                    if size > cap:
                        break
                    if self.saved.written + size > self.limits.max_total_bytes:
                        raise LimitExceeded(
                            f"the upload writes more than {self.limits.max_total_bytes // MiB} MiB"
                        )
                    digest.update(chunk)
                    out.write(chunk)
        except BaseException:
            target.unlink(missing_ok=True)
            raise
        if size > cap:
            target.unlink()
            what = "inflates past its declared size" if declared is not None and size > declared else "is over the file limit"
            self.saved.problems.append(f"{where}: {what}; skipped")
            return
        key = digest.hexdigest()
        if key in self.known or key in self.hashes:
            target.unlink()
            self.saved.duplicates += 1
            return
        self.hashes.add(key)
        self.saved.written += size
        self.saved.files += 1

    def _target(self, rel: str) -> Path | None:
        root = self.tmp.resolve()
        target = (self.tmp / rel).resolve()
        if not target.is_relative_to(root) or target == root:
            return None
        stem, n = target, 1
        while target.exists():
            n += 1
            target = stem.with_name(f"{stem.stem}-{n}{stem.suffix}")
        return target

    def remember(self, hashes: Path) -> None:
        """Record the files of this upload as stored (``hashes``: one sha256 a line)."""
        if not self.hashes:
            return
        with open(hashes, "a", encoding="ascii") as f:
            f.write("".join(f"{h}\n" for h in sorted(self.hashes)))
        self.known.update(self.hashes)

    def discard(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)


def known_hashes(hashes: Path) -> set[str]:
    """The sha256 of the files uploaded before (to skip an upload the store already holds)."""
    try:
        lines = hashes.read_text(encoding="ascii", errors="replace").split()
    except FileNotFoundError:
        return set()
    return {h for h in lines if len(h) == 64}


def _size(n: int) -> str:
    return f"{n / MiB:.1f} MiB" if n >= MiB else f"{n} bytes"

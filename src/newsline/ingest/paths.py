"""Walking input paths and finding dates in file and folder names.

:func:`walk` lists a folder iteratively (any depth, any path length) with
:mod:`.source`'s openers, reporting unreadable subfolders, folder loops and
non-regular entries; :func:`expand` gives an input path's files.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
from collections.abc import Callable, Iterator
from pathlib import Path, PurePath

from .dates import check_date
from .source import describe, kind_of, open_deep, shown

_DASHED = re.compile(r"(?<!\d)(\d{4})[-_.](\d{2})[-_.](\d{2})(?!\d)")
_COMPACT = re.compile(r"(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)")


def is_hidden(name: str) -> bool:
    return name.startswith(".")


Report = Callable[..., None]  # (where, message, cause[, items skipped: 1])


def expand(path: Path, report: Report, hidden: Callable[[str], bool]) -> Iterator[tuple[Path, str, str]]:
    """``(file, name to show, id base)`` for an input path: a file, or a folder's files.

    A missing or unreadable path, a non-regular file, or a folder without files is
    one ``report`` line.
    """
    name = shown(os.fspath(path))
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        report(name, describe(exc), "unreadable")
        return
    if stat.S_ISDIR(mode):
        found = False
        problems: list[str] = []
        for file in walk(path, lambda w, m, c, n=1: (problems.append(w), report(w, m, c, n)), hidden):
            found = True
            yield file, shown(os.fspath(file)), shown(file.relative_to(path).as_posix())
        if not found and not problems:
            report(name, "folder contains no files (hidden files are skipped)", "")
    elif stat.S_ISREG(mode):
        yield path, name, shown(path.as_posix().removeprefix("./"))
    else:
        report(name, f"{kind_of(mode)}, not a regular file; skipped", "not a regular file")


def walk(folder: Path, report: Report, hidden: Callable[[str], bool]) -> Iterator[Path]:
    """Regular files under ``folder`` in sorted order, depth first, iteratively.

    Hidden names are skipped silently; unreadable folders, entries that are
    not regular files, broken links and folder loops (a symbolic link back to
    a folder already walked) each get one ``report`` line. Works at any depth
    and past ``PATH_MAX``.
    """
    stack: list[tuple[str, frozenset[tuple[int, int]]]] = [(os.fspath(folder), frozenset())]
    while stack:
        top, ancestors = stack.pop()
        try:
            fd = open_deep(top, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        except OSError as exc:
            report(shown(top), f"cannot read folder ({describe(exc)}); skipped", "unreadable")
            continue
        files: list[str] = []
        dirs: list[str] = []
        try:
            me = os.fstat(fd)
            key = (me.st_dev, me.st_ino)
            if key in ancestors:
                report(shown(top), "symbolic link loop (a folder containing itself); skipped", "loop")
                continue
            ancestors = ancestors | {key}
            try:
                names = sorted(e.name for e in os.scandir(fd))
            except OSError as exc:
                report(shown(top), f"cannot read folder ({describe(exc)}); skipped", "unreadable")
                continue
            for name in names:
                if hidden(name):
                    continue
                try:
                    st = os.stat(name, dir_fd=fd)
                except OSError as exc:
                    report(shown(os.path.join(top, name)), f"cannot read ({describe(exc)}); skipped", "unreadable")
                    continue
                if stat.S_ISDIR(st.st_mode):
                    dirs.append(name)
                elif stat.S_ISREG(st.st_mode):
                    files.append(name)
                else:
                    what = kind_of(st.st_mode)
                    report(shown(os.path.join(top, name)), f"{what}, not a regular file; skipped", "not a regular file")
        finally:
            os.close(fd)
        for name, page in _page_assets(files, dirs):
            assets = os.path.join(top, name)
            n = sum(len([f for f in fs if not hidden(f)]) for _, _, fs in os.walk(assets))
            report(shown(assets), f"the images, scripts and styles of the saved page {page} ({n} files); skipped",
                   "page assets", n)  # fmt: skip
            dirs.remove(name)
        for name in files:
            yield Path(top, name)
        for name in reversed(dirs):
            stack.append((os.path.join(top, name), ancestors))


def _page_assets(files: list[str], dirs: list[str]) -> list[tuple[str, str]]:
    """``(folder, page)`` for each ``NAME_files`` folder beside a ``NAME.html`` (or
    ``.htm``): what a browser's "Save page as" writes with the page."""
    pages = {os.path.splitext(f)[0]: f for f in files if f.lower().endswith((".html", ".htm"))}
    return [(d, pages[d[: -len("_files")]]) for d in dirs if d.endswith("_files") and d[: -len("_files")] in pages]


def _date_in(name: str) -> dt.date | None:
    for pattern in (_DASHED, _COMPACT):
        for m in pattern.finditer(name):
            try:
                value = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                continue
            if check_date(value) is None:
                return value
    return None


def date_from_path(path: PurePath) -> dt.date | None:
    """The first date in the file name, else in the nearest parent folder name.

    Understands ``2010-05-24`` (also with ``_`` or ``.``), ``20100524`` and
    nested ``2010/05/24/`` folders. Impossible or absurd dates are ignored.
    """
    parts = [p for p in path.parts if p not in ("/", "\\")]
    for i in range(len(parts) - 1, -1, -1):
        found = _date_in(parts[i])
        if found is not None:
            return found
        # .../2010/05/24/file.txt
        if i >= 3 and all(p.isdigit() for p in parts[i - 3 : i]):
            y, m, d = parts[i - 3 : i]
            if len(y) == 4 and len(m) <= 2 and len(d) <= 2:
                try:
                    value = dt.date(int(y), int(m), int(d))
                except ValueError:
                    continue
                if check_date(value) is None:
                    return value
    return None

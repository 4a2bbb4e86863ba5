"""Walking input paths and finding dates in file and folder names."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator
from pathlib import Path, PurePath

from .dates import check_date

_DASHED = re.compile(r"(?<!\d)(\d{4})[-_.](\d{2})[-_.](\d{2})(?!\d)")
_COMPACT = re.compile(r"(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)")


def is_hidden(name: str) -> bool:
    return name.startswith(".")


def walk(folder: Path) -> Iterator[Path]:
    """Files under ``folder``, recursively, in sorted order; hidden files and folders skipped.

    Symbolic links to folders are not followed (no cycles).
    """
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not is_hidden(d))
        for name in sorted(files):
            if not is_hidden(name):
                yield Path(root, name)


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

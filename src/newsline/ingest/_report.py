"""Collecting per-item problems, or raising on the first one in strict mode."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from ..errors import InputError, Problem

#: At most this many problems are recorded per file; the rest are summed up.
MAX_PROBLEMS_PER_FILE = 20


class Reporter:
    """Records :class:`Problem` items; with ``strict`` raises :class:`InputError` instead.

    A problem that skips an input item (a file, a record, a line) counts one
    item under its ``cause`` in :attr:`skipped`; warnings about an item that
    is kept (a dropped date) do not. Without an explicit ``cause``, a message
    ending in "skipped" counts under ``"other"``.
    """

    def __init__(self, strict: bool = False) -> None:
        self.strict = strict
        self.problems: list[Problem] = []
        self.skipped: Counter[str] = Counter()
        self.notes: list[Problem] = []
        #: newsline's own timelines met among the inputs (skipped, so they may be outputs)
        self.own_outputs: list[Path] = []
        self._per_file: dict[str, int] = {}

    def problem(
        self,
        where: str,
        message: str,
        *,
        file: str | None = None,
        cause: str | None = None,
        items: int = 1,
    ) -> None:
        """Record that ``where`` (``file`` or ``file:line``) was skipped because of ``message``;
        with a ``cause``, ``items`` input items are counted as skipped (one line for them all)."""
        if self.strict:
            raise InputError(f"{where}: {message}")
        if cause is None and message.endswith("skipped"):
            cause = "other"
        if cause:
            self.skipped[cause] += items
        key = file if file is not None else where
        count = self._per_file.get(key, 0) + 1
        self._per_file[key] = count
        if count <= MAX_PROBLEMS_PER_FILE:
            self.problems.append(Problem(where, message))

    def finish_file(self, file: str) -> None:
        """Add one summary line when a file had more problems than were recorded."""
        count = self._per_file.get(file, 0)
        if count > MAX_PROBLEMS_PER_FILE:
            extra = count - MAX_PROBLEMS_PER_FILE
            self.problems.append(Problem(file, f"{extra} more problems in this file not listed"))

    def count(self, file: str) -> int:
        return self._per_file.get(file, 0)

    def note(self, where: str, message: str) -> None:
        """Record a harmless remark (not a failure): shown with ``-v``."""
        self.notes.append(Problem(where, message))

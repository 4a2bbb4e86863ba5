"""The Timeline17 text format read by the ``tilse`` evaluation toolkit, and its reader.

Per entry: a ``YYYY-MM-DD`` line, one sentence per line, then a line of
exactly 32 dashes. Month and year entries are written with the first day of
their period (the format only knows days), so the reader returns day entries.
"""

from __future__ import annotations

import datetime as dt

from ..errors import InputError
from ..model import SummarySentence, Timeline, TimelineEntry, TimePoint
from ._common import one_line

SEPARATOR = "-" * 32


def render(timeline: Timeline) -> str:
    lines: list[str] = []
    for entry in timeline:
        lines.append(entry.time.date.isoformat())
        lines += [t for t in (one_line(s.text) for s in entry.sentences) if t]
        lines.append(SEPARATOR)
    return "".join(line + "\n" for line in lines)


dumps = render


def loads(text: str) -> Timeline:
    """Read a Timeline17 text timeline; dates repeated in the file are merged.

    Blank lines are ignored; :class:`InputError` when a date line is not ``YYYY-MM-DD``
    (with its line number).
    """
    by_date: dict[dt.date, list[str]] = {}
    current: dt.date | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("-" * 10) and set(line) == {"-"}:
            current = None
        elif current is None:
            try:
                current = dt.date.fromisoformat(line[:10])
            except ValueError:
                raise InputError(f"line {number}: expected a YYYY-MM-DD date, got {line[:40]!r}") from None
            by_date.setdefault(current, [])
        else:
            by_date[current].append(line)
    entries = tuple(
        TimelineEntry(TimePoint.day(d), tuple(SummarySentence(s) for s in sents))
        for d, sents in by_date.items()
    )
    return Timeline(entries)

"""Where the cleaned text of an article lies in the text as read.

Cleaning only deletes whole lines (repeated headlines, boilerplate, reader
comments) and trims the ends, so every kept line is a verbatim piece of the
text as read. :func:`span_map` finds those pieces in order; :func:`to_read`
turns an offset of the cleaned text into an offset of the text as read.
"""

from __future__ import annotations

import bisect

#: ``(cleaned start, read start, length)`` of each kept line, in order.
Spans = tuple[tuple[int, int, int], ...]


def span_map(read: str, cleaned: str) -> Spans:
    """The kept lines of ``cleaned`` located in ``read`` (``()`` when unchanged)."""
    if read == cleaned:
        return ()
    spans: list[tuple[int, int, int]] = []
    pos = 0
    c = 0
    for line in cleaned.split("\n"):
        # (the next line of the text as read, as _find_line would find it: a line
        # has no newline, so it cannot start at ``pos`` when that holds one)
        if pos and read.startswith(line, pos + 1) and read[pos] == "\n":
            at = pos + 1
        else:
            at = _find_line(read, line, pos)
        if at < 0:  # not a pure deletion of lines: keep the offsets of what was found
            at = pos
        spans.append((c, at, len(line)))
        pos = at + len(line)
        c += len(line) + 1
    return tuple(spans)


def _find_line(read: str, line: str, pos: int) -> int:
    """Where ``line`` starts in ``read`` at or after ``pos``, preferring a line start."""
    if not line:
        nl = read.find("\n", pos)  # (not a copy of the rest of the text per empty line)
        return nl + 1 if nl >= 0 else pos
    first = -1
    at = read.find(line, pos)
    while at >= 0:
        if first < 0:
            first = at
        if at == 0 or read[at - 1] == "\n" or not read[read.rfind("\n", 0, at) + 1 : at].strip():
            return at
        at = read.find(line, at + 1)
    return first


def to_read(spans: Spans, offset: int) -> int:
    """The offset in the text as read of ``offset`` in the cleaned text."""
    if not spans:
        return offset
    i = bisect.bisect_right([s[0] for s in spans], offset) - 1
    if i < 0:
        return spans[0][1]
    c, r, n = spans[i]
    return r + min(offset - c, n)

"""Boilerplate lines: repeated headlines, tag/share/navigation/footer lines, corpus-frequent lines."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import numpy as np

#: Only lines up to this many characters can be boilerplate.
MAX_LINE_CHARS = 160

_SOCIAL = r"(?:share|tweet|e-?mail|print|pin(?:\s+it)?|like|comments?|reddit|whatsapp|facebook|twitter|linkedin|save|copy\s+link)"
_PATTERN = re.compile(
    rf"""^(?:
      (?:tags?|keywords?|filed\s+under|categor(?:y|ies)|topics?|related(?:\s+(?:articles?|stories|topics|news|content|links|coverage))?
         |see\s+also|more\s+on\s+this(?:\s+story)?|read\s+(?:more|also|next)|also\s+read|more\s+from\s+\w+)\s*[:|»>-].*
    | share\s+this(?:\s+(?:article|story|page|post|video))?(?:\s+on\s+\w+)?
    | share\s+on\s+\w+
    | {_SOCIAL}(?:\s*[|/·•,]?\s*{_SOCIAL})*
    | latest\s+news|top\s+stories|most\s+(?:read|popular|viewed|shared|emailed)|breaking\s+news|more\s+news
    | related(?:\s+(?:articles?|stories|topics|news|content|links|coverage))?|advertisement|advertising|sponsored(?:\s+content)?
    | trending(?:\s+now)?|you\s+may\s+also\s+like|recommended(?:\s+for\s+you)?|editor'?s\s+picks?|photo\s+gallery|watch\s+video
    | read\s+more\b.*|continue\s+reading\b.*|click\s+here\b.*|skip\s+to\s+(?:main\s+)?content|back\s+to\s+top|home\s*(?:[|/>»]\s*\w+\s*)*
    | (?:sign\s+up|subscribe)\b.*|follow\s+us\b.*|log\s*in\s+to\s+comment.*|leave\s+a\s+(?:comment|reply)
    | (?:copyright|©|\(c\))\s.*
    | (?:previous|next)(?:\s+(?:article|story|post|page))?
    )$""",
    re.I | re.X,
)
_EDGE = re.compile(r"^[^\w©(]+|[\s.!?:;,|»>•·*_-]+$")
_NORM = re.compile(r"[\W_]+")
_DIGITS = re.compile(r"\d")
_SENTENCE_END = re.compile(r"""[.!?]['"”’)]*\s*(?:''|-RRB-)?$""")


def normalize(line: str) -> str:
    """Comparison key of a line: lower case, digits as ``0``, punctuation as single spaces."""
    return _NORM.sub(" ", _DIGITS.sub("0", line.lower())).strip()


_NORM_LINES = re.compile(r"[^\w\n ][^\w\n]*| [^\w\n]+")  # leaves single spaces alone
# ASCII: letters lower-cased, digits as 0, everything else but newlines a space
_ASCII_KEY = bytes.maketrans(
    bytes(range(256)),
    bytes(
        c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 or c == 10 else 48 if 48 <= c <= 57 else 32
        for c in range(256)
    ),
)


def _single_spaces(data: bytes) -> bytes:
    """``data`` with each run of spaces as one space (vectorized: a regular
    expression takes most of the time of :func:`normalize_lines` on a large corpus)."""
    b = np.frombuffer(data, dtype=np.uint8)
    space = b == 32
    keep = np.ones(len(b), dtype=bool)
    keep[1:] = ~(space[1:] & space[:-1])
    return b[keep].tobytes()


def normalize_lines(lines: Sequence[str]) -> list[str]:
    """:func:`normalize` of many lines (without newlines) at once, by passes over their join.

    ASCII lines go through a byte translation table; the others through
    the regular expressions of :func:`normalize`.
    """
    keys: list[str] = [""] * len(lines)
    ascii_at = [i for i, line in enumerate(lines) if line.isascii()]
    other_at = [i for i, line in enumerate(lines) if not line.isascii()]
    if ascii_at:
        joined = "\n".join([lines[i] for i in ascii_at]).encode("ascii").translate(_ASCII_KEY)
        found = _single_spaces(joined).decode("ascii").split("\n")
        for i, key in zip(ascii_at, found, strict=True):
            keys[i] = key.strip()
    if other_at:
        text = _DIGITS.sub("0", "\n".join([lines[i] for i in other_at]).lower()).replace("_", " ")
        for i, key in zip(other_at, _NORM_LINES.sub(" ", text).split("\n"), strict=True):
            keys[i] = key.strip()
    return keys


_RESERVED = re.compile(r"\ball\s+rights\s+reserved\b", re.I)
# An embedded social-media post: the widget's button label, in capitals
# ("bit.ly/x 7:01 pm ET February 11 , 2013 RETWEET Could the next ...").
_EMBED = re.compile(r"\bRETWEET\b")
_FIRST = re.compile(r"[^\w©]*([^\W\d_]+|©)")
# First words of the lines _PATTERN can match (a cheap filter before the full pattern).
_TRIGGERS = frozenset(str.split(
    "tag tags keyword keywords filed category categories topic topics related see more read also "
    "share tweet email e mail print pin like comment comments reddit whatsapp facebook twitter "
    "linkedin save copy latest top most breaking advertisement advertising sponsored trending you "
    "recommended editor editors photo watch continue click skip back home sign subscribe follow "
    "log login leave copyright c © previous next")
)
# A line that may be pattern boilerplate: its first word is a trigger (at the start of the
# text, or after a newline: a literal the regex engine scans for quickly) or the text says
# "reserved" (re.I also matches the long s). Texts without any skip the line-by-line check.
_TRIGGER_WORDS = "|".join(sorted(map(re.escape, _TRIGGERS), key=len, reverse=True))
_MAYBE_FIRST = re.compile(rf"[^\w©\n]*(?:{_TRIGGER_WORDS})(?![^\W\d_])", re.I)
_MAYBE_LINE = re.compile(rf"\n[^\w©\n]*(?:{_TRIGGER_WORDS})(?![^\W\d_])", re.I)


def _maybe_boilerplate(text: str) -> bool:
    """False only when no line of ``text`` can be pattern boilerplate (a cheap test)."""
    if _MAYBE_FIRST.match(text) or _MAYBE_LINE.search(text):
        return True
    low = text.lower()
    return "reserved" in low or "re\u017fer" in low or "RETWEET" in text


def is_pattern_boilerplate(line: str) -> bool:
    """Whether a (stripped) line is a known kind of boilerplate: tags, sharing, navigation, footer."""
    if not line or len(line) > MAX_LINE_CHARS:
        return False
    if _EMBED.search(line):
        return True
    first = _FIRST.match(line)
    if first is None:
        return False
    if first.group(1).lower() not in _TRIGGERS:
        return _RESERVED.search(line) is not None
    core = _EDGE.sub("", line)
    return bool(core) and (_PATTERN.match(core) is not None or _RESERVED.search(core) is not None)


def strip_lines(text: str, title: str = "") -> tuple[str, int]:
    """``text`` without pattern boilerplate lines and repeats of ``title``; and how many were dropped."""
    title_key = normalize(title) if title else ""
    if not title_key and not _maybe_boilerplate(text):
        return text, 0
    lines = text.split("\n")
    kept: list[str] = []
    dropped = 0
    for line in lines:
        s = line.strip()
        if s and len(s) <= MAX_LINE_CHARS and (
            is_pattern_boilerplate(s) or (title_key and normalize(s) == title_key)
        ):
            dropped += 1
            continue
        kept.append(line)
    if not dropped:
        return text, 0
    return "\n".join(kept).strip(), dropped


def frequent_lines(texts: Iterable[str], n_texts: int) -> frozenset[str]:
    """Short lines (stripped, as written) that recur in many texts of the corpus (site furniture).

    Lines are compared by :func:`normalize`.
    A line counts once per text. A line is frequent when it occurs in at
    least ``max(3, min(1% of texts, 50))`` texts; a line that reads like a
    sentence (ends with ``.``, ``!`` or ``?``) needs twice as many, so that
    widely quoted statements survive.
    """
    from .linekeys import line_keys, recurring  # (linekeys imports this module)

    return recurring(*line_keys(texts), n_texts)


def drop_lines(text: str, lines: frozenset[str]) -> tuple[str, int]:
    """``text`` without the lines that (stripped) are in ``lines``; and how many were dropped."""
    if not lines or (len(lines) <= 32 and not any(s in text for s in lines)):
        return text, 0  # (a line of the text that is in ``lines`` is a substring of it)
    kept: list[str] = []
    dropped = 0
    for line in text.split("\n"):
        s = line.strip()
        if s in lines:
            dropped += 1
        else:
            kept.append(line)
    if not dropped:
        return text, 0
    return "\n".join(kept).strip(), dropped

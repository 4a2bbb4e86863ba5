"""Boilerplate lines: repeated headlines, tag/share/navigation/footer lines, corpus-frequent lines."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

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


_RESERVED = re.compile(r"\ball\s+rights\s+reserved\b", re.I)
_FIRST = re.compile(r"[^\w©]*([^\W\d_]+|©)")
# First words of the lines _PATTERN can match (a cheap filter before the full pattern).
_TRIGGERS = frozenset(str.split(
    "tag tags keyword keywords filed category categories topic topics related see more read also "
    "share tweet email e mail print pin like comment comments reddit whatsapp facebook twitter "
    "linkedin save copy latest top most breaking advertisement advertising sponsored trending you "
    "recommended editor editors photo watch continue click skip back home sign subscribe follow "
    "log login leave copyright c © previous next")
)


def is_pattern_boilerplate(line: str) -> bool:
    """Whether a (stripped) line is a known kind of boilerplate: tags, sharing, navigation, footer."""
    if not line or len(line) > MAX_LINE_CHARS:
        return False
    first = _FIRST.match(line)
    if first is None:
        return False
    if first.group(1).lower() not in _TRIGGERS:
        return _RESERVED.search(line) is not None
    core = _EDGE.sub("", line)
    return bool(core) and (_PATTERN.match(core) is not None or _RESERVED.search(core) is not None)


def strip_lines(text: str, title: str = "") -> tuple[str, int]:
    """``text`` without pattern boilerplate lines and repeats of ``title``; and how many were dropped."""
    lines = text.split("\n")
    title_key = normalize(title) if title else ""
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
    threshold = max(3.0, min(0.01 * n_texts, 50.0))
    counts: Counter[str] = Counter()
    sentence_like: dict[str, bool] = {}
    key_of: dict[str, str] = {}
    for text in texts:
        seen = set()
        for line in text.split("\n"):
            s = line.strip()
            if not s or len(s) > MAX_LINE_CHARS:
                continue
            key = key_of.get(s)
            if key is None:
                key = key_of[s] = normalize(s)
            if key and key not in seen:
                seen.add(key)
                if key not in sentence_like:
                    sentence_like[key] = _SENTENCE_END.search(s) is not None and len(key.split()) >= 4
        counts.update(seen)
    frequent = {
        key
        for key, c in counts.items()
        if c >= threshold and (c >= 2 * threshold or not sentence_like[key])
    }
    return frozenset(s for s, key in key_of.items() if key in frequent)


def drop_lines(text: str, lines: frozenset[str]) -> tuple[str, int]:
    """``text`` without the lines that (stripped) are in ``lines``; and how many were dropped."""
    if not lines:
        return text, 0
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

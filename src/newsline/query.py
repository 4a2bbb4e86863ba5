"""The ``--query`` syntax: words, quoted phrases, ``OR``, and ``-term`` exclusion.

``'"Abu Bakr al-Baghdadi" OR Baghdadi -football'`` selects sentences that
contain the phrase *or* the word (every word and phrase is an alternative;
``OR`` may be written for clarity) and never one that contains ``football``.
Matching is case-insensitive on the sentence text; a possessive ``'s`` of a
word is dropped (``BP's`` matches ``BP 's`` and ``BP’s``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r'(-?)"([^"]*)"?|([^\s,]+)')


@dataclass(frozen=True)
class Query:
    """Terms of which a selected sentence contains one (``include``) and none (``exclude``)."""

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.include or self.exclude)

    def excludes(self, text_lower: str) -> bool:
        """True when a (lower-cased) sentence contains an excluded term."""
        return any(term in text_lower for term in self.exclude)


def parse(query: str | None) -> Query:
    """Parse a query string into a :class:`Query`."""
    if not query:
        return Query()
    include: list[str] = []
    exclude: list[str] = []
    for m in _TOKEN.finditer(query):
        negative, phrase, word = m.group(1), m.group(2), m.group(3)
        if phrase is not None:
            term = " ".join(phrase.lower().split())
        else:
            if word == "OR":
                continue
            negative = "-" if word.startswith("-") and len(word) > 1 else ""
            term = _word(word[1:] if negative else word)
        if term:
            (exclude if negative else include).append(term)
    return Query(tuple(dict.fromkeys(include)), tuple(dict.fromkeys(exclude)))


def _word(word: str) -> str:
    w = word.strip().strip(",").lower()
    return w.removesuffix("'s").removesuffix("\u2019s")

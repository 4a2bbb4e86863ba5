"""The ``--query`` syntax: words, quoted phrases, ``OR``, ``-term`` exclusion, ``*`` wildcards.

``'"Abu Bakr al-Baghdadi" OR Baghdadi -football'`` selects sentences that
contain the phrase *or* the word (every word and phrase is an alternative;
``OR`` may be written for clarity) and never one that contains ``football``.
Matching is case-insensitive and by whole words: a term matches where it is
not part of a longer word (``oil`` matches *oil* and *oil-soaked*, not
*turmoil*, *soil* or *oils*). A ``*`` at the end of a term lets its last
word go on (``oil*``: *oils*, *oily*), at the start lets its first word begin
earlier (``*oil``: *turmoil*); ``*flu*`` matches as a substring. A
possessive ``'s`` of a word is dropped (``BP's`` matches ``BP 's`` and ``BP’s``).

Word characters are Python's ``\\w`` (letters, digits and the underscore of
any script), the word runs the store's full-text index is made of.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

_TOKEN = re.compile(r'(-?)"([^"]*)"?|([^\s,]+)')
_WORDCHAR = re.compile(r"\w")
WILDCARD = "*"
#: a query over a store: articles kept when it selects more (the most relevant; ``build
#: --store`` and ``serve`` ``--max-articles``): each costs ~1.7 ms to load and clean
MAX_ARTICLES = 1500


def split_term(term: str) -> tuple[bool, str, bool]:
    """``(open start, core, open end)`` of a term: its ``*`` wildcards and the rest."""
    core = term.strip(WILDCARD)
    return term.startswith(WILDCARD), core, term.endswith(WILDCARD) and len(term) > 1


def term_pattern(term: str) -> str:
    """The Python regex of a (lower-cased) term: word boundaries where the term
    starts or ends with a word character and has no wildcard there."""
    lead, core, trail = split_term(term)
    left = "" if lead or not _WORDCHAR.match(core[:1]) else r"(?<!\w)"
    right = "" if trail or not _WORDCHAR.match(core[-1:]) else r"(?!\w)"
    return left + re.escape(core) + right


def sql_pattern(term: str) -> str:
    """The same term as an RE2 pattern (DuckDB ``regexp_matches``, no lookaround)."""
    lead, core, trail = split_term(term)
    w = r"[^\p{L}\p{N}_]"
    left = "" if lead or not _WORDCHAR.match(core[:1]) else f"(^|{w})"
    right = "" if trail or not _WORDCHAR.match(core[-1:]) else f"({w}|$)"
    return left + re.escape(core) + right


@lru_cache(maxsize=256)
def _compiled(terms: tuple[str, ...]) -> Callable[[str], bool]:
    kept = [t for t in terms if split_term(t)[1]]
    if not kept:
        return lambda text: False
    search = re.compile("|".join(term_pattern(t) for t in kept)).search
    cores = tuple(dict.fromkeys(split_term(t)[1] for t in kept))
    if len(cores) == 1:
        core = cores[0]
        return lambda text: core in text and search(text) is not None
    # a substring test first (most texts contain no term: the regex runs on few)
    return lambda text: any(c in text for c in cores) and search(text) is not None


def matcher(terms: Sequence[str]) -> Callable[[str], bool]:
    """A test of a lower-cased text: does it contain one of ``terms``?"""
    return _compiled(tuple(t.lower() for t in terms))


def matches(text_lower: str, terms: Sequence[str]) -> bool:
    """True when the lower-cased ``text_lower`` contains one of ``terms``."""
    return matcher(terms)(text_lower)


@dataclass(frozen=True)
class Query:
    """Terms of which a selected sentence contains one (``include``) and none (``exclude``)."""

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.include or self.exclude)

    def includes(self, text_lower: str) -> bool:
        """True when a (lower-cased) text contains an included term."""
        return matches(text_lower, self.include)

    def excludes(self, text_lower: str) -> bool:
        """True when a (lower-cased) sentence contains an excluded term."""
        return bool(self.exclude) and matches(text_lower, self.exclude)


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
        if split_term(term)[1]:
            (exclude if negative else include).append(term)
    return Query(tuple(dict.fromkeys(include)), tuple(dict.fromkeys(exclude)))


def _word(word: str) -> str:
    w = word.strip().strip(",").lower()
    return w.removesuffix("'s").removesuffix("\u2019s")

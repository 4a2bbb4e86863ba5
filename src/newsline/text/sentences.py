"""Sentence splitting with character offsets, for prose and PTB-tokenized text alike.

Regex-driven: a boundary candidate is terminal punctuation (with any
closing quotes or brackets) followed by space and a sentence-like start
(capital letter, digit, opening quote or bracket). Candidates after
abbreviations (``Mr.``, ``Gen.``, ``Jan. 5``, ``No. 5``, initials) are
rejected; after ``U.S.``-like abbreviations only a typical sentence opener
(``The``, ``He`` ...) confirms the boundary. A blank line always ends a
sentence; a single line break does too unless the next line continues in
lower case (hard-wrapped prose). A page's publication stamp inside a line
(``... says report Sunday 3 April 2005 02.26 BST An alcoholic cousin ...``,
where a scraped headline runs into the first sentence) is a sentence of its
own, so it splits the headline from the text.
"""

from __future__ import annotations

import re

from ..model import Article, Sentence
from .calendar import MONTH, WEEKDAY


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Titles and abbreviations that are never the end of a sentence when followed by a capital.
STRONG_ABBREVIATIONS = _set(
    """mr mrs ms dr prof gen sen rep gov lt col maj capt cpt sgt cmdr adm brig gens
    st mt ft rev fr sr jr hon pres supt insp det cpl pvt amb messrs mme mlle
    vs v cf e.g i.e viz al approx dept est fig op ca"""
)
# Never a boundary when a number follows (``Jan. 5``, ``No. 5``, ``pp. 12``).
NUMBER_ABBREVIATIONS = _set(
    "jan feb mar apr jun jul aug sep sept oct nov dec no nos p pp vol art sec ch para"
)
# Often sentence-final (``in the U.S.``); a boundary only before a typical sentence opener.
WEAK_ABBREVIATIONS = _set(
    "u.s u.k u.n e.u u.s.a inc corp co ltd plc llc bros etc a.m p.m"
) | NUMBER_ABBREVIATIONS
SENTENCE_OPENERS = _set(
    """the a an he she it they we i you his her its their our this that these those
    there but and so yet however meanwhile in on at after before when while if as
    mr mrs ms dr officials police some many most no one two three what why how who"""
)

# Terminal punctuation plus closers; closers may be space-separated in tokenized text.
_CANDIDATE = re.compile(
    r"""(?:[.!?]+|…)(?:['"”’)\]]|[ \t]*(?:''|"|”|’|-RRB-|-RSB-|\)))*(?=[ \t]+\S)"""
)
# What may start a sentence: optional opening quotes/brackets, then a capital or digit.
_START = re.compile(r"""[ \t]+((?:``|[`'"“‘(\[]|-LRB-|-LSB-)[ \t]*)*([A-ZÀ-ÖØ-Þ0-9])""")
_WORD_START = re.compile(r"[ \t]+(?:(?:``|[`'\"“‘(\[]|-LRB-|-LSB-)[ \t]*)*([^\W_]+)")
_PREV = re.compile(r"(\S+)$")
_LINE = re.compile(r"\S(?:[^\n]*\S)?")  # one line, stripped
_LETTER = re.compile(r"[^\W\d_]")
_END_PUNCT = re.compile(r"""(?:[.!?…:;]|[.!?]\s*(?:''|["”’)]|-RRB-))$""")
_INITIAL = re.compile(r"^[A-Z]$")
# "Sunday 3 April 2005 02.26 BST", "Thursday , April 29 , 2010 ; 4:49 PM": a weekday,
# a full date and a clock time (with a time zone or am/pm), as pages stamp articles.
_STAMP = re.compile(
    rf"\b{WEEKDAY}\s*,?\s*"
    rf"(?:{MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{MONTH})\s*,?\s*\d{{4}}\s*[;,]?\s*"
    r"\d{1,2}[:.]\d\d(?:\s*(?:[AaPp]\.?[Mm]\.?))?(?:\s*(?:BST|GMT|EDT|EST|ET|UTC|CET|CEST))?\b"
)


def _is_boundary(text: str, start: int, end: int, line_start: int) -> bool:
    """Whether the candidate ``text[start:end]`` (terminal punctuation ...) ends a sentence."""
    if _START.match(text, end) is None:
        return False
    if text[start] != ".":
        return True
    # Abbreviation checks only apply to a single period attached to a word.
    if end - start > 1 and text[start + 1] == ".":
        return True  # ellipsis or "..": treat as an end
    m = _PREV.search(text, max(line_start, start - 40), start)
    if m is None:
        return True
    word = m.group(1).lstrip("\"'“‘([`").lower()
    raw = m.group(1).lstrip("\"'“‘([`")
    if not word or not word[-1].isalnum():
        return True  # tokenized "word ." or punctuation before the period
    nxt = _WORD_START.match(text, end)
    next_word = nxt.group(1) if nxt else ""
    if word in STRONG_ABBREVIATIONS:
        return False
    if word in NUMBER_ABBREVIATIONS and next_word[:1].isdigit():
        return False
    if word in WEAK_ABBREVIATIONS or (
        "." in word and all(len(part) <= 2 for part in word.split("."))
    ):
        return next_word.lower() in SENTENCE_OPENERS
    return _INITIAL.match(raw) is None  # "John F. Kennedy" is not a boundary


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of the sentences of ``text``, stripped, in order.

    Fragments without any letter (``"-- ."``, ``"2010"``) are left out.
    """
    spans: list[tuple[int, int]] = []
    cur: int | None = None  # start of the sentence in progress
    prev_end = 0
    for line in _LINE.finditer(text):
        ls, le = line.span()
        if cur is not None:
            joined = (
                text[ls].islower()
                and text.count("\n", prev_end, ls) == 1
                and _END_PUNCT.search(text, max(cur, prev_end - 8), prev_end) is None
            )
            if not joined:
                spans.append((cur, prev_end))
                cur = ls
        else:
            cur = ls
        for m in _CANDIDATE.finditer(text, ls, le):
            if _is_boundary(text, m.start(), m.end(), ls):
                spans.append((cur, m.end()))
                nxt = m.end()
                while nxt < le and text[nxt].isspace():
                    nxt += 1
                cur = nxt
        prev_end = le
    if cur is not None and cur < prev_end:
        spans.append((cur, prev_end))
    search = _LETTER.search
    spans = [(s, e) for s, e in spans if e > s and search(text, s, e)]
    stamps = _stamps(text)
    if not stamps:
        return spans
    return [piece for s, e in spans for piece in _split(text, s, e, stamps) if search(text, *piece)]


# Every stamp has "day" right after the weekday and a digit or month after that:
# a literal the regex engine finds fast, checked against _STAMP only where it occurs.
_DAY = re.compile(r"day\s*,?\s*(?:\d|[JFMASOND])")


def _stamps(text: str) -> list[tuple[int, int]]:
    """Spans of the publication stamps in ``text``."""
    out: list[tuple[int, int]] = []
    for m in _DAY.finditer(text):
        st = _STAMP.search(text, max(0, m.start() - 6), m.start() + 120)
        if st is not None and st.start() <= m.start() and (not out or out[-1] != st.span()):
            out.append(st.span())
    return out


def _split(
    text: str, start: int, end: int, stamps: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """``[start, end)`` cut before and after each stamp that lies inside it, stripped."""
    cuts = [start]
    for s, e in stamps:
        if start <= s and e <= end:
            cuts.extend((s, e))
    cuts.append(end)
    out: list[tuple[int, int]] = []
    for s, e in zip(cuts, cuts[1:], strict=False):
        out.extend(_strip(text, s, e))
    return out


def _strip(text: str, s: int, e: int) -> list[tuple[int, int]]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return [(s, e)] if e > s else []


def split_sentences(article: Article) -> list[Sentence]:
    """The sentences of an article; ``article.text[s.start:s.end] == s.text``."""
    text = article.text
    aid = article.id
    return [
        Sentence(aid, i, s, e, text[s:e]) for i, (s, e) in enumerate(sentence_spans(text))
    ]

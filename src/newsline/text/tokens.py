"""Word tokens for keyword matching and TF-IDF: fast, regex-only, tokenized-text aware.

Penn-Treebank bracket tokens (``-LRB-``, ``-RRB-``, ``-LSB-`` ...), quote
tokens (`````` ``''``) and split clitics (``BP 's``) are dropped, so
``words("BP 's well -LRB- Macondo -RRB-")`` is ``["bp", "well", "macondo"]``.
"""

from __future__ import annotations

import re

# PTB brackets and clitics separated by a tokenizer (" 's", " 're", " n't" stays a word).
_NOISE = re.compile(r"-[LR][RSC]B-|(?<!\S)['’](?:s|re|ve|ll|d|m)(?!\S)", re.I)
#: A word: letters/digits, with inner hyphens, apostrophes or dots (al-Baghdadi, don't, U.S).
WORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*")


def words(text: str) -> list[str]:
    """Lower-case word tokens of ``text`` (punctuation and PTB tokens dropped)."""
    return WORD.findall(_NOISE.sub(" ", text).lower())


def word_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the words of ``text`` (same tokens as :func:`words`, not lower-cased)."""
    cleaned = _NOISE.sub(lambda m: " " * len(m.group()), text)
    return [m.span() for m in WORD.finditer(cleaned)]


_BRACKETS = {"LRB": "(", "RRB": ")", "LSB": "[", "RSB": "]", "LCB": "{", "RCB": "}"}
#: A PTB bracket token (any case), also one that lost a hyphen at a span edge (``RRB- Thousands``).
_BRACKET = re.compile(r"(?<![\w-])(?:-([LR][RSC]B)-?|([LR][RSC]B)-)(?![\w-])", re.I)
_ESCAPED = re.compile(r"\\([/*])")  # PTB escapes: ``AP Photo\/Khalil`` ``\* May 6``
_QUOTES = {"``": "\u201c", "''": "\u201d"}
_QUOTE_TOKEN = re.compile(r"``|''")
_LONE_QUOTE = re.compile(r"""(?<!\S)["`'](?!\S)""")  # a quote standing alone as a token
_CLOSE = r"[.,;:!?%)\]}\u201d\u2019]"
_CLITIC = r"(?i:'s|'re|'ve|'ll|'d|'m|n't)(?![\w'])"
# no space before closing punctuation or a clitic, nor before a possessive ``'`` (``workers '``)
_SPACE_BEFORE = re.compile(rf"\s+(?={_CLOSE}|{_CLITIC})|(?<=[sS])\s+(?='(?:\s|$))")
_SPACE_AFTER = re.compile(r"(?<=[(\[{\u201c\u2018$])\s+")


def _lone_quotes(text: str) -> str:
    """Stand-alone quote tokens as curly quotes: ``"`` alternates opening and closing,
    `````` opens a single quote and the next stand-alone ``'`` closes it."""
    double = single = False

    def swap(m: re.Match[str]) -> str:
        nonlocal double, single
        q = m.group()
        if q == '"':
            double = not double
            return "\u201c" if double else "\u201d"
        if q == "`":
            single = True
            return "\u2018"
        if single:
            single = False
            return "\u2019"
        return q

    return _LONE_QUOTE.sub(swap, text)


#: A bracket left over at an excerpt's edge: a closing one first, an opening one last.
_EDGE_BRACKET = re.compile(r"^\s*[)\]}]\s*|\s*[(\[{]\s*$")


def detokenize(text: str) -> str:
    r"""Readable text from PTB-tokenized text, for display only (offsets do not carry over).

    ``Ali , who fled -LRB- by boat -RRB- , was n't seen .`` becomes ``Ali, who fled
    (by boat), wasn't seen.``: bracket tokens become brackets (a bracket with nothing to
    pair with at the edge of the text is dropped), quote tokens (two backticks, two
    apostrophes, a stand-alone ``"``) curly quotes, ``\/`` a slash; no space before
    punctuation, closing brackets and quotes or clitics (``'s``, ``n't`` ...), none after
    opening ones. Untokenized text comes back as it was, apart from spaces that are never
    typeset (``word ,``).
    """
    out = _BRACKET.sub(lambda m: _BRACKETS[(m.group(1) or m.group(2)).upper()], text)
    out = _EDGE_BRACKET.sub("", out)
    out = _ESCAPED.sub(r"\1", out)
    out = _QUOTE_TOKEN.sub(lambda m: _QUOTES[m.group()], out)
    out = _lone_quotes(out)
    out = _SPACE_BEFORE.sub("", out)
    return _SPACE_AFTER.sub("", out)

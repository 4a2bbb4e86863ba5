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


_PTB_MAP = {
    "-LRB-": "(",
    "-RRB-": ")",
    "-LSB-": "[",
    "-RSB-": "]",
    "-LCB-": "{",
    "-RCB-": "}",
    "``": "\u201c",
    "''": "\u201d",
}
_PTB_TOKEN = re.compile(r"-[LR][RSC]B-|``|''")
_SPACE_BEFORE = re.compile(r" +([.,;:!?%)\]}\u201d]|'s\b|'re\b|'ve\b|'ll\b|'d\b|'m\b|n't\b)")
_SPACE_AFTER = re.compile(r"([(\[{\u201c$]) +")


def detokenize(text: str) -> str:
    """Readable text from PTB-tokenized text: ``BP 's well -LRB- Macondo -RRB- .`` -> ``BP's well (Macondo).``

    For display only: offsets do not carry over.
    """
    if "-" not in text and "`" not in text and "'" not in text and " " not in text:
        return text
    out = _PTB_TOKEN.sub(lambda m: _PTB_MAP[m.group()], text)
    out = _SPACE_BEFORE.sub(r"\1", out)
    return _SPACE_AFTER.sub(r"\1", out)

"""The Porter stemmer exactly as ROUGE-1.5.5 runs it (``-m``).

ROUGE-1.5.5 ships the "Release 1" Perl Porter stemmer (with the common
departures ``bli -> ble`` and ``logi -> log`` in step 2) and one local change
in step 4: the suffixes ``ment`` and ``ent`` are tried after, not instead of,
the other step-4 suffixes, so a word can lose two suffixes there
(``-ement`` is its own rule). No stemmer package reproduces that, so this is
a small re-implementation of the algorithm with those rules; ``bench/
metric_stemmer_check.py`` compares it with ROUGE's Perl on the whole T17
gold vocabulary and its articles.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .resources import stem_exceptions

_c = "[^aeiou]"
_v = "[aeiouy]"
_C = f"{_c}[^aeiouy]*"
_V = f"{_v}[aeiou]*"
_MGR0 = re.compile(f"^({_C})?{_V}{_C}")  # measure > 0
_MEQ1 = re.compile(f"^({_C})?{_V}{_C}({_V})?$")  # measure == 1
_MGR1 = re.compile(f"^({_C})?{_V}{_C}{_V}{_C}")  # measure > 1
_HAS_VOWEL = re.compile(f"^({_C})?{_v}")
_CVC = re.compile(f"^{_C}{_v}[^aeiouwxy]$")

_STEP2 = {
    "ational": "ate", "tional": "tion", "enci": "ence", "anci": "ance", "izer": "ize",
    "bli": "ble", "alli": "al", "entli": "ent", "eli": "e", "ousli": "ous",
    "ization": "ize", "ation": "ate", "ator": "ate", "alism": "al", "iveness": "ive",
    "fulness": "ful", "ousness": "ous", "aliti": "al", "iviti": "ive", "biliti": "ble",
    "logi": "log",
}  # fmt: skip
_STEP3 = {
    "icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "ful": "",
    "ness": "",
}  # fmt: skip
_STEP2_RE = re.compile("(" + "|".join(_STEP2) + ")$")
_STEP3_RE = re.compile("(" + "|".join(_STEP3) + ")$")
_STEP4_RE = re.compile("(al|ance|ence|er|ic|able|ible|ant|ement|ou|ism|ate|iti|ous|ive|ize)$")
_ION_RE = re.compile("(s|t)(ion)$")
_DOUBLE_RE = re.compile(r"([^aeiouylsz])\1$")


def porter_stem(word: str) -> str:
    """Stem one lower-case word with ROUGE-1.5.5's Porter rules."""
    w = word
    if len(w) < 3:
        return w
    initial_y = w[0] == "y"
    if initial_y:
        w = "Y" + w[1:]

    # step 1a
    if w.endswith("sses") or w.endswith("ies"):
        w = w[:-2]
    elif len(w) >= 2 and w[-1] == "s" and w[-2] != "s":
        w = w[:-1]
    # step 1b
    if w.endswith("eed"):
        if _MGR0.search(w[:-3]):
            w = w[:-1]
    else:
        m = re.search("(ed|ing)$", w)
        if m and _HAS_VOWEL.search(w[: m.start()]):
            w = w[: m.start()]
            if re.search("(at|bl|iz)$", w):
                w += "e"
            elif _DOUBLE_RE.search(w):
                w = w[:-1]
            elif _CVC.search(w):
                w += "e"
    # step 1c
    if w.endswith("y") and _HAS_VOWEL.search(w[:-1]):
        w = w[:-1] + "i"
    # step 2 and 3
    for pattern, table in ((_STEP2_RE, _STEP2), (_STEP3_RE, _STEP3)):
        m = pattern.search(w)
        if m and _MGR0.search(w[: m.start()]):
            w = w[: m.start()] + table[m.group(1)]
    # step 4 (ROUGE's variant: "ment" and "ent" are tried in turn afterwards)
    m = _STEP4_RE.search(w)
    if m and _MGR1.search(w[: m.start()]):
        w = w[: m.start()]
    if w.endswith("ment") and _MGR1.search(w[:-4]):
        w = w[:-4]
    if w.endswith("ent"):
        if _MGR1.search(w[:-3]):
            w = w[:-3]
    else:
        m = _ION_RE.search(w)
        if m and _MGR1.search(w[: m.start() + 1]):
            w = w[: m.start() + 1]
    # step 5
    if w.endswith("e"):
        stem = w[:-1]
        if _MGR1.search(stem) or (_MEQ1.search(stem) and not _CVC.search(stem)):
            w = stem
    if w.endswith("ll") and _MGR1.search(w):
        w = w[:-1]

    if initial_y:
        w = "y" + w[1:]
    return w


@lru_cache(maxsize=200_000)
def rouge_stem(token: str) -> str:
    """ROUGE-1.5.5's ``MorphStem``: WordNet exception table first, then Porter."""
    exception = stem_exceptions().get(token)
    if exception is not None:
        return exception
    return porter_stem(token)

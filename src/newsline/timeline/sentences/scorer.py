"""A learned sentence scorer: which candidate best summarizes its date.

Ridge regression from the summarizer's similarity features and the
per-candidate context features (:mod:`newsline.timeline.sentences.features`) to the
ROUGE of the sentence against reference summaries of that date. Plugs into
:class:`~newsline.timeline.sentences.summarize.CentroidSummarizer` as its relevance.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from ...errors import NotFittedError
from ..linear import LinearModel
from .features import CONTEXT_FEATURES
from .summarize import CentroidSummarizer

SCHEMA = "newsline.sentence-scorer/1"
FEATURES = ("to_date", "to_topic", *CONTEXT_FEATURES)
DEFAULT_MODEL = Path(__file__).parent.parent / "models" / "sentence_scorer.json"


class LearnedSentenceScorer:
    """Ridge regression; ``fit`` sets ``model_``."""

    def __init__(self, alpha: float = 1.0) -> None:
        self.alpha = alpha

    def fit(self, X: np.ndarray, y: np.ndarray) -> LearnedSentenceScorer:
        from sklearn.linear_model import Ridge

        r = Ridge(alpha=self.alpha).fit(X, y)
        self.model_ = LinearModel(
            SCHEMA, FEATURES, r.coef_.ravel().copy(), float(r.intercept_), {"alpha": self.alpha}
        )
        return self

    def predict(self, X: np.ndarray) -> np.ndarray:
        if not hasattr(self, "model_"):
            raise NotFittedError("LearnedSentenceScorer is not fitted: call fit() or load()")
        return self.model_.decision(X)

    def save(self, path: str | Path) -> None:
        self.model_.save(path)

    @classmethod
    def load(cls, path: str | Path = DEFAULT_MODEL) -> LearnedSentenceScorer:
        model = LinearModel.load(path, SCHEMA)
        model.check(FEATURES)
        self = cls(**model.params)  # type: ignore[arg-type]
        self.model_ = model
        return self


class LearnedSummarizer(CentroidSummarizer):
    """Centroid summarizer whose relevance is the learned scorer's prediction."""

    uses_context = True  # (the scorer's features end with the context)

    def __init__(self, scorer: LearnedSentenceScorer, redundancy: float = 0.5) -> None:
        super().__init__(redundancy=redundancy)
        self.scorer = scorer

    def features(self, candidates: Sequence[int], context: np.ndarray | None) -> np.ndarray:
        sims = self.similarities(candidates)
        if context is None:
            context = np.zeros((len(candidates), len(CONTEXT_FEATURES)))
        return np.hstack([sims, context])

    def relevance(
        self,
        candidates: Sequence[int],
        context: np.ndarray | None,
        weights: np.ndarray | None = None,
    ) -> np.ndarray:
        """The scorer's prediction; ``weights`` are not used: its features are
        the unweighted similarities it was trained on."""
        return self.scorer.predict(self.features(candidates, context))

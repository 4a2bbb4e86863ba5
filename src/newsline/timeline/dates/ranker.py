"""A learned date ranker (scikit-learn's estimator contract, JSON model file).

Pointwise logistic regression over the normalized date features of
:mod:`newsline.timeline.dates.features`: how likely a candidate date is a date of a
reference timeline (``score`` returns that probability). ``fit`` needs scikit-learn; ``score`` is a dot product,
so a fitted model loads from JSON without it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from ...errors import NotFittedError
from ..linear import LinearModel
from .features import FEATURES, DateFeatures
from .select import LinearDateRanker, standardized

SCHEMA = "newsline.date-ranker/1"
DEFAULT_MODEL = Path(__file__).parent.parent / "models" / "date_ranker.json"


class LearnedDateRanker:
    """Logistic-regression date ranker; ``fit`` sets ``model_``."""

    def __init__(self, C: float = 0.1, class_weight: str | None = None) -> None:
        self.C = C
        self.class_weight = class_weight

    def fit(
        self, feats: Sequence[DateFeatures], labels: Sequence[np.ndarray]
    ) -> LearnedDateRanker:
        from sklearn.linear_model import LogisticRegression

        X = np.vstack([f.normalized() for f in feats])
        y = np.concatenate([np.asarray(lab, dtype=int) for lab in labels])
        lr = LogisticRegression(C=self.C, class_weight=self.class_weight, max_iter=3000)
        lr.fit(X, y)
        params = {"C": self.C, "class_weight": self.class_weight}
        self.model_ = LinearModel(
            SCHEMA, tuple(FEATURES), lr.coef_.ravel().copy(), float(lr.intercept_[0]), params
        )
        return self

    def score(self, feats: DateFeatures) -> np.ndarray:
        if not hasattr(self, "model_"):
            raise NotFittedError("LearnedDateRanker is not fitted: call fit() or load()")
        if len(feats.dates) == 0:
            return np.zeros(0)
        return 1.0 / (1.0 + np.exp(-self.model_.decision(feats.normalized())))

    def save(self, path: str | Path) -> None:
        self.model_.save(path)

    @classmethod
    def load(cls, path: str | Path = DEFAULT_MODEL) -> LearnedDateRanker:
        model = LinearModel.load(path, SCHEMA)
        model.check(FEATURES)
        self = cls(**model.params)  # type: ignore[arg-type]
        self.model_ = model
        return self


class BlendedDateRanker:
    """The fixed-weight ranker plus ``weight`` times the learned one.

    Both scores are standardized over the candidate dates of the corpus
    (the learned one on its log-odds), so ``weight`` is their relative say.
    The fixed weights carry most of it; the learned model corrects them
    (leave-one-topic-out it raised date F1 on both benchmarks, BENCHMARKS.md).
    """

    def __init__(
        self,
        learned: LearnedDateRanker,
        weight: float = 0.25,
        base: LinearDateRanker | None = None,
    ) -> None:
        self.learned = learned
        self.weight = weight
        self.base = base or LinearDateRanker()

    def score(self, feats: DateFeatures) -> np.ndarray:
        if len(feats.dates) == 0:
            return np.zeros(0)
        if not hasattr(self.learned, "model_"):
            raise NotFittedError("BlendedDateRanker needs a fitted LearnedDateRanker")
        fixed = standardized(self.base.score(feats))
        learned = standardized(self.learned.model_.decision(feats.normalized()))
        return fixed + self.weight * learned

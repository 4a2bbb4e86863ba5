"""A learned date ranker (scikit-learn's estimator contract, JSON model file).

Pointwise logistic regression over the normalized date features of
:mod:`newsline.timeline.dates`: the probability that a candidate date is a
date of a reference timeline. ``fit`` needs scikit-learn; ``score`` is a dot
product, so a fitted model loads from JSON without it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from ..errors import NotFittedError
from .dates import FEATURES, DateFeatures

MODEL_SCHEMA = "newsline.date-ranker/1"
DEFAULT_MODEL = Path(__file__).with_name("models") / "date_ranker.json"


class LearnedDateRanker:
    """Logistic-regression date ranker.

    Parameters are stored untouched by ``__init__``; ``fit`` sets ``coef_``,
    ``intercept_`` and ``features_``.
    """

    def __init__(self, C: float = 1.0, class_weight: str | None = "balanced") -> None:
        self.C = C
        self.class_weight = class_weight

    def fit(
        self, feats: Sequence[DateFeatures], labels: Sequence[np.ndarray]
    ) -> LearnedDateRanker:
        from sklearn.linear_model import LogisticRegression

        X = np.vstack([f.normalized() for f in feats])
        y = np.concatenate([np.asarray(lab, dtype=int) for lab in labels])
        model = LogisticRegression(
            C=self.C, class_weight=self.class_weight, max_iter=2000, solver="lbfgs"
        )
        model.fit(X, y)
        self.coef_ = model.coef_.ravel().astype(float)
        self.intercept_ = float(model.intercept_[0])
        self.features_ = tuple(FEATURES)
        return self

    def _check(self) -> None:
        if not hasattr(self, "coef_"):
            raise NotFittedError("LearnedDateRanker is not fitted: call fit() or load()")
        if tuple(self.features_) != tuple(FEATURES):
            raise NotFittedError(
                f"date ranker model features {self.features_} do not match {FEATURES}"
            )

    def score(self, feats: DateFeatures) -> np.ndarray:
        self._check()
        if len(feats.dates) == 0:
            return np.zeros(0)
        z = feats.normalized() @ self.coef_ + self.intercept_
        return 1.0 / (1.0 + np.exp(-z))

    def to_dict(self) -> dict[str, object]:
        self._check()
        return {
            "schema": MODEL_SCHEMA,
            "features": list(self.features_),
            "coef": [round(float(c), 8) for c in self.coef_],
            "intercept": round(self.intercept_, 8),
            "params": {"C": self.C, "class_weight": self.class_weight},
        }

    def save(self, path: str | Path) -> None:
        Path(path).write_text(json.dumps(self.to_dict(), indent=2) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path = DEFAULT_MODEL) -> LearnedDateRanker:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if data.get("schema") != MODEL_SCHEMA:
            raise NotFittedError(f"{path}: not a {MODEL_SCHEMA} model")
        params = data.get("params", {})
        self = cls(C=params.get("C", 1.0), class_weight=params.get("class_weight"))
        self.coef_ = np.asarray(data["coef"], dtype=float)
        self.intercept_ = float(data["intercept"])
        self.features_ = tuple(data["features"])
        return self

"""Linear models as data: a JSON file with feature names, coefficients and intercept.

The shipped models are produced by scripts in ``bench/`` and read here; no
pickles. A model whose feature list differs from the code's is refused.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..errors import NotFittedError


@dataclass(frozen=True)
class LinearModel:
    schema: str
    features: tuple[str, ...]
    coef: np.ndarray
    intercept: float
    params: dict[str, object] = field(default_factory=dict)

    def decision(self, X: np.ndarray) -> np.ndarray:
        return X @ self.coef + self.intercept

    def check(self, features: Sequence[str]) -> None:
        if tuple(features) != self.features:
            raise NotFittedError(
                f"{self.schema} model features {self.features} do not match {tuple(features)}"
            )

    def save(self, path: str | Path) -> None:
        data = {
            "schema": self.schema,
            "features": list(self.features),
            "coef": [round(float(c), 8) for c in self.coef],
            "intercept": round(float(self.intercept), 8),
            "params": self.params,
        }
        Path(path).write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path, schema: str) -> LinearModel:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if data.get("schema") != schema:
            raise NotFittedError(f"{path}: not a {schema} model")
        return cls(
            schema,
            tuple(data["features"]),
            np.asarray(data["coef"], dtype=float),
            float(data["intercept"]),
            dict(data.get("params", {})),
        )

"""The learned part of dating: how text clues and neighbours relate to the publication day.

A :class:`DatingPrior` holds smoothed histograms measured on dated articles
(``bench/train_dating_prior.py`` fits it; the shipped one is
``dating/models/prior.json``):

- ``lag``: days from the latest past day the text names (a full date, or a
  partial one read in the publication year) to the publication day;
- ``weekday``: per tense (past, unknown, future), the weekday of publication
  minus the weekday a relative weekday names (``on Saturday``), mod 7;
- ``year``: the publication year minus the latest year the text names in the past;
- ``year_far``: that lag, given it is 3 years or more (the open bin's years);
- ``years_ago``: the year a ``years-ago`` clue implies minus the publication year;
- ``neighbour_<b>``: days between an article and one close to it in content,
  per similarity bin (:data:`SIMILARITY_BINS`: copies are mostly the same day);
- ``dateline``/``weekday_date``/``weekday_date_body``: how often such a date
  (a weekday date in the head / in the body) is the publication day;
  ``partial_dateline``: how often a wire dateline's month and day, read in
  the publication year, is it; ``copy_weekday_<b>``: how often a weekday's
  day as a near-verbatim copy of its sentence reads it is the one the article's
  own date reads, per similarity bin of the two (:mod:`~newsline.dating.copies`).

It follows the estimator contract: ``fit`` returns ``self``, learned
attributes end in ``_``; the model file is JSON, not a pickle.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..errors import NotFittedError

SCHEMA = "newsline.dating-prior/1"
DEFAULT_MODEL = Path(__file__).with_name("models") / "prior.json"


@dataclass(frozen=True, slots=True)
class Histogram:
    """Probabilities of integer values ``lo .. lo + len(probs) - 1``; values
    outside share ``tail`` (per value)."""

    lo: int
    probs: tuple[float, ...]
    tail: float
    logs: np.ndarray = field(init=False, repr=False, compare=False)
    log_tail: np.float64 = field(init=False, repr=False, compare=False)
    # the logs with the tail's at both ends: a clipped index finds a value inside or the tail
    _padded: np.ndarray = field(init=False, repr=False, compare=False)
    _exp_padded: np.ndarray = field(init=False, repr=False, compare=False)
    #: tables a caller derives from the histogram (:mod:`~newsline.dating.estimate`'s weekday scores)
    memo: dict[object, np.ndarray] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        logs = np.log(np.asarray(self.probs, dtype=np.float64))
        object.__setattr__(self, "logs", logs)
        object.__setattr__(self, "log_tail", np.log(self.tail))
        padded = np.concatenate([[self.log_tail], logs, [self.log_tail]])
        object.__setattr__(self, "_padded", padded)
        object.__setattr__(self, "_exp_padded", np.exp(padded))

    @classmethod
    def fit(cls, values: Iterable[int], lo: int, hi: int, alpha: float = 0.5) -> Histogram:
        counts = np.full(hi - lo + 1, alpha, dtype=np.float64)
        outside = alpha
        for v in values:
            if lo <= v <= hi:
                counts[v - lo] += 1
            else:
                outside += 1
        total = counts.sum() + outside
        # values outside the range: spread the outside mass over a year of values
        return cls(lo, tuple(float(c) for c in counts / total), float(outside / total / 365))

    def log(self, values: np.ndarray) -> np.ndarray:
        """Log-probability of each value (the tail's outside the range)."""
        idx = np.asarray(values, dtype=np.int64) - (self.lo - 1)  # 1 .. len(logs) inside
        return self._padded.take(idx, mode="clip")

    def exp_log(self, values: np.ndarray) -> np.ndarray:
        """``np.exp(self.log(values))``, from a table of the exponentials (the same numbers)."""
        idx = np.asarray(values, dtype=np.int64) - (self.lo - 1)
        return self._exp_padded.take(idx, mode="clip")

    def as_dict(self) -> dict[str, object]:
        return {"lo": self.lo, "probs": [round(p, 6) for p in self.probs], "tail": self.tail}

    @classmethod
    def from_dict(cls, d: dict[str, object]) -> Histogram:
        return cls(int(d["lo"]), tuple(float(p) for p in d["probs"]), float(d["tail"]))  # type: ignore[arg-type, union-attr]


#: similarity bins of the neighbour histograms ``neighbour_0`` .. ``neighbour_4``
SIMILARITY_BINS = (0.1, 0.2, 0.3, 0.45, 0.6)
_HISTOGRAMS = ("lag", "year", "year_far", "years_ago",
               "weekday_past", "weekday_unknown", "weekday_future",
               *(f"neighbour_{b}" for b in range(len(SIMILARITY_BINS))))  # fmt: skip
_RANGES = {
    "lag": (-30, 90), "year": (-3, 3), "year_far": (3, 40), "years_ago": (-3, 3),
    "weekday_past": (0, 6), "weekday_unknown": (0, 6), "weekday_future": (0, 6),
    **{f"neighbour_{b}": (-60, 60) for b in range(len(SIMILARITY_BINS))},
}  # fmt: skip


def similarity_bin(similarity: float) -> int:
    """Index of the neighbour histogram for a cosine similarity (the bins
    ascend: the edges at or below it are the first ones)."""
    return max(0, bisect_right(SIMILARITY_BINS, similarity) - 1)


class DatingPrior:
    """Histograms of clue-to-publication offsets; see the module docstring."""

    def __init__(self, alpha: float = 0.5) -> None:
        self.alpha = alpha

    def fit(
        self,
        samples: dict[str, list[int]],
        hits: dict[str, tuple[int, int]],
        trained_on: str = "",
    ) -> DatingPrior:
        """``samples``: observed offsets per histogram name; ``hits``: for
        ``dateline``, ``weekday_date`` and ``weekday_date_body``, (times it was
        the publication day, times seen)."""
        self.histograms_ = {
            name: Histogram.fit(samples.get(name, ()), *_RANGES[name], alpha=self.alpha)
            for name in _HISTOGRAMS
        }
        self.hit_rates_ = {k: (h + self.alpha) / (n + 2 * self.alpha) for k, (h, n) in hits.items()}
        self.trained_on_ = trained_on
        return self

    def histogram(self, name: str) -> Histogram:
        if not hasattr(self, "histograms_"):
            raise NotFittedError("DatingPrior is not fitted: call fit() or load()")
        return self.histograms_[name]

    def hit_rate(self, name: str) -> float:
        if not hasattr(self, "hit_rates_"):
            raise NotFittedError("DatingPrior is not fitted: call fit() or load()")
        return self.hit_rates_.get(name, 0.5)

    def save(self, path: str | Path) -> None:
        data = {
            "schema": SCHEMA,
            "trained_on": self.trained_on_,
            "alpha": self.alpha,
            "hit_rates": {k: round(v, 6) for k, v in self.hit_rates_.items()},
            "histograms": {k: h.as_dict() for k, h in self.histograms_.items()},
        }
        Path(path).write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path = DEFAULT_MODEL) -> DatingPrior:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if data.get("schema") != SCHEMA:
            raise NotFittedError(f"{path}: not a dating prior ({data.get('schema')!r})")
        self = cls(float(data.get("alpha", 0.5)))
        self.histograms_ = {k: Histogram.from_dict(v) for k, v in data["histograms"].items()}
        self.hit_rates_ = {k: float(v) for k, v in data["hit_rates"].items()}
        self.trained_on_ = str(data.get("trained_on", ""))
        return self


_LOADED: dict[str, DatingPrior] = {}


def shipped_prior(path: str | Path | None = None) -> DatingPrior:
    """The prior at ``path`` (default: the shipped model), loaded once per process."""
    key = str(path or DEFAULT_MODEL)
    if key not in _LOADED:
        _LOADED[key] = DatingPrior.load(key)
    return _LOADED[key]

"""Date selection: candidate-date features, rankers (fixed weights and learned), selection.

- :mod:`.features`: per-date counts from the sentence pool, censoring correction;
- :mod:`.select`: the fixed-weight ranker, chronology counts, top-``n`` selection with spread;
- :mod:`.ranker`: the learned (logistic) ranker and its blend with the fixed one,
  read from ``timeline/models/date_ranker.json``.
"""

from .features import CENSORING_PRIOR, FEATURES, DateFeatures, censoring_factors, date_features
from .select import LinearDateRanker, chronology_docs, select_dates, standardized

__all__ = [
    "CENSORING_PRIOR",
    "FEATURES",
    "DateFeatures",
    "LinearDateRanker",
    "censoring_factors",
    "chronology_docs",
    "date_features",
    "select_dates",
    "standardized",
]

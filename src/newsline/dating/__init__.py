"""Dating stage: publication-date estimates for undated articles.

``date_documents(documents)`` gives every undated document a
:class:`~newsline.model.DateEstimate` (a day, or an interval of a week, month
or year, with its confidence and evidence) from its own text
(:mod:`.evidence`) and from the articles closest to it in content
(:mod:`.collection`), combined under a learned prior (:mod:`.prior`,
:mod:`.estimate`, partial dates read by :mod:`.partial`); its mentions are then
resolved against the estimate at the estimate's precision (:mod:`.resolve`).
"""

from __future__ import annotations

from .estimate import estimate
from .evidence import read_clues
from .prior import DatingPrior, shipped_prior
from .stage import (
    DEFAULT,
    DatingOptions,
    apply_estimate,
    apply_estimates,
    date_documents,
    estimate_documents,
    start_search,
)

__all__ = [
    "DEFAULT",
    "DatingOptions",
    "DatingPrior",
    "apply_estimate",
    "apply_estimates",
    "date_documents",
    "estimate",
    "estimate_documents",
    "read_clues",
    "shipped_prior",
    "start_search",
]

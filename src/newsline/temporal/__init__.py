"""Temporal stage: find time expressions and resolve them to calendar dates.

``tag(text, dct)`` returns TIMEX3-style :class:`~newsline.model.DateMention`
objects (DATE, TIME, DURATION, SET) resolved against the document creation
time; ``infer_publication_date(text)`` estimates a missing DCT from evidence
in the text.
"""

from __future__ import annotations

from .infer import infer_publication_date
from .tagger import forget_scans, tag

__all__ = ["forget_scans", "infer_publication_date", "tag"]

"""HTML publication dates: every candidate date a page's evidence names, and the choice.

:mod:`.lines` reads the dates a page shows its readers (date lines, bylines,
``<time>``), :mod:`.features` gathers every candidate with its features (URL,
htmldate's readings, schema.org/OpenGraph published vs modified, those lines),
and :mod:`.core` scores them with the shipped model (``models/page_date.json``)
and gives a date only with enough evidence.
"""

from __future__ import annotations

from .core import DEFAULT_MODEL, candidates, choose, page_date, url_date

__all__ = ["DEFAULT_MODEL", "candidates", "choose", "page_date", "url_date"]

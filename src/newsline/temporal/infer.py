"""Estimate the publication date of an undated article (placeholder, see below)."""

from __future__ import annotations

import datetime as dt


def infer_publication_date(text: str) -> tuple[dt.date, str] | None:
    return None

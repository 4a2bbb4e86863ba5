"""Temporal stage (STUB: to be replaced)."""

from __future__ import annotations

import datetime as dt

from ..model import DateMention


def tag(text: str, dct: dt.date | None) -> list[DateMention]:
    return []

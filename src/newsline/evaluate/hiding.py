"""Hidden publication dates: how the protocol measures the dating stage.

With ``hide_dates`` the protocol removes the publication dates of a seeded
fraction of each task's input articles *after* the input window was chosen
with the true dates; the hidden articles are re-read as undated ones
(``tag(text, None)``), the dating stage estimates them from what is left, and
the timeline is built and scored as usual. :func:`dating_scores` says how
close the estimates came to the hidden dates.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import zlib
from collections.abc import Mapping, Sequence

import numpy as np

from ..model import DateEstimate, Document
from ..temporal import tag

DATING_KEYS = (
    "hidden",
    "estimated",
    "day",
    "exact",
    "within_1",
    "within_7",
    "off_7",
    "in_interval",
)


def hide(
    docs: Sequence[Document], fraction: float, seed: int, name: str
) -> tuple[tuple[Document, ...], dict[int, dt.date]]:
    """The documents with ``round(fraction * n)`` of them undated (seeded by
    ``seed`` and the task ``name``), and the hidden dates by index."""
    dated = [i for i, d in enumerate(docs) if d.article.published is not None]
    n = round(fraction * len(dated))
    rng = np.random.default_rng([seed, zlib.crc32(name.encode())])
    chosen = sorted(rng.choice(len(dated), size=n, replace=False).tolist()) if n else []
    truth: dict[int, dt.date] = {}
    out = list(docs)
    for k in chosen:
        i = dated[k]
        a = docs[i].article
        assert a.published is not None
        truth[i] = a.published
        undated = dataclasses.replace(a, published=None, date_source="")
        out[i] = Document(undated, docs[i].sentences, tuple(tag(a.text, None)))
    return tuple(out), truth


def dating_scores(
    truth: Mapping[int, dt.date], estimates: Mapping[int, DateEstimate | None]
) -> dict[str, float]:
    """Shares of the hidden articles: estimated at all, to a day, exactly right,
    best day within 1 and 7 days, off by more than 7 (of all hidden), and
    whose interval holds the true day."""
    n = len(truth)
    if not n:
        return {k: 0.0 for k in DATING_KEYS}
    c = dict.fromkeys(DATING_KEYS, 0)
    for i, true in truth.items():
        e = estimates.get(i)
        if e is None:
            continue
        gap = abs((e.best - true).days)
        c["estimated"] += 1
        c["day"] += e.is_day
        c["exact"] += e.is_day and gap == 0
        c["within_1"] += gap <= 1
        c["within_7"] += gap <= 7
        c["off_7"] += gap > 7
        c["in_interval"] += e.earliest <= true <= e.latest
    out = {k: round(v / n, 4) for k, v in c.items()}
    out["hidden"] = float(n)
    return out


def mean_dating(rows: Sequence[Mapping[str, float]]) -> dict[str, float]:
    """Pooled over tasks (weighted by hidden articles)."""
    total = sum(r["hidden"] for r in rows)
    if not total:
        return {}
    out = {k: round(sum(r[k] * r["hidden"] for r in rows) / total, 4) for k in DATING_KEYS[1:]}
    out["hidden"] = total
    return out

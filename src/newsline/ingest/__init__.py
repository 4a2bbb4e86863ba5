"""Ingest stage: files, folders and stdin -> Article. (STUB: to be replaced)"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..errors import Problem
from ..model import Article


@dataclass
class IngestResult:
    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def read(
    paths: Sequence[str | os.PathLike[str]],
    *,
    default_date: dt.date | None = None,
    strict: bool = False,
) -> IngestResult:
    res = IngestResult()
    for p in paths:
        with gzip.open(p, "rt") as f:
            for line in f:
                d = json.loads(line)
                res.articles.append(
                    Article(d["id"], d["text"], d.get("title", ""),
                            published=dt.date.fromisoformat(d["time"][:10]), date_source="field")
                )
    return res

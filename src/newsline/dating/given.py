"""Dates the user gives: per file (``--dates-from``) and one default (``--date``).

A dates file is CSV (``path,date`` per line, an optional header; ``;``, tab or
``|`` may separate) or JSON lines (``{"path": ..., "date": ...}``); a date is
ISO or any form a record's date column may take (``March 5, 2015``). A path matches an article whose
origin file, id, or file name is that path. ``--date`` only fills what no
evidence dates (:func:`fill_default`), and says where it contradicts a
confident estimate.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import datetime as dt
import json
import os
from collections.abc import Sequence
from pathlib import Path

from ..errors import InputError, Problem
from ..ingest.dates import parse_date
from ..ingest.formats.fields import decide_dayfirst
from ..ingest.formats.records import sniff_delimiter
from ..model import Article, Corpus, Document
from ..temporal import tag


def read_dates_file(path: str | os.PathLike[str]) -> tuple[dict[str, dt.date], list[Problem]]:
    """``path -> date`` from a CSV or JSON-lines file; bad lines become problems."""
    p = Path(path)
    try:
        lines = p.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{p}: cannot read the dates file ({exc})") from None
    problems: list[Problem] = []
    rows = _rows(lines, p, problems)
    dayfirst = decide_dayfirst(value for _, _, value in rows)  # 25/04 settles 03/04
    out: dict[str, dt.date] = {}
    for n, key, value in rows:
        day = parse_date(value, dayfirst)
        if day is not None:
            out[key] = day
        elif n != 1 or any(c.isdigit() for c in value):  # not a header line ("path,date")
            problems.append(Problem(f"{p}:{n}", f"not a date (YYYY-MM-DD): {value!r}"))
    return out, problems


def _rows(lines: list[str], p: Path, problems: list[Problem]) -> list[tuple[int, str, str]]:
    """(line, path, date text) of each line of a dates file; bad lines become problems."""
    delimiter = sniff_delimiter(next((x for x in lines if x.strip()), ""))
    rows = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        if line.lstrip().startswith("{"):
            try:
                rec = json.loads(line)
                key, value = str(rec["path"]), str(rec["date"])
            except (ValueError, KeyError, TypeError):
                problems.append(Problem(f"{p}:{n}", 'expected {"path": ..., "date": ...}'))
                continue
        else:
            row = next(csv.reader([line], delimiter=delimiter))
            if len(row) < 2:
                problems.append(Problem(f"{p}:{n}", "expected path,date"))
                continue
            key, value = row[0].strip(), row[1].strip()
        rows.append((n, key, value))
    return rows


def _keys(a: Article) -> list[str]:
    keys = [a.id, a.origin]
    if a.origin:
        keys += [os.path.basename(a.origin), os.path.normpath(a.origin)]
        with contextlib.suppress(OSError):
            keys.append(str(Path(a.origin).resolve()))
    return [k for k in keys if k]


def apply_dates(
    articles: Sequence[Article], dates: dict[str, dt.date]
) -> tuple[list[Article], int, list[str]]:
    """Articles with the dates of a dates file (``date_source="file"``), how many
    matched, and the file's paths that match no article (its own path, normalised or
    resolved, is none of an article's)."""
    resolved: dict[str, str] = {}
    for k in dates:
        with contextlib.suppress(OSError):
            resolved[k] = str(Path(k).resolve())
    norm = {os.path.normpath(k): v for k, v in dates.items()}
    for k, r in resolved.items():
        norm.setdefault(r, dates[k])
    out, n = [], 0
    known: set[str] = set()
    for a in articles:
        keys = _keys(a)
        known.update(keys)
        hit = next((norm[k] for k in keys if k in norm), None)
        if hit is None:
            hit = next((dates[k] for k in keys if k in dates), None)
        if hit is not None:
            a = dataclasses.replace(a, published=hit, date_source="file")
            n += 1
        out.append(a)
    missing = [
        k for k in dates
        if not {k, os.path.normpath(k), resolved.get(k, k)} & known
    ]  # fmt: skip
    return out, n, missing


def unmatched_line(name: str, paths: Sequence[str], shown: int = 3) -> str | None:
    """One line naming (the first few of) the paths of dates file ``name`` no article has."""
    if not paths:
        return None
    listed = ", ".join(repr(p) for p in paths[:shown]) + (", ..." if len(paths) > shown else "")
    n = len(paths)
    return f"{name}: {n} {'path matches' if n == 1 else 'paths match'} no input article: {listed}"


def fill_default(corpus: Corpus, day: dt.date) -> tuple[Corpus, list[str]]:
    """``day`` as the publication date of every article nothing dates; a warning
    for each article whose confident estimate disagrees with it."""
    docs: list[Document] = []
    warnings: list[str] = []
    for d in corpus:
        e = d.estimate
        if d.article.published is None and e is None:
            a = dataclasses.replace(d.article, published=day, date_source="cli")
            docs.append(Document(a, d.sentences, tuple(tag(a.text, day))))
            continue
        if e is not None and not e.earliest <= day <= e.latest:
            warnings.append(
                f"{d.article.origin or d.article.id}: --date {day} contradicts the evidence "
                f"({e}, {e.precision}, confidence {e.confidence:.2f}); the estimate is kept"
            )
        docs.append(d)
    return Corpus(tuple(docs), corpus.report), warnings

"""Read timelines for scoring: tilse/Timeline17 text, newsline JSON, dataset lines.

Formats, told apart by their first non-blank character:

- tilse text (Timeline17), read by :func:`newsline.render.tilse.loads`: a
  ``YYYY-MM-DD`` line, one sentence per line, a line of dashes; repeated.
  Unlike tilse's reader, a last block without its closing dashes is kept and
  a repeated date adds to the earlier block.
- newsline JSON (``{"schema": "newsline.timeline/1", "entries": [...]}``): each
  entry's ``date`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, with its
  ``granularity`` if given) and each sentence's ``text``.
- the dataset's ``timelines.jsonl``: one timeline a line,
  ``[["YYYY-MM-DDT00:00:00", ["sentence", ...]], ...]`` (Entities writes
  ``YYYY-MM-DD 00:00:00``); a file may hold several.
"""

from __future__ import annotations

import json
import os
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..ingest.source import DEFAULT_LIMITS, Limits, Skip, open_input, read_all, shown
from ..model import Granularity, SummarySentence, Timeline, TimelineEntry, TimePoint
from ..render import tilse


def read_timelines(path: str | os.PathLike[str], limits: Limits = DEFAULT_LIMITS) -> list[Timeline]:
    """Every timeline in a file (one, except for ``timelines.jsonl`` files).

    Read through :mod:`newsline.ingest.source`: regular files only, gzip
    inflated, at most ``limits.max_file_size`` bytes.
    """
    p = Path(path)
    try:
        text = read_all(open_input(p, limits)).decode("utf-8")
    except Skip as exc:
        raise InputError(f"{shown(str(p))}: {str(exc).removesuffix('; skipped')}") from None
    except (OSError, EOFError, zlib.error, UnicodeDecodeError) as exc:
        raise InputError(f"{shown(str(p))}: cannot read timeline file ({exc})") from None
    stripped = text.lstrip()
    try:
        if stripped.startswith("{"):
            return [timeline_from_json(json.loads(text))]
        if stripped.startswith("["):
            return [
                timeline_from_pairs(json.loads(line)) for line in text.splitlines() if line.strip()
            ]
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise InputError(f"{p}: not a timeline ({exc})") from None
    except RecursionError:
        raise InputError(f"{p}: not a timeline (JSON nested too deeply)") from None
    try:
        timeline = tilse.loads(text)
    except InputError as exc:
        raise InputError(f"{p}: not a timeline ({exc.message})") from None
    if not len(timeline):
        raise InputError(f"{p}: no dated entries found")
    return [timeline]


def read_timeline(path: str | os.PathLike[str], limits: Limits = DEFAULT_LIMITS) -> Timeline:
    """The one timeline of a file."""
    timelines = read_timelines(path, limits)
    if len(timelines) != 1:
        raise InputError(f"{path}: holds {len(timelines)} timelines, expected one")
    return timelines[0]


def timeline_from_pairs(pairs: Sequence[Sequence[Any]]) -> Timeline:
    """A timeline from the dataset line format ``[[date, [sentence, ...]], ...]``."""
    entries = [
        TimelineEntry(TimePoint.parse(str(day)), tuple(SummarySentence(str(s)) for s in sentences))
        for day, sentences in pairs
    ]
    return Timeline(tuple(entries))


def timeline_from_json(data: dict[str, Any]) -> Timeline:
    """A timeline from newsline's JSON rendering (``date`` and sentence ``text``)."""
    entries = []
    for item in data["entries"]:
        time = TimePoint.parse(str(item["date"]))
        if "granularity" in item and item["granularity"]:
            time = TimePoint(time.date, Granularity(item["granularity"]))
        sentences = tuple(
            SummarySentence(str(s["text"] if isinstance(s, dict) else s))
            for s in item.get("sentences", [])
        )
        entries.append(TimelineEntry(time, sentences))
    return Timeline(tuple(entries), method=str(data.get("method", "")))

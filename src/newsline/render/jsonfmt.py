"""JSON output with a versioned schema (``newsline.timeline/1``), and its reader.

The format is documented field by field in ``docs/json-schema.md`` and as a
JSON Schema in ``timeline.schema.json`` next to this module.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from importlib.resources import files
from typing import Any

from ..errors import InputError
from ..model import Granularity, SourceRef, SummarySentence, Timeline, TimelineEntry, TimePoint

SCHEMA = "newsline.timeline/1"


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the format, shipped as ``timeline.schema.json``."""
    text = files(__package__).joinpath("timeline.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


def _jsonable(value: object) -> object:
    """``json.dumps`` fallback: dates as ISO strings, sets as lists, the rest as text."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (set, frozenset)):
        return sorted(value, key=str)
    if isinstance(value, Mapping):
        return dict(value)
    return str(value)


def _source(ref: SourceRef | None) -> dict[str, Any] | None:
    if ref is None:
        return None
    return {
        "article_id": ref.article_id,
        "title": ref.title,
        "url": ref.url,
        "published": ref.published.isoformat() if ref.published else None,
        "start": ref.start,
        "end": ref.end,
    }


def to_dict(timeline: Timeline) -> dict[str, Any]:
    """The timeline as plain JSON-ready data (schema ``newsline.timeline/1``)."""
    return {
        "schema": SCHEMA,
        "query": list(timeline.query),
        "method": timeline.method,
        "meta": dict(timeline.meta),
        "entries": [
            {
                "date": e.time.date.isoformat(),
                "time": str(e.time),
                "granularity": e.time.granularity.value,
                "score": float(e.score),
                "sentences": [{"text": s.text, "source": _source(s.source)} for s in e.sentences],
            }
            for e in timeline
        ],
    }


def render(timeline: Timeline, *, indent: int | None = 2) -> str:
    """The timeline as a JSON document (UTF-8 text, non-ASCII kept), ending in a newline."""
    text = json.dumps(to_dict(timeline), ensure_ascii=False, indent=indent, default=_jsonable)
    return text + "\n"


dumps = render


def _bad(message: str) -> InputError:
    return InputError(f"not a {SCHEMA} document: {message}")


def _read_source(data: object) -> SourceRef | None:
    if data is None:
        return None
    if not isinstance(data, Mapping) or "article_id" not in data:
        raise _bad("a sentence source needs an article_id")
    published = data.get("published")
    return SourceRef(
        article_id=str(data["article_id"]),
        title=str(data.get("title") or ""),
        url=str(data.get("url") or ""),
        published=dt.date.fromisoformat(published) if published else None,
        start=int(data.get("start") or 0),
        end=int(data.get("end") or 0),
    )


def _read_entry(data: object) -> TimelineEntry:
    if not isinstance(data, Mapping) or "date" not in data:
        raise _bad("every entry needs a date")
    granularity = Granularity(data.get("granularity", "day"))
    time = TimePoint(dt.date.fromisoformat(str(data["date"])), granularity)
    sentences = tuple(
        SummarySentence(str(s["text"]), _read_source(s.get("source")))
        if isinstance(s, Mapping)
        else SummarySentence(str(s))
        for s in data.get("sentences", [])
    )
    return TimelineEntry(time, sentences, float(data.get("score", 0.0)))


def from_dict(data: Mapping[str, Any]) -> Timeline:
    """A :class:`Timeline` from :func:`to_dict` data; :class:`InputError` when malformed."""
    if data.get("schema") != SCHEMA:
        raise _bad(f"schema is {data.get('schema')!r}")
    try:
        entries = tuple(_read_entry(e) for e in data.get("entries", []))
    except (KeyError, TypeError, ValueError) as exc:
        if isinstance(exc, InputError):
            raise
        raise _bad(str(exc)) from exc
    meta = data.get("meta") or {}
    return Timeline(
        entries,
        query=tuple(str(q) for q in data.get("query") or ()),
        method=str(data.get("method") or ""),
        meta=dict(meta) if isinstance(meta, Mapping) else {},
    )


def loads(text: str) -> Timeline:
    """Read back a timeline written by :func:`render`."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _bad(f"invalid JSON ({exc.msg} at line {exc.lineno})") from exc
    if not isinstance(data, Mapping):
        raise _bad("top level is not an object")
    return from_dict(data)

"""Helpers shared by the renderers: titles, date labels, header facts, sources."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from ..model import Granularity, SourceRef, Timeline, TimePoint
from ..text.tokens import detokenize

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def title_of(timeline: Timeline) -> str:
    """``meta["title"]``, else the query words, else ``"Timeline"``."""
    title = timeline.meta.get("title")
    if isinstance(title, str) and title.strip():
        return title.strip()
    if timeline.query:
        return "Timeline: " + " ".join(timeline.query)
    return "Timeline"


def period_label(time: TimePoint) -> str:
    """``2011-02-11`` for a day, ``February 2011`` for a month, ``2011`` for a year."""
    if time.granularity is Granularity.DAY:
        return time.date.isoformat()
    if time.granularity is Granularity.MONTH:
        return f"{MONTHS[time.date.month - 1]} {time.date.year}"
    return str(time.date.year)


def long_label(time: TimePoint) -> str:
    """``Friday 3 October 2025`` for a day; :func:`period_label` otherwise."""
    if time.granularity is Granularity.DAY:
        d = time.date
        return f"{d.strftime('%A')} {d.day} {MONTHS[d.month - 1]} {d.year}"
    return period_label(time)


def _text(value: object) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def date_range(meta: Mapping[str, object]) -> str:
    """``2025-10-03 to 2026-01-20`` from ``meta["date_range"]`` (one day once) or ``""``."""
    value = meta.get("date_range")
    if isinstance(value, (list, tuple)) and len(value) == 2 and all(value):
        first, last = _text(value[0]), _text(value[1])
        return first if first == last else f"{first} to {last}"
    return ""


def facts(timeline: Timeline) -> list[tuple[str, str]]:
    """Header facts as ``(label, value)`` pairs, only those present in the timeline."""
    meta = timeline.meta
    out: list[tuple[str, str]] = []
    if timeline.query:
        out.append(("Query", ", ".join(timeline.query)))
    for key, label in (("articles", "Articles"), ("sources", "Outlets")):
        if meta.get(key) not in (None, ""):
            out.append((label, _text(meta[key])))
    span = date_range(meta)
    if span:
        out.append(("Published", span))
    out.append(("Entries", str(len(timeline))))
    method = timeline.method or meta.get("method")
    if method:
        out.append(("Method", _text(method)))
    clean = meta.get("clean")
    if isinstance(clean, Mapping):
        counts = [f"{k.replace('_', ' ')} {v}" for k, v in clean.items() if v and k not in _TOTALS]
        if counts:
            out.append(("Removed", ", ".join(counts)))
    if meta.get("generated"):
        out.append(("Generated", _moment(meta["generated"])))
    return out


#: Totals in ``meta["clean"]`` that are not counts of removed items.
_TOTALS = frozenset({"articles_in", "articles_out"})


def _moment(value: object) -> str:
    """``2026-11-22 01:12 UTC`` from an ISO datetime; other values as text."""
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, dt.datetime):
        text = value.strftime("%Y-%m-%d %H:%M")
        offset = value.utcoffset()
        if offset is not None:
            text += " UTC" if not offset else value.strftime(" UTC%z")
        return text
    return _text(value)


def notes(timeline: Timeline) -> list[str]:
    value = timeline.meta.get("notes")
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, Iterable):
        return [str(n) for n in value if str(n).strip()]
    return []


def one_line(text: str) -> str:
    """Collapse all whitespace (newlines included) into single spaces."""
    return " ".join(text.split())


def display_text(text: str) -> str:
    """A summary sentence as a reader sees it: one line, tokenization undone
    (``Ali , who fled -LRB- ...`` -> ``Ali, who fled (...``, :func:`~newsline.text.detokenize`).

    For the human formats only (HTML, Markdown, terminal); JSON and the tilse text
    format keep the exact text, whose offsets index the article.
    """
    return detokenize(one_line(text))


def source_name(ref: SourceRef) -> str:
    """The article title, or its id when it has none."""
    return one_line(ref.title) or ref.article_id


def sources_in_order(timeline: Timeline) -> list[SourceRef]:
    """One reference per article, in order of first use (offsets of the first use)."""
    seen: dict[str, SourceRef] = {}
    for entry in timeline:
        for s in entry.sentences:
            if s.source is not None and s.source.article_id not in seen:
                seen[s.source.article_id] = s.source
    return list(seen.values())


def safe_url(url: str) -> str:
    """``url`` when it is http(s) or mailto, else ``""`` (no ``javascript:`` links)."""
    u = url.strip()
    return u if u.lower().startswith(("http://", "https://", "mailto:")) else ""


def estimated_sentences(timeline: Timeline) -> set[tuple[str, str, int]]:
    """``(entry time, article id, start)`` of the sentences dated by an estimate inside
    entries that are not wholly estimated (``meta.estimated_sentences``): marked "≈" each."""
    table = timeline.meta.get("estimated_sentences") or {}
    return {
        (str(time), str(ref["article_id"]), int(ref["start"]))
        for time, refs in table.items()  # type: ignore[union-attr]
        for ref in refs
    }


def is_estimated(marked: set[tuple[str, str, int]], time: TimePoint, ref: SourceRef | None) -> bool:
    """Whether a sentence (its source ``ref``) of the entry at ``time`` is in ``marked``."""
    return ref is not None and (str(time), ref.article_id, ref.start) in marked

"""Plain-text view for a terminal: dates, wrapped sentences with ``[n]`` markers, sources."""

from __future__ import annotations

import shutil
import textwrap

from ..model import Timeline
from ._common import (
    display_text,
    estimated_sentences,
    facts,
    is_estimated,
    long_label,
    notes,
    one_line,
    safe_url,
    source_name,
    sources_in_order,
    title_of,
)  # fmt: skip

MAX_WIDTH = 100
INDENT = "    "


def _width(width: int | None) -> int:
    if width is None:
        width = shutil.get_terminal_size((80, 24)).columns
    return max(40, min(width, MAX_WIDTH))


def _pack(items: list[str], width: int, wrap: textwrap.TextWrapper) -> list[str]:
    """Whole items side by side, separated by `` | ``, as many per line as fit."""
    lines: list[str] = []
    for item in items:
        if lines and len(lines[-1]) + 3 + len(item) <= width:
            lines[-1] += " | " + item
        else:
            lines += wrap.wrap(item)
    return lines


def _estimates(timeline: Timeline, body: textwrap.TextWrapper) -> list[str]:
    """The evidence behind the "≈" dates, one line an estimated article (as Markdown lists it)."""
    estimates = timeline.meta.get("date_estimates") or {}
    if not estimates:
        return []
    out = ["", "≈ Estimated publication dates"]
    for aid, e in estimates.items():  # type: ignore[union-attr]
        why = "; ".join(f"{x['rule']} {x['value']}" for x in e["evidence"] if x["weight"] > 0)
        span = e["best"] if e["precision"] == "day" else f"{e['earliest']} to {e['latest']}"
        out += body.wrap(
            f"{one_line(str(aid))}: {span} ({e['precision']}, confidence {e['confidence']:.2f}; "
            f"{display_text(why) or 'weak evidence'})"
        )
    return out


def render(timeline: Timeline, *, width: int | None = None) -> str:
    """Text that fits ``width`` columns (the terminal's, capped at 100, when ``None``)."""
    w = _width(width)
    wrap = textwrap.TextWrapper(width=w, break_long_words=False, break_on_hyphens=False)
    body = textwrap.TextWrapper(
        width=w, initial_indent=INDENT + "- ", subsequent_indent=INDENT + "  ",
        break_long_words=False, break_on_hyphens=False,
    )  # fmt: skip
    title = title_of(timeline)
    out = [title, "=" * min(len(title), w)]
    out += _pack([f"{label}: {value}" for label, value in facts(timeline)], w, wrap)
    for note in notes(timeline):
        out += textwrap.wrap(f"Note: {one_line(note)}", w, subsequent_indent="      ")
    numbers = {ref.article_id: n for n, ref in enumerate(sources_in_order(timeline), start=1)}
    estimated = timeline.meta.get("estimated_entries") or {}
    marked = estimated_sentences(timeline)
    for entry in timeline:
        mark = "≈ " if str(entry.time) in estimated else ""  # type: ignore[operator]
        out += ["", mark + long_label(entry.time)]
        for s in entry.sentences:
            marker = f" [{numbers[s.source.article_id]}]" if s.source else ""
            approx = "≈ " if is_estimated(marked, entry.time, s.source) else ""
            out += body.wrap(approx + display_text(s.text) + marker)
    out += _estimates(timeline, body)
    undated = timeline.meta.get("undated") or []
    if undated:  # articles nothing dates: their key sentences, as the other formats list them
        out += ["", "Undated articles"]
        for u in undated:  # type: ignore[union-attr]
            name = one_line(u.get("title") or u["article_id"])
            out += body.wrap(f"{name}: " + display_text(" ".join(u["sentences"])))
    refs = sources_in_order(timeline)
    estimates = timeline.meta.get("date_estimates") or {}
    if refs:
        out += ["", "Sources"]
        for n, ref in enumerate(refs, start=1):
            head = f"[{n}] "
            pad = " " * len(head)
            name = source_name(ref)
            if ref.published:
                approx = "≈ " if ref.article_id in estimates else ""  # type: ignore[operator]
                name += f" ({approx}{ref.published.isoformat()})"
            out += textwrap.wrap(
                head + name, w, subsequent_indent=pad, break_long_words=False,
                break_on_hyphens=False,
            )  # fmt: skip
            if safe_url(ref.url):
                out.append(pad + safe_url(ref.url))
    return "\n".join(out) + "\n"

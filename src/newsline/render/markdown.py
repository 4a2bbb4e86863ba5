"""Markdown output: a title, header facts, one ``##`` section per date, sourced bullets."""

from __future__ import annotations

import re

from ..model import SourceRef, Timeline
from ._common import (
    display_text,
    estimated_sentences,
    facts,
    is_estimated,
    notes,
    one_line,
    period_label,
    safe_url,
    source_name,
    title_of,
)

MARKDOWN_MARK = "<!-- newsline timeline -->"
_SPECIAL = re.compile(r"([\\`*_\[\]<>$])")
_LIST_START = re.compile(r"^(\d+)([.)]\s)|^([-+#>])")


def escape(text: str) -> str:
    """Collapse whitespace and backslash-escape Markdown markup characters.

    ``$`` is escaped too (GitHub reads ``$...$`` as math), and so is a leading
    list or heading marker (``1.``, ``-``, ``+``, ``#``, ``>``).
    """
    escaped = _SPECIAL.sub(r"\\\1", one_line(text))
    return _LIST_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", escaped)


def _link_target(url: str) -> str:
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


def cite(ref: SourceRef) -> str:
    """``[title](url), 2011-02-10`` or ``article-id, 2011-02-10``."""
    url = safe_url(ref.url)
    name = escape(source_name(ref))
    label = f"[{name}]({_link_target(url)})" if url else name
    if ref.published:
        label += f", {ref.published.isoformat()}"
    return label


def render(timeline: Timeline) -> str:
    lines = [f"# {escape(title_of(timeline))}", ""]
    header = facts(timeline)
    if header:
        lines += [f"- **{label}:** {escape(value)}" for label, value in header]
        lines.append("")
    for note in notes(timeline):
        lines += [f"> {escape(note)}", ">"]
    if lines[-1] == ">":
        lines[-1] = ""
    estimated = timeline.meta.get("estimated_entries") or {}
    marked = estimated_sentences(timeline)
    for entry in timeline:
        mark = "≈ " if str(entry.time) in estimated else ""  # type: ignore[operator]
        lines += [f"## {mark}{period_label(entry.time)}", ""]
        for s in entry.sentences:
            approx = "≈ " if is_estimated(marked, entry.time, s.source) else ""
            bullet = f"- {approx}{escape(display_text(s.text))}"
            if s.source is not None:
                bullet += f" ({cite(s.source)})"
            lines.append(bullet)
        lines.append("")
    lines += _dating(timeline)
    # the signature newsline.ingest knows, so a timeline is never read back as an article
    return "\n".join(lines).rstrip("\n") + f"\n\n{MARKDOWN_MARK}\n"


def _dating(timeline: Timeline) -> list[str]:
    """The evidence behind "≈" dates (one click away: a collapsed block), and
    the articles nothing could date, with their first sentences."""
    meta = timeline.meta
    lines: list[str] = []
    estimates = meta.get("date_estimates") or {}
    if estimates:
        lines += ["<details><summary>≈ Estimated publication dates</summary>", ""]
        for aid, e in estimates.items():  # type: ignore[union-attr]
            why = "; ".join(f"{x['rule']} {x['value']}" for x in e["evidence"] if x["weight"] > 0)
            span = e["best"] if e["precision"] == "day" else f"{e['earliest']} to {e['latest']}"
            lines.append(
                f"- {escape(str(aid))}: {span} ({e['precision']}, confidence "
                f"{e['confidence']:.2f}; {escape(why or 'weak evidence')})"
            )
        lines += ["", "</details>", ""]
    undated = meta.get("undated") or []
    if undated:
        lines += ["## Undated articles", ""]
        for u in undated:  # type: ignore[union-attr]
            name = escape(u.get("title") or u["article_id"])
            lines.append(f"- **{name}**: " + escape(" ".join(u["sentences"])))
        lines.append("")
    return lines

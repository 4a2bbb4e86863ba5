"""Markdown output: a title, header facts, one ``##`` section per date, sourced bullets."""

from __future__ import annotations

import re

from ..model import SourceRef, Timeline
from ._common import facts, notes, one_line, period_label, safe_url, source_name, title_of

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
    for entry in timeline:
        lines += [f"## {period_label(entry.time)}", ""]
        for s in entry.sentences:
            bullet = f"- {escape(s.text)}"
            if s.source is not None:
                bullet += f" ({cite(s.source)})"
            lines.append(bullet)
        lines.append("")
    # the signature newsline.ingest knows, so a timeline is never read back as an article
    return "\n".join(lines).rstrip("\n") + f"\n\n{MARKDOWN_MARK}\n"

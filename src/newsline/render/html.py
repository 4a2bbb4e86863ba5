"""One self-contained HTML page: inline CSS, a few lines of inline JS, no network.

A vertical timeline with date markers; each entry's sentences carry numbered
markers that open the entry's source list (article title and link,
publication date, article id and character offsets). Light and dark themes
follow ``prefers-color-scheme``; the page is responsive and prints cleanly.
All text is escaped.
"""

from __future__ import annotations

from functools import cache
from html import escape
from importlib.resources import files
from urllib.parse import urlsplit

from .. import __version__
from ..model import Granularity, SummarySentence, Timeline, TimelineEntry
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
    title_of,
)

_SCRIPT = """
document.addEventListener("click", function (ev) {
  var a = ev.target.closest && ev.target.closest("a.cite");
  var t = a && document.getElementById(a.hash.slice(1));
  var d = t && t.closest("details");
  if (d) d.open = true;
});
(function () {
  var t = location.hash && document.getElementById(location.hash.slice(1));
  var d = t && t.closest && t.closest("details");
  if (d) { d.open = true; t.scrollIntoView(); }
})();
addEventListener("beforeprint", function () {
  document.querySelectorAll("details").forEach(function (d) { d.open = true; });
});
"""


@cache
def stylesheet() -> str:
    return files(__package__).joinpath("templates", "timeline.css").read_text(encoding="utf-8")


def _e(value: object) -> str:
    return escape(one_line(str(value)), quote=True)


def _header(timeline: Timeline) -> list[str]:
    out = ['<header><div class="inner">', '<p class="kicker">Timeline</p>']
    out.append(f"<h1>{_e(title_of(timeline))}</h1>")
    items = "".join(f"<li>{_e(label)} <b>{_e(value)}</b></li>" for label, value in facts(timeline))
    out.append(f'<ul class="facts">{items}</ul>')
    lines = notes(timeline)
    if lines:
        out.append('<div class="notes" role="note">')
        out += [f"<p>{_e(n)}</p>" for n in lines]
        out.append("</div>")
    out.append("</div></header>")
    return out


def _gap(prev: TimelineEntry | None, entry: TimelineEntry) -> str:
    if prev is None or Granularity.DAY not in (prev.time.granularity, entry.time.granularity):
        return ""
    if prev.time.granularity is not entry.time.granularity:
        return ""
    days = (entry.time.date - prev.time.end).days
    if days <= 0:
        return ""
    if days == 1:
        return '<span class="gap">next day</span>'
    return f'<span class="gap">{days} days later</span>'


def _source_item(anchor: str, s: SummarySentence) -> str:
    ref = s.source
    assert ref is not None
    name = _e(source_name(ref))
    url = safe_url(ref.url)
    title = f'<a class="src-title" href="{escape(url)}">{name}</a>' if url else (
        f'<span class="src-title">{name}</span>'
    )
    meta = []
    if url and urlsplit(url).hostname:
        meta.append(_e(urlsplit(url).hostname))
    if ref.published:
        meta.append(f"published {ref.published.isoformat()}")
    meta.append(f"article <code>{_e(ref.article_id)}</code>")
    if ref.end > ref.start:
        meta.append(f"characters {ref.start}&ndash;{ref.end}")
    return f'<li id="{anchor}">{title}<span class="meta">{" &middot; ".join(meta)}</span></li>'


def _entry(
    i: int, entry: TimelineEntry, prev: TimelineEntry | None, dating: tuple[dict, dict] = ({}, {}),
    marked: frozenset[tuple[str, str, int]] | set[tuple[str, str, int]] = frozenset(),
) -> list[str]:
    t = entry.time
    coarse = "" if t.granularity is Granularity.DAY else " coarse"
    out = [f'<li class="entry{coarse}" id="e{i}">', '<div class="date">']
    aid = dating[0].get(str(t))
    if aid is not None:  # the entry's date rests on an estimated publication date
        e = dating[1].get(aid, {})
        why = "; ".join(f"{x['rule']} {x['value']}" for x in e.get("evidence", []) if x["weight"] > 0)
        tip = _e(f"estimated: {e.get('earliest')} to {e.get('latest')}, {e.get('precision')}, "
                 f"confidence {e.get('confidence')}; {why}")  # fmt: skip
        out.append(f'<span class="approx" title="{tip}">≈</span>')
    out.append(f'<time datetime="{t}">{_e(long_label(t))}</time>')
    if t.granularity is Granularity.DAY:
        out.append(f'<span class="iso">{t}</span>')
    else:
        out.append(f'<span class="badge">{t.granularity.value}</span>')
    out.append(_gap(prev, entry))
    out.append('</div><div class="card">')
    items: list[str] = []
    for j, s in enumerate(entry.sentences, start=1):
        cite = ""
        if s.source is not None:
            anchor = f"e{i}-s{j}"
            tip = _e(source_name(s.source))
            cite = f'<a class="cite" href="#{anchor}" title="{tip}">{len(items) + 1}</a>'
            items.append(_source_item(anchor, s))
        approx = ""
        if s.source is not None and is_estimated(marked, t, s.source):  # in an entry not all estimated
            e = dating[1].get(s.source.article_id, {})
            span = e.get("earliest") if e.get("earliest") == e.get("latest") else f"{e.get('earliest')} to {e.get('latest')}"
            tip = _e(f"dated from an estimated publication date: {span}")
            approx = f'<span class="approx" title="{tip}">≈</span> '
        out.append(f"<p>{approx}{_e(display_text(s.text))}{cite}</p>")
    if not entry.sentences:
        out.append('<p class="empty">No summary for this date.</p>')
    if items:
        label = "source" if len(items) == 1 else "sources"
        out.append(f"<details><summary>{len(items)} {label}</summary><ol>")
        out += items
        out.append("</ol></details>")
    out.append("</div></li>")
    return out


def render(timeline: Timeline) -> str:
    title = _e(title_of(timeline))
    out = [
        "<!doctype html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="color-scheme" content="light dark">',
        f'<meta name="generator" content="newsline {__version__}">',
        f"<title>{title}</title>",
        f"<style>\n{stylesheet()}</style>",
        "</head>",
        "<body>",
    ]
    out += _header(timeline)
    out.append('<main><ol class="timeline">')
    prev: TimelineEntry | None = None
    meta = timeline.meta
    dating = (dict(meta.get("estimated_entries") or {}), dict(meta.get("date_estimates") or {}))
    marked = estimated_sentences(timeline)
    for i, entry in enumerate(timeline, start=1):
        out += _entry(i, entry, prev, dating, marked)
        prev = entry
    out.append("</ol>")
    if not len(timeline):
        out.append('<p class="empty">This timeline has no entries.</p>')
    undated = meta.get("undated") or []
    if undated:
        out.append('<section class="undated"><h2>Undated articles</h2><ul>')
        for u in undated:  # type: ignore[union-attr]
            name = _e(one_line(u.get("title") or u["article_id"]))
            out.append(f"<li><b>{name}</b>: {_e(' '.join(u['sentences']))}</li>")
        out.append("</ul></section>")
    out.append("</main>")
    out.append(f'<footer class="ui">Made with newsline {__version__}. '
               "Numbers after a sentence open its source.</footer>")
    out.append(f"<script>{_SCRIPT}</script>")
    out += ["</body>", "</html>"]
    return "\n".join(line for line in out if line) + "\n"

"""A (curated) timeline in the formats newsrooms publish with.

``json`` is the ``newsline.timeline`` document; ``md`` and ``html`` go
through newsline's renderers; ``timelinejs`` is Timeline JS's JSON
(``events[]`` with ``start_date``, ``text.headline``, ``text.text``, the
sources as links, all text escaped because Timeline JS shows it as HTML);
``csv`` has one sentence a row with its date and source.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
from collections.abc import Callable
from typing import Any

from .. import render
from ..render._common import safe_url
from ..render.jsonfmt import from_dict
from .service import headline

MEDIA_TYPES = {
    "json": "application/json",
    "md": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "timelinejs": "application/json",
    "csv": "text/csv; charset=utf-8",
}
SUFFIXES = {"json": "json", "md": "md", "html": "html", "timelinejs": "timelinejs.json", "csv": "csv"}


def _schema_doc(doc: dict[str, Any]) -> dict[str, Any]:
    """The document without the app's own meta (headlines, edits, spec)."""
    meta = {k: v for k, v in doc.get("meta", {}).items() if k not in ("headlines", "edits", "spec", "name")}
    return {**doc, "meta": meta}


def to_json(doc: dict[str, Any]) -> str:
    return json.dumps(_schema_doc(doc), ensure_ascii=False, indent=2) + "\n"


def _rendered(fmt: str) -> Callable[[dict[str, Any]], str]:
    def run(doc: dict[str, Any]) -> str:
        return render.render(from_dict(_schema_doc(doc)), fmt)

    return run


def _date(entry: dict[str, Any]) -> dict[str, str]:
    d = dt.date.fromisoformat(entry["date"])
    out = {"year": str(d.year)}
    if entry.get("granularity") in ("day", "month"):
        out["month"] = str(d.month)
    if entry.get("granularity") == "day":
        out["day"] = str(d.day)
    return out


def _event_text(entry: dict[str, Any]) -> str:
    parts = [f"<p>{html.escape(s['text'])}</p>" for s in entry["sentences"]]
    links: list[str] = []
    seen: set[str] = set()
    for s in entry["sentences"]:
        src = s.get("source")
        if not src or src["article_id"] in seen:
            continue
        seen.add(src["article_id"])
        name = html.escape(" ".join((src.get("title") or src["article_id"]).split()))
        url = safe_url(src.get("url") or "")
        links.append(f'<a href="{html.escape(url, quote=True)}">{name}</a>' if url else name)
    if links:
        parts.append("<p>Sources: " + "; ".join(links) + "</p>")
    return "".join(parts)


def to_timelinejs(doc: dict[str, Any]) -> str:
    title = str(doc.get("meta", {}).get("title") or "Timeline")
    events = [
        {
            "unique_id": f"e{i}-{e['date']}",
            "start_date": _date(e),
            "text": {"headline": html.escape(headline(e)), "text": _event_text(e)},
        }
        for i, e in enumerate(doc.get("entries", []))
    ]
    data = {"title": {"text": {"headline": html.escape(title), "text": ""}}, "events": events}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    """Text as a spreadsheet shows it, never run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA) else text


def to_csv(doc: dict[str, Any]) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["date", "time", "granularity", "headline", "sentence", "source", "url", "article_id", "start", "end"])
    for e in doc.get("entries", []):
        head = headline(e)
        for s in e["sentences"]:
            src = s.get("source") or {}
            w.writerow([
                e["date"], e["time"], e["granularity"], _cell(head), _cell(s["text"]),
                _cell(src.get("title", "")), _cell(src.get("url", "")), _cell(src.get("article_id", "")),
                src.get("start", ""), src.get("end", ""),
            ])  # fmt: skip
    return out.getvalue()


EXPORTS: dict[str, Callable[[dict[str, Any]], str]] = {
    "json": to_json,
    "md": _rendered("md"),
    "html": _rendered("html"),
    "timelinejs": to_timelinejs,
    "csv": to_csv,
}

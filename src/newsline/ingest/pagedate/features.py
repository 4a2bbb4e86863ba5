"""Candidate publication dates of an HTML page, each with what speaks for it.

Every date some piece of evidence names becomes a candidate; its features
say which kinds of evidence name it (the URL, htmldate's readings, the
page's structured metadata as *published* or *modified*, the dates shown in
its text with their cue words and distance from the headline, ``<time>``
elements, the temporal tagger's dateline) and how it stands against the
others (the earliest/latest candidate, how many sources agree). The
features are about how news pages publish dates, never about one site.
:mod:`.pagedate` scores them with a small logistic model.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import math
import re
from dataclasses import dataclass

from ..dates import check_date, parse_date

log = logging.getLogger(__name__)

#: Structured metadata naming the publication (or creation) date.
_PUBLISHED = {
    "datepublished", "datecreated", "article:published_time", "og:published_time",
    "og:article:published_time", "pubdate", "publishdate", "publish-date", "publish_date",
    "date", "dc.date", "dc.date.issued", "dc.date.created", "dcterms.created", "dcterms.issued",
    "dcterms.date", "sailthru.date", "parsely-pub-date", "article.published", "published_time",
    "citation_publication_date", "citation_date", "originalpublicationdate", "uploaddate",
    "article:published", "release_date", "created", "published",
}  # fmt: skip
#: Structured metadata naming a later modification.
_MODIFIED = {
    "datemodified", "article:modified_time", "og:updated_time", "last-modified",
    "dc.date.modified", "dcterms.modified", "modified", "updated", "article.updated",
    "lastmod", "revised",
}  # fmt: skip
_URL_MONTH = re.compile(r"(?<!\d)((?:19|20)\d\d)[/_-](0[1-9]|1[0-2])(?:[/_-]|$)")

FEATURES = (
    "url", "url_month", "url_other", "markup", "markup_other", "extensive", "meta_pub",
    "meta_mod", "meta_mod_only", "shown", "label", "cue", "timed", "alone", "warn",
    "modified", "near", "before", "line", "first", "time_el", "tagged", "earliest",
    "latest", "sources", "single", "headless", "rule", "line_markup", "close",
    "day_after", "day_before", "page_cands", "page_near", "meta_only", "latest_markup",
    "in_body", "out_body", "schema", "og", "weekday", "updated", "superseded",
)  # fmt: skip


#: What makes a date a candidate at all: a source beyond being written in a sentence.
EVIDENCE = (
    "url", "markup", "extensive", "meta_pub", "meta_mod", "label", "cue", "timed", "alone",
    "time_el", "tagged", "line",
)  # fmt: skip


@dataclass(frozen=True)
class Structured:
    """The dates a page's metadata (JSON-LD, ``<meta>``, itemprop) names."""

    published: frozenset[dt.date]
    modified: frozenset[dt.date]
    schema: frozenset[dt.date] = frozenset()  # schema.org datePublished (JSON-LD or itemprop)
    og: frozenset[dt.date] = frozenset()  # OpenGraph article:published_time


def structured_dates(doc) -> Structured:  # type: ignore[no-untyped-def]
    """Published and modified dates named by JSON-LD, ``<meta>`` tags and ``itemprop``."""
    pub: set[dt.date] = set()
    mod: set[dt.date] = set()
    schema: set[dt.date] = set()
    og: set[dt.date] = set()

    def add(key: str, value: object, structured: bool = False) -> None:
        key = key.strip().lower()
        target = pub if key in _PUBLISHED else mod if key in _MODIFIED else None
        if target is None or not isinstance(value, (str, int)):
            return
        found = parse_date(str(value)[:40])
        if found is not None and check_date(found) is None and found.year >= 1990:
            target.add(found)
            if structured and key == "datepublished":
                schema.add(found)
            elif key == "article:published_time":
                og.add(found)

    for el in doc.iter("meta"):
        key = el.get("property") or el.get("name") or el.get("itemprop") or ""
        add(key, el.get("content") or "")
    for el in doc.xpath("//*[@itemprop]"):
        if el.tag != "meta":
            add(el.get("itemprop") or "", el.get("datetime") or el.get("content") or "", True)
    for script in doc.xpath("//script[contains(@type, 'ld+json')]"):
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):
            continue
        for key, value in _walk(data, 0):
            add(key, value, True)
    return Structured(frozenset(pub), frozenset(mod), frozenset(schema), frozenset(og))


def _walk(data: object, depth: int):  # type: ignore[no-untyped-def]
    if depth > 6:
        return
    if isinstance(data, dict):
        for key, value in data.items():
            if isinstance(value, (dict, list)):
                yield from _walk(value, depth + 1)
            elif isinstance(key, str):
                yield key, value
    elif isinstance(data, list):
        for item in data[:50]:
            yield from _walk(item, depth + 1)


def url_month(url: str) -> tuple[int, int] | None:
    """The year and month a URL's path names (``/2019/03/``), if any."""
    m = _URL_MONTH.search(url)
    return (int(m.group(1)), int(m.group(2))) if m else None


def features(
    ev,  # type: ignore[no-untyped-def]  # pagedate.Evidence
    line: dt.date | None,
    near: int,
    before: int,
) -> dict[dt.date, dict[str, float]]:
    """Each candidate date of a page with its feature values (see :data:`FEATURES`)."""
    cands: dict[dt.date, dict[str, float]] = {}

    def cand(d: dt.date) -> dict[str, float]:
        return cands.setdefault(d, dict.fromkeys(FEATURES, 0.0))

    if ev.url is not None:
        cand(ev.url)["url"] = 1.0
    if ev.markup is not None:
        cand(ev.markup)["markup"] = 1.0
    if ev.extensive is not None:
        cand(ev.extensive)["extensive"] = 1.0
    for d in ev.meta.published:
        cand(d)["meta_pub"] = 1.0
    for d in ev.meta.schema:
        cand(d)["schema"] = 1.0
    for d in ev.meta.og:
        cand(d)["og"] = 1.0
    for d in ev.meta.modified:
        cand(d)["meta_mod"] = 1.0
    if ev.tagged is not None:
        cand(ev.tagged)["tagged"] = 1.0
    if ev.latest is not None and ev.latest != ev.markup:
        cand(ev.latest)["latest_markup"] = 1.0
    if line is not None:
        cand(line)["line"] = 1.0
    counts: dict[dt.date, int] = {}
    gaps: dict[dt.date, int] = {}
    for i, s in enumerate(ev.shown):
        f = cand(s.date)
        counts[s.date] = counts.get(s.date, 0) + 1
        f["first"] = max(f["first"], 1.0 if i == 0 else 0.0)
        if ev.body[0] >= 0:
            inside = ev.body[0] <= s.pos <= ev.body[1]
            f["in_body" if inside else "out_body"] = 1.0
        for name in ("cue", "timed", "alone", "warn", "modified", "label", "weekday", "updated"):
            if getattr(s, name):
                f[name] = 1.0
        if ev.headline >= 0:
            gap = s.pos - ev.headline
            if -before <= gap <= near and not s.warn:
                f["near"] = 1.0
                gaps[s.date] = min(gaps.get(s.date, near), abs(gap))
            if -before <= gap < 0:
                f["before"] = 1.0
    for _pos, value in ev.times:
        cand(value)["time_el"] = 1.0
    for d in [d for d, f in cands.items() if not any(f[k] for k in EVIDENCE)]:
        del cands[d]  # a date only written in running text says nothing about the page's date
    if not cands:
        return cands
    first, last = min(cands), max(cands)
    page_cands = math.log(len(cands))
    page_near = math.log1p(len(gaps))
    shown_line = {d for d, f in cands.items() if f["near"] or f["label"] or f["line"]}
    one = dt.timedelta(days=1)
    published = {d for d, f in cands.items() if f["label"] or f["schema"] or f["og"]}
    month = ev.month
    for d, f in cands.items():
        f["shown"] = math.log1p(counts.get(d, 0))
        f["url_month"] = 1.0 if month is not None and (d.year, d.month) == month else 0.0
        f["url_other"] = 1.0 if (ev.url is not None and d != ev.url) or (
            month is not None and (d.year, d.month) != month) else 0.0  # fmt: skip
        f["markup_other"] = 1.0 if ev.markup is not None and d != ev.markup else 0.0
        f["meta_mod_only"] = 1.0 if f["meta_mod"] and not f["meta_pub"] else 0.0
        f["earliest"] = 1.0 if d == first and len(cands) > 1 else 0.0
        f["latest"] = 1.0 if d == last and len(cands) > 1 else 0.0
        f["sources"] = sum(
            f[k] > 0 for k in ("url", "markup", "extensive", "meta_pub", "shown", "tagged", "time_el")
        )
        f["single"] = 1.0 if len(cands) == 1 else 0.0
        f["headless"] = 1.0 if ev.headline < 0 else 0.0
        f["line_markup"] = f["line"] * f["markup"]
        f["close"] = math.exp(-gaps[d] / 300) if d in gaps else 0.0
        f["day_after"] = 1.0 if d - one in shown_line else 0.0
        f["day_before"] = 1.0 if d + one in shown_line else 0.0
        f["page_cands"] = page_cands
        f["page_near"] = page_near
        if f["in_body"]:
            f["out_body"] = 0.0
        # shown or stored as an update while the page names another date as the publication
        f["superseded"] = 1.0 if (f["updated"] or f["meta_mod"]) and published - {d} else 0.0
        f["meta_only"] = 1.0 if f["sources"] == 1 and (f["markup"] or f["extensive"]) else 0.0
    return cands

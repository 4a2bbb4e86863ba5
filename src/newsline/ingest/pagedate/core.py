"""The publication date of an HTML page, from several kinds of evidence.

Every date some evidence names is a candidate (:mod:`.features`):

1. the page's URL (``/2019/03/12/``, ``2019-03-12``; ``/2019/03/`` as a month);
2. htmldate's readings of the markup (original, latest, extensive search) and
   the page's own metadata read as *published* or *modified* (schema.org
   ``datePublished``/``dateModified``, ``article:published_time`` ...);
3. the dates the page shows its readers (:mod:`.lines`): the date line
   by the headline, bylines (``Von ... 12.03.2019, 14:00 Uhr``), labels
   (``Published``, ``Stand:``, ``Erschienen am``, ``Aktualisiert``), weekdays,
   ``<time>`` elements, inside or outside the article's container;
4. newsline's temporal tagger's dateline, and the older rule cascade's pick
   (:func:`decide`).

A date only written in a sentence is no candidate. A conditional logit
(``models/page_date.json``, trained by ``bench/train_pagedate.py``) scores the
candidates; the best is taken when the logistic of its score reaches 2/3 —
the break-even when a wrong date costs twice a missing one. No evidence, or
evidence too weak or split, no date.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import logging
import math
import re
from dataclasses import dataclass
from pathlib import Path

from ...temporal import infer_publication_date
from ..dates import check_date, parse_date
from .features import Structured, features, structured_dates, url_month
from .lines import Shown, shown_dates

log = logging.getLogger(__name__)

_URL_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d\d)([/_.-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)"
)
#: How far (characters of visible text) after the headline a date line may stand.
NEAR_HEADLINE = 900
BEFORE_HEADLINE = 250
_DROP = ("script", "style", "noscript", "template", "svg", "nav", "aside", "form", "head")
_BLOCK = {"p", "div", "li", "br", "tr", "td", "h1", "h2", "h3", "h4", "h5", "h6", "section",
          "article", "header", "span", "time", "a", "ul", "ol", "dd", "dt", "figure"}  # fmt: skip
#: class or id tokens of boxes that are not the article: reader comments, related links, sidebars
_OTHER_BOX = re.compile(
    r"^(?:comments?|comment-?(?:list|area|section|s-area)|kommentare?|respond|replies|"
    r"related(?:-\w+)?|sidebar|widget-area|teasers?)$",
    re.I,
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_OTHER_DIGITS = re.compile(r"[^\x00-\x7f](?<=\d)")
_WORDS = re.compile(r"[^\W\d_]{3,}")
_H1, _TIME, _BOX = "\ue000", "\ue001", "\ue002"  # mark the headline, <time>, the article


@dataclass(frozen=True)
class Evidence:
    """What a page says about its date; :func:`decide` turns it into one date or none."""

    url: dt.date | None
    markup: dt.date | None
    shown: tuple[Shown, ...]
    headline: int  # position of the first <h1> in the visible text, -1 without one
    tagged: dt.date | None = None  # the dateline newsline's temporal tagger finds under the headline
    times: tuple[tuple[int, dt.date], ...] = ()  # positions and dates of <time datetime> elements
    extensive: dt.date | None = None  # htmldate's extensive search
    meta: Structured = Structured(frozenset(), frozenset())  # JSON-LD / <meta> / itemprop dates
    month: tuple[int, int] | None = None  # the year and month the URL names
    latest: dt.date | None = None  # htmldate's latest date (a modification, often)
    body: tuple[int, int] = (-1, -1)  # span of the article's container in the visible text


DEFAULT_MODEL = Path(__file__).parent / "models" / "page_date.json"


def page_date(html: str, url: str | None = None) -> dt.date | None:
    """The publication date of a page, or ``None`` without enough evidence."""
    model = _model()
    return choose(candidates(html, url), model["weights"], model["threshold"])


def choose(
    cands: dict[dt.date, dict[str, float]], weights: dict[str, float], threshold: float
) -> dt.date | None:
    """The best-scored candidate if the logistic of its score reaches ``threshold``."""
    if not cands:
        return None
    scored = {d: sum(weights.get(k, 0.0) * v for k, v in f.items()) for d, f in cands.items()}
    best = max(scored, key=lambda d: (scored[d], d))
    return best if 1 / (1 + math.exp(-scored[best])) >= threshold else None


@functools.cache
def _model() -> dict:  # type: ignore[type-arg]
    return json.loads(DEFAULT_MODEL.read_text(encoding="utf-8"))


def candidates(html: str, url: str | None = None) -> dict[dt.date, dict[str, float]]:
    """The page's candidate dates with their features (:func:`.features.features`)."""
    ev = evidence(html, url)
    found = features(ev, date_line(ev), NEAR_HEADLINE, BEFORE_HEADLINE)
    rule = decide(ev)
    for d, f in found.items():
        f["rule"] = 1.0 if d == rule else 0.0
    return found


def evidence(html: str, url: str | None = None) -> Evidence:
    doc = _document(html)
    meta = structured_dates(doc) if doc is not None else Structured(frozenset(), frozenset())
    text, headline, times, body = visible_text(doc)
    shown = shown_dates(text)
    taken = {s.pos for s in shown}
    for pos, value in times:
        if not any(abs(pos - p) < 40 for p in taken):
            shown.append(Shown(value, pos, cue=True, warn=False, timed=True, alone=True))
    shown.sort(key=lambda s: s.pos)
    tagged = _tagged(text[max(0, headline) :].lstrip())
    markup = _htmldate(html, url, False)
    if markup is not None and _only_warned(markup, shown):
        markup = None  # the markup found a modification or copyright date the page shows as such
    extensive = _htmldate(html, url, True)
    latest = _htmldate(html, url, False, original=False)
    return Evidence(
        url_date(url or ""), markup, tuple(shown), headline, tagged, tuple(times), extensive,
        meta, url_month(url or ""), latest, body,
    )  # fmt: skip


def _only_warned(value: dt.date, shown: list[Shown]) -> bool:
    same = [s for s in shown if s.date == value]
    return bool(same) and all(s.modified for s in same)


def decide(ev: Evidence) -> dt.date | None:
    """One date from the evidence, in order of trust; ``None`` when nothing supports one."""
    if ev.url is not None:
        return ev.url
    line = date_line(ev)
    if line is not None:
        return line
    published = [s for s in ev.shown if s.label and not s.warn]
    if published:
        return published[0].date
    if ev.markup is not None:
        return ev.markup
    if ev.tagged is not None:
        return ev.tagged
    labelled = [s for s in ev.shown if s.cue and not s.warn]
    if labelled:
        return labelled[0].date
    guess = ev.extensive
    if guess is not None and any(s.date == guess and not s.warn for s in ev.shown):
        return guess
    return None


def date_line(ev: Evidence) -> dt.date | None:
    """The page's date line: the date closest to the headline standing as a line of its own.

    A date line stands alone on its line, or is followed by a clock time, or
    follows a byline or a date label, within :data:`BEFORE_HEADLINE` characters
    before or :data:`NEAR_HEADLINE` after the first headline.
    """
    if ev.headline < 0:
        return None
    near = [
        s for s in ev.shown
        if -BEFORE_HEADLINE <= s.pos - ev.headline <= NEAR_HEADLINE
        and not s.warn and (s.alone or s.timed or s.cue)
    ]  # fmt: skip
    if not near:
        return None
    if ev.markup is not None and any(s.date == ev.markup for s in near):
        return ev.markup  # the page shows the markup's date by its headline: both agree
    return min(near, key=lambda s: abs(s.pos - ev.headline)).date


def _tagged(text: str) -> dt.date | None:
    """The dateline newsline's tagger finds at the start of ``text`` (ASCII digits only)."""
    text = _OTHER_DIGITS.sub(" ", text[:2000])
    try:
        found = infer_publication_date(text)
    except Exception as exc:  # the tagger must not take the reader down
        log.debug("tagger failed: %s", exc)
        return None
    return found[0] if found is not None and check_date(found[0]) is None else None


def url_date(url: str) -> dt.date | None:
    m = _URL_DATE.search(url)
    if m is None:
        return None
    try:
        value = dt.date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
    except ValueError:
        return None
    return value if check_date(value) is None else None


def _document(html: str):  # type: ignore[no-untyped-def]
    """The page parsed by lxml, or ``None`` for empty or unreadable markup."""
    try:
        import lxml.html

        clean = _CONTROL.sub(" ", html)
        try:
            return lxml.html.document_fromstring(clean)
        except ValueError:  # a str with an XML encoding declaration
            return lxml.html.document_fromstring(clean.encode("utf-8", "replace"))
    except Exception as exc:  # lxml raises on empty or odd documents
        log.debug("lxml failed: %s", exc)
        return None


def visible_text(doc) -> tuple[str, int, list[tuple[int, dt.date]], tuple[int, int]]:  # type: ignore[no-untyped-def]
    """The text a reader sees in a parsed page (changed in place), the headline's position
    in it (``-1``: none), the positions and dates of its ``<time datetime=...>``, and the
    span of the ``<article>``/``<main>`` holding the headline (``(-1, -1)``: none)."""
    if doc is None:
        return "", -1, [], (-1, -1)
    for el in list(doc.iter(*_DROP)):
        el.drop_tree()
    for el in list(doc.iter()):
        if not isinstance(el.tag, str):
            continue
        marks = f"{el.get('class') or ''} {el.get('id') or ''}".split()
        if el.tag not in ("body", "html") and any(_OTHER_BOX.match(m) for m in marks):
            el.drop_tree()
    head = _headline(doc)
    if head is not None:
        head.text = _H1 + (head.text or "")
    box = _container(doc, head)
    if box is not None:
        box.text = _BOX + (box.text or "")
        box.tail = _BOX + (box.tail or "")
    stamps: list[dt.date] = []
    for el in doc.iter("time"):
        value = parse_date(el.get("datetime") or "")
        if value is not None and check_date(value) is None:
            stamps.append(value)
            el.text = _TIME + (el.text or "")
    for el in doc.iter():
        if isinstance(el.tag, str) and el.tag in _BLOCK:
            el.tail = "\n" + (el.tail or "")
    text = re.sub(r"[ \t\r\f\v\xa0]+", " ", doc.text_content())
    out: list[str] = []
    headline, times, size, last, body = -1, [], 0, 0, []
    for m in re.finditer(f"[{_H1}{_TIME}{_BOX}]", text):
        out.append(text[last : m.start()])
        size += m.start() - last
        last = m.end()
        if m.group() == _H1:
            headline = size
        elif m.group() == _BOX:
            body.append(size)
        elif len(times) < len(stamps):
            times.append((size, stamps[len(times)]))
    out.append(text[last:])
    span = (body[0], body[1]) if len(body) == 2 else (-1, -1)
    return "".join(out), headline, times, span


def _container(doc, head):  # type: ignore[no-untyped-def]
    """The ``<article>`` or ``<main>`` around the headline, else the page's only ``<article>``."""
    if head is not None:
        for el in head.iterancestors():
            if el.tag in ("article", "main"):
                return el
    articles = list(doc.iter("article"))
    return articles[0] if len(articles) == 1 else None


def _headline(doc):  # type: ignore[no-untyped-def]
    """The page's headline element: the ``<h1>`` (else ``<h2>``) most like the page title."""
    title = " ".join(doc.xpath("//meta[@property='og:title']/@content") + doc.xpath("//title//text()"))
    words = set(_WORDS.findall(title.lower()))
    for tag in ("h1", "h2"):
        heads = list(doc.iter(tag))
        if heads:
            def overlap(el) -> int:  # type: ignore[no-untyped-def]
                return len(words & set(_WORDS.findall(el.text_content().lower())))

            return max(heads, key=lambda el: (overlap(el), -heads.index(el)))
    return None


def _htmldate(
    html: str, url: str | None, extensive: bool, original: bool = True
) -> dt.date | None:
    try:
        from htmldate import find_date

        found = find_date(html, url=url, original_date=original, extensive_search=extensive)
    except Exception as exc:  # htmldate raises on odd markup
        log.debug("htmldate failed: %s", exc)
        return None
    value = parse_date(found) if found else None
    return value if value is not None and check_date(value) is None else None

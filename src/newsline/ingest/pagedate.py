"""The publication date of an HTML page, from several kinds of evidence.

1. the page's URL (``/2019/03/12/``, ``2019-03-12``): a full date in the
   path is taken as is;
2. htmldate's reading of the markup (JSON-LD ``datePublished``,
   ``article:published_time``, ``<time pubdate>`` ... original date);
3. the dates the page shows its readers (:mod:`.datelines`): the date line
   under the headline, bylines (``Von ... 12.03.2019, 14:00 Uhr``), cue
   words (``Published``, ``Stand:``, ``Erschienen am``) and ``<time>``
   elements.

The shown date line wins over the markup when the two disagree (the markup
is often the time zone's next day or a later modification); without either,
htmldate's extensive search is used only when the page shows the same date
with a cue. No evidence, no date.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass

from .datelines import Shown, shown_dates
from .dates import check_date, parse_date

log = logging.getLogger(__name__)

_URL_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d\d)([/_.-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)"
)
#: How far (characters of visible text) after the headline a date line may stand.
NEAR_HEADLINE = 400
BEFORE_HEADLINE = 250
_DROP = ("script", "style", "noscript", "template", "svg", "nav", "footer", "aside", "form", "head")
_BLOCK = {"p", "div", "li", "br", "tr", "td", "h1", "h2", "h3", "h4", "h5", "h6", "section",
          "article", "header", "span", "time", "a", "ul", "ol", "dd", "dt", "figure"}  # fmt: skip
#: class or id tokens of boxes that are not the article: reader comments, related links, sidebars
_OTHER_BOX = re.compile(
    r"^(?:comments?|comment-?(?:list|area|section|s-area)|kommentare?|respond|replies|"
    r"related(?:-\w+)?|sidebar|widget-area|teasers?)$",
    re.I,
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_H1 = "\ue000"  # marks the headline in the laid-out text


@dataclass(frozen=True)
class Evidence:
    """What a page says about its date; :func:`decide` turns it into one date or none."""

    url: dt.date | None
    markup: dt.date | None
    shown: tuple[Shown, ...]
    headline: int  # position of the first <h1> in the visible text, -1 without one


def page_date(html: str, url: str | None = None) -> dt.date | None:
    """The publication date of a page, or ``None`` without evidence."""
    return decide(evidence(html, url), html, url)


def evidence(html: str, url: str | None = None) -> Evidence:
    text, headline = visible_text(html)
    return Evidence(url_date(url or ""), _htmldate(html, url, False), tuple(shown_dates(text)), headline)


def decide(ev: Evidence, html: str = "", url: str | None = None) -> dt.date | None:
    """One date from the evidence, in order of trust; ``None`` when nothing supports one."""
    if ev.url is not None:
        return ev.url
    line = date_line(ev)
    if line is not None:
        return line
    if ev.markup is not None:
        return ev.markup
    labelled = [s for s in ev.shown if s.cue and not s.warn]
    if labelled:
        return labelled[0].date
    if html:
        guess = _htmldate(html, url, True)
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
    return min(near, key=lambda s: abs(s.pos - ev.headline)).date


def url_date(url: str) -> dt.date | None:
    m = _URL_DATE.search(url)
    if m is None:
        return None
    try:
        value = dt.date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
    except ValueError:
        return None
    return value if check_date(value) is None else None


def visible_text(html: str) -> tuple[str, int]:
    """The text a reader sees, and the position of the first headline (``-1``: none)."""
    try:
        import lxml.html

        clean = _CONTROL.sub(" ", html)
        try:
            doc = lxml.html.document_fromstring(clean)
        except ValueError:  # a str with an XML encoding declaration
            doc = lxml.html.document_fromstring(clean.encode("utf-8", "replace"))
    except Exception as exc:  # lxml raises on empty or odd documents
        log.debug("lxml failed: %s", exc)
        return "", -1
    for el in list(doc.iter(*_DROP)):
        el.drop_tree()
    for el in list(doc.iter()):
        if not isinstance(el.tag, str):
            continue
        marks = f"{el.get('class') or ''} {el.get('id') or ''}".split()
        if el.tag not in ("body", "html") and any(_OTHER_BOX.match(m) for m in marks):
            el.drop_tree()
    h1 = next(iter(doc.iter("h1")), None)
    if h1 is not None:
        h1.text = _H1 + (h1.text or "")
    for el in doc.iter():
        if isinstance(el.tag, str) and el.tag in _BLOCK:
            el.tail = "\n" + (el.tail or "")
    text = re.sub(r"[ \t\r\f\v\xa0]+", " ", doc.text_content())
    pos = text.find(_H1)
    return text.replace(_H1, ""), pos


def _htmldate(html: str, url: str | None, extensive: bool) -> dt.date | None:
    try:
        from htmldate import find_date

        found = find_date(html, url=url, original_date=True, extensive_search=extensive)
    except Exception as exc:  # htmldate raises on odd markup
        log.debug("htmldate failed: %s", exc)
        return None
    value = parse_date(found) if found else None
    return value if value is not None and check_date(value) is None else None

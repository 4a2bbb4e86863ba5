"""How well a sentence can serve as a timeline summary.

Conservative pieces: :func:`trim` removes a leading byline, live-blog stamp or
dateline (``(Update 3:09 a.m. Wednesday in Cairo ...)``, ``CAIRO , Egypt
(CNN) --``) by moving the start offset, so the summary stays an exact span of
its article; :func:`prior` down-weights sentences that rarely state an event:
questions, first-person remarks, reader comments, quotes without attribution,
fragments. :func:`entry_label` finds the date label of a sentence written as a
timeline entry (``March 17 - The U.N. Security Council votes ...``), the form
of the chronologies news outlets publish.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..text.calendar import MONTH, WEEKDAY

_CITY = r"[A-Z][A-Za-z .'\\/-]{1,40}(?:,\s*[A-Z][A-Za-z .'-]{1,30})?"

_LP = r"(?:\(|-LRB-)"
_RP = r"(?:\)|-RRB-)"
_STAMP = re.compile(
    rf"^\s*(?:--\s*)?{_LP}\s*(?:update|updated|new|breaking|editor)[^()]*?{_RP}\s*(?:-LRB-[^()]*?-RRB-\s*)?(?:--|-|:)?\s*",
    re.IGNORECASE,
)
# "BENGHAZI Aug 29 (Reuters) -": the wire's dateline may carry the day.
# The city may be missing: "(CNN) -- Egyptian President ...", "(Reuters) - BP said ...".
_DATELINE = re.compile(
    rf"^\s*(?:{_CITY}(?:\s+{MONTH}\s+\d{{1,2}})?\s*)?{_LP}\s*[A-Za-z .]{{2,20}}{_RP}\s*(?:--|-|:)\s*"
)
# A wire page's header stamp before its dateline:
# "HOUSTON | Thu Jun 3 , 2010 1:34 pm BST HOUSTON (Reuters) - BP 's ...".
_PAGE_STAMP = re.compile(
    rf"^\s*{_CITY}\s*\|\s*[A-Z][a-z]{{2}}\s+{MONTH}\s+\d{{1,2}}\s*,\s*\d{{4}}\s+"
    r"\d{1,2}:\d\d\s*[ap]\.?m\.?\s+[A-Z]{2,5}\s+"
)
_COMMENT = re.compile(r"\b(?:at \d{1,2}:\d\d\s*[ap]m\s*\||\|)")
# A poll or edition-chooser widget's buttons run into the next line of text
# ("YES | NO Egyptian President Hosni Mubarak stepped down ...").
_WIDGET = re.compile(r"^\s*YES\s*\|\s*NO\s+")
_FIRST_PERSON = re.compile(r"(?:^|\s)(?:I|I 'm|I'm|we|We|my|My|our|Our|me)\s")
_QUOTE_START = re.compile(r"^\s*(?:``|\"|“|')")
_WEEKDAY = rf"(?:{WEEKDAY}\s*,?\s+)?"
# "March 17 -", "Feb. 11 , 2011 :", "Friday , 17 March 2011 --", "2011-03-17 :";
# a bullet may come first ("-", "•", "*", or "\*" as scraped text escapes it).
# Only a dash or colon ends a label: after a comma ("On March 17 , the council
# ...") the date belongs to the sentence.
_ENTRY = re.compile(
    rf"^\s*(?:(?:\\?\*|[-•])\s*)?{_WEEKDAY}"
    rf"(?:{MONTH}\s+\d{{1,2}}(?:\s*,\s*\d{{4}})?|\d{{1,2}}\s+{MONTH}(?:\s+\d{{4}})?|\d{{4}}-\d\d-\d\d)"
    r"\s*(?:--|-|:|–|—)\s+"
)


# A page's "updated" stamp ("13 July 2010 Last updated at 09:43 GMT Help BP has ...",
# "15 February 12 22:17 GMT Syrian President ...") and a photo credit that ran into
# the text ("Photograph : Gerald Herbert/AP Underwater robots dived ...").
_UPDATED = re.compile(
    rf"^\s*(?:\d{{1,2}}\s+{MONTH}\s+\d{{2,4}}\s+)?(?:Last\s+updated\s+at\s+)?"
    r"\d{1,2}[:.]\d\d\s*(?:GMT|BST|UTC|ET|EST|EDT)\s+(?:Help\s+)?"
)
_CREDIT = re.compile(
    r"^\s*(?:Photograph|Photo|Picture)\s*:\s*[A-Z][\w .'-]{0,40}?\s*(?:\\?/|/)\s*"
    r"(?:[A-Z][A-Za-z]*)(?:\s+Images)?\s+"
)


# A byline that ran into the text: "By the CNN Wire Staff ...", "By Pam Benson ,
# CNN National Security Producer ...". Only the shapes whose end is certain: a
# staff line, or a name, a comma and a role ("By the time ...", "By Monday , ..."
# are text).
_NAME = r"[A-Z][a-z'-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z'-]+){1,2}"
_BYLINE = re.compile(
    r"^\s*By\s+(?:the\s+)?(?:[A-Z][\w.]*\s+){0,3}(?:Wire\s+)?Staff\s+"
    rf"|^\s*By\s+{_NAME}(?:\s+and\s+{_NAME})?\s*,\s*(?:[A-Z][\w.]*\s+){{0,4}}"
    r"(?:Producer|Correspondent|Writer|Reporter|Editor|Contributor|Analyst)s?\s+"
)


_PAREN_OPEN = re.compile(rf"\s*{_LP}\s*")
_PAREN_CLOSE = re.compile(rf"\s*{_RP}\s*")
_PAREN_WORD = re.compile(r"[A-Za-z][\w'.]*")
_CREDIT_LOWER = frozenset({"by", "via", "and", "of", "for", "photo", "photos", "courtesy", "file"})
_CAPITAL_NEXT = re.compile(r"[A-Z`'\"]")
_CREDIT_MAX = 60  # characters inside a credit's parentheses


def _paren_credits(text: str) -> int:
    """End of one to three leading parenthesized credits that ran into the
    text ("-LRB- AP Photo\\/Charles Dharapak -RRB- -LRB- Charles Dharapak - AP -RRB-
    President Bush ...", "(By Ted S. Warren -- Associated Press) If ever ..."), or 0.

    A credit is at most 60 characters of capitalized words (and "by", "via",
    "photo" ...), and a capitalized word or a quote follows the last one; a
    source tag followed by a dash ("(CNN) --") is a dateline's business."""
    end = 0
    for _ in range(3):
        o = _PAREN_OPEN.match(text, end)
        if o is None:
            break
        c = _PAREN_CLOSE.search(text, o.end(), o.end() + _CREDIT_MAX + 8)
        if c is None or c.start() - o.end() > _CREDIT_MAX:
            break
        inner = text[o.end() : c.start()]
        words = _PAREN_WORD.findall(inner)
        if "(" in inner or "-LRB-" in inner or not words:
            break
        if any(w[0].islower() and w.lower() not in _CREDIT_LOWER for w in words):
            break
        end = c.end()
    return end if end and _CAPITAL_NEXT.match(text, end) else 0


def _match_end(pattern: re.Pattern[str], *needles: str) -> Callable[[str], int]:
    """``pattern`` as a lead: the end of its match at the start, or 0.

    ``needles``: strings of which any match must contain one; a text with
    none of them is not tried (the patterns that backtrack over a city name
    are slow to fail)."""
    if not needles:
        return lambda text: m.end() if (m := pattern.match(text)) else 0
    first, *more = needles
    if not more:
        return lambda text: m.end() if first in text and (m := pattern.match(text)) else 0
    return lambda text: (
        m.end()
        if (first in text or any(n in text for n in more)) and (m := pattern.match(text))
        else 0
    )


# A page stamp needs its "|", a dateline its parenthesis (case-sensitive patterns).
_PAGE_STAMP_AT = _match_end(_PAGE_STAMP, "|")
_DATELINE_AT = _match_end(_DATELINE, "(", "-LRB-")
_STAMP_AT = _match_end(_STAMP)

# What trim drops, in order, each at most once.
_LEADS = (
    _match_end(_WIDGET),
    _match_end(_BYLINE),
    _match_end(_CREDIT),
    _paren_credits,
    _match_end(_UPDATED),
    _PAGE_STAMP_AT,
    _STAMP_AT,
    _DATELINE_AT,
)


def trim(text: str) -> int:
    """Characters to drop from the start of ``text`` (a widget, byline, photo
    credit, parenthesized credits, updated stamp, page stamp, live-blog stamp or
    dateline, each at most once and in that order), or 0.
    A piece is only dropped when more than 30 characters follow it."""
    if (
        text[:1].isalpha()
        and text[0] not in "BLPY"
        and "(" not in text
        and "|" not in text
        and "-LRB-" not in text
    ):
        # No lead can match: each starts with a space, "(", "-", a digit, "Y", "B",
        # "P" or "L", or needs a "(" or "|" (three sentences in four, in news).
        return 0
    cut = 0
    for lead in _LEADS:
        n = lead(text[cut:])
        if n and len(text) - cut - n > 30:
            cut += n
    return cut


def entry_label(text: str) -> int:
    """Length of the leading date label of a timeline-entry sentence, or 0.

    ``"March 17 - The U.N. Security Council votes to ..."`` gives the offset
    of ``The``; a label with little text after it does not count."""
    m = _ENTRY.match(text)
    return m.end() if m and len(text) - m.end() > 20 else 0


def prior(text: str, fragment: float = 1.0) -> float:
    """A multiplicative prior in (0, 1]: 1 for a plain declarative sentence.

    ``fragment`` multiplies it for a stamp or dateline followed by too little
    text to be trimmed (``CAIRO , Egypt (CNN) -- "Freedom!"``). The other
    rules read the sentence as the summary shows it, after :func:`trim`."""
    t = _WIDGET.sub("", text.rstrip(), count=1)
    w = 1.0
    cut = trim(t)
    if fragment != 1.0 and not cut and any(p(t) for p in (_PAGE_STAMP_AT, _STAMP_AT, _DATELINE_AT)):
        w *= fragment
    t = t[cut:]
    if t.endswith("?") or t.endswith("? ''") or t.endswith('?"'):
        w *= 0.3
    if _COMMENT.search(t):
        w *= 0.3
    if _FIRST_PERSON.search(" " + t):
        w *= 0.6
    if _QUOTE_START.match(t):
        w *= 0.7
    if not t[:1].isupper() and not t[:1].isdigit() and not _QUOTE_START.match(t):
        w *= 0.7
    return w


# A line that only stamps the page ("Updated 3:15 p.m. ET, Thu March 5, 2015", "Posted
# on Thursday, March 5, 2015 at 3:15 pm"): a label, then nothing but calendar and
# clock words, numbers and time zones. No summary shows it as news.
_STAMP_LABEL = re.compile(r"\s*(?:(?:last|first)\s+)?(?:updated|published|posted)\b", re.I)
_STAMP_TOKEN = re.compile(
    rf"(?:{MONTH}|{WEEKDAY}|(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?"
    r"|\d{1,4}(?:st|nd|rd|th)?|\d{1,2}[:.]\d\d|[ap]\.?m\.?|on|at|last|first|updated|published|posted)",
    re.I,
)
_ZONE = re.compile(r"[A-Z]{2,5}")
_TOKENS = re.compile(r"\d{1,2}:\d\d|[\w.]+")


def is_stamp(text: str) -> bool:
    """Whether a sentence is only a page's publication or update stamp."""
    if _STAMP_LABEL.match(text) is None:
        return False
    return all(_STAMP_TOKEN.fullmatch(t) or _ZONE.fullmatch(t) for t in _TOKENS.findall(text))

"""How well a sentence can serve as a timeline summary.

Conservative pieces: :func:`trim` removes a leading live-blog stamp or
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

from ..text.calendar import MONTH, WEEKDAY

_CITY = r"[A-Z][A-Za-z .'\\/-]{1,40}(?:,\s*[A-Z][A-Za-z .'-]{1,30})?"

_LP = r"(?:\(|-LRB-)"
_RP = r"(?:\)|-RRB-)"
_STAMP = re.compile(
    rf"^\s*(?:--\s*)?{_LP}\s*(?:update|updated|new|breaking|editor)[^()]*?{_RP}\s*(?:-LRB-[^()]*?-RRB-\s*)?(?:--|-|:)?\s*",
    re.IGNORECASE,
)
# "BENGHAZI Aug 29 (Reuters) -": the wire's dateline may carry the day.
_DATELINE = re.compile(
    rf"^\s*{_CITY}(?:\s+{MONTH}\s+\d{{1,2}})?\s*{_LP}\s*[A-Za-z .]{{2,20}}{_RP}\s*(?:--|-|:)\s*"
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


def trim(text: str) -> int:
    """Characters to drop from the start of ``text`` (a widget, photo credit,
    updated stamp, page stamp, live-blog stamp or dateline, each at most once
    and in that order), or 0.
    A piece is only dropped when more than 30 characters follow it."""
    cut = 0
    for pattern in (_WIDGET, _CREDIT, _UPDATED, _PAGE_STAMP, _STAMP, _DATELINE):
        m = pattern.match(text[cut:])
        if m and len(text) - cut - m.end() > 30:
            cut += m.end()
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
    if fragment != 1.0 and not cut and any(p.match(t) for p in (_PAGE_STAMP, _STAMP, _DATELINE)):
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

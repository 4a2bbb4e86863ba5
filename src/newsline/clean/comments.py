"""Reader-comment sections of scraped pages.

Blog and news pages often carry their readers' comments after the article,
each signed by a line such as ``Posted by : jack | September 19 , 2008 1:30
PM | Report abuse``, ``January 29 , 2011 at 9:43 am | Report abuse |`` or
``March 21 , 2011 at 5:51 pm | Reply``,
and often opened by an invitation ("Leave your thoughts in the comments
section below"). Comments are not reporting: their sentences would become
timeline candidates, and their dates would count as mentions. When a page
has a signature, the section is cut from the invitation before it, or else
from the line holding the first signature (a signature follows its comment,
so the first comment's earlier lines, if any, stay).
"""

from __future__ import annotations

import re

from ..text.calendar import MONTH

_SIGNATURE = re.compile(
    r"Posted\s+by\s*:?[^|\n]{0,80}\|[^|\n]{0,40}\|\s*Report\s+abuse\b"
    # "March 21 , 2011 at 5:51 pm | Reply ...": a comment's time stamp, then its buttons
    rf"|\b{MONTH}\s+\d{{1,2}}\s*,\s*\d{{4}}\s+(?:\d{{1,2}}:\d\d\s*[ap]m\s+)?at\s+\d{{1,2}}:\d\d\s*[ap]\.?m\.?\s*\|",
    re.IGNORECASE,
)
_INVITATION = re.compile(
    r"\b(?:leave|share|post|offer|add)\s+(?:your|them|a|us)\b[^.?!\n]{0,60}?\bcomments?\b"
    r"(?:\s+section)?(?:\s+below)?",
    re.IGNORECASE,
)


# What every signature ends with: cheap to scan for; the full pattern is only
# tried in the stretch of text before such an anchor.
_ANCHOR = re.compile(r"\|\s*Report\s+abuse\b|\d\s*[ap]\.?m\.?\s*\|", re.IGNORECASE)
_REACH = 200


def _first_signature(text: str) -> re.Match[str] | None:
    for anchor in _ANCHOR.finditer(text):
        m = _SIGNATURE.search(text, max(0, anchor.start() - _REACH), anchor.end() + 20)
        if m is not None:
            return m
    return None


def cut_comments(text: str) -> tuple[str, bool]:
    """``text`` without its reader-comment section, and whether one was cut.

    The cut starts at the line of the first comment signature; when that line
    is the text's first, at the signature itself. A text that would be left
    without letters is returned whole (a page of comments only)."""
    if "|" not in text:
        return text, False
    m = _first_signature(text)
    if m is None:
        return text, False
    line = text.rfind("\n", 0, m.start()) + 1
    at = line if line > 0 else m.start()
    invite = _INVITATION.search(text, 0, at)
    if invite is not None:
        at = invite.start()
    kept = text[:at].rstrip()
    if not any(c.isalpha() for c in kept):
        return text, False
    return kept, True

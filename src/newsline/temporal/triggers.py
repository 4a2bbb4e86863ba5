"""The trigger pass of the temporal tagger: head words of every expression and,
for each, the subset of :data:`patterns.MASTER` (a *family*, same order) that can
contain it. The rules themselves are in :mod:`patterns`."""

from __future__ import annotations

import re

from .patterns import _BODIES_OF, RULE_NAMES, _g

_TRIGGER_WORDS = (
    "today tonight tomorrow yesterday overnight now current recent "
    "future past morning afternoon evening night second minute hour day week month year "
    "decade centur quarter period nineteen thousand twenties thirties forties fifties sixties seventies "
    "eighties nineties winter spring summer autumn fall annually monthly weekly daily "
    "hourly yearly quarterly Christmas Easter New Year Halloween Thanksgiving Valentine "
    "as soon as possible noon midday midnight Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec Monday Tuesday "
    "Wednesday Thursday Friday Saturday Sunday"
)


def _trie(words: list[str]) -> str:
    """One-level trie: alternatives grouped by first character (fast branch skipping)."""
    by_first: dict[str, list[str]] = {}
    for w in words:
        by_first.setdefault(w[0], []).append(re.escape(w[1:]))
    parts = []
    for first, rests in sorted(by_first.items()):
        rests = sorted(set(rests), key=len, reverse=True)
        parts.append(re.escape(first) + "(?:" + "|".join(rests) + ")")
    return "|".join(parts)


def _trigger_words() -> list[str]:
    words: list[str] = []
    for w in _TRIGGER_WORDS.replace("as soon as possible", "as_soon_as_possible").split():
        w = w.replace("_", " ").replace("New Year", "New")
        words.append(w)
        if w[0].islower():
            words.append(w[0].upper() + w[1:])
    return words


# A candidate time expression contains a digit, a month or weekday name or a
# keyword; TRIGGER finds those (after a space or punctuation) in one cheap pass.
# The lookahead (a digit of any script or the first letter of a word: no change
# in what matches) turns away most words after a separator before the trie is tried.
_TRIGGER_FIRSTS = "".join(sorted({w[0] for w in _trigger_words()}))
TRIGGER: re.Pattern[str] = re.compile(
    r"[\s(\-/\"'`](?=[\d" + re.escape(_TRIGGER_FIRSTS) + r"])(?P<t>\d|" + _trie(_trigger_words()) + ")"
)

# Which rules can contain a trigger, by trigger word: the tagger only tries
# those (a much smaller expression than MASTER) at the candidate starts.
_DIGIT_RULES = ("iso", "slash", "clock", "dmy", "decade", "century", "ordday", "yquarter", "year", "ago",
                "set", "duration", "bare", "dayand")
_UNIT_RULES = ("quarter", "qref", "yquarter", "yearend", "told", "relunit", "ago", "weekend", "anaphor", "set",
               "duration", "bare", "ref")
_FAMILY_RULES: dict[str, tuple[str, ...]] = {
    "digit": _DIGIT_RULES,
    "month": ("month", "set"),
    "weekday": ("weekday", "set"),
    "unit": _UNIT_RULES,
    "deictic": ("deictic",),
    "noon": ("weekday", "noon"),
    "pod": ("told", "deictic", "anaphor", "weekday", "set", "duration"),
    "ref": ("qref", "relunit", "weekday", "season", "duration", "ref", "deictic"),
    "season": ("season", "set"),
    "holiday": ("holiday",),
    "set": ("set",),
    "spoken": ("spoken", "duration"),
    "decadeword": ("decade",),
}
_FAMILY_OF: dict[str, str] = {}
for _w in ["today", "tonight", "tomorrow", "yesterday", "overnight"]:
    _FAMILY_OF[_w] = "deictic"
for _w in ["now", "nowadays", "current", "present", "lately", "future", "past", "recent", "as", "soon", "as", "possible"]:
    _FAMILY_OF[_w] = "ref"
_FAMILY_OF["as soon as possible"] = "ref"
_FAMILY_OF["nineteen"] = _FAMILY_OF["thousand"] = "spoken"
for _w in ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"]:
    _FAMILY_OF[_w] = "decadeword"
for _w in ["noon", "midday", "midnight"]:
    _FAMILY_OF[_w] = "noon"
for _w in ["morning", "afternoon", "evening", "night"]:
    _FAMILY_OF[_w] = "pod"
for _w in ["second", "minute", "hour", "day", "week", "month", "year", "decade", "centur", "quarter", "period"]:
    _FAMILY_OF[_w] = "unit"
for _w in ["winter", "spring", "summer", "autumn", "fall"]:
    _FAMILY_OF[_w] = "season"
for _w in ["annually", "monthly", "weekly", "daily", "hourly", "yearly", "quarterly"]:
    _FAMILY_OF[_w] = "set"
for _w in ["christmas", "easter", "new", "halloween", "thanksgiving", "valentine"]:
    _FAMILY_OF[_w] = "holiday"
for _w in ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]:
    _FAMILY_OF[_w] = "month"
for _w in ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]:
    _FAMILY_OF[_w] = "weekday"
for _w in "0123456789":
    _FAMILY_OF[_w] = "digit"
_BODIES = _BODIES_OF
_FAMILIES: dict[str, re.Pattern[str]] = {
    fam: re.compile("|".join(_g(r, _BODIES[r]) for r in RULE_NAMES if r in rules))
    for fam, rules in _FAMILY_RULES.items()
}
# trigger word (as TRIGGER matched it) -> compiled family expression
FAMILY: dict[str, re.Pattern[str]] = {}
for _w in _trigger_words():
    FAMILY[_w] = _FAMILIES[_FAMILY_OF[_w.lower()]]
for _w in "0123456789":
    FAMILY[_w] = _FAMILIES["digit"]

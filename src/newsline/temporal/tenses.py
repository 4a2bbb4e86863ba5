"""Past or future: the tense of the clause around a time expression.

:func:`tense` reads the words around a mention (the governing verb's tense and
aspect, modals and verbs of prospect, reported speech, bounds such as "until"
and "as early as"); :func:`weekday_tense` adds the scheduled events told in the
present simple that put a weekday ahead. :mod:`.resolve` turns the direction
into a calendar reading.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

PAST, FUTURE, UNKNOWN = -1, 1, 0
REPORTED = -2
"""The clause is reported speech ("said it will redeem the notes on Dec. 7"): the
saying is past, what is said has its own time. Weekdays read it as PAST; partial
dates as a past with a wider slack (``_REPORTED_SLACK_DAYS``)."""

# Cues of the grammatical tense of the clause around a mention.
# Future: modals, "going to", and verbs and adjectives of prospect followed by an
# infinitive ("plans to", "is due to", "standing by to fly", "agreed to meet"),
# "payable", "effective", "as soon as".
_PROSPECT = (
    r"(?:ready|poised|likely|prepared|preparing|agreed|agree|decided|promised|pledged"
    r"|vowed|threatened|offered|by)"
    r"\s+to\s+(?!the\b|an?\b|his\b|her\b|its\b|their\b|them\b|him\b|us\b|me\b)[a-z]+"
)
_SUPERSEDED_PLAN = (
    r"(?:originally|initially)\s+(?:been\s+)?(?:due|scheduled|set|slated|planned|expected|meant|intended)"
    r"(?:\s+to\s+[a-z]+)?"
)
_SUPERSEDED = re.compile(rf"\b{_SUPERSEDED_PLAN}\b")
# A directive asks for what comes after it, but it may itself be long past: "asked
# Elian to testify on Feb. 10" (a month ahead), "summoned his advisers to meet on
# Sept. 14" (two months back). Its past tense is no cue; the nearest reading wins.
_DIRECTIVE = (
    # ... and so does a plan told in the past: "a ceasefire was supposed to begin in April",
    # "he was set to fly to Houston on 5 May" (a fortnight back)
    r"(?:was|were)\s+(?:only\s+)?(?:supposed|set)\s+to|supposed\s+to\s+have"
    r"|(?:asked|urged|invited|ordered|summoned|subpoenaed|called\s+on|required)(?:\s+[\w'-]+){0,3}?"
    r"\s+to\s+(?!the\b|an?\b|his\b|her\b|its\b|their\b|them\b|him\b|us\b|me\b)[a-z]+"
    # a promise of a thing dates the thing, whenever it was made: "has promised a
    # bill in January" (ahead), "pledged new inspections in February" (either way)
    r"|(?:promised|pledged|vowed|offered|proposed)\s+(?:an?|the|new|more|its|his|her|their)\s+(?!to\b)[\w'-]+"
    # a plan told as superseded dates the old plan, not its telling: "it was originally
    # due on November 23" (the budget now comes on October 31: a November ahead), "first
    # shown in May, originally scheduled for December" (behind). "was" says only that the
    # plan no longer holds; the date may lie on either side of the DCT (``_SUPERSEDED``)
    rf"|{_SUPERSEDED_PLAN}"
)
_FUTURE_CUE = (
    r"will|wo\s*n't|won't|'ll|shall|going\s+to|plans?\s+to|planning|scheduled"
    r"|expected|due\s+to|is\s+to|are\s+to|set\s+to|(?<!was\s)(?<!were\s)supposed\s+to(?!\s+have\b)|to\s+be\s+held|would|upcoming"
    r"|aims?\s+to|intends?\s+to|hopes?\s+to|expects?|(?:may|might)(?!\s+have\b)"
    r"|payable|effective|as\s+soon\s+as"
    # a forecast told in the present is of what lies ahead: "snow is forecast for Tuesday"
    r"|(?:is|are)\s+forecast(?:ed)?"
    # (not "planned": a plan told in the past may lie on either side of the DCT)
    # what is put off is put off into the future: "postponed until Tuesday morning"
    r"|(?:postpone|delay|defer|adjourn|extend|put\s+off)\w*\b[^.;:!?]{0,40}?\b(?:until|till)"
)
_PAST_CUE = (
    # a plan told in the past perfect is over: "had been due to expire Friday"
    r"had\s+(?:been\s+)?(?:due|scheduled|set|expected|supposed|slated|planned|planning|going)\s+to"
    r"|had\s+(?:planned|intended|hoped|wanted|expected|promised|agreed)\s+to"
    r"|previously\s+(?:planned|scheduled|set)"
    r"|said|says|was|were|had|did|ago|told|announced|reported|killed|died|began|came|went"
    r"|took|fell|rose|gave|saw|began|became|wrote|spoke|broke|chose|drove|ran|grew|knew|threw"
    r"|flew|drew|rode|been|last|since"
)
# A past participle is a past, but after "be", "is", "are" a passive of any time:
# "will be held on April 24", "when the case is heard in May", and after "stay",
# "remain", "get", "become" an adjective: "will stay closed until Friday" (``_PASSIVE``).
_PARTICIPLE = (
    r"made|held|met|left|won|lost|sent|shot|struck|brought|bought|caught|fought|sought|taught"
    r"|thought|found|kept|felt|paid|spent|sold|stood|fled|built|heard"
    # (not a verb whose stem ends in -eed: "will succeed", "exceed", "need", "indeed")
    r"|(?!un)[a-z]{3,}ed(?<!ceed)(?<!need)(?<!feed)(?<!heed)(?<!deed)(?<!peed)(?<!seed)"
)
_PASSIVE = re.compile(r"(?:\bbe|\bbeen|\bbeing|\bis|\bare|\bstays?|\bremains?|\bgets?|\bbecomes?)\s+$")
_PASSIVE_REACH = 9  # characters: "remains " and a space
# A participle right after an infinitive's verb is its object's adjective, no past:
# "hopes to restart limited production in December", "plans to add increased service".
_AFTER_INFINITIVE = re.compile(r"\bto\s+[a-z]+\s+$")
_INFINITIVE_REACH = 24
_CUE = re.compile(
    rf"\b(?:(?P<f>{_FUTURE_CUE})|(?P<p>{_PAST_CUE})|(?P<pp>{_PARTICIPLE}))\b|(?P<f2>'ll)\b"
)
# Before the mention, "agreed to meet (on Friday)" dates the meeting: a future. After
# it, "(On Friday,) NATO agreed to take command" dates the agreeing: a past.
_PROSPECT_RE = re.compile(_PROSPECT)
_CUE_LEFT = re.compile(
    rf"\b(?:(?P<n>{_DIRECTIVE})|(?P<f>{_PROSPECT}|{_FUTURE_CUE})|(?P<p>{_PAST_CUE})|(?P<pp>{_PARTICIPLE}))\b"
    r"|(?P<f2>'ll)\b"
)
_NOT_PAST = frozenset({"expected", "scheduled", "planned", "needed", "based", "united", "proposed"})
# A reporting verb dates the saying, not what is said: it is a cue only right next
# to the mention ("said Friday", "on Friday, officials said"), not across a clause
# ("said it will redeem the notes on Dec. 7").
_REPORTING = frozenset({"said", "says", "told", "announced", "reported"})
_REPORTING_REACH = 30
# A relative clause or a contrast starts a clause of its own: "...,
# where the Aug. 7 blasts killed ..." is not governed by the verb before the comma.
_CLAUSE = re.compile(
    r",\s+(?:where|which|who|whom|whose|when|while|but|although|though)\b|--\s+which\b"
)
# A bound right before the mention looks ahead, unless the clause is told in the past.
_EARLIEST = re.compile(r"\b(?:as\s+(?:early|soon)\s+as|no\s+later\s+than)\s+(?:on\s+)?$")
# The end of a span lies ahead more often than not, and need not share a past verb's
# tense ("an order that he remain until March 6": the nearest reading).
_UNTIL = re.compile(r"\b(?:until|till)\s+(?:the\s+)?$")
# "through" ends one too, but a month or a month-day it closes is as often a period just
# reported ("costs through September 30 total $11 billion", "data through August show")
# as one ahead ("the moratorium is to last through November", "a shortfall through June
# 30"), whatever the verb's tense ("was extended through November"): the nearest reading,
# unless a future cue governs ("he may stay through September"). Anything else it closes is
# read as after "until" ("the show runs through Sunday", "through the weekend").
_THROUGH = re.compile(r"\bthrough\s+(?:the\s+)?$")
_MONTH_AT = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\d", re.IGNORECASE)
# A date something is set for lies ahead, whatever the tense: "a hearing has been set for 5 April",
# and so does one it is moved to: "the session has been moved to Wednesday", "pushed back to May".
_SET_FOR = re.compile(
    r"\b(?:(?:set|slated|scheduled)\s+for"
    r"|(?:moved|rescheduled|brought\s+forward|pushed\s+back|put\s+back|postponed|delayed|deferred)"
    r"\s+(?:to|until|till)|rescheduled\s+for)\s+(?:the\s+(?:week\s+of\s+)?)?$"
)
# A sentence ends at ". " unless the period closes an abbreviation or an initial:
# "the Roe vs. Wade decision", "the U.S. Immigration service", "Dr. Slepian",
# "Birmingham, Ala., killed" (and not before a lower-case word or a digit).
# (The word before a period is looked up after the period is found: a pattern that
# reads the word first tries it again from each of its letters.)
_SENTENCE_END = re.compile(r"\.\s+(?![a-z0-9])|[?!]\s+|\n")
_ABBREVIATIONS = frozenset({
    "vs", "mr", "mrs", "ms", "dr", "st", "jr", "sr", "no", "co", "mt", "ft", "lt",
    "gen", "sen", "rep", "gov", "col", "inc", "ltd", "corp", "prof", "sgt",
})  # fmt: skip
_LONGEST_ABBREVIATION = max(map(len, _ABBREVIATIONS))


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == "_"  # what ``\w`` matches


def _closes_abbreviation(text: str, dot: int) -> bool:
    """Whether the period at ``dot`` closes an initial or an abbreviation: the
    word characters right before it (back to a period, another character or the
    start of ``text``) are one capital letter or a word of :data:`_ABBREVIATIONS`."""
    i = dot
    while i > 0 and dot - i <= _LONGEST_ABBREVIATION and _is_word_char(text[i - 1]):
        i -= 1
    last = text[i:dot]
    if dot - i > _LONGEST_ABBREVIATION:
        return False
    return (len(last) == 1 and last.isupper()) or last.lower() in _ABBREVIATIONS


def _ends(text: str) -> Iterator[int]:
    for c in _SENTENCE_END.finditer(text):
        p = c.start()
        if text[p] != "." or not _closes_abbreviation(text, p):
            yield p


def _sentence_ends(text: str) -> list[int]:
    """Where sentences end in ``text``: ". " unless the period closes an abbreviation
    or an initial ("the Roe vs. Wade decision", "the U.S. Immigration service",
    "Dr. Slepian"), or a lower-case word or a digit follows; "? ", "! ", newlines."""
    return list(_ends(text))


def last_sentence_end(text: str) -> int:
    """The last of :func:`_sentence_ends`, or -1."""
    last = -1
    for last in _ends(text):  # noqa: B007 - the last one is wanted
        pass
    return last


def _first_sentence_end(text: str) -> int:
    """The first of :func:`_sentence_ends`, or -1."""
    return next(_ends(text), -1)


_WINDOW = 120
# A time phrase fronted and set off by a comma is governed by the main verb, which
# follows its subject and any appositive: "In January, a week after the anniversary
# of the ruling, a bomb in the capital killed ..." may put the verb past ``_WINDOW``
# (the clause still ends at the sentence's end).
_FRONTED_WINDOW = 160
_FRONTED = re.compile(r"\s*(?:[A-Z][a-z]*(?:\s+[a-z]+)?\s+)?$")


def _kind(m: re.Match[str]) -> int:
    if m.group("f") or m.group("f2"):
        return FUTURE
    if m.group("pp") and (
        _PASSIVE.search(m.string, max(0, m.start() - _PASSIVE_REACH), m.start())
        or _AFTER_INFINITIVE.search(m.string, max(0, m.start() - _INFINITIVE_REACH), m.start())
    ):
        return UNKNOWN
    return UNKNOWN if m.group() in _NOT_PAST else PAST


# pure, and asked again for the same span when an undated text is re-read against its estimate
@functools.lru_cache(maxsize=1 << 15)
def tense(text: str, start: int, end: int, right_side: bool = True, reach: int = _WINDOW) -> int:
    """PAST, FUTURE, REPORTED or UNKNOWN from the nearest tense cue in the same clause.

    The clause is cut at sentence punctuation, newlines and the start of a
    relative clause within ``reach`` characters before the mention and
    ``_WINDOW`` after it (``_FRONTED_WINDOW`` after a fronted phrase).
    """
    lo = max(0, start - reach)
    left = text[lo:start]
    tail = left[-40:]  # what sits right before the mention
    if _SET_FOR.search(tail) and not _SUPERSEDED.search(tail):
        return FUTURE  # (not "originally scheduled for": the nearest reading, below)
    until = _UNTIL.search(tail) is not None
    through_month = False
    if _THROUGH.search(tail) is not None:
        through_month = _MONTH_AT.match(text, start) is not None
        until = not through_month
    earliest = _EARLIEST.search(tail) is not None
    cut = last_sentence_end(left)
    for c in _CLAUSE.finditer(left):
        cut = max(cut, c.start())
    if cut >= 0:
        left = left[cut + 1 :]
    fronted = text.startswith(",", end) and _FRONTED.fullmatch(left) is not None
    right = text[end : end + (_FRONTED_WINDOW if fronted else _WINDOW)]
    cut = _first_sentence_end(right)
    if cut >= 0:
        right = right[:cut]
    # The verb that governs a time phrase usually precedes it: the nearest
    # cue on the left wins; the right is read only when the left has none.
    found, reported = UNKNOWN, False
    for m in _CUE_LEFT.finditer(left):
        if m.group() in _REPORTING and len(left) - m.end() > _REPORTING_REACH:
            reported = True  # what follows is reported speech: its own tense or none
            found = UNKNOWN
            continue
        if m.group("f") and _PROSPECT_RE.fullmatch(m.group()) and "," in left[m.end() :]:
            continue  # "In a sign that it seeks to expand, the firm on Monday ...": another clause
        if m.group("n"):
            found = UNKNOWN
            continue
        kind = _kind(m)
        if kind != UNKNOWN:
            found = kind
    if earliest and found != PAST:  # "could come as early as Friday", not "knew as early as March 8"
        return FUTURE
    if through_month:  # "costs through September 30 total", "may stay through September"
        return FUTURE if found == FUTURE else UNKNOWN
    if until:  # "oil could leak until August", "has halted drilling until Nov. 30"
        first = _CUE.search(right)
        if found == UNKNOWN and first is not None and first.group() in ("did", "had", "was", "were"):
            return UNKNOWN  # "Not until May 27 did the group ...", "until June 4, they hadn't"
        return UNKNOWN if found == PAST else FUTURE
    if found != UNKNOWN:
        return found
    if reported:
        return REPORTED
    if not right_side:
        return UNKNOWN
    return _right_cue(right)


# A scheduled event told in the present simple right before a weekday lies ahead:
# "tickets go on sale Friday", "the exhibit opens Saturday", "the trip, which begins
# on Monday". Not after "to", where the verb before governs ("had been due to expire
# Friday"), nor a noun or an adjective ("the start Saturday", "were open Sunday":
# hence no "open"). Weekdays only: a chronology's present ("Drilling starts on 16
# May") is a past, and a month-day read ahead is a year off.
# A meeting, a visit, a vote or a hearing in the present simple likewise ("Arafat and
# Netanyahu meet separately Monday with Albright", "the envoy travels Sunday to Cairo"); an
# adverb may stand between ("meet separately Monday"). An event that "is" on a weekday
# is ahead too ("the final is on Saturday", "the vote is Monday": a past one "was"), and so
# is a clock time on one ("kicks off at 8:45 p.m. Sunday", "opens at 6 a.m. Friday").
_SCHEDULED = re.compile(
    r"(?:(?<!\bto\s)(?<!\bthe\s)(?<!\ba\s)(?<!\bhis\s)(?<!\bher\s)(?<!\bits\s)(?<!-)\b"
    r"(?:opens|begins|starts|ends|closes|resumes|reopens"
    r"|expires|premieres|debuts|arrives|returns|begin|start|resume|expire"
    r"|meets|meet|visits|travels|is|are)"
    r"|\b(?:goes|go)\s+on\s+sale|\btakes?\s+effect|\bkicks?\s+off)(?:\s+[a-z]+ly)?(?:\s+(?:on|at))?\s+$"
)


# pure, and asked again for the same weekday each time an undated text is re-read
# against an estimate (an interval's two ends, its likely days), as tense is
@functools.lru_cache(maxsize=1 << 14)
def weekday_tense(text: str, start: int, end: int, right_side: bool = True) -> int:
    """:func:`tense` for a weekday, which a scheduled event in the present simple
    right before it (``_SCHEDULED``) puts ahead."""
    if _SCHEDULED.search(text, max(0, start - 40), start) is not None:
        return FUTURE
    return tense(text, start, end, right_side)


def _right_cue(right: str) -> int:
    """The tense of the first cue after a mention (``right`` is cut at the clause end)."""
    for m in _CUE.finditer(right):
        if m.group() in _REPORTING and m.start() > _REPORTING_REACH:
            return REPORTED  # "On Friday, the minister said it would ...": the saying's time
        kind = _kind(m)
        if kind != UNKNOWN:
            return kind
    return UNKNOWN

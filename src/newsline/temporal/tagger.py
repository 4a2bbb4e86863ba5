"""The scan: cheap trigger pass, then the full grammar only where a trigger fired.

``TRIGGER`` finds the head word of every possible expression (a digit, a
month or weekday name, a keyword such as ``yesterday`` or ``week``). For each
trigger the tagger walks back over up to five modifier words ("the past",
"more than two", "early") and tries the rules that can contain that
trigger (``FAMILY``, a subset of ``MASTER`` in the same order) from the
earliest start; the first rule that matches across the trigger wins. Text between
triggers is never looked at by the big expression, which keeps the tagger
at a few hundred microseconds per article.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
import threading

from ..model import DateMention
from .context import Context
from .liveblog import update_days
from .patterns import NUMBERS, ORDINALS
from .rules import HANDLERS
from .tenses import tense, weekday_tense
from .triggers import FAMILY, TRIGGER

_DIGIT_FAMILY = FAMILY["0"]

# Words that may precede the head of an expression inside it.
_MODIFIERS = frozenset(
    ["the", "a", "an", "early", "late", "earlier", "later", "last", "this", "next", "past", "previous", "coming", "following", "same", "that", "mid", "more", "less", "than", "nearly", "almost", "about", "over", "around", "at", "least", "up", "to", "some", "just", "another", "only", "roughly", "every", "each", "of", "few", "several", "many", "couple", "on", "times", "once", "twice", "per", "end", "beginning", "start", "middle", "first", "second", "third", "fourth", "final", "half", "right", "recent", "these", "as", "full", "long", "straight", "consecutive", "whole", "day", "before", "after", "current", "in", "latest", "comparable", "corresponding", "fiscal", "prior", "its", "their", "noon", "midnight", "near", "distant", "then", "trading", "dozen", "dozens", "quarter"]
) | frozenset(NUMBERS)
_MAX_BACK = 5
# Words joined by a hyphen to the head of an expression inside it.
_HYPHEN_HEADS = frozenset(["mid", "then", "half", "quarter", *NUMBERS, *ORDINALS])


def _starts(text: str, p: int, floor: int) -> list[int]:
    """Candidate starts for a trigger at ``p``: earliest first, ``p`` last."""
    if p <= floor:
        return [p]
    if not text[p - 1].isspace():  # "mid-January", "(Tuesday"
        j = max(text.rfind(" ", floor, p), text.rfind("\n", floor, p)) + 1
        if j < floor:
            j = floor
        if text[j:p].lower().rstrip("-") in _HYPHEN_HEADS:  # "mid-", "third-quarter", "two-year"
            return [j, p]
        return [p]
    starts = [p]  # latest first, reversed at the end
    i = p
    rfind = text.rfind
    for _ in range(_MAX_BACK):
        k = i - 1  # the space before the current word
        if k <= floor:
            break
        # the word before ``k`` starts after the last space or newline before it
        sp = rfind(" ", floor, k)
        nl = rfind("\n", sp + 1 if sp >= 0 else floor, k)
        j = (nl if nl > sp else sp) + 1
        if j < floor:
            j = floor
        if j == k:  # no word
            break
        low = text[j:k].lower()
        if low not in _MODIFIERS and "-" not in low and not low.replace(".", "").isdigit():
            break
        starts.append(j)
        i = j
    starts.reverse()
    return starts


def tag(text: str, dct: dt.date | None) -> list[DateMention]:
    """Time expressions of ``text`` resolved against the document date ``dct``.

    Returns mentions sorted by start, non-overlapping, with
    ``text[m.start:m.end] == m.text``. With ``dct=None`` explicit dates still
    resolve; relative and partial ones get a TIMEX3 value with ``X`` and
    ``time=None``. In a live blog each update is read against the day it was
    written (:mod:`newsline.temporal.liveblog`).
    """
    pieces = update_days(text, dct) if dct is not None else []
    if not pieces:
        if dct is not None and (trace := _TRACES.get(text)) is not None:
            replayed = _replay(text, dct, trace)
            if replayed is not None:
                return replayed
        return _tag(text, dct)
    out: list[DateMention] = []
    for start, end, day in pieces:
        for m in _tag(text[start:end], day):
            out.append(dataclasses.replace(m, start=m.start + start, end=m.end + start))
    return out


#: A year the patterns refused right after a partial date: "December 31, 9999", "May 5, 12000."
_ABSURD_YEAR = re.compile(r",?\s*(?:[3-9]\d{3}|\d{5,})\b(?!\s+[a-z])")


def _handle(m: re.Match[str], ctx: Context) -> DateMention | None:
    """The handler's mention; ``None`` when its date arithmetic leaves the calendar
    ("99999999999 days ago", a relative date next to year 1 or 9999) or its tables
    do not know a word the pattern matched (a case-insensitive part of a pattern
    also matches Unicode letters that fold to ASCII: "firſt", "wee\u212a")."""
    try:
        return HANDLERS[m.lastgroup](m, ctx)  # type: ignore[index]
    except (OverflowError, ValueError, LookupError):
        return None


#: What the context holds besides the text: the DCT and what the mentions before
#: a handler left (every field but the text and the floor, which is part of each step).
_STATE = tuple(f.name for f in dataclasses.fields(Context) if f.name not in ("text", "floor"))


class _Watched(Context):
    """A context that notes whether a handler read its :data:`_STATE` and what it
    set there: a call that read none of it does the same against any DCT after
    any mentions (its outcome depends on the match, the floor and the text)."""

    __slots__ = ("read", "sets")

    def __init__(self, text: str, dct: dt.date | None) -> None:
        self.read = False
        self.sets: list[tuple[str, object]] = []
        super().__init__(text, dct)

    def begin(self) -> None:
        """Start watching a new call."""
        self.read = False
        self.sets = []

    def known(self, mention: DateMention | None) -> tuple[DateMention | None, tuple[tuple[str, object], ...]] | None:
        """The call's outcome and what it set, when it read no :data:`_STATE`."""
        return None if self.read else (mention, tuple(self.sets))


def _watch(name: str) -> property:
    slot = getattr(Context, name)  # the slot the value is kept in

    def get(ctx: _Watched) -> object:
        ctx.read = True
        return slot.__get__(ctx)

    def put(ctx: _Watched, value: object) -> None:
        ctx.sets.append((name, value))
        slot.__set__(ctx, value)

    return property(get, put)


for _name in _STATE:
    setattr(_Watched, _name, _watch(_name))

#: One handler call of a scan: the match, the floor it was called with, its
#: outcome (``None``: no mention; else the mention's end and whether it was
#: dropped for an absurd year) and, when the call read no :data:`_STATE`, the
#: mention it gave and what it set, which a replay takes as they are.
_Step = tuple[
    re.Match[str],
    int,
    "tuple[int, bool] | None",
    "tuple[DateMention | None, tuple[tuple[str, object], ...]] | None",
]
#: The scan of each text tagged without a DCT (the texts an undated
#: collection's dating stage reads again against estimated dates), newest last.
_TRACES: dict[str, list[_Step]] = {}
_MAX_TRACES = 4096
_TRACES_LOCK = threading.Lock()  # builds may run in threads (the web app)


def forget_scans() -> None:
    """Drop the kept scans and tenses (a dating stage calls this when it is done
    with its texts, so that they are not kept alive)."""
    with _TRACES_LOCK:
        _TRACES.clear()
    tense.cache_clear()
    weekday_tense.cache_clear()
    _inner_dates.cache_clear()


def _replay(text: str, dct: dt.date, trace: list[_Step]) -> list[DateMention] | None:
    """``_tag(text, dct)`` from the scan ``trace`` of the same text: only the
    handlers run again. The scan's path depends on the text and on each
    handler call's outcome alone, so while every outcome agrees with the
    trace's the calls are those ``_tag`` would make; ``None`` when one
    differs (the caller then scans)."""
    ctx = Context(text, dct)
    out: list[DateMention] = []
    for m, floor, key, known in trace:
        ctx.floor = floor
        if known is not None:  # the same call against any DCT: its outcome as it was
            mention, sets = known
            for name, value in sets:
                setattr(ctx, name, value)
            if mention is not None and not key[1]:  # type: ignore[index]
                out.append(mention)
            continue
        mention = _handle(m, ctx)
        if mention is None:
            if key is not None:
                return None
            continue
        if mention.kind == "partial":
            mention = _full_date_inside(mention, ctx)
        absurd = mention.kind == "partial" and _ABSURD_YEAR.match(text, mention.end) is not None
        if key != (mention.end, absurd):
            return None
        if not absurd:
            out.append(mention)
    return out


def _tag(text: str, dct: dt.date | None) -> list[DateMention]:
    trace: list[_Step] | None = [] if dct is None else None
    watched = None if trace is None else _Watched(text, dct)
    ctx = Context(text, dct) if watched is None else watched
    out: list[DateMention] = []
    last_end = 0
    family = FAMILY
    # Scan " " + text so that a trigger at offset 0 has a separator before it.
    padded = " " + text
    for t in TRIGGER.finditer(padded):
        p = t.start("t") - 1
        if p < last_end:
            continue
        # a digit of any script triggers ("٢٠١٤", "２０１４"); the rules read ASCII numbers
        match = family.get(t.group("t"), _DIGIT_FAMILY).match
        for s in _starts(text, p, last_end):
            m = match(text, s)
            if m is None or m.end() <= p:
                continue
            ctx.floor = last_end
            if watched is not None:
                watched.begin()
            mention = _handle(m, ctx)
            if mention is None:
                if trace is not None:
                    trace.append((m, last_end, None, watched.known(None)))  # type: ignore[union-attr]
                continue
            if mention.kind == "partial":
                mention = _full_date_inside(mention, ctx)
            absurd = mention.kind == "partial" and _ABSURD_YEAR.match(text, mention.end) is not None
            if trace is not None:
                trace.append((m, last_end, (mention.end, absurd), watched.known(mention)))  # type: ignore[union-attr]
            if not absurd:  # "December 31, 9999": its year is out of range
                out.append(mention)
            last_end = mention.end
            break
    if trace is not None:
        with _TRACES_LOCK:
            _TRACES.pop(text, None)
            _TRACES[text] = trace
            if len(_TRACES) > _MAX_TRACES:
                del _TRACES[next(iter(_TRACES))]
    return out


def _full_date_inside(mention: DateMention, ctx: Context) -> DateMention:
    """A full date that starts inside a partial ``mention`` and reaches past
    it, if there is one: in a score or range run into a date, "12-6 June 3 ,
    2009" is June 3, 2009, not "6 June" of the publication year. "6 June 10
    people" keeps "6 June" ("June 10" has no year)."""
    for m in _inner_dates(ctx.text, mention.start, mention.end):
        alt = _handle(m, ctx)
        if alt is not None and alt.kind == "explicit" and alt.end > mention.end:
            return alt
    return mention


# pure, and asked again for the same partial date each time an undated text is
# re-read against an estimate (cleared with the scans)
@functools.lru_cache(maxsize=1 << 14)
def _inner_dates(text: str, start: int, end: int) -> tuple[re.Match[str], ...]:
    """The matches of a rule that start inside ``text[start:end]`` and reach past it,
    in order: the full dates :func:`_full_date_inside` tries."""
    out = []
    for t in TRIGGER.finditer(" " + text, start + 1, end + 1):
        q = t.start("t") - 1
        if q <= start:
            continue
        m = FAMILY.get(t.group("t"), _DIGIT_FAMILY).match(text, q)
        if m is not None and m.end() > end:
            out.append(m)
    return tuple(out)

"""Dates a page shows its readers: date lines, bylines and ``<time>`` elements.

The page's visible text is laid out in reading order (scripts, styles and
reader comments left out) with the position of its first headline. Every
full date written in it (``12.03.2019``, ``12. März 2019``, ``12 March 2019``,
``March 12, 2019``, ``2019-03-12``, ``12/03/2019`` ...) becomes a
:class:`Shown` date with what stands before it: a cue word (``Published``,
``Stand:``, ``Veröffentlicht am``, ``Von ...``, ``By ...``), a warning word
(``last modified``, ``Letzte Änderung``, ``©``) and its distance from the
headline.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

#: Month names (and their usual abbreviations) of the languages news pages use most.
MONTHS: dict[str, int] = {}
for _names in (
    "january february march april may june july august september october november december",
    "januar februar märz april mai juni juli august september oktober november dezember",
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "januari februari maart april mei juni juli augustus september oktober november december",
):
    for _i, _name in enumerate(_names.split(), 1):
        MONTHS.setdefault(_name, _i)
        if len(_name) > 3:
            MONTHS.setdefault(_name[:3], _i)
            MONTHS.setdefault(_name[:4], _i)
MONTHS.update({"jän": 1, "jänner": 1, "mrz": 3, "sept": 9, "okt": 10, "dez": 12, "févr": 2})

#: Weekday names (Monday = 0) and their usual abbreviations, in the same languages.
WEEKDAYS: dict[str, int] = {}
for _names in (
    "monday tuesday wednesday thursday friday saturday sunday",
    "montag dienstag mittwoch donnerstag freitag samstag sonntag",
    "lundi mardi mercredi jeudi vendredi samedi dimanche",
    "lunes martes miércoles jueves viernes sábado domingo",
    "lunedì martedì mercoledì giovedì venerdì sabato domenica",
    "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag",
):
    for _i, _name in enumerate(_names.split()):
        WEEKDAYS.setdefault(_name, _i)
        WEEKDAYS.setdefault(_name[:3], _i)
WEEKDAYS.update({"sonnabend": 5, "tues": 1, "thurs": 3, "wed": 2, "thu": 3})

_MONTH = "(?P<mon>" + "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_PATTERNS = [
    re.compile(rf"(?<![\d.]){_DAY}\.\s?(?P<mnum>[01]?\d)\.\s?(?P<year>(?:19|20)\d\d|\d\d(?=\s*[,|·-]?\s*\d\d?[:.]\d\d))(?!\d)"),
    re.compile(rf"(?<!\d){_DAY}(?:\.|er|st|nd|rd|th)?\s*(?:de\s+)?{_MONTH}\s*(?:de\s+)?,?\s*{_YEAR}(?!\d)", re.I),
    re.compile(rf"(?<![\w]){_MONTH}\s+{_DAY}(?:st|nd|rd|th)?,?\s+{_YEAR}(?!\d)", re.I),
    re.compile(rf"(?<![\d-]){_YEAR}-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)(?![\d])"),
    re.compile(rf"(?<![\d/]){_DAY}/(?P<mnum>[01]?\d)/{_YEAR}(?!\d)"),
]  # fmt: skip
#: Words before a date that say it is the page's date (a byline or a date label).
_CUE = re.compile(
    r"(?:published|posted|updated|created|dated?\b|released|written|first\s+published|"
    r"veröffentlicht|erschienen|publiziert|aktualisiert|stand\b|datum|erstellt|geschrieben|"
    r"publié|mis\s+à\s+jour|publicado|actualizado|pubblicato|aggiornato|gepubliceerd|"
    r"\bvon\b|\bby\b|\bpar\b|\bpor\b|\bdi\b|\bdoor\b|·|\|)[^\d]{0,40}$",
    re.I,
)
#: Labels that name the publication date itself.
_LABEL = re.compile(
    r"(?:published|posted|veröffentlicht|erschienen|publiziert|publié|publicado|pubblicato|"
    r"gepubliceerd)(?:\s+(?:on|am|le|el|il|op))?\s*:?\s*(?:[^\W\d_]+,?\s+(?:den\s+)?)?$",
    re.I,
)
#: Words just before a date that say it is a modification, copyright or access date.
_MODIFIED = re.compile(
    r"(?:modified|last\s+change|letzte\s+änderung|©|copyright|\(c\)|"
    r"abgerufen|retrieved|accessed)[^\n\d]{0,30}$",
    re.I,
)
#: Labels that say the date is the last update, not the first publication.
_UPDATED = re.compile(
    r"(?:updated|last\s+updated|aktualisiert|zuletzt\s+geändert|mis\s+à\s+jour|actualizado|"
    r"aggiornato|bijgewerkt)(?:\s+(?:on|am|le|el|il|op))?\s*:?\s*(?:[^\W\d_]+,?\s+)?$",
    re.I,
)
#: Words just before a date that say it is some other date (a deadline, an event, a range).
_OTHER = re.compile(
    r"(?:gültig|\bbis\b|\buntil\b|\bseit\b|\bsince\b|born|geboren|"
    r"\bab\b|\bvom\b|\bzum\b|\bfrom\b|\bbetween\b|\bentre\b|\bdu\b|\bau\b|\bdal\b|"
    r"termin|deadline|frist|event|veranstaltung|erscheinungsdatum|heft)[^\n\d]{0,30}$",
    re.I,
)
_WORD = re.compile(r"[^\W\d_]{2,}")
#: A date with at most this many words beside it on its line stands alone (a date line).
MAX_WORDS_BESIDE = 4
_TIME_AFTER = re.compile(r"^[\s,|·–-]*(?:um\s+|at\s+|à\s+)?\d{1,2}[:.h]\d\d(?:\s*(?:uhr|am|pm|h))?", re.I)


@dataclass(frozen=True)
class Shown:
    """A full date shown on the page."""

    date: dt.date
    pos: int  # character offset in the page's visible text
    cue: bool  # a cue word (Published, Stand:, Von, By ...) stands just before it
    warn: bool  # a word saying it is some other date stands just before it (modified, ©, until)
    timed: bool  # a clock time follows it (``12:01 Uhr``)
    alone: bool  # it stands (nearly) alone on its line, not inside a sentence
    label: bool = False  # a publication label stands just before it (Published, Erschienen am)
    modified: bool = False  # it is labelled a modification, copyright or access date
    updated: bool = False  # an update label stands just before it (Updated, Aktualisiert, Stand)
    weekday: bool = False  # its (correct) weekday is written just before it (``Mittwoch, 31. Oktober``)


def shown_dates(text: str, today: dt.date | None = None) -> list[Shown]:
    """The full dates in ``text`` in reading order (impossible and future dates left out)."""
    limit = (today or dt.date.today()) + dt.timedelta(days=2)
    found: dict[int, Shown] = {}
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(s <= m.start() < s + 12 for s in found):
                continue
            value = _value(m)
            if value is None or value > limit or value.year < 1990:
                continue
            before = re.sub(r"\s+", " ", text[max(0, m.start() - 80) : m.start()])[-50:]
            line_start = text.rfind("\n", 0, m.start()) + 1
            same_line = text[max(line_start, m.start() - 50) : m.start()]
            line_end = text.find("\n", m.end())
            rest = text[line_start : m.start()] + " " + text[m.end() : line_end if line_end >= 0 else None]
            found[m.start()] = Shown(
                value,
                m.start(),
                bool(_CUE.search(before)),
                bool(_MODIFIED.search(same_line) or _OTHER.search(same_line)),
                bool(_TIME_AFTER.match(text[m.end() : m.end() + 20])),
                len(_WORD.findall(rest)) <= MAX_WORDS_BESIDE,
                bool(_LABEL.search(before)),
                bool(_MODIFIED.search(same_line)),
                bool(_UPDATED.search(before)),
                _weekday(same_line, value),
            )
    return [found[k] for k in sorted(found)]


def _weekday(before: str, value: dt.date) -> bool:
    """Whether the words just before a date name its weekday (in any of :data:`WEEKDAYS`)."""
    words = _WORD.findall(before[-25:].lower())
    return any(WEEKDAYS.get(w) == value.weekday() for w in words[-2:])


def _value(m: re.Match[str]) -> dt.date | None:
    g = m.groupdict()
    year = int(g["year"])
    if year < 100:
        year += 2000
    month = MONTHS.get(g["mon"].lower().rstrip(".")) if g.get("mon") else int(g["mnum"])
    if not month:
        return None
    try:
        return dt.date(year, month, int(g["day"]))
    except ValueError:
        return None

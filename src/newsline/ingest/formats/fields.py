"""Which column of a record is which field: synonyms, ``--field KEY=COLUMN``, date order.

Column names are compared case-insensitively and without spaces, ``_`` or
``-`` (``Article Body`` = ``article_body`` = ``articleBody``). The first
synonym of a key present in a record wins; ``--field`` overrides them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

#: The fields an article has, in the order ``--field`` documents them.
KEYS = ("id", "title", "text", "date", "url", "source")

#: Column names recognised for each field, best first.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "text": (
        "text", "body", "content", "article", "article_body", "article_text", "full_text",
        "maintext", "story", "story_text", "body_text", "content_text", "description", "summary",
    ),
    "title": ("title", "headline", "heading", "head", "article_title", "name"),
    "date": (
        "time", "date", "published", "pub_date", "pubdate", "publish_date", "published_at",
        "publication_date", "published_date", "date_published", "publish_time", "datetime",
        "timestamp", "created_at", "created", "date_time", "datum", "fecha",
    ),
    "url": ("url", "link", "permalink", "uri", "href", "web_url", "article_url", "canonical_url"),
    "source": (
        "source", "outlet", "publisher", "publication", "site", "site_name", "sitename",
        "media", "newspaper", "domain", "source_name",
    ),
    "id": ("id", "doc_id", "docid", "article_id", "guid", "uuid", "_id", "identifier", "key"),
}  # fmt: skip


def norm(name: object) -> str:
    """A column name for comparison: lower case, letters and digits only."""
    return re.sub(r"[^0-9a-z]", "", str(name).lower())


_NORMED = {key: tuple(norm(s) for s in names) for key, names in SYNONYMS.items()}


class MappingError(ValueError):
    """A file's columns cannot be mapped (no text column, or a ``--field`` column missing)."""


def parse_field_option(value: str) -> tuple[str, str]:
    """``"text=Article Body"`` -> ``("text", "Article Body")``; ValueError when malformed."""
    key, sep, column = value.partition("=")
    key = key.strip().lower()
    if not sep or not column.strip():
        raise ValueError(f"expected KEY=COLUMN, got {value!r}")
    if key not in KEYS:
        raise ValueError(f"unknown field {key!r} in {value!r} (one of {', '.join(KEYS)})")
    return key, column.strip()


class FieldMap:
    """Resolves the columns of records to article fields; cached per set of columns."""

    def __init__(self, overrides: Mapping[str, str] | None = None) -> None:
        self.overrides = dict(overrides or {})
        self._cache: dict[tuple[str, ...], dict[str, str]] = {}

    def resolve(self, columns: Iterable[Any]) -> dict[str, str]:
        """``{key: column}`` for the keys found; raises :class:`MappingError` without text."""
        cols = tuple(str(c) for c in columns)
        found = self._cache.get(cols)
        if found is None:
            found = self._resolve(cols)
            self._cache[cols] = found
        return found

    def _resolve(self, cols: tuple[str, ...]) -> dict[str, str]:
        by_norm: dict[str, str] = {}
        for c in cols:
            by_norm.setdefault(norm(c), c)
        found: dict[str, str] = {}
        for key, wanted in self.overrides.items():
            column = wanted if wanted in cols else by_norm.get(norm(wanted))
            if column is None:
                raise MappingError(
                    f"--field {key}={wanted}: no such column (columns: {_list(cols)})"
                )
            found[key] = column
        used = set(found.values())
        for key in KEYS:
            if key in found:
                continue
            for name in _NORMED[key]:
                column = by_norm.get(name)
                if column is not None and column not in used:
                    found[key] = column
                    used.add(column)
                    break
        if "text" not in found:
            raise MappingError(
                f"no text column among the columns {_list(cols)}; name it with "
                f"--field text=COLUMN (also title=, date=, url=, source=, id=); "
                f"recognised text columns: {', '.join(SYNONYMS['text'][:6])}"
            )
        return found


def other_text_columns(columns: Iterable[Any], found: Mapping[str, str]) -> list[str]:
    """The columns after the chosen text column that are text synonyms too, best first
    (``content`` null in a record, ``description`` given): a record's fallbacks."""
    by_norm: dict[str, list[str]] = {}
    for c in columns:  # every column of a name, "Text" and "text" alike
        by_norm.setdefault(norm(c), []).append(str(c))
    used = set(found.values())
    return [c for name in _NORMED["text"] for c in by_norm.get(name, ()) if c not in used]


def _list(cols: tuple[str, ...]) -> str:
    shown = ", ".join(repr(c) for c in cols[:15])
    return shown + (f" and {len(cols) - 15} more" if len(cols) > 15 else "") if cols else "(none)"


_NUMERIC_DATE = re.compile(r"^\s*(\d{1,2})([./-])(\d{1,2})\2(\d{2}|\d{4})(?!\d)")
#: How many records are looked at before the date order of a file is decided.
DATE_ORDER_SAMPLE = 5000


def date_order_votes(values: Iterable[object]) -> tuple[int, int, int]:
    """(day-first, month-first, dotted) counts among numeric dates like ``13/03/2019``."""
    day = month = dotted = 0
    for v in values:
        if not isinstance(v, str):
            continue
        m = _NUMERIC_DATE.match(v)
        if m is None:
            continue
        a, b = int(m.group(1)), int(m.group(3))
        day += a > 12 >= b
        month += b > 12 >= a
        dotted += m.group(2) == "."
    return day, month, dotted


def decide_dayfirst(values: Iterable[object]) -> bool | None:
    """Whether a file writes numeric dates day first, from its values.

    A value with a first number above 12 votes day-first, a second number
    above 12 month-first; the majority wins. Without a telling value,
    dotted dates (``12.03.2019``) are day-first and others undecided (``None``,
    read month-first).
    """
    day, month, dotted = date_order_votes(values)
    if day != month:
        return day > month
    return True if dotted else None


def with_date_order(
    records: Iterable[tuple[int, Any]], fields: FieldMap, forced: bool | None
) -> tuple[Iterator[tuple[int, Any]], bool | None]:
    """The records again and the file's date order (``forced`` when given).

    Up to :data:`DATE_ORDER_SAMPLE` records are read ahead to decide.
    """
    it = iter(records)
    if forced is not None:
        return it, forced
    head: list[tuple[int, Any]] = []
    values: list[object] = []
    for item in it:
        head.append(item)
        record = item[1]
        if isinstance(record, Mapping):
            try:
                column = fields.resolve(record.keys()).get("date")
            except MappingError:
                column = None
            if column is not None:
                values.append(record.get(column))
        if len(head) >= DATE_ORDER_SAMPLE:
            break

    def chained() -> Iterator[tuple[int, Any]]:
        yield from head
        yield from it

    return chained(), decide_dayfirst(values)

"""Record formats: JSON lines, JSON (list or ``{"articles": [...]}``) and CSV/TSV.

Each record is an object with a text column and optionally id, title, url,
source and date columns, found by name (see :mod:`.fields` for the synonyms
and ``--field``).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from ...model import Article
from .._report import Reporter
from ..dates import check_date, parse_date
from .fields import SYNONYMS, FieldMap, MappingError, norm, other_text_columns

TEXT_FIELDS = SYNONYMS["text"]
DATE_FIELDS = SYNONYMS["date"]
_TEXT_NORMS = {norm(k) for k in TEXT_FIELDS}
#: Delimiters a CSV file may use; the one most frequent in the header line wins.
DELIMITERS = (",", ";", "\t", "|")

Record = tuple[int, Any]  # (line or record number, decoded JSON value / CSV row)

_SURROGATE = re.compile("[\ud800-\udfff]")
#: Unclosed-quote recoveries per CSV file before the rest of the file is given up.
MAX_CSV_RECOVERIES = 20


def _no_surrogates(text: str) -> str:
    """Lone surrogates (JSON ``"\\ud800"``) become U+FFFD: same length, so offsets hold."""
    return _SURROGATE.sub("\ufffd", text) if not text.isascii() else text


def to_article(
    record: Any,
    *,
    where: str,
    default_id: str,
    origin: str,
    report: Reporter,
    file: str,
    fields: FieldMap | None = None,
    dayfirst: bool | None = None,
) -> Article | None:
    """An :class:`Article` from one record, or ``None`` (with a problem) if it has no text.

    Columns are found by :class:`~.fields.FieldMap` (synonyms, ``--field``).
    """
    if not isinstance(record, Mapping):
        report.problem(where, f"record is a JSON {type(record).__name__}, not an object; skipped", file=file, cause="malformed")
        return None
    try:
        columns = (fields or FieldMap()).resolve(record.keys())
    except MappingError:
        columns = {}
    text = _no_surrogates(_text(record.get(columns["text"]))) if "text" in columns else ""
    if not text and columns and "text" not in (fields.overrides if fields else {}):
        for column in other_text_columns(record.keys(), columns):  # its text is elsewhere
            text = _no_surrogates(_text(record.get(column)))
            if text:
                break
    if "\x00" in text:  # a JSON "\u0000" or a Parquet string's NUL: removed, with a line
        nuls = text.count("\x00")
        text = text.replace("\x00", "").strip()
        report.problem(where, f"{nuls} NUL character{'s' if nuls != 1 else ''} removed from the text", file=file)
    if not text:
        report.problem(where, "record has no text; skipped", file=file, cause="no text")
        return None
    rid = _plain(record.get(columns.get("id", "id")))
    rid = default_id if rid is None or str(rid).strip() == "" else _no_surrogates(str(rid))
    published = None
    key = columns.get("date")
    raw = _plain(record.get(key)) if key is not None else None
    if raw is not None and raw != "":
        value = parse_date(raw, dayfirst)
        if value is None:
            report.problem(where, f"unreadable date {raw!r} in field {key!r}; article kept undated", file=file)
        else:
            reason = check_date(value)
            if reason:
                report.problem(where, f"{reason}; date dropped, article kept undated", file=file)
            else:
                published = value
    return Article(
        id=rid,
        text=text,
        title=_str(record.get(columns.get("title", "title"))),
        url=_str(record.get(columns.get("url", "url"))),
        source=_str(record.get(columns.get("source", "source"))),
        published=published,
        date_source="field" if published else "",
        origin=origin,
    )


def _plain(value: object) -> object:
    """A MongoDB export's wrapped value unwrapped: ``{"$oid": "5c7e..."}``,
    ``{"$date": "2019-03-05T10:00:00Z"}``, ``{"$date": {"$numberLong": "1551780000000"}}``."""
    while isinstance(value, Mapping) and len(value) == 1:
        key, inner = next(iter(value.items()))
        if not (isinstance(key, str) and key.startswith("$")):
            break
        value = inner
    return value


def _text(value: object) -> str:
    if isinstance(value, list):
        value = "\n".join(str(v) for v in value if v is not None)
    return value.strip() if isinstance(value, str) else ""


def _str(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Mapping):  # e.g. {"source": {"name": "Reuters"}}
        value = value.get("name") or value.get("title") or ""
    return _no_surrogates(str(value).strip())


def iter_jsonl(
    lines: Iterable[bytes | str | None], *, name: str, report: Reporter, max_record: int | None = None
) -> Iterator[Record]:
    """Decoded JSON values of non-empty lines; malformed lines become problems naming the line.

    A ``None`` line (or one longer than ``max_record``) was too large and is skipped with a problem.
    """
    for lineno, line in enumerate(lines, 1):
        where = f"{name}:{lineno}"
        if line is None or (max_record is not None and len(line) > max_record):
            cap = f" {max_record} bytes" if max_record else ""
            report.problem(where, f"line longer than the{cap} cap (--max-record-size); skipped", file=name, cause="too large")
            continue
        if not line.strip():
            continue
        line, nuls = _without_nuls(line)
        if nuls:  # stray NULs in a text file: removed with a line, the record kept
            report.problem(where, f"{nuls} NUL byte{'s' if nuls != 1 else ''} removed", file=name)
            if not line.strip():
                continue
        try:
            try:
                value = json.loads(line)
            except UnicodeDecodeError:  # a line in another encoding: decoded as a guess
                value = json.loads(_fallback_decode(line))
        except ValueError as exc:
            report.problem(where, f"malformed JSON line ({exc}); skipped", file=name, cause="malformed")
            continue
        except RecursionError:
            report.problem(where, "JSON nested too deeply; skipped", file=name, cause="malformed")
            continue
        yield lineno, value


def _without_nuls(line: bytes | str) -> tuple[bytes | str, int]:
    if isinstance(line, bytes):
        nuls = line.count(0)
        return (line.replace(b"\x00", b"") if nuls else line), nuls
    nuls = line.count("\x00")
    return (line.replace("\x00", "") if nuls else line), nuls


def _fallback_decode(line: bytes | str) -> str:
    if isinstance(line, str):
        return line
    from ..decode import decode

    text = decode(line)
    if text is None:
        raise ValueError("undecodable bytes")
    return text


def iter_json(text: str, *, name: str, report: Reporter) -> Iterator[Record]:
    """Records of a JSON document: a list, ``{"articles": [...]}`` or one article object."""
    try:
        doc = json.loads(text)
    except ValueError as exc:
        report.problem(name, f"malformed JSON ({exc}); file skipped", file=name, cause="malformed")
        return
    except RecursionError:
        report.problem(name, "JSON nested too deeply; file skipped", file=name, cause="malformed")
        return
    if isinstance(doc, Mapping):
        for key in ("articles", "documents", "items", "data", "records"):
            if isinstance(doc.get(key), list):
                doc = doc[key]
                break
        else:
            if any(norm(k) in _TEXT_NORMS for k in doc):
                doc = [doc]
    if not isinstance(doc, list):
        report.problem(name, "JSON is neither a list of articles nor {\"articles\": [...]}; file skipped", file=name, cause="malformed")
        return
    yield from enumerate(doc, 1)


def iter_csv(
    text: str,
    *,
    name: str,
    report: Reporter,
    delimiter: str | None = None,
    max_record: int = 2**31 - 1,
) -> Iterator[Record]:
    """Rows of a CSV/TSV file with a header row, keyed by column name.

    The delimiter (``,``, ``;``, tab or ``|``) is the one a first ``sep=;`` line
    names (as Excel writes it), else the one most frequent in the header line
    outside quotes; quoted cells may span lines.

    A field longer than ``max_record`` skips its row. An unclosed quote that
    would swallow the rest of the file into one field (the file has an odd
    number of quote characters and the last row runs to the end) is reported
    at the line where that row starts, and reading resumes on the next line.
    """
    declared = _SEP_LINE.match(text)  # Excel's "sep=;" line names the delimiter
    if declared:
        delimiter = declared.group(1)
    elif delimiter is None:
        delimiter = sniff_delimiter(text)
    previous = csv.field_size_limit()
    csv.field_size_limit(min(max_record, 2**31 - 1))  # a field past the cap is a csv.Error
    try:
        yield from _csv_rows(text, name, report, delimiter, skip=1 if declared else 0)
    finally:
        csv.field_size_limit(previous)


def _csv_rows(
    text: str, name: str, report: Reporter, delimiter: str, skip: int = 0
) -> Iterator[Record]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for _ in range(skip):
            next(reader)
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as exc:
        report.problem(name, f"malformed CSV header ({exc}); file skipped", file=name, cause="malformed")
        return
    columns = [h.strip().lstrip("\ufeff") for h in header]
    merged = _said_duplicates(columns, name, report)
    odd_quotes = text.count('"') % 2 == 1
    offset = 0  # lines before the text the reader reads (after a recovery)
    recoveries = 0
    start = 2 + skip
    pending: tuple[int, list[str]] | None = None
    while True:
        try:
            row = next(reader)
        except StopIteration:
            if pending is not None:
                line, cells = pending
                if odd_quotes and reader.line_num + offset > line and recoveries < MAX_CSV_RECOVERIES:
                    end = reader.line_num + offset
                    report.problem(
                        f"{name}:{line}",
                        f"unclosed quote: the row runs to the end of the file (line {end}); "
                        "row skipped, reading resumes on the next line",
                        file=name,
                        cause="malformed",
                    )
                    recoveries += 1
                    rest = text.split("\n", line)[-1] if line < text.count("\n") + 1 else ""
                    offset = line
                    odd_quotes = rest.count('"') % 2 == 1
                    reader = csv.reader(io.StringIO(rest, newline=""), delimiter=delimiter)
                    start = line + 1
                    pending = None
                    continue
                if any(cell.strip() for cell in cells):
                    yield line, _row(columns, cells, merged)
            return
        except csv.Error as exc:
            where = f"{name}:{reader.line_num + offset}"
            big = "field larger than" in str(exc)
            what = "CSV row too large (--max-record-size)" if big else "malformed CSV row"
            report.problem(where, f"{what} ({exc}); skipped", file=name, cause="too large" if big else "malformed")
            start = reader.line_num + offset + 1
            continue
        line, start = start, reader.line_num + offset + 1
        if pending is not None and any(cell.strip() for cell in pending[1]):
            yield pending[0], _row(columns, pending[1], merged)
        pending = (line, row)


def _said_duplicates(columns: list[str], name: str, report: Reporter) -> bool:
    """Warn once per column name the header repeats (the last one silently won); True if any."""
    seen: dict[str, list[int]] = {}
    for i, column in enumerate(columns, 1):
        seen.setdefault(column, []).append(i)
    repeated = {c: where for c, where in seen.items() if len(where) > 1}
    for column, where in repeated.items():
        if column:  # unnamed columns (trailing delimiters) hold nothing a field maps to
            cols = ", ".join(map(str, where))
            report.problem(name, f"column {column!r} appears {len(where)} times (columns {cols}); "
                           "each row takes the first non-empty of them", file=name)  # fmt: skip
    return bool(repeated)


def _row(columns: list[str], cells: list[str], merged: bool) -> dict[str, str]:
    """A row keyed by column name; of columns with one name, the first non-empty cell."""
    if not merged:
        return dict(zip(columns, cells, strict=False))
    row: dict[str, str] = {}
    for column, cell in zip(columns, cells, strict=False):
        if column not in row or (not row[column].strip() and cell.strip()):
            row[column] = cell
    return row


_SEP_LINE = re.compile(r"\ufeff?sep=([,;\t|])\r?\n", re.I)


def sniff_delimiter(text: str) -> str:
    """The delimiter of a CSV text: the most frequent of :data:`DELIMITERS` in its header."""
    first = re.sub(r'"[^"]*"', "", text[:65536].split("\n", 1)[0])
    counts = {d: first.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","

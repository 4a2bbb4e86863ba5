"""Source offsets index the article text as read, even when cleaning removed lines."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from newsline import build_timeline
from newsline.clean import clean, span_map, to_read
from newsline.ingest import read

TITLE = "Crane collapses at Kestrel harbor"
TEXT = (
    f"{TITLE}\n"
    "Share this article\n"
    "A crane collapsed at the Kestrel harbor on 9 May 2022, crushing two warehouses.\n"
    f"{TITLE}\n"
    "Tags: harbor, cranes\n"
    "The harbor reopened on 13 May 2022 after inspectors checked every remaining crane.\n"
    "Officials said on 10 May 2022 that nobody had been hurt in the collapse.\n"
)


def test_cleaning_keeps_a_map_to_the_text_as_read(tmp_path):
    f = tmp_path / "2022-05-13-crane.jsonl"
    record = {"id": "a", "title": TITLE, "text": TEXT, "date": "2022-05-13"}
    f.write_text(json.dumps(record) + "\n", encoding="utf-8")
    (article,) = read([f]).articles
    (cleaned,), report = clean([article])
    assert report.boilerplate_lines == 4 and cleaned.text != article.text
    timeline = build_timeline([article], n_dates=3, n_sentences=1)
    refs = [(s.text, s.source) for e in timeline for s in e.sentences]
    assert refs
    for text, ref in refs:
        assert ref is not None
        assert article.text[ref.start : ref.end].strip() == text
        assert cleaned.text[ref.start : ref.end].strip() != text or ref.start == 0


def test_span_map_of_deleted_lines():
    read_text = "Title\n  keep one\nShare\nkeep two  \n\nTitle\nlast line"
    cleaned = "keep one\nkeep two  \n\nlast line"
    spans = span_map(read_text, cleaned)
    for word in ("keep one", "keep two", "last line"):
        i = cleaned.index(word)
        j = to_read(spans, i)
        assert read_text[j : j + len(word)] == word
        assert to_read(spans, i + len(word)) == j + len(word)
    assert span_map("same", "same") == () and to_read((), 5) == 5


@given(st.lists(st.tuples(st.text("abc ", min_size=1, max_size=8), st.booleans()), min_size=1, max_size=12))
def test_span_map_property(lines):
    read_text = "\n".join(text for text, _ in lines)
    kept = [text for text, keep in lines if keep]
    cleaned = "\n".join(kept).strip()
    spans = span_map(read_text, cleaned)
    for line in cleaned.split("\n"):
        if not line.strip():
            continue
        i = cleaned.index(line)
        j = to_read(spans, i)
        assert read_text[j : j + len(line)] == line


def _searched(read_text: str, cleaned: str) -> tuple[tuple[int, int, int], ...]:
    """span_map with every line searched for (no shortcut for the next line as read)."""
    from newsline.clean.offsets import _find_line

    spans, pos, c = [], 0, 0
    for line in cleaned.split("\n"):
        at = _find_line(read_text, line, pos)
        at = pos if at < 0 else at
        spans.append((c, at, len(line)))
        pos, c = at + len(line), c + len(line) + 1
    return tuple(spans)


@given(st.lists(st.sampled_from(["a", "ab", "b a", "", " ", "a\t"]), max_size=10),
       st.lists(st.sampled_from(["a", "ab", "b a", "", " ", "x"]), max_size=8))
def test_span_map_takes_the_next_line_as_a_search_would(read_lines, other):
    read_text = "\n".join(read_lines)
    for cleaned in ("\n".join(read_lines[1:]), "\n".join(read_lines[::2]), "\n".join(other)):
        if cleaned != read_text:
            assert span_map(read_text, cleaned) == _searched(read_text, cleaned)

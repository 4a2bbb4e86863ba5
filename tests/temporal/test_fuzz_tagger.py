"""Property-based (hypothesis) fuzzing of the tagger: no exception escapes and every
mention's offsets lie inside its text and cut out exactly its words."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from newsline.temporal import tag

TOKENS = [
    "May", "June", "December", "Monday", "Friday", "last", "next", "week", "year", "years",
    "days", "ago", "later", "in", "on", "the", "of", "since", "until", "1", "3", "24", "31",
    "2010", "9999", "0001", "99999999999", "3000", "-", "–", ",", ".", "'", "mid", "early",
    "yesterday", "tomorrow", "today", "2010-05-24", "24/05/2010", "spring", "1990s", "a",
]  # fmt: skip
texts = st.one_of(
    st.lists(st.sampled_from(TOKENS), max_size=30).map(" ".join),
    st.lists(st.sampled_from(TOKENS), max_size=30).map("".join),
    st.text(max_size=200),
)
dcts = st.none() | st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2100, 12, 31))


@settings(max_examples=300, deadline=None)
@given(text=texts, dct=dcts)
def test_tagger_offsets_stay_inside_the_text(text: str, dct: dt.date | None) -> None:
    for m in tag(text, dct):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert isinstance(m.value, str) and m.value

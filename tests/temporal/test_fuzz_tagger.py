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


# Digits of other scripts and letters that a case-insensitive pattern reads as ASCII
# ("ſ" folds to "s", KELVIN SIGN to "k", "İ"/"ı" to "i"): each once raised inside tag().
ODD = ["٢٠١٤", "２０１４", "১৯৯৯", "٣", "୨", "𝟗", "²", "½", "ſ", "\u212a", "İ", "ı", "\u00a0", "\u2028"]
unicode_texts = st.lists(
    st.one_of(st.sampled_from(TOKENS), st.sampled_from(ODD), st.text(max_size=3)), max_size=30
).flatmap(lambda parts: st.sampled_from([" ".join(parts), "".join(parts)]))


@settings(max_examples=500, deadline=None)
@given(text=unicode_texts | st.text(st.characters(categories=["Nd", "Zs", "Ll", "Lu"]), max_size=60), dct=dcts)
def test_tagger_never_raises_on_any_unicode(text: str, dct: dt.date | None) -> None:
    for m in tag(text, dct):
        assert text[m.start : m.end] == m.text


def test_digits_of_other_scripts_and_case_folded_letters_do_not_crash() -> None:
    day = dt.date(2014, 1, 1)
    for text in ["in ٢٠١٤ there", "on ２０１４-０１-０２", "born ১৯৯৯", "the firſt quarter",
                 "the 1988 firſt quarter", "3 wee\u212as ago", "in 2٠14", "٣:٣٠ p.m. ٢ days"]:  # fmt: skip
        assert all(text[m.start : m.end] == m.text for m in tag(text, day))
    # a number in another script still counts: "٣ days" is three days
    assert [(m.text, m.value) for m in tag("for ٣ days", day)] == [("٣ days", "P3D")]

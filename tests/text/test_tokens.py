"""Word tokens and detokenization."""

from __future__ import annotations

from newsline.text import detokenize, word_spans, words


def test_words_prose_and_tokenized():
    assert words("BP's well (Macondo) leaked.") == ["bp's", "well", "macondo", "leaked"]
    assert words("BP 's well -LRB- Macondo -RRB- leaked .") == ["bp", "well", "macondo", "leaked"]
    assert words("`` Abu Bakr al-Baghdadi , '' U.S. forces said 3.5 %") == [
        "abu", "bakr", "al-baghdadi", "u.s", "forces", "said", "3.5",
    ]
    assert words("") == []


def test_word_spans_match_words():
    text = "BP 's well -LRB- Macondo -RRB- leaked ."
    assert [text[s:e].lower() for s, e in word_spans(text)] == words(text)


def test_detokenize():
    assert detokenize("BP 's well -LRB- Macondo -RRB- leaked , he said .") == "BP's well (Macondo) leaked, he said."
    assert detokenize("`` Go , '' he said .") == "\u201cGo,\u201d he said."
    assert detokenize("Plain text.") == "Plain text."

"""Word tokens and detokenization."""

from __future__ import annotations

import pytest

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


@pytest.mark.parametrize(
    "tokenized, readable",
    [
        ("Ali , who fled the town , returned .", "Ali, who fled the town, returned."),
        ("Talks -LRB- in Geneva -RRB- resumed .", "Talks (in Geneva) resumed."),
        ("The -LSB- draft -RSB- text -LCB- v2 -RCB- ;", "The [draft] text {v2};"),
        ("-lrb- wire -rrb- -- The mayor spoke .", "(wire) -- The mayor spoke."),
        ("`` We will rebuild , '' she said .", "\u201cWe will rebuild,\u201d she said."),
        ('He said " not today " and left .', "He said \u201cnot today\u201d and left."),
        ("` Fine , ' he said .", "\u2018Fine,\u2019 he said."),
        ("The mayor 's office said it was n't told .", "The mayor's office said it wasn't told."),
        ("They 're sure ; we 've heard , I 'm told : they 'll go , he 'd say .",
         "They're sure; we've heard, I'm told: they'll go, he'd say."),
        ("Ca n't stop , wo n't stop !", "Can't stop, won't stop!"),
        ("the farmers ' union", "the farmers' union"),
        ("Photo : Dana Reyes\\/Harbor Press", "Photo: Dana Reyes/Harbor Press"),
        ("\\* May 6 - The ferry resumed .", "* May 6 - The ferry resumed."),
        ("Rents rose 4 % to $ 1,200 ?", "Rents rose 4% to $1,200?"),
        # a bracket token cut at the excerpt's edge has nothing to pair with
        ("RRB- The ferry resumed .", "The ferry resumed."),
        # untokenized prose is left alone
        ("The mayor's office (on Main St.) said: \"Not today.\"",
         "The mayor's office (on Main St.) said: \"Not today.\""),
        ("Plain text.", "Plain text."),
    ],
)
def test_detokenize_reads_like_prose(tokenized, readable):
    assert detokenize(tokenized) == readable

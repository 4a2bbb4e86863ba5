"""ROUGE-1.5.5 tokenization, stemming and counts, checked by hand."""

from __future__ import annotations

from collections import Counter

import pytest

from newsline.evaluate.resources import stem_exceptions, stopwords
from newsline.evaluate.rouge import ngram_counts, ngrams, sentence_tokens, summary_tokens
from newsline.evaluate.stemmer import porter_stem, rouge_stem


def test_stopwords_are_rouges_smart_list() -> None:
    words = stopwords()
    assert len(words) == 596  # 598 lines, two of them repeated
    assert {"the", "a", "reuters", "jan", "'s"} <= words
    assert "oil" not in words


def test_exception_table_maps_irregular_forms_with_rouges_precedence() -> None:
    table = stem_exceptions()
    assert len(table) == 5930
    assert table["went"] == "go"
    assert table["children"] == "child"
    # "better" is in adj.exc (good) and adv.exc (well): the later file wins, as in the DB
    assert table["better"] == "well"


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("caresses", "caress"),
        ("ponies", "poni"),
        ("agreed", "agre"),
        ("hopping", "hop"),
        ("filing", "file"),
        ("happy", "happi"),
        ("relational", "relat"),
        ("conditional", "condit"),
        ("generalization", "gener"),
        ("electrical", "electr"),
        ("adjustment", "adjust"),
        ("controlling", "control"),
        ("yelling", "yell"),
        ("archaeology", "archaeolog"),
        ("sensibility", "sensibl"),
        # ROUGE's own step 4: "-ment" and "-ent" are tried after the other suffixes
        ("governmental", "govern"),
        ("departmental", "depart"),
    ],
)
def test_porter_as_in_rouge(word: str, stem: str) -> None:
    assert porter_stem(word) == stem


def test_rouge_stem_prefers_exceptions() -> None:
    assert rouge_stem("went") == "go"
    assert rouge_stem("spills") == "spill"


def test_sentence_tokens_follow_rouge_155() -> None:
    # lower-cased, split on anything not [A-Za-z0-9], stop words out, stemmed if > 3 chars
    assert sentence_tokens("BP's oil-spill: the Gulf (2010) was leaking.") == (
        "bp",
        "oil",
        "spill",
        "gulf",
        "2010",
        "leak",
    )
    # non-ASCII characters separate tokens; "^" is written as "&circ;" by pyrouge
    assert sentence_tokens("Café x^y") == ("caf", "circ")
    # ROUGE reads a sentence only up to its first "<"
    assert sentence_tokens("oil spill <b>leak</b>") == ("oil", "spill")
    assert sentence_tokens("<p>nothing") == ()


def test_ngrams_cross_sentence_boundaries() -> None:
    tokens = summary_tokens(["Oil spill.", "Leak capped."])
    assert tokens == ["oil", "spill", "leak", "cap"]
    assert ngrams(tokens, 2) == Counter(
        {("oil", "spill"): 1, ("spill", "leak"): 1, ("leak", "cap"): 1}
    )


def test_counts_clip_per_model_and_count_the_peer_once_per_model() -> None:
    peer = Counter({("oil",): 3, ("gulf",): 1})
    m1 = Counter({("oil",): 1, ("spill",): 2})
    m2 = Counter({("oil",): 2, ("gulf",): 1})
    counts = ngram_counts(peer, [m1, m2])
    assert counts.hit == 1 + 2 + 1
    assert counts.peer == 4 * 2
    assert counts.model == 3 + 3
    empty = ngram_counts(Counter(), [m1])
    assert (empty.hit, empty.peer, empty.model) == (0, 0, 3)

"""Query keywords against sentences of prose and of PTB-tokenized benchmark text.

``parse_query`` lower-cases the query and splits it on whitespace and commas;
``keyword_match`` is a case-insensitive whole-word test on the sentence text
(``*`` opens a term's end or start). Both kinds of text must match the same
queries.
"""

from __future__ import annotations

import pytest

from newsline.core import parse_query
from newsline.model import Article
from newsline.text import split_sentences
from newsline.timeline.candidates import keyword_match

PROSE = (
    "The U.S. Senate voted on Tuesday to expand the inquiry. "
    "BP's chief executive, Tony Hayward, testified before the panel. "
    "Abu Bakr al-Baghdadi's group claimed the attack in Ramadi. "
    "OIL SPILL RESPONSE TEAMS MOVED EAST. "
    "Fishermen waited on the docks."
)
TOKENIZED = (
    "The U.S. Senate voted on Tuesday to expand the inquiry . "
    "BP 's chief executive , Tony Hayward , testified before the panel . "
    "Abu Bakr al-Baghdadi 's group claimed the attack in Ramadi . "
    "OIL SPILL RESPONSE TEAMS MOVED EAST . "
    "Fishermen waited on the docks ."
)
CURLY = PROSE.replace("'", "\u2019")

# query -> indices of the sentences (of every text above) it must match
QUERIES = {
    "U.S. Senate": [0],
    "u.s.": [0],
    "senate, inquiry": [0],
    "BP": [1],
    "BP's": [1],
    "Hayward": [1],
    "Abu Bakr al-Baghdadi": [2],
    "al-Baghdadi's": [2],
    "oil spill": [3],
    "Oil, Spill": [3],
    "fishermen": [4],
    "Macondo": [],
    "spil": [],
    "spil*": [3],
    "*ardi": [],
    "*aghdadi": [2],
    "*ghda*": [2],
    "Bakr al": [2],
    '"akr al-"': [],
}


def sentences(text: str) -> list[str]:
    return [s.text for s in split_sentences(Article("a", text))]


@pytest.mark.parametrize("text", [PROSE, TOKENIZED, CURLY], ids=["prose", "tokenized", "curly"])
def test_five_sentences(text):
    assert len(sentences(text)) == 5


@pytest.mark.parametrize("text", [PROSE, TOKENIZED, CURLY], ids=["prose", "tokenized", "curly"])
@pytest.mark.parametrize("query", list(QUERIES))
def test_query_matches_prose_and_tokenized_alike(query, text):
    keywords = parse_query(query)
    matched = [i for i, s in enumerate(sentences(text)) if keyword_match(s.lower(), keywords)]
    assert matched == QUERIES[query]


def test_parse_query():
    assert parse_query("U.S. Senate") == ("u.s.", "senate")
    assert parse_query(["oil, spill", "Spill"]) == ("oil", "spill")
    assert parse_query("") == ()
    # a possessive would miss tokenized "BP 's" and curly "BP\u2019s" as a substring
    assert parse_query("BP's al-Baghdadi\u2019s") == ("bp", "al-baghdadi")


@pytest.mark.parametrize(("term", "hits"), [
    ("oil", ["oil", "oil-soaked", "the oil."]),
    ("oil*", ["oils", "oily", "oil"]),
    ("*oil", ["turmoil", "soil", "oil"]),
    ("*flu*", ["influenza", "flu"]),
    ("u.s.", ["the u.s. army", "u.s.-led"]),
    ("h1n1", ["h1n1 flu"]),
    ("élan", ["son élan"]),
])
def test_whole_words_unless_a_wildcard_opens_them(term, hits):
    misses = {"oil": ["turmoil", "soil", "oils", "boiled", "oil_x", "oilé"], "oil*": ["turmoil"],
              "*oil": ["oils"], "*flu*": ["fl u"], "u.s.": ["bu.s."], "h1n1": ["h1n1n"],
              "élan": ["délan"]}[term]
    assert all(keyword_match(h, (term,)) for h in hits)
    assert not any(keyword_match(m, (term,)) for m in misses)


def test_sql_pattern_agrees_with_the_python_one():
    import duckdb

    from newsline.query import sql_pattern

    texts = ["turmoil", "the oil.", "oil-soaked", "oils", "oilé", "délan", "son élan", "u.s.-led",
             "bu.s.", "influenza", "h1n1n", "oil_x", "x oil"]
    for term in ("oil", "oil*", "*oil", "*flu*", "u.s.", "élan", "h1n1"):
        sql = [duckdb.execute("SELECT regexp_matches(?, ?)", [t, sql_pattern(term)]).fetchone()[0]
               for t in texts]
        assert sql == [keyword_match(t, (term,)) for t in texts], term

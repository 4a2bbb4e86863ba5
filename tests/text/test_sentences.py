"""Sentence splitting: prose and tokenized text, abbreviations, offsets."""

from __future__ import annotations

import pytest

from newsline.model import Article
from newsline.text import sentence_spans, split_sentences

CASES = [
    # prose
    ("He left. She stayed.", ["He left.", "She stayed."]),
    ("Mr. Smith met Gen. Allen. They talked.", ["Mr. Smith met Gen. Allen.", "They talked."]),
    ("It fell 3.5 percent on Jan. 5 and rose again.", ["It fell 3.5 percent on Jan. 5 and rose again."]),
    ("It was ranked No. 5 in the list. Then it fell.", ["It was ranked No. 5 in the list.", "Then it fell."]),
    ("The U.S. Army said so.", ["The U.S. Army said so."]),
    ("Troops left the U.S. The war ended.", ["Troops left the U.S.", "The war ended."]),
    ("John F. Kennedy Jr. was there.", ["John F. Kennedy Jr. was there."]),
    ("Was it true? Yes! Really.", ["Was it true?", "Yes!", "Really."]),
    ('He said "We will win." Then he left.', ['He said "We will win."', "Then he left."]),
    ("\u201cWe will stay,\u201d he said. \u201cNo.\u201d", ["\u201cWe will stay,\u201d he said.", "\u201cNo.\u201d"]),
    ("He paused... Then spoke.", ["He paused...", "Then spoke."]),
    ("BP Plc. shares fell. The company said.", ["BP Plc. shares fell.", "The company said."]),
    ("WASHINGTON (Reuters) - The spill grew on Monday.", ["WASHINGTON (Reuters) - The spill grew on Monday."]),
    ("Baghdad, Iraq (BBN)-The Islamic State said. It was Saturday.",
     ["Baghdad, Iraq (BBN)-The Islamic State said.", "It was Saturday."]),
    ("ST. LOUIS (AP) - Rain fell.", ["ST. LOUIS (AP) - Rain fell."]),
    # lines
    ("Headline without stop\nBody starts here.", ["Headline without stop", "Body starts here."]),
    ("A wrapped line goes\non and on. Next.", ["A wrapped line goes\non and on.", "Next."]),
    ("First paragraph\n\nsecond paragraph.", ["First paragraph", "second paragraph."]),
    ("Text.\n\n-- .\n2010\n* * *\nMore text.", ["Text.", "More text."]),
    # tokenized (PTB)
    ("BP 's well leaked . The U.S. 's response was slow .",
     ["BP 's well leaked .", "The U.S. 's response was slow ."]),
    ("`` We are ready , '' he said . `` Go . ''", ["`` We are ready , '' he said .", "`` Go . ''"]),
    ("NEW ORLEANS -LRB- AP -RRB- -- The judge ruled . -LRB- More -RRB- follows .",
     ["NEW ORLEANS -LRB- AP -RRB- -- The judge ruled .", "-LRB- More -RRB- follows ."]),
    ("One sentence per line .\nAnother one here .\nand a third", ["One sentence per line .", "Another one here .", "and a third"]),
    ("Prices rose 2.5 % . Mr. Hayward spoke .", ["Prices rose 2.5 % .", "Mr. Hayward spoke ."]),
    # a page's publication stamp between a scraped headline and the first sentence
    ("Mill fire contained , crews say Sunday 3 April 2005 02.26 BST A fire at the old mill burned "
     "for six hours .",
     ["Mill fire contained , crews say", "Sunday 3 April 2005 02.26 BST",
      "A fire at the old mill burned for six hours ."]),
    ("Wednesday , December 15 , 2010 ; 8:18 PM The council sued the builder on Wednesday .",
     ["Wednesday , December 15 , 2010 ; 8:18 PM", "The council sued the builder on Wednesday ."]),
    # a weekday and full date without a clock time are part of the sentence
    ("He left on Sunday 3 April 2005 at noon . They stayed .",
     ["He left on Sunday 3 April 2005 at noon .", "They stayed ."]),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_sentence_table(text, expected):
    assert [text[s:e] for s, e in sentence_spans(text)] == expected


@pytest.mark.parametrize("text, _", CASES)
def test_offsets_index_article_text(text, _):
    article = Article(id="a", text="  " + text + " \n")
    sentences = split_sentences(article)
    assert [s.index for s in sentences] == list(range(len(sentences)))
    for s in sentences:
        assert article.text[s.start : s.end] == s.text
        assert s.text == s.text.strip() and s.article_id == "a"


def test_empty_and_letterless():
    assert sentence_spans("") == []
    assert sentence_spans(" \n\n . ... 2010 ") == []

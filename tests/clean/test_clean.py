"""Cleaning: boilerplate lines, exact and near duplicates, report counts, offsets."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from newsline.clean import clean, is_pattern_boilerplate
from newsline.model import Article
from newsline.text import split_sentences

D = dt.date


def story(seed: int, n: int = 60) -> str:
    """A distinct article text of ``n`` words (words depend on ``seed``)."""
    rng = random.Random(seed)
    words = ["".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(6)) for _ in range(n)]
    lines = [" ".join(words[i : i + 12]) + "." for i in range(0, n, 12)]
    return "\n".join(lines)


@pytest.mark.parametrize(
    "line",
    [
        "Tags: oil, spill, BP",
        "Tags : oil , spill",
        "Share this",
        "Share this article",
        "Facebook Twitter Email",
        "Latest News",
        "Read more",
        "Read more: BP shares fall",
        "All rights reserved.",
        "Copyright 2010 Reuters. All rights reserved.",
        "© 2010 Example News",
        "Click here to subscribe to our newsletter",
        "Advertisement",
        "Related articles",
        "- Skip to main content",
        "bit.ly/x1Y2z3 7:01 pm ET March 3 , 2014 RETWEET Who will chair the harbour inquiry ?",
    ],
)
def test_boilerplate_lines(line):
    assert is_pattern_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "Officials shared their findings on Monday.",
        "Latest figures show the leak slowed.",
        "The share price fell 5 percent.",
        "Read the full report, he said, before judging the company.",
        "Next week the company will try again.",
        "The mayor asked residents to retweet the warning about the flood.",
    ],
)
def test_real_lines_are_kept(line):
    assert not is_pattern_boilerplate(line)


def test_boilerplate_and_headline_lines_dropped_offsets_follow():
    text = "Cap holds\nTags: oil, spill\n" + story(1) + "\nShare this\nLatest News\n"
    a = Article("a", text.strip(), title="Cap holds")
    (out,), report = clean([a])
    assert out.text == story(1)
    assert out.id == "a" and out.title == "Cap holds"
    assert report.boilerplate_lines == 4
    for s in split_sentences(out):
        assert out.text[s.start : s.end] == s.text


def test_unchanged_article_is_returned_as_is():
    a = Article("a", story(1))
    (out,), report = clean([a])
    assert out is a
    assert report == type(report)(articles_in=1)


def test_lines_repeated_across_corpus_are_dropped():
    footer = "Fox Forum is on Twitter"
    quote = "We care about the small people, he said."
    arts = [Article(str(i), story(i) + f"\n{footer}" + (f"\n{quote}" if i < 5 else "")) for i in range(10)]
    out, report = clean(arts)
    assert all(footer not in a.text for a in out)
    assert sum(quote in a.text for a in out) == 5  # a quoted sentence is not furniture
    assert report.boilerplate_lines == 10


def test_exact_duplicates_keep_earliest():
    a = Article("late", story(1), published=D(2010, 5, 2))
    b = Article("early", story(1).upper().replace(".", " ."), published=D(2010, 5, 1))
    c = Article("other", story(2))
    out, report = clean([a, b, c])
    assert [x.id for x in out] == ["early", "other"]
    assert (report.exact_duplicates, report.near_duplicates, report.articles_out) == (1, 0, 2)


def test_near_duplicates_keep_earliest_then_longest():
    base = story(3, 200)
    edited = base.replace("w", "w", 1) + "\nReporting by Jane Doe; editing by John Roe."
    far = story(4, 200)
    arts = [
        Article("copy", edited, published=D(2010, 6, 2)),
        Article("orig", base, published=D(2010, 6, 1)),
        Article("undated-longer", base + "\nextra words here for length only.", published=None),
        Article("different", far, published=D(2010, 6, 3)),
    ]
    out, report = clean(arts)
    assert [x.id for x in out] == ["orig", "different"]
    assert report.near_duplicates == 2 and report.exact_duplicates == 0

    same_day = [Article("short", base, published=D(2010, 6, 1)), Article("long", edited, published=D(2010, 6, 1))]
    out, _ = clean(same_day)
    assert [x.id for x in out] == ["long"]


def test_partial_overlap_is_not_a_duplicate():
    half = story(5, 100)
    a = Article("a", half + "\n" + story(6, 100))
    b = Article("b", half + "\n" + story(7, 100))
    out, report = clean([a, b])
    assert len(out) == 2 and report.near_duplicates == 0


def test_dedupe_off_and_empty_articles():
    arts = [Article("a", story(1)), Article("b", story(1)), Article("c", "Share this\nLatest News")]
    out, report = clean(arts, dedupe=False)
    assert [x.id for x in out] == ["a", "b"]
    assert report.empty == 1 and report.exact_duplicates == 0
    assert report.articles_out == 2


def test_many_articles():
    # speed is measured by bench/ingest_speed.py, not here
    arts = [Article(str(i), story(i, 300), published=D(2010, 1, 1)) for i in range(2000)]
    arts += [Article(f"dup{i}", story(i, 300) + "\nMore.", published=D(2010, 1, 2)) for i in range(200)]
    out, report = clean(arts)
    assert report.near_duplicates == 200 and len(out) == 2000
    assert [a.id for a in out] == [str(i) for i in range(2000)]

"""Clean-stage internals that the speed work replaced: they must agree with the simple definitions."""

from __future__ import annotations

import random
import re

import numpy as np
import pytest

from newsline.clean.boilerplate import frequent_lines, normalize, normalize_lines, strip_lines
from newsline.clean.dedupe import jaccard, shingles, signatures, word_ids

TEXTS = [
    "BP's well -LRB- Macondo -RRB- leaked 5,000 barrels_a_day .",
    "\u201cWe will stay,\u201d he said \u2014 Ca\u00f1\u00f3n de l\u2019\u00c9tat, \u0130stanbul; \u00e9t\u00e9 2010\u20132011.",
    "\u0661\u0662\u0663 \u0627\u0644\u0646\u0641\u0637 \u4e2d\u56fd\u77f3\u6cb9 \U0001d400\U0001d401 x\U0001f600y caf\u00e9 CAFE\u0301",
    "",
    "...",
    "a\udcffb lone surrogate",
    "same words\nsame   WORDS!",
]


def test_word_ids_are_the_regex_words():
    ids, bounds = word_ids(TEXTS)
    assert len(bounds) == len(TEXTS) + 1
    seen: dict[str, int] = {}
    for i, text in enumerate(TEXTS):
        words = re.findall(r"\w+", text.lower())
        got = ids[bounds[i] : bounds[i + 1]].tolist()
        assert len(got) == len(words), text
        for w, h in zip(words, got, strict=True):
            assert seen.setdefault(w, h) == h  # a word always gets the same id
    assert len(set(seen.values())) == len(seen)  # distinct words, distinct ids


def test_word_ids_deterministic():
    # fixed values: ids must not depend on the process (no hash(), no random seeds)
    ids, _ = word_ids(["oil Oil spill"])
    assert ids[0] == ids[1] != ids[2]
    again, _ = word_ids(["spill"])
    assert again[0] == ids[2]


def test_shingles_and_signatures_estimate_jaccard():
    rng = random.Random(0)
    vocab = [f"w{i}" for i in range(2000)]
    base = [rng.choice(vocab) for _ in range(400)]
    edited = base[:]
    for j in rng.sample(range(400), 8):
        edited[j] = rng.choice(vocab)
    other = [rng.choice(vocab) for _ in range(400)]
    ids, b = word_ids([" ".join(base), " ".join(edited), " ".join(other), "one two"])
    sets = [shingles(ids[b[i] : b[i + 1]]) for i in range(4)]
    assert all(np.all(s[1:] > s[:-1]) for s in sets)  # sorted, unique
    assert len(sets[3]) == 1  # fewer words than a shingle: one shingle
    exact = jaccard(sets[0], sets[1])
    assert 0.7 < exact < 0.95 and jaccard(sets[0], sets[2]) == 0.0
    sig = signatures(sets)
    assert sig.shape == (4, 64)
    agree = float(np.mean(sig[0] == sig[1]))
    assert abs(agree - exact) < 0.2 and float(np.mean(sig[0] == sig[2])) < 0.1
    assert signatures([np.zeros(0, dtype=np.uint64)]).shape == (1, 64)
    with pytest.raises(ValueError):
        signatures(sets, num_perm=48)


LINES = [
    "Tags: Oil, Spill",
    "Copyright 2010 Reuters.  All rights reserved.",
    "snake_case and  __dunder__",
    "\u201cWe will stay,\u201d he said \u2014 2010\u20132011",
    "\u0130stanbul \u0661\u0662 caf\u00e9",
    "",
    "---",
    "  padded line  ",
]


def test_normalize_lines_is_normalize():
    assert normalize_lines(LINES) == [normalize(line) for line in LINES]
    assert normalize_lines([]) == []


def test_strip_lines_skips_texts_without_candidates():
    text = "The well leaked.\nOfficials said so."
    assert strip_lines(text) == (text, 0)
    # the cheap test must not miss a line the full check would drop
    for line in ["  Share this", "(c) 2010 Example", "Example Inc. All Rights ReSERVED", "\u00a9 2010 X"]:
        assert strip_lines(f"{text}\n{line}") == (text, 1), line


def test_frequent_lines_count_normalized_variants():
    words = ["oil", "gas", "well", "cap", "leak", "spill", "gulf", "coast", "beach", "fish"]
    texts = [f"A story on {w} is here.\nUpdated {i % 12}:{i % 60:02d} GMT" for i, w in enumerate(words)]
    assert frequent_lines(texts, len(texts)) == frozenset(
        f"Updated {i % 12}:{i % 60:02d} GMT" for i in range(10)
    )

"""newsline's metrics against tilse (ROUGE-1.5.5 Perl back-end), the field's reference.

Runs where tilse is installed in its own environment (``.ci/tilse.sh``) and
``NEWSLINE_TILSE_PYTHON`` points at its interpreter; tilse runs in a subprocess.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tilse_tools import perl_exception_table, perl_stems, rouge_home, tilse_python, tilse_scores

from newsline.evaluate.protocol import EvalOptions, load_dataset, run_topic
from newsline.evaluate.resources import stem_exceptions, stopwords
from newsline.evaluate.scoring import SCORE_KEYS, dated_summaries, score_timeline
from newsline.evaluate.stemmer import rouge_stem
from newsline.evaluate.timeline_io import read_timelines
from newsline.model import Timeline

pytestmark = [pytest.mark.tilse, pytest.mark.slow]

TOLERANCE = 1e-3


@pytest.fixture(scope="module")
def tilse() -> str:
    python = tilse_python()
    if python is None:
        pytest.skip(
            "tilse not available: set NEWSLINE_TILSE_PYTHON to its interpreter (.ci/tilse.sh)"
        )
    return python


def _encode(t: Timeline) -> dict[str, list[str]]:
    return {d.isoformat(): s for d, s in dated_summaries(t).items()}


def test_word_lists_are_rouges(tilse: str) -> None:
    data = rouge_home(tilse) / "data"
    lines = (data / "smart_common_words.txt").read_text(encoding="latin-1").splitlines()
    assert stopwords() == frozenset(lines)
    assert stem_exceptions() == perl_exception_table(tilse)


def test_stemming_matches_rouge_on_the_t17_gold_vocabulary(tilse: str, shared_data: Path) -> None:
    text = " ".join(p.read_text() for p in sorted((shared_data / "t17").glob("*/timelines.jsonl")))
    words = sorted({w.lower() for w in re.findall(r"[A-Za-z0-9]+", text) if len(w) > 3})
    reference = perl_stems(tilse, words)
    wrong = [
        (w, r, rouge_stem(w)) for w, r in zip(words, reference, strict=True) if rouge_stem(w) != r
    ]
    assert len(words) > 4000
    assert wrong == []


def _pairs(shared_data: Path) -> list[tuple[str, Timeline, list[Timeline]]]:
    t17 = shared_data / "t17"
    golds = {
        p.name: read_timelines(p / "timelines.jsonl") for p in sorted(t17.iterdir()) if p.is_dir()
    }
    pairs: list[tuple[str, Timeline, list[Timeline]]] = []
    # gold against gold: the small T17 timelines (<= 20 dates), every ordered pair of six
    small = [(f"{n}/{i}", g) for n, gs in golds.items() for i, g in enumerate(gs) if len(g) <= 20][
        :6
    ]
    for a_name, a in small:
        for b_name, b in small:
            if a_name != b_name:
                pairs.append((f"gold {a_name} vs {b_name}", a, [b]))
    # two gold references at once
    pairs.append(("gold h1n1/0 vs h1n1/1+2", golds["h1n1"][0], golds["h1n1"][1:]))
    pairs.append(
        ("gold syria/0 vs bpoil/1+h1n1/2", golds["syria"][0], [golds["bpoil"][1], golds["h1n1"][2]])
    )
    # newsline's own timelines under the protocol
    (topic,) = load_dataset(t17, topics=["h1n1"])
    for method in ("datewise", "pubcount", "random"):
        for task, result in zip(
            topic.tasks,
            run_topic(topic, EvalOptions(method=method), keep_timelines=True),
            strict=True,
        ):
            assert result.timeline is not None
            pairs.append((f"{method} {task.name}", result.timeline, [task.gold]))
    return pairs


def test_every_metric_agrees_with_tilse(tilse: str, shared_data: Path) -> None:
    pairs = _pairs(shared_data)
    assert len(pairs) >= 30
    ours = [score_timeline(system, golds) for _, system, golds in pairs]
    encoded = [
        {"system": _encode(s), "golds": [_encode(g) for g in golds]} for _, s, golds in pairs
    ]
    theirs = tilse_scores(tilse, encoded)
    assert len(theirs) == len(pairs)
    worst = {
        k: max(abs(o[k] - t[k]) for o, t in zip(ours, theirs, strict=True)) for k in SCORE_KEYS
    }
    off = {
        (name, k): (o[k], t[k])
        for (name, _, _), o, t in zip(pairs, ours, theirs, strict=True)
        for k in SCORE_KEYS
        if abs(o[k] - t[k]) > TOLERANCE
    }
    assert off == {}, f"max differences per metric: {worst}"

"""The benchmark protocol on a tiny dataset, with a method registered here."""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
from pathlib import Path

import pytest

from newsline.cli import eval as eval_cli
from newsline.cli import score as score_cli
from newsline.errors import DatasetError
from newsline.evaluate.protocol import EvalOptions, load_dataset
from newsline.evaluate.runner import evaluate_dataset
from newsline.evaluate.scoring import SCORE_KEYS
from newsline.model import Corpus, SummarySentence, Timeline, TimelineEntry, TimePoint
from newsline.timeline.base import TimelineConfig, register
from newsline.timeline.candidates import keyword_match

SEEN: list[tuple[TimelineConfig, int]] = []


@register("test-first-sentences")
class FirstSentences:
    """Each day's first sentences with a keyword, for the days with most articles."""

    name = "test-first-sentences"

    def build(self, corpus: Corpus, config: TimelineConfig) -> Timeline:
        SEEN.append((config, len(corpus)))
        by_day: dict[dt.date, list[str]] = {}
        for doc in corpus:
            for s in doc.sentences:
                if not config.keywords or keyword_match(s.text.lower(), config.keywords):
                    by_day.setdefault(doc.article.published, []).append(s.text)
        days = sorted(by_day, key=lambda d: -len(by_day[d]))[: config.n_dates]
        entries = tuple(
            TimelineEntry(
                TimePoint.day(d), tuple(SummarySentence(t) for t in by_day[d][: config.n_sentences])
            )
            for d in days
        )
        return Timeline(entries, method=self.name)


ARTICLES = [
    ("a1", "2010-04-20", "An oil rig exploded in the Gulf of Mexico. Eleven workers are missing."),
    ("a2", "2010-04-22", "The burning oil rig sank. Oil is leaking from the well."),
    ("a3", "2010-05-02", "The spill reaches the coast. Fishing is banned."),
    ("a4", "2010-07-15", "BP caps the leaking oil well. Oil stops flowing."),
    ("a5", "2011-01-01", "Unrelated article about football far outside the span."),
]
GOLDS = [
    [
        ["2010-04-20T00:00:00", ["An oil rig explodes in the Gulf .", "Workers missing ."]],
        ["2010-04-22T00:00:00", ["The rig sinks ."]],
        ["2010-07-15T00:00:00", ["BP caps the well ."]],
    ],
    [
        ["2010-04-22T00:00:00", ["Rig sinks ; oil leaks ."]],
        ["2010-05-02T00:00:00", ["Spill reaches coast ."]],
    ],
]


def make_dataset(root: Path, name: str = "tiny") -> Path:
    topic = root / name / "bpoil"
    topic.mkdir(parents=True)
    with gzip.open(topic / "articles.jsonl.gz", "wt") as f:
        for aid, day, text in ARTICLES:
            f.write(json.dumps({"id": aid, "time": day, "title": "", "text": text}) + "\n")
    (topic / "timelines.jsonl").write_text("\n".join(json.dumps(g) for g in GOLDS) + "\n")
    (topic / "keywords.json").write_text(json.dumps(["Oil", "spill"]))
    return root / name


def test_tasks_follow_the_gold_timelines(tmp_path: Path) -> None:
    (topic,) = load_dataset(make_dataset(tmp_path))
    first, second = topic.tasks
    assert first.name == "bpoil/0" and second.name == "bpoil/1"
    assert (first.start, first.end) == (dt.date(2010, 4, 20), dt.date(2010, 7, 15))
    assert (first.n_dates, first.n_sentences) == (3, 1)  # round(4 / 3)
    assert second.n_sentences == 1
    assert first.keywords == ("oil", "spill")
    assert first.config().keywords == ("*oil*", "*spill*")  # substrings, as the field matches
    assert first.config(use_keywords=False).keywords == ()


def test_entities_widen_the_span_by_seven_days(tmp_path: Path) -> None:
    (topic,) = load_dataset(make_dataset(tmp_path, "entities"))
    assert topic.tasks[0].start == dt.date(2010, 4, 13)
    (topic,) = load_dataset(make_dataset(tmp_path / "x", "entities"), window_days=0)
    assert topic.tasks[0].start == dt.date(2010, 4, 20)


def test_evaluate_dataset_runs_the_method_on_each_tasks_span(tmp_path: Path) -> None:
    SEEN.clear()
    results = evaluate_dataset(make_dataset(tmp_path), EvalOptions(method="test-first-sentences"))
    assert [r.task for r in results] == ["bpoil/0", "bpoil/1"]
    configs = [c for c, _ in SEEN]
    assert [c.n_dates for c in configs] == [3, 2]
    assert [n for _, n in SEEN] == [4, 2]  # articles inside each gold span
    assert configs[1].start == dt.date(2010, 4, 22) and configs[1].end == dt.date(2010, 5, 2)
    for r in results:
        assert set(SCORE_KEYS) <= set(r.as_dict())
        assert r.seconds > 0 and r.peak_rss_mb > 0
    assert results[0].scores["date_p"] == pytest.approx(1.0)


def test_bad_layout_names_the_file(tmp_path: Path) -> None:
    root = make_dataset(tmp_path)
    (root / "bpoil" / "keywords.json").unlink()
    with pytest.raises(DatasetError, match="keywords.json"):
        load_dataset(root)
    with pytest.raises(DatasetError, match="nope"):
        load_dataset(root, topics=["nope"])


def _run(module: object, argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("-q", "--quiet", action="store_true")
    sub = parser.add_subparsers()
    module.add_parser(sub)  # type: ignore[attr-defined]
    args = parser.parse_args(argv)
    return int(args.func(args))


def test_eval_command_writes_the_json_object(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_dataset(tmp_path)
    out = tmp_path / "results.json"
    argv = ["-q", "eval", str(root), "--method", "test-first-sentences", "--json", str(out)]
    assert _run(eval_cli, argv) == 0
    data = json.loads(out.read_text())
    assert set(data) == {"dataset", "method", "tasks", "mean"}
    assert data["method"] == "test-first-sentences" and len(data["tasks"]) == 2
    keys = set(SCORE_KEYS) | {"seconds", "peak_rss_mb"}
    assert keys <= set(data["tasks"][0]) and keys <= set(data["mean"])
    assert "mean" in capsys.readouterr().out


def test_score_command_prints_the_same_keys(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_dataset(tmp_path)
    gold = root / "bpoil" / "timelines.jsonl"
    system = tmp_path / "system.txt"
    system.write_text("2010-04-22\nThe rig sinks .\n" + "-" * 32 + "\n")
    assert _run(score_cli, ["score", str(system), str(gold), "--json"]) == 0
    scores = json.loads(capsys.readouterr().out)
    assert list(scores) == list(SCORE_KEYS)
    assert scores["date_p"] == 1.0


def test_jobs_run_topics_in_workers_with_the_same_scores(tmp_path: Path) -> None:
    root = make_dataset(tmp_path)
    second = root / "bpoil2"
    second.mkdir()
    for f in (root / "bpoil").iterdir():
        (second / f.name).write_bytes(f.read_bytes())
    options = EvalOptions(method="test-first-sentences")
    serial = evaluate_dataset(root, options)
    parallel = evaluate_dataset(root, options, jobs=2)
    assert [r.task for r in parallel] == ["bpoil/0", "bpoil/1", "bpoil2/0", "bpoil2/1"]
    assert [r.scores for r in parallel] == [r.scores for r in serial]

"""Train the shipped models (date ranker, sentence scorer); report their leave-one-topic-out figures.

Date ranker: every task gives one sample per candidate date (the features of
:mod:`newsline.timeline.dates.features`, label: the date is in the gold timeline),
logistic regression. Sentence scorer: for every task and every gold date with
candidate sentences, each candidate is one sample (the summarizer's similarity
features and the context features of :mod:`newsline.timeline.sentences.features`),
target its ROUGE-1 + ROUGE-2 F against the gold summary of that date (the
evaluation's own tokens: stemmed, stop words removed), ridge regression.

The figures printed are leave-one-topic-out (LOTO): the models that build a topic's
timelines never saw that topic: ``datewise`` (the default), ``datewise-fixed`` (no
model), ``datewise-ranked`` and ``datewise-learned``. ``--dates-only`` prints the
date ranker's LOTO Date-F1 of the top-n dates instead. ``--save`` writes both models
fitted on all 27 topics into ``src/newsline/timeline/models/`` (deterministic:
closed-form ridge, lbfgs; re-running reproduces the committed files byte for byte).

    .venv/bin/python bench/train_models.py --target centered [--save]
    .venv/bin/python bench/train_models.py --dates-only
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import run, summary, tasks  # noqa: E402
from newsline.evaluate.protocol import Task  # noqa: E402
from newsline.evaluate.rouge import sentence_tokens  # noqa: E402
from newsline.evaluate.scoring import date_scores  # noqa: E402
from newsline.text.quality import trim  # noqa: E402
from newsline.timeline import methods  # noqa: E402,F401
from newsline.timeline.candidates import SentencePool  # noqa: E402
from newsline.timeline.dates import DateFeatures, LinearDateRanker, date_features  # noqa: E402
from newsline.timeline.dates.ranker import DEFAULT_MODEL as RANKER_PATH  # noqa: E402
from newsline.timeline.dates.ranker import BlendedDateRanker, LearnedDateRanker  # noqa: E402
from newsline.timeline.methods.datewise import DateWise  # noqa: E402
from newsline.timeline.sentences.features import context_matrix, static_features  # noqa: E402
from newsline.timeline.sentences.scorer import DEFAULT_MODEL as SCORER_PATH  # noqa: E402
from newsline.timeline.sentences.scorer import LearnedSentenceScorer, LearnedSummarizer  # noqa: E402
from newsline.timeline.sentences.summarize import CentroidSummarizer, SentenceFilter  # noqa: E402

FILTER = SentenceFilter(8, 50)
MAX_PER_DATE = 300
TARGET = "absolute"
CANDIDATES: dict = {}


# --- the date ranker ----------------------------------------------------------


@dataclass
class Sample:
    key: str  # dataset/topic
    task: Task
    feats: DateFeatures
    labels: np.ndarray


def collect(datasets: list[str]) -> list[Sample]:
    out = []
    for ds in datasets:
        for task, corpus in tasks(ds):
            pool = SentencePool.from_corpus(corpus, task.keywords, task.start, task.end)
            feats = date_features(pool, task.start, task.end)
            gold = set(task.gold.dates)
            labels = np.array([d in gold for d in feats.dates], dtype=int)
            out.append(Sample(f"{ds}/{task.topic}", task, feats, labels))
    return out


def loto_rankers(samples: list[Sample], C: float = 0.1) -> dict[str, LearnedDateRanker]:
    """One ranker per topic, fitted on all other topics."""
    models = {}
    for key in sorted({s.key for s in samples}):
        train = [s for s in samples if s.key != key]
        models[key] = LearnedDateRanker(C=C).fit([s.feats for s in train], [s.labels for s in train])
    return models


def date_f1(samples: list[Sample], score) -> dict[str, float]:
    ps, rs = [], []
    for s in samples:
        sc = score(s)
        top = np.argsort(-sc, kind="stable")[: s.task.n_dates]
        d = date_scores([s.feats.dates[i] for i in top], s.task.gold.dates)
        ps.append(d["date_p"])
        rs.append(d["date_r"])
    p, r = float(np.mean(ps)), float(np.mean(rs))
    return {"date_p": p, "date_r": r, "date_f1": 2 * p * r / (p + r) if p + r else 0.0}


def dates_only(samples: list[Sample], datasets: list[str], C: float) -> None:
    """Date-F1 of the top-n dates: fixed weights against the LOTO learned ranker."""
    models = loto_rankers(samples, C)
    linear = LinearDateRanker()
    for ds in datasets:
        sub = [s for s in samples if s.key.startswith(ds + "/")]
        base = date_f1(sub, lambda s: linear.score(s.feats))
        loto = date_f1(sub, lambda s: models[s.key].score(s.feats))
        print(f"{ds:9s} fixed weights D-F1 {base['date_f1']:.4f}   learned (LOTO) D-F1 {loto['date_f1']:.4f}")


# --- the sentence scorer --------------------------------------------------------


def _f(a: Counter, b: Counter) -> float:
    if not a or not b:
        return 0.0
    hit = sum((a & b).values())
    p, r = hit / sum(a.values()), hit / sum(b.values())
    return 2 * p * r / (p + r) if hit else 0.0


def rouge_target(text: str, gold_tokens: list[str]) -> float:
    toks = list(sentence_tokens(text))
    g1, s1 = Counter(gold_tokens), Counter(toks)
    g2 = Counter(zip(gold_tokens, gold_tokens[1:], strict=False))
    s2 = Counter(zip(toks, toks[1:], strict=False))
    return _f(s1, g1) + _f(s2, g2)


def sentence_samples(datasets: list[str]) -> list[tuple[str, np.ndarray, np.ndarray]]:
    """(dataset/topic, X, y) for every task."""
    out = []
    method = DateWise(sentence_filter=FILTER, **CANDIDATES)
    for ds in datasets:
        for task, corpus in tasks(ds):
            pool = SentencePool.from_corpus(corpus, task.keywords, task.start, task.end)
            cands = method.candidates(pool)
            rng = np.random.default_rng(0)
            gold = {e.time.date: e for e in task.gold}
            days = [d for d in gold if cands.get(d)]
            per_day = {}
            for d in days:
                c = cands[d]
                if len(c) > MAX_PER_DATE:
                    c = sorted(rng.choice(c, MAX_PER_DATE, replace=False).tolist())
                per_day[d] = c
            used = sorted({i for c in per_day.values() for i in c})
            if not used:
                continue
            local = {g: j for j, g in enumerate(used)}
            cuts = {i: trim(pool.sentences[i].text) for i in used}
            texts = {i: pool.sentences[i].text[cuts[i]:] for i in used}
            summ = LearnedSummarizer(LearnedSentenceScorer()).fit([texts[i] for i in used])
            Xs, ys = [], []
            for d, c in per_day.items():
                gtoks = [t for s in gold[d].sentences for t in sentence_tokens(s.text)]
                sents = [pool.sentences[i] for i in c]
                static = [
                    static_features(texts[i], pool.sentences[i].sentence.index, len(pool.sentences[i].dates))
                    for i in c
                ]
                X = summ.features([local[i] for i in c], context_matrix(sents, d, static))
                Xs.append(X)
                y = np.array([rouge_target(texts[i], gtoks) for i in c])
                if TARGET == "relative" and y.max() > 0:
                    y = y / y.max()
                elif TARGET == "centered":
                    y = y - y.mean()
                ys.append(y)
            out.append((f"{ds}/{task.topic}", np.vstack(Xs), np.concatenate(ys)))
    return out


def fit(samples, alpha: float) -> LearnedSentenceScorer:
    X = np.vstack([s[1] for s in samples])
    y = np.concatenate([s[2] for s in samples])
    return LearnedSentenceScorer(alpha).fit(X, y)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--datasets", nargs="+", default=["t17", "entities"])
    ap.add_argument("--alpha", type=float, default=1.0)
    ap.add_argument("--redundancy", type=float, default=0.5)
    ap.add_argument("--target", default="absolute", choices=["absolute", "relative", "centered"])
    ap.add_argument("--blend", type=float, default=0.25, help="weight of the learned date ranker")
    ap.add_argument("--lead", type=int, default=6, help="undated candidates: first N sentences (0: all)")
    ap.add_argument("--no-next-day", action="store_true", help="undated leads only for their own date")
    ap.add_argument("--C", type=float, default=0.1, help="date ranker regularization")
    ap.add_argument("--dates-only", action="store_true", help="only the date ranker's LOTO Date-F1")
    ap.add_argument("--save", action="store_true", help="write both models fitted on all topics")
    args = ap.parse_args()
    global TARGET
    TARGET = args.target
    CANDIDATES.update(lead_sentences=args.lead or None, next_day=not args.no_next_day)

    date_samples = collect(args.datasets)
    if args.dates_only:
        dates_only(date_samples, args.datasets, args.C)
        return
    rankers = loto_rankers(date_samples, args.C)
    sent = sentence_samples(args.datasets)
    keys = sorted({k for k, _, _ in sent} | set(rankers))
    scorers = {k: fit([s for s in sent if s[0] != k], args.alpha) for k in keys}

    def make(task, ds, dates: str, learned_sents: bool):
        key = f"{ds}/{task.topic}"
        ranker = {
            "fixed": None,
            "learned": rankers[key],
            "blend": BlendedDateRanker(rankers[key], args.blend),
        }[dates]
        summarizer = (
            LearnedSummarizer(scorers[key], args.redundancy) if learned_sents else CentroidSummarizer()
        )
        return DateWise(ranker=ranker, summarizer=summarizer, sentence_filter=FILTER, **CANDIDATES)

    for ds in args.datasets:
        for dates, ls, name in (
            ("blend", False, "datewise (LOTO)"),
            ("fixed", False, "datewise-fixed (no model)"),
            ("learned", False, "datewise-ranked (LOTO)"),
            ("blend", True, "datewise-learned (LOTO)"),
        ):
            m = run(ds, lambda t, dates=dates, ls=ls, ds=ds: make(t, ds, dates, ls))
            print(summary(name, ds, m), flush=True)

    if args.save:
        full = fit(sent, args.alpha)
        full.save(SCORER_PATH)
        LearnedDateRanker(C=args.C).fit([s.feats for s in date_samples], [s.labels for s in date_samples]).save(
            RANKER_PATH
        )
        print(f"saved {SCORER_PATH} and {RANKER_PATH}")
        feats = full.model_.features
        print(", ".join(f"{f}={c:+.3f}" for f, c in zip(feats, full.model_.coef, strict=True)))


if __name__ == "__main__":
    main()

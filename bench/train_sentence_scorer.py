"""Train newsline's sentence scorer; report leave-one-topic-out timeline scores.

For every task and every gold date with candidate sentences, each candidate
is one sample: the summarizer's similarity features and the context features
(:mod:`newsline.timeline.sentences.features`), and as target its ROUGE-1 + ROUGE-2
F against the gold summary of that date (the evaluation's own tokens:
stemmed, stop words removed). Figures printed are leave-one-topic-out for
both the date ranker and the sentence scorer; ``--save`` writes models
fitted on all topics (deterministic: closed-form ridge, lbfgs).

    python bench/train_sentence_scorer.py --save
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from newsline.evaluate.rouge import sentence_tokens  # noqa: E402
from newsline.text.quality import trim  # noqa: E402
from newsline.timeline import methods  # noqa: E402,F401
from newsline.timeline.candidates import SentencePool  # noqa: E402
from newsline.timeline.dates.ranker import DEFAULT_MODEL as RANKER_PATH  # noqa: E402
from newsline.timeline.dates.ranker import BlendedDateRanker, LearnedDateRanker  # noqa: E402
from newsline.timeline.methods.datewise import DateWise  # noqa: E402
from newsline.timeline.sentences.features import context_matrix, static_features  # noqa: E402
from newsline.timeline.sentences.scorer import DEFAULT_MODEL as SCORER_PATH  # noqa: E402
from newsline.timeline.sentences.scorer import LearnedSentenceScorer, LearnedSummarizer  # noqa: E402
from newsline.timeline.sentences.summarize import CentroidSummarizer, SentenceFilter  # noqa: E402
from tls_lab import run, summary, tasks  # noqa: E402
from train_date_ranker import collect, loto_rankers  # noqa: E402

FILTER = SentenceFilter(8, 50)
MAX_PER_DATE = 300
TARGET = "absolute"
CANDIDATES: dict = {}


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
    ap.add_argument("--save", action="store_true", help="write both models fitted on all topics")
    args = ap.parse_args()
    global TARGET
    TARGET = args.target
    CANDIDATES.update(lead_sentences=args.lead or None, next_day=not args.no_next_day)

    date_samples = collect(args.datasets)
    rankers = loto_rankers(date_samples)
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
        LearnedDateRanker().fit([s.feats for s in date_samples], [s.labels for s in date_samples]).save(
            RANKER_PATH
        )
        print(f"saved {SCORER_PATH} and {RANKER_PATH}")
        feats = full.model_.features
        print(", ".join(f"{f}={c:+.3f}" for f, c in zip(feats, full.model_.coef, strict=True)))


if __name__ == "__main__":
    main()

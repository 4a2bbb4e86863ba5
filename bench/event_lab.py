"""Lexical sentence scorer lab: does a learned bag-of-words "states the event"
score improve per-date sentence selection over the TF-IDF centroid alone?

For every task and gold date with candidates, every candidate is a sample with
target ROUGE-1+2 F against the gold summary of that date, centred per date
(which candidate beats the others of its date). A ridge regression over hashed
word unigrams and bigrams learns it; figures are leave-one-topic-out (the
model that scores a topic's sentences never saw that topic). Relevance is the
default centroid relevance plus ``beta`` times the per-date standardized
lexical score.

    .venv/bin/python bench/event_lab.py --betas 0 0.1 0.2 0.4
"""

from __future__ import annotations

import argparse
import pickle
import re
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from newsline.evaluate.rouge import sentence_tokens  # noqa: E402
from newsline.text.quality import trim  # noqa: E402
from newsline.timeline.base import get_method  # noqa: E402
from newsline.timeline.candidates import SentencePool  # noqa: E402
from newsline.timeline.methods.datewise import DateWise  # noqa: E402
from newsline.timeline.sentences.summarize import CentroidSummarizer  # noqa: E402
from tls_lab import CACHE, run, summary, tasks  # noqa: E402
from train_sentence_scorer import rouge_target  # noqa: E402

MAX_PER_DATE = 300
_TOK = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+")


def lex_tokens(text: str) -> list[str]:
    toks = ["<n>" if t[0].isdigit() else t for t in _TOK.findall(text.lower())]
    return toks + [a + " " + b for a, b in zip(toks, toks[1:], strict=False)]


def vectorizer(n_features: int = 2**20):
    from sklearn.feature_extraction.text import HashingVectorizer

    return HashingVectorizer(
        analyzer=lex_tokens, n_features=n_features, alternate_sign=False, norm="l2", binary=True
    )


def samples(datasets: Sequence[str]) -> list[tuple[str, list[str], np.ndarray]]:
    path = CACHE / "event_lab_samples.pkl"
    if path.exists():
        return pickle.loads(path.read_bytes())
    method: DateWise = get_method("datewise")  # type: ignore[assignment]
    out = []
    for ds in datasets:
        for task, corpus in tasks(ds):
            pool = SentencePool.from_corpus(corpus, task.keywords, task.start, task.end)
            cands = method.candidates(pool)
            rng = np.random.default_rng(0)
            texts, ys = [], []
            for e in task.gold:
                c = cands.get(e.time.date)
                if not c:
                    continue
                if len(c) > MAX_PER_DATE:
                    c = sorted(rng.choice(c, MAX_PER_DATE, replace=False).tolist())
                gtoks = [t for s in e.sentences for t in sentence_tokens(s.text)]
                tx = [pool.sentences[i].text[trim(pool.sentences[i].text):] for i in c]
                y = np.array([rouge_target(t, gtoks) for t in tx])
                texts.extend(tx)
                ys.append(y - y.mean())
            if texts:
                out.append((f"{ds}/{task.topic}", texts, np.concatenate(ys)))
    path.write_bytes(pickle.dumps(out))
    return out


class LexicalModel:
    def __init__(self, alpha: float = 10.0) -> None:
        self.alpha = alpha
        self.vec = vectorizer()

    def fit(self, texts: list[str], y: np.ndarray) -> LexicalModel:
        from sklearn.linear_model import Ridge

        X = self.vec.transform(texts)
        self.ridge = Ridge(alpha=self.alpha, solver="sparse_cg").fit(X, y)
        return self

    def predict(self, texts: Sequence[str]) -> np.ndarray:
        return self.ridge.predict(self.vec.transform(texts))


class LexicalSummarizer(CentroidSummarizer):
    def __init__(self, model: LexicalModel, beta: float, **kw) -> None:
        super().__init__(**kw)
        self.model = model
        self.beta = beta

    def fit(self, texts):
        super().fit(texts)
        self.lex_ = self.model.predict(list(texts)) if len(texts) else np.zeros(0)
        return self

    def relevance(self, candidates, context, weights=None):
        rel = super().relevance(candidates, context, weights)
        lex = self.lex_[list(candidates)]
        sd = lex.std()
        z = (lex - lex.mean()) / sd if sd > 0 else lex * 0
        return rel + self.beta * z * rel.std()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--datasets", nargs="+", default=["t17", "entities"])
    ap.add_argument("--alpha", type=float, default=10.0)
    ap.add_argument("--betas", type=float, nargs="+", default=[0.0, 0.2, 0.5, 1.0])
    args = ap.parse_args()
    data = samples(args.datasets)
    print(f"{sum(len(t) for _, t, _ in data)} samples", file=sys.stderr)
    keys = sorted({k for k, _, _ in data})
    models = {}
    for k in keys:
        tr = [s for s in data if s[0] != k]
        models[k] = LexicalModel(args.alpha).fit(
            [t for s in tr for t in s[1]], np.concatenate([s[2] for s in tr])
        )
    for beta in args.betas:
        for ds in args.datasets:

            def make(task, ds=ds, beta=beta):
                m: DateWise = get_method("datewise")  # type: ignore[assignment]
                m.summarizer = LexicalSummarizer(models[f"{ds}/{task.topic}"], beta)
                return m

            m = run(ds, make)
            print(summary(f"lex a={args.alpha} b={beta}", ds, m), flush=True)


if __name__ == "__main__":
    main()

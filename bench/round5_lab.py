"""Round five of issue 5: the variants measured around the short-reach spread.

Each experiment prints T17 and Entities figures for the default ``datewise``
with one thing changed; prepared corpora come from ``tls_lab``'s cache.

    .venv/bin/python bench/round5_lab.py spread            # date choice only: the (lambda, tau) grid
    .venv/bin/python bench/round5_lab.py leads             # date choice only: mentions in article leads
    .venv/bin/python bench/round5_lab.py density           # date choice only: ranker x timeline density
    .venv/bin/python bench/round5_lab.py summarizer        # topic weight, redundancy, centroid weighting
    .venv/bin/python bench/round5_lab.py sentences         # soft MMR, length, junk share, numbers, neighbours
    .venv/bin/python bench/round5_lab.py content           # undated sentences dated by content (CLUST-like)

Date-choice experiments print date F1 of the default's choice (chronology 3)
with the score changed; the others build whole timelines (AR1 / AR2 / date
F1). The shipped models are used as they are (in-sample), so a row is
comparable with the default's in-sample row it prints first.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from newsline.evaluate.rouge import sentence_tokens  # noqa: E402
from newsline.text.quality import trim  # noqa: E402
from newsline.timeline.base import get_method  # noqa: E402
from newsline.timeline.dates import LinearDateRanker, standardized  # noqa: E402
from newsline.timeline.methods.datewise import DateWise  # noqa: E402
from newsline.timeline.sentences.summarize import STOP_WORDS, CentroidSummarizer, analyzer  # noqa: E402
from newsline.timeline.sentences.tfidf import tfidf_matrix  # noqa: E402
from round4_lab import _extended, date_f1, date_tasks  # noqa: E402
from tls_lab import run, summary  # noqa: E402

DATASETS = ("t17", "entities")


def _report(name: str, make: Callable) -> None:
    for ds in DATASETS:
        print(summary(name, ds, run(ds, make)), flush=True)


def _default(**attrs: float) -> Callable:
    """A factory of the default method with attributes set (``s_...`` on its summarizer)."""

    def make(_task):
        m = get_method("datewise")
        for k, v in attrs.items():
            setattr(m.summarizer if k.startswith("s_") else m, k.removeprefix("s_"), v)
        return m

    return make


# --- date choice only -------------------------------------------------------


def _date_f1(data: list[dict], score: Callable[[dict], np.ndarray], label: str,
             spread: float = 0.6, tau: float = 0.2) -> None:
    """Date F1 of the date choice with the round-five default's spread unless given."""
    date_f1(data, score, label, spread, tau)


def spread() -> None:
    data = date_tasks()
    for lam, tau in ((0.05, 0.5), (0.1, 0.5), (0.1, 1.0), (0.2, 2.0)):
        _date_f1(data, lambda t: t["base"], f"spread {lam} tau {tau}", lam, tau)
    for lam in (0.2, 0.3, 0.4, 0.6, 0.8):
        for tau in (0.1, 0.15, 0.2, 0.25, 0.35):
            _date_f1(data, lambda t: t["base"], f"spread {lam} tau {tau}", lam, tau)


def _lognorm(v: np.ndarray) -> np.ndarray:
    v = np.log1p(np.maximum(v, 0))
    m = v.max(initial=0)
    return v / m if m > 0 else v


def leads() -> None:
    """Distinct articles mentioning the date in their first (1 / 3) sentences;
    in their first 3 keyword sentences; in their first 3, published 2+ days later."""
    from newsline.timeline.candidates import SentencePool
    from tls_lab import tasks

    data = date_tasks()
    at = 0
    for ds in DATASETS:
        for task, corpus in tasks(ds):
            t = data[at]
            at += 1
            pool = SentencePool.from_corpus(corpus, task.keywords, task.start, task.end)
            idx = {d: i for i, d in enumerate(t["feats"].dates)}
            seen: dict[str, dict] = {k: defaultdict(set) for k in ("lead1", "lead3", "lead3kw", "lead3later")}
            for ps in pool.sentences:
                for d in ps.dates:
                    if d not in idx or ps.sentence.index >= 3:
                        continue
                    seen["lead3"][d].add(ps.doc)
                    if ps.sentence.index < 1:
                        seen["lead1"][d].add(ps.doc)
                    if ps.keyword:
                        seen["lead3kw"][d].add(ps.doc)
                    if ps.published and (ps.published - d).days > 1:
                        seen["lead3later"][d].add(ps.doc)
            for k, per in seen.items():
                v = np.zeros(len(idx))
                for d, docs in per.items():
                    v[idx[d]] = len(docs)
                t[k] = v
    _date_f1(data, lambda t: t["base"], "default")
    for k in ("lead1", "lead3", "lead3kw", "lead3later"):
        for lam in (0.1, 0.3, 0.6):
            _date_f1(data, lambda t, k=k, lam=lam: standardized(t["base"]) + lam * standardized(_lognorm(t[k])),
                     f"{k} weight {lam}")


def density() -> None:
    """LOTO logistic date rankers whose features also interact with the
    timeline's density (log of days per date), blended like the default."""
    from sklearn.linear_model import LogisticRegression

    data = date_tasks()
    fixed = LinearDateRanker()
    _date_f1(data, lambda t: t["base"], "default (shipped blend)")

    def features(t: dict, kind: int) -> np.ndarray:
        base = _extended(t, 0)
        if kind == 0:
            return base
        dens = np.log((t["span"][1] - t["span"][0]).days / max(1, t["n"]) + 1)
        return np.hstack([base, base * dens, np.full((len(base), 1), dens)])

    keys = sorted({t["key"] for t in data})
    for kind in (0, 1):
        for C in (0.1, 1.0):
            for k in keys:
                train = [t for t in data if t["key"] != k]
                model = LogisticRegression(C=C, max_iter=3000).fit(
                    np.vstack([features(t, kind) for t in train]), np.concatenate([t["y"] for t in train])
                )
                for t in (t for t in data if t["key"] == k):
                    p = np.clip(model.predict_proba(features(t, kind))[:, 1], 1e-9, 1 - 1e-9)
                    t["pred"] = np.log(p / (1 - p))
            for w in (0.25, 1.0):
                _date_f1(data, lambda t, w=w: standardized(fixed.score(t["feats"])) + w * standardized(t["pred"]),
                         f"{'density ' if kind else ''}logistic C {C} blend {w}")


# --- sentences ----------------------------------------------------------------


def summarizer() -> None:
    _report("default", _default())
    _report("unweighted date centroid", _default(s_weighted_centroid=False))
    for tw in (0.7, 0.9, 1.3):
        _report(f"topic weight {tw}", _default(s_topic_weight=tw))
    for red in (0.4, 0.45, 0.55):
        _report(f"redundancy {red}", _default(s_redundancy=red))
    for sec in (0.3, 0.7):
        _report(f"secondary {sec}", _default(secondary=sec))
    _report("entry 2.0", _default(entry=2.0))
    _report("pub weight 0.8", _default(pub_weight=0.8))


class SoftMMR(CentroidSummarizer):
    """Relevance minus ``mu`` x (max cosine to what is chosen) x max relevance,
    under the same hard redundancy threshold."""

    mu = 0.2

    def select(self, candidates, k, chosen, weights=None, context=None):  # type: ignore[override]
        if not candidates or k <= 0:
            return []
        rel = self.relevance(candidates, context, weights=weights)
        if weights is not None:
            rel = (rel - rel.min() + 1e-3) * weights
        M = self.matrix_[list(candidates)]
        red0 = (M @ self.matrix_[chosen].T).toarray().max(axis=1) if chosen else np.zeros(len(candidates))
        picked: list[int] = []
        free = np.ones(len(candidates), dtype=bool)
        while len(picked) < k and free.any():
            red = red0 if not picked else np.maximum(red0, (M @ self.matrix_[picked].T).toarray().max(axis=1))
            eff = np.where(free & (red <= self.redundancy), rel - self.mu * red * rel.max(), -np.inf)
            j = int(np.argmax(eff))
            if not np.isfinite(eff[j]):
                break
            free[j] = False
            picked.append(candidates[j])
        return picked


class LengthPrior(CentroidSummarizer):
    """Relevance times (distinct content terms) ** beta."""

    beta = 0.1

    def relevance(self, candidates, context, weights=None):  # type: ignore[override]
        nnz = np.diff(self.matrix_.indptr)[list(candidates)].astype(float)
        return super().relevance(candidates, context, weights) * np.maximum(nnz, 1) ** self.beta


class JunkShare(DateWise):
    """Priors times (content terms / the metric's tokens) ** gamma: fewer
    tokens the summary cannot match (weekdays, numbers, stamps)."""

    gamma = 0.5

    def pub_weights(self, sents, day):  # type: ignore[override]
        w = super().pub_weights(sents, day)
        share = []
        for ps in sents:
            t = ps.text[trim(ps.text):]
            share.append(min(1.0, (len(analyzer(t)) + 1) / (len(sentence_tokens(t)) + 1)))
        return w * np.array(share) ** self.gamma


_WORD = re.compile(r"(?u)\b\w[\w'-]*\b")


def _with_numbers(text: str) -> list[str]:
    """The TF-IDF analyzer with numbers kept (not years, days or small counts)."""
    return [
        w for w in _WORD.findall(text.lower())
        if w not in STOP_WORDS and len(w) > 1 and not re.fullmatch(r"(?:19|20)\d\d|\d{1,2}", w)
    ]


class Neighbours(DateWise):
    """Relevance minus ``mu`` x cosine to the centroid of the candidates of the
    ``win`` days either side (what is specific to the day)."""

    mu, win = 0.2, 3

    def summarize(self, pool, candidates, dates, k, score_of=None):  # type: ignore[override]
        local = {g: j for j, g in enumerate(self.vocabulary(candidates, dates))}
        summ, base = self.summarizer, type(self.summarizer).relevance
        me = self

        def relevance(cand, context, weights=None):
            rel = base(summ, cand, context, weights)
            d = me._day
            near = [local[i] for e in range(1, me.win + 1) for dd in (d - dt.timedelta(e), d + dt.timedelta(e))
                    for i in candidates.get(dd, ()) if i in local]
            if not near:
                return rel
            c = np.asarray(summ.matrix_[near].mean(axis=0)).ravel()
            n = np.linalg.norm(c)
            return rel - me.mu * np.asarray(summ.matrix_[list(cand)] @ (c / n)).ravel() if n else rel

        summ.relevance = relevance  # type: ignore[method-assign]
        return super().summarize(pool, candidates, dates, k, score_of)

    def pub_weights(self, sents, day):  # type: ignore[override]
        self._day = day
        return super().pub_weights(sents, day)


def _swapped(cls: type, **attrs: float) -> Callable:
    def make(_task):
        m = get_method("datewise")
        m.__class__ = cls
        for k, v in attrs.items():
            setattr(m, k, v)
        return m

    return make


def _summarizer(cls: type, **attrs: float) -> Callable:
    def make(_task):
        m = get_method("datewise")
        s = cls()
        for k, v in attrs.items():
            setattr(s, k, v)
        m.summarizer = s
        return m

    return make


def sentences() -> None:
    _report("default", _default())
    for mu in (0.2, 0.5):
        _report(f"soft MMR {mu}", _summarizer(SoftMMR, mu=mu))
    for beta in (-0.1, 0.1, 0.2):
        _report(f"length prior {beta}", _summarizer(LengthPrior, beta=beta))
    for gamma in (0.5, 1.0):
        _report(f"junk share {gamma}", _swapped(JunkShare, gamma=gamma))
    _report("TF-IDF with numbers", _default(s_analyzer=_with_numbers))  # type: ignore[arg-type]
    for mu in (0.2, 0.5):
        _report(f"neighbour distinctiveness {mu}", _swapped(Neighbours, mu=mu, win=3))


class ContentDated(DateWise):
    """Undated keyword sentences past the lead join the candidates of the date
    (among those with 2+ sentences mentioning it, up to ``back`` days before
    publication) whose centroid of mentioning sentences they are nearest, if
    the cosine reaches ``theta``; prior ``weight``. The mechanism by which
    CLUST lets undated sentences summarize a dated event."""

    theta, weight, back = 0.3, 0.7, 400

    def candidates(self, pool):  # type: ignore[override]
        out = super().candidates(pool)
        self._content: dict[int, dt.date] = {}
        ok, lead = self.sentence_filter.ok, self.lead_sentences or 0
        extra = [
            i for i, ps in enumerate(pool.sentences)
            if ps.keyword and not ps.dates and not ps.months and ps.published is not None
            and ps.sentence.index >= lead and ok(ps.text)
        ]
        dated = sorted({i for idx in out.values() for i in idx if pool.sentences[i].dates})
        if not extra or not dated:
            return out
        rows = dated + extra
        M = tfidf_matrix([pool.sentences[i].text for i in rows], analyzer).tocsr()
        pos = {g: j for j, g in enumerate(rows)}
        days, cents = [], []
        for d in sorted(out):
            idx = [pos[i] for i in out[d] if d in pool.sentences[i].dates]
            if len(idx) >= 2:
                c = np.asarray(M[idx].mean(axis=0)).ravel()
                if (n := np.linalg.norm(c)) > 0:
                    days.append(d)
                    cents.append(c / n)
        if not days:
            return out
        S = np.asarray(M[[pos[i] for i in extra]] @ np.array(cents).T)
        ords = np.array([d.toordinal() for d in days])
        for r, i in enumerate(extra):
            p = pool.sentences[i].published.toordinal()
            s = np.where((ords <= p) & (ords >= p - self.back), S[r], -1.0)
            j = int(np.argmax(s))
            if s[j] >= self.theta:
                out[days[j]].append(i)
                self._content[i] = days[j]
        return out

    def summarize(self, pool, candidates, dates, k, score_of=None):  # type: ignore[override]
        self._ids = {id(pool.sentences[i]): d for i, d in self._content.items()}
        return super().summarize(pool, candidates, dates, k, score_of)

    def pub_weights(self, sents, day):  # type: ignore[override]
        w = super().pub_weights(sents, day)
        return np.array([self.weight if self._ids.get(id(ps)) == day else x for ps, x in zip(sents, w, strict=True)])


def content() -> None:
    _report("default", _default())
    for theta, weight in ((0.3, 0.7), (0.15, 0.7), (0.2, 1.0)):
        _report(f"content-dated theta {theta} weight {weight}", _swapped(ContentDated, theta=theta, weight=weight))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("experiment", choices=["spread", "leads", "density", "summarizer", "sentences", "content"])
    args = ap.parse_args()
    globals()[args.experiment]()


if __name__ == "__main__":
    main()

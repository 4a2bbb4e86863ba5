"""Round four of issue 5: the variants measured around the censoring correction.

Each experiment prints T17 and Entities figures for the default ``datewise``
with one thing changed; prepared corpora come from ``tls_lab``'s cache.

    .venv/bin/python bench/round4_lab.py censoring --priors inf 0.001 0.02 0.05 0.1 0.2
    .venv/bin/python bench/round4_lab.py lag --settings 2:0.1 7:0.3 30:0.5 7:-0.1 30:-0.3
    .venv/bin/python bench/round4_lab.py rankers
    .venv/bin/python bench/round4_lab.py volume

``censoring``: the prior of :func:`newsline.timeline.dates.censoring_factors`
(``inf``: no correction; the shipped date ranker is used as it is, so rows
other than the shipped prior are slightly mismatched to it). ``lag``: a
candidate's relevance times (1 + |days between publication and the date| /
tau) ** -gamma (negative gamma favours later, retrospective sentences).
``rankers`` and ``volume`` change only the date choice and print date F1:
``rankers`` fits date rankers leave-one-topic-out (logistic regression and
gradient boosting, with more features: chronology entries, candidate counts,
neighbouring days, within-task ranks) and blends them with the fixed weights
like the default; ``volume`` adds keyword mentions per article published in
the days after the date (burstiness relative to coverage).
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from newsline.evaluate.scoring import date_scores  # noqa: E402
from newsline.timeline.base import get_method  # noqa: E402
from newsline.timeline.candidates import SentencePool  # noqa: E402
from newsline.timeline.dates import (  # noqa: E402
    FEATURES,
    LinearDateRanker,
    chronology_docs,
    date_features,
    select_dates,
    standardized,
)
from newsline.timeline.methods.datewise import DateWise  # noqa: E402
from tls_lab import run, summary, tasks  # noqa: E402

DATASETS = ("t17", "entities")


def _report(name: str, make: Callable) -> None:
    for ds in DATASETS:
        print(summary(name, ds, run(ds, make)), flush=True)


def censoring(priors: list[float]) -> None:
    for prior in priors:

        def make(_t, prior=prior):
            m = get_method("datewise")
            m.censoring = prior
            return m

        _report(f"censoring prior {prior:g}", make)


class LagWeighted(DateWise):
    tau = 7.0
    gamma = 0.0

    def pub_weights(self, sents: list, day) -> np.ndarray:
        w = super().pub_weights(sents, day)
        lag = np.array([abs((ps.published - day).days) if ps.published else 0 for ps in sents])
        return w * (1 + lag / self.tau) ** (-self.gamma)


def lag(settings: list[str]) -> None:
    for s in settings:
        tau, gamma = (float(x) for x in s.split(":"))

        def make(_t, tau=tau, gamma=gamma):
            m = get_method("datewise")
            m.__class__ = LagWeighted
            m.tau, m.gamma = tau, gamma
            return m

        _report(f"lag tau {tau:g} gamma {gamma:g}", make)


# --- date choice only -------------------------------------------------------


def date_tasks() -> list[dict]:
    method: DateWise = get_method("datewise")  # type: ignore[assignment]
    out = []
    for ds in DATASETS:
        for task, corpus in tasks(ds):
            pool = SentencePool.from_corpus(corpus, task.keywords, task.start, task.end)
            feats = date_features(pool, task.start, task.end)
            cands = method.candidates(pool)
            published = [d.article.published for d in pool.documents if d.article.published]
            gold = set(task.gold.dates)
            out.append(
                {
                    "key": f"{ds}/{task.topic}",
                    "ds": ds,
                    "feats": feats,
                    "ncand": np.array([len(cands.get(d, ())) for d in feats.dates], float),
                    "ncdocs": np.array(
                        [len({pool.sentences[i].doc for i in cands.get(d, ())}) for d in feats.dates],
                        float,
                    ),
                    "chron": chronology_docs(pool, feats.dates),
                    "base": method.ranker.score(feats),
                    "y": np.array([d in gold for d in feats.dates], int),
                    "n": task.n_dates,
                    "gold": task.gold.dates,
                    "span": (min(published), max(published)),
                }
            )
    return out


def date_f1(
    data: list[dict],
    score: Callable[[dict], np.ndarray],
    label: str,
    spread: float = 0.05,
    tau: float = 0.5,
) -> None:
    """Date F1 of the default's date choice (chronology 3; the spread and tau of
    round four unless given) with ``score`` in place of the ranker's."""
    res = {}
    for ds in DATASETS:
        ps, rs = [], []
        for t in (t for t in data if t["ds"] == ds):
            s = np.where(t["ncand"] > 0, score(t), -np.inf)
            s = standardized(s) + 3.0 * t["chron"]
            n = min(t["n"], int((t["ncand"] > 0).sum()))
            chosen = select_dates(t["feats"], s, n, 0, spread, tau, t["span"])
            d = date_scores(chosen, t["gold"])
            ps.append(d["date_p"])
            rs.append(d["date_r"])
        p, r = float(np.mean(ps)), float(np.mean(rs))
        res[ds] = 2 * p * r / (p + r) if p + r else 0.0
    print(f"{label:44s} T17 D-F1 {res['t17']:.4f}   Entities D-F1 {res['entities']:.4f}", flush=True)


def _lognorm(v: np.ndarray) -> np.ndarray:
    v = np.log1p(np.maximum(v, 0))
    m = v.max(initial=0)
    return v / m if m > 0 else v


def _extended(t: dict, kind: int) -> np.ndarray:
    from scipy.stats import rankdata

    Xn = t["feats"].normalized()
    cols = [Xn]
    if kind >= 1:
        cols += [t["chron"][:, None], _lognorm(t["ncand"])[:, None], _lognorm(t["ncdocs"])[:, None]]
    if kind >= 2:
        ords = [d.toordinal() for d in t["feats"].dates]
        at = {o: i for i, o in enumerate(ords)}
        for f in ("ment_kw_docs", "pub"):
            j = FEATURES.index(f)
            for k in (-1, 1):
                cols.append(np.array([Xn[at[o + k], j] if o + k in at else 0.0 for o in ords])[:, None])
    if kind >= 3:
        for f in ("ment_kw_docs", "pub", "ment_later_est"):
            j = FEATURES.index(f)
            cols.append((rankdata(Xn[:, j]) / len(Xn))[:, None])
    return np.hstack(cols)


def rankers() -> None:
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression

    data = date_tasks()
    fixed = LinearDateRanker()
    date_f1(data, lambda t: t["base"], "default (shipped blend)")
    date_f1(data, lambda t: fixed.score(t["feats"]), "fixed weights only")
    models = {
        **{
            f"logistic C={C} features+{kind}": (kind, functools.partial(LogisticRegression, C=C, max_iter=3000))
            for kind in (0, 1, 2, 3)
            for C in (0.1, 1.0)
        },
        **{
            f"gradient boosting features+{kind}": (
                kind,
                functools.partial(
                    HistGradientBoostingClassifier,
                    max_iter=200, learning_rate=0.05, max_leaf_nodes=15, random_state=0,
                ),
            )
            for kind in (1, 3)
        },
    }
    keys = sorted({t["key"] for t in data})
    for name, (kind, make) in models.items():
        for k in keys:
            train = [t for t in data if t["key"] != k]
            model = make().fit(
                np.vstack([_extended(t, kind) for t in train]), np.concatenate([t["y"] for t in train])
            )
            for t in data:
                if t["key"] == k:
                    p = np.clip(model.predict_proba(_extended(t, kind))[:, 1], 1e-9, 1 - 1e-9)
                    t["pred"] = np.log(p / (1 - p))
        for w in (0.25, 1.0, None):
            if w is None:
                date_f1(data, lambda t: t["pred"], f"{name} alone (LOTO)")
            else:
                date_f1(
                    data,
                    lambda t, w=w: standardized(fixed.score(t["feats"]))
                    + w * standardized(t["pred"]),
                    f"{name} blend {w} (LOTO)",
                )


def volume() -> None:
    data = date_tasks()
    date_f1(data, lambda t: t["base"], "default (shipped blend)")
    ip, ik = FEATURES.index("pub"), FEATURES.index("ment_kw_docs")

    def burst(t: dict, win: int, c: float) -> np.ndarray:
        X = t["feats"].X
        ords = np.array([d.toordinal() for d in t["feats"].dates])
        pub = X[:, ip]
        vol = np.array([pub[(ords >= o) & (ords <= o + win)].sum() for o in ords])
        return X[:, ik] / (vol + c * pub.sum() / max(1, len(ords)) + 1)

    for win in (2, 7):
        for c in (1.0, 5.0):
            for lam in (0.1, 0.3):
                date_f1(
                    data,
                    lambda t, win=win, c=c, lam=lam: standardized(t["base"])
                    + lam * standardized(_lognorm(burst(t, win, c))),
                    f"volume days {win} prior {c:g} weight {lam:g}",
                )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="experiment", required=True)
    c = sub.add_parser("censoring")
    c.add_argument("--priors", type=float, nargs="+", default=[float("inf"), 0.001, 0.02, 0.05, 0.1, 0.2])
    g = sub.add_parser("lag")
    g.add_argument("--settings", nargs="+", default=["2:0.1", "7:0.3", "30:0.5", "7:-0.1", "30:-0.3"])
    sub.add_parser("rankers")
    sub.add_parser("volume")
    args = ap.parse_args()
    if args.experiment == "censoring":
        censoring(args.priors)
    elif args.experiment == "lag":
        lag(args.settings)
    elif args.experiment == "rankers":
        rankers()
    else:
        volume()


if __name__ == "__main__":
    main()

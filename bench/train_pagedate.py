"""Train and check the page-date model (:mod:`newsline.ingest.pagedate`) on ``html-dates``.

Each page's candidate dates (:mod:`newsline.ingest.pagedate.features`) are scored by
a conditional logit (each page picks one candidate, or *none* at score 0,
L2-penalised); the page gets its best candidate when the logistic of its
score clears 2/3 — the break-even when a wrong date costs twice a missing
one (fixed beforehand, not tuned).

2-fold: trained on the ``tune`` half (URL SHA-256 first byte even) and tested
on ``held``, then the other way round; both folds are printed. ``--write``
trains on all pages and writes the shipped model.

    .venv/bin/python bench/train_pagedate.py [--data ../shared/data/html-dates] [--write]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import pickle
import warnings
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

from html_dates import half
from newsline.ingest.decode import decode
from newsline.ingest.pagedate import DEFAULT_MODEL, candidates, choose
from newsline.ingest.pagedate.features import FEATURES

ROOT = Path(__file__).resolve().parents[1]
C = 1.0
COST = 2.0  # a wrong date costs this many missing ones
THRESHOLD = COST / (1 + COST)  # break-even: right +1, none 0, wrong -COST
#: Evidence whose direction is known from how pages publish dates: its weight keeps its sign.
SUPPORTS = {"url", "schema", "og", "label"}
AGAINST = {"warn", "modified", "meta_mod_only", "superseded"}


def load(data: Path, cache: Path | None) -> list[tuple[str, str, dict]]:
    if cache is not None and cache.exists():
        return pickle.loads(cache.read_bytes())
    gold = json.loads((data / "dates.json").read_text(encoding="utf-8"))
    pages = []
    warnings.simplefilter("ignore")
    for url, item in sorted(gold.items()):
        html = decode((data / item["file"]).read_bytes()) or ""
        cands = {d.isoformat(): f for d, f in candidates(html, url).items()}
        pages.append((half(url), item["date"], cands))
    if cache is not None:
        cache.write_bytes(pickle.dumps(pages))
    return pages


def fit(pages: list[tuple[str, str, dict]]) -> np.ndarray:
    """The weights of a conditional logit: each page picks one candidate or *none* (score 0)."""
    groups = []
    for _part, gold, cands in pages:
        keys = list(cands)
        x = np.array([[cands[k][f] for f in FEATURES] for k in keys]).reshape(len(keys), len(FEATURES))
        groups.append((x, keys.index(gold) if gold in cands else -1))

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        total, grad = 0.5 * w @ w / C, w / C
        for x, y in groups:
            s = np.append(x @ w, 0.0)  # the last one is "none"
            m = s.max()
            p = np.exp(s - m)
            z = p.sum()
            p /= z
            total -= s[y] - m - np.log(z)
            grad = grad + p[:-1] @ x - (x[y] if y >= 0 else 0)
        return float(total), grad

    bounds = [(0, None) if f in SUPPORTS else (None, 0) if f in AGAINST else (None, None) for f in FEATURES]
    return minimize(loss, np.zeros(len(FEATURES)), jac=True, method="L-BFGS-B", bounds=bounds).x


def score(w: np.ndarray, pages: list) -> tuple[int, int, int]:
    r = wrong = n = 0
    for _part, gold, cands in pages:
        got = choose({dt.date.fromisoformat(k): v for k, v in cands.items()}, dict(zip(FEATURES, w, strict=True)), THRESHOLD)
        if got is None:
            n += 1
        elif got.isoformat() == gold:
            r += 1
        else:
            wrong += 1
    return r, wrong, n


def line(name: str, counts: tuple[int, int, int]) -> str:
    total = sum(counts)
    return f"| {name} | {total} | " + " | ".join(f"{100 * c / total:.1f}%" for c in counts) + " |"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "html-dates")
    ap.add_argument("--cache", type=Path, help="keep the pages' candidates in this pickle")
    ap.add_argument("--write", action="store_true", help="train on all pages, write the model")
    args = ap.parse_args()
    pages = load(args.data, args.cache)
    reach = sum(gold in cands for _p, gold, cands in pages)
    print(f"gold among the candidates: {100 * reach / len(pages):.1f}% of {len(pages)} pages")
    print("| trained on → tested on | pages | right | wrong | none |")
    print("| --- | --- | --- | --- | --- |")
    folds = {}
    for train, test in (("tune", "held"), ("held", "tune")):
        w = fit([p for p in pages if p[0] == train])
        folds[test] = score(w, [p for p in pages if p[0] == test])
        print(line(f"{train} → {test}", folds[test]))
    both = tuple(a + b for a, b in zip(folds["held"], folds["tune"], strict=True))
    print(line("2-fold, all pages out of sample", both))  # type: ignore[arg-type]
    w = fit(pages)
    print(line("all → all (in-sample)", score(w, pages)))
    if args.write:
        out = {
            "schema": "newsline.page-date/1",
            "weights": {f: round(float(c), 6) for f, c in zip(FEATURES, w, strict=True)},
            "threshold": round(THRESHOLD, 4),
            "params": {"C": C, "cost_of_wrong": COST, "pages": len(pages)},
        }
        DEFAULT_MODEL.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {DEFAULT_MODEL}")


if __name__ == "__main__":
    main()

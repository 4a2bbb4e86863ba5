"""Leave-one-topic-out selection of datewise's fixed date-choice parameters.

The chronology weight and the temporal-spread setting of ``DateWise`` are
fixed numbers picked on a grid over all benchmark tasks. This script asks
what that choice is worth on a topic it did not see: for each of the 27
topics, the grid point with the best mean AR1-F (field averaging over the
tasks of T17 and Entities together) on the *other* 26 topics builds that
topic's timelines. The scores of these held-out builds are the honest
figures of "pick the parameters on the grid"; BENCHMARKS.md reports them next
to the in-sample figures of the shipped setting, which is the grid point
chosen on all 27 topics with ``--blend --topic`` (the default's configuration).

    .venv/bin/python bench/nested_selection.py            # no-model configuration
    .venv/bin/python bench/nested_selection.py --blend    # the default (learned correction)
    .venv/bin/python bench/nested_selection.py --blend --censoring   # the censoring prior
    .venv/bin/python bench/nested_selection.py --blend --wide        # also short-reach spreads
    .venv/bin/python bench/nested_selection.py --blend --topic       # round five: with the topic weight
    .venv/bin/python bench/nested_selection.py --blend --topic --chronology 2 3 4 5   # round seven

    .venv/bin/python bench/nested_selection.py --summarizer within_redundancy 0.2 0.25 0.3 0.35 0.4 0.5 0.6
    .venv/bin/python bench/nested_selection.py --summarizer redundancy 0.4 0.45 0.5 0.55 0.6

``--summarizer NAME VALUES`` selects one attribute of the default's summarizer
(the within-date and across-dates redundancy thresholds) the same way, with
everything else as shipped.

``--topic --chronology 2 3 4 5`` is the grid that chose the shipped defaults
(chronology 4, spread 0.4, tau 0.2, topic weight 0.9, round seven; rounds five
and six chose chronology 3 and spread 0.6 on chronology 2 and 3 only).

With ``--blend`` the learned date ranker is the shipped model (in-sample);
without it, nothing is learned, so every figure is out-of-sample except the
grid choice this script accounts for.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import tasks  # noqa: E402
from newsline.evaluate.scoring import mean_scores, score_timeline  # noqa: E402
from newsline.timeline import get_method  # noqa: E402
from newsline.timeline.methods.datewise import SUMMARY_LENGTH, DateWise  # noqa: E402
from newsline.timeline.sentences.summarize import CentroidSummarizer  # noqa: E402

CHRONOLOGY = (0.0, 1.0, 2.0, 3.0)
SPREAD = ((0.0, 0.5), (0.05, 0.5), (0.05, 1.0), (0.1, 0.5), (0.1, 1.0))
# Round five: stronger penalties of shorter reach (mostly the days right next
# to a chosen date), which the first grid did not cover.
SPREAD_SHORT = ((0.2, 0.2), (0.3, 0.2), (0.4, 0.1), (0.4, 0.2), (0.4, 0.3), (0.6, 0.1), (0.6, 0.2))
GRID = [(w, lam, tau) for w, (lam, tau) in itertools.product(CHRONOLOGY, SPREAD)]
GRID_WIDE = [(w, lam, tau) for w, (lam, tau) in itertools.product(CHRONOLOGY, SPREAD + SPREAD_SHORT)]
# --topic: the summarizer's topic weight chosen jointly with the spread
# (chronology 2 or 3, the values every earlier selection kept).
TOPIC = (0.7, 0.9, 1.1, 1.3)
def topic_grid(chronology: tuple[float, ...]) -> list[tuple[float | None, ...]]:
    return [
        (w, lam, tau, None, t)
        for w, (lam, tau), t in itertools.product(chronology, SPREAD + SPREAD_SHORT, TOPIC)
    ]


GRID_TOPIC = topic_grid((2.0, 3.0))
SHIPPED_TOPIC = 0.9
SHIPPED = (4.0, 0.4, 0.2)  # DateWise's defaults: this script's choice on all topics (--blend --topic --chronology 2 3 4 5)
# --censoring: the end-of-collection prior of the date features on its own grid
# (inf: off), the other parameters as shipped.
CENSORING = (float("inf"), 0.001, 0.02, 0.05, 0.1, 0.2)
SHIPPED_CENSORING = 0.05


def method(point: tuple[float | None, ...], blend: bool) -> DateWise:
    """The default's method at a grid point (chronology, spread, tau[,
    censoring[, topic weight]])."""
    w, lam, tau = point[:3]
    censoring = point[3] if len(point) > 3 else None
    topic = point[4] if len(point) > 4 else None
    ranker = None
    if blend:
        from newsline.timeline.dates.ranker import BlendedDateRanker, LearnedDateRanker

        ranker = BlendedDateRanker(LearnedDateRanker.load())
    return DateWise(
        ranker=ranker,
        summarizer=CentroidSummarizer(topic_weight=topic) if topic is not None else None,
        sentence_filter=SUMMARY_LENGTH,
        chronology=w,
        spread=lam,
        spread_tau=tau,
        censoring=censoring,
    )


def summarizer_variant(name: str, value: float) -> DateWise:
    """The default ``datewise`` with one attribute of its summarizer changed."""
    m = get_method("datewise")
    setattr(m.summarizer, name, value)
    return m


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--blend", action="store_true", help="the default's learned date correction")
    ap.add_argument("--grid", action="store_true", help="also print every grid point's scores")
    ap.add_argument(
        "--censoring", action="store_true", help="select the censoring prior instead (others as shipped)"
    )
    ap.add_argument(
        "--wide", action="store_true", help="the round-five grid: also short-reach spread settings"
    )
    ap.add_argument(
        "--topic", action="store_true", help="the round-five grid with the summarizer's topic weight"
    )
    ap.add_argument(
        "--chronology",
        type=float,
        nargs="+",
        default=None,
        help="with --topic: chronology weights of the grid (default 2 3; round seven also 4 5)",
    )
    ap.add_argument(
        "--summarizer",
        nargs="+",
        metavar=("NAME", "VALUE"),
        help="select this attribute of the default's summarizer over these values instead",
    )
    args = ap.parse_args()
    grid: list[tuple[float | None, ...]]
    shipped: tuple[float | None, ...]
    off: tuple[float | None, ...]
    make = lambda point: method(point, args.blend)  # noqa: E731
    off_label = "off"
    if args.summarizer:
        name, values = args.summarizer[0], [float(v) for v in args.summarizer[1:]]
        grid = [(v,) for v in values]
        shipped = (getattr(get_method("datewise").summarizer, name),)
        off, off_label = grid[0], "lowest"
        make = lambda point: summarizer_variant(name, point[0])  # noqa: E731
    elif args.censoring:
        grid = [(*SHIPPED, c) for c in CENSORING]
        shipped = (*SHIPPED, SHIPPED_CENSORING)
        off = (*SHIPPED, float("inf"))
    elif args.topic:
        grid = GRID_TOPIC if args.chronology is None else topic_grid(tuple(args.chronology))
        shipped = (*SHIPPED, None, SHIPPED_TOPIC)
        off = (2.0, 0.0, 0.5, None, 0.7)
    else:
        grid = GRID_WIDE if args.wide else GRID
        shipped, off = SHIPPED, (0.0, 0.0, 0.5)
    # scores[(dataset, topic)][point] = per-task score dicts
    scores: dict[tuple[str, str], dict[tuple[float, ...], list[dict]]] = {}
    for ds in ("t17", "entities"):
        for task, corpus in tasks(ds):
            config = task.config()
            per_point = scores.setdefault((ds, task.topic), {})
            for point in grid:
                tl = make(point).build(corpus, config)
                per_point.setdefault(point, []).append(score_timeline(tl, [task.gold]))
        print(f"built {ds}", file=sys.stderr, flush=True)

    if args.grid:
        for point in grid:
            row = []
            for ds in ("t17", "entities"):
                m = mean_scores([s for k in scores if k[0] == ds for s in scores[k][point]])
                row.append(f"{ds} {m['align_r1_f']:.4f} / {m['align_r2_f']:.4f} / {m['date_f1']:.4f}")
            both = mean_scores([s for k in scores for s in scores[k][point]])["align_r1_f"]
            print(f"{point}  " + "  ".join(row) + f"  all-tasks AR1 {both:.4f}")

    held_out: dict[str, list[dict]] = {"t17": [], "entities": []}
    chosen: Counter[tuple[float, ...]] = Counter()
    for key in scores:
        rest = [k for k in scores if k != key]

        def train_ar1(point: tuple[float, ...], rest: list = rest) -> float:
            return mean_scores([s for k in rest for s in scores[k][point]])["align_r1_f"]

        best = max(grid, key=train_ar1)
        chosen[best] += 1
        held_out[key[0]].extend(scores[key][best])

    for ds in ("t17", "entities"):
        nested = mean_scores(held_out[ds])
        in_sample = mean_scores([s for k in scores if k[0] == ds for s in scores[k][shipped]])
        none = mean_scores([s for k in scores if k[0] == ds for s in scores[k][off]])
        for label, m in (
            ("grid choice, leave-one-topic-out", nested),
            (f"shipped {shipped}, in-sample", in_sample),
            (f"{off_label} {off}", none),
        ):
            print(
                f"{ds:9s} {label:36s} AR1 {m['align_r1_f']:.4f}  AR2 {m['align_r2_f']:.4f}  "
                f"D-F1 {m['date_f1']:.4f}"
            )
    print("chosen (chronology, spread, tau[, censoring]) per held-out topic:", dict(chosen.most_common()))
    every = max(grid, key=lambda p: mean_scores([s for k in scores for s in scores[k][p]])["align_r1_f"])
    print("best on all topics:", every, "(DateWise ships", shipped, ")")


if __name__ == "__main__":
    main()

"""Ablations of the dating stage on the hide-dates protocol (newsline eval --hide-dates).

    python bench/dating_lab.py ../shared/data/t17 --hide 0.5 --prior /tmp/loto \
        --variants full text collection rules

Variants: ``full`` (the default stage), ``text`` (text clues only),
``collection`` (neighbours only), ``rules`` (the dateline / weekday-date rules
alone, the behaviour before the dating stage), ``none`` (hidden stay undated),
``oracle`` (hidden get their true day back: the harness's ceiling),
``oracle-month`` / ``oracle-year`` (hidden get their true month / year as an
interval estimate: the ceiling of estimates that precise), ``leak`` (hidden
lose their date but keep mentions resolved against it: what a harness that
does not re-read them measures),
``prop=day,week,month`` (precisions that propagate), ``conf=X`` (day confidence X),
``prod=X`` (neighbours as a product tempered by X),
``rounds=N``, ``k=N`` (neighbours), ``search=N`` (nearest articles looked
among for them), ``nopin`` (interval estimates' relative mentions never keep a day),
``nowire`` (wire datelines read as partial dates, not with their own hit rate),
``keep=pub,rel,md,exp`` (hidden stay undated but keep those classes of their
true reading: which class carries the loss; see :func:`keep_classes`),
``yreach=N`` (month-days also read in the N years after the latest one named;
-1: as far as the prior's lags reach), ``spread`` (the year term's open bin
spread over the years it covers, :mod:`newsline.dating.years`), ``told``
(month-days the estimate leaves without a year read in the year told before them),
``bestday`` (an interval neighbour counts as its best day, not its likely days),
``copies`` (copied weekday sentences weigh their week: :mod:`newsline.dating.copies`),
``copyday`` (with ``copies``: that week may make a day the rest does not);
``A+B`` combines variants.
``--prior`` is a model file or a folder of leave-one-topic-out models
(``bench/train_dating_prior.py --loto``). Prints one row per variant: mean
AR1-F, AR2-F, Date-F1, seconds per task, the date-estimation shares and the
shares of the hidden articles' day mentions read right / wrong (:func:`mention_days`);
``--per-task`` adds a line per task.
``--sources``: where the gold dates come from in the input (see :func:`gold_sources`).
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import time

from newsline.dating import DatingOptions
from newsline.evaluate import protocol
from newsline.evaluate.hiding import dating_scores, hide, mean_dating
from newsline.evaluate.scoring import mean_scores
from newsline.model import Corpus, DateEstimate, Document
from newsline.temporal import infer_publication_date


def rules_estimates(docs, truth):  # type: ignore[no-untyped-def]
    out = {}
    for i in truth:
        found = infer_publication_date(docs[i].article.text)
        if found:
            out[i] = DateEstimate(found[0], found[0], found[0], "day", 1.0)
    return out


def oracle_estimate(true, precision):  # type: ignore[no-untyped-def]
    if precision == "day":
        return DateEstimate(true, true, true, "day", 1.0)
    lo = true.replace(day=1) if precision == "month" else true.replace(month=1, day=1)
    nxt = lo.replace(month=lo.month % 12 + 1, year=lo.year + (lo.month == 12))
    hi = nxt - dt.timedelta(days=1) if precision == "month" else lo.replace(month=12, day=31)
    return DateEstimate(lo, hi, true, precision, 1.0)


def keep_classes(docs, true_docs, truth, keep):  # type: ignore[no-untyped-def]
    """Hidden articles stay undated but get back what ``keep`` names of their
    true reading: ``pub`` (the publication date, as a candidate and a count),
    ``rel`` / ``md`` / ``exp`` (their relative / month-day / explicit mentions as read
    against the true date): an oracle per class of what hiding loses."""
    kinds = {"rel": "relative", "md": "partial", "exp": "explicit"}
    want = {kinds[k] for k in keep if k in kinds}
    out = list(docs)
    for i in truth:
        d, t = docs[i], true_docs[i]
        mentions = tuple(
            sorted(
                [m for m in d.mentions if m.kind not in want]
                + [m for m in t.mentions if m.kind in want],
                key=lambda m: m.start,
            )
        )
        article = t.article if "pub" in keep else d.article
        out[i] = Document(article, d.sentences, mentions)
    return tuple(out)


# named variants: one option of DatingOptions set to a value
_FLAGS: dict[str, tuple[str, bool]] = {
    "bestday": ("likely_neighbours", False), "spread": ("year_spread", True),
    "told": ("told_years", True), "nopin": ("pin_mentions", False),
    "nowire": ("wire_datelines", False), "text": ("collection", False), "collection": ("text", False),
    "copies": ("weekday_copies", True), "copyday": ("copy_days", True),
}  # fmt: skip


def options_for(variant: str, prior: str | None) -> DatingOptions | None:
    base = DatingOptions(prior=prior)
    if variant in ("full", "rules", "none", "leak") or variant.startswith(("oracle", "keep=")):
        return base
    if "+" in variant:  # variants combined: yreach=3+told
        opts = base
        for part in variant.split("+"):
            one = options_for(part, prior)
            assert one is not None
            changed = {f.name: getattr(one, f.name) for f in dataclasses.fields(one)
                       if getattr(one, f.name) != getattr(base, f.name)}  # fmt: skip
            opts = dataclasses.replace(opts, **changed)
        return opts
    if variant in _FLAGS:
        return dataclasses.replace(base, **dict([_FLAGS[variant]]))
    key, _, value = variant.partition("=")
    if key == "prop":
        return dataclasses.replace(base, propagate=tuple(value.split(",")))
    field = {"conf": "day_confidence", "rounds": "rounds", "k": "neighbours", "mass": "mass",
             "ew": "estimated_weight", "prod": "neighbour_product",
             "search": "search", "yreach": "year_reach"}[key]  # fmt: skip
    floats = ("day_confidence", "mass", "estimated_weight", "neighbour_product")
    cast = float if field in floats else int
    return dataclasses.replace(base, **{field: cast(value)})


def run(
    dataset: str,
    hide_fraction: float,
    variant: str,
    prior: str | None,
    seed: int,
    only: list[str] | None = None,
    per_task: bool = False,
) -> str:
    topics = protocol.load_dataset(dataset, only or ())
    dating = options_for(variant, prior)
    scores, rows, seconds = [], [], []
    tally = [0, 0, 0]
    method = protocol.get_method("datewise")
    for topic in topics:
        corpus = protocol.prepare_topic(topic)
        for task in topic.tasks:
            started = time.perf_counter()
            sub = corpus.between(task.start, task.end)
            docs, truth = hide(sub.documents, hide_fraction, seed, task.name)
            opts = protocol.EvalOptions(hide_dates=hide_fraction, dating=dating, random_state=seed)
            if variant == "rules" or variant.startswith("oracle"):
                from newsline.dating import apply_estimate

                precision = variant.partition("-")[2] or "day"
                est = (
                    rules_estimates(docs, truth)
                    if variant == "rules"
                    else {i: oracle_estimate(t, precision) for i, t in truth.items()}
                )
                docs = tuple(apply_estimate(d, est.get(i)) for i, d in enumerate(docs))
                sub2 = Corpus(docs, sub.report)
                rows.append(dating_scores(truth, est))
            elif variant == "leak":
                docs = tuple(
                    Document(d.article, d.sentences, sub.documents[i].mentions) if i in truth else d
                    for i, d in enumerate(docs)
                )
                sub2 = Corpus(docs, sub.report)
                rows.append(dating_scores(truth, {}))
            elif variant.startswith("keep="):
                docs = keep_classes(docs, sub.documents, truth, variant[5:].split(","))
                sub2 = Corpus(docs, sub.report)
                rows.append(dating_scores(truth, {}))
            elif variant == "none":
                sub2 = Corpus(docs, sub.report)
                rows.append(dating_scores(truth, {}))
            else:
                sub2, d = protocol.hidden_dates(sub, task, opts)
                rows.append(d)
            mention_days(sub.documents, sub2.documents, truth, tally)
            timeline = method.build(sub2, task.config())
            seconds.append(time.perf_counter() - started)
            scores.append(protocol.score_timeline(timeline, [task.gold]))
            if per_task:
                s = scores[-1]
                print(f"  {task.name:30} AR1 {s['align_r1_f']:.4f} D-F1 {s['date_f1']:.4f}")
    m = mean_scores(scores)
    d = mean_dating(rows)
    return (
        f"{variant:12} AR1 {m['align_r1_f']:.4f} AR2 {m['align_r2_f']:.4f} "
        f"D-F1 {m['date_f1']:.4f} s/task {sum(seconds) / len(seconds):.2f} | est "
        f"{d.get('estimated', 0):.3f} day {d.get('day', 0):.3f} exact {d.get('exact', 0):.3f} "
        f"wrong {d.get('day', 0) - d.get('exact', 0):.4f} "
        f"w1 {d.get('within_1', 0):.3f} w7 {d.get('within_7', 0):.3f} "
        f"off7 {d.get('off_7', 0):.3f} inint {d.get('in_interval', 0):.3f} | mentions "
        f"right {tally[1] / max(tally[0], 1):.3f} wrong {tally[2] / max(tally[0], 1):.4f}"
    )


def mention_days(true_docs, docs, truth, tally):  # type: ignore[no-untyped-def]
    """Adds to ``tally`` (day mentions, read to the true day, to another day)
    the relative and month-day mentions of the hidden articles that their true
    reading puts on a day."""
    from newsline.model import Granularity

    for i in truth:
        got = {(m.start, m.end): m.time for m in docs[i].mentions}
        for m in true_docs[i].mentions:
            if m.kind not in ("relative", "partial") or m.time is None:
                continue
            if m.time.granularity is not Granularity.DAY:
                continue
            t = got.get((m.start, m.end))
            tally[0] += 1
            if t is not None and t.granularity is Granularity.DAY:
                tally[1 if t.date == m.time.date else 2] += 1


def gold_sources(dataset: str) -> str:
    """Where each gold date of the tasks can come from in the task's input
    (first that applies): a full date written out, a month-day of an article
    whose latest year named is that year, another month-day, a relative
    mention (needs the publication day), a publication day (or the day
    before: lead sentences), or nowhere. Bounds what undated articles can reach."""
    from collections import Counter

    from newsline.model import Granularity
    from newsline.temporal import tag

    out: Counter[str] = Counter()
    for topic in protocol.load_dataset(dataset):
        corpus = protocol.prepare_topic(topic)
        for task in topic.tasks:
            found: dict[str, set[dt.date]] = {
                k: set() for k in ("full", "md-year", "md", "rel", "pub")
            }
            for d in corpus.between(task.start, task.end).documents:
                if d.article.published:
                    found["pub"] |= {d.article.published, d.article.published - dt.timedelta(1)}
                days = [
                    m.time for m in tag(d.article.text, None) if m.time and m.kind == "explicit"
                ]
                found["full"] |= {t.date for t in days if t.granularity is Granularity.DAY}
                latest = max((t.date.year for t in days), default=None)
                for m in d.mentions:
                    if m.time is None or m.time.granularity is not Granularity.DAY:
                        continue
                    if m.kind == "partial":
                        found["md-year" if m.time.date.year == latest else "md"].add(m.time.date)
                    elif m.kind == "relative":
                        found["rel"].add(m.time.date)
            for e in task.gold.entries:
                out[next((k for k, v in found.items() if e.time.date in v), "none")] += 1
    n = sum(out.values())
    return f"gold dates {n}: " + " ".join(f"{k} {v / n:.3f}" for k, v in out.most_common())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("dataset")
    ap.add_argument("--hide", type=float, default=0.5)
    ap.add_argument("--prior")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--variants", nargs="+", default=["full"])
    ap.add_argument("--topics", nargs="+", help="only these topics")
    ap.add_argument("--sources", action="store_true", help="where gold dates come from (no run)")
    ap.add_argument("--per-task", action="store_true", help="a line per task")
    args = ap.parse_args()
    if args.sources:
        print(gold_sources(args.dataset))
        return
    for v in args.variants:
        print(run(args.dataset, args.hide, v, args.prior, args.seed, args.topics, args.per_task),
              flush=True)


if __name__ == "__main__":
    main()

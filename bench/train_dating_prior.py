"""Fit the dating prior (newsline.dating.prior) on the dated articles of benchmark datasets.

    python bench/train_dating_prior.py ../shared/data/t17 ../shared/data/entities \
        --out src/newsline/dating/models/prior.json
    python bench/train_dating_prior.py ../shared/data/t17 --out /tmp/prior-t17.json

Every article's clues are read as if it were undated (``tag(text, None)``);
the offsets between what they say and its true publication day fill the
histograms. Neighbour offsets come from each article's nearest articles of the
same topic (TF-IDF, as the dating stage finds them). With ``--stats`` the
coverage and hit rate of each rule are printed as well.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections import defaultdict
from pathlib import Path

import numpy as np

from newsline import ingest
from newsline.dating import copies
from newsline.dating.collection import similar
from newsline.dating.estimate import (
    latest_month,
    latest_past,
    latest_year,
    resolve_partial,
    weekday_date,
)
from newsline.dating.evidence import FUTURE, PAST, REPORTED, UNKNOWN, hit_name, read_clues
from newsline.dating.prior import SIMILARITY_BINS, DatingPrior, similarity_bin

WEEKDAY = {
    PAST: "weekday_past",
    REPORTED: "weekday_past",
    UNKNOWN: "weekday_unknown",
    FUTURE: "weekday_future",
}


COPIES = tuple(f"copy_weekday_{b}" for b in range(len(SIMILARITY_BINS)))
HITS = ("dateline", "weekday_date", "weekday_date_body", "partial_dateline", "month_year_past", *COPIES)
Samples = tuple[dict[str, list[int]], dict[str, list[int]]]


def collect(datasets: list[Path]) -> dict[str, Samples]:
    """Per topic folder name: its samples and hit counts."""
    out: dict[str, Samples] = {}
    for root in datasets:
        for topic in sorted(p for p in root.iterdir() if (p / "articles.jsonl.gz").is_file()):
            samples: dict[str, list[int]] = defaultdict(list)
            hits: dict[str, list[int]] = {k: [0, 0] for k in HITS}
            out[topic.name] = (samples, hits)
            arts = [a for a in ingest.read([topic / "articles.jsonl.gz"]).articles if a.published]
            lines, weekdays = [], []
            for a in arts:
                pub = a.published
                assert pub is not None
                tc = read_clues(a.text)
                lines.append(copies.clue_lines(a.text, tc))
                weekdays.append(tc.of("weekday"))
                latest = latest_past(tc, np.array([pub.toordinal()]))
                if latest is not None:
                    samples["lag"].append(int(pub.toordinal() - latest[0]))
                dl = tc.of("dateline")
                if dl:
                    hits["dateline"][0] += dl[0].date == pub
                    hits["dateline"][1] += 1
                for c in tc.of("partial-dateline")[:1]:
                    day = np.array([pub.toordinal()])
                    read = resolve_partial(c, day, np.array([pub.year]))
                    hits[hit_name(c)][0] += int(read[0]) == pub.toordinal()
                    hits[hit_name(c)][1] += 1
                c = weekday_date(tc)  # the one the estimate weighs
                if c is not None:
                    hits[hit_name(c)][0] += c.date == pub
                    hits[hit_name(c)][1] += 1
                seen = set()
                for c in tc.of("weekday"):
                    if (c.weekday, c.tense) not in seen:
                        seen.add((c.weekday, c.tense))
                        samples[WEEKDAY[c.tense]].append((pub.weekday() - c.weekday) % 7)
                told = latest_month(tc)
                if told is not None:  # published in that month or after it
                    hits["month_year_past"][0] += dt.date(told.year, told.month, 1) <= pub
                    hits["month_year_past"][1] += 1
                ymax = latest_year(tc)
                if ymax is not None:
                    samples["year"].append(int(np.clip(pub.year - ymax, -3, 3)))
                    if pub.year - ymax >= 3:  # the open bin's years (dating/years.py)
                        samples["year_far"].append(pub.year - ymax)
                for c in tc.of("years-ago"):
                    samples["years_ago"].append(int(np.clip(c.year - pub.year, -3, 3)))
            near = similar([a.text for a in arts], list(range(len(arts))))
            for i, ns in near.items():
                for j, sim in ns:
                    samples[f"neighbour_{similarity_bin(sim)}"].append(
                        (arts[i].published - arts[j].published).days
                    )  # type: ignore[operator]
                copy_hits(arts, i, ns, lines, weekdays, hits)
    return out


def copy_hits(arts, i, near, lines, weekdays, hits) -> None:  # type: ignore[no-untyped-def]
    """Adds to ``hits["copy_weekday_<bin>"]`` (right, seen; per similarity bin)
    the copies of article ``i``'s weekday sentences among its ``near`` articles
    (dating/copies.py) whose day, read from that article's date, is the one
    its own date reads."""
    if not lines[i]:
        return
    own = [c for c in weekdays[i] if c.tense != UNKNOWN]  # (as clue_lines)
    for j, sim in near:
        for cp in copies.match(lines[i], own, lines[j], arts[j].published):
            truth = copies.read_from(arts[i].published, cp.clue.weekday, cp.clue.tense)
            tally = hits[f"copy_weekday_{similarity_bin(sim)}"]
            tally[0] += cp.day == truth
            tally[1] += 1


def fit(parts: list[Samples], name: str) -> DatingPrior:
    samples: dict[str, list[int]] = defaultdict(list)
    hits = {k: [0, 0] for k in HITS}
    for s, h in parts:
        for k, v in s.items():
            samples[k].extend(v)
        for k, (a, b) in h.items():
            hits[k][0] += a
            hits[k][1] += b
    return DatingPrior().fit(samples, {k: (a, b) for k, (a, b) in hits.items()}, name)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("datasets", nargs="+", type=Path)
    ap.add_argument("--out", type=Path, required=True, help="model file, or folder with --loto")
    ap.add_argument(
        "--loto",
        action="store_true",
        help="one model per topic, fitted on all other topics: OUT/<topic>.json",
    )
    ap.add_argument("--stats", action="store_true")
    args = ap.parse_args()
    per_topic = collect(args.datasets)
    names = "+".join(p.resolve().name for p in args.datasets)
    if args.loto:
        args.out.mkdir(parents=True, exist_ok=True)
        for topic in per_topic:
            rest = [v for k, v in per_topic.items() if k != topic]
            fit(rest, f"{names} without {topic}").save(args.out / f"{topic}.json")
        print(f"wrote {len(per_topic)} leave-one-topic-out models to {args.out}")
        return
    prior = fit(list(per_topic.values()), names)
    prior.save(args.out)
    if args.stats:
        samples = defaultdict(list)
        hits = {k: [0, 0] for k in HITS}
        for s, h in per_topic.values():
            for k, v in s.items():
                samples[k].extend(v)
            for k, (a, b) in h.items():
                hits[k][0] += a
                hits[k][1] += b
        for k, v in sorted(samples.items()):
            arr = np.array(v)
            print(
                f"{k:16} n={len(v):6}  " + (f"share 0: {np.mean(arr == 0):.3f}" if len(v) else "")
            )
        for k, (h, n) in hits.items():
            print(f"{k:16} right {h}/{n}")
    print(f"wrote {args.out} ({names}, {dt.date.today()})")


if __name__ == "__main__":
    main()

"""Compare newsline's DATE expressions with HeidelTime's on every T17 article (issue 4).

Usage::

    .venv/bin/python bench/temporal_compare.py [--data ../shared/data] [--dump FILE]

HeidelTime's offsets index a slightly different rendering of the text
(tags removed, lines joined by ``\\n``), so each HeidelTime expression is
first *aligned* to the article text: its exact text is searched near
``start + drift`` (drift = the shift of the previous aligned expression),
then, failing that, with any run of whitespace allowed between its words.
Spans are then compared by overlap (one-to-one, greedy in text order).
``--dump`` writes every disagreement (missed, spurious, different value) as
TSV for reading by hand.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gzip
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from newsline.model import DateMention, TimexType
from newsline.temporal import tag

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data"
WRONG_FILE = ROOT / "tests" / "temporal" / "heideltime_wrong.tsv"

_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b|\d0s\b")
_PARTIAL = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Christmas|Easter)\b|\d(st|nd|rd|th)\b"
)


@dataclass
class Span:
    text: str
    start: int
    end: int
    value: str


def granularity(value: str) -> str:
    if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return "day"
    if re.fullmatch(r"\d{4}-\d\d", value):
        return "month"
    if re.fullmatch(r"\d{4}", value):
        return "year"
    return "other"


def kind(text: str) -> str:
    """The kind of a HeidelTime expression, from its words (newsline's own rule)."""
    if _YEAR.search(text):
        return "explicit"
    if _PARTIAL.search(text):
        return "partial"
    return "relative"


def load(data: Path) -> Iterator[tuple[str, str, dt.date, list[dict[str, object]]]]:
    for hfile in sorted((data / "t17-heideltime").glob("*.jsonl.gz")):
        topic = hfile.name.split(".")[0]
        articles = {}
        with gzip.open(data / "t17" / topic / "articles.jsonl.gz", "rt") as f:
            for line in f:
                d = json.loads(line)
                articles[d["id"]] = d
        with gzip.open(hfile, "rt") as f:
            for line in f:
                h = json.loads(line)
                a = articles.get(h["id"])
                if a is not None:
                    yield h["id"], a["text"], dt.date.fromisoformat(a["time"][:10]), h["timexes"]


def align(text: str, timexes: list[dict[str, object]]) -> list[tuple[dict[str, object], int]]:
    """HeidelTime expressions with their start in ``text`` (unaligned ones dropped)."""
    out, drift = [], 0
    for t in timexes:
        s, want = int(t["start"]), str(t["text"])  # type: ignore[call-overload]
        expect = s + drift
        found = -1
        lo = max(0, expect - 400)
        best = None
        i = text.find(want, lo, expect + 400 + len(want))
        while i >= 0:
            if best is None or abs(i - expect) < abs(best - expect):
                best = i
            i = text.find(want, i + 1, expect + 400 + len(want))
        if best is not None:
            found = best
        else:
            rx = re.compile(r"\s*".join(map(re.escape, want.split())))
            cands = [m.start() for m in rx.finditer(text, lo, expect + 400 + len(want))]
            if cands:
                found = min(cands, key=lambda c: abs(c - expect))
        if found >= 0:
            out.append((t, found))
            drift = found - s
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--dump", type=Path, help="write disagreements (TSV) here")
    ap.add_argument(
        "--no-hand-check", action="store_true", help="count the hand-checked HeidelTime errors as disagreements"
    )
    args = ap.parse_args(argv)

    wrong = set()
    if WRONG_FILE.exists() and not args.no_hand_check:
        with open(WRONG_FILE, newline="") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                wrong.add((row["article_id"], int(row["start"])))

    c: Counter[str] = Counter()
    dump = []
    n_art = n_unaligned = 0
    for aid, text, dct, timexes in load(args.data):
        n_art += 1
        ours = [m for m in tag(text, dct) if m.type is TimexType.DATE]
        dates = [t for t in timexes if t["type"] == "DATE"]
        aligned = align(text, dates)
        n_unaligned += len(dates) - len(aligned)
        used: set[int] = set()
        j = 0
        for t, s in aligned:
            e = s + len(str(t["text"]))
            g, k = granularity(str(t["value"])), kind(str(t["text"]))
            c["ht"] += 1
            c[f"ht:{g}"] += 1
            c[f"ht:{k}"] += 1
            while j < len(ours) and ours[j].end <= s:
                j += 1
            hit: DateMention | None = None
            for q in range(max(0, j - 1), min(len(ours), j + 3)):
                m = ours[q]
                if q not in used and m.start < e and s < m.end:
                    hit = m
                    used.add(q)
                    break
            if hit is None:
                dump.append((aid, dct, "missed", t["text"], t["value"], "", "", s, text))
                continue
            c["found"] += 1
            c[f"found:{g}"] += 1
            c[f"found:{k}"] += 1
            same = hit.value == t["value"]
            if not same and (aid, s) in wrong:
                c[f"ht_wrong:{g}"] += 1
                same = True
            if same:
                c["same"] += 1
                c[f"same:{g}"] += 1
                c[f"same:{k}"] += 1
            else:
                dump.append((aid, dct, "value", t["text"], t["value"], hit.text, hit.value, s, text))
        for q, m in enumerate(ours):
            c["ours"] += 1
            c[f"ours:{m.kind}"] += 1
            if q in used:
                c["ours_hit"] += 1
                c[f"ours_hit:{m.kind}"] += 1
            else:
                dump.append((aid, dct, "spurious", "", "", m.text, m.value, m.start, text))

    def ratio(a: int, b: int) -> str:
        return f"{a / b:.3f}" if b else "n/a"

    p = c["ours_hit"] / c["ours"]
    r = c["found"] / c["ht"]
    print(f"articles: {n_art}; HeidelTime DATE expressions: {c['ht']} "
          f"(+{n_unaligned} not aligned to the text); newsline DATE expressions: {c['ours']}")
    print(f"span (overlap) recall {r:.3f}  precision {p:.3f}  F1 {2 * p * r / (p + r):.3f}")
    print(f"value accuracy on matched spans {ratio(c['same'], c['found'])}")
    print("\n| HeidelTime DATEs | n | recall | value accuracy on found |")
    print("|---|---:|---:|---:|")
    for g in ("day", "month", "year", "other", "explicit", "partial", "relative"):
        print(f"| {g} | {c['ht:' + g]} | {ratio(c['found:' + g], c['ht:' + g])} | "
              f"{ratio(c['same:' + g], c['found:' + g])} |")
    print("\n| newsline DATEs by kind | n | precision |")
    print("|---|---:|---:|")
    for k in ("explicit", "partial", "relative"):
        print(f"| {k} | {c['ours:' + k]} | {ratio(c['ours_hit:' + k], c['ours:' + k])} |")
    print(f"\nday values counted as equal because tests/temporal/heideltime_wrong.tsv "
          f"shows HeidelTime wrong: {c['ht_wrong:day']}")
    if args.dump:
        with open(args.dump, "w", newline="") as f:
            w = csv.writer(f, delimiter="\t")
            w.writerow(["article_id", "dct", "what", "ht_text", "ht_value", "our_text",
                        "our_value", "start", "context"])
            for aid, dct, what, ht, hv, ot, ov, s, text in dump:
                ctx = text[max(0, s - 120) : s + 80].replace("\n", " ").replace("\t", " ")
                w.writerow([aid, dct, what, ht, hv, ot, ov, s, ctx])
    return 0


if __name__ == "__main__":
    sys.exit(main())

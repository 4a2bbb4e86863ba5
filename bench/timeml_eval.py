"""newsline's temporal tagger on TimeML gold: TempEval-3 task A (issue 16).

Usage::

    .venv/bin/python bench/timeml_eval.py [--data ../shared/data] [--corpus TimeBank AQUAINT]
        [--limit N] [--half even|odd] [--dump FILE.tsv] [--json FILE]
    .venv/bin/python bench/timeml_eval.py --gold tests/temporal/data/heldout2.tml   # our clean held-out gold

For each ``*.tml`` of ``<data>/timeml/<corpus>/`` the text of ``TEXT`` is
tagged with ``newsline.temporal.tag(text, dct)`` (DCT = the creation-time
TIMEX3, not itself scored) and compared with the gold TIMEX3 by
:mod:`newsline.evaluate.timex`: strict and relaxed span P/R/F1, value and
type on relaxed matches (P over all system, R over all gold expressions),
per TIMEX3 type and per kind of system expression. ``--dump`` writes every
disagreement (missed, spurious, other span, other value, other type) as TSV.
``--gold DIR`` scores the ``*.tml`` of DIR instead (one corpus named after
DIR; a file may hold one ``TimeML`` document or a collection of them, as our
held-out gold ``tests/temporal/data/heldout.tml`` does); ``--gold FILE`` scores that
one file (``tests/temporal/data`` holds two held-out sets: ``heldout.tml``, looked at
while fixing the tagger, and the clean ``heldout2.tml``).
Exit codes: 0 done, 2 no data.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

from newsline.evaluate.timex import GoldDoc, Scores, Timex, match, read_tml_docs
from newsline.temporal import tag

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data"


def system_timexes(doc: GoldDoc) -> list[Timex]:
    return [
        Timex(m.start, m.end, m.type.value, m.value, m.text, m.kind) for m in tag(doc.text, doc.dct)
    ]


def _context(text: str, start: int, end: int) -> str:
    return " ".join(text[max(0, start - 60) : end + 40].split())


def evaluate(docs: list[GoldDoc], dump: csv.writer | None = None) -> Scores:  # type: ignore[valid-type]
    scores = Scores()
    for doc in docs:
        matches = match(doc.timexes, system_timexes(doc))
        scores.add(matches)
        if dump is None:
            continue
        for m in matches:
            g, s = m.gold, m.system
            if (
                g is not None
                and s is not None
                and m.strict
                and g.value == s.value
                and g.type == s.type
            ):
                continue
            if g is None:
                what = "spurious"
            elif s is None:
                what = "missed"
            elif g.value != s.value:
                what = "value"
            elif g.type != s.type:
                what = "type"
            else:
                what = "span"
            first = g or s
            assert first is not None
            dump.writerow([
                doc.name, str(doc.dct), what,
                g.type if g else "", g.text if g else "", g.value if g else "",
                s.type if s else "", s.text if s else "", s.value if s else "",
                s.kind if s else "", _context(doc.text, first.start, first.end),
            ])  # fmt: skip
    return scores


def report(name: str, scores: Scores, n_docs: int) -> dict[str, object]:
    fig = scores.figures()
    return {
        "corpus": name, "docs": n_docs, "gold": scores.n_gold, "system": scores.n_sys,
        **{k: round(v, 4) for k, v in fig.items()},
        "per_type": {t: {k: round(v, 4) for k, v in d.items()} for t, d in scores.per_type().items()},
        "per_kind": {t: {k: round(v, 4) for k, v in d.items()} for t, d in scores.per_kind().items()},
    }  # fmt: skip


def _print(rep: dict[str, object]) -> None:
    print(f"== {rep['corpus']}: {rep['docs']} docs, {rep['gold']} gold, {rep['system']} system")
    print("            P      R      F1")
    for k in ("strict", "relaxed", "value", "type"):
        print(f"  {k:8s} {rep[k + '_p']:.3f}  {rep[k + '_r']:.3f}  {rep[k + '_f1']:.3f}")
    print("  type      gold  sys  span-R  value-R  value-P  value-F1")
    for t, d in rep["per_type"].items():  # type: ignore[attr-defined]
        print(
            f"  {t:9s} {d['gold']:4.0f} {d['system']:4.0f}  {d['span_recall']:.3f}   "
            f"{d['value_recall']:.3f}    {d['value_precision']:.3f}    {d['value_f1']:.3f}"
        )
    print("  kind      sys  span-P  value-acc")
    for k, d in rep["per_kind"].items():  # type: ignore[attr-defined]
        print(f"  {k:9s} {d['system']:4.0f}  {d['span_precision']:.3f}   {d['value_accuracy']:.3f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--corpus", nargs="+", default=["TimeBank", "AQUAINT"])
    ap.add_argument("--limit", type=int, default=0, help="first N documents of each corpus")
    ap.add_argument(
        "--half", choices=("even", "odd"),
        help="only the even- or odd-index documents of each corpus (files sorted by name): "
        "develop on one half, report the other as held out",
    )  # fmt: skip
    ap.add_argument(
        "--gold", type=Path, metavar="DIR",
        help="score the *.tml of DIR (documents or collections), or one such file, "
        "instead of --data/--corpus",
    )  # fmt: skip
    ap.add_argument("--dump", type=Path, help="TSV of every disagreement")
    ap.add_argument("--json", type=Path, help="figures as JSON")
    args = ap.parse_args(argv)
    reports = []
    out = args.dump.open("w", newline="") if args.dump else None
    writer = csv.writer(out, delimiter="\t") if out else None
    if writer:
        writer.writerow(["doc", "dct", "error", "gold_type", "gold_text", "gold_value",
                         "sys_type", "sys_text", "sys_value", "sys_kind", "context"])  # fmt: skip
    corpora = [(args.gold.name, args.gold)] if args.gold else [
        (c, args.data / "timeml" / c) for c in args.corpus
    ]  # fmt: skip
    for corpus, folder in corpora:
        paths = [folder] if folder.is_file() else sorted(folder.glob("*.tml"))
        if not paths:
            print(f"no TimeML files in {folder}", file=sys.stderr)
            return 2
        docs = []
        for p in paths:
            try:
                docs.extend(read_tml_docs(p))
            except ValueError as exc:
                print(f"skipped: {exc}", file=sys.stderr)
        if args.half:  # by document, in file order (a collection's documents in its order)
            docs = docs[args.half == "odd" :: 2]
        if args.limit:
            docs = docs[: args.limit]
        rep = report(corpus, evaluate(docs, writer), len(docs))
        _print(rep)
        reports.append(rep)
    if out:
        out.close()
    if args.json:
        args.json.write_text(json.dumps(reports, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())

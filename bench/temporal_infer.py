"""How often ``infer_publication_date`` answers on T17, and how often it is right.

Usage::

    .venv/bin/python bench/temporal_infer.py [--data ../shared/data]

Every T17 article's text is given without its date; the answer is compared
with the article's publication date.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import sys
from pathlib import Path

from newsline.temporal import infer_publication_date

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = ap.parse_args(argv)
    n = answered = exact = near = 0
    for path in sorted((args.data / "t17").glob("*/articles.jsonl.gz")):
        with gzip.open(path, "rt") as f:
            for line in f:
                d = json.loads(line)
                n += 1
                got = infer_publication_date(d["text"])
                if got is None:
                    continue
                answered += 1
                truth = dt.date.fromisoformat(d["time"][:10])
                exact += got[0] == truth
                near += abs((got[0] - truth).days) <= 1
    print(f"articles {n}; answered {answered} ({answered / n:.1%}); "
          f"equal to the publication date {exact} ({exact / answered:.1%} of answers); "
          f"within a day {near} ({near / answered:.1%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

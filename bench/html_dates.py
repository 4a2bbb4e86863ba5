"""HTML publication dates on ``../shared/data/html-dates``: newsline against htmldate.

Each page's date is right (the annotated day), wrong (another day) or none.
newsline's :func:`newsline.ingest.pagedate.page_date` and htmldate 1.x
(``find_date(original_date=True)``, fast and extensive) run on the same
pages with the page's URL, in the same run. The pages are split in two
halves by a hash of the URL (``tune``: the half the rules were tuned on,
``held``: the other half), reported separately and together. newsline's
shipped model is trained on all pages, so its rows here are in-sample;
``bench/train_pagedate.py`` gives the 2-fold (out-of-sample) figures.

    .venv/bin/python bench/html_dates.py [--data ../shared/data/html-dates] [--errors N]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
import warnings
from collections import Counter
from pathlib import Path

from htmldate import find_date

from newsline.ingest.dates import parse_date
from newsline.ingest.decode import decode
from newsline.ingest.pagedate import page_date

ROOT = Path(__file__).resolve().parents[1]


def half(url: str) -> str:
    return "tune" if hashlib.sha256(url.encode()).digest()[0] % 2 == 0 else "held"


def htmldate(html: str, url: str, extensive: bool) -> str | None:
    try:
        found = find_date(html, url=url, original_date=True, extensive_search=extensive)
    except Exception:  # htmldate raises on odd markup
        return None
    value = parse_date(found) if found else None
    return value.isoformat() if value else None


def newsline(html: str, url: str) -> str | None:
    value = page_date(html, url=url)
    return value.isoformat() if value else None


SYSTEMS = {
    "newsline": newsline,
    "htmldate fast": lambda h, u: htmldate(h, u, False),
    "htmldate extensive": lambda h, u: htmldate(h, u, True),
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "html-dates")
    ap.add_argument("--errors", type=int, default=0, help="list N of newsline's misses")
    ap.add_argument("--only", choices=sorted(SYSTEMS), help="run one system")
    ap.add_argument("--half", choices=("tune", "held"), help="only one half")
    args = ap.parse_args()
    gold = json.loads((args.data / "dates.json").read_text(encoding="utf-8"))
    counts: dict[tuple[str, str], Counter[str]] = {}
    misses: list[tuple[str, str, str | None]] = []
    systems = {args.only: SYSTEMS[args.only]} if args.only else SYSTEMS
    seconds: Counter[str] = Counter()
    warnings.simplefilter("ignore")
    for url, item in sorted(gold.items()):
        part = half(url)
        if args.half and part != args.half:
            continue
        html = decode((args.data / item["file"]).read_bytes()) or ""
        for name, system in systems.items():
            t0 = time.perf_counter()
            found = system(html, url)
            seconds[name] += time.perf_counter() - t0
            verdict = "none" if found is None else "right" if found == item["date"] else "wrong"
            for key in ((name, part), (name, "all")):
                counts.setdefault(key, Counter())[verdict] += 1
            if name == "newsline" and verdict != "right":
                misses.append((item["file"], item["date"], found))
    print("| system | half | pages | right | wrong | none |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name in systems:
        for part in ("tune", "held", "all"):
            c = counts.get((name, part))
            if not c:
                continue
            n = sum(c.values())
            cells = " | ".join(f"{100 * c[v] / n:.1f}%" for v in ("right", "wrong", "none"))
            print(f"| {name} | {part} | {n} | {cells} |")
    pages = sum(counts[(name, "all")].values()) if systems else 0
    for name in systems:
        print(f"{name}: {1000 * seconds[name] / max(1, pages):.1f} ms per page")
    for file, want, got in misses[: args.errors]:
        print(f"{file}\tgold {want}\tgot {got}")


if __name__ == "__main__":
    main()

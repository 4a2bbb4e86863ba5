"""Check newsline's ROUGE stemming against ROUGE-1.5.5's Perl on real vocabularies.

Vocabulary: every ROUGE token longer than 3 characters (the ones ROUGE stems)
of all T17 gold timelines, and, with ``--articles``, of all T17 articles too.
Compares newsline's ``rouge_stem`` with ROUGE-1.5.5's own code (run by Perl
from tilse's copy) and, for reference, NLTK's Porter stemmer in
ORIGINAL_ALGORITHM mode (from tilse's environment), which is not exact.

    NEWSLINE_TILSE_PYTHON=.venv-tilse/bin/python .venv/bin/python bench/metric_stemmer_check.py --articles
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "evaluate"))

from tilse_tools import perl_stems, tilse_python  # noqa: E402

from newsline.evaluate.resources import stopwords  # noqa: E402
from newsline.evaluate.stemmer import rouge_stem  # noqa: E402

_WORD = re.compile(r"[A-Za-z0-9]+")


def _vocab(texts: list[str]) -> list[str]:
    stop = stopwords()
    return sorted({w.lower() for t in texts for w in _WORD.findall(t) if len(w) > 3} - stop)


def _nltk_stems(python: str, words: list[str]) -> list[str]:
    code = (
        "import sys\nfrom nltk.stem.porter import PorterStemmer\n"
        "s = PorterStemmer(PorterStemmer.ORIGINAL_ALGORITHM)\n"
        "print('\\n'.join(s.stem(w) for w in sys.stdin.read().split()))"
    )
    out = subprocess.run(
        [python, "-c", code], input="\n".join(words), capture_output=True, text=True, check=True
    )
    return out.stdout.splitlines()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "t17")
    parser.add_argument("--articles", action="store_true", help="add the articles' vocabulary")
    args = parser.parse_args()
    python = tilse_python()
    if python is None:
        sys.exit("set NEWSLINE_TILSE_PYTHON to tilse's interpreter (.ci/tilse.sh prints it)")
    topics = sorted(p for p in args.data.iterdir() if p.is_dir())
    sets = {"T17 gold timelines": [(t / "timelines.jsonl").read_text() for t in topics]}
    if args.articles:
        texts = []
        for t in topics:
            with gzip.open(t / "articles.jsonl.gz", "rt") as f:
                texts.extend(json.loads(line)["text"] for line in f)
        sets["T17 articles"] = texts
    print(
        "| vocabulary | words stemmed | newsline != ROUGE-1.5.5 | NLTK Porter (original) != ROUGE |"
    )
    print("|---|---|---|---|")
    failed = 0
    for name, texts in sets.items():
        words = _vocab(texts)
        reference = perl_stems(python, words)
        ours = sum(rouge_stem(w) != r for w, r in zip(words, reference, strict=True))
        nltk = sum(n != r for n, r in zip(_nltk_stems(python, words), reference, strict=True))
        print(f"| {name} | {len(words)} | {ours} | {nltk} |")
        failed += ours
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

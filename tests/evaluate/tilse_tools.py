"""Run tilse and its ROUGE-1.5.5 (in tilse's own interpreter) for comparisons.

Used by the ``tilse``-marked tests and by ``bench/metric_*.py``; nothing here
imports tilse into newsline's environment.
"""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCORES_SCRIPT = HERE / "tilse_scores.py"

# ROUGE-1.5.5's own stemming: its WordNet exception DB, then its Porter code,
# loaded from the Perl script at run time (everything after "# Release 1").
_PERL_STEM = r"""
use DB_File;
my ($pl, $db) = @ARGV;
open(my $fh, '<', $pl) or die "cannot read $pl";
my $src = do { local $/; <$fh> };
$src =~ s/^.*?\n# Release 1\n//s or die "no stemmer in $pl";
eval $src; die $@ if $@;
initialise();
tie %exc, 'DB_File', $db, O_RDONLY, 0440, $DB_HASH or die "cannot open $db";
while (my $w = <STDIN>) {
  chomp $w;
  print((exists $exc{$w} ? $exc{$w} : stem($w)), "\n");
}
"""


def tilse_python() -> str | None:
    """``$NEWSLINE_TILSE_PYTHON`` if it is set and executable."""
    python = os.environ.get("NEWSLINE_TILSE_PYTHON", "")
    return python if python and os.access(python, os.X_OK) else None


def rouge_home(python: str) -> Path:
    """The ROUGE-1.5.5 folder bundled with tilse's pyrouge."""
    out = subprocess.run(
        [python, "-c", "from pyrouge.base import ROUGE_EVAL_HOME; print(ROUGE_EVAL_HOME)"],
        capture_output=True,
        text=True,
        check=True,
    )
    return Path(out.stdout.strip())


def perl_stems(python: str, words: Sequence[str]) -> list[str]:
    """ROUGE-1.5.5's ``MorphStem`` of each word (exception table, then Porter)."""
    home = rouge_home(python)
    out = subprocess.run(
        [
            "perl",
            "-e",
            _PERL_STEM,
            str(home / "ROUGE-1.5.5.pl"),
            str(home / "data/WordNet-2.0.exc.db"),
        ],
        input="".join(w + "\n" for w in words),
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.splitlines()


def perl_exception_table(python: str) -> dict[str, str]:
    """The whole of ROUGE-1.5.5's ``WordNet-2.0.exc.db``."""
    db = rouge_home(python) / "data/WordNet-2.0.exc.db"
    script = (
        'use DB_File; tie %h, "DB_File", $ARGV[0], O_RDONLY, 0440, $DB_HASH or die;'
        ' print "$_\\t$h{$_}\\n" for keys %h;'
    )
    out = subprocess.run(
        ["perl", "-e", script, str(db)], capture_output=True, text=True, check=True
    )
    return dict(line.split("\t", 1) for line in out.stdout.splitlines())


def tilse_scores(
    python: str, pairs: Sequence[dict[str, object]], computation: str = "original"
) -> list[dict[str, float]]:
    """tilse's scores (newsline's keys) for ``[{"system": {...}, "golds": [{...}]}]``."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(pairs, f)
        name = f.name
    try:
        out = subprocess.run(
            [python, str(SCORES_SCRIPT), name, computation],
            capture_output=True,
            text=True,
        )
    finally:
        os.unlink(name)
    if out.returncode != 0:
        raise RuntimeError(f"tilse failed: {out.stderr[-2000:]}")
    return json.loads(out.stdout)

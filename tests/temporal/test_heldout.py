"""Our held-out TimeML gold (``data/heldout.tml``): 55 short news paragraphs we wrote
and annotated by the TimeML 1.2.1 / TempEval-3 guidelines (TimeBank's conventions where
TimeBank and AQUAINT differ) before the tagger was run on them; scored by
``bench/timeml_eval.py --gold`` with the TempEval-3 rules of :mod:`newsline.evaluate.timex`.

The floors sit a little below the figures reached (BENCHMARKS.md, issue 16): a tagger
change that loses held-out expressions fails here, one that gains them may raise them.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsline.evaluate.timex import read_tml_docs

ROOT = Path(__file__).resolve().parents[2]
GOLD = Path(__file__).resolve().parent / "data"
VALUE_F1_FLOOR = 0.96
RELAXED_F1_FLOOR = 0.98


def test_heldout_gold_is_well_formed() -> None:
    docs = read_tml_docs(GOLD / "heldout.tml")
    assert len(docs) == 55 and len({d.name for d in docs}) == 55
    assert sum(len(d.timexes) for d in docs) == 245
    for d in docs:
        assert d.dct is not None, d.name
        for t in d.timexes:
            assert t.type in ("DATE", "TIME", "DURATION", "SET") and t.value, (d.name, t)
            assert d.text[t.start : t.end] == t.text and t.text == t.text.strip(), (d.name, t)


@pytest.fixture(scope="module")
def figures(tmp_path_factory: pytest.TempPathFactory) -> dict[str, float]:
    out = tmp_path_factory.mktemp("heldout") / "f.json"
    cmd = [sys.executable, str(ROOT / "bench" / "timeml_eval.py"), "--gold", str(GOLD), "--json", str(out)]
    subprocess.run(cmd, check=True, capture_output=True, text=True)
    (report,) = json.loads(out.read_text())
    return report


def test_heldout_value_f1_floor(figures: dict[str, float]) -> None:
    assert figures["docs"] == 55 and figures["gold"] == 245
    assert figures["value_f1"] >= VALUE_F1_FLOOR, figures
    assert figures["relaxed_f1"] >= RELAXED_F1_FLOOR, figures
    assert figures["value_f1"] <= figures["relaxed_f1"]

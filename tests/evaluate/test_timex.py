"""TempEval-3 scoring (newsline.evaluate.timex) and bench/timeml_eval.py on real gold."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsline.evaluate.timex import Timex, match, read_tml, read_tml_docs, score

ROOT = Path(__file__).resolve().parents[2]

# A TimeML document written for this test.
_TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>T1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2010-01-15" functionInDocument="CREATION_TIME">20100115</TIMEX3></DCT>
<TEXT>
The ferry left <TIMEX3 tid="t1" type="DATE" value="2010-01-14">on Thursday</TIMEX3> and will
<EVENT eid="e1">return</EVENT> in <TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3> &amp; sail
<TIMEX3 tid="t3" type="SET" value="P1W">every week</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_read_tml(tmp_path: Path) -> None:
    p = tmp_path / "t1.tml"
    p.write_text(_TML)
    doc = read_tml(p)
    assert doc.dct == dt.date(2010, 1, 15)
    assert [(t.text, t.type, t.value) for t in doc.timexes] == [
        ("on Thursday", "DATE", "2010-01-14"),
        ("three days", "DURATION", "P3D"),
        ("every week", "SET", "P1W"),
    ]
    for t in doc.timexes:  # offsets index the plain text; the DCT is not a gold expression
        assert doc.text[t.start : t.end] == t.text
    assert "&" in doc.text and "<EVENT" not in doc.text


def test_read_tml_collection(tmp_path: Path) -> None:
    """Several TimeML documents under one root: each by its DOCID, with its own DCT."""
    body = _TML.split("?>", 1)[1]
    second = body.replace("<DOCID>T1</DOCID>", "<DOCID>T2</DOCID>").replace('"2010-01-15"', '"2011-03-01"')
    p = tmp_path / "two.tml"
    p.write_text(f"<TimeMLCollection>{body}{second.replace('<DOCID>T2</DOCID>', '')}</TimeMLCollection>")
    docs = read_tml_docs(p)
    assert [d.name for d in docs] == ["T1", "two#2"]
    assert [d.dct for d in docs] == [dt.date(2010, 1, 15), dt.date(2011, 3, 1)]
    assert [len(d.timexes) for d in docs] == [3, 3]
    with pytest.raises(ValueError, match="2 TimeML documents"):
        read_tml(p)
    p.write_text("<TimeMLCollection><TimeML><DOCID>X</DOCID></TimeML></TimeMLCollection>")
    with pytest.raises(ValueError, match="X: no TEXT"):
        read_tml_docs(p)


def test_bad_tml(tmp_path: Path) -> None:
    p = tmp_path / "bad.tml"
    p.write_text("<TimeML><TEXT>unclosed</TimeML>")
    with pytest.raises(ValueError, match="bad.tml"):
        read_tml(p)


def test_scores_strict_relaxed_value_type() -> None:
    gold = [
        Timex(0, 11, "DATE", "2010-01-14"),  # system: "Thursday" (relaxed), right value
        Timex(20, 30, "DURATION", "P3D"),  # system: strict, wrong value
        Timex(40, 50, "SET", "P1W"),  # missed
    ]
    system = [
        Timex(3, 11, "DATE", "2010-01-14"),
        Timex(20, 30, "DURATION", "P2D"),
        Timex(60, 65, "DATE", "PRESENT_REF"),  # spurious
    ]
    s = score([(gold, system)])
    f = s.figures()
    assert (s.n_gold, s.n_sys, s.strict, s.relaxed, s.value, s.type) == (3, 3, 1, 2, 1, 2)
    assert f["relaxed_p"] == pytest.approx(2 / 3) and f["relaxed_r"] == pytest.approx(2 / 3)
    assert f["value_f1"] == pytest.approx(1 / 3)
    per = s.per_type()
    assert per["SET"]["span_recall"] == 0.0 and per["DATE"]["value_recall"] == 1.0


def test_per_type_value_f1_uses_the_types_own_precision_and_recall() -> None:
    # gold: a SET and a DATE; the system gives the DATE's span the SET's value and type,
    # and the SET's span the right value typed as a DATE.
    gold = [Timex(0, 10, "SET", "P1W"), Timex(20, 30, "DATE", "2010-01-14")]
    system = [Timex(0, 10, "DATE", "P1W"), Timex(20, 30, "DATE", "2010-01-14"),
              Timex(40, 50, "SET", "P1D")]  # fmt: skip
    per = score([(gold, system)]).per_type()
    # SET: value recall 1/1 (the gold SET got its value), precision 0/1 (the one system SET
    # is spurious): F1 0, not the 0/1-over-gold mix of system and gold counts.
    assert per["SET"]["value_recall"] == 1.0 and per["SET"]["value_precision"] == 0.0
    assert per["SET"]["value_f1"] == 0.0
    # DATE: recall 1/1, precision 2/2: F1 1.
    assert per["DATE"]["value_f1"] == pytest.approx(1.0)


def test_match_is_one_to_one() -> None:
    gold = [Timex(0, 10, "DATE", "x")]
    system = [Timex(0, 4, "DATE", "x"), Timex(5, 10, "DATE", "x")]
    pairs = match(gold, system)
    assert sum(m.gold is not None and m.system is not None for m in pairs) == 1
    assert len(pairs) == 2


@pytest.mark.slow
def test_bench_on_a_sample(shared_data: Path, tmp_path: Path) -> None:
    if not (shared_data / "timeml" / "TimeBank").is_dir():
        pytest.skip(f"no TimeML gold at {shared_data / 'timeml'}")
    out, dump = tmp_path / "f.json", tmp_path / "d.tsv"
    cmd = [sys.executable, str(ROOT / "bench" / "timeml_eval.py"), "--data", str(shared_data),
           "--limit", "10", "--json", str(out), "--dump", str(dump)]  # fmt: skip
    subprocess.run(cmd, check=True, capture_output=True, text=True)
    reports = json.loads(out.read_text())
    assert [r["corpus"] for r in reports] == ["TimeBank", "AQUAINT"]
    for r in reports:
        assert r["docs"] == 10 and r["gold"] >= 20
        assert 0.75 <= r["relaxed_f1"] <= 1.0
        assert 0.55 <= r["value_f1"] <= r["relaxed_f1"]
        assert r["strict_f1"] <= r["relaxed_f1"]
    assert dump.read_text().count("\n") > 1


@pytest.mark.slow
def test_timeml_eval_halves_split_the_documents(shared_data: Path, tmp_path: Path) -> None:
    """``--half even`` and ``--half odd`` take alternate files: disjoint, together all."""
    folder = shared_data / "timeml" / "AQUAINT"
    if not folder.is_dir():
        pytest.skip(f"no TimeML gold at {folder}")
    paths = sorted(folder.glob("*.tml"))
    docs = {}
    for half in ("even", "odd"):
        out = tmp_path / f"{half}.json"
        cmd = [sys.executable, str(ROOT / "bench" / "timeml_eval.py"), "--data", str(shared_data),
               "--corpus", "AQUAINT", "--half", half, "--json", str(out)]  # fmt: skip
        subprocess.run(cmd, check=True, capture_output=True, text=True)
        docs[half] = json.loads(out.read_text())[0]
    assert docs["even"]["docs"] == (len(paths) + 1) // 2
    assert docs["odd"]["docs"] == len(paths) // 2
    gold = sum(len(read_tml(p).timexes) for p in paths)
    assert docs["even"]["gold"] + docs["odd"]["gold"] == gold
    assert docs["even"]["gold"] == sum(len(read_tml(p).timexes) for p in paths[::2])

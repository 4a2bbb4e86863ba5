from __future__ import annotations

import datetime as dt

import pytest

from newsline.errors import InputError
from newsline.model import Granularity, Timeline
from newsline.render import tilse

DASHES = "-" * 32


def test_exact_format(timeline):
    assert tilse.render(timeline) == (
        "2026-09-03\n"
        "A storage tank at the Varnell plant leaked about 9,000 gallons of solvent.\n"
        "The town closed the river intake.\n"
        f"{DASHES}\n"
        "2026-09-10\n"
        "Residents filed a class action [in county court].\n"
        f"{DASHES}\n"
        "2026-10-01\n"
        'Hearings ran through October <b>&</b> "beyond".\n'
        f"{DASHES}\n"
    )


def test_round_trip_of_day_timeline():
    tl = Timeline.from_pairs(
        [(dt.date(2011, 2, 11), ["Mubarak resigns.", "Crowds celebrate."]),
         (dt.date(2011, 1, 25), ["Protests begin."])]
    )  # fmt: skip
    assert tilse.loads(tilse.render(tl)) == tl


def test_month_entry_reads_back_as_its_first_day(timeline):
    again = tilse.loads(tilse.render(timeline))
    assert again.dates == [dt.date(2026, 9, 3), dt.date(2026, 9, 10), dt.date(2026, 10, 1)]
    assert all(e.time.granularity is Granularity.DAY for e in again)
    assert [s.text for s in again.entries[0].sentences][0].startswith("A storage tank")


def test_reader_tolerates_blank_lines_and_merges_repeated_dates():
    text = f"\n2011-02-11\nA.\n\nB.\n{DASHES}\n\n2011-02-01\nC.\n{DASHES}\n2011-02-11\nD.\n{DASHES}"
    tl = tilse.loads(text)
    assert tl.dates == [dt.date(2011, 2, 1), dt.date(2011, 2, 11)]
    assert [s.text for s in tl.entries[1].sentences] == ["A.", "B.", "D."]


def test_reader_reports_the_bad_line():
    with pytest.raises(InputError, match="line 2: expected a YYYY-MM-DD date"):
        tilse.loads(f"\nFebruary 11\nA.\n{DASHES}\n")


def test_empty_text_is_an_empty_timeline():
    assert len(tilse.loads("")) == 0


def test_reader_keeps_an_unterminated_last_block():
    tl = tilse.loads(f"2011-02-11\nA.\n{DASHES}\n2011-02-12\nB.\n")
    assert [s.text for e in tl for s in e.sentences] == ["A.", "B."]


@pytest.mark.tilse
def test_reference_toolkit_reads_our_output(tmp_path, timeline):
    """tilse's own ``Timeline.from_file`` reads what we write, with the same dates and text."""
    import json
    import os
    import subprocess

    python = os.environ.get("NEWSLINE_TILSE_PYTHON", "")
    if not (python and os.access(python, os.X_OK)):
        pytest.skip("NEWSLINE_TILSE_PYTHON is not set to tilse's interpreter")
    path = tmp_path / "system.txt"
    path.write_text(tilse.render(timeline), encoding="utf-8")
    script = (
        "import json, sys\n"
        "from tilse.data.timelines import Timeline\n"
        "tl = Timeline.from_file(open(sys.argv[1], encoding='utf-8'))\n"
        "print(json.dumps({str(d): tl[d] for d in sorted(tl.get_dates())}))\n"
    )
    out = subprocess.run([python, "-c", script, str(path)], capture_output=True, text=True,
                         check=True, timeout=120)  # fmt: skip
    read = json.loads(out.stdout.strip().splitlines()[-1])
    expected = {
        str(e.time.date): [" ".join(s.text.split()) for s in e.sentences] for e in timeline
    }
    assert {d[:10]: sents for d, sents in read.items()} == expected

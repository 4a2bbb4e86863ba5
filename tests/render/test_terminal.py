from __future__ import annotations

from newsline.render import terminal


def test_wraps_to_width_and_marks_sources(timeline):
    out = terminal.render(timeline, width=50)
    lines = out.splitlines()
    assert lines[0] == "The Tessaly River spill"
    assert all(len(line) <= 50 for line in lines if "://" not in line)
    assert "Thursday 3 September 2026" in lines
    assert "October 2026" in lines
    body = " ".join(out.split())
    assert "- A storage tank at the Varnell plant leaked about 9,000 gallons of solvent. [1]" in body
    assert "- The town closed the river intake. [2]" in body
    assert "- Residents filed a class action [in county court]. October 2026" in body
    sources = out.split("\nSources\n", 1)[1]
    assert sources.startswith(
        "[1] Hundreds evacuated after solvent spill\n    (2026-09-04)\n"
        "    https://gazette.example/a/1\n"
    )
    assert "[2] courier-0911 (2026-09-11)\n" in sources
    assert "[3] Residents <meet> & talk\n" in sources  # not a javascript: url


def test_uses_terminal_size_when_no_width(timeline, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    lines = terminal.render(timeline).splitlines()
    assert max(len(line) for line in lines if "://" not in line) <= 60


def test_width_is_clamped(timeline):
    narrow = terminal.render(timeline, width=5).splitlines()
    assert max(len(line) for line in narrow if "://" not in line) <= 40


def test_header_facts_share_lines_when_they_fit(timeline):
    lines = terminal.render(timeline, width=80).splitlines()
    assert lines[2] == "Query: spill, varnell | Articles: 41 | Outlets: 5"
    assert all(len(line) <= 80 for line in lines if "://" not in line)

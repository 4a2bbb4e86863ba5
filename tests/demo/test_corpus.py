"""The bundled demo corpus, checked with plain file reads (independent of ingest)."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from newsline import demo

CORPUS = demo.corpus_path()
HEADER = re.compile(r"^(Title|Date|Source|URL):\s*(.*)$")
FOOTERS = (
    "© 2026 Alder Ford Gazette. All rights reserved.",
    "Sign up for the Courier's morning newsletter at courier.example/newsletter.",
)


def headers(path: Path) -> dict[str, str]:
    found: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = HEADER.match(line)
        if not m:
            break
        found[m.group(1)] = m.group(2)
    return found


def body(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return text.split("\n\n", 1)[1] if headers(path) else text


def txt_files() -> list[Path]:
    return sorted(CORPUS.glob("*.txt"))


def records() -> list[dict[str, str]]:
    out = []
    for path in sorted(CORPUS.glob("*.jsonl")):
        out += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return out


def html_texts() -> dict[str, str]:
    out = {}
    for path in sorted(CORPUS.glob("*.html")):
        page = path.read_text(encoding="utf-8")
        article = page.split("<article>", 1)[1].split("</article>", 1)[0]
        out[path.name] = " ".join(re.sub(r"<[^>]+>", " ", article).split())
    return out


def test_corpus_is_package_data_folder():
    assert CORPUS.is_dir() and CORPUS.name == "corpus"
    assert {p.suffix for p in CORPUS.iterdir()} == {".txt", ".html", ".jsonl"}


def test_between_30_and_60_articles_in_three_formats():
    n_txt, n_html, n_rec = len(txt_files()), len(html_texts()), len(records())
    assert n_txt >= 25 and n_html >= 3 and n_rec >= 3
    assert 30 <= n_txt + n_html + n_rec <= 60


def test_articles_are_80_to_250_words():
    lengths = {p.name: len(body(p).split()) for p in txt_files()}
    lengths |= {name: len(text.split()) for name, text in html_texts().items()}
    lengths |= {r["id"]: len(r["text"].split()) for r in records()}
    short_or_long = {k: n for k, n in lengths.items() if not 80 <= n <= 250}
    assert short_or_long == {}


@pytest.mark.parametrize("path", txt_files(), ids=lambda p: p.name)
def test_every_dated_txt_has_parseable_header(path):
    found = headers(path)
    if path.name == demo.UNDATED_FILE:
        assert found == {}
        assert not re.search(r"\d{4}-\d{2}-\d{2}|\d{8}", path.name)
        return
    assert set(found) == {"Title", "Date", "Source", "URL"}
    published = dt.date.fromisoformat(found["Date"])
    assert dt.date(2026, 9, 3) <= published <= dt.date(2026, 11, 30)
    assert found["URL"].startswith("https://") and ".example/" in found["URL"]
    assert body(path).strip()


def test_records_and_pages_are_dated():
    for r in records():
        assert dt.date.fromisoformat(r["published"]) and r["title"] and r["url"]
    for path in CORPUS.glob("*.html"):
        page = path.read_text(encoding="utf-8")
        m = re.search(r'article:published_time" content="(\d{4}-\d{2}-\d{2})', page)
        assert m and dt.date.fromisoformat(m.group(1)), path.name


def test_syndicated_near_duplicate_differs_only_in_first_and_last_lines():
    original, copy = (body(CORPUS / name).splitlines() for name in demo.SYNDICATED_PAIR)
    assert original != copy
    assert copy[0] not in original and copy[-1] not in original
    assert copy[1:-1] == original
    assert headers(CORPUS / demo.SYNDICATED_PAIR[0])["Source"] != headers(
        CORPUS / demo.SYNDICATED_PAIR[1]
    )["Source"]


def test_boilerplate_is_present():
    texts = [p.read_text(encoding="utf-8") for p in txt_files()]
    lines = [line for t in texts for line in t.splitlines()]
    assert lines.count("Latest News") >= 5 and lines.count("Share this article") >= 5
    for footer in FOOTERS:
        assert lines.count(footer) >= 5, footer
    repeated = [p for p in txt_files() if headers(p).get("Title") in body(p).splitlines()]
    assert len(repeated) >= 5  # headline repeated as the first line of the body


def test_relative_and_explicit_dates_are_used():
    text = " ".join(body(p) for p in txt_files()) + " ".join(r["text"] for r in records())
    for phrase in ("early Thursday", "on Saturday", "last week", "yesterday", "since June",
                   "Sept. 3", "two days before", "next month", "February 17"):
        assert phrase in text, phrase
    assert text.count("Sept. 3") >= 10  # many articles refer back to the spill


def test_expected_events_are_written_in_articles_of_that_day_or_the_next():
    dated: list[tuple[dt.date, str]] = []
    for p in txt_files():
        if p.name != demo.UNDATED_FILE:
            dated.append((dt.date.fromisoformat(headers(p)["Date"]), body(p).lower()))
    dated += [(dt.date.fromisoformat(r["published"]), r["text"].lower()) for r in records()]
    for day, keyword in demo.EXPECTED_EVENTS:
        near = [t for d, t in dated if 0 <= (d - day).days <= 1 and keyword in t]
        assert near, (day, keyword)
    assert [d for d, _ in demo.EXPECTED_EVENTS] == sorted(d for d, _ in demo.EXPECTED_EVENTS)

"""Feeds, WARC archives, compressed files, Parquet, and inputs that are not articles."""

from __future__ import annotations

import bz2
import datetime as dt
import gzip
import io
import lzma
from pathlib import Path

import pytest

from newsline.ingest import read
from newsline.model import Timeline
from newsline.render import render

D = dt.date
BODY = (
    "Divers reached the sunken ferry on Tuesday and recovered its data recorder.\n"
    "The harbour authority said salvage work would resume next week."
)


def messages(result) -> list[str]:
    return [str(p) for p in result.problems]


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>Harbour Gazette</title><link>http://gazette.test/</link>
<item>
  <title>Divers reach sunken ferry</title>
  <link>http://gazette.test/ferry-divers</link>
  <guid>gazette-1</guid>
  <pubDate>Tue, 14 Mar 2017 09:30:00 +0100</pubDate>
  <description>&lt;p&gt;Divers reached the sunken ferry on Tuesday.&lt;/p&gt;&lt;p&gt;Work resumes next week.&lt;/p&gt;</description>
</item>
<item>
  <title>Harbour closed</title>
  <link>http://gazette.test/closed</link>
  <pubDate>Wed, 15 Mar 2017 08:00:00 GMT</pubDate>
</item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Coast Watch</title>
  <entry>
    <title>Storm reaches the coast</title>
    <link href="http://coast.test/storm"/>
    <id>urn:coast:1</id>
    <published>2018-10-02T06:00:00+02:00</published>
    <updated>2018-10-03T10:00:00Z</updated>
    <content type="html">&lt;p&gt;The storm reached the coast on Monday night.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Clean-up begins</title>
    <link href="http://coast.test/cleanup"/>
    <updated>2018-10-04T10:00:00Z</updated>
    <summary>Volunteers began clearing the beaches on Thursday.</summary>
  </entry>
</feed>
"""


def test_rss_items_become_articles(tmp_path):
    f = tmp_path / "gazette.rss"
    f.write_text(RSS, encoding="utf-8")
    res = read([f])
    (a,) = res.articles
    assert a.title == "Divers reach sunken ferry"
    assert a.url == "http://gazette.test/ferry-divers"
    assert a.id == "gazette-1"
    assert a.source == "Harbour Gazette"
    assert a.published == D(2017, 3, 14) and a.date_source == "feed"
    assert a.text == "Divers reached the sunken ferry on Tuesday.\nWork resumes next week."
    assert "<" not in a.text
    # the title-only item is counted, with the way to get its text
    assert messages(res) == [
        f"{f}: 1 of 2 feed entries have no text; skipped (--fetch downloads their linked pages)"
    ]
    # and counted as skipped: the summary's read = used + skipped, the exit code 1
    assert res.skipped == {"no text": 1} and res.items_read == 2


def test_atom_feed_with_xml_suffix_content_and_summary(tmp_path):
    f = tmp_path / "coast.xml"
    f.write_text(ATOM, encoding="utf-8")
    res = read([f])
    assert [(a.title, a.published, a.url) for a in res.articles] == [
        ("Storm reaches the coast", D(2018, 10, 2), "http://coast.test/storm"),
        ("Clean-up begins", D(2018, 10, 4), "http://coast.test/cleanup"),
    ]
    assert res.articles[0].text == "The storm reached the coast on Monday night."
    assert res.articles[1].text == "Volunteers began clearing the beaches on Thursday."
    assert res.problems == []


def test_feed_on_stdin_is_sniffed(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(ATOM.encode())))
    res = read(["-"])
    assert len(res.articles) == 2


def test_xml_that_is_not_a_feed_is_skipped(tmp_path):
    f = tmp_path / "sitemap.xml"
    f.write_text('<?xml version="1.0"?>\n<urlset><url><loc>http://a.test/</loc></url></urlset>\n')
    res = read([f])
    assert res.articles == []
    assert messages(res) == [f"{f}: XML that is not an RSS or Atom feed; skipped"]


# --- WARC ------------------------------------------------------------------

PAGE = """<!doctype html><html><head><title>{title}</title></head>
<body><nav>Home | World | Sport</nav><article><h1>{title}</h1>
<p>{p1}</p><p>{p2}</p></article><footer>Contact us</footer></body></html>"""


def _page(title: str, dated: bool = False) -> bytes:
    html = PAGE.format(
        title=title,
        p1="Divers reached the sunken ferry and recovered its data recorder from the wreck.",
        p2="The harbour authority said that salvage work would resume early next week.",
    )
    if dated:
        html = html.replace(
            "</head>",
            '<meta property="article:published_time" content="2017-03-14T09:00:00Z"></head>',
        )
    return html.encode("utf-8")


def build_warc(path: Path, gz: bool) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gz)

        def response(uri, payload, ctype="text/html; charset=utf-8", status="200 OK", date=None):
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            warc_headers = {"WARC-Date": date} if date else None
            rec = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(payload), http_headers=http,
                warc_headers_dict=warc_headers,
            )  # fmt: skip
            writer.write_record(rec)

        req = writer.create_warc_record(
            "http://news.test/ferry", "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
        )
        writer.write_record(req)
        response(
            "http://news.test/ferry", _page("Divers reach the ferry"), date="2017-03-15T12:00:00Z"
        )
        response(
            "http://news.test/dated",
            _page("Recorder recovered", dated=True),
            date="2017-04-01T12:00:00Z",
        )
        response("http://news.test/logo.png", b"\x89PNG\r\n\x1a\n", ctype="image/png")
        response("http://news.test/gone", b"<html>gone</html>", status="404 Not Found")


@pytest.mark.parametrize("gz", [False, True])
def test_warc_html_responses_become_articles(tmp_path, gz):
    f = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    build_warc(f, gz)
    res = read([f])
    got = [(a.url, a.title, a.published, a.date_source) for a in res.articles]
    assert got == [
        ("http://news.test/ferry", "Divers reach the ferry", D(2017, 3, 15), "warc"),
        ("http://news.test/dated", "Recorder recovered", D(2017, 3, 14), "html"),
    ]
    assert "Divers reached the sunken ferry" in res.articles[0].text
    assert "Home | World" not in res.articles[0].text
    assert res.problems == []
    (note,) = [str(n) for n in res.notes]
    assert (
        "1 HTTP 404 responses" in note
        and "1 non-HTML responses" in note
        and "1 request records" in note
    )


def test_warc_with_other_name_is_sniffed(tmp_path):
    f = tmp_path / "crawl"
    build_warc(f, gz=True)
    assert len(read([f]).articles) == 2


def test_a_damaged_warc_gz_is_said_not_silently_dropped(tmp_path):
    """A truncated .warc.gz keeps the records before the damage and says what was lost;
    one that is no gzip at all is one skip line (it gave no line and no count)."""
    whole = tmp_path / "crawl.warc.gz"
    build_warc(whole, gz=True)
    data = whole.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) * 3 // 4])
    junk = tmp_path / "junk.warc.gz"
    junk.write_bytes(b"<html>" + bytes(range(256)) * 4)
    res = read([cut, junk])
    assert len(res.articles) == 2
    assert messages(res) == [
        f"{cut}: cannot read the rest of the file (compressed file ended early); "
        "rest skipped after 2 articles",
        f"{junk}: cannot read the rest of the file (Not a gzipped file (b'<h')); skipped",
    ]
    assert res.skipped == {"truncated": 2}


# --- compression ----------------------------------------------------------


@pytest.mark.parametrize("kind", ["txt", "jsonl"])
def test_damaged_zstd_is_one_skip_line(tmp_path, kind):
    """zstandard's own error was an internal error (exit 4) that stopped the whole run."""
    f = tmp_path / f"story.{kind}.zst"
    f.write_bytes(b"\x28\xb5\x2f\xfd" + bytes(range(256)) * 8)
    res = read([f])
    assert res.articles == [] and len(res.problems) == 1
    assert "zstd" in str(res.problems[0]) and sum(res.skipped.values()) == 1


@pytest.mark.parametrize("suffix", [".zst", ".gz"])
def test_a_truncated_compressed_file_keeps_what_was_inflated(tmp_path, suffix):
    """A cut .zst was 'file is empty' (zstandard's reader just stops) and a cut .txt.gz
    was skipped whole; now, like a cut .warc.gz, what came before the cut is read and
    one line says the rest was lost. A file cut before any data is one skip line."""
    import random

    import zstandard

    pack = gzip.compress if suffix == ".gz" else zstandard.ZstdCompressor().compress
    rng = random.Random(4)  # varied text, so that the first blocks are whole before the cut
    words = " ".join(f"ferry{rng.randint(0, 99999)}" for _ in range(60000))
    story = pack(f"Date: 2017-03-14\n\nFerry found\n\n{BODY}\n{words}".encode())
    rows = pack(("id,date,text\n" + "".join(f"r{i},2017-03-15,{BODY.replace(chr(10), ' ')} {words[i * 60 : i * 60 + 600]}\n" for i in range(900))).encode())
    text, table, stub = tmp_path / f"story.txt{suffix}", tmp_path / f"rows.csv{suffix}", tmp_path / f"stub.txt{suffix}"
    text.write_bytes(story[: len(story) * 3 // 4])
    table.write_bytes(rows[: len(rows) * 3 // 4])
    stub.write_bytes(story[:3])
    res = read([text, table, stub])
    assert res.articles[0].title == "Ferry found" and "ferry" in res.articles[0].text[-2000:]
    assert 1 < len(res.articles) - 1 < 900  # whole rows only: the half row at the cut is not read
    lines = messages(res)
    assert len(lines) == 3
    assert lines[0].startswith(f"{text}: cannot read the rest of the file (compressed file ended early); rest skipped, the first ")
    assert lines[1].startswith(f"{table}: cannot read the rest of the file (compressed file ended early); rest skipped, the first ")
    assert lines[2] == f"{stub}: cannot read the file (compressed file ended early); skipped"
    assert res.skipped == {"truncated": 3}


def test_a_zstd_file_of_several_frames_is_read_whole(tmp_path):
    """zstandard's reader stopped after the first frame (pzstd and `cat a.zst b.zst` write several)."""
    import zstandard

    f = tmp_path / "two.txt.zst"
    pack = zstandard.ZstdCompressor().compress
    f.write_bytes(pack(b"Date: 2017-03-14\n\nFerry found\n\n") + pack(BODY.encode()))
    res = read([f])
    assert res.problems == [] and res.articles[0].text.endswith(BODY[-40:])


@pytest.mark.parametrize("suffix", [".gz", ".bz2", ".xz", ".zst"])
def test_compressed_text_and_records(tmp_path, suffix):
    import zstandard

    pack = {".gz": gzip.compress, ".bz2": bz2.compress, ".xz": lzma.compress,
            ".zst": lambda b: zstandard.ZstdCompressor().compress(b)}[suffix]  # fmt: skip
    t = tmp_path / f"story.txt{suffix}"
    t.write_bytes(pack(("Date: 2017-03-14\n\nFerry found\n\n" + BODY).encode()))
    j = tmp_path / f"records.jsonl{suffix}"
    j.write_bytes(
        pack(b'{"id": "r1", "body": "Divers reached the ferry.", "date": "2017-03-15"}\n')
    )
    res = read([t, j])
    assert [(a.id, a.title, a.published) for a in res.articles] == [
        (t.as_posix(), "Ferry found", D(2017, 3, 14)),
        ("r1", "", D(2017, 3, 15)),
    ]
    assert res.problems == []


def test_damaged_compressed_file_is_one_problem(tmp_path):
    f = tmp_path / "story.txt.xz"
    f.write_bytes(b"\xfd7zXZ\x00broken")
    res = read([f])
    assert res.articles == [] and len(res.problems) == 1
    assert str(res.problems[0]).startswith(f"{f}: not a valid xz file")


# --- Parquet ---------------------------------------------------------------


def test_parquet_rows_follow_the_record_rules(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table(
        {
            "Headline": ["Ferry found", "Recorder recovered", "No body"],
            "Content": [BODY, "The recorder was taken to the lab.", None],
            "published_at": [dt.datetime(2017, 3, 14, 9), dt.datetime(2017, 3, 16, 10), None],
            "Permalink": ["http://a.test/1", "http://a.test/2", "http://a.test/3"],
        }
    )
    f = tmp_path / "export.parquet"
    pq.write_table(table, f, row_group_size=2)
    res = read([f])
    assert [(a.id, a.title, a.published, a.url) for a in res.articles] == [
        ("export:1", "Ferry found", D(2017, 3, 14), "http://a.test/1"),
        ("export:2", "Recorder recovered", D(2017, 3, 16), "http://a.test/2"),
    ]
    assert messages(res) == [f"{f}:3: record has no text; skipped"]


def test_damaged_parquet_is_one_problem(tmp_path):
    f = tmp_path / "broken.parquet"
    f.write_bytes(b"PAR1 not really")
    res = read([f])
    assert res.articles == [] and len(res.problems) == 1
    assert "not a readable Parquet file" in str(res.problems[0])


# --- what is not an article ----------------------------------------------


@pytest.mark.parametrize(
    "fmt,suffix", [("json", ".json"), ("html", ".html"), ("md", ".md"), ("tilse", ".txt")]
)
def test_newsline_outputs_are_not_read_back(tmp_path, fmt, suffix):
    timeline = Timeline.from_pairs([(D(2017, 3, 14), ["Divers reached the sunken ferry."])])
    out = tmp_path / f"timeline{suffix}"
    out.write_text(render(timeline, fmt), encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text(BODY, encoding="utf-8")
    res = read([tmp_path])
    assert [a.id for a in res.articles] == ["story.txt"]
    assert messages(res) == [f"{out}: a timeline written by newsline, not an article; skipped"]

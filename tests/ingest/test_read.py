"""newsline.ingest.read: every format, date source, and error path."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
import sys
from pathlib import Path

import pytest

from newsline.errors import InputError, NoInputError
from newsline.ingest import read

D = dt.date
BODY = (
    "Officials said on Monday that the damaged well was still leaking oil into the gulf.\n"
    "Engineers are preparing a new attempt to cap it later this week."
)


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def messages(result) -> list[str]:
    return [str(p) for p in result.problems]


# --- plain text ----------------------------------------------------------


def test_txt_title_line_and_body(tmp_path):
    f = write(tmp_path / "story.txt", "Oil well still leaking\n\n" + BODY + "\n")
    res = read([f])
    (a,) = res.articles
    assert a.title == "Oil well still leaking"
    assert a.text == BODY
    assert a.id == f.as_posix()
    assert a.origin == str(f)
    assert a.published is None and a.date_source == ""
    assert res.undated == 1 and res.problems == []


def test_txt_first_line_that_is_a_sentence_is_body(tmp_path):
    f = write(tmp_path / "story.txt", BODY)
    (a,) = read([f]).articles
    assert a.title == ""
    assert a.text == BODY


def test_txt_single_short_line_is_body(tmp_path):
    f = write(tmp_path / "short.txt", "Oil well still leaking")
    (a,) = read([f]).articles
    assert (a.title, a.text) == ("", "Oil well still leaking")


def test_txt_headers(tmp_path):
    content = (
        "Title: Cap holds\nDate: 2010-07-15T18:00:00+02:00\nURL: https://example.org/cap\n"
        "Source: Example News\n\n" + BODY
    )
    f = write(tmp_path / "2009-01-01" / "a.txt", content)
    (a,) = read([f], default_date=D(2000, 1, 1)).articles
    assert a.title == "Cap holds"
    assert a.text == BODY
    assert a.url == "https://example.org/cap"
    assert a.source == "Example News"
    assert (a.published, a.date_source) == (D(2010, 7, 15), "header")


@pytest.mark.parametrize(
    "relpath, expected",
    [
        ("InputDocs/2010-05-24/1036.htm.txt", D(2010, 5, 24)),
        ("news/20100524-spill.txt", D(2010, 5, 24)),
        ("news/2010/05/24/spill.txt", D(2010, 5, 24)),
        ("2011-01-02/sub/2010-05-24_spill.txt", D(2010, 5, 24)),
    ],
)
def test_date_from_path(tmp_path, relpath, expected):
    write(tmp_path / relpath, BODY)
    (a,) = read([tmp_path]).articles
    assert (a.published, a.date_source) == (expected, "path")
    assert a.id == relpath


def test_date_from_cli_default(tmp_path):
    f = write(tmp_path / "a.txt", BODY)
    (a,) = read([f], default_date=D(2015, 12, 26)).articles
    assert (a.published, a.date_source) == (D(2015, 12, 26), "cli")


def test_absurd_header_date_is_dropped(tmp_path):
    f = write(tmp_path / "a.txt", "Date: 1066-10-14\n\n" + BODY)
    res = read([f])
    (a,) = res.articles
    assert a.published is None
    assert any("a.txt" in m and "before 1800" in m for m in messages(res))


def test_future_date_is_dropped(tmp_path):
    future = (dt.date.today() + dt.timedelta(days=800)).isoformat()
    f = write(tmp_path / "a.jsonl", json.dumps({"id": "x", "text": BODY, "date": future}) + "\n")
    res = read([f])
    assert res.articles[0].published is None
    assert any("a.jsonl:1" in m and "future" in m for m in messages(res))


# --- folders -------------------------------------------------------------


def test_folder_recursive_sorted_hidden_skipped(tmp_path):
    write(tmp_path / "b" / "2.txt", "two " + BODY)
    write(tmp_path / "a.txt", "one " + BODY)
    write(tmp_path / "b" / "1.txt", "three " + BODY)
    write(tmp_path / ".hidden.txt", BODY)
    write(tmp_path / ".git" / "x.txt", BODY)
    res = read([tmp_path])
    assert [a.id for a in res.articles] == ["a.txt", "b/1.txt", "b/2.txt"]
    assert res.files_seen == 3 and res.files_read == 3


def test_missing_path_and_empty_folder(tmp_path):
    (tmp_path / "empty").mkdir()
    write(tmp_path / "empty" / ".DS_Store", b"\x00\x01")
    res = read([tmp_path / "nope.txt", tmp_path / "empty"])
    assert res.articles == []
    assert messages(res) == [
        f"{tmp_path / 'nope.txt'}: no such file or folder",
        f"{tmp_path / 'empty'}: folder contains no files (hidden files are skipped)",
    ]
    with pytest.raises(NoInputError, match="no such file"):
        res.require_articles()


def test_strict_raises_on_first_problem(tmp_path):
    with pytest.raises(InputError, match="nope.txt: no such file"):
        read([tmp_path / "nope.txt"], strict=True)


# --- bad files -----------------------------------------------------------


def test_binary_file_is_a_problem(tmp_path):
    good = write(tmp_path / "a.txt", BODY)
    png = write(tmp_path / "picture.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    data = write(tmp_path / "blob.txt", bytes(range(256)) * 4)
    res = read([good, png, data])
    assert len(res.articles) == 1
    assert messages(res) == [
        f"{png}: binary file, not text; skipped",
        f"{data}: binary file, not text; skipped",
    ]
    assert res.files_skipped == 2


def test_a_saved_pages_files_folder_is_one_counted_line(tmp_path):
    """"Save page as" writes story.html and story_files/ (scripts, styles, images): each
    was a line of its own ('unknown file format .js', 'binary file'...)."""
    write(tmp_path / "story.html", f"<html><head><title>Ferry</title></head><body><article><p>{BODY}</p></article></body></html>")
    for name, data in (("app.js", b"var x = 1;"), ("site.css", b"body {}"), ("img/logo.png", b"\x89PNG\r\n\x1a\n\x00")):
        write(tmp_path / "story_files" / name, data)
    write(tmp_path / "other_files" / "note.txt", BODY)  # no other.html beside it: read
    res = read([tmp_path])
    assert sorted(Path(a.id).name for a in res.articles) == ["note.txt", "story.html"]
    assert messages(res) == [
        f"{tmp_path / 'story_files'}: the images, scripts and styles of the saved page story.html (3 files); skipped"
    ]
    assert res.skipped == {"page assets": 3} and res.items_read == 5


def test_an_archive_is_said_to_be_one(tmp_path):
    """A .zip or .tar of articles was 'binary file, not text': it says to unpack it.
    A zip under another name (a .docx) stays a binary file."""
    import tarfile
    import zipfile

    story = write(tmp_path / "src" / "story.txt", BODY)
    with zipfile.ZipFile(tmp_path / "articles.zip", "w") as z:
        z.write(story, "story.txt")
    with tarfile.open(tmp_path / "articles.tar.gz", "w:gz") as t:
        t.add(story, "story.txt")
    doc = write(tmp_path / "report.docx", (tmp_path / "articles.zip").read_bytes())
    res = read([tmp_path / "articles.zip", tmp_path / "articles.tar.gz", doc])
    assert messages(res) == [
        f"{tmp_path / 'articles.zip'}: a zip archive: unpack it and give its folder; skipped",
        f"{tmp_path / 'articles.tar.gz'}: a tar archive: unpack it and give its folder; skipped",
        f"{doc}: binary file, not text; skipped",
    ]
    assert res.skipped == {"archive": 2, "binary": 1}


def test_a_few_nul_bytes_do_not_make_a_text_binary(tmp_path):
    """One stray NUL (or NUL padding at the end, a log cut by a crash) made a whole .txt
    'binary' and skipped; now the NULs are removed with a count and the text is read.
    A real binary (scattered NULs among other control bytes) is still refused."""
    stray = write(tmp_path / "stray.txt", ("Bridge vote\n\n" + BODY).encode().replace(b"oil", b"o\x00il"))
    padded = write(tmp_path / "padded.txt", ("Padded\n\n" + BODY).encode() + b"\x00" * 3000)
    records = write(tmp_path / "r.jsonl", json.dumps({"id": "r1", "text": BODY}).encode().replace(b"gulf", b"g\x00\x00ulf"))
    packed = write(tmp_path / "packed.txt", b"".join(b"ab\x00\x00\x01\x00" + bytes([n]) for n in range(200)))
    only_nuls = write(tmp_path / "zeros.txt", b"\x00" * 100)
    res = read([stray, padded, records, packed, only_nuls])
    assert [a.title for a in res.articles] == ["Bridge vote", "Padded", ""]
    assert all("\x00" not in a.text for a in res.articles)
    assert "leaking oil into the gulf" in res.articles[0].text and "the gulf" in res.articles[2].text
    assert messages(res) == [
        f"{stray}: 1 NUL byte removed",
        f"{padded}: 3000 NUL bytes removed",
        f"{records}:1: 2 NUL bytes removed",
        f"{packed}: binary file, not text; skipped",
        f"{only_nuls}: binary file, not text; skipped",
    ]
    assert res.skipped == {"binary": 2}
    # a NUL written as JSON's "\u0000" is removed from a record's text with a line too
    escaped = write(tmp_path / "e.jsonl", json.dumps({"id": "e1", "text": "Divers\u0000 reached the ferry."}) + "\n")
    res = read([escaped])
    assert [a.text for a in res.articles] == ["Divers reached the ferry."]
    assert messages(res) == [f"{escaped}:1: 1 NUL character removed from the text"]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_text(tmp_path, codec):
    """Its NULs (every other byte) made it 'binary'; JSON lines in it are refused by name."""
    f = write(tmp_path / "wide.txt", ("Wide text\n\n" + BODY).encode(codec))
    j = write(tmp_path / "wide.jsonl", json.dumps({"text": BODY}).encode(codec))
    res = read([f, j])
    assert [a.title for a in res.articles] == ["Wide text"] and "gulf" in res.articles[0].text
    assert messages(res) == [f"{j}: UTF-16 text: JSON lines are read as UTF-8 (convert the file); skipped"]


def test_legacy_encoding_is_decoded(tmp_path):
    text = "Caf\u00e9 owners in Sa\u00f5 Tom\u00e9 said the na\u00efve plan would fail, according to se\u00f1or L\u00f3pez."
    f = write(tmp_path / "latin.txt", (text + "\n" + text).encode("cp1252"))
    res = read([f])
    assert res.problems == []
    assert "Caf\u00e9" in res.articles[0].text


def test_hopeless_encoding_is_a_problem(tmp_path, monkeypatch):
    import newsline.ingest.decode as decode

    monkeypatch.setattr(decode, "_guess", lambda data: None)  # no detector verdict
    f = write(tmp_path / "bad.txt", bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D]) * 3)
    res = read([f])
    assert res.articles == []
    assert messages(res) == [f"{f}: cannot decode the text (unknown encoding); skipped"]


def test_utf16_with_bom_is_read_and_junk_behind_a_bom_skipped(tmp_path):
    import random

    real = write(tmp_path / "real.txt", ("Title\n\n" + BODY).encode("utf-16"))  # BOM + UTF-16-LE
    rng = random.Random(7)
    junk_bytes = bytes(rng.randrange(256) for _ in range(3000))
    junk = write(tmp_path / "junk.txt", b"\xff\xfe" + junk_bytes.replace(b"\x00", b"\x01"))
    res = read([real, junk])
    assert [a.title for a in res.articles] == ["Title"]
    assert messages(res) == [f"{junk}: a UTF-16 byte-order mark, but the bytes are not UTF-16 text; skipped"]
    assert res.files_skipped == 1


def test_a_utf8_bom_on_damaged_utf8_or_on_cp1252_is_read(tmp_path):
    """A UTF-8 BOM before a few bad bytes is UTF-8 with U+FFFD (as without a BOM);
    before another charset's bytes it is dropped and the bytes read as without it."""
    text = "Caf\u00e9 owners in S\u00e3o Tom\u00e9 said the plan would fail, L\u00f3pez said."
    damaged = write(tmp_path / "damaged.txt", b"\xef\xbb\xbf" + (text + "\n" + text).encode() + b"\xe9")
    legacy = write(tmp_path / "legacy.txt", b"\xef\xbb\xbf" + (text + "\n" + text).encode("cp1252"))
    res = read([damaged, legacy])
    assert [a.text.count("Caf\u00e9") for a in res.articles] == [2, 2]
    assert "\ufffd" in res.articles[0].text and "\ufeff" not in res.articles[1].text
    assert messages(res) == [f"{damaged}: 1 invalid UTF-8 byte replaced with U+FFFD"]


def test_an_html_page_saved_as_txt_is_read_as_html(tmp_path):
    """``curl URL > page.txt``: the page's text and date, not its markup."""
    page = (
        '<!DOCTYPE html><html><head><meta property="article:published_time" '
        'content="2019-03-12T10:00:00Z"><title>Dam breaks | Gazette</title></head><body>'
        "<article><h1>Dam breaks</h1><p>The Tarn dam broke on Tuesday, flooding the valley "
        "below it, the harbour board said.</p></article></body></html>"
    )
    f = write(tmp_path / "page.txt", ("\ufeff" + page).encode())
    (a,) = read([f]).articles
    assert "<" not in a.text and "The Tarn dam broke on Tuesday" in a.text
    assert a.published == dt.date(2019, 3, 12)


def test_plausible_text_in_any_script():
    from newsline.ingest.decode import plausible

    for text in ("Plain English news.", "Ein Bericht \u00fcber M\u00fcnchen.", "\u4eca\u65e5\u306f\u6674\u308c\u3067\u3059\u3002",
                 "\u041d\u043e\u0432\u043e\u0441\u0442\u0438 \u0434\u043d\u044f", "tabs\tand\nlines\r\n"):
        assert plausible(text * 50)
    assert not plausible("\ue000\ue001 private use" * 20)
    assert not plausible("text \x01\x02\x03\x04 controls" * 20)


def test_empty_file(tmp_path):
    f = write(tmp_path / "empty.txt", "  \n")
    res = read([f])
    assert messages(res) == [f"{f}: file is empty; skipped"]


def test_input_files_are_not_modified(tmp_path):
    f = write(tmp_path / "a.txt", "Title\r\n\r\n" + BODY)
    before = f.read_bytes()
    read([f])
    assert f.read_bytes() == before


# --- records -------------------------------------------------------------


def test_jsonl_fields_and_malformed_line(tmp_path):
    lines = [
        json.dumps({"id": "a1", "title": "T", "text": BODY, "url": "u", "source": "s", "time": "2010-05-24"}),
        "{not json",
        json.dumps({"body": BODY, "published": "2010-05-25T23:30:00-05:00"}),
        json.dumps({"id": "a3", "title": "no text"}),
        "",
        json.dumps({"id": 7, "content": BODY, "pub_date": "20100526"}),
    ]
    f = write(tmp_path / "news.jsonl", "\n".join(lines) + "\n")
    res = read([f])
    got = [(a.id, a.published, a.date_source, a.origin) for a in res.articles]
    assert got == [
        ("a1", D(2010, 5, 24), "field", f"{f}:1"),
        ("news:3", D(2010, 5, 25), "field", f"{f}:3"),
        ("7", D(2010, 5, 26), "field", f"{f}:6"),
    ]
    assert (res.articles[0].title, res.articles[0].url, res.articles[0].source) == ("T", "u", "s")
    where = [p.where for p in res.problems]
    assert where == [f"{f}:2", f"{f}:4"]
    assert "malformed JSON" in res.problems[0].message
    assert "no text" in res.problems[1].message


def test_jsonl_gz_and_strict(tmp_path):
    f = tmp_path / "a.jsonl.gz"
    with gzip.open(f, "wt", encoding="utf-8") as out:
        out.write(json.dumps({"id": "x", "text": BODY, "time": "2011-02-11"}) + "\n")
        out.write("[1, 2\n")
    res = read([f])
    assert [a.id for a in res.articles] == ["x"]
    with pytest.raises(InputError, match=r"a\.jsonl\.gz:2: malformed JSON"):
        read([f], strict=True)


def test_json_list_and_articles_object(tmp_path):
    a = write(tmp_path / "list.json", json.dumps([{"id": "1", "text": BODY}, {"id": "2", "text": BODY + "!"}]))
    b = write(tmp_path / "obj.json", json.dumps({"articles": [{"text": BODY, "date": "2010-05-24"}]}))
    res = read([a, b])
    assert [x.id for x in res.articles] == ["1", "2", "obj:1"]
    assert res.articles[2].published == D(2010, 5, 24)


def test_csv_with_header(tmp_path):
    content = 'id,title,body,date\nc1,"Spill, day 1","' + BODY + '",2010-04-21\nc2,,,2010-04-22\n'
    f = write(tmp_path / "export.csv", content)
    res = read([f])
    (a,) = res.articles
    assert (a.id, a.title, a.text, a.published) == ("c1", "Spill, day 1", BODY, D(2010, 4, 21))
    assert [p.where for p in res.problems] == [f"{f}:4"]  # the quoted body spans lines 2-3


def test_duplicate_ids_are_suffixed(tmp_path):
    lines = [json.dumps({"id": "x", "text": f"{i} {BODY}"}) for i in range(3)]
    f = write(tmp_path / "d.jsonl", "\n".join(lines))
    res = read([f])
    assert [a.id for a in res.articles] == ["x", "x#2", "x#3"]
    assert res.renamed_ids == 2 and len(res.notes) == 2 and res.problems == []


def test_unknown_extension_is_sniffed_never_read_as_text(tmp_path):
    f = write(tmp_path / "article.dat", "Leak continues\n\n" + BODY)
    g = write(tmp_path / "records.out", json.dumps({"id": "r", "text": BODY}) + "\n")
    res = read([f, g])
    # records are recognised by their content; prose with an unknown suffix is not an article
    assert [(a.id, a.title) for a in res.articles] == [("r", "")]
    assert messages(res) == [f"{f}: unknown file format '.dat', not read as text; skipped"]


# --- HTML ----------------------------------------------------------------

HTML = """<!DOCTYPE html>
<html><head><title>Cap holds on Gulf well | Example News</title>
<meta property="og:title" content="Cap holds on Gulf well">
<meta property="article:published_time" content="2010-07-15T10:00:00Z">
<link rel="canonical" href="https://example.org/2010/cap-holds">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Cap holds on Gulf well</h1>
<p>Engineers said on Thursday that the new cap on the damaged well was holding and that no oil
was leaking into the Gulf of Mexico for the first time since April.</p>
<p>The company cautioned that the test could still be stopped if pressure readings fell, and
officials said the relief wells remained the permanent solution to the leak.</p>
<p>Residents along the coast greeted the news with cautious relief after three months of oil.</p>
</article><footer>All rights reserved</footer></body></html>"""


def test_html_page(tmp_path):
    f = write(tmp_path / "cap.html", HTML)
    res = read([f])
    (a,) = res.articles
    assert "Cap holds on Gulf well" in a.title
    assert "new cap on the damaged well was holding" in a.text
    assert "Home" not in a.text
    assert a.url == "https://example.org/2010/cap-holds"
    assert (a.published, a.date_source) == (D(2010, 7, 15), "html")


def test_html_without_date_falls_back_to_path(tmp_path):
    page = HTML.replace('<meta property="article:published_time" content="2010-07-15T10:00:00Z">', "")
    write(tmp_path / "2010-07-16" / "cap.htm", page)
    (a,) = read([tmp_path]).articles
    assert (a.published, a.date_source) == (D(2010, 7, 16), "path")


# --- stdin ---------------------------------------------------------------


class FakeStdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


def test_stdin_plain_text(monkeypatch):
    monkeypatch.setattr(sys, "stdin", FakeStdin(("Well capped\n\n" + BODY).encode()))
    (a,) = read(["-"], default_date=D(2010, 7, 15)).articles
    assert (a.id, a.title, a.text, a.origin) == ("stdin", "Well capped", BODY, "<stdin>")
    assert a.date_source == "cli"


def test_stdin_json_lines(monkeypatch):
    data = "\n".join(json.dumps({"text": f"{i} {BODY}", "time": "2010-05-24"}) for i in range(2))
    monkeypatch.setattr(sys, "stdin", FakeStdin(data.encode()))
    res = read(["-"])
    assert [a.id for a in res.articles] == ["stdin:1", "stdin:2"]
    assert res.articles[0].origin == "<stdin>:1"


def test_progress_wraps_file_list(tmp_path):
    write(tmp_path / "a.txt", BODY)
    seen = []

    def progress(items):
        items = list(items)
        seen.extend(items)
        return items

    read([tmp_path], progress=progress)
    assert len(seen) == 1


def test_jsonl_line_in_another_encoding_is_read_and_a_broken_one_named(tmp_path):
    good = json.dumps(
        {"id": "cafe", "text": "Le café du port a rouvert mardi après les travaux.", "date": "2021-03-02"},
        ensure_ascii=False,
    ).encode("cp1252")
    broken = '{"id": "b", "text": "Un café sans fin'.encode("cp1252")
    f = tmp_path / "mixed.jsonl"
    f.write_bytes(good + b"\n" + broken + b"\n")
    res = read([f])
    (a,) = res.articles
    assert a.id == "cafe" and "café du port" in a.text
    assert [str(p) for p in res.problems] and "mixed.jsonl:2" in str(res.problems[0])
    assert "malformed JSON line" in str(res.problems[0])

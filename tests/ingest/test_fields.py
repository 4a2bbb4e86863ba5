"""Field mapping for CSV, JSON and JSON lines: synonyms, --field, dialects, date order."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from newsline.ingest import read
from newsline.ingest.formats.fields import decide_dayfirst, parse_field_option
from newsline.ingest.options import ReadOptions

D = dt.date
BODY = "The council approved the new harbour budget after a long debate on Monday."


def messages(result) -> list[str]:
    return [str(p) for p in result.problems]


def test_semicolon_csv_with_day_first_dates_and_quoted_newlines(tmp_path):
    f = tmp_path / "export.csv"
    f.write_text(
        "Headline;Article Body;Publish Date;Permalink\n"
        f'Budget passes;"{BODY}\nA second paragraph; with a semicolon.";03/04/2019;http://a.test/1\n'
        f"Ferry returns;{BODY};25/04/2019 14:30;http://a.test/2\n",
        encoding="utf-8",
    )
    res = read([f])
    assert res.problems == []
    got = [(a.title, a.published, a.url) for a in res.articles]
    # 25/04 can only be day-first, so 03/04 in the same file is 3 April
    assert got == [("Budget passes", D(2019, 4, 3), "http://a.test/1"),
                   ("Ferry returns", D(2019, 4, 25), "http://a.test/2")]  # fmt: skip
    assert res.articles[0].text.endswith("A second paragraph; with a semicolon.")


def test_month_first_file_and_forcing_the_order(tmp_path):
    f = tmp_path / "us.csv"
    f.write_text(f"title,body,date\nA,{BODY},03/04/2019\nB,{BODY},12/25/2019\n", encoding="utf-8")
    assert [a.published for a in read([f]).articles] == [D(2019, 3, 4), D(2019, 12, 25)]
    forced = read([f], options=ReadOptions(dayfirst=True))
    assert [a.published for a in forced.articles] == [D(2019, 4, 3), None]
    assert messages(forced) == [f"{f}:3: unreadable date '12/25/2019' in field 'date'; article kept undated"]


def test_tab_separated_with_csv_suffix(tmp_path):
    f = tmp_path / "tabs.csv"
    f.write_text(f"Title\tContent\tpubDate\nA\t{BODY}\t2019-05-01\n", encoding="utf-8")
    (a,) = read([f]).articles
    assert (a.title, a.text, a.published) == ("A", BODY, D(2019, 5, 1))


def test_json_synonyms_case_insensitive_and_timestamps(tmp_path):
    f = tmp_path / "a.jsonl"
    rows = [
        {"Headline": "Seconds", "article": BODY, "timestamp": 1552348800, "Outlet": "Gazette", "link": "u1"},
        {"headline": "Millis", "Body": BODY, "Timestamp": 1552435200000, "publisher": "Post"},
        {"title": "Nested", "content": BODY, "published_at": "2019-03-14T23:30:00-05:00",
         "source": {"name": "Wire"}},
    ]  # fmt: skip
    f.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    res = read([f])
    got = [(a.title, a.published, a.source, a.url) for a in res.articles]
    assert got == [
        ("Seconds", D(2019, 3, 12), "Gazette", "u1"),
        ("Millis", D(2019, 3, 13), "Post", ""),
        ("Nested", D(2019, 3, 14), "Wire", ""),
    ]


def test_field_option_maps_unusual_columns(tmp_path):
    f = tmp_path / "odd.csv"
    f.write_text(f"Kop,Tekst,Datum,Ref\nA,{BODY},12-03-2019,x1\n", encoding="utf-8")
    res = read([f])
    assert res.articles == []
    (msg,) = messages(res)
    assert msg.startswith(f"{f}: no text column among the columns 'Kop', 'Tekst', 'Datum', 'Ref';")
    assert "--field text=COLUMN" in msg
    fields = dict(
        parse_field_option(v) for v in ["text=tekst", "title=Kop", "date=Datum", "id=Ref"]
    )
    (a,) = read([f], options=ReadOptions(fields=fields, dayfirst=True)).articles
    assert (a.id, a.title, a.text, a.published) == ("x1", "A", BODY, D(2019, 3, 12))


def test_a_record_with_an_empty_text_column_falls_back_to_another(tmp_path):
    """A news-API export: ``content`` null in one record, its ``description`` given."""
    f = tmp_path / "api.json"
    records = [
        {"title": "Budget", "content": BODY, "description": "Short.", "publishedAt": "2019-04-02"},
        {"title": "Ferry", "content": None, "description": BODY, "publishedAt": "2019-04-03"},
        {"title": "Empty", "content": "", "description": " "},
    ]
    f.write_text(json.dumps({"articles": records}), encoding="utf-8")
    res = read([f])
    assert [a.text for a in res.articles] == [BODY, BODY]
    assert messages(res) == [f"{f}:3: record has no text; skipped"]
    # a --field text column is the text: no fallback
    forced = read([f], options=ReadOptions(fields={"text": "content"}))
    assert [a.title for a in forced.articles] == ["Budget"]
    # two columns whose names differ only in case: the second was never a fallback
    cased = tmp_path / "cased.csv"
    cased.write_text(f"Title,Text,date,text\nA,,2019-04-02,{BODY}\n", encoding="utf-8")
    res = read([cased])
    assert [a.text for a in res.articles] == [BODY] and res.problems == []


def test_an_excel_sep_line_names_the_delimiter(tmp_path):
    f = tmp_path / "excel.csv"
    f.write_text(
        f"sep=;\r\nHeadline;Article Body;Publish Date\r\nBudget passes;{BODY};2019-04-03\r\n"
        f'Ferry returns;"{BODY};2019-04-04\r\nFerry sails;{BODY};2019-04-05\r\n',
        encoding="utf-8-sig",
    )
    res = read([f])
    assert [(a.title, a.published) for a in res.articles] == [
        ("Budget passes", D(2019, 4, 3)),
        ("Ferry sails", D(2019, 4, 5)),
    ]
    assert [a.id for a in res.articles] == ["excel:3", "excel:5"]  # the file's line numbers
    assert messages(res)[0].startswith(f"{f}:4: unclosed quote")


def test_mongodb_export_values_are_unwrapped(tmp_path):
    f = tmp_path / "mongo.jsonl"
    rows = [
        {"_id": {"$oid": "5c7e"}, "text": BODY, "date": {"$date": "2019-03-05T10:00:00Z"}},
        {
            "_id": {"$oid": "5c7f"},
            "text": BODY,
            "date": {"$date": {"$numberLong": "1551866400000"}},
        },
    ]
    f.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    res = read([f])
    assert [(a.id, a.published) for a in res.articles] == [
        ("5c7e", D(2019, 3, 5)),
        ("5c7f", D(2019, 3, 6)),
    ]
    assert res.problems == []


def test_field_option_naming_a_missing_column(tmp_path):
    f = tmp_path / "a.json"
    f.write_text(json.dumps([{"text": BODY}]), encoding="utf-8")
    res = read([f], options=ReadOptions(fields={"date": "when"}))
    assert messages(res) == [f"{f}: --field date=when: no such column (columns: 'text'); file skipped"]


@pytest.mark.parametrize("bad", ["text", "colour=x", "text="])
def test_bad_field_option(bad):
    with pytest.raises(ValueError):
        parse_field_option(bad)


def test_decide_dayfirst():
    assert decide_dayfirst(["01/02/2019", "13/02/2019"]) is True
    assert decide_dayfirst(["01/02/2019", "02/13/2019"]) is False
    assert decide_dayfirst(["01.02.2019"]) is True
    assert decide_dayfirst(["01/02/2019", "2019-02-13", None, 5]) is None


def test_tick_counts_every_article_read(tmp_path):
    f = tmp_path / "many.jsonl"
    f.write_text("".join(json.dumps({"id": i, "text": BODY}) + "\n" for i in range(50)))
    g = tmp_path / "one.txt"
    g.write_text(BODY)
    ticks: list[int] = []
    res = read([f, g], options=ReadOptions(tick=ticks.append))
    assert len(res.articles) == 51 and sum(ticks) == 51


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Tuesday, March 5, 2019", D(2019, 3, 5)),
        ("March 5th, 2019 at 10:00", D(2019, 3, 5)),
        ("Tue 5th March 2019", D(2019, 3, 5)),
        ("Sept. 5, 2019", D(2019, 9, 5)),
        ("5 March, 2019", D(2019, 3, 5)),
        ("Sat 31st February 2019", None),
        ("Monday", None),
    ],
)
def test_written_dates_with_weekday_ordinal_or_abbreviation(value, expected):
    """Export columns write dates as people do; each of these was unreadable."""
    from newsline.ingest.dates import parse_date

    assert parse_date(value) == expected


def test_datum_and_fecha_are_date_columns(tmp_path):
    """German, Dutch and Spanish exports name the date column so; their articles went undated."""
    f = tmp_path / "export.csv"
    f.write_text(f"Titel;Text;Datum\nBrug;{BODY};05.03.2019\n", encoding="utf-8")
    g = tmp_path / "export.jsonl"
    g.write_text(json.dumps({"texto": "x", "text": BODY, "fecha": "2019-03-06"}) + "\n")
    assert [a.published for a in read([f, g]).articles] == [D(2019, 3, 5), D(2019, 3, 6)]


def test_a_record_file_with_no_record_is_said(tmp_path):
    """A CSV with only its header, ``[]``, ``{"articles": []}``: one line each, counted."""
    files = [tmp_path / "a.csv", tmp_path / "b.json", tmp_path / "c.json", tmp_path / "d.jsonl"]
    for f, content in zip(files, ["title,text\n", "[]", '{"articles": []}', "\n\n"], strict=True):
        f.write_text(content, encoding="utf-8")
    res = read([*files, tmp_path / "missing.csv"])
    said = [f"{f}: no records in the file; skipped" for f in files]
    assert [m for m in messages(res) if m in said] == said
    assert res.skipped["empty"] == 4



def test_a_csv_column_name_given_twice_is_said_once_and_the_first_non_empty_cell_taken(tmp_path):
    """With two 'text' columns the last silently won, so an export whose second 'text'
    column is mostly empty lost every article's text without a word."""
    f = tmp_path / "export.csv"
    f.write_text(
        "title,text,date,text,,\n"
        f"Both,{BODY},2019-04-03,A summary line.,,\n"
        f"Second only,,2019-04-04,{BODY},,\n"
        f"First only,{BODY},2019-04-05,,,\n",
        encoding="utf-8",
    )
    res = read([f])
    assert [(a.title, a.text) for a in res.articles] == [
        ("Both", BODY), ("Second only", BODY), ("First only", BODY),
    ]  # fmt: skip
    assert messages(res) == [
        f"{f}: column 'text' appears 2 times (columns 2, 4); each row takes the first non-empty of them"
    ]
    assert res.skipped == {}

"""Publication dates of HTML pages: URL, markup, date lines, <time>, and no evidence."""

from __future__ import annotations

import datetime as dt

import pytest

from newsline.ingest.pagedate import page_date, url_date
from newsline.ingest.pagedate.lines import shown_dates

D = dt.date
BODY = (
    "<p>Der Stadtrat hat am Montag nach langer Debatte den neuen Haushalt für den Hafen beschlossen.</p>"
    "<p>Die Opposition kündigte an, am 1. Juli 2019 erneut über die Gebühren abstimmen zu lassen.</p>"
)


def page(head: str = "", top: str = "", under: str = "", foot: str = "", title: str = "Hafen: Rat beschließt Haushalt") -> str:
    return (
        f"<!doctype html><html><head><title>{title} | Stadtblatt</title>{head}</head><body>"
        f"<nav>Start | Politik | Sport</nav><div class='logo'><h1>Stadtblatt</h1></div>{top}"
        f"<article><h1>{title}</h1>{under}{BODY}</article><footer>{foot}</footer></body></html>"
    )


def test_german_date_line_under_the_headline():
    assert page_date(page(under="<p class='meta'>Stand: 12.03.2019, 14:05 Uhr</p>")) == D(2019, 3, 12)
    assert page_date(page(under="<div>Von Anna Berg | 12. März 2019</div>")) == D(2019, 3, 12)


def test_shown_date_line_wins_over_markup_of_the_next_day():
    meta = '<meta property="article:published_time" content="2019-03-13T01:30:00+00:00">'
    html = page(head=meta, under="<p>Veröffentlicht am 12. März 2019</p>")
    assert page_date(html) == D(2019, 3, 12)
    assert page_date(page(head=meta)) == D(2019, 3, 13)  # markup alone is evidence


def test_english_byline_and_time_element():
    html = page(
        title="Council passes harbour budget",
        under='<p>By Jane Field</p><p><time datetime="2018-10-02T09:00:00Z">Tuesday</time></p>',
    )
    assert page_date(html) == D(2018, 10, 2)
    html = page(title="Council passes harbour budget", under="<p>Published 12 March 2019</p>")
    assert page_date(html) == D(2019, 3, 12)


def test_url_date():
    assert url_date("https://news.test/2016/12/23/python-release/") == D(2016, 12, 23)
    assert url_date("https://news.test/article-20190312-budget.html") == D(2019, 3, 12)
    assert url_date("https://news.test/2016/13/40/x") is None
    assert page_date(page(), url="https://news.test/2016/12/23/x") == D(2016, 12, 23)


def test_no_evidence_no_date():
    # a date inside a sentence of the article, a modification date, a copyright line
    html = page(foot="© 2020 Stadtblatt. Letzte Änderung: 04.11.2020")
    assert page_date(html) is None


def test_modification_date_is_not_the_date_line():
    html = page(under="<p>Letzte Änderung: 04.11.2020</p><p>Erschienen am: 01.11.2020</p>")
    assert page_date(html) == D(2020, 11, 1)


@pytest.mark.parametrize(
    "text,want",
    [
        ("Stand: 12.03.2019", D(2019, 3, 12)),
        ("Mittwoch, 31. Oktober 2018", D(2018, 10, 31)),
        ("le 30 septembre 2018", D(2018, 9, 30)),
        ("Updated Mar 12, 2020 @ 10:42 am", D(2020, 3, 12)),
        ("2019-03-12 10:20", D(2019, 3, 12)),
        ("29.04.20, 12:01 Uhr", D(2020, 4, 29)),
    ],
)
def test_shown_date_formats(text, want):
    (found,) = shown_dates(text)
    assert found.date == want


def test_cues_and_warnings():
    (a,) = shown_dates("Veröffentlicht am 12.03.2019")
    assert a.cue and a.label and not a.warn and a.alone
    (b,) = shown_dates("This page was last modified on 4 November 2020, at 19:23.")
    assert b.warn and b.timed
    (c,) = shown_dates("Die Frist läuft bis zum 1. Juli 2019, sagte der Sprecher am Montag vor Journalisten.")
    assert c.warn and not c.alone


def test_schema_org_date_published():
    ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "2019-03-12T08:00:00+01:00", "dateModified": "2020-01-02T10:00:00+01:00"}'
        "</script>"
    )
    assert page_date(page(head=ld)) == D(2019, 3, 12)


def test_structured_dates_published_and_modified():
    import lxml.html

    from newsline.ingest.pagedate.features import structured_dates

    doc = lxml.html.document_fromstring(
        '<html><head><meta property="article:published_time" content="2018-05-04T10:00:00Z">'
        '<meta property="article:modified_time" content="2018-06-01">'
        '<script type="application/ld+json">[{"@graph": [{"datePublished": "2018-05-03"}]}]</script>'
        '</head><body><span itemprop="dateModified" content="2018-07-09"></span></body></html>'
    )
    found = structured_dates(doc)
    assert found.published == {D(2018, 5, 4), D(2018, 5, 3)}
    assert found.modified == {D(2018, 6, 1), D(2018, 7, 9)}
    assert found.schema == {D(2018, 5, 3)} and found.og == {D(2018, 5, 4)}


def test_weekday_and_update_labels():
    (found,) = shown_dates("Mittwoch, 31. Oktober 2018")
    assert found.weekday
    (found,) = shown_dates("Dienstag, 31. Oktober 2018")  # not that date's weekday
    assert not found.weekday
    (found,) = shown_dates("Aktualisiert am 04.11.2020")
    assert found.updated and not found.label


def test_the_model_abstains_below_break_even():
    from newsline.ingest.pagedate.core import _model, choose

    weights = {"a": 1.0, "b": -1.0}
    # logistic(1.0) = 0.73 clears 2/3; logistic(0.5) = 0.62 does not
    assert choose({D(2020, 1, 1): {"a": 1.0}}, weights, 2 / 3) == D(2020, 1, 1)
    assert choose({D(2020, 1, 1): {"a": 0.5}}, weights, 2 / 3) is None
    assert choose({}, weights, 2 / 3) is None
    model = _model()  # the shipped model knows every feature the candidates have
    from newsline.ingest.pagedate.features import FEATURES

    assert set(model["weights"]) == set(FEATURES) and 0.5 < model["threshold"] < 1

"""HTML pages through trafilatura and htmldate: boilerplate out, body, title, URL and date right.

The pages are written for these tests: a news site page with a cookie
banner, menus, related links, a comment section and a footer around an
``<article>``, dated by JSON-LD; a blog-style page dated by
``article:published_time``; and tiny pages for the fallback extractor.
"""

from __future__ import annotations

import datetime as dt

import pytest

from newsline.ingest import read
from newsline.ingest.formats import html as html_module
from newsline.ingest.formats.html import parse_html

BODY = [
    "Engineers drilling a relief well in the Gulf of Mexico intercepted the damaged Macondo well "
    "on Thursday evening, more than two miles below the sea floor, federal officials said.",
    "The interception allows crews to pump heavy mud and cement into the bottom of the well, a "
    "procedure the national incident commander described as the final step needed to kill the "
    "well permanently.",
    "\u201cWe are very close to the end of this,\u201d the commander told reporters at a briefing in "
    "New Orleans, adding that the cement would be tested under pressure before the well was "
    "declared dead.",
    "Fishermen along the Louisiana coast, many of whom have been out of work since the explosion "
    "in April, said they would wait for the final confirmation before celebrating.",
]

NEWS_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Relief well reaches leaking Gulf well | Coastal Herald</title>
<meta property="og:title" content="Relief well reaches leaking Gulf well">
<meta property="og:site_name" content="Coastal Herald">
<meta property="og:url" content="https://herald.example.com/news/2010/09/relief-well">
<meta property="og:type" content="article">
<meta name="description" content="Engineers finished the relief well.">
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Relief well reaches leaking Gulf well",
 "datePublished": "2010-09-17T08:30:00-05:00",
 "dateModified": "2010-09-21T11:00:00-05:00",
 "author": {"@type": "Person", "name": "Dana Reyes"}}
</script>
<script>window.dataLayer = window.dataLayer || []; var trackingId = "X-1";</script>
<style>body { font-family: serif; } .cookie-consent { position: fixed; }</style>
</head>
<body>
<div id="cookie-banner" class="cookie-consent" role="dialog">
  <p>We use cookies to improve your experience. By continuing to browse you accept our cookie policy.</p>
  <button>Accept all cookies</button> <a href="/cookies">Manage preferences</a>
</div>
<header class="site-header">
  <a class="logo" href="/">Coastal Herald</a>
  <nav class="main-menu"><ul>
    <li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>
    <li><a href="/business">Business</a></li><li><a href="/opinion">Opinion</a></li>
    <li><a href="/weather">Weather</a></li>
  </ul></nav>
  <form class="search" action="/search"><input name="q" placeholder="Search the Herald"></form>
</header>
<main>
<nav class="breadcrumbs"><a href="/">Home</a> &gt; <a href="/news">News</a> &gt; Gulf spill</nav>
<article class="story">
  <h1>Relief well reaches leaking Gulf well</h1>
  <p>{0}</p>
  <p>{1}</p>
  <p>{2}</p>
  <p>{3}</p>
  <div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a></div>
</article>
<aside class="related"><h2>Related stories</h2><ul>
  <li><a href="/a">Cap holds on Gulf well as pressure rises</a></li>
  <li><a href="/b">Oil company sets up twenty billion dollar claims fund</a></li>
</ul></aside>
<section id="comments" class="comments">
  <h2>Comments (2)</h2>
  <div class="comment"><p>Gulfwatcher wrote: About time, they should have drilled this months ago.</p></div>
  <div class="comment"><p>NolaMike wrote: I will believe it when the shrimp come back to the bayou.</p></div>
  <form class="comment-form"><textarea>Join the discussion</textarea></form>
</section>
</main>
<footer class="site-footer">
  <p>Copyright 2010 Coastal Herald Media. All rights reserved.</p>
  <ul><li><a href="/privacy">Privacy policy</a></li><li><a href="/terms">Terms of use</a></li>
  <li><a href="/contact">Contact us</a></li></ul>
</footer>
</body></html>
""".replace("{0}", BODY[0]).replace("{1}", BODY[1]).replace("{2}", BODY[2]).replace("{3}", BODY[3])

BOILERPLATE = [
    "cookies",
    "Accept all",
    "Sport",
    "Weather",
    "Search the Herald",
    "Home",
    "Share on",
    "Related stories",
    "claims fund",
    "Comments (2)",
    "Gulfwatcher",
    "shrimp",
    "Join the discussion",
    "All rights reserved",
    "Privacy policy",
    "Contact us",
    "dataLayer",
    "font-family",
    "Engineers finished the relief well",  # meta description
]

BLOG_PAGE = """<html><head>
<title>Residents return to Grand Isle beaches - Bayou Notes</title>
<meta property="article:published_time" content="2010-08-02T14:05:00+00:00">
<meta property="article:modified_time" content="2011-01-10T09:00:00+00:00">
<link rel="canonical" href="https://bayounotes.example.org/2010/08/grand-isle-beaches/">
</head><body>
<div class="cookie-notice">This site uses cookies. <a href="#">OK</a></div>
<div id="sidebar"><h3>Archives</h3><ul><li><a href="/2010/07/">July 2010</a></li>
<li><a href="/2010/06/">June 2010</a></li></ul>
<h3>Subscribe</h3><p>Get new posts by email. Sign up for our weekly newsletter today.</p></div>
<div class="post">
<h2 class="entry-title">Residents return to Grand Isle beaches</h2>
<div class="entry-content">
<p>Grand Isle reopened its beaches to swimmers on Monday for the first time since oil from the
ruptured well washed ashore in May, the town's mayor announced at a news conference.</p>
<p>Cleanup crews will remain on the sand through the end of the month, and health officials said
they would keep testing the water twice a week until the end of the summer season.</p>
<p>Business owners said bookings for the Labor Day weekend were still far below last year's
numbers, but several rental companies reported a steady rise in calls since the cap held.</p>
</div>
</div>
<div id="comments"><h3>4 Responses to \u201cResidents return\u201d</h3>
<ol class="commentlist">
<li class="comment"><p>Great news for the island, we are booking our trip this week.</p></li>
<li class="comment"><p>Still would not let my kids swim there until next year honestly.</p></li>
</ol>
<div id="respond"><h3>Leave a Reply</h3><form><textarea></textarea></form></div>
</div>
<div class="footer">Powered by WordPress | Theme by Example</div>
</body></html>"""


def test_news_page_main_text_without_boilerplate():
    page = parse_html(NEWS_PAGE)
    for paragraph in BODY:
        assert paragraph in page.text
    for furniture in BOILERPLATE:
        assert furniture not in page.text, furniture
    # the body paragraphs come in order, one per line
    lines = page.text.split("\n")
    assert [lines.index(p) for p in BODY] == sorted(lines.index(p) for p in BODY)


def test_news_page_metadata():
    page = parse_html(NEWS_PAGE)
    assert page.title == "Relief well reaches leaking Gulf well"  # no " | Coastal Herald"
    assert page.url == "https://herald.example.com/news/2010/09/relief-well"
    assert page.site == "Coastal Herald"
    # JSON-LD datePublished, not dateModified
    assert page.published == dt.date(2010, 9, 17)


def test_blog_page():
    page = parse_html(BLOG_PAGE)
    assert "Grand Isle reopened its beaches to swimmers on Monday" in page.text
    assert "steady rise in calls since the cap held." in page.text
    for furniture in ["cookies", "Archives", "July 2010", "newsletter", "booking our trip",
                      "kids swim", "Responses", "Leave a Reply", "WordPress"]:
        assert furniture not in page.text, furniture
    assert page.title == "Residents return to Grand Isle beaches"
    assert page.url == "https://bayounotes.example.org/2010/08/grand-isle-beaches/"
    assert page.published == dt.date(2010, 8, 2)  # published, not modified


def test_read_html_file(tmp_path):
    path = tmp_path / "relief-well.html"
    path.write_text(NEWS_PAGE, encoding="utf-8")
    (a,) = read([path]).articles
    assert a.title == "Relief well reaches leaking Gulf well"
    assert a.url == "https://herald.example.com/news/2010/09/relief-well"
    assert a.source == "Coastal Herald"
    assert (a.published, a.date_source) == (dt.date(2010, 9, 17), "html")
    assert BODY[2] in a.text and "Gulfwatcher" not in a.text


def test_tiny_page():
    page = parse_html(
        "<html><head><title>Note</title></head><body><p>Short note about the well.</p></body></html>"
    )
    assert (page.text, page.title, page.url, page.published) == (
        "Short note about the well.", "Note", "", None
    )


@pytest.mark.parametrize("failure", ["nothing", "error"])
def test_simple_extractor_when_trafilatura_finds_nothing(monkeypatch, failure):
    import trafilatura

    def bare_extraction(*args: object, **kwargs: object) -> None:
        if failure == "error":
            raise ValueError("parser error")
        return None

    monkeypatch.setattr(trafilatura, "bare_extraction", bare_extraction)
    page = parse_html(NEWS_PAGE)
    assert BODY[0] in page.text
    # the fallback keeps only <article>/<main> text outside nav/header/footer/aside/form
    assert "Weather" not in page.text and "All rights reserved" not in page.text
    assert page.title == "Relief well reaches leaking Gulf well"
    assert page.url == "https://herald.example.com/news/2010/09/relief-well"
    assert page.published == dt.date(2010, 9, 17)  # htmldate does not depend on trafilatura


def test_simple_extractor_without_trafilatura(monkeypatch):
    monkeypatch.setattr(html_module, "_import_trafilatura", lambda: None)
    page = parse_html(BLOG_PAGE)
    assert "Grand Isle reopened its beaches" in page.text
    assert page.url == "https://bayounotes.example.org/2010/08/grand-isle-beaches/"
    assert page.published == dt.date(2010, 8, 2)

"""Fetching URLs and feed entries from a real HTTP server on localhost."""

from __future__ import annotations

import datetime as dt
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newsline.ingest import read
from newsline.ingest.fetch import Fetcher, FetchError, FetchSettings
from newsline.ingest.options import ReadOptions

PAGE = """<!doctype html><html><head><title>{t}</title>
<meta property="article:published_time" content="2019-03-12T08:00:00Z"></head>
<body><article><h1>{t}</h1><p>The bridge over the river was closed on Tuesday after engineers found cracks in two of its piers.</p>
<p>The city council said the repairs would take at least three months to complete.</p></article></body></html>"""


class Site(BaseHTTPRequestHandler):
    hits: list[tuple[str, float]] = []
    flaky_left = 0

    def log_message(self, *args):  # keep test output quiet
        pass

    def do_GET(self):
        Site.hits.append((self.path, time.monotonic()))
        port = self.server.server_address[1]
        if self.path == "/flaky" and Site.flaky_left > 0:
            Site.flaky_left -= 1
            self.send_response(503)
            self.send_header("Retry-After", "0")
            self.end_headers()
            return
        if self.path in ("/bridge", "/flaky", "/entry"):
            body, ctype = PAGE.format(t="Bridge closed").encode(), "text/html; charset=utf-8"
        elif self.path == "/feed":
            body = (
                f'<?xml version="1.0"?><rss version="2.0"><channel><title>City News</title>'
                f"<item><title>Bridge closed</title><link>http://127.0.0.1:{port}/entry</link>"
                f"<pubDate>Tue, 12 Mar 2019 09:00:00 GMT</pubDate></item></channel></rss>"
            ).encode()
            ctype = "application/rss+xml"
        else:
            self.send_response(404)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def site():
    Site.hits = []
    Site.flaky_left = 0
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def opts(tmp_path, **kw) -> ReadOptions:
    settings = FetchSettings(cache_dir=tmp_path / "cache", delay=kw.pop("delay", 0.0), timeout=5)
    return ReadOptions(fetch_settings=settings, **kw)


def test_url_input_is_fetched_and_cached(site, tmp_path):
    url = f"{site}/bridge"
    res = read([url], options=opts(tmp_path))
    (a,) = res.articles
    assert a.title == "Bridge closed" and a.published == dt.date(2019, 3, 12)
    assert a.origin == url and a.id == url
    assert "cracks in two of its piers" in a.text
    # a second read (a new run) is served from the on-disk cache
    again = read([url], options=opts(tmp_path))
    assert [x.text for x in again.articles] == [a.text]
    assert [p for p, _ in Site.hits] == ["/bridge"]


def test_retries_then_succeeds(site, tmp_path):
    Site.flaky_left = 2
    fetcher = Fetcher(FetchSettings(cache_dir=None, delay=0.0, retries=2, timeout=5))
    response = fetcher.get(f"{site}/flaky")
    assert b"Bridge closed" in response.data
    assert [p for p, _ in Site.hits] == ["/flaky"] * 3


def test_gives_up_and_reports_one_line(site, tmp_path):
    res = read([f"{site}/missing", f"{site}/bridge"], options=opts(tmp_path))
    assert len(res.articles) == 1
    assert [str(p) for p in res.problems] == [f"{site}/missing: cannot fetch: HTTP 404 Not Found; skipped"]
    with pytest.raises(FetchError, match="gave up after 1 attempts"):
        Fetcher(FetchSettings(cache_dir=None, retries=0, timeout=2)).get("http://127.0.0.1:9/x")


def test_per_host_delay(site, tmp_path):
    fetcher = Fetcher(FetchSettings(cache_dir=None, delay=0.3, timeout=5))
    t0 = time.monotonic()
    for path in ("/bridge", "/entry", "/flaky"):
        fetcher.get(site + path)
    elapsed = time.monotonic() - t0
    n = len(Site.hits)
    assert n >= 3
    # Timed on the client: between two requests to one host it waits the delay, so the
    # run lasts at least (n - 1) delays however loaded the machine (the server's own
    # receipt times carry its scheduling jitter, which made this flaky).
    assert elapsed >= (n - 1) * 0.3


def test_feed_entries_without_text_fetched_only_when_asked(site, tmp_path):
    feed = f"{site}/feed"
    res = read([feed], options=opts(tmp_path))
    assert res.articles == []
    assert "1 of 1 feed entries have no text; skipped (--fetch" in str(res.problems[0])
    assert [p for p, _ in Site.hits] == ["/feed"]
    res = read([feed], options=opts(tmp_path, fetch=True))
    (a,) = res.articles
    assert a.url == f"{site}/entry" and a.source == "City News"
    assert a.published == dt.date(2019, 3, 12) and a.date_source == "feed"
    assert "repairs would take at least three months" in a.text
    assert [p for p, _ in Site.hits] == ["/feed", "/entry"]  # the feed itself came from the cache

from __future__ import annotations

import re
from html.parser import HTMLParser

from newsline.model import Timeline
from newsline.render import html

VOID = {"meta", "link", "br", "img", "hr", "input", "wbr", "source"}


class _Checker(HTMLParser):
    """Checks that tags nest properly and collects attributes and visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.attrs: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.attrs.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unexpected </{tag}> with open {self.stack[-3:]}")
        else:
            self.stack.pop()

    def handle_data(self, data):
        if self.stack and self.stack[-1] not in ("style", "script"):
            self.text.append(data)


def parse(page: str) -> _Checker:
    checker = _Checker()
    checker.feed(page)
    checker.close()
    return checker


def test_well_formed_and_self_contained(timeline):
    page = html.render(timeline)
    checker = parse(page)
    assert checker.errors == [] and checker.stack == []
    assert page.startswith("<!doctype html>")
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert "prefers-color-scheme: dark" in page and "@media print" in page
    # nothing is fetched: no external stylesheets, scripts, images or fonts
    for tag, attrs in checker.attrs:
        assert tag not in ("link", "img", "iframe"), tag
        assert "src" not in attrs, tag
    assert "@import" not in page and "url(" not in page


def test_header_facts_and_notes(timeline):
    text = " ".join(" ".join(parse(html.render(timeline)).text).split())
    assert "The Tessaly River spill" in text
    assert "Articles 41" in text and "Published 2026-09-03 to 2026-11-18" in text
    assert "Query spill, varnell" in text
    assert "1 article had no publication date" in text


def test_entries_in_order_with_markers_and_sources(timeline):
    page = html.render(timeline)
    assert re.findall(r'<time datetime="([^"]+)">', page) == ["2026-09-03", "2026-09-10", "2026-10"]
    assert "Thursday 3 September 2026" in page and "October 2026" in page
    assert '<span class="gap">7 days later</span>' in page
    # each sourced sentence links to its item in the entry's <details>
    for anchor in re.findall(r'<a class="cite" href="#([^"]+)"', page):
        assert f'<li id="{anchor}">' in page
    assert '<summary>2 sources</summary>' in page
    assert 'href="https://gazette.example/a/1"' in page
    assert "published 2026-09-04" in page and "characters 0&ndash;96" in page
    assert "<code>courier-0911</code>" in page


def test_all_text_escaped_and_unsafe_urls_dropped(timeline):
    page = html.render(timeline)
    assert "Hearings ran through October &lt;b&gt;&amp;&lt;/b&gt; &quot;beyond&quot;." in page
    assert "Residents &lt;meet&gt; &amp; talk" in page
    assert "javascript:" not in page
    assert "<b>&</b>" not in page


def test_title_is_escaped_and_empty_timeline_renders():
    page = html.render(Timeline((), meta={"title": "A <script>x</script> title"}))
    assert "<title>A &lt;script&gt;x&lt;/script&gt; title</title>" in page
    assert "This timeline has no entries." in page
    assert parse(page).errors == []

"""The page in a real browser: the real server on a free port, Debian's chromium via Playwright.

Uploads, search, source reading, exclusion, saved timelines and exports at desktop
(1280x800) and phone (390x844) size, light and dark; a hostile article runs nothing.
Screenshots go to the test's temporary folder.
"""

from __future__ import annotations

import json
import shutil
import socket
import threading
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

sync_api = pytest.importorskip("playwright.sync_api", reason="the browser tests need playwright")
uvicorn = pytest.importorskip("uvicorn", reason="the browser tests need uvicorn")

from webstory import HOSTILE, STORY, story_files  # noqa: E402

from newsline.web.app import create_app  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
pytestmark = pytest.mark.skipif(
    shutil.which(CHROMIUM) is None, reason=f"{CHROMIUM} not installed (apt-get install chromium; .ci/system.sh does)"
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """The app on uvicorn in a thread, on 127.0.0.1 and a free port."""

    def __init__(self, store: Path, token: str | None = None) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(create_app(store, token=token), host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    with Server(tmp_path / "store") as s:
        yield s


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def files(tmp_path: Path) -> Path:
    folder = tmp_path / "upload"
    folder.mkdir()
    for name, data in story_files():
        (folder / name).write_bytes(data)
    return folder


def _page(browser, server: Server, viewport: dict, scheme: str = "light"):  # type: ignore[no-untyped-def]
    # bypass_csp: the page must be safe by escaping alone (the CSP header is a second guard)
    page = browser.new_page(viewport=viewport, color_scheme=scheme, accept_downloads=True, bypass_csp=True)
    page.errors = []
    page.outside = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("request", lambda r: None if r.url.startswith((server.url, "data:", "blob:")) else page.outside.append(r.url))
    page.goto(server.url + "/")
    return page


def _upload(page, paths: list[Path], added: int) -> None:  # type: ignore[no-untyped-def]
    page.set_input_files("#files", [str(p) for p in paths])
    sync_api.expect(page.locator("#upload-status")).to_contain_text(f"Added {added} articles", timeout=30000)
    page.wait_for_selector(".entry[data-date]")


def _dates(page) -> list[str]:  # type: ignore[no-untyped-def]
    return page.eval_on_selector_all(".entry", "els => els.map(e => e.dataset.date)")


def test_desktop_upload_search_exclude_export(browser, server: Server, files: Path, tmp_path: Path) -> None:
    page = _page(browser, server, DESKTOP)
    sync_api.expect(page.locator("#store-info")).to_contain_text("0 articles")
    _upload(page, sorted(files.iterdir()), 6)
    assert all(len(d) == 10 for d in _dates(page))
    sync_api.expect(page.locator("#store-info")).to_contain_text("6 articles")
    assert page.locator("#chart-svg svg rect.vol").count() > 0
    page.screenshot(path=str(tmp_path / "desktop-uploaded.png"))

    page.fill("#q", "repair")
    page.press("#q", "Enter")
    sync_api.expect(page.locator("#tl-status")).to_contain_text("not saved")
    page.wait_for_function("document.querySelectorAll('.entry').length > 0")
    texts = page.locator(".entry .sents .text").all_inner_texts()
    assert texts and all("repair" in t.lower() for t in texts)
    marks = page.locator("#chart-svg g.mark").count()
    assert marks == len(_dates(page))
    assert page.locator(".gap").count() == len(_dates(page)) - 1
    assert page.locator(".gap").first.inner_text().endswith(("later", "day"))
    assert page.locator("#tl-index a").count() >= 1

    # read a source: the sentence is highlighted in its article
    first = page.locator(".entry .sents li").first
    sentence = first.locator(".text").inner_text()
    first.locator("button.source").click()
    sync_api.expect(page.locator("#reader-text mark")).to_have_text(sentence)

    # exclude the first date: the timeline is saved under a name and the date is gone
    before = _dates(page)
    page.fill("#tl-name", "repairs")
    page.locator(".entry").first.get_by_role("button", name="Exclude", exact=False).last.click()
    page.wait_for_function(f"!document.querySelector('.entry[data-date=\"{before[0]}\"]')")
    sync_api.expect(page.locator("#tl-status")).to_contain_text("saved as “repairs”")
    page.screenshot(path=str(tmp_path / "desktop-excluded.png"), full_page=True)

    # a new visit: open the saved timeline, the exclusion holds
    page.reload()
    page.wait_for_selector(".entry[data-date]")
    page.select_option("#saved", "repairs")
    sync_api.expect(page.locator("#q")).to_have_value("repair")
    page.wait_for_function("document.querySelector('#tl-status').textContent.includes('repairs')")
    assert before[0] not in _dates(page) and _dates(page) == before[1:]

    with page.expect_download() as dl:
        page.click(".exports button[data-format=timelinejs]")
    data = json.loads(Path(dl.value.path()).read_text())
    assert [f"{e['start_date']['year']}-{int(e['start_date']['month']):02d}-{int(e['start_date']['day']):02d}"
            for e in data["events"]] == before[1:]  # fmt: skip
    with page.expect_download() as dl:
        page.click(".exports button[data-format=csv]")
    assert dl.value.suggested_filename == "repairs.csv"
    assert not page.errors and not page.outside


def test_zip_and_folder_upload_and_own_line(browser, server: Server, files: Path, tmp_path: Path) -> None:
    page = _page(browser, server, DESKTOP)
    archive = tmp_path / "story.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for name, text in STORY.items():
            z.writestr(f"bridge/{name}", text)
    _upload(page, [archive], 4)
    page.set_input_files("#folder", str(files))
    sync_api.expect(page.locator("#upload-status")).to_contain_text("already in the store", timeout=30000)
    sync_api.expect(page.locator("#upload-status")).to_contain_text("Added 2 articles")  # the JSON lines file
    page.fill("#tl-name", "mine")
    page.fill("#own-date", "2025-07-04")
    page.fill("#own-text", "Our reporter walked across the bridge.")
    page.press("#own-text", "Enter")
    entry = page.locator('.entry[data-date="2025-07-04"]')
    # the line is saved with the timeline, which is then rebuilt: allow a loaded machine
    sync_api.expect(entry).to_contain_text("Our reporter walked across the bridge.", timeout=30000)
    sync_api.expect(entry).to_contain_text("your line")
    assert not page.errors and not page.outside


def test_phone_dark_reader_and_keyboard(browser, server: Server, files: Path, tmp_path: Path) -> None:
    page = _page(browser, server, PHONE, "dark")
    _upload(page, sorted(files.iterdir()), 6)
    width = page.evaluate("document.scrollingElement.scrollWidth")
    assert width <= PHONE["width"], f"page is {width}px wide on a {PHONE['width']}px phone"
    bg = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert bg == "rgb(21, 22, 20)", bg  # the dark palette
    page.screenshot(path=str(tmp_path / "phone-dark.png"))
    assert not page.locator("#reader").is_visible()  # the reader opens over the list on a phone
    page.locator(".entry button.source").first.click()
    sync_api.expect(page.locator("#reader")).to_be_visible()
    sync_api.expect(page.locator("#reader-text mark")).not_to_be_empty()
    page.screenshot(path=str(tmp_path / "phone-reader.png"))
    page.keyboard.press("Escape")
    sync_api.expect(page.locator("#reader")).to_be_hidden()
    # keyboard: j moves from entry to entry; every control has a name
    page.locator("#tl-title").click()
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.classList.contains('entry')")
    first = page.evaluate("document.activeElement.dataset.date")
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.dataset.date") > first
    unnamed = page.evaluate("""Array.from(document.querySelectorAll('input, select, button'))
        .filter(e => !e.closest('[hidden]') && !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.textContent.trim())
        .map(e => e.id || e.outerHTML)""")
    assert unnamed == []
    assert not page.errors


def test_hostile_article_runs_nothing(browser, server: Server, files: Path, tmp_path: Path) -> None:
    (files / "evil.txt").write_text(HOSTILE)
    page = _page(browser, server, DESKTOP)
    _upload(page, sorted(files.iterdir()), 7)
    entry = page.locator('.entry[data-date="2025-03-04"]')
    sync_api.expect(entry.locator("h3")).to_contain_text("<script>window.__pwned=1</script>")  # its title
    evil = entry.locator(".sents li", has_text="window.__pwned=3").first
    evil.locator("button.source").click()
    sync_api.expect(page.locator("#reader-title")).to_contain_text("<script>")
    sync_api.expect(page.locator("#reader-text")).to_contain_text('onerror="window.__pwned=4"')
    page.locator("#source").select_option(index=1)  # the source names (one of them hostile) as options
    page.screenshot(path=str(tmp_path / "hostile.png"))
    assert page.evaluate("window.__pwned") is None
    assert page.locator("main script, main img, main b").count() == 0
    assert not page.errors


def test_page_weight_and_no_outside_requests(browser, server: Server) -> None:
    page = browser.new_page(viewport=DESKTOP)
    sizes: dict[str, int] = {}
    page.on("response", lambda r: sizes.__setitem__(r.url, len(r.body())) if "/api/" not in r.url else None)
    page.goto(server.url + "/")
    page.wait_for_load_state("networkidle")
    assert all(u.startswith(server.url) for u in sizes), sizes
    total = sum(sizes.values())
    assert len(sizes) >= 6 and total <= 200 * 1024, (total, sizes)


def test_token_from_the_address_or_asked_for(browser, tmp_path: Path, files: Path) -> None:
    with Server(tmp_path / "store", token="tok-123") as server:
        page = browser.new_page(viewport=DESKTOP)
        page.goto(server.url + "/")
        sync_api.expect(page.locator("#token-form")).to_be_visible()
        page.fill("#token", "tok-123")
        page.press("#token", "Enter")
        sync_api.expect(page.locator("#store-info")).to_contain_text("0 articles")
        page.set_input_files("#files", [str(p) for p in sorted(files.iterdir())])
        sync_api.expect(page.locator("#upload-status")).to_contain_text("Added 6 articles", timeout=30000)
        other = browser.new_page(viewport=DESKTOP)
        other.goto(server.url + "/#token=tok-123")
        other.wait_for_selector(".entry[data-date]")
        assert "token" not in other.url  # taken out of the address bar
        assert other.locator("#token-form").is_hidden()


def test_a_sentence_dated_by_an_estimate_in_a_month_entry_is_marked(browser, server: Server, tmp_path: Path) -> None:
    """By months, a scraped story's day estimate and a dated story share March: the entry
    stands on a firm date (no "≈ date estimated" badge), and its one sentence that only
    the estimate dates carries its own "≈"."""
    folder = tmp_path / "ferry"
    folder.mkdir()
    (folder / "aground.txt").write_text(
        "BRENNICK, 12 March 2024 - The Brennick ferry Maud Ellery ran aground at the harbour mouth on "
        "Monday night with 41 passengers on board. The ferry company suspended all crossings to Tarn "
        "Island until the hull has been inspected.\n", encoding="utf-8")  # fmt: skip
    (folder / "sailing.txt").write_text(
        "Date: 2024-03-20\n\nFerry to sail again\n\nThe ferry company said on March 20, 2024 that the "
        "Maud Ellery would sail to Tarn Island again next month. Divers found the hull of the ferry sound.\n",
        encoding="utf-8")  # fmt: skip
    page = _page(browser, server, DESKTOP)
    _upload(page, sorted(folder.iterdir()), 2)
    page.select_option("#granularity", "month")
    page.fill("#q", "ferry")
    page.press("#q", "Enter")
    page.wait_for_function("document.querySelector('.entry[data-date=\"2024-03-01\"]') !== null")
    entry = page.locator('.entry[data-date="2024-03-01"]')
    sync_api.expect(entry.locator(".sents li", has_text="suspended all crossings").locator(".badge")).to_have_text("≈")
    assert entry.locator(".when .badge", has_text="estimated").count() == 0
    assert entry.locator(".sents li", has_text="March 20, 2024").locator(".badge", has_text="≈").count() == 0
    assert not page.errors

"""`newsline build` input options: --field, --dayfirst, --urls, and rebuilding in place."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newsline.cli.main import main

ROWS = [
    ("Crane collapses", "A crane collapsed at the Kestrel harbor on 9 May 2022, crushing two warehouses.", "09/05/2022"),
    ("Harbor reopens", "The Kestrel harbor reopened on 13 May 2022 after inspections of every crane.", "13/05/2022"),
]  # fmt: skip


def test_semicolon_export_with_field_option_and_day_first(tmp_path, capsys):
    f = tmp_path / "export.csv"
    lines = ["Kop;Tekst;Datum"] + [f"{t};{b};{d}" for t, b, d in ROWS]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "t.json"
    assert main(["build", str(f), "-o", str(out), "-q"]) == 3
    assert "--field text=COLUMN" in capsys.readouterr().err
    code = main(["build", str(f), "--field", "text=Tekst", "--field", "date=datum", "-o", str(out), "-q"])
    assert code == 0
    dates = [e["date"] for e in json.loads(out.read_text())["entries"]]
    assert dates == ["2022-05-09", "2022-05-13"]


def test_bad_field_option_is_a_usage_error(tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["build", str(tmp_path), "--field", "colour=x"])
    assert exc.value.code == 2
    assert "unknown field 'colour'" in capsys.readouterr().err


def test_rebuilding_in_place_does_not_read_the_timeline_back(tmp_path, capsys):
    for i, (title, body, day) in enumerate(ROWS):
        (tmp_path / f"{i}.txt").write_text(f"Date: {day[6:]}-{day[3:5]}-{day[:2]}\n\n{title}\n\n{body}\n")
    for i, suffix in enumerate(("html", "md", "json")):
        code = main(["build", str(tmp_path), "-o", str(tmp_path / f"timeline.{suffix}"), "-q"])
        assert code == (0 if i == 0 else 1)  # 1: some inputs (the timelines) skipped
    capsys.readouterr()
    assert main(["build", str(tmp_path), "-o", str(tmp_path / "again.json")]) == 1
    err = capsys.readouterr().err
    assert err.count("a timeline written by newsline, not an article; skipped") == 3
    assert "2 articles read" in err


class _Pages(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        i = int(self.path.strip("/"))
        title, body, day = ROWS[i]
        html = (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
                f"<p>{body}</p><p>Officials said the port would stay under review.</p></article></body></html>")  # fmt: skip
        data = html.encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture
def pages():
    """The base URL of a real HTTP server on localhost serving ``/0`` and ``/1``."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _build_urls(tmp_path, lines: str) -> tuple[int, object]:
    urls = tmp_path / "urls.txt"
    urls.write_text(lines, encoding="utf-8")
    out = tmp_path / "t.json"
    args = ["build", "--urls", str(urls), "--cache", str(tmp_path / "c"), "--delay", "0"]
    return main([*args, "--date", "2022-05-13", "-o", str(out)]), out


def test_urls_file_is_fetched(tmp_path, pages):
    code, out = _build_urls(tmp_path, f"# two pages\n{pages}/0\n\n{pages}/1\n")
    assert code == 0
    data = json.loads(out.read_text())
    assert data["meta"]["articles"] == 2
    urls_used = {s["source"]["url"] for e in data["entries"] for s in e["sentences"]}
    assert urls_used and urls_used <= {f"{pages}/0", f"{pages}/1"}


def test_a_line_of_the_urls_file_that_is_no_url_is_named_by_file_and_line(tmp_path, pages, capsys):
    """Such a line was read as a path: 'www.x: no such file or folder', naming neither the
    list nor the line (and a local path in it was read as a file)."""
    local = tmp_path / "local.txt"
    local.write_text("Date: 2022-05-09\n\nCrane\n\n" + ROWS[0][1] + "\n", encoding="utf-8")
    lines = f"{pages}/0\nwww.kestrel.test/harbor\n# note\n{local}\n{pages}/1\n"
    code, out = _build_urls(tmp_path, lines)
    assert code == 1
    urls = tmp_path / "urls.txt"
    err = capsys.readouterr().err
    assert f"warning: {urls}:2: not a URL (www.kestrel.test/harbor); skipped" in err
    assert f"warning: {urls}:4: not a URL ({local}); skipped" in err
    assert "4 items read: 2 used, 2 skipped (2 not a URL)" in err
    assert json.loads(out.read_text())["meta"]["articles"] == 2


def test_stage_bar_names_the_running_stage(monkeypatch, capsys):
    import sys
    import time

    from newsline.cli import stages

    monkeypatch.setattr(stages, "PROGRESS_DELAY", 0.1)
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    with stages.StageBar(["cleaning", "choosing"], quiet=False) as bar:
        bar.stage("cleaning")
        time.sleep(0.8)
        bar.stage("choosing")
        time.sleep(0.8)
    err = capsys.readouterr().err
    assert "newsline: cleaning" in err and "newsline: choosing" in err and "1/2 stages" in err
    with stages.StageBar(["cleaning"], quiet=True) as bar:  # quiet: no thread, no output
        bar.stage("cleaning")
    assert capsys.readouterr().err == ""

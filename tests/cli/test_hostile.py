"""Hostile inputs through the real CLI in a subprocess (bounded in time): nothing hangs,
crashes, exhausts memory or damages a file, and every skip is one line naming it."""

from __future__ import annotations

import gzip
import json
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pytest

CLI = [sys.executable, "-m", "newsline.cli.main"]
ARTICLE = (
    "Date: 2010-05-24\n\nOil well capped\n\n"
    "On Monday, May 24, 2010, engineers capped the leaking well in the gulf. "
    "Officials had met on Friday, May 21, 2010, to approve the plan.\n"
)


def run(*args: str, timeout: float = 60, stdin: bytes | None = None, **kw) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [*CLI, *args],
        input=stdin,
        capture_output=True,
        timeout=timeout,
        **kw,
    )
    return subprocess.CompletedProcess(
        proc.args, proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    )


def lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.strip()]


def good_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE)
    return folder


# --- 1. output safety -------------------------------------------------------------------


def test_output_that_is_an_input_is_refused_and_untouched(tmp_path: Path) -> None:
    folder = good_folder(tmp_path)
    article = folder / "a.txt"
    before = article.read_bytes()
    for out in (article, folder / "a.txt"):
        r = run("build", str(folder), "-o", str(out))
        assert r.returncode == 2, r.stderr
        assert "one of the inputs" in r.stderr and "Traceback" not in r.stderr
    os.link(article, tmp_path / "hard.txt")
    r = run("build", str(article), "-f", "json", "-o", str(tmp_path / "hard.txt"))
    assert r.returncode == 2 and "one of the inputs" in r.stderr
    assert article.read_bytes() == before


def test_dash_and_dev_stdout_are_standard_output(tmp_path: Path) -> None:
    folder = good_folder(tmp_path)
    for out in ("-", "/dev/stdout"):
        r = run("-q", "build", str(folder), "-f", "json", "-o", out)
        assert r.returncode == 0, r.stderr
        assert json.loads(r.stdout)["entries"]


def test_fifo_output_is_streamed(tmp_path: Path) -> None:
    folder = good_folder(tmp_path)
    fifo = tmp_path / "tl.json"
    os.mkfifo(fifo)
    proc = subprocess.Popen([*CLI, "-q", "build", str(folder), "-o", str(fifo)], stderr=subprocess.PIPE)
    with open(fifo, "rb") as f:  # the reader side: the build writes into the pipe
        data = f.read()
    assert proc.wait(60) == 0
    assert json.loads(data)["entries"]
    assert fifo.is_fifo()


def test_unknown_format_fails_before_reading(tmp_path: Path) -> None:
    fifo = tmp_path / "in.txt"
    os.mkfifo(fifo)  # would be skipped anyway; the format error must come first
    r = run("build", str(fifo), "-o", str(tmp_path / "tl.docx"), timeout=20)
    assert r.returncode == 2
    assert lines(r.stderr) == [ln for ln in lines(r.stderr) if "output format" in ln]


def test_output_errors_are_one_line_exit_2(tmp_path: Path) -> None:
    folder = good_folder(tmp_path)
    r = run("build", str(folder), "-o", "/dev/full", "-f", "json")
    assert r.returncode == 2
    assert "no space left" in r.stderr and "Traceback" not in r.stderr
    (tmp_path / "plain").write_text("x")
    r = run("build", str(folder), "-o", str(tmp_path / "plain" / "tl.json"))
    assert r.returncode == 2 and len(lines(r.stderr)) == 1


# --- 2. hangs and memory ------------------------------------------------------------------


def test_fifo_alone_and_in_a_folder_never_blocks(tmp_path: Path) -> None:
    folder = good_folder(tmp_path)
    os.mkfifo(folder / "pipe.txt")
    r = run("build", str(folder), "-f", "json", "-o", str(tmp_path / "tl.json"), timeout=60)
    assert r.returncode == 1
    assert any("pipe.txt: a named pipe (FIFO), not a regular file; skipped" in ln for ln in lines(r.stderr))
    assert json.loads((tmp_path / "tl.json").read_text())["entries"]
    for command in (["build"], ["dates"]):
        r = run(*command, str(folder / "pipe.txt"), timeout=30)
        assert r.returncode == 3, r.stderr
    r = run("score", str(folder / "pipe.txt"), str(folder / "pipe.txt"), timeout=30)
    assert r.returncode == 3 and "not a regular file" in r.stderr


def test_devices_and_links_to_them_are_skipped(tmp_path: Path) -> None:
    folder = good_folder(tmp_path)
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "random.jsonl").symlink_to("/dev/urandom")
    r = run("dates", str(folder), "/dev/zero", timeout=60)
    assert r.returncode == 1
    assert sum("character device, not a regular file" in ln for ln in lines(r.stderr)) == 3
    assert "2010-05-24" in r.stdout


def test_endless_stdin_stops_at_the_file_cap() -> None:
    with open("/dev/zero", "rb") as zero:
        proc = subprocess.run(
            [*CLI, "build", "-", "--max-file-size", "2M"], stdin=zero, capture_output=True, timeout=60
        )
    err = proc.stderr.decode()
    assert proc.returncode == 3
    assert "larger than the 2 MiB cap" in err and "Traceback" not in err


def _bomb(path: Path, inflated: int) -> None:
    chunk = b"a" * (1 << 20)  # text, so no binary sniffing stops it first
    with gzip.open(path, "wb", compresslevel=1) as f:
        for _ in range(inflated >> 20):
            f.write(chunk)


@pytest.mark.parametrize("name", ["a.txt.gz", "a.jsonl.gz", "a.json.gz", "a.csv.gz", "a.html.gz", "noext"])
def test_gzip_bomb_stops_at_the_cap(tmp_path: Path, name: str) -> None:
    folder = good_folder(tmp_path)
    _bomb(folder / name, 24 << 20)  # 24 MiB inflated, ~100 KB on disk
    r = run("build", str(folder), "--max-file-size", "4M", "-o", str(tmp_path / "tl.json"))
    assert r.returncode == 1, r.stderr
    assert any(name in ln and "larger than the 4 MiB cap" in ln for ln in lines(r.stderr)), r.stderr


def test_gzip_bomb_on_stdin_and_for_score(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.gz"
    _bomb(bomb, 24 << 20)
    r = run("build", "-", "--max-file-size", "4M", stdin=bomb.read_bytes())
    assert r.returncode == 3 and "larger than the 4 MiB cap" in r.stderr
    r = run("score", str(bomb), str(bomb), "--max-file-size", "4M")
    assert r.returncode == 3 and "larger than the 4 MiB cap" in r.stderr


def test_gzip_bomb_in_an_eval_dataset(tmp_path: Path) -> None:
    topic = tmp_path / "data" / "bomb"
    topic.mkdir(parents=True)
    _bomb(topic / "articles.jsonl.gz", 24 << 20)
    (topic / "timelines.jsonl").write_text(json.dumps([["2010-05-24T00:00:00", ["A well was capped."]]]) + "\n")
    (topic / "keywords.json").write_text('["well"]')
    r = run("eval", str(tmp_path / "data"), "--max-file-size", "4M")
    assert r.returncode == 2
    assert "larger than the 4 MiB cap" in r.stderr and "Traceback" not in r.stderr


# --- 3. crashes -------------------------------------------------------------------------


def test_deep_json_and_lone_surrogates(tmp_path: Path) -> None:
    folder = good_folder(tmp_path)
    (folder / "deep.jsonl").write_text("[" * 100_000 + "]" * 100_000 + "\n" + json.dumps({"text": ARTICLE}) + "\n")
    (folder / "deep.json").write_text('{"a":' * 100_000 + "1" + "}" * 100_000)
    surrogate = '{"id": "s\\ud800", "text": "On May 24, 2010, a lone \\ud800 surrogate arrived.", "date": "2010-05-24"}'
    (folder / "sur.jsonl").write_text(surrogate + "\n")
    out = tmp_path / "tl.json"
    r = run("build", str(folder), "-o", str(out))
    assert r.returncode == 1, r.stderr
    assert "deep.jsonl:1: JSON nested too deeply; skipped" in r.stderr
    assert "deep.json: JSON nested too deeply; file skipped" in r.stderr
    data = json.loads(out.read_bytes().decode("utf-8"))  # valid UTF-8 JSON
    assert data["entries"]


def test_undecodable_and_control_character_file_names(tmp_path: Path) -> None:
    folder = good_folder(tmp_path)
    raw = os.fsencode(folder) + b"/caf\xe9.txt"
    with open(raw, "wb") as f:
        f.write(ARTICLE.replace("Oil well capped", "Second article").encode())
    (folder / "forged\nnewsline: warning: fake.txt").write_text("")
    out = tmp_path / "tl.json"
    r = run("build", str(folder), "-o", str(out))
    assert r.returncode == 1, r.stderr
    warned = [ln for ln in lines(r.stderr) if "forged" in ln]
    assert len(warned) == 1 and "forged\\nnewsline: warning: fake.txt: file is empty" in warned[0]
    assert not any(ln.startswith("newsline: warning: fake.txt") for ln in lines(r.stderr))
    json.loads(out.read_bytes().decode("utf-8"))


def test_overflowing_dates_do_not_crash(tmp_path: Path) -> None:
    text = (
        "Date: 2010-05-24\n\nFar away\n\nIt was 99999999999 days ago. It ended December 31, 9999. "
        "It happened 3000 years ago. Yesterday it rained.\n"
    )
    (tmp_path / "u.txt").write_text(text)
    r = run("dates", str(tmp_path / "u.txt"), "--format", "json")
    assert r.returncode == 0, r.stderr
    values = [t["value"] for t in json.loads(r.stdout)["timexes"]]
    assert values == ["PAST_REF", "2010-05-23"]  # no year -990, no 2010-12-31
    for date in ("0001-01-01", "9999-12-31"):  # --date off the plausible range: a usage error
        for command in ("dates", "build"):
            r = run(command, str(tmp_path / "u.txt"), "--date", date)
            assert r.returncode == 2 and "not a publication date" in r.stderr, r.stderr
    r = run("build", str(tmp_path / "u.txt"), "--start", "0001-01-01", "--end", "9999-12-31", "-o", "-")
    assert r.returncode in (0, 3) and "internal error" not in r.stderr, r.stderr


def _make_deep(base: Path, names: list[str], leaf: str, text: str) -> None:
    """Folders ``base/names[0]/names[1]/...`` and a file, made relative to folder fds (any depth)."""
    fd = os.open(base, os.O_RDONLY)
    for name in names:
        os.mkdir(name, dir_fd=fd)
        nxt = os.open(name, os.O_RDONLY, dir_fd=fd)
        os.close(fd)
        fd = nxt
    out = os.open(leaf, os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
    os.write(out, text.encode())
    os.close(out)
    os.close(fd)


def test_folder_1200_levels_deep_and_past_path_max() -> None:
    # Outside pytest's tmp_path: its cleanup (shutil.rmtree) recurses and fails on 1,200 levels.
    base = Path(tempfile.mkdtemp(prefix="newsline-deep-"))
    try:
        (base / "deep").mkdir()
        _make_deep(base / "deep", ["d"] * 1200, "a.txt", ARTICLE)
        # past PATH_MAX (4096 bytes): 30 folders of 200 characters
        (base / "long").mkdir()
        _make_deep(base / "long", ["x" * 200] * 30, "b.txt", ARTICLE.replace("Oil well capped", "Deep"))
        r = run("dates", str(base / "deep"), str(base / "long"))
        assert r.returncode == 0, r.stderr[-2000:]
        assert r.stdout.count("# ") == 2  # both articles read
    finally:
        subprocess.run(["rm", "-rf", str(base)], check=False)  # rm walks any depth


def test_one_huge_csv_field_is_skipped_not_fatal(tmp_path: Path) -> None:
    rows = ["id,date,text", f'1,2010-05-24,"{"x " * 1_500_000}"', f'2,2010-05-24,"{ARTICLE}"']
    (tmp_path / "big.csv").write_text("\n".join(rows) + "\n")
    r = run("dates", str(tmp_path / "big.csv"), "--max-record-size", "1M")
    assert r.returncode == 1, r.stderr
    assert "big.csv:2" in r.stderr and "field larger than field limit" in r.stderr
    assert "# 2 " in r.stdout


# --- 4. silent loss ---------------------------------------------------------------------


def test_unclosed_csv_quote_is_reported_and_the_rest_read(tmp_path: Path) -> None:
    good = ARTICLE.replace("\n", " ")
    rows = ["id,date,text", f"1,2010-05-24,{good}", '2,2010-05-24,"the quote never closes',
            f"3,2010-05-24,{good}", f"4,2010-05-24,{good}"]
    (tmp_path / "q.csv").write_text("\n".join(rows) + "\n")
    r = run("dates", str(tmp_path / "q.csv"))
    assert r.returncode == 1, r.stderr
    assert "q.csv:3: unclosed quote" in r.stderr
    assert [ln.split()[1] for ln in r.stdout.splitlines() if ln.startswith("# ")] == ["1", "3", "4"]


def test_jsonl_whose_first_record_is_not_an_object_keeps_the_rest(tmp_path: Path) -> None:
    (tmp_path / "m.jsonl").write_text("[1, 2]\n" + json.dumps({"text": ARTICLE, "id": "ok"}) + "\n")
    r = run("dates", str(tmp_path / "m.jsonl"))
    assert r.returncode == 1
    assert "m.jsonl:1: record is a JSON list, not an object; skipped" in r.stderr
    assert "# ok " in r.stdout


def test_eval_on_a_truncated_topic_warns_with_counts(tmp_path: Path) -> None:
    topic = tmp_path / "data" / "cut"
    topic.mkdir(parents=True)
    rng = random.Random(0)  # varied text, so that half of the compressed file holds records
    words = ["well", "oil", "crew", "gulf", "ship", "storm", "court", "vote", "spill", "cap"]
    records = [
        {"id": f"a{i}", "time": "2010-05-24",
         "text": ARTICLE.split("\n\n", 2)[2] + " ".join(f"{rng.choice(words)}{rng.randint(0, 999)}" for _ in range(200))}
        for i in range(40)
    ]
    blob = gzip.compress("".join(json.dumps(r) + "\n" for r in records).encode())
    (topic / "articles.jsonl.gz").write_bytes(blob[: len(blob) // 2])
    (topic / "timelines.jsonl").write_text(json.dumps([["2010-05-24T00:00:00", ["Engineers capped the well."]]]) + "\n")
    (topic / "keywords.json").write_text('["well"]')
    r = run("eval", str(tmp_path / "data"))
    assert r.returncode == 1, r.stderr
    assert "compressed file ended early" in r.stderr
    counts = re.search(r"cut: (\d+) articles read, 2 input items skipped", r.stderr)
    assert counts and 0 < int(counts.group(1)) < 40, r.stderr  # the cut line and the truncation


def _world_tmp() -> Path:
    path = Path(tempfile.mkdtemp(prefix="newsline-hostile-"))
    path.chmod(0o755)
    return path


def _as_nobody(job: Callable[[], object]) -> object:
    """Run ``job`` in a forked child that dropped root to uid/gid 65534 (so EACCES is real);
    returns its JSON-able result."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 0
        try:
            os.close(read_end)
            os.setgroups([])
            os.setgid(65534)
            os.setuid(65534)
            payload = json.dumps(job()).encode()
        except BaseException as exc:
            payload, code = json.dumps(repr(exc)).encode(), 1
        with os.fdopen(write_end, "wb") as f:
            f.write(payload)
        os._exit(code)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as f:
        data = f.read()
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, data
    return json.loads(data)


@pytest.mark.skipif(os.geteuid() != 0, reason="drops root to uid 65534 to meet a real EACCES")
def test_unreadable_folders_and_read_only_output_as_permission_denied() -> None:
    from newsline.errors import OutputError
    from newsline.ingest import read
    from newsline.render.output import check_output, write_text

    base = _world_tmp()
    try:
        ok = base / "ok"
        ok.mkdir(mode=0o755)
        (ok / "a.txt").write_text(ARTICLE)
        (ok / "secret").mkdir(mode=0o000)
        (base / "closed").mkdir(mode=0o000)
        ro = base / "ro"
        ro.mkdir(mode=0o555)

        def job() -> dict[str, object]:
            result = read([ok, base / "closed"])
            errors = []
            for attempt in (lambda: check_output(ro / "tl.json"), lambda: write_text(ro / "tl.json", "x")):
                try:
                    attempt()
                except OutputError as exc:
                    errors.append(str(exc))
            return {"problems": [str(p) for p in result.problems], "n": len(result.articles), "errors": errors}

        got = _as_nobody(job)
        assert got["n"] == 1
        assert got["problems"] == [
            f"{ok / 'secret'}: cannot read folder (permission denied); skipped",
            f"{base / 'closed'}: cannot read folder (permission denied); skipped",
        ]
        assert len(got["errors"]) == 2 and all("permission denied" in e for e in got["errors"])
        assert not (ro / "tl.json").exists()
    finally:
        for p in (ok / "secret", base / "closed", ro):
            p.chmod(0o755)
        subprocess.run(["rm", "-rf", str(base)], check=False)


def test_symlink_loops_are_reported_as_loops(tmp_path: Path) -> None:
    folder = good_folder(tmp_path)
    (folder / "x.txt").symlink_to(folder / "y.txt")
    (folder / "y.txt").symlink_to(folder / "x.txt")
    (folder / "sub").mkdir()
    (folder / "sub" / "up").symlink_to(folder)
    r = run("dates", str(folder), timeout=60)
    assert r.returncode == 1
    assert f"{folder / 'x.txt'}: cannot read (symbolic link loop); skipped" in r.stderr
    assert f"{folder / 'sub' / 'up'}: symbolic link loop" in r.stderr
    assert r.stdout.count("# ") == 1


# --- 5. silent corruption -----------------------------------------------------------------


def test_one_bad_byte_keeps_utf8_and_says_so(tmp_path: Path) -> None:
    text = ARTICLE.replace("engineers", "the café’s engineers")
    (tmp_path / "b.txt").write_bytes(text.encode().replace(b"leaking", b"leak\xffing"))
    r = run("dates", str(tmp_path / "b.txt"), "--format", "json")
    assert "b.txt: 1 invalid UTF-8 byte replaced with U+FFFD" in r.stderr
    r = run("build", str(tmp_path / "b.txt"), "-f", "json", "-o", "-", "-s", "3")
    assert "café’s" in r.stdout


def test_html_declared_charset_and_impossible_meta_date(tmp_path: Path) -> None:
    body = "<p>" + "Le café du village a rouvert ses portes lundi dernier après des travaux. " * 4 + "</p>"
    page = (
        '<html><head><meta charset="windows-1252"><title>Café</title>'
        '<meta property="article:published_time" content="2021-02-30T10:00:00Z"></head>'
        f"<body><article>{body}</article></body></html>"
    )
    (tmp_path / "p.html").write_bytes(page.encode("cp1252"))
    r = run("dates", str(tmp_path / "p.html"))
    assert "p.html: HTML date 2021-02-30 is not a calendar date; ignored" in r.stderr
    assert "undated" in r.stdout and "2021-02-01" not in r.stdout
    r = run("build", str(tmp_path / "p.html"), "--date", "2021-03-01", "-f", "json", "-o", "-")
    assert "Le café du village" in r.stdout


def test_library_log_lines_are_not_shown(tmp_path: Path) -> None:
    (tmp_path / "empty.html").write_text("<html><head><title>x</title></head><body></body></html>")
    r = run("dates", str(tmp_path / "empty.html"))
    assert r.returncode == 3
    assert all(ln.startswith("newsline: ") and "empty.html" in ln or "newsline: error" in ln or "items read" in ln
               for ln in lines(r.stderr)), r.stderr


# --- interrupts ---------------------------------------------------------------------------


def _loaded(pid: int, library: str) -> bool:
    try:
        return library in Path(f"/proc/{pid}/maps").read_text()
    except OSError:
        return False


@pytest.mark.parametrize("library", ["_multiarray_umath", "scipy"])
def test_sigint_during_start_up_exits_130_in_one_line(tmp_path: Path, library: str) -> None:
    """Ctrl-C while the command modules import numpy / scikit-learn (the slow start-up)."""
    good_folder(tmp_path)
    proc = subprocess.Popen([*CLI, "build", str(tmp_path / "corpus")], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not _loaded(proc.pid, library) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    if proc.returncode in (0, 1):
        pytest.skip("the run finished before the signal")
    assert proc.returncode == 130, err
    assert err.decode().strip().splitlines() == ["newsline: interrupted"]


def _children(pid: int) -> list[str]:
    try:
        return Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []


def test_sigint_under_eval_jobs_2_stops_every_worker(tmp_path: Path) -> None:
    data = tmp_path / "data"
    for name in ("one", "two", "three"):
        topic = data / name
        topic.mkdir(parents=True)
        records = [
            {"id": f"{name}{i}", "time": f"2010-05-{i % 28 + 1:02d}",
             "text": " ".join(ARTICLE.split("\n\n", 2)[2] + f" Report {i} on day {j}." for j in range(20))}
            for i in range(1500)
        ]
        with gzip.open(topic / "articles.jsonl.gz", "wt") as f:
            f.writelines(json.dumps(r) + "\n" for r in records)
        (topic / "timelines.jsonl").write_text(json.dumps([["2010-05-24T00:00:00", ["The well was capped."]]]) + "\n")
        (topic / "keywords.json").write_text('["well"]')
    proc = subprocess.Popen([*CLI, "eval", str(data), "--jobs", "2"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 60
    while not _children(proc.pid) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)  # until the worker processes run
    time.sleep(1.0)
    os.killpg(proc.pid, signal.SIGINT)  # like Ctrl-C: the whole process group
    _, err = proc.communicate(timeout=60)
    if proc.returncode == 0:
        pytest.skip("eval finished before the signal")
    assert proc.returncode == 130, err
    assert b"Traceback" not in err
    assert err.decode().strip().splitlines()[-1] == "newsline: interrupted"

"""Fetching pages politely: timeouts, retries, a per-host delay and an on-disk cache.

Standard library only (``urllib``). A response is cached under its URL's
SHA-256 in ``cache_dir`` (``~/.cache/newsline/http`` by default; ``None``
turns the cache off); a cached page is never fetched again.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path

from .. import __version__

URL_SCHEMES = ("http://", "https://")


def is_url(value: str) -> bool:
    return value.lower().startswith(URL_SCHEMES)


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base, "newsline", "http")


@dataclass(frozen=True)
class FetchSettings:
    """How pages are fetched; ``delay`` is the least time between two requests to one host."""

    cache_dir: Path | None = field(default_factory=default_cache_dir)
    timeout: float = 20.0
    retries: int = 2
    delay: float = 1.0
    max_bytes: int = 50 * 2**20
    user_agent: str = f"newsline/{__version__} (timeline builder)"


class FetchError(Exception):
    """A page could not be fetched (the message says why)."""


@dataclass(frozen=True)
class Response:
    url: str  # as asked for
    final_url: str  # after redirects
    content_type: str
    data: bytes
    from_cache: bool = False


_RETRY_STATUS = {429, 500, 502, 503, 504}


class Fetcher:
    """Fetches URLs with :class:`FetchSettings`; remembers when it last asked each host."""

    def __init__(self, settings: FetchSettings | None = None) -> None:
        self.settings = settings or FetchSettings()
        self._last: dict[str, float] = {}
        self.requests = 0  # network requests made (cache hits excluded)

    def get(self, url: str) -> Response:
        cached = self._cached(url)
        if cached is not None:
            return cached
        s = self.settings
        last_error = ""
        for attempt in range(s.retries + 1):
            self._wait(url)
            try:
                response = self._request(url)
            except _Retry as exc:
                last_error = str(exc)
                if attempt < s.retries:
                    time.sleep(
                        min(30.0, exc.after if exc.after is not None else s.delay * 2**attempt)
                    )
                continue
            self._store(response)
            return response
        raise FetchError(f"{last_error} (gave up after {s.retries + 1} attempts)")

    def _wait(self, url: str) -> None:
        host = urllib.parse.urlsplit(url).netloc.lower()
        now = time.monotonic()
        ready = self._last.get(host, -1e9) + self.settings.delay
        if ready > now:
            time.sleep(ready - now)
        self._last[host] = time.monotonic()

    def _request(self, url: str) -> Response:
        s = self.settings
        request = urllib.request.Request(url, headers={"User-Agent": s.user_agent, "Accept": "*/*"})
        self.requests += 1
        try:
            with urllib.request.urlopen(request, timeout=s.timeout) as r:  # noqa: S310 - http(s) only
                data = r.read(s.max_bytes + 1)
                if len(data) > s.max_bytes:
                    raise FetchError(f"page larger than {s.max_bytes} bytes")
                return Response(url, r.geturl(), r.headers.get("Content-Type", ""), data)
        except urllib.error.HTTPError as exc:
            if exc.code in _RETRY_STATUS:
                raise _Retry(f"HTTP {exc.code} {exc.reason}", _retry_after(exc.headers)) from None
            raise FetchError(f"HTTP {exc.code} {exc.reason}") from None
        except urllib.error.URLError as exc:
            raise _Retry(f"cannot connect ({exc.reason})", None) from None
        except (TimeoutError, ConnectionError) as exc:
            raise _Retry(f"connection failed ({exc or 'timed out'})", None) from None

    def _paths(self, url: str) -> tuple[Path, Path] | None:
        if self.settings.cache_dir is None:
            return None
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()
        folder = self.settings.cache_dir / key[:2]
        return folder / f"{key}.body", folder / f"{key}.json"

    def _cached(self, url: str) -> Response | None:
        paths = self._paths(url)
        if paths is None or not paths[1].is_file():
            return None
        try:
            meta = json.loads(paths[1].read_text(encoding="utf-8"))
            data = paths[0].read_bytes()
        except (OSError, ValueError):
            return None
        return Response(url, meta.get("final_url", url), meta.get("content_type", ""), data, True)

    def _store(self, response: Response) -> None:
        paths = self._paths(response.url)
        if paths is None:
            return
        body, meta = paths
        try:
            body.parent.mkdir(parents=True, exist_ok=True)
            tmp = body.with_name(body.name + ".tmp")
            tmp.write_bytes(response.data)
            os.replace(tmp, body)
            info = {"url": response.url, "final_url": response.final_url,
                    "content_type": response.content_type, "fetched": time.time()}  # fmt: skip
            tmp = meta.with_name(meta.name + ".tmp")
            tmp.write_text(json.dumps(info), encoding="utf-8")
            os.replace(tmp, meta)
        except OSError:  # a cache that cannot be written is no reason to fail
            pass


class _Retry(Exception):
    def __init__(self, message: str, after: float | None) -> None:
        super().__init__(message)
        self.after = after


def _retry_after(headers: Message | None) -> float | None:
    value = headers.get("Retry-After") if headers is not None else None
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def read_url_list(text: str, name: str = "") -> list[str | NotUrl]:
    """The URLs of a ``--urls`` file: one a line; blank lines and ``#`` comments ignored.

    A line that is no ``http(s)://`` URL is a :class:`NotUrl` (named ``FILE:LINE``
    by ``name``), which the reader reports at its place and skips: it was read as a
    path, with a "no such file" line that named neither the list nor the line.
    """
    urls: list[str | NotUrl] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if line and not line.startswith("#"):
            urls.append(line if is_url(line) else NotUrl(f"{name}:{lineno}", line))
    return urls


@dataclass(frozen=True)
class NotUrl:
    """A line of a URL list that is no URL; an input :func:`~newsline.ingest.read` reports."""

    where: str  # FILE:LINE
    line: str

    def __fspath__(self) -> str:
        return self.where

"""Request checks in front of the app: token, same origin, host name, body size.

- With a token, every ``/api/`` request must carry it (``Authorization:
  Bearer TOKEN`` or ``X-Newsline-Token: TOKEN``). A header, not a cookie: a
  page of another site cannot add it, which is the CSRF protection.
- Unsafe methods (POST, PUT, PATCH, DELETE) from another origin are refused
  (``Origin`` not this host, or ``Sec-Fetch-Site: cross-site``), token or not:
  a server on 127.0.0.1 is reachable from any page the user's browser opens.
- ``Host`` must be one of the allowed names (loopback names by default), so a
  DNS-rebinding page cannot talk to a local server.
- Request bodies over the upload limit are cut off with 413.
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Awaitable, Callable, Iterable
from typing import Any
from urllib.parse import urlsplit

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1", "[::1]", "testserver"})
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def is_loopback(host: str) -> bool:
    return host in LOOPBACK_NAMES or host.startswith("127.")


async def _reply(send: Send, status: int, detail: str, headers: Iterable[tuple[bytes, bytes]] = ()) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send({
        "type": "http.response.start",
        "status": status,
        "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()), *headers],
    })  # fmt: skip
    await send({"type": "http.response.body", "body": body})


def _host_name(host: str) -> str:
    if host.startswith("["):
        return host.split("]", 1)[0] + "]"
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


class Guard:
    """The ASGI middleware doing the four checks above."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        token: str | None,
        allowed_hosts: Iterable[str] | None,
        max_body: int,
    ) -> None:
        self.app = app
        self.token = token
        self.allowed_hosts = frozenset(allowed_hosts) if allowed_hosts is not None else None
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        host = headers.get("host", "")
        if self.allowed_hosts is not None and _host_name(host) not in self.allowed_hosts:
            await _reply(send, 421, f"unknown host name {host!r}")
            return
        method = scope["method"]
        if method in UNSAFE and not _same_origin(headers, host):
            await _reply(send, 403, "cross-origin request refused")
            return
        path = scope["path"]
        if self.token and path.startswith("/api/") and not self._has_token(headers):
            await _reply(send, 401, "a token is needed (header Authorization: Bearer TOKEN)",
                         [(b"www-authenticate", b"Bearer")])  # fmt: skip
            return
        length = headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > self.max_body:
            await _reply(send, 413, f"request body over {self.max_body} bytes")
            return
        await self.app(scope, self._limited(receive, send), send)

    def _has_token(self, headers: dict[str, str]) -> bool:
        assert self.token
        given = headers.get("x-newsline-token", "")
        auth = headers.get("authorization", "")
        if auth.lower().startswith("bearer "):
            given = auth[7:].strip()
        return bool(given) and hmac.compare_digest(given.encode(), self.token.encode())

    def _limited(self, receive: Receive, send: Send) -> Receive:
        seen = 0
        limit = self.max_body

        async def wrapped() -> dict[str, Any]:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise BodyTooLarge(f"request body over {limit} bytes")
            return message

        return wrapped


class BodyTooLarge(Exception):
    """A streamed request body went past the limit (answered with 413 by the app)."""


def _same_origin(headers: dict[str, str], host: str) -> bool:
    if headers.get("sec-fetch-site") == "cross-site":
        return False
    origin = headers.get("origin")
    if origin is None:
        return True  # not sent by a browser page (curl, scripts), or a same-origin form
    if origin == "null":
        return False
    return urlsplit(origin).netloc.lower() == host.lower()

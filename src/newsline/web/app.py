"""The application object: the store, the saved timelines, the routes, the page.

:func:`create_app` is what ``newsline serve`` runs on uvicorn and what the
tests drive in-process. The JSON API lives in :mod:`.api_articles` and
:mod:`.api_timelines`; the page is the static files beside this module.
"""

from __future__ import annotations

import contextlib
import shutil
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..query import MAX_ARTICLES
from .backend import StoreBackend
from .saved import SavedTimelines
from .security import LOOPBACK_NAMES, BodyTooLarge, Guard
from .service import Builder, Spec
from .uploads import HASHES, Limits, known_hashes

#: Saved timelines built ahead after a start or an upload.
WARM_SAVED = 5
#: How often a running server looks for commits made by another process.
WATCH_SECONDS = 2.0
#: Commits come in bursts: timelines are built ahead once the store has been quiet this
#: long after an upload (a drop comes in several requests, back to back) or after a
#: commit of another process (``index add`` commits per 1,000 articles, seconds apart).
QUIET_SECONDS = 1.0
QUIET_OTHERS_SECONDS = 5.0
UPLOADS = "uploads"
STATIC = Path(str(files(__package__).joinpath("static")))


@dataclass
class Context:
    """What every route needs (``request.app.state.ctx``)."""

    backend: StoreBackend
    saved: SavedTimelines
    builder: Builder
    limits: Limits
    known: set[str] = field(default_factory=set)
    upload_lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def uploads(self) -> Path:
        return self.backend.path / UPLOADS

    quiet: float = QUIET_SECONDS
    _timer: threading.Timer | None = None
    _seen: str | None = None  # the store version last built ahead for
    _timer_lock: threading.Lock = field(default_factory=threading.Lock)

    def prebuild(self, delay: float = 0.0) -> None:
        """Start building, in the background, the timeline the page opens with and the
        saved ones (a few), so they are ready (and on disk) when asked for.

        With a ``delay``, only once no other call came for that long: the page sends a
        big drop in several requests, and only the last commit's timelines are worth
        building (a request for one meanwhile builds it, and the prebuild finds it built).
        """
        with self._timer_lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            if delay > 0:
                self._timer = threading.Timer(delay, self._prebuild_now)
                self._timer.daemon = True
                self._timer.start()
                return
        self._prebuild_now()

    def _prebuild_now(self) -> None:
        with contextlib.suppress(RuntimeError):  # the builder's pool is gone: exiting
            self.builder.warm(*self._ahead())

    def _ahead(self) -> list[Spec]:
        specs = [Spec()]
        for name in self.saved.names()[:WARM_SAVED]:
            data = self.saved.get(name)
            try:
                specs.append(Spec.from_json(data["spec"] if data else {}))
            except (ValueError, TypeError):
                continue
        return specs

    def committed(self) -> None:
        """This app committed to the store (an upload): build ahead once the drop is done."""
        self._seen = self.backend.version
        self.prebuild(self.quiet)

    def watch(self, stop: threading.Event, every: float = WATCH_SECONDS) -> None:
        """Build ahead whenever another process (``newsline index add``) commits to the store."""
        self._seen = self.backend.version
        while not stop.wait(every):
            try:
                now = self.backend.version
            except Exception:  # noqa: BLE001 (an unreadable moment: look again later)
                continue
            if now != self._seen:
                self._seen = now
                self.prebuild(max(self.quiet, QUIET_OTHERS_SECONDS))


def create_app(
    store: Path,
    *,
    token: str | None = None,
    demo: bool = False,
    limits: Limits | None = None,
    allowed_hosts: set[str] | None = None,
    warm: bool = True,
    max_articles: int | None = MAX_ARTICLES,
) -> FastAPI:
    """The app over the store folder ``store`` (``newsline.store``; created when missing).

    ``allowed_hosts`` are the ``Host`` names answered (default: loopback
    names); ``demo`` adds the bundled demo corpus to the store (once: it is
    unchanged the next time, collection ``demo``); ``warm`` starts building the
    first timelines at once, in the background, and (while the server runs)
    again whenever the store gets a new commit; ``max_articles``: a query that
    selects more articles builds from that many, the most relevant (None: all).
    """
    store = Path(store)
    limits = limits or Limits()
    uploads = store / UPLOADS
    if uploads.is_dir():  # an upload cut off by a crash was never read: drop it
        for stale in uploads.glob(".incoming-*"):
            shutil.rmtree(stale, ignore_errors=True)
    backend = StoreBackend(store, max_articles)
    if demo:
        from .. import demo as demo_corpus
        from .. import load

        backend.add_articles(load(demo_corpus.corpus_path()), collection="demo")
    known = known_hashes(uploads / HASHES)
    ctx = Context(backend, SavedTimelines(store), Builder(backend, folder=store / "cache"), limits, known)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        stop = threading.Event()
        if warm:
            threading.Thread(target=ctx.watch, args=(stop,), daemon=True, name="newsline-watch").start()
        try:
            yield
        finally:
            stop.set()

    app = FastAPI(
        title="newsline",
        version=__version__,
        description="Explore, curate and publish timelines built from a store of news articles.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.ctx = ctx
    if warm:
        ctx.prebuild()
    from . import api_articles, api_timelines

    app.include_router(api_articles.router)
    app.include_router(api_timelines.router)

    @app.exception_handler(BodyTooLarge)
    async def too_large(request: Request, exc: BodyTooLarge) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=413)

    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(STATIC / "index.html", headers=_PAGE_HEADERS)

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(STATIC / "docs.html", headers=_PAGE_HEADERS)

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    hosts = allowed_hosts if allowed_hosts is not None else set(LOOPBACK_NAMES)
    app.add_middleware(Guard, token=token, allowed_hosts=hosts, max_body=limits.max_request_bytes)
    return app


#: The page loads nothing from elsewhere, and no other site may frame it.
_PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; "
    "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}

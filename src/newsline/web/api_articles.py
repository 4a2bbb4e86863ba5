"""``/api/health``, ``/api/info``, ``/api/articles`` (upload, search, one article), ``/api/volume``."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, File, HTTPException, Query, Request, UploadFile

from .. import __version__
from ..model import Article
from .backend import AddReport, StoreBusy
from .uploads import HASHES, Batch, LimitExceeded

router = APIRouter(prefix="/api")


def _ctx(request: Request):  # type: ignore[no-untyped-def]
    return request.app.state.ctx


def summary(a: Article) -> dict[str, Any]:
    return {
        "id": a.id,
        "title": a.title,
        "source": a.source,
        "url": a.url,
        "published": a.published.isoformat() if a.published else None,
        "date_source": a.date_source,
        "origin": a.origin,
    }


@router.get("/health", tags=["store"])
def health(request: Request) -> dict[str, Any]:
    """The server is up; how many articles the store holds."""
    info = _ctx(request).backend.info()
    return {"status": "ok", "version": __version__, "articles": info.get("articles", 0)}


@router.get("/info", tags=["store"])
def info(request: Request) -> dict[str, Any]:
    """The store: article counts, date span, sources (with counts), saved timelines."""
    ctx = _ctx(request)
    data = dict(ctx.backend.info())
    data.pop("volume", None)
    data["timelines"] = ctx.saved.names()
    data["limits"] = {
        "max_files": ctx.limits.max_files,
        "max_file_bytes": ctx.limits.max_file_bytes,
        "max_request_bytes": ctx.limits.max_request_bytes,
    }
    return data


@router.post("/articles", tags=["store"])
def upload(request: Request, files: Annotated[list[UploadFile], File()]) -> dict[str, Any]:
    """Add files: any input format newsline reads, zip archives included.

    The files are read into the store as ``newsline index add`` reads them
    (one atomic commit per batch of articles). Answers the counts of
    articles ``added``, ``updated`` (same id, new text), ``unchanged`` (already
    stored) and ``skipped``, one line per problem, and the files sent before
    (same bytes) as ``duplicates``. 409 when another process is adding to the
    store at that moment.
    """
    ctx = _ctx(request)
    if len(files) > ctx.limits.max_files:
        raise HTTPException(413, f"{len(files)} files, more than the limit of {ctx.limits.max_files}")
    with ctx.upload_lock:
        batch = Batch(ctx.uploads, ctx.limits, ctx.known)
        try:
            for f in files:
                batch.add_file(f.filename or "upload", f.file)
            saved = batch.saved
            report = AddReport()
            if saved.files:
                report = ctx.backend.add([batch.tmp], shown=batch.tmp, size=saved.written)
                batch.remember(ctx.uploads / HASHES)
        except LimitExceeded as exc:
            raise HTTPException(413, f"upload refused: {exc}") from None
        except StoreBusy as exc:
            raise HTTPException(409, f"upload not stored: {exc}; try again when it is done") from None
        finally:
            batch.discard()
    if report.added or report.updated:
        ctx.committed()  # timelines built ahead once no more batches of this drop follow
    return {
        "files": saved.files,
        "added": report.added,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "skipped": report.skipped + len(saved.problems),
        "duplicates": saved.duplicates,
        "problems": saved.problems + list(report.problems),
        "notes": list(report.notes),
    }


@router.get("/articles", tags=["store"])
def articles(
    request: Request,
    query: str = "",
    start: dt.date | None = None,
    end: dt.date | None = None,
    source: str = "",
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> dict[str, Any]:
    """Articles with any of the query's words, published in [start, end], from one source."""
    found = _ctx(request).backend.articles(
        query=query or None, start=start, end=end, source=source or None, limit=limit
    )
    return {"count": len(found), "articles": [summary(a) for a in found]}


@router.get("/articles/{article_id:path}", tags=["store"])
def article(request: Request, article_id: str) -> dict[str, Any]:
    """One article with its text (the offsets of timeline sources index this text)."""
    a = _ctx(request).backend.article(article_id)
    if a is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return {**summary(a), "text": a.text}


@router.get("/volume", tags=["store"])
def volume(
    request: Request,
    query: str = "",
    start: dt.date | None = None,
    end: dt.date | None = None,
    source: str = "",
) -> dict[str, Any]:
    """Articles published per day (for the chart), with the same filters as ``/api/articles``."""
    return _ctx(request).backend.volume(query or None, start, end, source or None)

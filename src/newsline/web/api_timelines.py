"""``/api/timeline`` (build one) and ``/api/timelines/{name}`` (saved, edited, exported)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query, Request, Response
from pydantic import BaseModel, Field

from . import edits as edit_ops
from .exports import EXPORTS, MEDIA_TYPES, SUFFIXES
from .saved import valid_name
from .service import Spec, with_headlines

router = APIRouter(prefix="/api")
Granularity = Literal["day", "month", "year", "auto"]  # as build --granularity
Period = Literal["day", "month", "year"]


class SpecBody(BaseModel):
    """A timeline's query and options (those of ``newsline build``)."""

    query: str = Field("", max_length=500, description="keywords; a sentence with any of them qualifies")
    dates: int | None = Field(None, ge=1, le=500)
    sentences: int | None = Field(None, ge=1, le=50)
    start: dt.date | None = None
    end: dt.date | None = None
    granularity: Granularity = "auto"
    source: str = Field("", max_length=300)
    title: str = Field("", max_length=200)


class Target(BaseModel):
    """An entry (``date``) or one sentence (``article_id`` + ``start``); ``undo`` cancels."""

    date: dt.date | None = None
    article_id: str | None = Field(None, max_length=500)
    start: int | None = Field(None, ge=0)
    undo: bool = False


class OwnEntry(BaseModel):
    """A line of one's own, on a date."""

    date: dt.date
    text: str = Field(..., min_length=1, max_length=2000)
    granularity: Period = "day"


def _ctx(request: Request):  # type: ignore[no-untyped-def]
    return request.app.state.ctx


def _build(request: Request, spec: Spec) -> dict[str, Any]:
    try:
        return _ctx(request).builder.build(spec)
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from None


@router.get("/timeline", tags=["timelines"])
def timeline(
    request: Request,
    query: str = "",
    dates: Annotated[int | None, Query(ge=1, le=500)] = None,
    sentences: Annotated[int | None, Query(ge=1, le=50)] = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    granularity: Granularity = "auto",
    source: str = "",
    title: str = "",
) -> dict[str, Any]:
    """Build a timeline: the ``newsline.timeline`` JSON (``meta.headlines``: one per entry)."""
    if start and end and start > end:
        raise HTTPException(422, "start is after end")
    spec = Spec(query, dates, sentences, start, end, granularity, source, title)
    return with_headlines(dict(_build(request, spec)))


def _name(name: str) -> str:
    if not valid_name(name):
        raise HTTPException(422, "a timeline name has letters, digits, spaces, '_', '.', '-' (80 at most)")
    return name


def _saved(request: Request, name: str) -> dict[str, Any]:
    data = _ctx(request).saved.get(_name(name))
    if data is None:
        raise HTTPException(404, f"no saved timeline {name!r}")
    return data


def _edited(request: Request, data: dict[str, Any]) -> dict[str, Any]:
    try:
        spec = Spec.from_json(data.get("spec", {}))
    except (ValueError, TypeError) as exc:
        raise HTTPException(422, f"saved options unusable: {exc}") from None
    doc = edit_ops.apply(_build(request, spec), data["edits"])
    doc["meta"]["name"] = data["name"]
    doc["meta"]["spec"] = spec.to_json()
    return with_headlines(doc)


@router.get("/timelines", tags=["timelines"])
def saved_names(request: Request) -> dict[str, Any]:
    """The names of the saved timelines."""
    return {"timelines": _ctx(request).saved.names()}


@router.put("/timelines/{name}", tags=["timelines"])
def save(request: Request, name: str, body: SpecBody) -> dict[str, Any]:
    """Save (or change) a timeline's query and options; its edits are kept."""
    if body.start and body.end and body.start > body.end:
        raise HTTPException(422, "start is after end")
    spec = Spec(**body.model_dump())
    data = _ctx(request).saved.put(_name(name), spec.to_json())
    return _edited(request, data)


@router.get("/timelines/{name}", tags=["timelines"])
def get_saved(request: Request, name: str) -> dict[str, Any]:
    """The saved timeline, rebuilt from the store, with its edits applied."""
    return _edited(request, _saved(request, name))


@router.delete("/timelines/{name}", tags=["timelines"])
def delete_saved(request: Request, name: str) -> dict[str, Any]:
    """Forget a saved timeline and its edits."""
    if not _ctx(request).saved.delete(_name(name)):
        raise HTTPException(404, f"no saved timeline {name!r}")
    return {"deleted": name}


def _edit(request: Request, name: str, op: str, target: Target) -> dict[str, Any]:
    data = _saved(request, name)
    edit: dict[str, Any] = {"op": "undo" if target.undo else op}
    if target.article_id is not None and target.start is not None:
        edit.update(article_id=target.article_id, start=target.start)
    elif target.date is not None:
        edit["date"] = target.date.isoformat()
    else:
        raise HTTPException(422, 'give {"date": "YYYY-MM-DD"} or {"article_id": ..., "start": ...}')
    key = edit_ops.key_of(edit)
    assert key is not None
    if not target.undo:
        current = _edited(request, data)
        entry, sentence = edit_ops.find(current, key)
        if entry is None:
            raise HTTPException(404, "the timeline has no such entry or sentence")
        if op == "pin" and key[0] == "date":
            edit["entry"] = {k: v for k, v in entry.items()}
        elif op == "pin":
            edit.update(sentence=sentence, date=entry["date"], granularity=entry["granularity"])
    _ctx(request).saved.add_edit(name, edit)
    return _edited(request, _saved(request, name))


@router.post("/timelines/{name}/exclude", tags=["timelines"])
def exclude(request: Request, name: str, target: Target) -> dict[str, Any]:
    """Drop an entry (by date) or a sentence (by article and start) from the timeline."""
    return _edit(request, name, "exclude", target)


@router.post("/timelines/{name}/pin", tags=["timelines"])
def pin(request: Request, name: str, target: Target) -> dict[str, Any]:
    """Keep an entry or a sentence, even when a rebuild would not choose it."""
    return _edit(request, name, "pin", target)


@router.post("/timelines/{name}/entries", tags=["timelines"])
def add_entry(request: Request, name: str, body: OwnEntry) -> dict[str, Any]:
    """Add a line of one's own on a date."""
    _saved(request, name)
    edit = {"op": "add", "date": body.date.isoformat(), "text": body.text.strip(), "granularity": body.granularity}
    _ctx(request).saved.add_edit(name, edit)
    return _edited(request, _saved(request, name))


@router.get("/timelines/{name}/export", tags=["timelines"])
def export(
    request: Request, name: str, format: Literal["json", "md", "html", "timelinejs", "csv"] = "json"
) -> Response:
    """The edited timeline as JSON, Markdown, HTML, Timeline JS JSON or CSV."""
    doc = _edited(request, _saved(request, name))
    body = EXPORTS[format](doc)
    filename = f"{name.replace(' ', '_')}.{SUFFIXES[format]}"
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    if format == "html":
        headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    return Response(body, media_type=MEDIA_TYPES[format], headers=headers)

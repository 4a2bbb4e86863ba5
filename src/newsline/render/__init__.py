"""Render stage: a :class:`~newsline.model.Timeline` as JSON, Markdown, HTML, tilse text
or a plain-text terminal view.

Formats plug in through :data:`FORMATS` (name -> function); output files are
chosen by suffix with :func:`format_for_path` and written atomically by
:func:`write`.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..errors import ConfigError
from ..model import Timeline
from . import html, jsonfmt, markdown, terminal, tilse

Renderer = Callable[[Timeline], str]

FORMATS: dict[str, Renderer] = {
    "json": jsonfmt.render,
    "md": markdown.render,
    "html": html.render,
    "tilse": tilse.render,
    "text": terminal.render,
}

SUFFIXES: dict[str, str] = {
    ".json": "json",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".txt": "tilse",
    ".tilse": "tilse",
    ".tl": "tilse",
}

__all__ = ["FORMATS", "SUFFIXES", "format_for_path", "get_renderer", "render", "write"]


def get_renderer(fmt: str) -> Renderer:
    """The function for format ``fmt``; :class:`ConfigError` when unknown."""
    try:
        return FORMATS[fmt]
    except KeyError:
        known = ", ".join(sorted(FORMATS))
        raise ConfigError(f"unknown output format {fmt!r} (choose one of: {known})") from None


def render(timeline: Timeline, fmt: str) -> str:
    """The timeline as text in format ``fmt`` (``json``, ``md``, ``html``, ``tilse``, ``text``)."""
    return get_renderer(fmt)(timeline)


def format_for_path(path: str | os.PathLike[str]) -> str:
    """The format a file name asks for, from its suffix (case-insensitive)."""
    suffix = Path(path).suffix.lower()
    try:
        return SUFFIXES[suffix]
    except KeyError:
        known = " ".join(sorted(SUFFIXES))
        what = f"suffix {suffix!r}" if suffix else "no suffix"
        raise ConfigError(
            f"cannot tell the output format of {os.fspath(path)!r} from {what} (use one of: {known})"
        ) from None


def write(timeline: Timeline, path: str | os.PathLike[str], fmt: str | None = None) -> Path:
    """Render and write UTF-8 atomically (temporary file in the same folder, then rename).

    ``fmt`` defaults to :func:`format_for_path`. A new file gets mode 0644, a
    replaced one keeps its mode. Returns the path written.
    """
    target = Path(path)
    text = render(timeline, fmt or format_for_path(target))
    folder = target.parent
    mode = target.stat().st_mode & 0o777 if target.exists() else 0o644
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(text.encode("utf-8"))
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target

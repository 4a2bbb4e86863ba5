"""Render stage: a :class:`~newsline.model.Timeline` as JSON, Markdown, HTML, tilse text
or a plain-text terminal view.

Formats plug in through :data:`FORMATS` (name -> function); output files are
chosen by suffix with :func:`format_for_path` and written atomically by
:func:`write`.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from ..errors import ConfigError
from ..model import Timeline
from . import html, jsonfmt, markdown, output, terminal, tilse

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
    """Render and write UTF-8 by the rules of :mod:`newsline.render.output`.

    Atomic for regular files (temporary file in the same folder, then
    rename; a new file gets mode 0644, a replaced one keeps its mode);
    symbolic links are followed, devices and pipes streamed into, ``-`` is
    standard output (format ``text`` unless ``fmt``). ``fmt`` defaults to
    :func:`format_for_path`. Returns the path written.
    """
    target = Path(path)
    if fmt is None:
        fmt = "text" if output.is_stdout(path) else format_for_path(target)
    output.write_text(path, render(timeline, fmt))
    return target

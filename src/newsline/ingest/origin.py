"""One input to read: a file, standard input or a URL, with the name and id base it gives."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Source:
    """One input to read: a file (or ``-`` for stdin, or a URL) and the id its article gets."""

    path: Path | None  # None: standard input or a URL
    name: str  # shown in problems and Article.origin
    id_base: str
    url: str = ""  # an http(s) input, fetched

"""The web app of ``newsline serve``: a JSON API and a page, thin over the public API.

:func:`create_app` (in :mod:`.app`) builds the FastAPI application; the store
it reads is chosen in :mod:`.backend`; uploads are written by :mod:`.uploads`,
saved timelines by :mod:`.saved`, edits applied by :mod:`.edits`, exports made
by :mod:`.exports`; :mod:`.security` checks every request. Needs the ``web``
extra (FastAPI, uvicorn, python-multipart).
"""

from __future__ import annotations

__all__ = ["create_app"]


def __getattr__(name: str) -> object:
    if name == "create_app":
        from .app import create_app

        return create_app
    raise AttributeError(name)

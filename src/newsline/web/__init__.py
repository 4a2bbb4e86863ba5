"""The web app of ``newsline serve``: a JSON API and a page, thin over the public API.

:func:`create_app` (in :mod:`.app`) builds the FastAPI application over a store
(``newsline.store``, wrapped by :mod:`.backend`); :mod:`.uploads` takes uploads in
safely, :mod:`.saved` keeps saved timelines, :mod:`.edits` applies their edits,
:mod:`.exports` makes the exports, :mod:`.service` builds and caches timelines and
:mod:`.security` checks every request. Needs the ``web`` extra (FastAPI, uvicorn,
python-multipart).
"""

from __future__ import annotations

__all__ = ["create_app"]


def __getattr__(name: str) -> object:
    if name == "create_app":
        from .app import create_app

        return create_app
    raise AttributeError(name)

"""``newsline serve``: the web app to explore, curate and publish timelines.

Binds 127.0.0.1 unless told otherwise; any other address needs a token
(``--token`` or ``NEWSLINE_TOKEN``) which every API request must then carry.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from ..errors import ConfigError
from ..query import MAX_ARTICLES
from .common import note

TOKEN_ENV = "NEWSLINE_TOKEN"


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "serve",
        help="web app: explore, curate and publish timelines",
        description="Serve the newsline web app (needs the [web] extra): drop files on the page, "
        "search, build timelines, pin and exclude entries, save and export. "
        f"The API is documented at /docs. A token can also come from ${TOKEN_ENV}.",
    )
    p.add_argument("--store", default="newsline-store", metavar="PATH",
                   help="the store (newsline index add's folder; saved timelines too; "
                   "default: ./newsline-store)")  # fmt: skip
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    p.add_argument("--demo", action="store_true", help="add the bundled demo corpus to the store")
    p.add_argument("--token", help=f"token every API request must carry (default: ${TOKEN_ENV})")
    p.add_argument("--max-articles", type=int, default=MAX_ARTICLES, metavar="N",
                   help=f"a query that selects more articles builds from the N most relevant "
                   f"(default {MAX_ARTICLES:,}; 0: all it selects)")  # fmt: skip
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..web.security import is_loopback

    token = args.token or os.environ.get(TOKEN_ENV) or None
    if args.max_articles < 0:
        raise ConfigError(f"--max-articles must be 0 (all) or more, not {args.max_articles}")
    if not 0 < args.port < 65536:
        raise ConfigError(f"--port must be between 1 and 65535, not {args.port}")
    if not is_loopback(args.host):
        if not token:
            raise ConfigError(
                f"serving on {args.host} (not this machine only) needs a token: "
                f"--token SECRET or ${TOKEN_ENV}"
            )
        note(
            f"warning: serving on {args.host}: anyone who can reach it and has the token can "
            "read and change the store; the connection is not encrypted"
        )
    try:
        import uvicorn

        from ..web.app import create_app
    except ImportError as exc:
        raise ConfigError(
            f"newsline serve needs the web extra ({exc.name} is missing): pip install 'newsline[web]'"
        ) from None
    store = Path(args.store)
    if args.demo:
        note(f"store {store.resolve()}; adding the demo corpus to it", args.quiet)
    app = create_app(store, token=token, demo=args.demo, allowed_hosts=allowed_hosts(args.host),
                     max_articles=args.max_articles or None)
    info = app.state.ctx.backend.info()
    note(f"store {store.resolve()}: {info.get('articles', 0)} articles", args.quiet)
    shown = f"[{args.host}]" if ":" in args.host else args.host
    suffix = "/#token=…" if token else "/"
    note(f"open http://{shown}:{args.port}{suffix}", args.quiet)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


def allowed_hosts(host: str) -> set[str] | None:
    """``Host`` names answered: loopback names, plus the bound address; any for a wildcard
    address (0.0.0.0, ::), where the token is the guard."""
    from ..web.security import LOOPBACK_NAMES

    if host in ("0.0.0.0", "::", ""):
        return None
    return set(LOOPBACK_NAMES) | {host, f"[{host}]"}

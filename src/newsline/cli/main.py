"""``newsline`` command line: one module per command, thin over the library.

Each command module exposes ``add_parser(subparsers)`` (which sets
``func``) and a ``run(args) -> int``. Only the CLI configures logging,
prints, and chooses exit codes: 0 success, 1 partial failure (some inputs
skipped), 2 usage error, 3 nothing usable.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from .. import __version__
from ..errors import NewslineError, NoInputError

COMMANDS = ("build", "demo", "dates", "eval", "index", "score")

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_NOTHING = 0, 1, 2, 3


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="newsline",
        description="Turn a pile of news articles into a dated, sourced timeline.",
    )
    parser.add_argument("--version", action="version", version=f"newsline {__version__}")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more log output")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bars or notes")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in COMMANDS:
        module = importlib.import_module(f".{name}", __package__)
        module.add_parser(sub)
        # -v/-q also after the command name (``newsline build ... -q``).
        cmd = sub.choices[name]
        cmd.add_argument(
            "-v", "--verbose", action="count", default=argparse.SUPPRESS, help="more log output"
        )
        cmd.add_argument(
            "-q",
            "--quiet",
            action="store_true",
            default=argparse.SUPPRESS,
            help="no progress bars or notes",
        )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    level = logging.WARNING - 10 * args.verbose
    logging.basicConfig(level=level, format="newsline: %(levelname)s: %(message)s")
    try:
        return int(args.func(args))
    except NoInputError as exc:
        print(f"newsline: error {exc}", file=sys.stderr)
        return EXIT_NOTHING
    except NewslineError as exc:
        print(f"newsline: error {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("newsline: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

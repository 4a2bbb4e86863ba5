"""``newsline`` command line: one module per command, thin over the library.

Each command module exposes ``add_parser(subparsers)`` (which sets
``func``) and a ``run(args) -> int``. Only the CLI configures logging,
prints, and chooses exit codes (one rule for every command):

- 0: every input item was read and used;
- 1: some input was skipped (each with a warning line naming it);
- 2: usage or output error (bad option, output not writable or one of the inputs);
- 3: nothing usable (no article could be read, no dated event, a timeline to score unreadable);
- 4: an unexpected error (a bug): one line, ``-v`` shows the traceback;
- 130: interrupted (Ctrl-C).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the module imports almost nothing, so Ctrl-C at start-up meets main()
    import argparse
    from collections.abc import Sequence

COMMANDS = ("build", "demo", "dates", "eval", "index", "score", "serve")

EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_NOTHING, EXIT_BUG, EXIT_INTERRUPTED = 0, 1, 2, 3, 4, 130
#: Loggers of libraries whose messages name no file (``parsed tree length: 0``): shown only with -vv.
QUIET_LIBRARIES = ("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer")


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    import argparse
    import importlib

    from .. import __version__

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
    return parser.parse_args(_dash_values(parser, sys.argv[1:] if argv is None else list(argv)))


#: Options whose value may start with '-' (a query of only excluded words: ``--query -football``).
DASH_VALUES = ("--query", "-k")


def _dash_values(parser: argparse.ArgumentParser, argv: list[str]) -> list[str]:
    """``--query -word`` as ``--query=-word``: argparse takes a lone ``-word`` after an
    option for another option and stops with "expected one argument". A value that is
    itself an option (``--query -n``: a query forgotten, most likely) is a usage error
    saying to write ``--query=-n``."""
    import argparse

    options = {s for a in parser._actions for s in a.option_strings}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for cmd in action.choices.values():
                options |= {s for a in cmd._actions for s in a.option_strings}
    out: list[str] = []
    i = 0
    while i < len(argv):
        token = argv[i]
        value = argv[i + 1] if i + 1 < len(argv) else ""
        if token == "--":
            return out + argv[i:]
        if token in DASH_VALUES and value.startswith("-") and value != "-" and not value.startswith("--"):
            if value.split("=", 1)[0] in options:
                parser.error(f"{token} {value}: {value} is an option; a query that is {value!r} is written {token}={value}")
            out.append(f"{token}={value}")
            i += 2
            continue
        out.append(token)
        i += 1
    return out


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _main(argv)
    except KeyboardInterrupt:
        print("newsline: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED


def _main(argv: Sequence[str] | None) -> int:
    import traceback

    from ..errors import InputError, NewslineError

    verbose = 0
    try:
        args = parse_args(argv)
        verbose = args.verbose
        _configure_logging(verbose)
        return int(args.func(args))
    except InputError as exc:  # NoInputError, or the one input unreadable (score)
        print(f"newsline: error {_one_line(exc)}", file=sys.stderr)
        return EXIT_NOTHING
    except NewslineError as exc:
        print(f"newsline: error {_one_line(exc)}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        raise
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_OK
    except SystemExit:
        raise
    except BaseException as exc:  # a bug: one line, the traceback only with -v
        if verbose:
            traceback.print_exc()
        print(
            f"newsline: internal error: {type(exc).__name__}: {_one_line(exc)} "
            "(run again with -v for the traceback)",
            file=sys.stderr,
        )
        return EXIT_BUG


def _configure_logging(verbose: int) -> None:
    import logging

    level = logging.WARNING - 10 * verbose
    logging.basicConfig(level=level, format="newsline: %(levelname)s: %(message)s")
    if verbose < 2:
        for name in QUIET_LIBRARIES:
            logging.getLogger(name).setLevel(logging.CRITICAL + 1)


def _one_line(exc: BaseException) -> str:
    text = str(exc)
    return text.replace("\r", "\\r").replace("\n", "\\n")[:2000]


def _silence_stdout() -> None:
    """After a closed pipe, point stdout at /dev/null so the interpreter's final flush is quiet."""
    import os

    try:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, sys.stdout.fileno())
        os.close(fd)
    except (OSError, ValueError):
        pass


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

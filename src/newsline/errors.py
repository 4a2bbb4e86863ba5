"""Errors raised by newsline. Every user-facing error has a short code.

The CLI prints ``newsline: error [CODE]: message`` on one line and never a
traceback for these. Library code raises them; per-item problems that do not
stop a run are collected as :class:`Problem` records instead.
"""

from __future__ import annotations

from dataclasses import dataclass


class NewslineError(Exception):
    """Base class of all newsline errors."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class InputError(NewslineError, ValueError):
    """The input cannot be read or understood (missing path, bad file, bad record)."""

    code = "E100"


class NoInputError(InputError):
    """Nothing usable remained after reading every input."""

    code = "E101"


class ConfigError(NewslineError, ValueError):
    """An option or argument is invalid."""

    code = "E200"


class DatasetError(NewslineError, ValueError):
    """A benchmark dataset folder is not in the expected layout."""

    code = "E300"


class NotFittedError(NewslineError, AttributeError):
    """A learned component was used before ``fit`` (scikit-learn's contract)."""

    code = "E400"


@dataclass(frozen=True, slots=True)
class Problem:
    """A per-item problem that was skipped: where, and why.

    ``where`` is a file name, optionally with ``:line``.
    """

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


class OutputError(NewslineError, OSError):
    """The output cannot be written (bad place, one of the inputs, disk full...)."""

    code = "E500"

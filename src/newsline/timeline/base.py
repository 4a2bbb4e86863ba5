"""The contract every timeline method follows, and the registry of methods.

A method turns a prepared :class:`~newsline.model.Corpus` into a
:class:`~newsline.model.Timeline` under a :class:`TimelineConfig`. Methods
plug in by name with :func:`register`; nothing dispatches on strings with
if/elif.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from ..errors import ConfigError
from ..model import Corpus, Timeline


@dataclass(frozen=True, slots=True)
class TimelineConfig:
    """What the caller asks of a timeline.

    ``n_dates``/``n_sentences`` of ``None`` let the method choose a length
    that suits the corpus. ``keywords`` (case-insensitive) restrict which
    sentences may be selected; an empty tuple means no restriction.
    ``start``/``end`` bound the dates of the timeline.
    """

    n_dates: int | None = None
    n_sentences: int | None = None
    keywords: tuple[str, ...] = ()
    start: dt.date | None = None
    end: dt.date | None = None
    random_state: int = 0


class TimelineMethod(Protocol):
    name: str

    def build(self, corpus: Corpus, config: TimelineConfig) -> Timeline: ...


_REGISTRY: dict[str, Callable[[], TimelineMethod]] = {}


def register(name: str) -> Callable[[Callable[[], TimelineMethod]], Callable[[], TimelineMethod]]:
    """Class decorator / factory registration: ``@register("datewise")``."""

    def deco(factory: Callable[[], TimelineMethod]) -> Callable[[], TimelineMethod]:
        _REGISTRY[name] = factory
        return factory

    return deco


def get_method(name: str) -> TimelineMethod:
    from . import methods  # noqa: F401  (imports register the built-in methods)

    try:
        return _REGISTRY[name]()
    except KeyError:
        known = ", ".join(sorted(_REGISTRY))
        raise ConfigError(f"unknown timeline method {name!r} (known: {known})") from None


def available_methods() -> list[str]:
    from . import methods  # noqa: F401

    return sorted(_REGISTRY)


DEFAULT_METHOD = "datewise"

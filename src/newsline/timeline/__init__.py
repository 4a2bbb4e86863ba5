"""Timeline stage: date selection, sentence selection, and the methods that combine them."""

from .base import (
    DEFAULT_METHOD,
    TimelineConfig,
    TimelineMethod,
    available_methods,
    get_method,
    register,
)

__all__ = [
    "DEFAULT_METHOD",
    "TimelineConfig",
    "TimelineMethod",
    "available_methods",
    "get_method",
    "register",
]

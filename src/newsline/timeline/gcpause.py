"""Pausing the cyclic garbage collector while a timeline is built.

A timeline allocates hundreds of thousands of small objects at once (a record
per sentence of the corpus, candidate lists, sparse-matrix pieces), none of
them in reference cycles. Each burst of allocations would make the collector
walk every object alive (the whole corpus) again: a third of the time of a
timeline of a 5,000-article store. What the build leaves behind is freed by
reference counting as usual; cycles, if any, at the next collection.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """The collector off inside the block; back on after it if it was on
    (nested or concurrent blocks leave it to the outermost)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()

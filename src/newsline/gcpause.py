"""Pausing the cyclic garbage collector while a corpus is read or a timeline is built.

Here, not in :mod:`newsline.timeline`, so that the store uses it without
importing the timeline stage. Reading a corpus from the store (a document,
sentences and mentions per article) and building a timeline (a record per
sentence of the corpus, candidate lists, sparse-matrix pieces) allocate
hundreds of thousands of small objects at once, none of them in reference
cycles. Each burst of allocations would make the collector walk every object
alive (the whole corpus) again: a third of the time of a timeline of a
5,000-article store. What the block leaves behind is freed by reference
counting as usual; cycles, if any, at the next collection.
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

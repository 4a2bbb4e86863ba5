"""Options of :func:`~newsline.ingest.read` beyond paths: field mapping, date order, fetching."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from .fetch import Fetcher, FetchSettings
from .formats.fields import FieldMap


@dataclass
class ReadOptions:
    """How records are mapped and pages fetched.

    ``fields`` maps article fields (id, title, text, date, url, source) to
    column names (``--field``); ``dayfirst`` forces the order of numeric
    dates (``None``: decided per file from its values); ``fetch`` downloads
    the pages of feed entries that carry no text; ``fetch_settings`` says
    how (URLs given as inputs are always fetched).
    """

    fields: Mapping[str, str] = field(default_factory=dict)
    dayfirst: bool | None = None
    fetch: bool = False
    fetch_settings: FetchSettings = field(default_factory=FetchSettings)
    #: called with the number of articles just read (a progress bar's ``update``)
    tick: Callable[[int], object] | None = None

    @cached_property
    def field_map(self) -> FieldMap:
        return FieldMap(self.fields)

    @cached_property
    def fetcher(self) -> Fetcher:
        """One fetcher per read, so the per-host delay holds across all inputs."""
        return Fetcher(self.fetch_settings)


class TickingList(list):  # type: ignore[type-arg]
    """A list of articles that reports every addition to ``tick`` (progress on large files)."""

    def __init__(self, tick: Callable[[int], object]) -> None:
        super().__init__()
        self._tick = tick

    def append(self, item: object) -> None:
        super().append(item)
        self._tick(1)

    def extend(self, items: Iterable[object]) -> None:
        before = len(self)
        super().extend(items)
        self._tick(len(self) - before)

"""Options of :func:`~newsline.ingest.read` beyond paths: field mapping, date order, fetching."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from .fetch import Fetcher, FetchSettings
from .fields import FieldMap


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

    @cached_property
    def field_map(self) -> FieldMap:
        return FieldMap(self.fields)

    @cached_property
    def fetcher(self) -> Fetcher:
        """One fetcher per read, so the per-host delay holds across all inputs."""
        return Fetcher(self.fetch_settings)

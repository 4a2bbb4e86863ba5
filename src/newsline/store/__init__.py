"""The embedded store: articles and their prepared documents on disk, added incrementally.

:class:`Store` opens (or, on the first :meth:`Store.add`, creates) a folder
of Parquet shards and a versioned manifest (:mod:`.layout`, docs/store.md).
``add`` streams any input :func:`newsline.load` reads through an engine
(:mod:`.engines`: a local process pool, or Dask) into shards committed
atomically (:mod:`.writer`); ``corpus`` gives :func:`newsline.build_timeline`
what it needs without preparing the articles again (:mod:`.query`).
"""

from __future__ import annotations

from .layout import SCHEMA_VERSION, StoreError
from .store import Store, StoreInfo
from .writer import AddReport

__all__ = ["SCHEMA_VERSION", "AddReport", "Store", "StoreError", "StoreInfo"]

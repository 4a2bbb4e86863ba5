"""Parquet files (pyarrow): one record per row, with the field rules of JSON lines.

Read in batches, so a large file is never held in memory twice. Timestamp
and date columns arrive as ``datetime``/``date`` values.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from .._report import Reporter

#: Rows converted to Python objects at a time.
BATCH_ROWS = 2048


def iter_parquet(stream: BinaryIO, *, name: str, report: Reporter) -> Iterator[tuple[int, dict]]:
    """``(row number, row as a dict)`` for each row; one problem when the file is unreadable."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        reader = pq.ParquetFile(stream)
    except (pa.ArrowException, OSError, ValueError) as exc:
        report.problem(name, f"not a readable Parquet file ({exc}); skipped")
        return
    row = 0
    try:
        for batch in reader.iter_batches(batch_size=BATCH_ROWS):
            for record in batch.to_pylist():
                row += 1
                yield row, record
    except (pa.ArrowException, OSError, ValueError) as exc:
        report.problem(name, f"damaged Parquet file after row {row} ({exc}); rest skipped")

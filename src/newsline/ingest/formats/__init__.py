"""One module per input format: plain text, HTML, record files (JSON lines, JSON, CSV/TSV)
and their field mapping, Parquet, RSS/Atom feeds, WARC archives.

Each turns one source's decoded content into articles; :mod:`newsline.ingest.reader`
chooses the format and :mod:`newsline.ingest.source` does the safe reading.
"""

"""Property-based (hypothesis) fuzzing of the readers: no exception escapes, every item is
accounted for, and every article keeps text."""

from __future__ import annotations

import gzip
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsline.ingest import read
from newsline.ingest.source import Limits

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.sampled_from(
        ["text", "body", "id", "title", "date", "time", "url", "source", "articles"]), children, max_size=5),
    max_leaves=20,
)
records = st.lists(json_values, max_size=6).map(lambda vs: "\n".join(json.dumps(v) for v in vs))
csv_text = st.lists(
    st.lists(st.text(alphabet='ab ,"\n\t\r2010-05-24', max_size=20), min_size=1, max_size=4),
    max_size=6,
).map(lambda rows: "id,date,text\n" + "\n".join(",".join(r) for r in rows))
html_text = st.text(max_size=200).map(
    lambda t: f"<html><head><meta charset='utf-8'><title>{t[:20]}</title></head><body><p>{t}</p></body></html>"
)
contents = st.one_of(
    st.binary(max_size=600),
    st.text(max_size=600).map(lambda t: t.encode("utf-8", "surrogatepass")),
    records.map(str.encode),
    csv_text.map(str.encode),
    html_text.map(lambda t: t.encode("utf-8", "surrogatepass")),
)
names = st.sampled_from(
    ["a.txt", "a.jsonl", "a.json", "a.csv", "a.tsv", "a.html", "noext", "a.txt.gz", "a.jsonl.gz", "a.csv.gz"]
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=contents, name=names, gz=st.booleans())
def test_any_file_reads_without_an_exception(data: bytes, name: str, gz: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(gzip.compress(data) if gz or name.endswith(".gz") else data)
        result = read([path], limits=Limits(max_file_size=1 << 20, max_record_size=1 << 16))
    assert result.items_read == len(result.articles) + sum(result.skipped.values())
    for article in result.articles:
        assert isinstance(article.text, str) and article.text.strip()
        article.text.encode("utf-8")  # no lone surrogate survives reading


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=contents, name=names, zst=st.booleans(), keep=st.floats(0.0, 1.0))
def test_a_cut_compressed_file_reads_without_an_exception(data: bytes, name: str, zst: bool, keep: float) -> None:
    """Cut anywhere, a .gz or .zst: what was inflated is read or one line says why; every
    item is accounted for."""
    import zstandard

    with tempfile.TemporaryDirectory() as tmp:
        base = name.removesuffix(".gz")
        path = Path(tmp) / (base + (".zst" if zst else ".gz"))
        packed = zstandard.ZstdCompressor().compress(data) if zst else gzip.compress(data)
        path.write_bytes(packed[: int(len(packed) * keep)])
        result = read([path], limits=Limits(max_file_size=1 << 20, max_record_size=1 << 16))
    assert result.items_read == len(result.articles) + sum(result.skipped.values())
    assert result.articles or result.problems or not data.strip()
    for article in result.articles:
        assert isinstance(article.text, str) and article.text.strip()

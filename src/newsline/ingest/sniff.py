"""What a file is: its kind from the name, else from its first bytes.

Kinds read as articles: ``text``, ``html``, ``jsonl``, ``json``, ``csv``,
``tsv``, ``feed`` (RSS/Atom), ``warc`` and ``parquet``. Kinds that are not
articles and are skipped with one line: newsline's own timelines
(:data:`OWN_OUTPUT`), XML that is not a feed and files of unknown formats.
"""

from __future__ import annotations

import json
import os
import re

from .compress import split_suffix

TEXT_EXTS = {".txt", ".text", ".md"}
HTML_EXTS = {".html", ".htm", ".xhtml", ".shtml"}
JSONL_EXTS = {".jsonl", ".ndjson"}
_BY_EXT = {
    **dict.fromkeys(TEXT_EXTS, "text"),
    **dict.fromkeys(HTML_EXTS, "html"),
    **dict.fromkeys(JSONL_EXTS, "jsonl"),
    ".json": "json",
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "xml",
    ".rdf": "xml",
    ".warc": "warc",
    ".parquet": "parquet",
    ".pq": "parquet",
}
#: Kinds skipped without being read as articles, with the reason shown.
NOT_ARTICLES = {
    "newsline": "a timeline written by newsline, not an article; skipped",
    "xml": "XML that is not an RSS or Atom feed; skipped",
}
_HTML_START = re.compile(
    r"\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|article)\b", re.I | re.S
)
_XML_ROOT = re.compile(r"<([A-Za-z_][\w.:-]*)")
_FEED_ROOTS = {"rss", "feed", "rdf:rdf", "rdf", "channel"}
#: Signatures newsline's renderers write (JSON schema, HTML generator, Markdown marker).
_OWN_JSON = re.compile(r'^\s*[\[{]\s*"schema"\s*:\s*"newsline\.timeline/')
_OWN_HTML = re.compile(r'<meta\s+name="generator"\s+content="newsline[\s"]', re.I)
MARKDOWN_MARK = "<!-- newsline timeline -->"
_TILSE = re.compile(r"\A\s*\d{4}-\d{2}-\d{2}\n(?:.*\n)*?-{32}\n")


def kind_from_name(name: str) -> tuple[str, str]:
    """``(kind, compression)`` from a file name; kind ``""`` when the name does not say.

    A name with a suffix that is none of ours gives kind ``"unknown"``.
    """
    base, compression = split_suffix(os.path.basename(name))
    ext = os.path.splitext(base.lower())[1]
    if not ext:
        return "", compression
    return _BY_EXT.get(ext, "unknown"), compression


def sniff_bytes(head: bytes) -> str:
    """``warc`` or ``parquet`` from the magic bytes of (decompressed) data, else ``""``."""
    if head.startswith(b"WARC/"):
        return "warc"
    if head.startswith(b"PAR1"):
        return "parquet"
    return ""


_ARCHIVES = ((b"7z\xbc\xaf\x27\x1c", "7z"), (b"Rar!\x1a\x07", "rar"))


def archive_kind(data: bytes, name: str) -> str:
    """``zip``, ``tar``, ``7z`` or ``rar`` for an archive of files (read by no reader:
    its line says to unpack it), else ``""``. A zip not named ``.zip`` may be a
    document (.docx, .epub): only the name tells."""
    if data.startswith(b"PK\x03\x04") and split_suffix(name.lower())[0].endswith(".zip"):
        return "zip"
    if data[257:262] == b"ustar":
        return "tar"
    return next((kind for magic, kind in _ARCHIVES if data.startswith(magic)), "")


def looks_html(data: bytes) -> bool:
    """Whether bytes named as plain text are an HTML page (one saved as ``page.txt``)."""
    return _HTML_START.match(data[:4096].decode("utf-8", "replace").lstrip("\ufeff")) is not None


def sniff_text(text: str) -> str:
    """The kind of decoded text without a telling name (standard input, URLs, no suffix)."""
    head = text[:4096]
    if _HTML_START.match(head):
        return "html"
    stripped = head.lstrip()
    if stripped.startswith("<"):
        return xml_kind(head)
    if stripped.startswith("{"):
        return "jsonl" if not _is_one_json(text) else "json"
    if stripped.startswith("["):
        return "json"
    return "text"


def xml_kind(head: str) -> str:
    """``feed``, ``html`` or ``xml`` from the root element of an XML document."""
    pos = 0
    while True:
        m = _XML_ROOT.search(head, pos)
        if m is None:
            return "xml"
        before = head[max(0, m.start() - 1) : m.start() + 2]
        if before.startswith(("<?", "<!")):
            pos = m.end()
            continue
        root = m.group(1).lower()
        if root in _FEED_ROOTS:
            return "feed"
        return "html" if root == "html" else "xml"


def own_output(kind: str, text: str) -> bool:
    """True when ``text`` is a timeline newsline wrote (by its schema or signature)."""
    head = text[:4096]
    if kind in ("json", "jsonl"):
        return bool(_OWN_JSON.match(head))
    if kind == "html":
        return bool(_OWN_HTML.search(head))
    if kind == "text":
        return MARKDOWN_MARK in text[-512:] or bool(_TILSE.match(text))
    return False


def stem(name: str) -> str:
    """A file name without any of its suffixes."""
    base = os.path.basename(name)
    while True:
        root, ext = os.path.splitext(base)
        if not ext or not root:
            return base
        base = root


def _is_one_json(text: str) -> bool:
    """True when a text starting with ``{`` is one (possibly multi-line) JSON document."""
    first = text.lstrip().split("\n", 1)[0]
    try:
        json.loads(first)
    except ValueError:
        return True  # first line alone is not JSON: a pretty-printed document
    return False

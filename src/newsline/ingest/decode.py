"""Bytes to text: binary sniffing, UTF-8 with a charset-normalizer fallback."""

from __future__ import annotations

import codecs
import re

#: How many leading bytes are inspected to tell text from binary.
SNIFF_BYTES = 8192

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control bytes that never occur in text (tab, newline, form feed, CR, ESC excluded).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))
_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x7fELF", b"\x1f\x8b")


def looks_binary(data: bytes) -> bool:
    """True when the start of ``data`` is clearly not text.

    By structure, not by one byte: a known magic number, or more than 1% (3 at
    least) of the first :data:`SNIFF_BYTES` being control bytes, where a run of
    NUL bytes counts once. So a text with a stray NUL, or padded with NULs at
    its end (a log cut by a crash), is text (its NULs are removed, with a
    count, by :func:`decode_text`), and so is UTF-16 without a byte-order
    mark; a binary's scattered NULs and other control bytes are far above 1%.
    """
    head = data[:SNIFF_BYTES]
    if not head:
        return False
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return False
    if head.startswith(_MAGIC):
        return True
    if b"\x00" in head and utf16_codec(head):
        return False
    nul_runs = len(_NUL_RUN.findall(head))
    rest = head.replace(b"\x00", b"")
    if nul_runs and not rest.strip():
        return True  # nothing but NUL bytes (and blanks)
    controls = len(rest) - len(rest.translate(None, _CONTROL))
    return nul_runs + controls > max(2, len(head) // 100)


_NUL_RUN = re.compile(rb"\x00+")


def utf16_codec(head: bytes) -> str | None:
    """``utf-16-le`` or ``-be`` for UTF-16 text without a byte-order mark (its NULs
    are the high bytes of ASCII, all on odd or all on even offsets), else ``None``."""
    half = len(head) // 2
    if half < 8:
        return None
    even, odd = head[0 : 2 * half : 2].count(0), head[1 : 2 * half : 2].count(0)
    if odd > half * 3 // 10 and even <= half // 50:
        codec = "utf-16-le"
    elif even > half * 3 // 10 and odd <= half // 50:
        codec = "utf-16-be"
    else:
        return None
    return codec if plausible(head[: 2 * half].decode(codec, "replace")) else None


def decode(data: bytes) -> str | None:
    """Text of ``data``; ``None`` when no encoding gives plausible text (see :func:`decode_text`)."""
    return decode_text(data)[0]


def decode_text(data: bytes, declared: str | None = None) -> tuple[str | None, str | None]:
    """Text of ``data`` and a remark worth a warning line (or ``None``; with no
    text, the remark, if any, says why).

    A BOM decides first (a UTF-8 one on bytes that are not all UTF-8 is
    dropped, the rest read as below); then a ``declared`` charset (an HTML page's
    ``<meta charset>``) when Python knows it; then UTF-8. A file that is
    UTF-8 but for a few bad bytes (it has at least as many valid multi-byte
    characters as invalid bytes) is decoded as UTF-8 with U+FFFD for each bad
    byte, and the remark counts them; only other files go to
    charset-normalizer's guess. Line ends are normalised to ``\\n``.
    """
    text: str | None = None
    remark: str | None = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding).lstrip("\ufeff")
            except UnicodeDecodeError:
                text = None
                if encoding == "utf-8":  # a UTF-8 BOM on damaged UTF-8 (or on another charset):
                    data = data[len(bom) :]  # read as a file without one
                    break
            if text is None or not plausible(text):  # a BOM on bytes that are not such text
                return None, f"a {encoding.upper()} byte-order mark, but the bytes are not {encoding.upper()} text"
            break
    if text is None and b"\x00" in data[:SNIFF_BYTES]:
        codec = utf16_codec(data[:SNIFF_BYTES])
        if codec:  # UTF-16 without a byte-order mark
            text = data[: len(data) // 2 * 2].decode(codec, "replace")
    if text is None and declared:
        try:
            text = data.decode(declared)
        except LookupError:
            text = None  # unknown charset name: fall through to UTF-8
        except UnicodeDecodeError:
            text = data.decode(declared, "replace")
            remark = f"bytes invalid in the declared charset {declared!r} replaced with U+FFFD"
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            bad, good = _utf8_damage(data)
            if good >= bad:
                text = data.decode("utf-8", "replace")
                remark = f"{bad} invalid UTF-8 byte{'s' if bad != 1 else ''} replaced with U+FFFD"
            else:
                text = _guess(data)
                if text is None:
                    return None, None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text:  # stray NULs or NUL padding in a text (see :func:`looks_binary`)
        nuls = text.count("\x00")
        text = text.replace("\x00", "")
        said = f"{nuls} NUL byte{'s' if nuls != 1 else ''} removed"
        remark = f"{remark}; {said}" if remark else said
    return text, remark


#: Unicode categories that text in any language hardly holds: unassigned, private
#: use, surrogates, controls (whitespace and ESC are category Cc but allowed).
_NOT_TEXT = frozenset({"Cn", "Co", "Cs", "Cc"})
_ALLOWED_CONTROLS = frozenset("\t\n\x0b\x0c\r\x1b\x85")


def plausible(text: str, sample: int = SNIFF_BYTES) -> bool:
    """False when over 1% of the first ``sample`` characters (3 at least) are
    unassigned, private-use, surrogate or control characters: what arbitrary
    bytes read in a BOM's encoding give (random UTF-16 is ~15% such code points),
    never a real text in any script."""
    import unicodedata

    head = text[:sample]
    odd = sum(1 for c in head if c not in _ALLOWED_CONTROLS and unicodedata.category(c) in _NOT_TEXT)
    return odd < max(3, len(head) // 100)


def _utf8_damage(data: bytes) -> tuple[int, int]:
    """(invalid bytes, valid non-ASCII characters) of ``data`` read as UTF-8."""
    text = data.decode("utf-8", "surrogateescape")
    bad = len(_ESCAPED.findall(text))
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    return bad, non_ascii - bad


_ESCAPED = re.compile("[\udc80-\udcff]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def html_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` tag of its first 4 KB, if any."""
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _guess(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None
    return str(best)

"""Bytes in, text out: decoding, refusing what is not a page, and telling HTML from text dumps.

Declared charsets are often wrong (a page saved as cp1252 that says UTF-8, a server header left
at ISO-8859-1), so a declaration is a hint, checked against the bytes: valid UTF-8 is taken as
UTF-8, a declaration is trusted only if the bytes decode under it, and detection has the last word.
"""

from __future__ import annotations

import codecs

import charset_normalizer
import regex

from ..errors import InputTooLarge, NotAPage
from ..options import DEFAULT_MAX_BYTES

_BINARY_MAGIC = (
    (b"%PDF-", "PDF document"), (b"\x89PNG", "PNG image"), (b"PK\x03\x04", "zip archive"),
    (b"GIF8", "GIF image"), (b"\xff\xd8\xff", "JPEG image"), (b"\x1f\x8b", "gzip data"),
    (b"BZh", "bzip2 data"), (b"\x7fELF", "ELF binary"), (b"OggS", "Ogg media"), (b"RIFF", "RIFF media"),
    (b"\x00\x00\x01\x00", "icon"), (b"7z\xbc\xaf", "7z archive"), (b"\xfd7zXZ", "xz data"),
)
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_META_CHARSET = regex.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([\w:.-]{2,40})""", regex.IGNORECASE)
_HTML_START = regex.compile(
    r"^\s*(?:<\?xml[^>]{0,200}>\s*)?(?:<!--.{0,2000}?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title"
    r"|div|p|article|section|main|header|nav|script|style|link|table|span|h[1-6]|ul|form|iframe)\b",
    regex.IGNORECASE | regex.DOTALL,
)
_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0e-\x1f\ufffd]")
_HTML_TAG = regex.compile(r"</?(?:p|div|span|a|li|ul|ol|table|td|tr|br|h[1-6]|body|html|section|article|img)\b[^>\n]{0,500}>",
                          regex.IGNORECASE)


def check_size(n: int, max_bytes: int | None) -> None:
    if max_bytes is not None and n > max_bytes:
        raise InputTooLarge(f"input is {n} bytes, more than max_bytes={max_bytes}")


def decode(data: bytes, declared: str | None = None) -> str:
    """Decode page bytes, trusting evidence in the bytes over any declaration."""
    for magic, what in _BINARY_MAGIC:
        if data.startswith(magic):
            raise NotAPage(f"input is a {what}, not a page")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lenient = data.decode("utf-8", errors="replace")
    if lenient.count("\ufffd") <= max(3, len(lenient) // 2000) and not lenient.isascii():
        return lenient  # UTF-8 with a few broken bytes, not another charset: keep the rest intact
    candidates = [declared] if declared else []
    m = _META_CHARSET.search(data[:4096])
    if m:
        candidates.append(m.group(1).decode("ascii", "ignore"))
    for name in candidates:
        try:
            codec = codecs.lookup(name).name
        except LookupError:
            continue
        if codec not in ("utf-8", "ascii"):  # already refuted above
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                continue
    best = charset_normalizer.from_bytes(data[:200_000]).best()
    if best is not None and best.encoding:
        return data.decode(best.encoding, errors="replace")
    return data.decode("utf-8", errors="replace")


def looks_binary(text: str) -> bool:
    """Mostly control characters or replacement marks: the bytes were not text at all."""
    sample = text[:20000]
    if not sample:
        return False
    return len(_CONTROL.findall(sample)) > 0.1 * len(sample)


def is_html(text: str) -> bool:
    """HTML or a text rendering?  Markup at the start, or markup throughout, means HTML."""
    head = text[:200_000].lstrip()[:5000]  # some pages open with kilobytes of whitespace
    if _HTML_START.match(head):
        return True
    tags = _HTML_TAG.findall(text[:50000])
    return len(tags) >= 8 and sum(map(len, tags)) > 0.05 * min(len(text), 50000)


def load(data: str | bytes, *, max_bytes: int | None = DEFAULT_MAX_BYTES,
         encoding: str | None = None) -> tuple[str, str]:
    """Return ``(text, kind)`` where kind is "html" or "text"; raise typed errors on non-pages."""
    if isinstance(data, bytes | bytearray | memoryview):
        raw = bytes(data)
        check_size(len(raw), max_bytes)
        text = decode(raw, encoding)
    elif isinstance(data, str):
        check_size(len(data), max_bytes)
        text = data
    else:
        raise NotAPage(f"expected str or bytes, got {type(data).__name__}")
    if looks_binary(text):
        raise NotAPage("input is binary data, not a page")
    text = text.replace("\x00", "")
    return text, "html" if is_html(text) else "text"

"""Bytes in, text out: decoding, refusing what is not a page, and telling HTML from text dumps.

Declared charsets are often wrong (a page saved as cp1252 that says UTF-8, a server header left
at ISO-8859-1), so a declaration is a hint, checked against the bytes: valid UTF-8 is taken as
UTF-8, a declaration is trusted only if it names a text charset, the bytes decode under it and the
result does not turn Latin words into CJK, and detection has the last word. Gzipped pages are
unpacked here, with ``max_bytes`` applied to what they unpack to. An HTML page's element counts
are checked here too, before any parser sees it: see :func:`check_complexity`.
"""

from __future__ import annotations

import codecs
import re
import zlib
from itertools import islice

import charset_normalizer
import regex

from ..errors import InputTooLarge, NotAPage, PageTooComplex
from ..options import DEFAULT_MAX_BYTES
from ..text import lazy

_BINARY_MAGIC = (
    (b"%PDF-", "PDF document"), (b"\x89PNG", "PNG image"), (b"PK\x03\x04", "zip archive"),
    (b"GIF8", "GIF image"), (b"\xff\xd8\xff", "JPEG image"), (b"\x1f\x8b", "gzip data"),
    (b"BZh", "bzip2 data"), (b"\x7fELF", "ELF binary"), (b"OggS", "Ogg media"), (b"RIFF", "RIFF media"),
    (b"\x00\x00\x01\x00", "icon"), (b"7z\xbc\xaf", "7z archive"), (b"\xfd7zXZ", "xz data"),
)
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
_GZIP_MAGIC = b"\x1f\x8b"
_META_CHARSET = regex.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([\w:.-]{2,40})""", regex.IGNORECASE)
_HTML_START = regex.compile(
    r"^\s*(?:<\?xml[^>]{0,200}>\s*)?(?:<!--.{0,2000}?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title"
    r"|div|p|article|section|main|header|nav|script|style|link|table|span|h[1-6]|ul|form|iframe)\b",
    regex.IGNORECASE | regex.DOTALL,
)
_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0e-\x1f\ufffd]")
_HTML_TAG = regex.compile(r"</?(?:p|div|span|a|li|ul|ol|table|td|tr|br|h[1-6]|body|html|section|article|img)\b[^>\n]{0,500}>",
                          regex.IGNORECASE)


_SURROGATE = regex.compile(r"[\ud800-\udfff]")
_PROLOG = re.compile(r"\s*(?:<\?xml[^>]{0,300}\?>|<!--.*?-->|<!doctype\b[^>\[]{0,500}(?:\[.*?\]\s*)?>)",
                     re.IGNORECASE | re.DOTALL)
PROLOG_SCAN = 1_000_000
"""Characters searched for the end of a page's prolog (XML declaration, comments, a DOCTYPE with an
internal subset): entity tables run to kilobytes, never to megabytes, before a real page's markup."""

NOT_CHARSETS = frozenset({"undefined", "unicode-escape", "raw-unicode-escape", "punycode", "idna"})
"""Text codecs Python knows that no page is written in: each would raise, or re-read the text's
escapes, instead of decoding it. (Byte-to-byte codecs such as hex, base64 or zlib are refused as
not text codecs at all.)"""

_CJK = r"\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}"
_CJK_CHAR = regex.compile(rf"[{_CJK}]")
_CJK_IN_LATIN = regex.compile(rf"(?<=[A-Za-z])[{_CJK}]|[{_CJK}](?=[A-Za-z])")
CJK_GLUED_SHARE = 0.5
"""Above this share of CJK characters touching a Latin letter, a declared charset is refused: real CJK
text sits among CJK characters and punctuation ("iPhone用" is rare), while a Latin page read under a
CJK charset turns each accented letter and its neighbour into one ideograph inside a Latin word."""

WIDE_NUL_SHARE = 0.6
"""Share of NUL bytes in every second (UTF-16) or in three of every four (UTF-32) positions that marks
text in those encodings without a BOM: the markup and ASCII text of a page put a NUL beside each byte."""
WIDE_SAMPLE = 4096
"""Bytes looked at to recognise UTF-16 or UTF-32 without a BOM (the page's opening markup is enough)."""

MAX_ELEMENTS = 100_000
"""Most tags an HTML page may open. The largest of 1,300 real pages opens 15,800; parsing and walking
cost about 2.5 KB and 40 microseconds per element, so this caps a page's tree near 250 MB and 4 s."""
MAX_TABLE_CELLS = 50_000
"""Most table cells (<td>, <th>): 50 times the most seen on a real page (938)."""
MAX_ATTRIBUTES = 1_000
"""Most attributes on one element: real pages stay under 400; the parser's duplicate check is
quadratic in them (100,000 on one element took 302 s)."""
_TAG_OPEN = re.compile(r"<[A-Za-z]")
_CELL_OPEN = re.compile(r"<t[dh][\s/>]", re.IGNORECASE)
_WS = "\t\n\f\r "
"""HTML5's whitespace, the only characters libxml2 2.14 separates names and values by (not NBSP, VT or
other Unicode spaces, which a regex ``\\s`` would also take)."""
_ATTR = rf"""[^{_WS}/>][^{_WS}/>=]*+(?:[{_WS}]*+=[{_WS}]*+(?:"[^"]*+"?|'[^']*+'?|[^{_WS}>]*+))?+"""
"""An attribute as HTML5 tokenises it: a name is any run of characters but spaces, ``/``, ``>`` and
(after its first) ``=``; quotes and ``<`` in a name are parse errors, not the end of the tag."""
_NAME = rf"[A-Za-z][^{_WS}/>]*+"
"""A tag's name: only an ASCII letter after ``<`` opens a tag (``<ſ``, ``<_a`` and ``<1`` are text)."""
_SEP = rf"[{_WS}/]"
_NEXT = rf"(?:{_SEP}++|(?<=[\"']))"
"""What comes before an attribute: spaces or slashes, or nothing after a quoted value's closing quote."""
_GROUP = rf"(?:{_SEP}++(?:{_ATTR})?+|(?<=[\"']){_ATTR})"
"""A run of separators with the attribute after it, if any (end tags: their attributes are not counted)."""
_ATTRS_WITHIN_LIMIT = rf"(?:{_NEXT}{_ATTR}){{0,{MAX_ATTRIBUTES}}}+(?!{_NEXT}[^{_WS}/>])"
"""A start tag's attributes, up to the limit and not one more (a tag with more is group 1 of the scan)."""
_OPEN_END = rf"(?:{_SEP}++(?<=[{_WS}])|)>"
"""The end of a start tag that is not self-closed: ``<script/>`` and ``<title />`` make empty elements (the
parser reads on in markup), while ``<script a=b/>`` is a script whose value ``b/`` holds the slash."""
_RAW_TEXT_ELEMENTS = ("script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes")
"""Elements whose content the parser reads as text up to their own end tag, wherever they stand (lxml 6's
libxml2 does so inside <svg> too; it parses <noscript> content as markup). Content skipped for any other
element would hide markup the parser builds; content scanned needlessly only counts more."""


def _either_case(name: str) -> str:
    """A tag name in ASCII letters of either case, spelt out: ignoring case would also match "ſcript"
    (long s), which the parser does not read as a script."""
    return "".join(f"[{c.upper()}{c}]" for c in name)


_S, _B = _either_case("script"), rf"(?=[{_WS}/>])"
_DOUBLE = rf"(?:[^<-]++|-(?!->)|<(?!/{_S}{_B}))"
"""Script text inside "<!--" after a "<script" in it: HTML5 ends such text at "-->", and "</script" only
takes it back to the commented part (double-escaped script data)."""
_ESCAPED = (rf"(?:-*+>|(?:[^<-]++|-(?!->)|<(?!/?{_S}{_B})|<{_S}{_B}{_DOUBLE}*+</{_S}{_B})*+"
            rf"(?:<{_S}{_B}{_DOUBLE}*+)?+(?:-->|(?=</{_S}{_B})|\Z))")
"""Script text after "<!--" (escaped script data): it ends at "-->" (at once for "<!-->") or where the
script ends."""
_SCRIPT_TEXT = rf"(?:[^<]++|<(?!!--|/{_S}{_B})|<!--{_ESCAPED})*+"
_RAW_TEXT = "|".join(
    rf"{n}{_B}{_ATTRS_WITHIN_LIMIT}{_OPEN_END}(?:{text}</{n}{_B}(?:{_GROUP})*+>?|.*+)"
    for n, text in ((_either_case(name), _SCRIPT_TEXT if name == "script" else ".*?")
                    for name in _RAW_TEXT_ELEMENTS))
"""Such an element, its text skipped up to its own end tag (``</title`` followed by a space, / or >;
a script's as HTML5 reads "<!--" and "<script" in it), whose attributes are read as a tag's."""
# One pass over the markup as an HTML5 tokeniser reads it: tags with their quoted values, comments,
# "bogus comments" (<!x, <?x, </1 up to the first >, doctypes included), end tags (their quoted values
# hide markup too) and raw-text elements. Possessive quantifiers never backtrack, so the scan is linear
# in the page. A match is a run of tokens with no tag of more than MAX_ATTRIBUTES attributes, else one
# such tag (group 1): the loop runs about once a page, not once a token.
_SCAN = lazy(  # compiled on the first HTML page: it took 36 ms of `import prclean`
    rf"(?:<(?:{_RAW_TEXT}"
    rf"|!--(?:-?>|.*?--!?>|.*+)|[!?][^>]*+>?|/(?![A-Za-z])[^>]*+>?|/{_NAME}(?:{_GROUP})*+>?"
    rf"|{_NAME}{_ATTRS_WITHIN_LIMIT}{_SEP}*+>?)|[^<]++|<(?![A-Za-z/!?]))++"
    rf"|<({_NAME}(?:{_GROUP})*+)>?", regex.DOTALL)
_MANY_ATTRIBUTES = lazy(rf"{_NAME}(?:{_NEXT}{_ATTR}){{{MAX_ATTRIBUTES + 1}}}+")
"""A tag of more attributes than the limit. One anchored match, linear in the tag (counting attribute
matches by a search restarted at every separator of a run of them was quadratic)."""


def check_size(n: int, max_bytes: int | None) -> None:
    """Raise :class:`InputTooLarge` when ``n`` bytes exceed ``max_bytes``."""
    if max_bytes is not None and n > max_bytes:
        raise InputTooLarge(f"input is {n} bytes, more than max_bytes={max_bytes}")


def gunzip(data: bytes, max_bytes: int | None) -> bytes:
    """The bytes a gzip page unpacks to, never more than ``max_bytes`` of them (a gzip bomb is refused
    after ``max_bytes + 1`` bytes). Members are joined; a stream cut short keeps what it holds."""
    out: list[bytes] = []
    size = 0
    rest = data
    while rest.startswith(_GZIP_MAGIC):
        unpack = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
        try:
            piece = unpack.decompress(rest, 0 if max_bytes is None else max_bytes + 1 - size)
        except zlib.error as exc:
            raise NotAPage(f"damaged gzip data: {exc}") from exc
        out.append(piece)
        size += len(piece)
        if max_bytes is not None and size > max_bytes:
            raise InputTooLarge(f"gzip data unpacks to more than max_bytes={max_bytes} bytes")
        if not unpack.eof:
            if not size:
                raise NotAPage("gzip data cut short before any content")
            break  # cut short: what was unpacked is all there is
        rest = unpack.unused_data.lstrip(b"\x00")
    return b"".join(out)


def text_codec(name: str | None) -> str | None:
    """Python's name for a declared charset, or None when it names no charset a page is written in."""
    if not name:
        return None
    try:
        info = codecs.lookup(name)
    except (LookupError, TypeError, ValueError):
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in NOT_CHARSETS:
        return None  # hex, base64, rot13, zlib, bz2, uu, quopri: bytes-to-bytes or str-to-str, not charsets
    return info.name


def wide_codec(data: bytes) -> str | None:
    """UTF-16 or UTF-32 (and byte order) recognised without a BOM, from where the NUL bytes fall."""
    sample = data[: WIDE_SAMPLE - WIDE_SAMPLE % 4]
    quads = len(sample) // 4
    if quads < 4:
        return None
    nul = [sample[k : quads * 4 : 4].count(0) / quads for k in range(4)]
    if min(nul[1:]) > WIDE_NUL_SHARE and nul[0] < 1 - WIDE_NUL_SHARE:
        return "utf-32-le"
    if min(nul[:3]) > WIDE_NUL_SHARE and nul[3] < 1 - WIDE_NUL_SHARE:
        return "utf-32-be"
    even, odd = (nul[0] + nul[2]) / 2, (nul[1] + nul[3]) / 2
    if odd > WIDE_NUL_SHARE and even < 1 - WIDE_NUL_SHARE:
        return "utf-16-le"
    if even > WIDE_NUL_SHARE and odd < 1 - WIDE_NUL_SHARE:
        return "utf-16-be"
    return None


def latin_turned_cjk(text: str) -> bool:
    """Does this decoding put CJK characters inside Latin words (a Latin page under a CJK charset)?"""
    sample = text[:100_000]
    cjk = len(_CJK_CHAR.findall(sample))
    return cjk > 0 and len(_CJK_IN_LATIN.findall(sample)) > CJK_GLUED_SHARE * cjk


def _declared(data: bytes, declared: str | None) -> str | None:
    """The text under the caller's or the page's declared charset, if one is credible."""
    names = [declared] if declared else []
    m = _META_CHARSET.search(data[:4096])
    if m:
        names.append(m.group(1).decode("ascii", "ignore"))
    for name in names:
        codec = text_codec(name)
        if codec is None or codec in ("utf-8", "ascii") or codec.startswith(("utf-16", "utf-32")):
            continue  # UTF-8 is refuted already, and wide text without a BOM was looked for already
        try:
            text = data.decode(codec)
        except (UnicodeError, LookupError, ValueError, TypeError):
            continue
        if not latin_turned_cjk(text):
            return text
    return None


def decode(data: bytes, declared: str | None = None, max_bytes: int | None = DEFAULT_MAX_BYTES) -> str:
    """Decode page bytes, trusting evidence in the bytes over any declaration (gzip is unpacked first,
    up to ``max_bytes``)."""
    if data.startswith(_GZIP_MAGIC):
        data = gunzip(data, max_bytes)
    for magic, what in _BINARY_MAGIC:
        if data.startswith(magic):
            raise NotAPage(f"input is a {what}, not a page")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    wide = wide_codec(data)
    if wide:
        return data.decode(wide, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lenient = data.decode("utf-8", errors="replace")
    if lenient.count("\ufffd") <= max(3, len(lenient) // 2000) and not lenient.isascii():
        return lenient  # UTF-8 with a few broken bytes, not another charset: keep the rest intact
    text = _declared(data, declared)
    if text is not None:
        return text
    best = charset_normalizer.from_bytes(data[:200_000]).best()
    if best is not None and best.encoding:
        return data.decode(best.encoding, errors="replace")
    return lenient


def looks_binary(text: str) -> bool:
    """Mostly control characters or replacement marks: the bytes were not text at all."""
    sample = text[:20000]
    if not sample:
        return False
    return len(_CONTROL.findall(sample)) > 0.1 * len(sample)


def _prolog(text: str) -> list[re.Match[str]]:
    """The declarations opening a page (XML declaration, comments, a DOCTYPE with any internal subset)."""
    found: list[re.Match[str]] = []
    head = text[:PROLOG_SCAN]
    pos = 0
    while (m := _PROLOG.match(head, pos)) is not None and m.end() > pos:  # each step eats a whole declaration
        found.append(m)
        pos = m.end()
    return found


def _after_prolog(text: str) -> str:
    """The page from its first element on."""
    found = _prolog(text)
    return text[found[-1].end():] if found else text


def without_internal_subset(html: str) -> str:
    """The page with its DOCTYPE's internal subset (entity declarations) cut out, however long: it is
    never content, and no parser should get to expand what it declares."""
    for m in _prolog(html):
        if "[" in m.group() and m.group().lstrip()[:9].lower() == "<!doctype":
            return html[: m.start()] + html[m.end():]
    return html


def is_html(text: str) -> bool:
    """HTML or a text rendering?  Markup at the start, or markup throughout, means HTML."""
    head = _after_prolog(text[:PROLOG_SCAN]).lstrip()[:5000]
    if _HTML_START.match(head):  # some pages open with kilobytes of whitespace, or of DOCTYPE
        return True
    tags = _HTML_TAG.findall(text[:50000])
    return len(tags) >= 8 and sum(map(len, tags)) > 0.05 * min(len(text), 50000)


def _count(pattern: re.Pattern[str], text: str, cap: int) -> int:
    """Matches of ``pattern``, counted only up to ``cap + 1`` (enough to know the cap is passed)."""
    return sum(1 for _ in islice(pattern.finditer(text), cap + 1))


def check_complexity(html: str) -> None:
    """Refuse, before parsing, an HTML page whose tree would cost far more than its size suggests.

    Elements and cells are counted with fast scans (a ``<`` count first, so ordinary pages pay
    almost nothing) and err towards refusing; attributes are counted per element in one linear
    pass that tokenises the markup as the parser does (about 2.5 ms for an ordinary page of 200 KB):
    markup it skipped that the parser builds would be an element it never counted, so where the two
    could differ it reads on (scanning too much only counts more). ``parse_tree`` cuts nothing this
    scan did not see.
    """
    if html.count("<") > MAX_ELEMENTS and _count(_TAG_OPEN, html, MAX_ELEMENTS) > MAX_ELEMENTS:
        raise PageTooComplex(f"page opens more than {MAX_ELEMENTS} elements")
    if html.count("<") > MAX_TABLE_CELLS and _count(_CELL_OPEN, html, MAX_TABLE_CELLS) > MAX_TABLE_CELLS:
        raise PageTooComplex(f"page has more than {MAX_TABLE_CELLS} table cells")
    for m in _SCAN.finditer(html):
        if m.group(1) and _MANY_ATTRIBUTES.match(m.group(1)):
            raise PageTooComplex(f"an element has more than {MAX_ATTRIBUTES} attributes")


def _no_lone_surrogates(text: str) -> str:
    """Pair surrogates that form a character and replace lone ones (no parser can take them)."""
    if _SURROGATE.search(text) is None:
        return text
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def load(data: str | bytes, *, max_bytes: int | None = DEFAULT_MAX_BYTES,
         encoding: str | None = None) -> tuple[str, str]:
    """Return ``(text, kind)`` where kind is "html" or "text"; raise typed errors on non-pages.

    ``max_bytes`` applies to the input and, for gzip data, to what it unpacks to.
    """
    if isinstance(data, bytes | bytearray | memoryview):
        raw = bytes(data)
        check_size(len(raw), max_bytes)
        text = decode(raw, encoding, max_bytes)
    elif isinstance(data, str):
        check_size(len(data), max_bytes)
        text = _no_lone_surrogates(data)
    else:
        raise NotAPage(f"expected str or bytes, got {type(data).__name__}")
    if looks_binary(text):
        raise NotAPage("input is binary data, not a page")
    text = text.replace("\x00", "")
    kind = "html" if is_html(text) else "text"
    if kind == "html":
        text = without_internal_subset(text)
        check_complexity(text)
    return text, kind

"""The systems the benchmark runs: prclean and its peers, each behind one small interface.

A system has an untimed ``prepare`` (decoding, wrapping a text dump as HTML for an HTML-only peer,
choosing jusText's stoplist) and a timed ``run``; only ``run`` is what a user of that system would
pay per page, so only ``run`` is timed.  A peer whose package is missing is skipped, not failed.
"""

from __future__ import annotations

import functools
import html as html_lib
import importlib
import importlib.util
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..api import clean
from .scoring import META_FIELDS

Meta = dict[str, Any]


@dataclass(frozen=True)
class Output:
    """What a system returns for one page: its main text, its metadata, and whether it found any."""

    text: str
    meta: Meta
    found: bool


@dataclass(frozen=True)
class System:
    """One benchmarked system.  ``meta_fields`` are the fields it can give: only those are scored,
    so a peer is never charged a miss for a field it does not have."""

    name: str
    prepare: Callable[[bytes, str, dict[str, Any]], Any]
    run: Callable[[Any], Output]
    module: str | None = None
    meta_fields: tuple[str, ...] = ()


# --- input preparation --------------------------------------------------------------------------------

def as_text(data: bytes) -> str:
    """Bytes as text: UTF-8 when they are, else charset-normalizer's best guess (untimed for every
    peer alike, so no system is charged for another's decoding)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        return str(best) if best is not None else data.decode("latin-1")


def as_html(data: bytes, kind: str) -> str:
    """The page as HTML for an HTML-only peer: a text dump becomes one ``<p>`` per non-blank line."""
    text = as_text(data)
    if kind == "html":
        return text
    return "<html><body>" + "".join(f"<p>{html_lib.escape(ln)}</p>" for ln in text.splitlines() if ln.strip()) \
        + "</body></html>"


def _module(name: str) -> Any:
    """A peer's module, imported on first use (peers are optional, and untyped)."""
    return importlib.import_module(name)


def _prepare_html(data: bytes, kind: str, gold: dict[str, Any]) -> str:
    return as_html(data, kind)


def _prepare_bytes(data: bytes, kind: str, gold: dict[str, Any]) -> tuple[bytes, str]:
    return data, kind


# --- prclean and simple baselines -----------------------------------------------------------------------

def _run_prclean(prepared: tuple[bytes, str]) -> Output:
    r = clean(prepared[0])
    return Output(r.text, {f: getattr(r, f) for f in META_FIELDS}, r.found)


def _strip_markup(html: str) -> str:
    root = _module("lxml.html").document_fromstring(html)
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    return str(root.text_content())


def _run_raw(prepared: tuple[bytes, str]) -> Output:
    data, kind = prepared
    text = as_text(data)
    if kind == "html":
        text = _strip_markup(text)
    return Output(text, {}, bool(text.strip()))


_C4_TERMINAL = ('.', '!', '?', '"', "”", "'", "’")
_C4_MIN_WORDS = 5
"""C4 keeps a line only when it has at least this many words (Raffel et al. 2020)."""


def _run_c4(prepared: tuple[bytes, str]) -> Output:
    """C4's line rules: keep lines ending in terminal punctuation with at least 5 words, no 'javascript'."""
    raw = _run_raw(prepared).text
    kept = [ln.strip() for ln in raw.splitlines()
            if ln.strip().endswith(_C4_TERMINAL) and len(ln.split()) >= _C4_MIN_WORDS
            and "javascript" not in ln.lower()]
    text = "\n".join(kept)
    return Output(text, {}, bool(text))


# --- peers ----------------------------------------------------------------------------------------------

def _trafilatura_meta(precision: bool) -> Callable[[Any], Output]:
    def run(html: str) -> Output:
        import trafilatura

        doc = trafilatura.bare_extraction(html, favor_precision=precision, with_metadata=True)
        if doc is None:
            return Output("", {}, False)
        d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
        text = d.get("text") or ""
        return Output(text, {f: d.get(f) for f in _TRAFILATURA_FIELDS}, bool(text.strip()))
    return run


_TRAFILATURA_FIELDS = ("title", "date", "author")
"""trafilatura's metadata fields that match prclean's (its language needs an extra detector, so it is None)."""


def _run_trafilatura_extract(html: str) -> Output:
    import trafilatura

    text = trafilatura.extract(html) or ""
    return Output(text, {}, bool(text.strip()))


def _run_justext(prepared: tuple[str, frozenset[str]]) -> Output:
    justext = _module("justext")
    html, stoplist = prepared
    if stoplist:
        paras = justext.justext(html, stoplist)
    else:  # no stoplist for the language: jusText's documented language-independent mode
        paras = justext.justext(html, frozenset(), stopwords_low=0, stopwords_high=0)
    text = "\n\n".join(p.text for p in paras if not p.is_boilerplate)
    return Output(text, {}, bool(text.strip()))


def _run_readability(html: str) -> Output:
    doc = _module("readability").Document(html)
    text = str(_module("lxml.html").document_fromstring(doc.summary()).text_content())
    return Output(text, {"title": doc.short_title()}, bool(text.strip()))


def _run_resiliparse(html: str) -> Output:
    from resiliparse.extract.html2text import extract_plain_text

    text = str(extract_plain_text(html, main_content=True))
    return Output(text, {}, bool(text.strip()))


# --- jusText's stoplist ---------------------------------------------------------------------------------

JUSTEXT_NAMES = {
    "af": "Afrikaans", "ar": "Arabic", "bg": "Bulgarian", "bn": "Bengali", "ca": "Catalan", "cs": "Czech",
    "cy": "Welsh", "da": "Danish", "de": "German", "el": "Greek", "en": "English", "eo": "Esperanto",
    "es": "Spanish", "et": "Estonian", "eu": "Basque", "fa": "Persian", "fi": "Finnish", "fr": "French",
    "ga": "Irish", "gl": "Galician", "he": "Hebrew", "hi": "Hindi", "hr": "Croatian", "hu": "Hungarian",
    "id": "Indonesian", "is": "Icelandic", "it": "Italian", "ko": "Korean", "lt": "Lithuanian",
    "lv": "Latvian", "mk": "Macedonian", "ms": "Malay", "nb": "Norwegian_Bokmal", "nl": "Dutch",
    "nn": "Norwegian_Nynorsk", "no": "Norwegian_Bokmal", "pl": "Polish", "pt": "Portuguese",
    "ro": "Romanian", "ru": "Russian", "sk": "Slovak", "sl": "Slovenian", "sq": "Albanian", "sr": "Serbian",
    "sv": "Swedish", "sw": "Swahili", "ta": "Tamil", "te": "Telugu", "tl": "Tagalog", "tr": "Turkish",
    "uk": "Ukrainian", "ur": "Urdu", "vi": "Vietnamese",
}
"""ISO 639-1 codes (the gold's ``language``) to jusText's stoplist names."""

STOPWORD_SHARE_MIN = 0.05
"""Below this share of stopwords under the best stoplist the language is not one jusText knows (CJK,
Thai): jusText then runs in its language-independent mode."""

DETECT_TOKENS = 3000
"""Words read to guess a page's language: a few thousand decide it and bound the cost on huge pages."""

DETECT_CHARS = 200_000
"""Characters of the page read to guess its language: bounds the markup stripping on huge pages."""

_WORD = re.compile(r"\w+")
_MARKUP = re.compile(r"(?is)<(script|style|noscript)\b.*?</\1\s*>|<[^>]*>")
_HTML_LANG = re.compile(r"(?i)<html\b[^>]*?\blang\s*=\s*[\"']?([a-z]{2,3})\b")


@functools.cache
def _stoplists() -> dict[str, frozenset[str]]:
    justext = _module("justext")
    return {name: frozenset(justext.get_stoplist(name)) for name in sorted(justext.get_stoplists())}


def _justext_name(code: str | None) -> str | None:
    return JUSTEXT_NAMES.get(code.split("-")[0].split("_")[0].lower()) if code else None


def guess_stoplist(text: str, language: str | None) -> str | None:
    """jusText's stoplist for a page: the gold's language, else the page's ``<html lang>``, when
    jusText has a stoplist for it; else the stoplist that best covers the page's words; else None
    (language-independent mode).

    The stoplists come from Wikipedia and the big ones hold many English words, so raw hit counts
    pick Finnish for English pages; hits are divided by the log of the stoplist's size, and only
    the major languages of :data:`JUSTEXT_NAMES` compete (on the dev corpus this names 82 of 84
    inputs right, on web pages it agrees with ``<html lang>`` on 96%)."""
    name = _justext_name(language)
    if name is None:
        found = _HTML_LANG.search(text[:DETECT_CHARS])
        name = _justext_name(found.group(1)) if found else None
    if name is not None:
        return name
    words = [w.casefold() for w in _WORD.findall(_MARKUP.sub(" ", text[:DETECT_CHARS]))[:DETECT_TOKENS]]
    if not words:
        return None
    lists = _stoplists()
    candidates = sorted(set(JUSTEXT_NAMES.values()) & set(lists))
    hits = {n: sum(1 for w in words if w in lists[n]) for n in candidates}
    if max(hits.values()) < STOPWORD_SHARE_MIN * len(words):
        return None
    return max(candidates, key=lambda n: hits[n] / math.log(len(lists[n])))


def _prepare_justext(data: bytes, kind: str, gold: dict[str, Any]) -> tuple[str, frozenset[str]]:
    html = as_html(data, kind)
    name = guess_stoplist(html, gold.get("language"))
    return html, (_stoplists()[name] if name else frozenset())


# --- registry -------------------------------------------------------------------------------------------

SYSTEMS: dict[str, System] = {s.name: s for s in (
    System("prclean", _prepare_bytes, _run_prclean, meta_fields=META_FIELDS),
    System("raw", _prepare_bytes, _run_raw),
    System("c4", _prepare_bytes, _run_c4),
    System("trafilatura", _prepare_html, _trafilatura_meta(False), "trafilatura", _TRAFILATURA_FIELDS),
    System("trafilatura-precision", _prepare_html, _trafilatura_meta(True), "trafilatura", _TRAFILATURA_FIELDS),
    System("trafilatura-extract", _prepare_html, _run_trafilatura_extract, "trafilatura"),
    System("justext", _prepare_justext, _run_justext, "justext"),
    System("readability", _prepare_html, _run_readability, "readability", ("title",)),
    System("resiliparse", _prepare_html, _run_resiliparse, "resiliparse"),
)}
DEFAULT_SYSTEMS = ("prclean", "raw", "c4", "trafilatura")


def available(name: str) -> bool:
    """A peer whose package is not installed is skipped; prclean's own systems are always there."""
    module = SYSTEMS[name].module
    return module is None or importlib.util.find_spec(module) is not None

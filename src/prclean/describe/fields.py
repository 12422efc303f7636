"""Release metadata read off the page text: dateline, date, wire, issuer, title, language.

Every value is a piece of the input (or an ISO date normalised from one), never a guess from
outside knowledge.  Sources are tried from the most to the least specific: the dateline says the
release's own place, date and wire; furniture lines ("News provided by", "Date:") come next.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from ..vocabulary.rules import DATE, MATCH_TIMEOUT_S, MONTH, search
from ..wires import PROFILES, wire_from_text

_F = regex.IGNORECASE
_PLACE = (r"(?P<place>\p{Lu}[\p{L}.'’-]*(?:[ /]\p{L}[\p{L}.'’-]*){0,3}"
          r"(?:,\s*\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*){0,2}){0,2}?)")
_DATELINES = tuple(regex.compile(p) for p in (
    # BEIJING, Jan. 6, 2026 /PRNewswire/ --   |  NEW YORK, June 05, 2017 (GLOBE NEWSWIRE) --
    (rf"^{_PLACE},?\s+(?:le\s+|el\s+|den\s+)?(?P<date>{DATE})\.?\s*(?P<tag>/[^/\n]{{2,40}}/|\([^()\n]{{2,40}}\))?"
     r"\s*(?:--|[-–—:]|\.\s)"),
    # CUPERTINO, California—April 27, 2015—
    rf"^{_PLACE}\s*[-–—]{{1,2}}\s*(?P<date>{DATE})\s*[-–—]",
    # SAN FRANCISCO, CA--(Marketwired - April 06, 2016) -  |  NEW YORK--(BUSINESS WIRE)--
    rf"^{_PLACE}\s*--\s*\((?P<tag>[^()\n]{{2,40}}?)(?:\s*-\s*(?P<date>{DATE}))?\)\s*[-–—]",
    # VANCOUVER, BC / ACCESSWIRE / March 10, 2026 / Granite Peak ...
    rf"^{_PLACE}\s*/\s*(?P<tag>[^/\n]{{2,40}}?)\s*/\s*(?P<date>{DATE})\s*/",
    # COLUMBUS, Ohio (PRWEB) August 11, 2026 --
    rf"^{_PLACE}\s+\((?P<tag>[^()\n]{{2,30}})\)\s+(?P<date>{DATE})\s*[-–—]",
    # Köln (ots) -  |  Hamburg (iwr-pressedienst) -  |  Berlin/Frankfurt (dpa-AFX) -
    rf"^{_PLACE}\s+\((?P<tag>[\w./ -]{{2,30}})\)(?:\s*[-–—:]|\s*$)",
    # Potsdam – Zum Ende des Jagdjahres ...
    r"^(?P<place>\p{Lu}[\p{L}.'’-]+(?:[ /-]\p{Lu}[\p{L}.'’-]+){0,2})\s+[–—]\s+\p{Lu}",
))
# "Köln (ots) -" and "Potsdam – Zum ..." read as datelines without a date or a known wire tag
_SELF_EVIDENT = (_DATELINES[-2], _DATELINES[-1])
_MONTH_NUM = {
    **dict.fromkeys(("jan", "januar", "jänner", "janvier", "enero", "janeiro", "gennaio", "januari"), 1),
    **dict.fromkeys(("feb", "februar", "février", "febrero", "fevereiro", "febbraio", "februari"), 2),
    **dict.fromkeys(("mar", "märz", "mars", "marzo", "março", "maart"), 3),
    **dict.fromkeys(("apr", "avril", "abril", "aprile"), 4),
    **dict.fromkeys(("may", "mai", "mayo", "maio", "maggio", "mei"), 5),
    **dict.fromkeys(("jun", "juni", "juin", "junio", "junho", "giugno"), 6),
    **dict.fromkeys(("jul", "juli", "juillet", "julio", "julho", "luglio"), 7),
    **dict.fromkeys(("aug", "août", "agosto", "augustus"), 8),
    **dict.fromkeys(("sep", "sept", "septembre", "septiembre", "setiembre", "setembro", "settembre"), 9),
    **dict.fromkeys(("oct", "oktober", "octobre", "octubre", "outubro", "ottobre"), 10),
    **dict.fromkeys(("nov", "novembre", "noviembre", "novembro"), 11),
    **dict.fromkeys(("dec", "dezember", "décembre", "diciembre", "dezembro", "dicembre"), 12),
}
_DATE_PARTS = regex.compile(
    rf"(?P<mon>{MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})\.?\s+(?:de\s+)?(?P<mon2>{MONTH}),?\s+(?:de\s+)?(?P<y2>\d{{4}})"
    r"|(?P<d3>\d{1,2})\.\s?(?P<m3>\d{1,2})\.\s?(?P<y3>\d{4})"
    r"|(?P<y4>\d{4})-(?P<m4>\d{2})-(?P<d4>\d{2})"
    r"|(?P<m5>\d{1,2})/(?P<d5>\d{1,2})/(?P<y5>\d{4})"
    r"|(?P<y6>\d{4})年(?P<m6>\d{1,2})月(?P<d6>\d{1,2})日", _F)
_DATE_SCAN = 2000
# an agency's tag is one lower-case or all-capitals token ("dpa", "AFP"); "(Germany)" is a place
_AGENCY_TAG = regex.compile(r"^(?:\p{Ll}{2,10}|\p{Lu}{2,10})$")
_WIRE_WORDS = {"ots": "news aktuell", "dpa-afx": "dpa-AFX", "iwr-pressedienst": "IWR-Pressedienst"}


@dataclass(frozen=True)
class Dateline:
    place: str
    date: str | None
    wire: str | None
    end: int = 0  # where the dateline stops and the release's first sentence begins
    agency: str | None = None  # a tag that names no wire: the agency that wrote the text ("Berlin (dpa) -")


def to_iso(text: str) -> str | None:
    """The first date written in ``text``, as ``YYYY-MM-DD``; None if none is valid."""
    for m in _DATE_PARTS.finditer(text[:_DATE_SCAN]):  # dates sit near the start of a line
        g = m.groupdict()
        try:
            if g["mon"] or g["mon2"]:
                mon = (g["mon"] or g["mon2"]).casefold().rstrip(".")
                month = _MONTH_NUM.get(mon) or _MONTH_NUM.get(mon[:3])
                y, d = int(g["y"] or g["y2"]), int(g["d"] or g["d2"])
            else:
                y = int(g["y3"] or g["y4"] or g["y5"] or g["y6"])
                month = int(g["m3"] or g["m4"] or g["m5"] or g["m6"])
                d = int(g["d3"] or g["d4"] or g["d5"] or g["d6"])
        except (TypeError, ValueError):
            continue
        if month and 1990 <= y <= 2100:
            try:
                return datetime.date(y, month, d).isoformat()
            except ValueError:
                continue
    return None


def parse_dateline(text: str) -> Dateline | None:
    """Place, date and wire from a lead paragraph that opens with a dateline."""
    head = text[:300]
    for pattern in _DATELINES:
        try:
            m = pattern.match(head, timeout=MATCH_TIMEOUT_S)
        except TimeoutError:
            continue
        if not m:
            continue
        place = m.group("place").strip(" ,")
        if len(place) < 2 or place.casefold() in {"the", "der", "die", "das", "le", "la", "el"}:
            continue
        groups = m.groupdict()
        date = to_iso(groups.get("date") or "") if groups.get("date") else None
        profile = wire_from_text(head)
        tag = (groups.get("tag") or "").strip("/() ").casefold()
        wire = profile.name if profile else _WIRE_WORDS.get(tag)
        if not date and not wire and pattern not in _SELF_EVIDENT:
            continue
        raw_tag = (groups.get("tag") or "").strip("/() ")
        agency = raw_tag if not wire and _AGENCY_TAG.match(raw_tag) else None
        return Dateline(place, date, wire, m.end(), agency)
    return None


# --- language ---------------------------------------------------------------------------------

_STOPWORDS = {
    "en": "the and of to in is that for with on as by this are was from at it an be has have will",
    "de": "der die und das ist nicht mit den von zu im ein eine des auf für sich dem auch werden wird",
    "fr": "le la les et des est une du dans pour que qui sur au par pas plus avec ce sont aux",
    "es": "el la los las y de que en un una es por con para del se al su como más lo",
    "pt": "o a os as e de que em um uma do da no na para com por se mais ao dos das",
    "it": "il la di che e un una per del della con non sono gli le alla nel è dei al",
    "nl": "de het een en van is dat op te in voor met zijn niet aan ook wordt door bij",
}
_STOP_SETS = {lang: set(words.split()) for lang, words in _STOPWORDS.items()}
_SCRIPT_LANG = tuple((lang, regex.compile(p)) for lang, p in (
    ("ja", r"[\p{Hiragana}\p{Katakana}]"), ("ko", r"\p{Hangul}"), ("zh", r"\p{Han}"), ("ru", r"\p{Cyrillic}"),
    ("ar", r"\p{Arabic}"), ("el", r"\p{Greek}"), ("he", r"\p{Hebrew}"), ("th", r"\p{Thai}")))
_NON_LETTER = regex.compile(r"\P{L}+")
_LETTERS = regex.compile(r"\p{L}+")


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the release text, from its script and its commonest function words."""
    sample = text[:6000]
    letters = len(_NON_LETTER.sub("", sample))
    if letters < 20:
        return None
    if not sample.isascii():
        for lang, pattern in _SCRIPT_LANG:
            if len(pattern.findall(sample)) > letters * 0.15:
                return lang
    words = Counter(_LETTERS.findall(sample.casefold()))
    scores = {lang: sum(words[w] for w in stops) for lang, stops in _STOP_SETS.items()}
    lang, best = max(scores.items(), key=lambda kv: kv[1])
    return lang if best >= 2 else None


# --- issuer and author --------------------------------------------------------------------------

_SOURCE = regex.compile(r"^SOURCE:?\s+(?P<x>.+?)[\s;,]*$|^Original-?Content von:?\s*(?P<x>.+?),\s*übermittelt"
                        r"|Herausgeber der Meldung\s*[»\"„“]\s*(?P<x>[^«\"“”]{2,80}?)\s*[«\"“”]")
_INFO_SOURCE = regex.compile(r"(?:^|\|\s*)(?:source|quelle|herausgeber)\s*:\s*(?P<x>[^|]+?)(?:\s+Follow\b.*)?\s*(?:\||$)",
                             _F)
_TRUNCATED = regex.compile(r"(?:\.\.\.|…)$")
_MORE_FROM = regex.compile(r"^more (?:news|releases|press releases) from\s+(?P<x>.{2,80}?)\s*$", _F)
_ABOUT = regex.compile(
    r"^(?:(?:about|über|à propos de|acerca de|sobre|informazioni su|chi è|over)\s+|à propos d'|a propos d'|关于|關於)"
    r"(?!(?:us|uns|nous|nosotros|noi|ons)\b)"
    r"(?P<x>(?!\d)\w.{1,80}?)\s*[:.]?$", _F)  # "About 400 people ..." is a sentence, not a heading
_ABOUT_US = regex.compile(r"^(?:about us|über uns|à propos de nous|qui sommes-nous\s*\??|sobre nosotros|quiénes somos|"
                          r"sobre nós|chi siamo|over ons|会社概要|公司简介)\s*:?$", _F)
# "Wise Guy Reports is part of ...": the paragraph under an "About us" heading opens with its subject
_IS_SUBJECT = regex.compile(r"^(?P<x>\p{Lu}[\p{L}\d&.'’-]*(?:\s+[\p{L}\d&.'’-]+){0,5}?)\s+(?:is|are|ist|sind|est|es|è|é)\s")
_ARTICLE = regex.compile(r"^(?:the|die|der|das|den|dem|la|le|les|l'|el|los|las|il|lo|de|het|o|a)\s+", _F)
_BYLINE = regex.compile(r"^(?:by|von|par|por|di|door|written by|autor(?:in)?:?|author:?)\s+(?P<x>.+)$", _F)


def issuer_from(texts: Sequence[str], provided_by: str | None) -> str | None:
    """The issuing organisation: SOURCE line, then "News provided by", then a Source: info line."""
    for t in texts:
        m = search(_SOURCE, t)
        if m:
            return m.group("x")
    if provided_by:
        return provided_by
    for t in texts:
        m = search(_MORE_FROM, t)
        if m:
            return m.group("x")
    for t in texts:
        m = search(_INFO_SOURCE, t)
        name = m.group("x") if m else ""
        if name and len(name.split()) <= 10 and not _TRUNCATED.search(name):  # "dpa-afx topthem..." is cut
            return name
    return None


_PLACE_LINE = regex.compile(r"^(?:ort|location|place|lieu|lugar)\s*:?\s+(?P<x>\p{Lu}[\p{L} .,/'-]{1,60})$", _F)
_COPYRIGHT_HOLDER = regex.compile(r"^(?:©|\(c\)|copyright|版权所有|版權所有|著作権)(?:\s*(?:©|\(c\)))?\s*"
                                  r"(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?"
                                  r"(?P<x>\p{L}[^|]{2,100}?)"
                                  r"[\s,]*(?:(?:all rights reserved|alle rechte vorbehalten|todos los derechos reservados|"
                                  r"tous droits réservés|tutti i diritti riservati|todos os direitos reservados|"
                                  r"alle rechten voorbehouden).*)?$", _F)


def place_from(texts: Sequence[str]) -> str | None:
    """A place given on an info line ("Ort Saarbrücken") when the release has no dateline."""
    for t in texts:
        m = search(_PLACE_LINE, t)
        if m:
            return m.group("x").strip()
    return None


def copyright_holder(texts: Sequence[str]) -> str | None:
    """The site owner named in the copyright line: a newsroom's own pages belong to the issuer."""
    for t in texts:
        m = search(_COPYRIGHT_HOLDER, t.split("|")[0])
        if m:
            return clean_name(m.group("x"))
    return None


_LOGO = regex.compile(r"^(?:logo(?:\s+(?:des|der|von|of|de|du|del))?\s+(?P<a>\p{Lu}.{1,80}?)|(?P<b>\p{Lu}.{1,80}?)\s+logo)"
                      r"\s*$", _F)


def logo_name(texts: Sequence[str]) -> str | None:
    """The organisation a site's logo names ("Logo des Bundesverband WindEnergie e.V.")."""
    for t in texts:
        if len(t) <= 100:
            m = search(_LOGO, t)
            name = clean_name(m.group("a") or m.group("b")) if m else None
            if name:
                return name
    return None


def is_about_us(text: str) -> bool:
    return bool(search(_ABOUT_US, text))


def about_issuer(section: Sequence[str]) -> str | None:
    """Who the About section is about: its heading's name, or under "About us" its first sentence's subject."""
    if not section:
        return None
    if is_about_us(section[0]) and len(section) > 1:
        m = search(_IS_SUBJECT, section[1])
        return clean_name(_ARTICLE.sub("", m.group("x"))) if m else None
    return about_name(section[0])


def about_name(text: str) -> str | None:
    m = search(_ABOUT, text)
    return clean_name(_ARTICLE.sub("", m.group("x").strip())) if m else None


_NAME_TAIL = regex.compile(r"\s*(?:\((?:https?://|www\.)[^)]*\)|\((?:link )?(?:zur|to|vers la|a la) "
                           r"(?:startseite|homepage|home|page d'accueil|página de inicio)\)|\b(?:19|20)\d{2}\.?)\s*$", _F)
_DOMAIN = regex.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}$", _F)
_NAME_CUT = regex.compile(r"\s+[—–|]\s*|\s+-\s+|(?<=\p{Ll}{3})\.\s+(?=\p{Lu})")
_NOT_A_NAME = regex.compile(r"^(?:startseite|home|homepage|zur startseite|logo|site logo|back to home)$", _F)


def clean_name(name: str) -> str | None:
    """An organisation name without what a page appends to it ("IHS Inc. (www.ihs.com)",
    "Visiongain. Web design by ...", "SYS-CON Media, Inc. —"); None if nothing name-like is left."""
    name = regex.sub(r"^logo\s*[-–:]\s*", "", name, flags=_F)
    name = _NAME_CUT.split(name, maxsplit=1)[0]
    name = _NAME_TAIL.sub("", name).strip(" ,;:|-–—")
    if not name or _NOT_A_NAME.match(name) or _DOMAIN.match(name) or wire_named(name):
        return None
    return name


_AFFILIATION = regex.compile(r"^(?P<x>\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){1,3})\s*(?:,|\||/)\s*\S")


def author_from(text: str) -> str | None:
    """The person a byline names, without the affiliation after it ("Von David Hutzler, dpa")."""
    m = search(_BYLINE, text)
    if not m:
        return None
    name = m.group("x").strip()
    person = search(_AFFILIATION, name)
    return person.group("x") if person else name


def first_date(texts: Sequence[str]) -> str | None:
    for t in texts:
        iso = to_iso(t)
        if iso:
            return iso
    return None


def wire_in_text(text: str) -> str | None:
    """The wire named by a dateline tag anywhere in the lead paragraph."""
    profile = wire_from_text(text)
    return profile.name if profile else None


_TITLE_SEP = regex.compile(r"\s+[|–—·»:-]\s+")
TITLE_KEYS = ("title", "og_title", "page_title")  # page metadata naming the headline, most specific first


def page_title(page_meta: dict[str, str]) -> str | None:
    """The headline from page metadata, with the site name cut off ("Headline | Site")."""
    for key in TITLE_KEYS:
        value = page_meta.get(key)
        if value:
            parts = _TITLE_SEP.split(value)
            return max(parts, key=len) if len(parts) > 1 else value
    return None


def names_page_title(text: str, titles: Sequence[str]) -> bool:
    """Is ``text`` the page's title, alone or as one part of "Headline | Site"?"""
    key = " ".join(text.casefold().split())
    return any(key == part.casefold() for t in titles if t for part in [t, *_TITLE_SEP.split(t)])


def title_sites(page_meta: dict[str, str]) -> list[str]:
    """The parts of the page's <title> beside the headline: where a site names itself ("... | EnBW")."""
    value = page_meta.get("page_title")
    parts = _TITLE_SEP.split(value) if value else []
    if len(parts) < 2:
        return []
    headline = max(parts, key=len)
    return [part for part in (parts[-1], parts[0]) if part != headline]


_ACRONYM = regex.compile(r"\b\p{Lu}{3,10}\b")


def headline_acronym(title: str | None, texts: Sequence[str]) -> str | None:
    """An organisation acronym the headline leads with and the page keeps repeating ("UNICEF supports ...").

    A last resort for newsroom pages that name their issuer nowhere else; only an all-capitals
    token counts, because a headline's ordinary subject ("China and South Korea") is not an issuer.
    """
    if not title:
        return None
    m = _ACRONYM.match(title.strip())
    if not m:
        return None
    word = m.group(0)
    return word if sum(_ACRONYM.findall(t).count(word) for t in texts) >= 3 else None


def _name_key(name: str) -> str:
    return regex.sub(r"[\W_]+", "", name.casefold())


_WIRE_BY_KEY = {_name_key(p.name): p.name for p in PROFILES}


def wire_named(name: str) -> bool:
    """Is this the name of a distribution service ("PR Newswire", "Business Wire")?"""
    return _name_key(name) in _WIRE_BY_KEY


def wire_in_trailers(trailers: Sequence[str]) -> str | None:
    """The wire a trailer names ("View source version on businesswire.com: ...")."""
    text = " ".join(trailers).casefold()
    for profile in PROFILES:
        if any(host in text for host in profile.hosts):
            return profile.name
    return None


def wire_from_info(texts: Sequence[str]) -> str | None:
    """A wire named on a "Source: dpa-AFX" info line."""
    for t in texts:
        m = search(_INFO_SOURCE, t)
        if m and (name := _WIRE_BY_KEY.get(_name_key(m.group("x")))):
            return name
    return None


_LEAD_START = regex.compile(r"^[\s\-–—:/]*(?:\([^()]{2,40}\)[\s\-–—:/]*)?")
_SUBJECT = regex.compile(
    r"^(?P<x>\p{Lu}[\p{L}\d&.'’-]*(?:(?:,?\s+|\s*&\s*)(?:\p{Lu}[\p{L}\d&.'’-]*|of|and|for|de|der|des|für|du|la)){0,7})"
    r"\s*(?:\(|\[|,|\s+(?:today|has|have|is|was|will|announced|announces|reported|reports|said|says|launched|"
    r"launches|plans|named|names|completed|closed|released|opened|unveiled|introduced|gab|hat|ist|gibt|teilt)\b)")


def lead_subject(after_dateline: str) -> str | None:
    """The organisation a wire release opens with, right after its dateline ("-- Acme Inc. (NYSE: A) today ...")."""
    m = search(_SUBJECT, _LEAD_START.sub("", after_dateline[:400]))
    if not m:
        return None
    name = _ARTICLE.sub("", m.group("x").strip(" ,"))
    return name if 1 <= len(name.split()) <= 8 and not wire_named(name) else None

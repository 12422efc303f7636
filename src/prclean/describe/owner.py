"""Who owns a newsroom page: the issuer of a release that no wire distributed.

A release on a company's, ministry's or association's own site has no SOURCE line and no "News
provided by"; its issuer is the site's owner. Pages name their owner in several places (the home
link, the site part of the <title>, the logo, the copyright line, the imprint address), but each
of these can also name something else: a state government's logo over a ministry's site, a
section name in the title ("Weltweit | ..."), a web agency in ``meta name=author``.

The page's own domain arbitrates. An owner's name spells its domain, in words
(bund-naturschutz.de: "BUND Naturschutz in Bayern e.V.") or in initials (bsi.bund.de:
"Bundesamt für Sicherheit in der Informationstechnik"). Of the candidates the domain confirms,
the fullest name wins; without a domain the copyright line and the logo are trusted, and the
imprint address is the last resort.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import pairwise

import regex

from ..extract.header import title_parts
from ..extract.sections import section_of
from ..labels import RuleName
from ..names import clean_name
from ..read.units import PageFacts, Unit
from ..text import CJK, lazy, search
from ..urls import url_host
from ..vocabulary.names import ADDRESS, COPYRIGHT_HOLDER, ENDS_IN_LEGAL_FORM, LOGO, ORG_LINE
from .sources import Evidence

_NON_LETTERS = lazy(r"\P{L}+")
_CAPITALISED = lazy(r"\b\p{Lu}")
_ACRONYMS = lazy(r"\b\p{Lu}{2,8}\b")
_WITH_ACRONYM = r"\s*\((\p{Lu}{2,8})\)"
_FOOTER_BLOCKS = 150
"""An imprint sits in the footer: only the page's last 150 removed blocks are read for it."""
_ORG_WORDS = (2, 8)
"""An organisation's name line above an address: one word is a heading ("Impressum"), not a name."""
_MAX_NAME_WORDS = 12
"""A candidate name longer than this is a sentence."""
_LOGO_CHARS = 100
"""A logo's alt text longer than this is a description, not a name."""
_MIN_LABEL = 3
"""Domain labels of three letters or more name someone; "de", "co" do not."""
_SPELLED_LABEL = 4
"""A label spelled out in a name's letters must be four letters or more ("bund-naturschutz")."""
_HEADER_UNITS = 40
"""A page's header (logo, site name, menus) is its first forty units."""
_NAME_WORDS = lazy(r"\p{L}+")
_CJK_NAME_CHARS = 2
"""A Chinese or Japanese company name leads with its own two characters (华川储能科技有限公司: 华川)."""
_WORD_CHAR = lazy(r"\w")
"""A word character as ``regex`` reads ``\\b``: its boundaries are where one stands beside a non-word one."""
_TRAILING_ACRONYM = lazy(r"\((\p{Lu}{2,8})\)$")
_COPYRIGHT_START = frozenset("©(版著")
"""How a copyright line can begin: "©", "(c)", 版权所有, 著作権 (or the word "Copyright")."""
_GENERIC_LABELS = frozenset({"www", "com", "org", "net", "gov"})


def domain_labels(url: str | None) -> list[str]:
    """The host's distinctive labels: ``mluk.brandenburg.de`` → ``["mluk", "brandenburg"]``."""
    host = url_host(url)
    labels = host.casefold().split(".")[:-1]  # the top-level domain names no one
    return [label for label in labels if len(label) >= _MIN_LABEL and label not in _GENERIC_LABELS]


def spells_domain(name: str, labels: Sequence[str]) -> bool:
    """Does the domain spell this name, in words or in initials?"""
    letters = _NON_LETTERS.sub("", name).casefold()
    initials = "".join(_CAPITALISED.findall(name)).casefold()
    acronyms = {a.casefold() for a in _ACRONYMS.findall(name)}
    for label in labels:
        parts = [p for p in label.split("-") if p]
        if len(label) >= _SPELLED_LABEL and all(p in letters for p in parts):
            return True
        if label == initials or label in acronyms:
            return True
    return False


def address_name(texts: Sequence[str]) -> str | None:
    """The organisation an imprint or footer address names: the line right above the street line."""
    low, high = _ORG_WORDS
    lines = [line.strip() for t in texts[-_FOOTER_BLOCKS:] for line in t.splitlines() if line.strip()]
    for name, below in pairwise(lines):
        if (any(map(str.isdigit, below)) and not any(map(str.isdigit, name)) and ORG_LINE.match(name)
                and low <= len(name.split()) <= high and search(ADDRESS, below)):
            return name
    return None


def copyright_holder(texts: Iterable[str]) -> str | None:
    """The site owner named in the copyright line: a newsroom's own pages belong to the issuer."""
    for t in texts:
        m = search(COPYRIGHT_HOLDER, t.split("|")[0]) if t[:1] in _COPYRIGHT_START or t[:9].casefold() == "copyright" \
            else None
        if m:
            return clean_name(m.group("x"))
    return None


def logo_name(texts: Iterable[str]) -> str | None:
    """The organisation a site's logo names ("Logo des Bundesverband WindEnergie e.V.")."""
    for t in texts:
        if len(t) <= _LOGO_CHARS and "logo" in t.casefold():
            m = search(LOGO, t)
            name = clean_name(m.group("a") or m.group("b")) if m else None
            if name:
                return name
    return None


def same_organisation(a: str, b: str) -> bool:
    """"Stadtwerke Lindenau" and "Stadtwerke Lindenau GmbH" name one organisation."""
    a, b = _NON_LETTERS.sub("", a).casefold(), _NON_LETTERS.sub("", b).casefold()
    return bool(a and b) and (a in b or b in a)


def page_owner(candidates: Sequence[str | None], url: str | None, fallback: Sequence[str | None]) -> str | None:
    """The fullest name the page's domain confirms (the earliest on a tie); else the first of ``fallback``.

    A bare acronym comes last: the copyright line or the logo usually spells the name out.
    The fullest, because pages also use the short form ("EnBW", "BSI") where the imprint or the
    copyright line gives the legal name.
    """
    labels = domain_labels(url)
    confirmed = [name for name in candidates if name and spells_domain(name, labels)]
    best = max(confirmed, key=lambda name: len(_NON_LETTERS.sub("", name)), default=None)
    given = [name for name in fallback if name]
    spelled_out = next((name for name in given if not _ACRONYMS.fullmatch(name)), None)
    if best and not _ACRONYMS.fullmatch(best):
        return best
    # "BMAS" from the domain and the title, "BWE" in the copyright line: a full name beats them
    return spelled_out or best or next(iter(given), None)


def with_acronym(name: str | None, texts: Sequence[str]) -> str | None:
    """The name as the release writes it when it adds the acronym: "Bundesamt für ... (BSI)"."""
    if not name:
        return None
    texts = [t for t in texts if name in t]  # the pattern opens with the name: no other text can match
    if not texts:
        return name
    pattern = regex.compile(regex.escape(name) + _WITH_ACRONYM)
    for t in texts:
        m = search(pattern, t)
        if m:
            return m.group(0)
    return name


def title_sites(facts: PageFacts) -> list[str]:
    """The parts of the page's <title> beside the headline: where a site names itself ("... | EnBW")."""
    parts = title_parts(facts.page_title) if facts.page_title else []
    if len(parts) < 2:
        return []
    headline = max(parts, key=len)
    return [part for part in (parts[-1], parts[0]) if part != headline]


def home_name(facts: PageFacts) -> str | None:
    """The first home-link text that reads as a name."""
    return next((name for text in facts.home_links if (name := clean_name(text))), None)


def site_names(ev: Evidence) -> list[str]:
    """The names a page gives its site: og:site_name, the JSON-LD publisher, the home link, the title's site part."""
    facts = ev.page.facts
    return [n for n in (facts.site_name, facts.publisher, home_name(facts), *title_sites(facts)) if n]


def site_owner(ev: Evidence, url: str | None, about: str | None) -> str | None:
    """The issuer of a release no wire distributed: the site's owner, as the release writes its name.

    When the release's About section names another organisation, the site is a portal hosting
    someone else's release (trendkraft, induux): that organisation is the issuer, and None is returned.
    """
    facts = ev.page.facts
    removed = ev.removed_texts()
    copyright_line = copyright_holder(u.text for u, _, rule in ev.removed if rule == RuleName.COPYRIGHT)
    logo = logo_name([*removed, *facts.logos[:1]])
    address = address_name(removed)
    candidates = [home_name(facts), *title_sites(facts), logo, copyright_line, facts.site_name, facts.publisher,
                  address]
    names = [clean_name(c) for c in candidates if c and len(c.split()) <= _MAX_NAME_WORDS]
    legal_address = address if address and ENDS_IN_LEGAL_FORM.search(address) else None
    name = page_owner(names, url, fallback=(copyright_line, header_name(ev), legal_address, logo))
    if name and about and not same_organisation(name, about):
        return None
    if name and not names_owner(name, ev.release_texts, url):
        return None  # a site hosting someone else's release
    return with_acronym(as_written(name, ev.paragraphs), ev.paragraphs)


def header_name(ev: Evidence) -> str | None:
    """The organisation a page's header names, where a text rendering shows the site's logo or name.

    Only a line that is unmistakably a name counts: it ends in a legal form ("BUND Naturschutz in
    Bayern e. V."), carries an acronym the release uses ("Ministerium für ... (MLUK)"), or its
    capitals spell one ("Zentralverband des Deutschen Handwerks" where the release writes "ZDH-..."),
    which is then added as such names are written: "Zentralverband des Deutschen Handwerks (ZDH)".
    """
    body = " ".join(ev.release_texts)
    for u in ev.units[:_HEADER_UNITS]:
        text = u.text
        if not (ORG_LINE.match(text) and _ORG_WORDS[0] <= u.words <= _MAX_NAME_WORDS) or u.bullet or section_of(u):
            continue  # ("Über die windream GmbH" opens a section about someone; it is no site name)
        acronym = search(_TRAILING_ACRONYM, text)
        if ENDS_IN_LEGAL_FORM.search(text) or (acronym and stands_alone(acronym.group(1), body)):
            return logo_name([text]) or clean_name(text)
        spelled = _spelled_acronym(ev.units, u.index, body)
        if spelled:
            return spelled
    return None


def _spelled_acronym(units: Sequence[Unit], i: int, body: str) -> str | None:
    """"Name (ACRONYM)" when the capitals of the name at unit ``i`` (which a logo may break over
    two lines: "Zentralverband des" / "Deutschen Handwerks") spell an acronym the release uses."""
    nxt = units[i + 1] if i + 1 < len(units) else None
    texts = [units[i].text]
    if nxt is not None and not nxt.blank_before and not nxt.bullet and ORG_LINE.match(nxt.text):
        texts.insert(0, f"{units[i].text} {nxt.text}")
    for text in texts:
        initials = "".join(_CAPITALISED.findall(text))
        name = clean_name(text)
        if name and len(initials) >= _MIN_LABEL and stands_alone(initials, body):
            return f"{name} ({initials})"
    return None


def names_owner(name: str, texts: Sequence[str], url: str | None) -> bool:
    """Does the release name this organisation (a word of its name, its acronym, its domain)?

    A newsroom's own release names its organisation; a site that hosts others' releases (a
    podcast news site's "Press Releases") is named only in its chrome.
    """
    body = " ".join(texts).casefold()
    if CJK.search(name):
        return name[:_CJK_NAME_CHARS] in body
    words = [w for w in _NAME_WORDS.findall(name) if w[:1].isupper() and len(w) >= _MIN_LABEL]
    words += [*domain_labels(url), "".join(_CAPITALISED.findall(name))]
    return any(len(w) >= _MIN_LABEL and stands_alone(w.casefold(), body) for w in words)


def stands_alone(word: str, text: str) -> bool:
    """Does ``word`` occur in ``text`` as a word of its own, where ``\\bword\\b`` would find it?

    A substring search and a word-character test on each side: a pattern built from the word was
    compiled anew for every word of every page (with the patterns below, a quarter of describing a web page).
    """
    if not word:
        return regex.search(r"\b\b", text) is not None
    at = text.find(word)
    while at >= 0:
        if _boundary(text, at) and _boundary(text, at + len(word)):
            return True
        at = text.find(word, at + 1)
    return False


def _boundary(text: str, i: int) -> bool:
    """Is there a word boundary (``\\b``) before position ``i``: a word character on one side only?"""
    before = i > 0 and _WORD_CHAR.match(text[i - 1]) is not None
    after = i < len(text) and _WORD_CHAR.match(text[i]) is not None
    return before != after


def as_written(name: str | None, texts: Sequence[str]) -> str | None:
    """The name as the release spells it, when it spells it differently ("e. V." on the page, "e.V." in the text)."""
    if not name:
        return None
    parts = [p for p in _NON_LETTERS.split(name) if p]
    if parts:  # the pattern opens with the name's first run of letters: no other text can match
        texts = [t for t in texts if parts[0] in t]
        if not texts:
            return name
    pattern = regex.compile(r"\b" + r"[\s.,&-]{0,3}".join(regex.escape(p) for p in parts) + r"\.?")
    for t in texts:
        m = search(pattern, t)
        if m:
            found = m.group(0)
            return found if found.endswith(".") == name.endswith(".") else found.rstrip(".") + ("." if name.endswith(".") else "")
    return name


def guest_logo(ev: Evidence, url: str | None) -> str | None:
    """A logo naming neither the wire nor the site: the issuer whose release a wire's page shows."""
    labels = domain_labels(url)
    site = ev.page.facts.site_name or ""
    for line in ev.page.facts.logos:
        name = logo_name([line])
        if name and not spells_domain(name, labels) and not same_organisation(name, site):
            return name
    return None

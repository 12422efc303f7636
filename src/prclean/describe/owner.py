"""Who owns a newsroom page: the issuer of a release that no wire distributed.

A release on a company's, ministry's or association's own site has no SOURCE line and no "News
provided by"; its issuer is the site's owner. Pages name their owner in several places (the home
link, the site part of the <title>, the logo, the copyright line, the imprint address), but each
of these can also name something else: a state government's logo over a ministry's site, a
section name in the title ("Weltweit | ..."), a web agency in ``meta name=author``.

The page's own domain arbitrates. An owner's name spells its domain, in words
(bund-naturschutz.de: "BUND Naturschutz in Bayern e.V.") or in initials (bsi.bund.de:
"Bundesamt für Sicherheit in der Informationstechnik"). Of the candidates the domain confirms,
the fullest name wins; without a domain the copyright line and the logo are trusted as
before, and the imprint address is the last resort.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

import regex

from ..model import Block
from ..read.facts import url_parts
from ..vocabulary.rules import search
from .fields import clean_name, copyright_holder, logo_name, title_sites

_NON_LETTERS = regex.compile(r"\P{L}+")
_CAPITALISED = regex.compile(r"\b\p{Lu}")
_ACRONYMS = regex.compile(r"\b\p{Lu}{2,8}\b")
# the name of an organisation, and the imprint line under it: street and number, or postcode and town
_ADDRESS = regex.compile(
    r"\b\d{4,5}\s+\p{Lu}\p{Ll}+"  # 10115 Berlin
    r"|\b\d{4}\s?\p{Lu}{2}\s+\p{Lu}\p{Ll}+"  # 3511 AB Utrecht
    r"|\p{L}(?i:straße|strasse|str\.|weg|platz|allee|gasse|ring|damm)\s+\d"  # Zinnowitzer Straße 8
    r"|\b\d+\s+\p{Lu}[\p{L} ]{2,30}\s+(?i:street|st\.|avenue|ave\.|road|rd\.|boulevard|blvd\.)")  # 200 Pier Street
_ORG_LINE = regex.compile(r"^\p{Lu}[\p{L}&.,'’ ()-]{2,80}$")
_LEGAL_FORM = regex.compile(r"\b(?:e\.\s?V|g?GmbH|AG|SE|KG|Inc|Ltd|LLC|plc|Corp|S\.\s?A|B\.\s?V|N\.\s?V|S\.p\.A|SAS|SARL)\b\.?$")
_FOOTER_BLOCKS = 150
_WITH_ACRONYM = r"\s*\((\p{Lu}{2,8})\)"


def domain_labels(url: str | None) -> list[str]:
    """The host's distinctive labels: ``mluk.brandenburg.de`` → ``["mluk", "brandenburg"]``."""
    host = (url_parts(url)[0] or "") if url else ""
    labels = host.casefold().split(".")[:-1]  # the top-level domain names no one
    return [label for label in labels if len(label) > 2 and label not in ("www", "com", "org", "net", "gov")]


def spells_domain(name: str, labels: Sequence[str]) -> bool:
    """Does the domain spell this name, in words or in initials?"""
    letters = _NON_LETTERS.sub("", name).casefold()
    initials = "".join(_CAPITALISED.findall(name)).casefold()
    acronyms = {a.casefold() for a in _ACRONYMS.findall(name)}
    for label in labels:
        parts = [p for p in label.split("-") if p]
        if len(label) >= 4 and all(p in letters for p in parts):
            return True
        if label == initials or label in acronyms:
            return True
    return False


def address_name(texts: Sequence[str]) -> str | None:
    """The organisation an imprint or footer address names: the line right above the street line.

    One word above an address is a heading ("Impressum", "Kontakt"), not a name. Only the page's
    last blocks are read: an imprint sits in the footer.
    """
    lines = [line.strip() for t in texts[-_FOOTER_BLOCKS:] for line in t.splitlines() if line.strip()]
    for name, below in pairwise(lines):
        if (_ORG_LINE.match(name) and not any(c.isdigit() for c in name) and 2 <= len(name.split()) <= 8
                and search(_ADDRESS, below)):
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
    pattern = regex.compile(regex.escape(name) + _WITH_ACRONYM)
    for t in texts:
        m = search(pattern, t)
        if m:
            return m.group(0)
    return name


def has_legal_form(name: str) -> bool:
    """Ends in a legal form ("e. V.", "GmbH", "Inc."): a name, not a heading, even without a domain to confirm it."""
    return bool(search(_LEGAL_FORM, name))


def site_owner(removed: Sequence[Block], page_meta: dict[str, str], url: str | None,
               paragraphs: Sequence[str], about: str | None) -> str | None:
    """The issuer of a release no wire distributed: the site's owner, as the release writes its name.

    When the release's About section names another organisation, the site is a portal hosting
    someone else's release (trendkraft, induux): that organisation is the issuer, and None is returned.
    """
    copyright_line = copyright_holder([b.text for b in removed if b.rule == "copyright"])
    removed_texts = [b.text for b in removed]
    logo = logo_name([*removed_texts, *_logos(page_meta)[:1]])
    address = address_name(removed_texts)
    candidates = [page_meta.get("home"), *title_sites(page_meta), logo, copyright_line,
                  page_meta.get("site_name"), page_meta.get("ld_publisher"), address]
    candidates = [clean_name(c) for c in candidates if c and len(c.split()) <= 12]
    legal_address = address if address and has_legal_form(address) else None
    name = page_owner(candidates, url, fallback=(copyright_line, legal_address, logo))
    if name and about and not same_organisation(name, about):
        return None
    return with_acronym(name, paragraphs)


def guest_logo(page_meta: dict[str, str], url: str | None) -> str | None:
    """A logo naming neither the wire nor the site: the issuer whose release a wire's page shows."""
    labels = domain_labels(url)
    site = page_meta.get("site_name") or ""
    for line in _logos(page_meta):
        name = logo_name([line])
        if name and not spells_domain(name, labels) and not same_organisation(name, site):
            return name
    return None


def _logos(page_meta: dict[str, str]) -> list[str]:
    return (page_meta.get("logos") or "").splitlines()

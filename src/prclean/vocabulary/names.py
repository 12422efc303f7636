"""How pages name organisations and people: legal forms, source lines, bylines, logos, imprints.

These are the phrases the describe stage reads metadata from (who issued a release, who wrote it);
what each phrase is evidence *of*, and in which order, is :mod:`prclean.describe`'s business.
"""

from __future__ import annotations

import regex

from ..text import lazy

_F = regex.IGNORECASE

LEGAL_FORMS = (r"e\.\s?V", r"g?GmbH", r"AG", r"SE", r"KG", r"Inc", r"Corp", r"Corporation", r"Ltd", r"LLC", r"L\.P",
               r"plc", r"PLC", r"AS", r"ASA", r"AB", r"Oy", r"SA", r"S\.\s?A", r"S\.p\.A", r"SAS", r"SARL", r"BV",
               r"B\.\s?V", r"NV", r"N\.\s?V", r"Co", r"Group", r"Holding", r"Holdings")
"""Company and association forms that end an organisation's name (a final dot is optional)."""
ENDS_IN_LEGAL_FORM = lazy(r"\b(?:" + "|".join(LEGAL_FORMS) + r")\.?$")
"""A name that ends in a legal form ("Acme Inc.", "BUND Naturschutz e. V."): a name, not a heading."""

NAME_LINE = lazy(r"^(?:\p{Lu}[\p{L}&.'-]*\s?){1,4}$")
"""A line of one to four capitalised words: how a company or site name is set over a headline."""

ARTICLE = lazy(r"^(?:the|die|der|das|den|dem|la|le|les|l'|el|los|las|il|lo|de|het|o|a)\s+", _F)
"""A leading article, dropped from a name ("the Foundation" → "Foundation")."""

SOURCE_LINE = lazy(r"^SOURCE:?\s+(?P<x>.+?)[\s;,]*$|^Original-?Content von:?\s*(?P<x>.+?),\s*übermittelt"
                            r"|Herausgeber der Meldung\s*[»\"„“]\s*(?P<x>[^«\"“”]{2,80}?)\s*[«\"“”]")
"""A wire's statement of who issued the release: "SOURCE Acme Inc.", "Original-Content von: X, übermittelt"."""

INFO_SOURCE = lazy(r"(?:^|\|\s*)(?:source|quelle|herausgeber)\s*:\s*(?P<x>[^|]+?)(?:\s+Follow\b.*)?\s*(?:\||$)",
                            _F)
"""An info line naming the source: "Quelle: dpa-AFX", "Source: Acme | ..."."""

MORE_FROM = lazy(r"^more (?:news|releases|press releases) from\s+(?P<x>.{2,80}?)\s*$", _F)
"""A wire's link to the issuer's other releases: "More news from Acme"."""

IS_SUBJECT = lazy(r"^(?P<x>\p{Lu}[\p{L}\d&.'’-]*(?:\s+[\p{L}\d&.'’-]+){0,5}?)\s+(?:is|are|ist|sind|est|es|è|é)\s")
"""The subject of a first sentence under "About us": "Wise Guy Reports is part of ..."."""

LEAD_START = lazy(r"^[\s\-–—:/]*(?:\([^()]{2,40}\)[\s\-–—:/]*)?")
"""What may stand between a dateline and the release's first word (dashes, a wire tag)."""
LEAD_SUBJECT = lazy(
    r"^(?P<x>\p{Lu}[\p{L}\d&.'’-]*(?:(?:,?\s+|\s*&\s*)(?:\p{Lu}[\p{L}\d&.'’-]*|of|and|for|de|der|des|für|du|la)){0,7})"
    r"\s*(?:\(|\[|,|\s+(?:today|has|have|is|was|will|announced|announces|reported|reports|said|says|launched|"
    r"launches|plans|named|names|completed|closed|released|opened|unveiled|introduced|gab|hat|ist|gibt|teilt)\b)")
"""The organisation a release's first sentence is about: "Acme Inc. (NYSE: A) today announced"."""

BYLINE = lazy(r"^(?:by|von|par|por|di|door|written by|autor(?:in)?:?|author:?)\s+(?P<x>.+)$", _F)
"""A byline's opening word and the name after it."""
AFFILIATION = lazy(r"^(?P<x>\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){1,3})\s*(?:,|\||/)\s*\S")
"""A person's name followed by an affiliation: "David Hutzler, dpa"."""

NAME_PARTICLES = frozenset({"de", "da", "di", "del", "della", "van", "von", "der", "den", "le", "la", "du", "dos", "das",
                            "ten", "ter", "bin", "al", "y", "e", "and", "und", "&"})
"""Lower-case words inside personal names ("Evelyn de Souza", "Ludwig van der Berg"), and joins of two names."""
NOT_A_PERSON = frozenset({
    "admin", "administrator", "editor", "editors", "redaktion", "rédaction", "redacción", "redazione", "redactie",
    "team", "staff", "newsroom", "news", "press", "presse", "office", "desk", "publisher", "author", "guest",
    "anonymous", "user", "webmaster", "communications", "kommunikation", "marketing", "media", "department",
    "abteilung", "group", "inc", "ltd", "gmbh", "agency", "agentur", "online", "magazine", "journal", "wire"})
"""Words that name a role, a team or an organisation, never a person ("Editorial Team", "Media Relations")."""

PLACE_LINE = lazy(r"^(?:ort|location|place|lieu|lugar)\s*:?\s+(?P<x>\p{Lu}[\p{L} .,/'-]{1,60})$", _F)
"""An info line giving the place: "Ort Saarbrücken"."""

COPYRIGHT_HOLDER = lazy(r"^(?:©|\(c\)|copyright|版权所有|版權所有|著作権)(?:\s*(?:©|\(c\)))?\s*"
                                 r"(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?"
                                 r"(?P<x>\p{L}[^|]{2,100}?)"
                                 r"[\s,]*(?:(?:all rights reserved|alle rechte vorbehalten|todos los derechos reservados|"
                                 r"tous droits réservés|tutti i diritti riservati|todos os direitos reservados|"
                                 r"alle rechten voorbehouden).*)?$", _F)
"""The holder a copyright line names: "© 2022 EnBW AG. Alle Rechte vorbehalten"."""

LOGO = lazy(r"^(?:logo(?:\s+(?:des|der|von|of|de|du|del))?\s+(?P<a>\p{Lu}.{1,80}?)|(?P<b>\p{Lu}.{1,80}?)\s+logo)"
                     r"\s*$", _F)
"""A logo's alt text naming its organisation: "Logo des Bundesverband WindEnergie e.V."."""
LOGO_PREFIX = lazy(r"^logo\s*[-–:]\s*", _F)
"""'Logo - ' before a name in an alt text."""

NAME_TAIL = lazy(r"\s*(?:\((?:https?://|www\.)[^)]*\)|\((?:link )?(?:zur|to|vers la|a la) "
                          r"(?:startseite|homepage|home|page d'accueil|página de inicio)\)|\b(?:19|20)\d{2}\.?)\s*$", _F)
"""What pages append to a name: its URL, "(zur Startseite)", a year."""
NAME_CUT = lazy(r"\s+[—–|·•]\s*|\s+-\s+|(?<=\p{Ll}{3})\.\s+(?=\p{Lu})")
"""Where a name ends and a page's addition begins: a dash, a bar, a new sentence."""
NOT_A_NAME = lazy(r"^(?:startseite|home|homepage|zur startseite|logo|site logo|back to home)$", _F)
"""Link and alt texts that name no one."""
DOMAIN = lazy(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}$", _F)
"""A bare domain ("example.com") is an address, not an organisation's name."""

ADDRESS = lazy(
    r"\b\d{4,5}\s+\p{Lu}\p{Ll}+"  # 10115 Berlin
    r"|\b\d{4}\s?\p{Lu}{2}\s+\p{Lu}\p{Ll}+"  # 3511 AB Utrecht
    r"|\p{L}(?i:straße|strasse|str\.|weg|platz|allee|gasse|ring|damm)\s+\d"  # Zinnowitzer Straße 8
    r"|\b\d+\s+\p{Lu}[\p{L} ]{2,30}\s+(?i:street|st\.|avenue|ave\.|road|rd\.|boulevard|blvd\.)")  # 200 Pier Street
"""A street or postcode line of an imprint address."""
ORG_LINE = lazy(r"^\p{Lu}[\p{L}&.,'’ ()-]{2,80}$")
"""The line above an imprint address that names the organisation."""

"""Words and marks of page layout: HTML tags, roles and class words that name chrome; list bullets; teaser endings."""

from __future__ import annotations

import regex

from ..labels import Label
from ..text import lazy

TAG_LABELS: dict[str, Label] = {"nav": Label.MENU, "footer": Label.FOOTER, "aside": Label.RELATED,
                                "figcaption": Label.CAPTION, "dialog": Label.COOKIE, "menu": Label.MENU}
"""HTML elements whose content is chrome by definition."""

ROLE_LABELS: dict[str, Label] = {"navigation": Label.MENU, "menubar": Label.MENU, "menu": Label.MENU,
                                 "search": Label.MENU, "contentinfo": Label.FOOTER, "dialog": Label.COOKIE,
                                 "alertdialog": Label.COOKIE}
"""ARIA roles that say what a box is."""

CLASS_WORDS: dict[str, Label] = {
    **dict.fromkeys(("nav", "navbar", "navigation", "menu", "megamenu", "breadcrumb", "breadcrumbs",
                     "pagination", "skiplink", "skiplinks", "searchbox", "topbar", "subnav", "mainnav", "sitenav",
                     "offcanvas"), Label.MENU),
    **dict.fromkeys(("footer", "colophon"), Label.FOOTER),
    **dict.fromkeys(("share", "sharing", "social", "sharebar", "socials", "addthis", "shariff"), Label.SHARE),
    **dict.fromkeys(("cookie", "cookies", "consent", "gdpr", "onetrust", "cookiebanner", "usercentrics",
                     "borlabs"), Label.COOKIE),
    **dict.fromkeys(("sidebar", "related", "recommended", "morenews", "trending"), Label.RELATED),
    **dict.fromkeys(("ad", "ads", "advert", "advertisement", "promo", "newsletter", "sponsored"), Label.AD),
    **dict.fromkeys(("languages", "langswitch", "langswitcher", "languageswitcher", "languageselector",
                     "countryselector"), Label.LANGUAGE_LIST),
    **dict.fromkeys(("caption", "figcaption", "credit", "credits"), Label.CAPTION),
}
"""Class and id words, matched against each dash- or underscore-separated part of a class or id.

Only words that name chrome on their own; ambiguous ones ("lang", "content", "header") are left out.
"""

BULLETS = "•*+·▪◦○□☆■●►‣⁃◆◇→"
"""Glyphs renderers and authors set before list items (w3m, lynx, markdown, typed lists)."""
DASHES = "-–"
"""Dashes, which mark list items too but also start ordinary lines ("- 30 -")."""
LIST_ITEM = lazy(rf"^(?P<mark>[{BULLETS}]|[{DASHES}]|\d{{1,3}}[.)])(?:\s+|$)")
"""A list item's marker at the start of a line: a bullet, a dash, or a number."""

TRUNCATED = lazy(r"(?:\w\s?(?:\.\.\.|…)\s*[)\]]?|[\[(](?:continued|more|mehr|weiter|suite|más)[\])]"
                          r"|(?:read more|weiterlesen|mehr lesen|lire la suite|leer más|continue reading)\W{0,3}"
                          r"|(?:»|›|>)\s*(?:more|mehr))$", regex.IGNORECASE)
"""How a teaser ends where the text goes on elsewhere: an ellipsis, "[more]", "Read more »"."""
TEASER_HINT = lazy(r"\.\.\.|…|continued|more|mehr|weiter|suite|más|reading|lesen")
"""A cheap test whether a line's tail could be a teaser ending, before the full pattern runs."""

COOKIE_WORD = lazy(r"\bcookies?\b|クッキー|\blegitimate interests?\b|\bstore and/or access\b|"
                   r"\bpartners?\b.{0,80}\b(purposes?|consent)\b", regex.IGNORECASE)
"""What a consent dialog's headings and paragraphs keep naming: cookies ("Functional Cookies", "Cookie
List"), and in the IAB's consent framework the purposes its partners ask for ("Store and/or access
information on a device", "91 partners can use this purpose", "Object to legitimate interests")."""
COOKIE_HINT = ("cookie", "クッキー", "legitimate interest", "store and/or", "partner")
"""Pieces a lowercased line holds when :data:`COOKIE_WORD` can match: a substring test spares the pattern."""
_CONSENT_VERB = (r"accept|reject|allow|deny|decline|manage|customi[sz]e|save|confirm|"
                 r"akzeptieren|ablehnen|zulassen|verwalten|speichern|accepter|refuser|personnaliser|"
                 r"aceptar|rechazar|configurar|accetta|rifiuta")
_CONSENT_OBJECT = (r"all|alle|tout|todas?|tutti|cookies?|preferences|settings|choices|consent|options|vendors|"
                   r"purposes|einstellungen|"
                   r"auswahl|paramètres|préférences|configuración|preferencias")
CONSENT_CONTROL = lazy(rf"\b({_CONSENT_VERB})\b.{{0,40}}\b({_CONSENT_OBJECT})\b|"
                       rf"\b({_CONSENT_OBJECT})\b.{{0,40}}\b({_CONSENT_VERB})\b|\balways active\b", regex.IGNORECASE)
"""A consent dialog's button or link: a verb and what it applies to, either way round ("Accept All
Cookies", "Manage Cookie Preferences", "Confirm My Choices", "Alle akzeptieren"), or the label on a
category nobody can switch off ("Always Active")."""

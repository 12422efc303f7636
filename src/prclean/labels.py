"""The names decisions are made in: what a block is (:class:`Label`) and which rule said so (:class:`RuleName`).

Both are enums, so a stage that acts on another stage's decision names it by a constant, and a
renamed rule is an import error rather than a silent change of behaviour. Their values are the
strings the output carries (``"menu"``, ``"source-line"``).
"""

from __future__ import annotations

import sys
from enum import Enum

if sys.version_info >= (3, 11):
    from enum import StrEnum
else:  # pragma: no cover - Python 3.10
    class StrEnum(str, Enum):
        def __str__(self) -> str:
            return str(self.value)

        def __format__(self, spec: str) -> str:
            return format(str(self.value), spec)


class Label(StrEnum):
    """What a block of the page is: the release body, one of its own sections, or a kind of chrome."""

    BODY = "body"
    ABOUT = "about"
    CONTACTS = "contacts"
    FORWARD_LOOKING = "forward-looking"
    TITLE = "title"
    SUBTITLE = "subtitle"
    MENU = "menu"
    LANGUAGE_LIST = "language-list"
    SHARE = "share"
    FURNITURE = "furniture"
    BYLINE = "byline"
    RELATED = "related"
    AD = "ad"
    CONTACT_WIDGET = "contact-widget"
    FOOTER = "footer"
    COOKIE = "cookie"
    BANNER = "banner"
    CAPTION = "caption"
    EMBED = "embed"
    WIRE_TRAILER = "wire-trailer"
    END_MARK = "end-mark"
    DECORATION = "decoration"
    BOILERPLATE = "boilerplate"


class Kind(StrEnum):
    """What a block of text is structurally, as the page shows it."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"
    LIST_ITEM = "list-item"
    TABLE_ROW = "table-row"
    QUOTE = "quote"


SECTION_LABELS = frozenset({Label.ABOUT, Label.CONTACTS, Label.FORWARD_LOOKING})
"""Labels of the release's own sections: kept in the body by default, removed when the caller asks."""


class RuleName(StrEnum):
    """Every rule that can decide a block, by the name the output gives it."""

    # the vocabulary table (vocabulary/chrome.py): phrases of page chrome
    SOURCE_LINE = "source-line"
    VIEW_ORIGINAL = "view-original"
    TRANSLATION_NOTE = "translation-note"
    MEDIA_URL = "media-url"
    DOW_JONES_END = "dow-jones-end"
    RELATED_LINKS = "related-links"
    WIRE_COPYRIGHT = "wire-copyright"
    OTS_TRAILER = "ots-trailer"
    WIRE_DISCLAIMER = "wire-disclaimer"
    DISTRIBUTION_LINE = "distribution-line"
    END_MARK = "end-mark"
    NEWS_PROVIDED_BY = "news-provided-by"
    INFO_LINE = "info-line"
    TIMESTAMP = "timestamp"
    ATTRIBUTION = "attribution"
    DATED_LINE = "dated-line"
    KICKER_DATE = "kicker-date"
    PAGE_STATS = "page-stats"
    PLACE_LINE = "place-line"
    READ_TIME = "read-time"
    BYLINE = "byline"
    SHARE_CONTROL = "share-control"
    FONT_SIZE = "font-size"
    SHARE = "share"
    RELATED_HEADING = "related-heading"
    ISSUER_RESPONSIBILITY = "issuer-responsibility"
    PROMO_CTA = "promo-cta"
    PROMO = "promo"
    SITE_CONTACT = "site-contact"
    CAPTION_CREDIT = "caption-credit"
    CAPTION_CREDIT_END = "caption-credit-end"
    IMAGE_CONTROL = "image-control"
    CAPTION_LABEL = "caption-label"
    CAPTION_UPPER = "caption-upper"
    COPYRIGHT = "copyright"
    ALL_RIGHTS = "all-rights"
    LEGAL_LINK = "legal-link"
    COOKIE = "cookie"
    CONSENT_PLACEHOLDER = "consent-placeholder"
    RAW_MARKUP = "raw-markup"
    CONSENT_BUTTON = "consent-button"
    SITE_BANNER = "site-banner"
    BREADCRUMB = "breadcrumb"
    NAV_WORD = "nav-word"
    # structural detectors (detect/structure.py)
    NO_TEXT = "no-text"
    LANGUAGE_NAME = "language-name"
    MIXED_SCRIPTS = "mixed-scripts"
    LANGUAGE_LINE = "language-line"
    SHORT_RUN = "short-run"
    BULLET_RUN = "bullet-run"
    TRUNCATED_TEASER = "truncated-teaser"
    DOUBLED_ALT_TEXT = "doubled-alt-text"
    LINK_DENSE = "link-dense"
    REPEATED = "repeated"
    CAPTION_AFTER_CREDIT = "caption-after-credit"
    CONSENT_DIALOG = "consent-dialog"
    # extraction: decisions about the body span and the header
    UNNUMBERED_HEADING = "unnumbered-heading"
    LINK_CARD = "link-card"
    BODY_SPAN = "body-span"
    # the fitted model correcting the hand rules' body (extract/fitted.py)
    MODEL_BODY = "model-body"
    MODEL_CHROME = "model-chrome"
    OPTION = "option"
    HEADER_HEADING = "header-heading"
    PROVIDER_NAME = "provider-name"
    NO_RELEASE = "no-release"
    BEFORE_BODY = "before-body"
    AFTER_BODY = "after-body"
    INSIDE_BODY = "inside-body"


def container_rule(label: Label) -> str:
    """The rule name of a chrome label an HTML container gave (``<nav>`` → ``html-menu``)."""
    return f"html-{label.value}"


def outside_rule(source: str) -> str:
    """The rule name of a unit outside the page's main content, by where that content came from."""
    return f"outside-{source}"

"""What we know about each distribution service, as data: one profile per wire.

A profile says how to recognise the wire's pages (host names, page markers), which tag it puts in
the dateline, which HTML containers hold the release (and its contacts).  Code elsewhere never
names a wire; it asks the profiles.  Adding a wire means adding one entry here and a fixture.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import regex

from .text import lazy
from .urls import url_host


@dataclass(frozen=True)
class WireProfile:
    name: str
    hosts: tuple[str, ...]
    dateline_tag: str  # regex matched in the lead paragraph
    markers: tuple[str, ...] = ()  # substrings of the raw page that identify the wire
    body_xpaths: tuple[str, ...] = ()  # containers holding the release text, best first
    extra_xpaths: tuple[str, ...] = ()  # parts of the release the wire sets outside the body (contacts)
    host: bool = False  # a site that republishes wire releases: its containers help, its name is no wire
    agency: bool = False  # a news agency that writes its own stories (it can be a story's issuer), not only a wire


def has_class(name: str) -> str:
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


PROFILES: tuple[WireProfile, ...] = (
    WireProfile(
        "PR Newswire",
        ("prnewswire.com", "prnewswire.co.uk", "newswire.ca", "prnasia.com", "prnewswire.mx"),
        r"/\s*PRNewswire(?:-[\w-]+)?\s*/|/\s*PRNewswire\s*/|/\s*CNW\s*/|/\s*PRNAsia\s*/|/美通社/",
        ("prnewswire", "Cision US Inc.", "newswire.ca"),
        (f"//section[{has_class('release-body')}]", f"//div[{has_class('release-body')}]",
         "//div[@id='release-body']", f"//div[{has_class('news-release')}]", "//div[@itemprop='articleBody']"),
    ),
    WireProfile(
        "Business Wire",
        ("businesswire.com", "businesswire.de", "businesswire.fr", "businesswire.jp"),
        r"--\s*\(\s*BUSINESS WIRE\s*\)\s*--|\(BUSINESS WIRE\)|\(ビジネスワイヤ\)",
        ("businesswire.com", "BUSINESS WIRE"),
        (f"//div[{has_class('bw-release-story')}]", "//div[@itemprop='articleBody']",
         f"//div[{has_class('bw-release-body')}]", f"//div[{has_class('release-body')}]"),
        extra_xpaths=(f"//div[{has_class('bw-release-contact')}]", f"//div[{has_class('bw-release-contacts')}]"),
    ),
    WireProfile(
        "GlobeNewswire",
        ("globenewswire.com",),
        r"\(\s*GLOBE NEWSWIRE\s*\)|\(GLOBE NEWSWIRE\)|/GLOBE NEWSWIRE/",
        ("globenewswire.com", "GLOBE NEWSWIRE"),
        ("//div[@id='main-body-container']", f"//div[{has_class('main-body-container')}]",
         "//span[@itemprop='articleBody']", "//div[@itemprop='articleBody']"),
    ),
    WireProfile(
        "Marketwired",
        ("marketwired.com",),
        r"--\s*\(\s*Marketwired(?: - [^)]{3,40})?\)|\(\s*Marketwire(?:d)? - ",
        ("Marketwired",),
        ("//div[@itemprop='articleBody']", f"//div[{has_class('mw_release')}]"),
    ),
    WireProfile(
        "ACCESSWIRE",
        ("accesswire.com",),
        r"/\s*ACCESSWIRE\s*/|/\s*ACCESS Newswire\s*/",
        ("accesswire.com",),
        ("//div[@id='articlebody']", f"//div[{has_class('articlebody')}]", "//div[@itemprop='articleBody']"),
    ),
    WireProfile(
        "EIN Presswire",
        ("einpresswire.com", "einnews.com"),
        r"/\s*EINPresswire\.com\s*/|/\s*EIN Presswire\s*/",
        ("einpresswire", "EIN Presswire"),
        (f"//div[{has_class('article_column')}]", "//div[@itemprop='articleBody']", f"//div[{has_class('article-content')}]"),
    ),
    WireProfile(
        "PRWeb",
        ("prweb.com",),
        r"\(\s*PRWEB\s*\)|/\s*PRWeb\s*/",
        ("prweb.com", "PRWEB"),
        (f"//div[{has_class('release-body')}]", "//div[@itemprop='articleBody']"),
        (f"//div[{has_class('release-contact')}]",),  # the media contact box sits below the body
    ),
    WireProfile(
        "Newsfile",
        ("newsfilecorp.com",),
        r"\(\s*Newsfile Corp\.\s*-",
        ("newsfilecorp.com",),
        ("//div[@id='release']", f"//div[{has_class('release')}]"),
    ),
    WireProfile(
        "Cision",
        ("news.cision.com",),
        r"/\s*Cision\s*/|\(Cision\)",
        ("news.cision.com",),
        (f"//div[{has_class('release-body')}]", f"//article[{has_class('release')}]"),
    ),
    WireProfile(
        "JCN Newswire",
        ("jcnnewswire.com",),
        r"\(\s*JCN Newswire\s*\)|JCN Newswire\s*-",
        ("jcnnewswire.com", "JCN Newswire"),
        (f"//div[{has_class('article-body')}]",),
    ),
    WireProfile(
        "news aktuell",
        ("presseportal.de", "presseportal.ch", "ots.at"),
        r"\(\s*ots(?:/[\w-]+)?\s*\)",
        ("presseportal.de", "news aktuell"),
        (f"//article[{has_class('story')}]", f"//div[{has_class('story')}]", f"//div[{has_class('card')}]//article"),
        (f".//*[{has_class('news-meta')}]",),
    ),
    WireProfile(
        "induux 4press",  # the press-release service of the induux industry platform
        ("induux.com",),
        r"\(\s*induux\s*\)",
        ("/4press/", "induux"),
        (f"//div[{has_class('ugc')}]",),  # the release text, its lead set apart in a p of the same class
        (f"//p[{has_class('ugc')}]",),
    ),
    WireProfile(
        "dpa-AFX",
        ("dpa-afx.de",),
        r"\(\s*dpa-AFX\s*\)",
        ("dpa-AFX",),
        agency=True,
    ),
    WireProfile(
        "IWR-Pressedienst",
        ("iwr.de",),
        r"\(\s*iwr-pressedienst\s*\)",
        ("iwr-pressedienst",),
    ),
)

# Sites that republish wire releases: their article containers, never a wire name of their own.
HOSTS: tuple[WireProfile, ...] = (
    WireProfile("Yahoo Finance", ("finance.yahoo.com", "yahoo.com"), "", ("Yahoo Finance", "finance.yahoo.com"),
                (f"//div[{has_class('caas-body')}]", f"//div[{has_class('body')}][@data-testid='article-body']"), host=True),
    WireProfile("Nasdaq", ("nasdaq.com",), "", ("nasdaq.com", "Nasdaq, Inc."),
                (f"//div[{has_class('body__content')}]", f"//div[{has_class('article-body')}]"), host=True),
    WireProfile("MarketWatch", ("marketwatch.com",), "", ("marketwatch.com", "MarketWatch"),
                ("//div[@id='js-article__body']", f"//div[{has_class('article__body')}]"), host=True),
)
_TAGS = [(p, lazy(p.dateline_tag, regex.IGNORECASE)) for p in PROFILES]
_MARKER_SCAN = 400_000
"""Characters of raw page searched for wire markers: a wire names itself in the head and the release."""
WIRE_NAMES = lazy("|".join(regex.escape(p.name) for p in PROFILES), regex.IGNORECASE)
"""Any wire's name in a line ("By GlobeNewswire, June 5, 2017")."""
# one pass over a page's text finds every wire's tag; the group name says whose
_ANY_TAG_NAMED = lazy("|".join(f"(?P<w{i}>{p.dateline_tag})" for i, p in enumerate(PROFILES)),
                               regex.IGNORECASE)


def _group(profile: WireProfile) -> str | None:
    return f"w{PROFILES.index(profile)}" if profile in PROFILES else None
ANY_TAG = lazy("|".join(f"(?:{p.dateline_tag})" for p in PROFILES), regex.IGNORECASE)


def wire_from_text(text: str) -> WireProfile | None:
    """The wire whose dateline tag appears in ``text`` (a lead paragraph), if any."""
    for profile, pattern in _TAGS:
        if pattern.search(text[:600]):
            return profile
    return None


def wire_from_page(url: str | None, html: str, profiles: tuple[WireProfile, ...] = PROFILES) -> WireProfile | None:
    """The wire the page is sure of: a URL host its markers confirm, or two pieces of evidence in the page.

    The URL is only a hint: a wrong URL must not beat what the page says, so a host match is
    accepted only when the page also carries one of the profile's markers.
    """
    ranked = wire_candidates(url, html, profiles)
    return ranked[0][1] if ranked and ranked[0][0] >= 2 else None


def wire_candidates(url: str | None, html: str, profiles: tuple[WireProfile, ...] = PROFILES,
                    text: Callable[[], str] | None = None) -> list[tuple[int, WireProfile]]:
    """Profiles with any evidence in the page, strongest first.

    Evidence is a marker (the wire's domain or name in the raw page) or its dateline tag in the
    page's visible text (read through ``text`` only when the markers leave the wire in doubt); a
    URL host the page confirms counts as certain. One piece alone is weak: a news site quoting a
    release mentions the wire once. The caller accepts a weak candidate only when the page also
    has that wire's body container.
    """
    host = url_host(url.strip()) if url else ""
    head = html[:_MARKER_SCAN]
    # a substring count per marker is C-speed; one alternation pattern over the page (overlapped, since markers
    # nest) cost 11 ms a page, a sixth of prclean's time on release HTML
    scores = {}
    for profile in profiles:
        score = sum(head.count(mark) for mark in profile.markers)
        if host and score and any(host == h or host.endswith("." + h) for h in profile.hosts):
            score += 100
        scores[profile] = score
    if text is not None and max(scores.values(), default=0) < 2:
        tagged = {m.lastgroup for m in _ANY_TAG_NAMED.finditer(text()[:100_000])}
        for profile in scores:
            scores[profile] += _group(profile) in tagged
    ranked = [(score, p) for p, score in scores.items() if score and (p.body_xpaths or score >= 100)]
    return sorted(ranked, key=lambda s: -s[0])

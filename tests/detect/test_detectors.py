"""Each chrome detector on its own: what fires, and what must not."""

from __future__ import annotations

import pytest

from prclean.detect import detect
from prclean.detect.phrases import phrases
from prclean.detect.structure import (
    caption_after_credit,
    decoration,
    doubled_text,
    language_line,
    language_list,
    link_dense,
    menu_runs,
    repeated,
    trailer_url,
    truncated_teaser,
)
from prclean.read import Page
from prclean.read.textdump import segment_text


def units(*lines: str) -> Page:
    return page("\n\n".join(lines))


def page(text: str) -> Page:
    return Page(segment_text(text), "text")


def vocabulary(p: Page) -> dict:
    return phrases(p, {})


VOCABULARY_CASES = [
    ("SOURCE Acme Corp", "wire-trailer", "source-line"),
    ("View original content to download multimedia:https://example.com/x", "wire-trailer", "view-original"),
    ("Photo - https://mma.prnewswire.com/media/1/a.jpg", "wire-trailer", "media-url"),
    ("Original-Content von: Acme GmbH, übermittelt durch news aktuell", "wire-trailer", "ots-trailer"),
    ("News provided by", "furniture", "news-provided-by"),
    ("Jan 06, 2026, 22:35 ET", "furniture", "timestamp"),
    ("Date: 2023-03-19", "furniture", "info-line"),
    ("By Sarah Crowe", "byline", "byline"),
    ("By Evelyn de Souza", "byline", "byline"),
    ("Share this article", "share", "share"),
    ("Also from this source", "related", "related-heading"),
    ("Weitere Pressemitteilungen von Nordex SE", "related", "related-heading"),
    ("21% more press release views with Request a Demo", "ad", "promo-cta"),
    ("Newsletter", "ad", "promo"),
    ("BU: Von links nach rechts: Anna Berg und Jonas Keller", "caption", "caption-label"),
    ("Call PR Newswire at 888-776-0942", "contact-widget", "site-contact"),
    ("Copyright © 2025 Cision US Inc.", "wire-trailer", "wire-copyright"),
    ("Impressum", "footer", "legal-link"),
    ("We use cookies to personalise content and analyse our traffic.", "cookie", "cookie"),
    ("We're building a new UNICEF.org.", "banner", "site-banner"),
    ("© UNICEF video", "caption", "caption-credit"),
    ("Eine der Windkraftanlagen im Steinheimer Becken, Foto: EnBW", "caption", "caption-credit-end"),
    ("Skip to main content", "menu", "nav-word"),
    ("Sie sind hier: Startseite Presse", "menu", "breadcrumb"),
    ("132 Aufrufe • 875 Wörter • 6.054 Zeichen", "furniture", "page-stats"),
    ("Cambridge, Massachusetts, UNITED STATES", "furniture", "place-line"),
    ("Written by GlobeNewswire for GlobeNewswire", "furniture", "attribution"),
    ("Condividi: Facebook X LinkedIn", "share", "share"),
    ("Pressemitteilung Aktuell 02. November 2021", "furniture", "kicker-date"),
    ("Drucken", "share", "share-control"),
    ('<form class="third-party-services__configuration-form th', "embed", "raw-markup"),
    ("</div>________________________________________________", "embed", "raw-markup"),
    ("Press release - March 3, 2026", "furniture", "kicker-date"),
    ("Originalversion auf businesswire.com ansehen: https://www.businesswire.com/news/home/1/de/",
     "wire-trailer", "view-original"),
    ("Voir la version originale sur businesswire.com : https://www.businesswire.com/news/home/1/fr/",
     "wire-trailer", "view-original"),
    (("Die Ausgangssprache, in der der Originaltext veröffentlicht wird, ist die offizielle und autorisierte "
     "Version. Übersetzungen werden zur besseren Verständigung mitgeliefert."), "wire-trailer", "translation-note"),
    ("本記者発表文の公式バージョンはオリジナル言語版です。翻訳言語版は、読者の便宜を図る目的で提供されているものです。",
     "wire-trailer", "translation-note"),
]


@pytest.mark.parametrize("line,label,rule", VOCABULARY_CASES)
def test_vocabulary_rule_fires(line, label, rule):
    verdict = vocabulary(units(line)).get(0)
    assert verdict is not None and (verdict.label, verdict.rule) == (label, rule)


@pytest.mark.parametrize("line", [
    "The company said cookies and biscuits made up 40 percent of its bakery sales in the quarter, up from 31 percent.",
    "Customers can share their feedback through the app, the company said in a statement on Monday.",
    "The source of the outbreak was traced to a processing plant in the north of the country last week.",
    "Halvard Grid Systems designs and builds battery storage for utilities, ports and factories.",
    "Bad Homburg 29. November 2022",  # a dateline on its own line, not a kicker
    "author: Take some credit.",  # a definition, not a byline: names are capitalised
    "A <b>bold</b> move: the company says the <div> tag is not in its new app.",
])
def test_vocabulary_leaves_prose_alone(line):
    assert vocabulary(units(line)) == {}


def test_language_list_by_names_and_by_scripts():
    named = language_list(units("USA - English", "Deutsch", "Korea - 한국어"), {})
    assert {v.rule for v in named.values()} == {"language-name"}
    mixed = language_list(units("Россия", "日本", "France", "العربية"), {})
    assert len(mixed) == 4 and {v.rule for v in mixed.values()} == {"mixed-scripts"}
    assert language_list(units("Produkte", "Service", "Karriere"), {}) == {}


def test_language_line():
    found = language_line(units("[English] English [Deutsch] Deutsch [Français] Français"), {})
    assert found[0].label == "language-list"
    assert language_line(units("Our English and German teams will open offices in Paris."), {}) == {}


def test_menu_runs_need_three_short_items():
    run = menu_runs(page("  • News\n  • Products\n  • Contact\n\nA sentence of prose that is long enough."), {})
    assert [v.rule for v in run.values()] == ["bullet-run"] * 3
    assert menu_runs(page("  • News\n  • Products"), {}) == {}


def test_repeated_short_units():
    found = repeated(units("Home", "Products", "Home", "A long paragraph of release text stands here alone."), {})
    assert set(found) == {0, 2}


def test_doubled_alt_text():
    found = doubled_text(units("Ein Dachdecker bringt auf einem Dach Solarpanel an.Ein Dachdecker bringt auf einem "
                               "Dach Solarpanel an.",
                               "The plant will employ 410 people and the plant will open in the spring of 2027."), {})
    assert list(found) == [0]


def test_link_dense_markdown():
    found = link_dense(page("* [Newsroom](https://x.example/news)\n* Plain item"), {})
    assert list(found) == [0]


def test_truncated_teaser():
    found = truncated_teaser(units("Harbor Logistics Inc. today announced the opening of two warehouses and...",
                                   "The plant opened on Monday."), {})
    assert list(found) == [0]


def test_decoration_and_image_alts():
    found = decoration(page("[fb_share] [twitter]\n\n━━━━━━━━\n\nReal text here."), {})
    assert set(found) == {0, 1}


def test_caption_after_credit_and_trailer_url():
    us = page("© Clearwater Alliance/D. Mwangi\nA member of the committee opens the new tap.")
    assert caption_after_credit(us, vocabulary(us))[1].label == "caption"
    us = page("View source version on businesswire.com:\nhttps://www.businesswire.com/news/home/1/en/")
    assert trailer_url(us, vocabulary(us))[1].label == "wire-trailer"


def test_precedence_first_detector_wins():
    us = units("Share this article", "Share this article")
    found = detect(us)
    assert found[0].rule == "share"  # vocabulary before repetition

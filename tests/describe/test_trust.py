"""Metadata you can trust: a wrong value is worse than none (issue 12's traps, in small pages)."""

from __future__ import annotations

import pytest

import prclean
from prclean.describe.author import looks_like_person
from prclean.extract.header import is_deck

TITLE = "Harbour Town Opens Its First Electric Ferry Line"
LEAD = ("HARBOUR TOWN, May 3, 2026 -- The town council opened its first electric ferry line on Sunday, replacing "
        "two diesel boats on the twenty-minute crossing to Little Tern island.")
MORE = "The two new boats carry ninety passengers each and charge at the quay between crossings, the council said."


def page(*header: str, head: str = "", footer: str = "") -> str:
    lines = "".join(f"<p>{h}</p>" for h in header)
    return (f"<html><head><title>{TITLE} | Harbour Town</title>{head}</head><body>"
            f"<nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li></ul></nav>"
            f"<article><h1>{TITLE}</h1>{lines}<p>{LEAD}</p><p>{MORE}</p><p>{MORE} Again and again.</p></article>"
            f"<footer><p>{footer}</p></footer></body></html>")


@pytest.mark.parametrize("line", [
    "08.12.2022 Bundesverband WindEnergie",
    "28.04.2021 - 07:18 | Quelle: dpa-afx | Lesedauer etwa 4 min.",
    "By GlobeNewswire, June 05, 2017, 08:30:00 AM EDT",
    "PR Newswire June 13, 2017",
    "Photo of the ferry © Harbour Town / J. Smith",
    "www.harbour.example www.harbour.example",
    "The council bought the boats last year. They cost four million euros and were built in Norway.",
    TITLE,
])
def test_these_are_no_deck(line):
    assert not is_deck(line, TITLE)


@pytest.mark.parametrize("line", [
    "The boats replace two diesel ferries on the crossing to Little Tern",
    "Mit der Investition bietet die Stadt vom 9.1. bis 10.2.2023 eine Beteiligung an der neuen Fähre an.",
])
def test_these_are_decks(line):
    assert is_deck(line, TITLE)


def test_a_date_line_under_the_headline_is_no_subtitle():
    release = prclean.clean(page("By GlobeNewswire, June 05, 2017, 08:30:00 AM EDT"))
    assert release.subtitle is None


@pytest.mark.parametrize("name,person", [
    ("Ruth Okafor", True), ("Evelyn de Souza", True), ("admin", False), ("publisher", False),
    ("Acme Robotics, Inc.", False), ("wegewerk GmbH", False), ("Editorial Team", False), ("Salesforce", False),
])
def test_looks_like_person(name, person):
    assert looks_like_person(name) is person


def test_meta_author_is_believed_only_when_the_page_shows_it_as_a_person():
    company = prclean.clean(page(head='<meta name="author" content="Harbour Town Council">'))
    assert company.author is None
    unseen = prclean.clean(page(head='<meta name="author" content="Maren Holt">'))
    assert unseen.author is None  # no visible byline: page metadata alone is no evidence
    shown = prclean.clean(page("Maren Holt | 3 May 2026", head='<meta name="author" content="Maren Holt">'))
    assert (shown.author, shown.provenance["author"]) == ("Maren Holt", "meta:author")


def test_a_dated_byline_names_its_author():
    release = prclean.clean(page("By Maren Holt | 3 May 2026"))
    assert (release.author, release.provenance["author"]) == ("Maren Holt", "byline")


def test_the_site_is_not_the_author():
    release = prclean.clean(page("Harbour Post", head='<meta property="og:site_name" content="Harbour Post">'
                                 '<meta name="author" content="Harbour Post">'))
    assert release.author is None


def test_a_distribution_wire_is_never_the_issuer_but_a_news_agency_may_be():
    wire = prclean.clean(page("Source: Business Wire | Published: May 3, 2026"))
    assert wire.issuer != "Business Wire"
    agency = prclean.clean(page("Quelle: dpa-AFX"))
    assert agency.issuer == "dpa-AFX"


def test_no_date_from_the_footer():
    release = prclean.clean(page(footer="© Harbour Town 2019. Last updated 14.02.2019").replace("May 3, 2026 ", ""))
    assert release.date is None

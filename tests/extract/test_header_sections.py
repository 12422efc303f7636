"""The release's own sections, and the header (title, subtitle, byline) above the body."""

from __future__ import annotations

import pytest

from prclean.detect import detect
from prclean.extract import sections
from prclean.extract.header import read_header
from prclean.extract.sections import assign_sections, section_of
from prclean.extract.span import choose_span
from prclean.labels import Label
from prclean.read import Page
from prclean.read.textdump import segment_text
from prclean.vocabulary.headings import FORWARD_LOOKING

ABOUT, CONTACTS, FORWARD = Label.ABOUT, Label.CONTACTS, Label.FORWARD_LOOKING


@pytest.mark.parametrize("line,section", [
    ("About Acme Corp.", ABOUT), ("Über die Stadtwerke Lindenau", ABOUT), ("À propos de la Coopérative", ABOUT),
    ("Acerca de Aguas del Sur", ABOUT), ("会社概要", ABOUT), ("关于华川储能", ABOUT),
    ("About Us", ABOUT), ("Über uns", ABOUT), ("Over ons", ABOUT), ("Sobre a Vinhas do Sado", ABOUT),
    ("Over Stichting Waterland", ABOUT),
    ("Media contact:", CONTACTS), ("Pressekontakt:", CONTACTS), ("お問い合わせ", CONTACTS),
    ("Forward-Looking Statements", FORWARD), ("Zukunftsgerichtete Aussagen", FORWARD),
    ("This press release contains forward-looking statements within the meaning of the Act.", FORWARD),
    ("The company opened a plant in Ohio.", None), ("About 400 people will work there.", None),
])
def test_section_headings(line, section):
    (unit,) = segment_text(line)
    assert section_of(unit) == section


def test_sections_run_until_the_next_heading():
    units = segment_text(page(
        "The company said today that its plant will open in May and employ four hundred people in the region.",
        "About Acme", "Acme builds storage systems for utilities in twelve countries and was founded in 2009.",
        "Forward-Looking Statements",
        ("This release contains forward-looking statements about the plant and its opening, which are subject "
         "to risks."),
        "Media contact:", "Jo Park", "press@acme.example"))
    labels = assign_sections(units)
    assert labels == (None, ABOUT, ABOUT, FORWARD, FORWARD, CONTACTS, CONTACTS, CONTACTS)


def page(*blocks: str) -> str:
    return "\n\n".join(blocks)


def _header(text: str):
    units = segment_text(text)
    found = detect(Page(units, "text"))
    span = choose_span(units, found)
    lead = " ".join(units[i].text for i in span.keep[:2])
    return units, read_header(units, found, span.start, lead)


def test_title_subtitle_and_byline():
    units, head = _header(page(
        "Skip to content", "Home", "News", "Contact",
        "Harbour Town Opens Its First Electric Ferry Line",
        "The boats replace two diesel ferries on the crossing to Little Tern",
        "By Maren Holt",
        ("HARBOUR TOWN, May 3, 2026 – The town council opened its first electric ferry line on Sunday, "
         "replacing two diesel boats on the twenty-minute crossing to Little Tern island.")))
    assert units[head.title].text == "Harbour Town Opens Its First Electric Ferry Line"
    assert units[head.subtitle].text.startswith("The boats replace two diesel ferries")
    assert head.author == "Maren Holt"


def test_issuer_name_over_the_headline_is_not_the_title():
    units, head = _header(page(
        "Nordlicht Reisen GmbH", "Nachtzug nach Kopenhagen fährt ab Dezember täglich",
        ("Hamburg (ots) - Ab dem 14. Dezember fährt der Nachtzug von Hamburg nach Kopenhagen täglich, teilte "
         "die Nordlicht Reisen GmbH am Freitag mit.")))
    assert units[head.title].text == "Nachtzug nach Kopenhagen fährt ab Dezember täglich"
    assert head.name_line == "Nordlicht Reisen GmbH"


@pytest.mark.parametrize("head", [
    "Forward-Looking Statements", "CAUTIONARY NOTE REGARDING FORWARD-LOOKING STATEMENTS", "Safe Harbor Statement",
    "This press release contains forward-looking statements within the meaning of", "Zukunftsgerichtete Aussagen",
    "Declaraciones prospectivas", "Dichiarazioni previsionali", "Toekomstgerichte verklaringen",
    "Déclarations prospectives", "前瞻性陈述",
])
def test_the_safe_harbour_precheck_lets_every_heading_through(head):
    """An ASCII head is searched only when it holds one of FLS_PIECES: every phrase the pattern knows does."""
    assert sections._forward_looking(head) and FORWARD_LOOKING.search(head)
    assert section_of(segment_text(head)[0]) == Label.FORWARD_LOOKING

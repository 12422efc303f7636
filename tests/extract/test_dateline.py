"""Datelines: place, date, wire and agency from a release's opening."""

from __future__ import annotations

import pytest

from prclean.extract import dateline
from prclean.extract.dateline import parse_dateline
from prclean.read.textdump import segment_text


@pytest.mark.parametrize("lead,place,date,wire", [
    ("BEIJING, Jan. 6, 2026 /PRNewswire/ -- CGTN published", "BEIJING", "2026-01-06", "PR Newswire"),
    ("PALO ALTO, Calif., April 25, 2016 /PRNewswire/ -- HackerRank", "PALO ALTO, Calif.", "2016-04-25", "PR Newswire"),
    ("NEW YORK, June 05, 2017 (GLOBE NEWSWIRE) -- AmTrust", "NEW YORK", "2017-06-05", "GlobeNewswire"),
    ("BOSTON--(BUSINESS WIRE)--Corvane Therapeutics, Inc. today", "BOSTON", None, "Business Wire"),
    ("SAN FRANCISCO, CA--(Marketwired - April 06, 2016) -  Segment", "SAN FRANCISCO, CA", "2016-04-06", "Marketwired"),
    ("PUNE, INDIA, July 22, 2016 /EINPresswire.com/ -- Wiseguyreports", "PUNE, INDIA", "2016-07-22", "EIN Presswire"),
    ("CUPERTINO, California—April 27, 2015—Apple today announced", "CUPERTINO, California", "2015-04-27", None),
    ("BEIJING, China, 8 November, 2010 – The conference started", "BEIJING, China", "2010-11-08", None),
    ("Bochum, 11. März 2015. – Die windream GmbH", "Bochum", "2015-03-11", None),
    ("Köln (ots) - Die TravelTrex GmbH", "Köln", None, "news aktuell"),
    ("Hamburg (iwr-pressedienst) - Die vermehrte", "Hamburg", None, "IWR-Pressedienst"),
    ("Potsdam – Zum Ende des Jagdjahres", "Potsdam", None, None),
    ("Steinheim, Nordrhein-Westfalen/Stuttgart. Die EnBW hat", "Steinheim, Nordrhein-Westfalen/Stuttgart", None, None),
    ("Utrecht, 3 maart 2026 – Stichting Waterland", "Utrecht", "2026-03-03", None),
    ("LISBOA, 14 de abril de 2026 – A Vinhas do Sado", "LISBOA", "2026-04-14", None),
])
def test_datelines(lead, place, date, wire):
    dl = parse_dateline(lead)
    assert dl is not None and (dl.place, dl.date, dl.wire) == (place, date, wire)


@pytest.mark.parametrize("lead,agency", [
    ("Berlin/Frankfurt (dpa) - Immer mehr junge Menschen", "dpa"),
    ("PARIS (AFP) - Le gouvernement a annoncé", "AFP"),
    ("Köln (ots) - Die TravelTrex GmbH", None),  # a wire's tag, not an agency's
    ("Hamburg (iwr-pressedienst) - Die vermehrte", None),
    ("München (Bayern) - Der Freistaat", None),  # a place in brackets
])
def test_dateline_agency(lead, agency):
    dl = parse_dateline(lead)
    assert dl is not None and dl.agency == agency


@pytest.mark.parametrize("lead", [
    "In a significant development for women's welfare, China and South Korea",
    "The company said on Monday, June 5, 2017 that it would",
    "Das Bundesamt für Strahlenschutz hat eine neue Karte veröffentlicht.",
    "Overview. The company opened a plant.",  # one word and a full stop: no place of its own
])
def test_no_dateline(lead):
    assert parse_dateline(lead) is None


def test_each_dateline_pattern_has_its_precheck_and_the_prechecks_skip_only_what_cannot_match(fixtures_dir):
    """_parse_head skips a pattern when the head lacks what every match of it holds (a digit for a date,
    a separator): on the fixtures' lines and the examples above, no pattern skipped would have matched."""
    assert len(dateline._NEEDS) == len(dateline._DATELINES)
    heads = [u.text[:300] for p in fixtures_dir.glob("*/input*.txt") for u in segment_text(p.read_text("utf-8"))]
    heads += ["BEIJING, Jan. 6, 2026 /PRNewswire/ -- CGTN", "Köln (ots) - Die", "Potsdam – Zum Ende",
              "SAN FRANCISCO, CA--(Marketwired - April 06, 2016) -  Segment", "VANCOUVER, BC / ACCESSWIRE / March 10, 2026 /",
              "COLUMBUS, Ohio (PRWEB) August 11, 2026 -- A", "Steinheim/Stuttgart. Die EnBW"]
    for head in heads:
        digit = dateline._DIGIT.search(head) is not None
        for pattern, (needs_digit, pieces) in zip(dateline._DATELINES, dateline._NEEDS):
            if (needs_digit and not digit) or (pieces and not any(p in head for p in pieces)):
                assert pattern.match(head) is None, (pattern.pattern, head)


def test_the_digit_prefilter_knows_the_digits_the_patterns_know():
    """Garay digits (Unicode 15) are digits to the regex module the date patterns use, not to Python
    3.11's re: a prefilter written with re skipped the patterns that need a digit, so this dateline's
    place and wire were lost."""
    lead = "BEIJING, Jan. \U00010d46, \U00010d42\U00010d40\U00010d42\U00010d46 /PRNewswire/ -- Acme today said"
    found = parse_dateline(lead)
    assert found is not None and (found.place, found.wire) == ("BEIJING", "PR Newswire")

"""Datelines, dates, language and issuer read off text."""

from __future__ import annotations

import pytest

from prclean.describe.fields import detect_language, parse_dateline, to_iso


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
])
def test_no_dateline(lead):
    assert parse_dateline(lead) is None


@pytest.mark.parametrize("text,iso", [
    ("Jan. 6, 2026", "2026-01-06"), ("28.01.2022", "2022-01-28"), ("2. Dezember 2022", "2022-12-02"),
    ("2023-03-19", "2023-03-19"), ("2026年4月8日", "2026-04-08"), ("12 de mayo de 2024", "2024-05-12"),
    ("31.02.2022", None), ("no date here", None),
])
def test_to_iso(text, iso):
    assert to_iso(text) == iso


@pytest.mark.parametrize("text,lang", [
    ("The company said that it will open a plant in the north of the country and hire 400 people.", "en"),
    ("Die Bundesregierung hat am Mittwoch beschlossen, dass die Förderung für das Programm verlängert wird.", "de"),
    ("Le gouvernement a annoncé que le programme sera prolongé pour les entreprises de la région.", "fr"),
    ("El gobierno anunció que el programa se ampliará para las empresas de la región en los próximos años.", "es"),
    ("ミナト精機株式会社は1968年に創業した産業機械メーカーです。", "ja"),
    ("公司今天宣布在北京开设新的研发中心，将雇用三百名工程师。", "zh"),
    ("De stichting heeft een nieuw gemaal geopend dat het water van de polder naar de rivier pompt.", "nl"),
    ("A empresa anunciou que vai abrir uma nova fábrica no norte do país e contratar trabalhadores.", "pt"),
])
def test_language(text, lang):
    assert detect_language(text) == lang


@pytest.mark.parametrize("lead,issuer", [
    ("BRENTWOOD, Tenn., June 13, 2017 /PRNewswire/ -- AAC Holdings, Inc. (AAC) is participating in", "AAC Holdings, Inc."),
    ("BOSTON--(BUSINESS WIRE)--Corvane Therapeutics, Inc. (Nasdaq: CRVN), a clinical-stage company",
     "Corvane Therapeutics, Inc."),
    ("TOKYO, Jun 02, 2026 - (JCN Newswire) - Kiraboshi Electronics Co., Ltd. today announced",
     "Kiraboshi Electronics Co., Ltd."),
    ("SAN FRANCISCO, CA--(Marketwired - April 06, 2016) -  Segment, the customer data platform, today", "Segment"),
    ("NEW YORK, June 05, 2017 (GLOBE NEWSWIRE) -- Shares of several banks fell sharply after", None),
])
def test_lead_subject(lead, issuer):
    from prclean.describe.fields import lead_subject

    dl = parse_dateline(lead)
    assert dl is not None and lead_subject(lead[dl.end:]) == issuer


@pytest.mark.parametrize("lines,issuer", [
    (["About Us", "Wise Guy Reports is part of the Wise Guy Consultants Pvt. Ltd. and offers reports."],
     "Wise Guy Reports"),
    (["Über uns", "Die Stadtwerke Lindenau sind der Versorger der Stadt."], "Stadtwerke Lindenau"),
    (["About us", "We build storage systems for utilities."], None),  # no named subject: say nothing
    (["Over ons", "Stichting Waterland is een onafhankelijke stichting."], "Stichting Waterland"),
    (["About Acme Corp.", "Acme builds storage systems."], "Acme Corp"),
    ([], None),
])
def test_about_issuer(lines, issuer):
    from prclean.describe.fields import about_issuer

    assert about_issuer(lines) == issuer


@pytest.mark.parametrize("line,issuer", [
    ("28.04.2021 - 07:18 | Quelle: dpa-afx topthem... | Lesedauer etwa 4 min.", None),  # cut off: no name
    ("Datum: 12.03.2026 | Quelle: Stadtwerke Lindenau GmbH | Lesedauer 2 min.", "Stadtwerke Lindenau GmbH"),
    ("Quelle: dpa-AFX", "dpa-AFX"),
])
def test_source_info_line(line, issuer):
    from prclean.describe.fields import issuer_from

    assert issuer_from([line], None) == issuer


@pytest.mark.parametrize("title,sites", [
    ("Habeck in München - Windkraft in Bayern geht nur ohne 10H - BUND Naturschutz in Bayern e.V.",
     ["BUND Naturschutz in Bayern e.V.", "Habeck in München"]),
    ("BSI - Presse - Sicherheits-Check für Künstliche Intelligenz in Autos", ["BSI"]),
    ("Neue Energiezähler mit M-Bus", []),
])
def test_title_sites(title, sites):
    from prclean.describe.fields import title_sites

    assert title_sites({"page_title": title}) == sites


@pytest.mark.parametrize("line,author", [
    ("Von David Hutzler, dpa", "David Hutzler"),
    ("By Sarah Crowe", "Sarah Crowe"),
    ("By Anna Maria Lind | Staff Writer", "Anna Maria Lind"),
    ("Par Jean-Luc Martin, AFP", "Jean-Luc Martin"),
    ("The company said it would hire", None),
])
def test_byline_author(line, author):
    from prclean.describe.fields import author_from

    assert author_from(line) == author

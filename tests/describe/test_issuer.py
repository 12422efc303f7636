"""The issuer: a wire's source lines, the lead's subject, the About section."""

from __future__ import annotations

import pytest

from prclean.describe.issuer import _info_line, about_issuer, lead_subject
from prclean.extract.dateline import parse_dateline


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
    dl = parse_dateline(lead)
    assert dl is not None and lead_subject(lead[dl.end:]) == issuer


@pytest.mark.parametrize("lines,issuer", [
    (["About Us", "Wise Guy Reports is part of the Wise Guy Consultants Pvt. Ltd. and offers reports."],
     "Wise Guy Reports"),
    (["Über uns", "Die Stadtwerke Lindenau sind der Versorger der Stadt."], "Stadtwerke Lindenau"),
    (["About us", "We build storage systems for utilities."], None),  # no named subject: say nothing
    (["Over ons", "Stichting Waterland is een onafhankelijke stichting."], "Stichting Waterland"),
    (["About Acme Corp.", "Acme builds storage systems."], "Acme Corp."),  # the dot of "Corp." stays
    ([], None),
])
def test_about_issuer(lines, issuer):
    assert about_issuer(lines) == issuer


@pytest.mark.parametrize("line,issuer", [
    ("28.04.2021 - 07:18 | Quelle: dpa-afx topthem... | Lesedauer etwa 4 min.", None),  # cut off: no name
    ("Datum: 12.03.2026 | Quelle: Stadtwerke Lindenau GmbH | Lesedauer 2 min.", "Stadtwerke Lindenau GmbH"),
    ("Quelle: dpa-AFX", "dpa-AFX"),
])
def test_source_info_line(line, issuer):
    assert _info_line([line]) == issuer

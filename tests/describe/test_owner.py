"""Who owns a newsroom page: candidates confirmed by the page's domain."""

from __future__ import annotations

import pytest

from prclean.describe.owner import (
    _spelled_acronym,
    address_name,
    domain_labels,
    names_owner,
    page_owner,
    same_organisation,
    spells_domain,
    title_sites,
    with_acronym,
)
from prclean.read import PageFacts
from prclean.read.units import Unit
from prclean.vocabulary.names import ENDS_IN_LEGAL_FORM


def has_legal_form(name: str) -> bool:
    return bool(ENDS_IN_LEGAL_FORM.search(name))


@pytest.mark.parametrize("url,labels", [
    ("https://mluk.brandenburg.de/mluk/de/aktuelles/", ["mluk", "brandenburg"]),
    ("https://www.bund-naturschutz.de/presse", ["bund-naturschutz"]),
    ("https://de.induux.com/4press/x", ["induux"]),  # "de" is too short to name anyone
    ("not a url", []),
    (None, []),
])
def test_domain_labels(url, labels):
    assert domain_labels(url) == labels


@pytest.mark.parametrize("name,labels,spelled", [
    ("BUND Naturschutz in Bayern e.V.", ["bund-naturschutz"], True),  # in words
    ("Bundesverband WindEnergie e.V.", ["wind-energie"], True),
    ("Bundesamt für Sicherheit in der Informationstechnik", ["bsi", "bund"], True),  # in initials
    ("Ministerium für Landwirtschaft, Umwelt und Klimaschutz (MLUK)", ["mluk", "brandenburg"], True),
    ("Weltweit", ["amnesty"], False),  # a section name in the title
    ("wegewerk GmbH", ["zdh"], False),  # the web agency in meta author
    ("BWE", ["wind-energie"], False),
])
def test_spells_domain(name, labels, spelled):
    assert spells_domain(name, labels) is spelled


def test_the_fullest_confirmed_name_wins():
    url = "https://www.enbw.com/presse/windpark.html"
    assert page_owner(["Privatkunden", "EnBW", "EnBW Energie Baden-Württemberg AG"], url, ()) == \
        "EnBW Energie Baden-Württemberg AG"


def test_earliest_wins_a_tie():
    url = "https://www.bund-naturschutz.de/p"
    assert page_owner(["BUND Naturschutz in Bayern e.V.", "BUND Naturschutz in Bayern e. V."], url, ()) == \
        "BUND Naturschutz in Bayern e.V."


def test_a_ministry_header_links_its_government_too():
    url = "https://mluk.brandenburg.de/x"
    home, logo = "Ministerium für Landwirtschaft, Umwelt und Klimaschutz (MLUK)", "Landesregierung Brandenburg"
    assert page_owner([home, logo], url, (logo,)) == home


def test_fallback_without_a_domain_and_over_a_bare_acronym():
    assert page_owner(["Acme GmbH"], None, (None, "Acme Logo Co")) == "Acme Logo Co"
    assert page_owner(["BMAS"], "https://www.bmas.de/x", ("Bundesministerium für Arbeit und Soziales",)) == \
        "Bundesministerium für Arbeit und Soziales"
    assert page_owner(["ZDH"], "https://www.zdh.de/x", (None,)) == "ZDH"
    assert page_owner([], None, ("BWE", None, "Bundesverband WindEnergie e.V.")) == "Bundesverband WindEnergie e.V."
    assert page_owner([], None, ("BWE", None, None)) == "BWE"
    assert page_owner([], None, (None, None)) is None


@pytest.mark.parametrize("lines,name", [
    (["Kontakt", "Amnesty International Deutschland e. V.", "Zinnowitzer Straße 8, 10115 Berlin"],
     "Amnesty International Deutschland e. V."),
    (["Stichting Waterland\nPolderweg 12, Utrecht"], "Stichting Waterland"),  # street and number
    (["Stichting Waterland", "3511 AB Utrecht"], "Stichting Waterland"),  # a Dutch postcode
    (["Impressum", "Musterstraße 1, 12345 Berlin"], None),  # a heading above an address names no one
    (["Harbor Foods Inc.", "200 Pier Street, Portland"], "Harbor Foods Inc."),
    (["No address anywhere", "just text"], None),
])
def test_address_name(lines, name):
    assert address_name(lines) == name


def test_with_acronym_takes_the_form_the_release_writes():
    body = ["Bonn – Das Bundesamt für Sicherheit in der Informationstechnik (BSI) und ZF starten ein Projekt."]
    name = "Bundesamt für Sicherheit in der Informationstechnik"
    assert with_acronym(name, body) == "Bundesamt für Sicherheit in der Informationstechnik (BSI)"
    assert with_acronym(name, ["Das Bundesamt hat eine Karte veröffentlicht."]) == name
    assert with_acronym(None, body) is None


def test_same_organisation_and_legal_form():
    assert same_organisation("Stadtwerke Lindenau", "Stadtwerke Lindenau GmbH")
    assert not same_organisation("windream GmbH", "trendkraft.de Presseportal")
    assert has_legal_form("Amnesty International Deutschland e. V.") and has_legal_form("Harbor Foods Inc.")
    assert not has_legal_form("Kontakt und Anfahrt")


@pytest.mark.parametrize("title,sites", [
    ("Habeck in München - Windkraft in Bayern geht nur ohne 10H - BUND Naturschutz in Bayern e.V.",
     ["BUND Naturschutz in Bayern e.V.", "Habeck in München"]),
    ("BSI - Presse - Sicherheits-Check für Künstliche Intelligenz in Autos", ["BSI"]),
    ("Neue Energiezähler mit M-Bus", []),
])
def test_title_sites(title, sites):
    assert title_sites(PageFacts(page_title=title)) == sites


@pytest.mark.parametrize("name,texts,url,named", [
    ("Podnews", ["“Crime Writers On” is the original true crime review podcast."], "https://podnews.net/press", False),
    ("Stadtwerke Lindenau GmbH", ["Die Stadtwerke Lindenau bauen aus."], None, True),  # a word of its name
    ("Bundesamt für Sicherheit in der Informationstechnik", ["Das BSI und ZF starten ein Projekt."], None, True),
    ("Bundesverband WindEnergie e.V.", ["Die Solarbranche wächst."], "https://www.wind-energie.de/", False),
    ("Bundesverband WindEnergie e.V.", ["Die Windenergie an Land wächst."], "https://www.wind-energie.de/", True),
    ("华川储能科技有限公司", ["华川储能今日宣布"], None, True),  # a CJK name by its leading characters
])
def test_names_owner(name, texts, url, named):
    assert names_owner(name, texts, url) is named


def test_a_name_whose_capitals_spell_the_acronym_the_release_uses():
    units = [Unit.of(0, "Zentralverband des", (0, 0)), Unit.of(1, "Deutschen Handwerks", (1, 1))]
    body = "ZDH-Generalsekretär Schwannecke äußert sich."
    assert _spelled_acronym(units, 0, body) == "Zentralverband des Deutschen Handwerks (ZDH)"
    assert _spelled_acronym(units, 0, "Der Verband äußert sich.") is None  # the release uses no such acronym
    apart = [units[0], Unit.of(1, "Deutschen Handwerks", (2, 2), blank_before=1)]
    assert _spelled_acronym(apart, 0, body) is None  # two lines apart are two things

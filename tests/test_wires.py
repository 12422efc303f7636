"""Wire profiles: recognised from the page, the URL only a hint; hosts lend containers, not names."""

from __future__ import annotations

import pytest

import prclean
from prclean.read.htmlpage import read_html
from prclean.wires import HOSTS, PROFILES, wire_from_page, wire_from_text


@pytest.mark.parametrize("lead,wire", [
    ("BEIJING, Jan. 6, 2026 /PRNewswire/ -- CGTN", "PR Newswire"),
    ("TORONTO, Jan. 6, 2026 /CNW/ - Acme", "PR Newswire"),
    ("BOSTON--(BUSINESS WIRE)--Acme", "Business Wire"),
    ("NEW YORK, June 05, 2017 (GLOBE NEWSWIRE) -- Acme", "GlobeNewswire"),
    ("TORONTO, ON--(Marketwired - September 14, 2016) - Acme", "Marketwired"),
    ("VANCOUVER, BC / ACCESSWIRE / March 10, 2026 / Acme", "ACCESSWIRE"),
    ("AUSTIN, TX, UNITED STATES, September 8, 2026 /EINPresswire.com/ -- Acme", "EIN Presswire"),
    ("COLUMBUS, Ohio (PRWEB) August 11, 2026 -- Acme", "PRWeb"),
    ("Toronto, Ontario--(Newsfile Corp. - November 3, 2026) - Acme", "Newsfile"),
    ("TOKYO, Jun 02, 2026 - (JCN Newswire) - Acme", "JCN Newswire"),
    ("Bremen (ots) - Die Acme GmbH", "news aktuell"),
    ("Berlin (dpa-AFX) - Die Acme", "dpa-AFX"),
    ("Hamburg (iwr-pressedienst) - Die Acme", "IWR-Pressedienst"),
    ("The company said on Monday that it would open a plant.", None),
])
def test_dateline_tags(lead, wire):
    profile = wire_from_text(lead)
    assert (profile.name if profile else None) == wire


def test_profiles_are_data():
    assert len({p.name for p in PROFILES}) == len(PROFILES)
    assert all(p.dateline_tag for p in PROFILES) and all(h.host and not h.dateline_tag for h in HOSTS)


def test_a_wrong_url_does_not_break_extraction(fixtures_dir):
    page = (fixtures_dir / "prnewswire-html-retail" / "input.html").read_bytes()
    right = prclean.clean(page, url="https://www.prnewswire.com/news-releases/x.html")
    wrong = prclean.clean(page, url="https://www.businesswire.com/news/home/1/en/")
    none = prclean.clean(page, url="not a url at all")
    assert right.text == wrong.text == none.text and right.wire == wrong.wire == "PR Newswire"
    assert wire_from_page("https://www.businesswire.com/x", page.decode()).name == "PR Newswire"


def test_hosts_lend_containers_not_wire_names(fixtures_dir):
    html = (fixtures_dir / "yahoo-finance-html-prn" / "input.html").read_text(encoding="utf-8")
    page = read_html(html)
    assert page.main is not None and page.main.source == "profile:Yahoo Finance"
    assert page.layout_wire != "Yahoo Finance"
    assert prclean.clean(html).wire == "PR Newswire"  # from the dateline


def test_every_profile_has_an_html_fixture(fixtures_dir):
    """Each wire and host profile is exercised on a page of its own layout, not only by name."""
    sources, wires = set(), set()
    for path in sorted(fixtures_dir.glob("*/input.html")):
        html = path.read_bytes()
        main = read_html(html.decode("utf-8", "replace")).main
        sources.add(main.source if main else "")
        wires.add(prclean.clean(html).wire)
    for profile in (*PROFILES, *HOSTS):
        if profile.body_xpaths:
            assert f"profile:{profile.name}" in sources, profile.name
        else:  # known by its dateline tag alone
            assert profile.name in wires, profile.name


def test_a_wire_named_once_is_not_confirmed_by_a_generic_article_box():
    """A news story that mentions Marketwired once, in a box any site marks articleBody, is no wire page."""
    mention = "The harbour cooperative said its figures, first carried by Marketwired in 2015, were revised."
    prose = "Bakery sales rose by a fifth in the quarter, and the second oven on the quay runs every night. " * 3
    html = (f"<html><body><article><h1>Bakery sales rise</h1><div itemprop='articleBody'><p>{mention}</p>"
            f"<p>{prose}</p></div></article></body></html>")
    assert prclean.clean(html).wire is None
    main = read_html(html).main
    assert main is None or main.source != "profile:Marketwired"


def test_a_url_is_read_by_urllib_not_by_a_pattern_of_our_own():
    """'https://user:pw@www.prnewswire.com/x' is PR Newswire's host, not 'user' (as a regex once read it)."""
    from prclean.wires import wire_candidates

    ranked = wire_candidates("https://user:pw@www.prnewswire.com/x", "<p>prnewswire</p>")
    assert ranked and ranked[0][0] >= 100 and ranked[0][1].name == "PR Newswire"

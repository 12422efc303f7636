"""Each field takes the first value its ordered sources give, and names the source."""

from __future__ import annotations

import prclean
from prclean.describe import FIELDS

LEAD = ("HARBOUR TOWN, May 3, 2026 /PRNewswire/ -- The town council opened its first electric ferry line on "
        "Sunday, replacing two diesel boats on the twenty-minute crossing to Little Tern island.")
MORE = "The two new boats carry ninety passengers each and charge at the quay between crossings, it said."


def _html(lead: str, head: str = "") -> str:
    return (f"<html><head><title>Ferry line opens</title>{head}</head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>Harbour Town Opens Its First Electric Ferry Line</h1><p>{lead}</p><p>{MORE}</p>"
            f"<p>{MORE} Again.</p></article></body></html>")


JSONLD = ('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2026-05-09"}</script>')


def test_the_dateline_date_beats_the_pages_published_date():
    release = prclean.clean(_html(LEAD, JSONLD))
    assert (release.date, release.provenance["date"]) == ("2026-05-03", "dateline")


def test_without_a_dated_dateline_the_page_date_is_taken_and_named():
    release = prclean.clean(_html("The town council opened its first electric ferry line on Sunday, replacing "
                                  "two diesel boats on the crossing to Little Tern island.", JSONLD))
    assert (release.date, release.provenance["date"]) == ("2026-05-09", "json-ld")


def test_every_field_lists_named_sources_and_release_fields_exist():
    for name, field in FIELDS.items():
        assert field.sources and all(s.name for s in field.sources), name
        assert name in prclean.Release.__dataclass_fields__


def test_no_release_no_metadata_but_the_canonical_url():
    release = prclean.clean("<html><body><nav><a href='/'>Home</a><a href='/n'>News</a></nav></body></html>",
                            url="https://harbour.example/")
    assert not release.found and release.title is None and release.date is None
    assert release.canonical_url == "https://harbour.example/" and release.provenance == {"canonical_url": "caller"}

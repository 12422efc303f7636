"""What a page says about itself: kept raw, in the page's order, with where each value came from."""

from __future__ import annotations

from prclean.read.facts import absolute_url, read_facts
from prclean.read.htmlpage import parse_tree

PAGE = """<html><head><title>Ferry opens | Harbour Town</title>
<link rel="canonical" href="/news/ferry">
<meta property="og:url" content="https://other.example/ferry">
<meta property="og:title" content="Ferry opens">
<meta property="article:published_time" content="2026-05-04T08:00:00Z">
<meta name="author" content="Harbour Town Council">
<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "headline": "Harbour Town opens ferry",
 "datePublished": "May 3, 2026", "author": {"@type": "Person", "name": "Maren Holt"},
 "publisher": {"@type": "Organization", "name": "Harbour Town"}}]}</script>
</head><body><a href="/">Harbour Town Council</a><img class="logo" alt="Harbour Town"></body></html>"""


def test_facts_keep_their_order_and_sources():
    facts = read_facts(parse_tree(PAGE), "https://harbour.example/news/x")
    assert (facts.canonical, facts.canonical_source) == ("https://harbour.example/news/ferry", "canonical-link")
    assert facts.dates == (("json-ld", "May 3, 2026"), ("meta:article:published_time", "2026-05-04T08:00:00Z"))
    assert (facts.author, facts.author_source) == ("Maren Holt", "json-ld")  # a Person beats meta author
    assert facts.titles == ("Harbour Town opens ferry", "Ferry opens", "Ferry opens | Harbour Town")
    assert facts.publisher == "Harbour Town" and facts.home_links == ("Harbour Town Council",)
    assert facts.logos == ("Harbour Town Logo",)


def test_og_url_is_the_canonical_url_only_without_a_canonical_link():
    facts = read_facts(parse_tree('<html><head><meta property="og:url" content="https://a.example/p"></head></html>'))
    assert (facts.canonical, facts.canonical_source) == ("https://a.example/p", "og:url")


def test_only_http_urls_urllib_can_read():
    assert absolute_url("javascript:alert(1)", None) is None
    assert absolute_url("https://[::1", None) is None
    assert absolute_url("/p", "https://a.example/x/y") == "https://a.example/p"

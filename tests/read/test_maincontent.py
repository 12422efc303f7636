"""The generic main content: trafilatura reads the tree prclean parsed, as it would read the text."""

from __future__ import annotations

from lxml.html import HtmlElement

from prclean.read.htmlpage import parse_tree, read_html
from prclean.read.maincontent import generic_main, trafilatura_lines

_PARAGRAPH = ("The harbour authority opened a second quay on Monday, and the first ships moored there "
              "before noon while the crews unloaded grain, timber and machine parts for the inland mills.")
PAGE = ("<html><head><title>Quay</title></head><body><nav><a href='/'>Home</a> <a href='/n'>News</a></nav>"
        "<article><h1>A second quay</h1>" + "".join(f"<p>{i}. {_PARAGRAPH}</p>" for i in range(6)) +
        "</article><footer><a href='/i'>Imprint</a></footer></body></html>")


def test_the_parsed_tree_is_one_trafilatura_takes() -> None:
    assert isinstance(parse_tree(PAGE), HtmlElement)


def test_trafilatura_reads_the_tree_as_it_reads_the_text_and_leaves_it_alone() -> None:
    tree = parse_tree(PAGE)
    before = len(list(tree.iter()))
    assert trafilatura_lines(PAGE, tree=tree) == trafilatura_lines(PAGE)
    assert len(list(tree.iter())) == before  # it works on its own copy


def test_the_main_content_is_the_same_from_the_tree() -> None:
    page = read_html(PAGE)
    assert page.main is not None and page.main.source == "trafilatura"
    assert generic_main(PAGE, page.units, set(), parse_tree(PAGE)) == page.main.units == generic_main(PAGE, page.units, set())


def test_a_fragment_is_read_from_its_text() -> None:
    fragment = "<p>" + _PARAGRAPH + "</p>"
    assert trafilatura_lines(fragment, tree=parse_tree(fragment)) == trafilatura_lines(fragment)

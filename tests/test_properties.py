"""Properties of clean() and detect() on random text, random HTML and mutated fixtures.

- nothing is raised except prclean's own typed errors;
- every output token is an input token, or a word the page's inline text renders (no invented text);
- every block is either body or removed with a label (complete accounting);
- the same input gives the same output.
"""

from __future__ import annotations

import html as html_lib
import os

import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import prclean
from prclean.model import BODY
from prclean.read.htmlpage import parse_tree
from prclean.read.load import MAX_ATTRIBUTES, check_complexity, decode, looks_binary
from prclean.text import INVISIBLE

from .conftest import fixture_inputs

_TOKEN = regex.compile(r"\w+")
_BLOCKS = {"html", "body", "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "tr", "table",
           "section", "article", "header", "footer", "nav", "aside", "main", "figure", "figcaption", "blockquote",
           "pre", "br", "form", "dl", "dt", "dd", "address", "hr", "caption", "details", "summary", "dialog", "head"}
_UNSEEN = {"script", "style", "template", "noscript", "title"}  # no text on screen, and no line break either
SETTINGS = settings(max_examples=int(os.environ.get("HYPOTHESIS_MAX_EXAMPLES", "60")), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])  # the env var: long runs, same tests
FIXTURE_BYTES = [p.read_bytes() for p in fixture_inputs()]

words = st.sampled_from(["release", "SOURCE", "Share", "cookies", "BEIJING,", "Jan.", "6,", "2026", "/PRNewswire/",
                         "--", "About", "Contact:", "©", "Menu", "•", "*", "[Home](/)", "News", "provided", "by",
                         "Über", "お問い合わせ", "关于", "The", "company", "said", "today.", "https://x.example/a",
                         "+1 555 0100", "press@x.example", "...", "Deutsch", "English", "日本語"])
lines = st.lists(words, min_size=0, max_size=30).map(" ".join)
text_pages = st.lists(st.one_of(lines, st.just(""), st.text(max_size=80)), max_size=60).map("\n".join)


@st.composite
def html_pages(draw):
    tags = ["p", "div", "li", "h1", "h2", "nav", "footer", "span", "a", "br", "section", "article", "aside", "ul",
            "script", "table", "td"]

    def node(depth: int) -> str:
        tag = draw(st.sampled_from(tags))
        if tag == "br":
            return "<br>"
        cls = draw(st.sampled_from(["", " class='share'", " class='release-body'", " id='cookie-banner'",
                                    " class='nav menu'", " role='dialog'"]))
        inner = html_lib.escape(draw(lines)) if depth > 3 or draw(st.booleans()) else \
            "".join(node(depth + 1) for _ in range(draw(st.integers(0, 4))))
        return f"<{tag}{cls}>{inner}</{tag}>"

    body = "".join(node(0) for _ in range(draw(st.integers(0, 6))))
    return f"<html><head><title>{html_lib.escape(draw(lines))}</title></head><body>{body}</body></html>"


@st.composite
def mutated_fixtures(draw):
    data = bytearray(draw(st.sampled_from(FIXTURE_BYTES)))
    for _ in range(draw(st.integers(1, 8))):
        op = draw(st.sampled_from(["delete", "insert", "flip", "duplicate"]))
        if not data:
            break
        i = draw(st.integers(0, len(data) - 1))
        j = min(len(data), i + draw(st.integers(1, 400)))
        if op == "delete":
            del data[i:j]
        elif op == "insert":
            data[i:i] = draw(st.binary(max_size=40))
        elif op == "flip":
            data[i] ^= draw(st.integers(1, 255))
        else:
            data[i:i] = data[i:j]
    return bytes(data)


def _rendered_words(release: prclean.Release, source: str) -> set[str]:
    """Words as a browser renders inline text: ``<span>re</span><span>lease</span>`` reads "release"."""
    if release.input_kind != "html":
        return set()
    try:
        root = parse_tree(source)
    except prclean.PrcleanError:
        return set()
    parts: list[str] = []

    def render(el) -> None:  # inline text glues, a block or <br> starts a new line
        block = not isinstance(el.tag, str) or el.tag in _BLOCKS  # unknown tags render inline
        parts.append("\n" if block else "")
        parts.append("" if el.tag in _UNSEEN else el.text or "")
        for child in el:
            render(child)
            parts.append(child.tail or "")
        parts.append("\n" if block else "")

    render(root)
    # and as one run, for markup so broken that where a block starts is the parser's guess
    return set(_TOKEN.findall(INVISIBLE.sub("", "".join(parts) + "\n" + "".join(root.itertext()))))


def check(data, may_refuse: bool = False) -> None:
    """The properties above; only ``NotAPage`` may be raised, and only for binary input or where allowed.

    ``may_refuse`` is for inputs built from random bytes or mutated pages, which may decode to
    something that is no page; a text or HTML page is never refused unless it is binary.
    """
    try:
        release = prclean.clean(data, timeout=20)
        blocks = prclean.detect(data, timeout=20)
    except prclean.NotAPage:
        if not may_refuse:
            text = data if isinstance(data, str) else decode(data)
            assert looks_binary(text) or not text.strip(), "a readable page was refused"
        return
    source = decode(data) if isinstance(data, bytes) else data
    source = INVISIBLE.sub("", source).replace("\x00", "")  # soft hyphens, zero-width marks, NULs: dropped by design
    assert set(_TOKEN.findall(release.text)) <= set(_TOKEN.findall(source)) | _rendered_words(release, source)
    removed = {(b.text, b.lines, b.label) for b in release.removed}
    for b in blocks:
        assert b.label and b.rule
        if b.text and b.label != BODY:
            assert (b.text, b.lines, b.label) in removed
    assert prclean.clean(data, timeout=20) == release


@SETTINGS
@given(text_pages)
def test_random_text(page):
    check(page)


@SETTINGS
@given(html_pages())
def test_random_html(page):
    check(page)


@SETTINGS
@given(mutated_fixtures())
def test_mutated_fixtures(data):
    check(data, may_refuse=True)


@SETTINGS
@given(st.binary(max_size=2000))
def test_random_bytes(data):
    check(data, may_refuse=True)


def test_check_fails_when_a_readable_page_is_refused(monkeypatch):
    """The property is not vacuous: were every page refused, it would say so."""
    import pytest

    def refuse(data, **kwargs):
        raise prclean.NotAPage("refused")

    monkeypatch.setattr(prclean, "clean", refuse)
    with pytest.raises(AssertionError, match="readable page was refused"):
        check("Harbour bakery opens\n\nThe cooperative opened its second bakery on the quay this morning.")


def test_adjacent_inline_words_render_as_the_browser_shows_them():
    """Found by hypothesis: two adjacent <span>s read as one word, as on screen; that is page text."""
    check('<html><head><title></title></head><body><p><p>release release release release release release release'
          ' [Home](/)</p><span>release</span><span>release</span></p></body></html>')


def test_nul_bytes_are_dropped_like_invisible_marks():
    """Found by hypothesis: "0\\x00_" reads "0_"; a NUL is no text, so it separates nothing."""
    check("Second bakery opens\n\nThe harbour cooperative opened its second bakery on the quay this morning, code "
          "0\x00_ on the invoice.\n\n" + "Forty members invested in the ovens, which bake four hundred loaves.\n\n" * 3)


def test_an_unknown_tag_renders_inline():
    """Found by hypothesis: "Elect<onics Co., Ltd.<br>Corporate" is a tag "onics" (the <br> became an
    attribute), so a browser shows "ElectCorporate": page text, not an invented word."""
    check("<html><body><h1>Kiraboshi battery</h1><p>" + "Kiraboshi Electronics today announced a battery. " * 5
          + "</p><p>Contact:<br>Kiraboshi Elect<onics Co., Ltd.<br>Corporate Communications<br>pr@kiraboshi.example</p>"
          "</body></html>")


def test_text_around_a_broken_title_reads_as_one_run():
    """Found by hypothesis: text before an unclosed <title> ("A<meta ...><title>title></head>") glues on."""
    check('<!DOCTYPE html>\n<html lang="en"><head>A<meta charset="utf-8"><title>title></head>\n<body><h1>Tailwise opens a '
          'line</h1><p>' + "Tailwise, a veterinary telehealth company, today opened a video line. " * 4 + "</p></body></html>")


def test_a_script_between_two_words_shows_nothing():
    """Found by hypothesis: "<span>release</span><script>..</script><span>release</span>" shows "releaserelease"."""
    check("<html><body><p>" + "The cooperative opened a bakery today. " * 5 + "</p><p><span>release</span>"
          "<script>var x = 1;</script><span>release</span></p></body></html>")


_MARKUP = st.sampled_from(["<", ">", "div", " ", "\t", "\f", "\v", "\xa0", "a", '"', "'", "=", "/", "b=c", "-", "--",
                           "<!--", "-->", "<!-->", "--!>", "<!", "<?", "</", "<<", "<!DOCTYPE a=\">\">", "<![CDATA[",
                           "]]>", "<script>", "<SCRIPT>", "</script>", "</Script>", "</script/", "<script ", "<style>",
                           "</style/", "<title>", "</title>", "<textarea>", "</textarea ", "<xmp>", "</xmp>",
                           "<iframe>", "<noscript>", "</noscript>", "<noframes>", "<noembed>", "<plaintext>", "<svg>",
                           "ſ", "ſcript", "<ſcript>", "ı", "K", '<a b="', '</p a="', "<script/>", "<title />",
                           "<style a=b/>", "<xmp//>", "\u2003", "\x85", "\u3000", "<script\xa0>", "</title\x0b>",
                           "<!DOCTYPE a [ >", "]>"])
_junk = st.lists(_MARKUP, max_size=8).map("".join)
_MANY = " ".join(f"a{i}" for i in range(MAX_ATTRIBUTES + 50))


@SETTINGS
@given(_junk, _junk, _junk, _junk)
def test_no_element_the_parser_builds_exceeds_the_attribute_limit_unrefused(before, inside, after, tail):
    """The complexity check reads markup as lxml's HTML5 tokeniser does: whatever comments, raw-text
    elements, quotes and script escapes surround it, an element the parser gives more than
    MAX_ATTRIBUTES attributes (a quadratic parse) is refused first."""
    page = f"<html><body>{before}<div{inside} {_MANY}{after}>{tail}</div></body></html>"
    try:
        check_complexity(page)
    except prclean.PageTooComplex:
        return
    assert max(len(e.attrib) for e in parse_tree(page).iter() if isinstance(e.tag, str)) <= MAX_ATTRIBUTES

"""Hostile inputs: each one gets a typed error or a result, quickly, and never a crash or a hang.

Time budgets are asserted through prclean's own ``timeout`` (a ``Timeout`` error would fail the
test), not with wall-clock assertions; the benchmark reports the actual times.
"""

from __future__ import annotations

import codecs
import time

import pytest

import prclean
from prclean.read.load import MAX_ELEMENTS

BUDGET = 20.0  # seconds: generous for a slow CI machine; prclean raises Timeout past it
SHORT = 2.0  # seconds: the budget of cases expected to run out of time (keeps the suite fast)


def run(data, **kw):
    return prclean.clean(data, timeout=BUDGET, **kw)


@pytest.mark.parametrize("data", [b"", "", "   \n\t\n  ", b"\n" * 1000])
def test_empty_and_whitespace(data):
    assert not run(data).found


@pytest.mark.parametrize("data", [b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
                                  b"PK\x03\x04\x14\x00\x00\x00\x08\x00", b"\x00" * 5000, bytes(range(256)) * 40])
def test_binary_is_refused(data):
    with pytest.raises(prclean.NotAPage):
        run(data)


def test_nul_bytes_inside_text_are_dropped():
    page = ("Title of the page\n\nThe company opened\x00 a plant in Tucson on Monday and will hire 400 people "
            "over the next two years, its chief executive said in a statement.")
    release = run(page)
    assert "\x00" not in release.text and release.found


def test_invalid_utf8_bytes():
    page = (b"<html><body><p>Valid words and then \xff\xfe\xfd bad bytes in a paragraph about a new plant that "
            b"opened on Monday in the north of the country, with four hundred jobs.</p></body></html>")
    release = run(page)
    assert release.found and "Valid words" in release.text


@pytest.mark.parametrize("codec,text", [
    ("cp1252", "Die Stadtwerke bauen ein Wärmenetz für 3.400 Haushalte – mit Großwärmepumpe. " * 8),
    ("shift_jis", "ミナト精機は中小工場向けの協働ロボットを発売しました。価格は三百八十万円からです。" * 8),
    ("gb18030", "公司今天宣布在北京开设新的研发中心，将雇用三百名工程师，并与大学合作。" * 8),
])
def test_mislabelled_charsets(codec, text):
    html = f"<html><head><meta charset='utf-8'></head><body><p>{text}</p></body></html>".encode(codec)
    assert text.strip()[:20] in run(html).text


def test_utf16_with_bom():
    html = ("<html><body><p>Grüße aus Köln: die Stadtwerke haben am Montag eine neue Anlage in Betrieb genommen, "
            "die künftig dreitausend Haushalte mit Wärme versorgt.</p></body></html>")
    assert "Grüße aus Köln" in run(codecs.BOM_UTF16_LE + html.encode("utf-16-le")).text


def test_50_mb_page_is_refused_by_default():
    with pytest.raises(prclean.InputTooLarge):
        run(b"<html><body>" + b"<p>word </p>" * (50_000_000 // 12) + b"</body></html>")


DEEP = "<p>Deep text of a release paragraph that is here, and it goes on for a while.</p>"


def _nested(depth: int) -> str:
    return "<html><body>" + "<div>" * depth + DEEP + "</div>" * depth + "</body></html>"


def test_deep_nesting_is_read_up_to_the_parsers_depth_limit():
    """libxml2 builds trees about 255 elements deep (without huge_tree, which we never enable)."""
    assert "Deep text of a release paragraph" in run(_nested(200)).text
    too_deep = run(_nested(20_000))
    assert not too_deep.found and too_deep.text == ""  # nothing below the limit is read, nothing invented


def test_nesting_past_the_element_cap_is_refused_before_parsing():
    with pytest.raises(prclean.PageTooComplex):
        run(_nested(MAX_ELEMENTS))


# The alarm may land in hypothesis's gc callback, whose exceptions Python prints and drops; the alarm then
# fires again (limits.REARM_S). The warning is that print, not a failure.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_million_lines_run_out_of_a_short_budget_on_time():
    """A million units take seconds; under a half-second budget the contract is a Timeout, on time.

    (How fast a million lines go is a benchmark: benchmarks/speed.py.)"""
    page = "\n".join(f"line {i}" for i in range(1_000_000))
    start = time.monotonic()
    with pytest.raises(prclean.Timeout):
        prclean.clean(page, timeout=0.5)
    assert time.monotonic() - start < 0.5 + 2.0  # the alarm stops it mid-stage, not at the end


def test_single_ten_megabyte_line():
    release = run("word " * 2_000_000)
    assert isinstance(release, prclean.Release)


def test_menu_of_45000_items():
    """Two elements per item: 90,000 elements, just under MAX_ELEMENTS (100,000 items are refused)."""
    page = "<html><body><nav><ul>" + "".join(f"<li><a href='/{i}'>Item {i}</a></li>" for i in range(45_000)) \
           + "</ul></nav><p>" + "The release text itself, a full sentence of words. " * 10 + "</p></body></html>"
    release = run(page)
    assert "Item 44999" not in release.text


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<html><body><p>&lol9; and a paragraph of text that follows the entity reference here.</p></body></html>"""

XXE = """<?xml version="1.0"?>
<!DOCTYPE html [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> <!ENTITY net SYSTEM "http://127.0.0.1:9/x"> ]>
<html><body><p>Secret: &xxe; &net; and more words in this paragraph of the page.</p></body></html>"""


@pytest.mark.parametrize("page", [BILLION_LAUGHS, XXE])
def test_entities_are_never_expanded(page):
    release = run(page)
    assert "lollol" not in release.text and "root:" not in release.text


@pytest.mark.parametrize("page", [
    "a" * 50_000 + "!",
    "© " + "x " * 30_000,
    "cookies " * 20_000 + "use",
    "Share " * 10_000,
    "BEIJING, " * 5_000 + "Jan. 6, 2026 /PRNewswire/ --",
    ("Privacy " + "a" * 150 + " ") * 300 + "consent",
    "[" * 50_000 + "](" * 50_000,
    "**" * 50_000,
])
def test_backtracking_bait(page):
    assert isinstance(run(page), prclean.Release)


def test_html_with_only_scripts():
    page = "<html><head><script>var a = 1;</script></head><body><script>document.write('x')</script>" \
           "<style>p{}</style><noscript>Enable JavaScript</noscript></body></html>"
    assert not run(page).found


def test_timeout_is_enforced_in_the_library():
    with pytest.raises(prclean.Timeout):
        prclean.clean("\n".join(f"line {i} of a long page" for i in range(300_000)), timeout=0.05)


def test_all_errors_share_one_base():
    for cls in (prclean.InputTooLarge, prclean.NotAPage, prclean.Timeout, prclean.WorkerError):
        assert issubclass(cls, prclean.PrcleanError)

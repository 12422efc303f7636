"""Decoding and input-kind detection: the evidence in the bytes wins over declarations."""

from __future__ import annotations

import codecs
import gzip

import pytest

import prclean
from prclean.read.htmlpage import parse_tree
from prclean.read.load import MAX_ATTRIBUTES, MAX_ELEMENTS, MAX_TABLE_CELLS, decode, is_html, load

PAGE = "<html><head><meta charset='utf-8'><title>T</title></head><body><p>Grüße aus Köln – 5 €</p></body></html>"


def test_utf8_declared_but_cp1252_bytes():
    text = decode(PAGE.replace("–", "-").encode("cp1252"))
    assert "Grüße aus Köln" in text and "€" in text


def test_utf16_with_bom():
    assert "Grüße" in decode(codecs.BOM_UTF16_LE + PAGE.encode("utf-16-le"))


@pytest.mark.parametrize("codec,sample", [("shift_jis", "ミナト精機は新しいロボットを発売しました。" * 20),
                                          ("gb18030", "公司今天宣布在北京开设新的研发中心。" * 20)])
def test_legacy_cjk_codecs(codec, sample):
    html = f"<html><head><meta charset='{codec}'></head><body><p>{sample}</p></body></html>"
    assert sample in decode(html.encode(codec))


@pytest.mark.parametrize("data", [b"%PDF-1.7\n...", b"\x89PNG\r\n\x1a\n....", b"PK\x03\x04zipzip",
                                  bytes(range(256)) * 10])
def test_binary_is_not_a_page(data):
    with pytest.raises(prclean.NotAPage):
        prclean.clean(data)


def test_too_large():
    with pytest.raises(prclean.InputTooLarge):
        prclean.clean(b"x" * 101, max_bytes=100)
    with pytest.raises(prclean.PrcleanError):
        prclean.clean("x" * 101, max_bytes=100)


def test_html_or_text():
    assert is_html(PAGE)
    assert is_html(" " * 10000 + PAGE)
    assert not is_html("Title\n\n* [Home](/)\n\nSome text with a <b>tag</b> in it.")
    assert load("plain text\nsecond line")[1] == "text"


def test_empty_and_whitespace_give_no_release():
    for data in (b"", "   \n\n\t  "):
        release = prclean.clean(data)
        assert not release.found and release.text == "" and release.removed == ()


def test_utf8_with_a_few_broken_bytes_stays_utf8():
    data = "Die Stadtwerke in Almería liefern Wärme – ".encode() + b"\xad" + "für alle Stadtteile.".encode()
    text = decode(data)
    assert "Almería" in text and "Wärme" in text and "für" in text


LATIN = ("<html><head><meta charset='{cs}'><title>Wärme</title></head><body><p>Die Stadtwerke in Köln bauen ein "
         "Wärmenetz für dreitausend Haushalte, sagte die Geschäftsführerin am Montag. Grüße aus der Südstadt.</p>"
         "<p>Der Bau beginnt im Frühjahr, die Kosten trägt zur Hälfte das Land.</p></body></html>")


@pytest.mark.parametrize("charset", ["hex", "base64", "rot13", "zlib", "bz2", "uu", "quopri", "undefined",
                                     "unicode_escape", "punycode", "idna", "no-such-charset"])
def test_declared_charsets_that_are_not_text_codecs_fall_back_to_detection(charset):
    """The trial's `<meta charset=hex>` raised LookupError; now the declaration is ignored."""
    data = LATIN.format(cs=charset).encode("cp1252")
    assert "Wärmenetz für dreitausend" in decode(data)
    assert "Wärmenetz für dreitausend" in decode(LATIN.format(cs="utf-8").encode("cp1252"), charset)
    assert "Wärmenetz" in prclean.clean(data, encoding=charset, timeout=5).text


@pytest.mark.parametrize("charset", ["utf-16", "utf-16-be", "utf-32", "gb18030", "big5", "euc-kr"])
def test_a_declared_charset_that_turns_latin_into_cjk_is_refused(charset):
    data = LATIN.format(cs=charset).replace("ß", "ss").encode("cp1252")  # (0xDF would make a UTF-16 surrogate)
    data += b" " * (-len(data) % 4)  # a length UTF-16 and UTF-32 can decode: the lie decodes, into CJK
    text = decode(data)
    assert "Wärmenetz für dreitausend" in text and "Grüsse aus der Südstadt" in text


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_without_a_bom(codec):
    page = LATIN.format(cs="utf-8")
    assert decode(page.encode(codec)) == page
    ascii_page = page.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    assert decode(ascii_page.encode(codec)) == ascii_page  # was valid UTF-8 full of NULs: "binary"
    assert "Wärmenetz" in prclean.clean(page.encode(codec), timeout=5).text


def test_gzip_bytes_and_files_are_unpacked(tmp_path):
    page = LATIN.format(cs="utf-8").encode()
    assert load(gzip.compress(page)) == load(page)
    assert load(gzip.compress(page[:200]) + gzip.compress(page[200:])) == load(page)  # two members
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress(page))
    assert prclean.clean_file(path, timeout=5) == prclean.clean(page, timeout=5)


def test_a_gzip_bomb_is_refused_after_max_bytes_unpacked():
    bomb = gzip.compress(b"<p>" + b"a" * 50_000_000)  # 50 MB that packs into 50 KB
    assert len(bomb) < 100_000
    with pytest.raises(prclean.InputTooLarge):
        load(bomb, max_bytes=1_000_000)


def test_damaged_gzip_is_not_a_page():
    packed = bytearray(gzip.compress(b"<html><body><p>Some words of a page here.</p></body></html>" * 50))
    packed[20:40] = b"\xff" * 20
    with pytest.raises(prclean.NotAPage):
        load(bytes(packed))


def test_a_lone_surrogate_in_str_input_no_longer_truncates_the_page():
    after = ("The words after the broken character are part of the release and must be kept, the trial found "
             "them cut off with no error. The plant will employ four hundred people within two years.")
    page = ("<html><body><p>The company opened a plant in Tucson on Monday, its chief executive said \ud800 "
            f"in a statement.</p><p>{after}</p></body></html>")
    release = prclean.clean(page, timeout=5)
    assert release.found and after in release.text
    assert "\ud800" not in release.text
    assert load("emoji as a pair \ud83d\ude00 stays one character")[0] == "emoji as a pair 😀 stays one character"


def test_html_is_recognised_after_a_long_doctype_internal_subset():
    subset = "".join(f'<!ENTITY e{i} "entity number {i} of a long internal subset">\n' for i in range(200))
    page = (f'<?xml version="1.0"?>\n<!DOCTYPE page [\n{subset}]>\n<html><body><p>The release text of a page '
            "that opens with a long document type declaration.</p></body></html>")
    assert len(subset) > 5000
    assert load(page)[1] == "html"
    assert "ENTITY" not in prclean.clean(page, timeout=5).text


@pytest.mark.parametrize("page", [
    "<html><body>" + "<p>a</p>" * (MAX_ELEMENTS + 1) + "</body></html>",
    "<html><body><table><tr>" + "<td>1" * (MAX_TABLE_CELLS + 1) + "</table></body></html>",
    "<html><body><div " + " ".join(f'a{i}=">"' for i in range(MAX_ATTRIBUTES + 1)) + "><p>x</p></div></body></html>",
    "<html><body><div " + " ".join(f"a{i}" for i in range(MAX_ATTRIBUTES + 1)) + "><p>x</p></div></body></html>",
], ids=["elements", "cells", "quoted-attributes", "bare-attributes"])
def test_pages_too_complex_are_refused_before_parsing(page):
    with pytest.raises(prclean.PageTooComplex):
        prclean.clean(page, timeout=5)


def test_complexity_counts_read_quotes_scripts_and_comments_as_a_parser_does():
    quoted = " ".join(f"a{i}" for i in range(3 * MAX_ATTRIBUTES))
    page = (f'<html><body><img alt="{quoted}" src="x"><script>var s = "<div {quoted}>";</script>'
            f"<!-- <div {quoted}> --><p>Words.</p></body></html>")
    assert load(page)[1] == "html"  # no PageTooComplex: none of those words is an attribute


_MANY = " ".join(f"a{i}" for i in range(MAX_ATTRIBUTES + 50))


@pytest.mark.parametrize("markup", [
    f"<<div {_MANY}>",  # the first < is text, the second opens the tag
    f'<div "q {_MANY}>',  # a quote opens no value where a name is due: it is part of a name
    f"<div = {_MANY}>",
    " ".join(["<div", *(f'a"{i}' for i in range(MAX_ATTRIBUTES + 50))]) + ">",
    f"<ſcript><div {_MANY}>",  # long s: no script to the parser, whatever ignoring case says
    f"<script>x</script/><div {_MANY}>",  # a script ends at </script followed by / or a space
    f"<SCRIPT>x</script foo><div {_MANY}>",
    f"<textarea><script></textarea><div {_MANY}><p title='</script>'>",  # textarea text holds no script
    f"<!<script><div {_MANY}>",  # <! opens a comment that ends at the first >
    f'</p a="<script>"><div {_MANY}><p b="</script>">',  # an end tag's quoted value hides no script
    f"<!--><div {_MANY}>",  # <!--> is a whole comment
    f'<title></style a="</title><div {_MANY}>">',  # raw text ends at its own end tag only
    f'<script><!--<script></script><x a="</script><div {_MANY}>">',  # "<!--<script" in a script: the
    # first </script does not end it (HTML5's double-escaped script data)
    f"<script\xa0><div {_MANY}>",  # no-break space is no whitespace to HTML5: the element is "script\xa0"
    f'<p a=x\x0bb="><div {_MANY}>">',  # nor a vertical tab: the unquoted value runs on
    f"<script /><div {_MANY}>",  # a self-closed script is empty: what follows is markup
    " ".join(["<script", *(f"k{i}" for i in range(MAX_ATTRIBUTES))]) + f" ><!--</script><div {_MANY}>x</div>-->",
], ids=["double-lt", "quote-first", "equals-first", "quotes-in-names", "long-s-script", "script-end-slash",
        "script-end-attribute", "textarea-text", "bogus-comment", "end-tag-value", "abrupt-comment",
        "own-end-tag", "double-escaped-script", "nbsp-in-tag-name", "vt-in-value", "self-closed-script",
        "script-of-the-limit-then-a-space"])
def test_markup_read_as_the_parser_reads_it_hides_no_attributes(markup):
    """Each page gives one element more attributes than the limit when lxml parses it (its libxml2
    tokenises HTML as HTML5 does); a scan reading the markup another way let them through, and the
    parser's duplicate check is quadratic in them (40,000 took 4 s)."""
    page = f"<html><body>{markup}x</div></body></html>"
    assert max(len(el.attrib) for el in parse_tree(page).iter() if isinstance(el.tag, str)) > MAX_ATTRIBUTES
    with pytest.raises(prclean.PageTooComplex):
        load(page)


def test_attributes_are_counted_to_the_limit_exactly_and_in_linear_time():
    """A tag of exactly MAX_ATTRIBUTES attributes passes, one more is refused; a run of separators after
    the last attribute (which leads to none) counts nothing and is read once, not once per separator
    (counting by a search restarted at every separator took minutes on such a run)."""
    bare = " ".join(f"a{i}" for i in range(MAX_ATTRIBUTES))
    assert load(f"<html><body><div {bare}>x</div></body></html>")[1] == "html"
    assert load(f"<html><body><div {bare}{'/' * 500_000}>x</div></body></html>")[1] == "html"
    with pytest.raises(prclean.PageTooComplex):
        load(f"<html><body><div {bare} extra{'/' * 500_000}>x</div></body></html>")


def test_gzip_cut_short_before_any_content_is_not_a_page():
    """Found by hypothesis: b"\\x1f\\x8b" alone unpacked to nothing and passed for an empty page."""
    for data in (b"\x1f\x8b", gzip.compress(b"<p>some text</p>")[:10]):  # the header alone
        with pytest.raises(prclean.NotAPage):
            prclean.clean(data)
    assert "some text" in decode(gzip.compress(b"<p>some text</p>"))  # decode() unpacks as load() does


@pytest.mark.parametrize("entities", [200, 6000])  # 9 KB and 375 KB of entity declarations
def test_a_long_internal_subset_is_cut_before_parsing(entities):
    subset = "".join(f'<!ENTITY e{i} "entity number {i} of a long internal subset">\n' for i in range(entities))
    body = ("<h1>Harbour bakery opens</h1><p>The cooperative opened a second bakery in the harbour district this "
            "spring, its chair said on Monday. It will employ twelve bakers and sell bread to the schools.</p>")
    page = f'<?xml version="1.0"?>\n<!DOCTYPE page [\n{subset}]>\n<html><body>{body}</body></html>'
    text, kind = load(page)
    assert kind == "html" and "ENTITY" not in text
    release = prclean.clean(page, timeout=5)
    assert release.text.startswith("The cooperative opened a second bakery") and "<" not in release.text

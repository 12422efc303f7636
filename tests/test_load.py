"""Decoding and input-kind detection: the evidence in the bytes wins over declarations."""

from __future__ import annotations

import codecs

import pytest

import prclean
from prclean.read.load import decode, is_html, load

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

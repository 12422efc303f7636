"""HTML evidence: the entry a page marks itself, its home link and its logos."""

from __future__ import annotations

import prclean
from prclean.htmlpage import parse_tree, read_meta

PARAS = [
    "The harbour cooperative opened its second bakery on the quay this morning, with ovens fired by waste heat.",
    "Forty members invested in the ovens, which burn no gas and bake four hundred loaves before sunrise each day.",
    "The cooperative says the bakery will employ nine people and sell bread to the three schools of the district.",
    "Members can buy shares until the end of the year; the next general meeting takes place in the old fish hall.",
]
HOST_NOTE = ("This is a press release we publish for our readers unedited; we may shorten it for editorial "
             "reasons and we take no responsibility for what it says.")


def _page(entry: str, rest: str) -> str:
    return (f"<html><head><title>Bakery</title></head><body><nav><a href='/'>Home</a></nav>"
            f"<article class='h-entry'><h1>Second bakery opens on the quay</h1>{entry}{rest}</article>"
            f"<footer>Harbour News</footer></body></html>")


def test_a_note_after_the_marked_entry_is_not_the_release():
    entry = "<div class='e-content'>" + "".join(f"<p>{p}</p>" for p in PARAS) + "</div>"
    release = prclean.clean(_page(entry, f"<p><small>{HOST_NOTE}</small></p>"))
    assert all(p in release.text for p in PARAS)
    assert "we publish for our readers" not in release.text


def test_a_marked_teaser_does_not_cut_the_article():
    """When the marked box holds only the lead, the page says nothing about where the text ends."""
    entry = f"<div itemprop='articleBody'><p>{PARAS[0]} {PARAS[1]} {PARAS[2]} {PARAS[0]}</p></div>"
    rest = "".join(f"<p>{p}</p>" for p in PARAS[1:] * 3)
    release = prclean.clean(_page(entry, rest))
    assert PARAS[3] in release.text


def test_home_link_and_logos():
    html = ("<html><head><link rel='canonical' href='https://mluk.example.de/p/1'></head><body>"
            "<a href='https://www.example.de/'><img src='/logo.svg' alt='Landesregierung'></a>"
            "<a href='/'>Startseite</a>"
            "<a href='https://mluk.example.de'>Ministerium für Umwelt (MLUK)</a>"
            "<img class='profile_logo' src='/p.png' alt='Acme GmbH Logo'></body></html>")
    meta = read_meta(parse_tree(html))
    assert meta["home"] == "Ministerium für Umwelt (MLUK)"  # the own site's root, by its text, not "Startseite"
    assert meta["logos"].splitlines() == ["Landesregierung Logo", "Acme GmbH Logo"]

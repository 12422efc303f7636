"""Pages prclean's own reader could not read: their visible text is still read (issue 10)."""

from __future__ import annotations

import prclean

PARAS = [("The harbour cooperative opened its second bakery on the quay this morning, with ovens fired by the "
         "waste heat of the dairy next door, the cooperative said in a statement."),
         ("Forty members invested in the ovens, which burn no gas and bake four hundred loaves before sunrise, "
         "and the bakery will employ nine people from the village.")]
ARTICLE = "<main><article><h1>Second bakery opens</h1>" + "".join(f"<p>{p}</p>" for p in PARAS) + "</article></main>"


def test_a_page_shown_only_to_readers_without_scripts_is_read():
    """A forum's <noscript> copy, a framework's first render in <div hidden>: what a text browser shows."""
    noscript = f"<html><body><section id='splash'></section><noscript>{ARTICLE}</noscript></body></html>"
    hidden = f"<html><body><div hidden>{ARTICLE}</div><script>render()</script></body></html>"
    for page in (noscript, hidden):
        assert all(p in prclean.clean(page).text for p in PARAS)


def test_hidden_copies_stay_unread_when_the_page_shows_its_text():
    page = (f"<html><body>{ARTICLE}<div style='display:none'><p>A hidden copy kept for search engines, with "
            "words nobody sees on the page at all.</p></div></body></html>")
    assert "hidden copy" not in prclean.clean(page).text


def test_a_button_left_open_does_not_swallow_the_page():
    """lxml nests everything after an unclosed <button> inside it; a browser shows the page."""
    page = f"<html><body><header><button class='menu'>Menu<div class='panel'><nav>Home</nav></div>{ARTICLE}</body></html>"
    assert all(p in prclean.clean(page).text for p in PARAS)

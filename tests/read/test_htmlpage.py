"""HTML evidence: the entry a page marks itself, its home link and its logos."""

from __future__ import annotations

import prclean
from prclean.describe.owner import home_name
from prclean.read.facts import read_facts
from prclean.read.htmlpage import parse_tree

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
    facts = read_facts(parse_tree(html))
    assert home_name(facts) == "Ministerium für Umwelt (MLUK)"  # the own site's root, by its text, not "Startseite"
    assert facts.logos == ("Landesregierung Logo", "Acme GmbH Logo")


def test_an_inline_tag_styled_as_a_block_ends_its_line():
    """A photo credit set in ``<em style="display:block">`` must not glue onto the dateline after it."""
    lead = ("Hamburg (iwr-pressedienst) - Die Windparkbetreiber im Norden haben im Oktober so viel Strom "
            "eingespeist wie nie zuvor, teilte der Verband am Montag mit.")
    more = ["Die Anlagen an der Küste liefen an 27 von 31 Tagen mit voller Leistung, weil kräftige Westwinde zogen.",
            "Der Verband rechnet damit, dass der Anteil der Windkraft am Strommix im Norden auf über 60 Prozent steigt."]
    html = (f"<html><body><h1>Rekord im Oktober</h1><div><a href='/f.jpg'><img src='f.jpg' alt=''>Foto vom Windpark"
            f"<em style='color:#aaa; display: block'>© Nordwind</em></a>{lead}<p>{more[0]}</p><p>{more[1]}</p>"
            f"</div></body></html>")
    release = prclean.clean(html)
    assert release.paragraphs[0] == lead
    assert release.dateline_location == "Hamburg" and release.wire == "IWR-Pressedienst"


def test_a_dated_dateline_after_a_short_deck():
    deck = [("Die richtige Temperatur im Urlaub spart Heizkosten und schützt zugleich die ganze Anlage vor Schäden "
            "durch Frost und durch Feuchtigkeit."),
            "Wer die Heizung während zwei Wochen Urlaub optimal einstellt, spart rund fünfzig Euro.",
            "Ist die Heizung ganz ausgeschaltet, drohen bei Minustemperaturen teure Frostschäden im Haus."]
    body = [("Berlin, 29. November 2022. Weihnachten ist Reisezeit, und viele Familien fahren für zwei Wochen zu "
            "Verwandten, während die Heizung zu Hause weiterläuft."),
            "Wer die Raumtemperatur auf 15 Grad senkt, spart in zwei Wochen rund 50 Euro an Heizkosten.",
            "Ganz abschalten sollte man die Heizung aber nicht, weil sonst bei Frost die Leitungen platzen können."]
    html = ("<html><body><article><h1>Richtig heizen im Weihnachtsurlaub</h1><ul>"
            + "".join(f"<li>{d}</li>" for d in deck) + "</ul>" + "".join(f"<p>{p}</p>" for p in body)
            + "</article></body></html>")
    release = prclean.clean(html)
    assert release.paragraphs[0] == deck[0]  # the deck stays: it is part of the release
    assert (release.dateline_location, release.date) == ("Berlin", "2022-11-29")


def test_the_page_title_opening_the_article_box_is_the_headline():
    """A syndicating site sets the headline inside its article box, under its own section heading."""
    headline = ("Harbour Cooperative to Hold Members' Meeting on September 29, 2026 with Vote on Second Bakery "
                "and Solar Ovens for Fiscal Year 2027")  # long enough to pass for a paragraph
    html = (f"<html><head><title>{headline} | Harbour Business Wire Digest</title></head><body>"
            "<h2>From the Wires</h2><div class='story'>"
            f"<div class='story-body'><p><b>{headline}</b></p>" + "".join(f"<p>{p}</p>" for p in PARAS)
            + "</div></div></body></html>")
    release = prclean.clean(html)
    assert release.title == headline
    assert release.paragraphs[0] == PARAS[0]


def test_a_deck_written_as_a_list_is_one_subtitle():
    points = ["- Second bakery opens on the quay with ovens fired by waste heat",
              "- Forty members financed the ovens through new cooperative shares",
              "- Bread goes to the three schools of the harbour district"]
    html = ("<html><body><h1>Harbour Cooperative Opens Second Bakery</h1>" + "".join(f"<p>{p}</p>" for p in points)
            + "".join(f"<p>{p}</p>" for p in PARAS) + "</body></html>")
    release = prclean.clean(html)
    assert release.subtitle == "\n".join(points)
    assert release.paragraphs[0] == PARAS[0]


def test_a_teaser_card_closing_the_article_is_related_chrome():
    """A component box with a linked heading and one sentence (a FAQ teaser) is not the release's end."""
    card = ("<pp-inline-teaser><pp-link href='/faq'><h3>FAQs Harbour Bakeries</h3></pp-link>"
            "<div><p>Find answers to your questions about the harbour bakeries.</p></div>"
            "<pp-button text='To the FAQ' href='/faq'></pp-button></pp-inline-teaser>")
    html = ("<html><body><article><h1>Second bakery opens</h1><div class='body-text'>"
            + "".join(f"<p>{p}</p>" for p in PARAS) + card + "</div></article></body></html>")
    release = prclean.clean(html)
    assert release.paragraphs == tuple(PARAS)
    assert [b.rule for b in release.removed if b.text.startswith(("FAQs", "Find answers"))] == ["link-card"] * 2


def test_a_closing_contact_or_web_address_is_not_a_card():
    ending = ("<p><a href='https://coop.example'>www.coop.example</a></p>"
              "<p>Press contact: Jo Park, +1 555 0100 200.</p>")
    html = ("<html><body><article><h1>Second bakery opens</h1>"
            + "".join(f"<p>{p}</p>" for p in PARAS) + ending + "</article></body></html>")
    release = prclean.clean(html)
    assert "Press contact: Jo Park, +1 555 0100 200." in release.text


def test_line_breaks_in_html_source_are_spaces():
    """Hand-wrapped HTML: a newline in the source is whitespace, only tags end lines (except in <pre>)."""
    wrapped = "\n".join(PARAS[0].split(" "))  # one word per source line
    html = (f"<html><body><article><h1>Second\nbakery opens</h1><p>{wrapped}</p>"
            + "".join(f"<p>{p}</p>" for p in PARAS[1:]) + "<pre>Loaves  Day\n400     Mon\n380     Tue</pre>"
            + "</article></body></html>")
    release = prclean.clean(html)
    assert release.title == "Second bakery opens"
    assert release.paragraphs[0] == PARAS[0]
    assert "Loaves Day\n400 Mon\n380 Tue" in release.text  # a <pre> keeps its lines


def test_hidden_copies_and_heading_decks():
    html = ("<html><body><article><h1>Harbour Cooperative Opens Second Bakery <small>Ovens run on waste heat from "
            "the fish hall</small></h1><p class='source'>Source: <a href='/org/1'>Harbour Cooperative</a>"
            "<span style='display: none;'>Harbour Cooperative</span></p>"
            + "".join(f"<p>{p}</p>" for p in PARAS) + "</article></body></html>")
    release = prclean.clean(html)
    assert (release.title, release.subtitle) == ("Harbour Cooperative Opens Second Bakery",
                                                 "Ovens run on waste heat from the fish hall")
    assert release.issuer == "Harbour Cooperative"  # not "Harbour Cooperative Harbour Cooperative"


def test_a_data_table_reads_one_line_per_row_and_a_layout_table_by_blocks():
    table = ("<table><tr><th>Bakery</th><th>Loaves per day</th></tr><tr><td>Quay</td><td>400</td></tr>"
             "<tr><td>Fish hall</td><td>380</td></tr></table>")
    layout = "<table><tr><td><nav><a href='/'>Home</a></nav></td><td>{}</td></tr></table>"
    article = f"<h1>Second bakery opens</h1><p>{PARAS[0]}</p>{table}" + "".join(f"<p>{p}</p>" for p in PARAS[1:])
    release = prclean.clean(f"<html><body><article>{article}</article></body></html>")
    assert "Bakery | Loaves per day\nQuay | 400\nFish hall | 380" in release.paragraphs
    release = prclean.clean("<html><body>" + layout.format(article) + "</body></html>")  # page laid out in a table
    assert release.paragraphs[0] == PARAS[0] and PARAS[3] in release.text


def _wrap(text: str, width: int = 60) -> list[str]:
    import textwrap

    return textwrap.wrap(text, width)


def test_hard_wrapped_text_in_pre_or_br_lines_reads_as_paragraphs():
    """An old wire's plain-text release: lines wrapped at a fixed width, in <pre> or ended by <br>."""
    first, second = " ".join(PARAS[:2]), " ".join(PARAS[2:])
    pre = "<pre>" + "\n".join(_wrap(first)) + "\n\n" + "\n".join(_wrap(second)) + "</pre>"
    brs = "<p>" + "<br>\n".join(_wrap(first)) + "<br>\n<br>\n" + "<br>\n".join(_wrap(second)) + "</p>"
    for body in (pre, brs):
        release = prclean.clean(f"<html><body><article><h1>Second bakery opens</h1>{body}</article></body></html>")
        assert release.paragraphs == (first, second)


def test_a_list_set_with_br_keeps_its_items_and_marks():
    items = [f"• {p}" for p in PARAS] + [f"• {p}" for p in PARAS[:3]]
    html = (f"<html><body><article><h1>Second bakery opens</h1><p>{PARAS[0]}</p><p>" + "<br>".join(items)
            + f"</p><p>{PARAS[1]}</p></article></body></html>")
    assert "\n".join(items) in prclean.clean(html).text


def test_br_wrapped_prose_with_headings_and_a_list_glues_back():
    """Run-on sentences across <br> line ends are evidence enough, even with short lines among them."""
    lines = ["Harbour bakery notes", *_wrap(PARAS[0], 50), "", "Where we bake:", "- Quay",
             "- Fish hall", "", *_wrap(PARAS[1], 50), "", *_wrap(PARAS[2], 50)]
    html = ("<html><body><article><h1>Second bakery opens</h1><div>" + "<br>\n".join(lines)
            + "</div></article></body></html>")
    release = prclean.clean(html)
    assert PARAS[0] in release.paragraphs and PARAS[1] in release.paragraphs

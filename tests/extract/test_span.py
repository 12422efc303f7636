"""The body span of a text page: the best stretch of prose, its walls, its dateline and its contact cards."""

from __future__ import annotations

from prclean.detect import detect
from prclean.extract.span import best_span, choose_span, unnumbered_captions
from prclean.read import Page
from prclean.read.textdump import segment_text

LEAD = ("HARBOUR TOWN, May 3, 2026 /PRNewswire/ -- The town council opened its first electric ferry line on "
        "Sunday, replacing two diesel boats on the twenty-minute crossing to Little Tern island.")
MORE = ("The two new boats carry ninety passengers each and charge at the quay in the eight minutes between "
        "crossings, the council said in a statement on Monday.")
OTHER = ("Elsewhere on the site a long article about the history of the harbour describes how the quay was "
         "built in 1870 by the fishing cooperative and rebuilt twice after storms in the last century.")


def _span(*blocks: str):
    units = segment_text("\n\n".join(blocks))
    span = choose_span(units, detect(Page(units, "text")))
    return units, span


def test_kadane_takes_the_best_stretch():
    assert best_span([-1, 5, -2, 6, -20, 4]) == (1, 3, 9)
    assert best_span([-1, -2]) == (0, -1, 0.0)


def test_a_source_line_anchors_the_release_against_longer_prose_elsewhere():
    units, span = _span(LEAD, MORE, "SOURCE Harbour Town Council", "Related articles", OTHER, OTHER)
    kept = [units[i].text for i in span.keep]
    assert kept == [LEAD, MORE]


def test_the_span_starts_at_the_dateline():
    units, span = _span("Ferry news", "Menu", "Home", "A short teaser line for another story here.", LEAD, MORE)
    assert units[span.keep[0]].text == LEAD


def test_contact_cards_after_the_prose_are_kept_and_a_menu_is_not():
    units, span = _span(LEAD, MORE, "Media contact:", "Jo Park", "+1 555 010 2030", "press@harbour.example",
                        "Home", "News", "Contact us")
    kept = [units[i].text for i in span.keep]
    assert kept[-1] == "press@harbour.example" and "Home" not in kept


def test_a_page_without_prose_has_no_span():
    _, span = _span("Home", "News", "Products", "Contact", "Imprint")
    assert span is None


def test_captions_among_numbered_headings_are_dropped_with_a_verdict():
    units, span = _span(LEAD, "I. The boats", MORE, "The new ferry at the quay", MORE + " Again.",
                        "II. The crossing", MORE + " Once more.")
    caption = next(u.index for u in units if u.text == "The new ferry at the quay")
    assert caption not in span.keep and span.dropped[caption].rule == "unnumbered-heading"


def test_a_line_the_page_marks_as_a_heading_or_a_table_row_is_no_caption():
    units = segment_text("I. The boats\n\nThe new ferry at the quay\n\nII. The crossing\n\n"
                         "Fares for the crossing in euros")
    marked = [units[0], units[1]._replace(heading=True), units[2], units[3]._replace(cells=("Fares", "euros"))]
    plain = [units[0], units[1], units[2], units[3]]
    assert unnumbered_captions(marked) == set()
    assert unnumbered_captions(plain) == {1, 3}


def _model_span(*blocks: str):
    units = segment_text("\n\n".join(blocks))
    found = detect(Page(units, "text"))
    p = [0.1 if found.get(u.index) else 0.9 for u in units]
    return units, found, choose_span(units, found, p, 0.4)


def test_with_the_model_a_byline_or_read_more_line_inside_an_article_is_no_wall():
    units, found, span = _model_span(LEAD, MORE, "By Jo Park", OTHER, "Read more: The ferry timetable", MORE)
    assert any(v.terminal for v in found.values())  # by the hand rules, these end the text
    kept = [units[i].text for i in span.keep]
    assert kept == [LEAD, MORE, OTHER, MORE]  # the markers themselves still go


def test_with_the_model_a_wire_trailer_stays_a_wall():
    units, _, span = _model_span(MORE, OTHER, MORE, "SOURCE Harbour Town Council", OTHER)
    assert [units[i].text for i in span.keep] == [MORE, OTHER, MORE]


def test_with_the_model_a_bare_related_heading_stays_a_wall():
    units, found, span = _model_span(MORE, OTHER, "More stories", MORE, OTHER)
    assert any(v.terminal for v in found.values())
    assert [units[i].text for i in span.keep] == [MORE, OTHER]  # the list under the heading is not the text


def test_with_the_model_a_bare_read_more_between_sections_is_no_wall():
    units, _, span = _model_span(MORE, "Read more", OTHER, "Read more", MORE)
    assert [units[i].text for i in span.keep] == [MORE, OTHER, MORE]

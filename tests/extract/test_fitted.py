"""The fitted model's corrections of the hand rules' body, with the model's probabilities given by hand.

The probabilities are set here, not read from the shipped weights, so these tests check the decision
rules themselves: when the floor re-chooses a stretch, what the model may take out and put in.
"""

from __future__ import annotations

import pytest

import prclean.extract as extraction
from prclean.detect import detect
from prclean.detect.verdict import Verdict
from prclean.extract.fitted import correct_main, floor_span
from prclean.extract.span import Span, choose_span
from prclean.labels import Label, RuleName
from prclean.read import Page
from prclean.read.textdump import segment_text
from prclean.read.units import MainContent

FIRST = ("The cooperative opened its second bakery on the harbour front on Saturday, and the queue reached "
         "the lighthouse before the doors opened at seven in the morning.")
SECOND = ("Its ovens are fired with waste heat from the cold store next door, which the town bought from the "
          "fishing company last year and rebuilt with a grant from the region.")
MENU = ("Bread", "Cakes", "Coffee", "Tea", "Jobs", "Gift cards", "Rolls", "Pies", "Tarts", "Soup", "Jams",
        "Honey", "Cheese", "Flour", "Eggs", "Milk", "Butter", "Salads", "Drinks", "Ice cream")
THIRD = ("Bakers from the first shop trained twelve apprentices over the winter, and eight of them now run "
         "the new shop's early shift, the cooperative's chair said in a statement on Friday afternoon at the "
         "quay, where she also thanked the council for its patience with the building works.")
FOURTH = ("The bakery will sell the same loaves as the first shop, and the cooperative plans a third one in the "
          "old station building if the council agrees to lease it for another ten years at the current rent, "
          "which it is expected to decide at its meeting in the autumn after the summer break.")


def _page() -> tuple[Page, dict[int, Verdict]]:
    page = Page(segment_text("\n\n".join([FIRST, SECOND, *MENU, THIRD, FOURTH])), "text")
    return page, dict(detect(page))


def _index(page: Page, text: str) -> int:
    return next(u.index for u in page.units if u.text == text)


def test_the_floor_rescues_an_article_the_hand_stretch_cut_short():
    page, found = _page()
    units = page.units
    hand = choose_span(units, found)
    assert hand is not None and _index(page, FIRST) not in hand.keep  # the menu run split the article
    p = [0.1 if u.text in MENU else 0.9 for u in units]
    span = floor_span(hand, units, found, p)
    assert span is not None
    assert [units[i].text for i in span.keep] == [FIRST, SECOND, THIRD, FOURTH]
    assert span.added == {_index(page, FIRST), _index(page, SECOND)}
    assert span.removed == {_index(page, m) for m in MENU}  # inside the stretch, sure to be chrome


def test_the_floor_keeps_the_hand_stretch_when_it_holds_most_of_what_the_model_calls_body():
    page, found = _page()
    units = page.units
    hand = choose_span(units, found)
    p = [0.9 if u.index in hand.keep else 0.45 for u in units]  # the first half: not quite body
    assert floor_span(hand, units, found, p) is hand


def test_a_kept_stretch_loses_what_the_model_is_sure_is_chrome_unless_a_dateline_marks_a_release():
    page, found = _page()
    units = page.units
    hand = choose_span(units, found)
    assert hand is not None
    low = hand.keep[-1]
    p = [0.9] * len(units)
    p[low] = 0.1
    span = floor_span(hand, units, found, p)
    assert span is not None and low not in span.keep and span.removed == {low}

    dated = segment_text("\n\n".join(["HARBOUR TOWN, May 3, 2026 -- " + FIRST, SECOND, THIRD, FOURTH]))
    found = dict(detect(Page(dated, "text")))
    hand = choose_span(dated, found)
    assert hand is not None and len(hand.keep) == 4
    p = [0.9, 0.1, 0.9, 0.9]
    assert floor_span(hand, dated, found, p) is hand


def test_main_content_loses_what_the_model_is_sure_is_chrome_and_gains_what_it_is_sure_is_body():
    page, found = _page()
    units = page.units
    third, fourth, first = _index(page, THIRD), _index(page, FOURTH), _index(page, FIRST)
    cake = _index(page, "Cakes")
    hand = Span((first, cake, third), first, third)
    p = [0.5] * len(units)
    p[cake], p[fourth] = 0.1, 0.95
    span = correct_main(hand, units, found, p, frozenset(range(len(units))))
    assert span is not None and span.keep == (first, third, fourth)
    assert span.removed == {cake} and span.added == {fourth}


def test_the_model_adds_nothing_above_a_dateline_that_opens_the_body_nor_past_a_wire_trailer():
    lead = "HARBOUR TOWN, May 3, 2026 /PRNewswire/ -- " + FIRST
    blocks = ["A deck line that sums up the news in one sentence of its own.", lead, "The new ovens", SECOND,
              "SOURCE Harbour Cooperative", THIRD]
    units = segment_text("\n\n".join(blocks))
    found = dict(detect(Page(units, "text")))
    _deck, dl, heading, second, source, _third = range(6)
    assert found[source].terminal
    p = [0.95] * len(units)
    span = correct_main(Span((dl, second), dl, second), units, found, p, frozenset(range(len(units))))
    assert span is not None and span.keep == (dl, heading, second)


def test_the_model_finds_no_release_where_the_hand_rules_find_none():
    page, found = _page()
    p = [0.9] * len(page.units)
    assert floor_span(None, page.units, found, p) is None
    assert correct_main(None, page.units, found, p, frozenset(range(len(page.units)))) is None


def test_decisions_name_the_model_as_the_rule(monkeypatch: pytest.MonkeyPatch):
    page, found = _page()
    menu = {_index(page, m) for m in MENU}
    monkeypatch.setattr(extraction, "body_probabilities",
                        lambda page, found: [0.1 if u.index in menu else 0.9 for u in page.units])
    result = extraction.extract(page, found)
    rules = {page.units[i].text: d.rule for i, d in enumerate(result.decisions)}
    assert rules[FIRST] == RuleName.MODEL_BODY and rules[THIRD] == RuleName.BODY_SPAN
    assert {rules[m] for m in MENU} == {RuleName.MODEL_CHROME}
    labels = {page.units[i].text: d.label for i, d in enumerate(result.decisions)}
    assert labels["Bread"] != Label.BODY


def test_html_main_content_decisions_name_the_model_and_nothing_is_added_after_its_end(
        monkeypatch: pytest.MonkeyPatch):
    units = segment_text(f"Latest news\n\n{FIRST}\n\nThe new ovens\n\n{SECOND}\n\nHarbour Street branch\n\n{THIRD}")
    page = Page(units, "html", main=MainContent(frozenset({1, 3, 4}), "trafilatura"))
    monkeypatch.setattr(extraction, "body_probabilities", lambda page, found: [0.05, 0.9, 0.9, 0.9, 0.1, 0.9])
    result = extraction.extract(page, detect(page))
    assert result.body == (1, 2, 3)
    assert result.decisions[2].rule == RuleName.MODEL_BODY and result.decisions[4].rule == RuleName.MODEL_CHROME
    assert result.decisions[5].label != Label.BODY  # prose after the main content's end stays out


def test_the_floor_counts_only_the_words_the_model_calls_body_in_the_hand_stretch():
    page, found = _page()
    units = page.units
    hand = choose_span(units, found)
    assert hand is not None
    p = [0.9 if u.index in hand.keep else 0.45 for u in units]
    p[_index(page, FIRST)] = p[_index(page, SECOND)] = 0.9
    for i in hand.keep:  # the hand stretch is long, but the model calls almost none of it body
        p[i] = 0.3
    p[hand.keep[0]] = 0.9
    span = floor_span(hand, units, found, p)
    assert span is not hand and span is not None
    assert _index(page, FIRST) in span.keep


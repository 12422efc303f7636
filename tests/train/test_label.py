"""Training labels: a unit is body when the gold holds its words in context (word 4-grams across units)."""

from __future__ import annotations

from prclean.train.label import coverage, is_body

GOLD = ("The cooperative opened its second bakery on the quay.\n\nNew ovens\n\n"
        "The ovens burn waste heat from the cold store next door.")


def test_a_short_heading_between_kept_paragraphs_is_body_and_the_same_word_in_a_menu_is_not():
    units = ["Home", "New ovens", "Contact", "The cooperative opened its second bakery on the quay.", "New ovens",
             "The ovens burn waste heat from the cold store next door.", "Share"]
    assert is_body(units, GOLD) == [False, False, False, True, True, True, False]


def test_coverage_is_the_share_of_a_units_words_the_gold_holds():
    units = ["The cooperative opened its second bakery on the quay and sold cakes to everyone there."]
    (share,) = coverage(units, GOLD)
    assert 0.5 < share < 1.0  # the first ten words of sixteen


def test_a_gold_of_under_four_words_matches_a_unit_that_is_exactly_it():
    assert is_body(["Menu", "Closed today", "Closed today, sorry"], "Closed today") == [False, True, False]
    assert coverage([], GOLD) == [] and coverage(["", "Home"], "") == [0.0, 0.0]

"""The benchmark's metrics."""

from __future__ import annotations

import pytest

from prclean.bench.scoring import (
    MetaTally,
    Tally,
    meta_equal,
    precision_recall,
    shingles,
    snippet_hits,
    tp_fp_fn,
)


def test_identical_and_disjoint():
    assert precision_recall("one two three four five", "one two three four five") == (1.0, 1.0)
    assert precision_recall("one two three four five", "six seven eight nine ten") == (0.0, 0.0)
    assert precision_recall("", "") == (1.0, 1.0)
    assert precision_recall("one two three four", "") == (0.0, 0.0)


def test_normalised_counts():
    tp, fp, fn = tp_fp_fn("a b c d e", "a b c d e f g")
    assert tp + fp + fn == pytest.approx(1.0)
    assert (tp, fp) == pytest.approx((2 / 4, 2 / 4))
    assert shingles("A b C d") == shingles("a B c D")


def test_tally_averages_then_takes_f1():
    t = Tally()
    t.add("a b c d e", "a b c d e", ["a b"], ["x"])
    t.add("a b c d e", "f g h i j", ["a b"], ["f g"])
    s = t.summary()
    assert (s["precision"], s["recall"], s["f1"]) == (0.5, 0.5, 0.5)
    assert s["must_recall"] == 0.5 and s["leak"] == 0.5
    assert snippet_hits(["Two  words"], "two words here") == 1


def test_metadata_outcomes_precision_recall_strict():
    t = MetaTally()
    outcomes = [t.add("Acme Corp", "acme  corp"),  # right, after normalising case and spaces
                t.add(None, None),  # right: the page has none and none was given
                t.add(None, "admin"),  # invented: a false positive
                t.add("Jane Roe", None),  # missed
                t.add("2021-04-28", "2021-04-27"),  # wrong: a false positive and a miss
                t.add("", None)]  # an empty gold value is no value
    assert outcomes == ["ok", "none", "fp", "miss", "wrong", "none"]
    s = t.summary()
    assert (s["cases"], s["gold"], s["given"]) == (6, 3, 3)
    assert s["precision"] == round(1 / 3, 4) and s["recall"] == round(1 / 3, 4)
    assert s["strict"] == 0.5


def test_metadata_empty_cells():
    assert MetaTally().summary()["precision"] == 1.0
    t = MetaTally()
    t.add(None, None)
    assert (t.summary()["precision"], t.summary()["recall"], t.summary()["strict"]) == (1.0, 1.0, 1.0)
    assert meta_equal(None, "") and not meta_equal("x", None)


def test_spaced_one_letter_abbreviations_are_one_spelling():
    assert meta_equal("BUND Naturschutz in Bayern e.V.", "BUND Naturschutz in Bayern e. V.")
    assert meta_equal("Aguas del Sur S. A.", "Aguas del Sur S.A.")
    assert not meta_equal("Acme e.V.", "Acme")
    assert not meta_equal("Big Co", "BigCo")  # only the space between abbreviations goes

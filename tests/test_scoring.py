"""The benchmark's metrics."""

from __future__ import annotations

import pytest

from prclean.bench.scoring import Tally, precision_recall, shingles, snippet_hits, tp_fp_fn


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

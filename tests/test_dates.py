"""Dates as releases write them, read into ISO."""

from __future__ import annotations

import pytest

from prclean.dates import to_iso


@pytest.mark.parametrize("text,iso", [
    ("Jan. 6, 2026", "2026-01-06"), ("28.01.2022", "2022-01-28"), ("2. Dezember 2022", "2022-12-02"),
    ("2023-03-19", "2023-03-19"), ("2026年4月8日", "2026-04-08"), ("12 de mayo de 2024", "2024-05-12"),
    ("31.02.2022", None), ("no date here", None),
])
def test_to_iso(text, iso):
    assert to_iso(text) == iso


def test_only_a_text_with_a_four_digit_year_is_searched_for_a_date():
    """to_iso tests for four digits in a row first: every format it reads holds such a year."""
    assert to_iso("Jan. 6, 26 and 6 January '26") is None
    assert to_iso("Seit 6. Januar 2026 gilt") == "2026-01-06"
    assert to_iso("٢٠٢٦-01-06") == to_iso("2026-01-06") == "2026-01-06"  # \d is any decimal digit, both times

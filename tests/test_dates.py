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

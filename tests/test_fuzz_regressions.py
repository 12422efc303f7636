"""Inputs that once broke prclean (from the fuzzer or the property tests): each must now give a
result or a typed error, and keep the invariants the property tests check."""

from __future__ import annotations

from pathlib import Path

import pytest

from .test_properties import check

CASES = sorted((Path(__file__).parent / "fuzz" / "regressions").glob("*"))


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_fuzz_regression(path):
    data = path.read_bytes()
    for page in (data, data.decode("utf-8", "replace")):
        check(page)

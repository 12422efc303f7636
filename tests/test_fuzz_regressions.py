"""Inputs the fuzzer once broke prclean with: each must now give a result or a typed error."""

from __future__ import annotations

from pathlib import Path

import pytest

import prclean

CASES = sorted((Path(__file__).parent / "fuzz" / "regressions").glob("*"))


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name)
def test_fuzz_regression(path):
    data = path.read_bytes()
    for page in (data, data.decode("utf-8", "replace")):
        try:
            prclean.clean(page, timeout=20)
            prclean.detect(page, timeout=20)
        except prclean.PrcleanError:
            pass

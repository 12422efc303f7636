"""Shared fixtures: the repo's hand-cleaned cases, loaded once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def fixture_inputs() -> list[Path]:
    return sorted(p for p in FIXTURES.glob("*/input*") if p.is_file())


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES


def gold(path: Path) -> tuple[str, dict]:
    case = path.parent
    return (case / "expected.txt").read_text(encoding="utf-8"), json.loads(
        (case / "expected.json").read_text(encoding="utf-8"))

"""Every hand-cleaned fixture comes out as its gold: body, snippets and metadata."""

from __future__ import annotations

from pathlib import Path

import pytest

import prclean
from prclean.bench.scoring import precision_recall, snippet_hits

from .conftest import fixture_inputs, gold

INPUTS = fixture_inputs()


def test_there_are_enough_fixtures():
    cases = {p.parent.name for p in INPUTS}
    assert len(cases) >= 30
    flavours = {p.name.split(".")[1] for p in INPUTS if p.name.count(".") == 2}
    assert {"w3m", "lynx", "md", "inner"} <= flavours
    assert any(p.suffix == ".html" for p in INPUTS)


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fixture_body(path: Path):
    expected, meta = gold(path)
    release = prclean.clean(path.read_bytes())
    precision, recall = precision_recall(expected, release.text)
    assert precision >= 0.95 and recall >= 0.95, (precision, recall)
    assert snippet_hits(meta["must"], release.text) == len(meta["must"])
    leaked = [s for s in meta["must_not"] if snippet_hits([s], release.text)]
    assert leaked == []


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fixture_metadata(path: Path):
    _, meta = gold(path)
    release = prclean.clean(path.read_bytes())
    for field in ("title", "date", "wire", "language"):
        assert getattr(release, field) == meta[field], field
    if meta.get("issuer"):
        assert release.issuer == meta["issuer"]
    if "canonical_url" in meta:
        assert release.canonical_url == meta["canonical_url"]


SHARED_SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"
CLEAN_ARTICLES = [p for p in INPUTS if p.parent.name.startswith("clean-article")] + (
    sorted(SHARED_SEEDS.glob("clean-article-*/input*")) if SHARED_SEEDS.is_dir() else [])


@pytest.mark.parametrize("path", CLEAN_ARTICLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_clean_articles_come_through_untouched(path: Path):
    """An ordinary article loses its headline to ``title`` and nothing else: body tokens are identical."""
    import regex

    expected, _ = gold(path)
    release = prclean.clean(path.read_bytes())
    assert regex.findall(r"\w+", release.text) == regex.findall(r"\w+", expected)
    assert release.removed and {b.label for b in release.removed} <= {"title", "subtitle"}

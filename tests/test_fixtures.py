"""Every hand-cleaned fixture comes out as its gold: body, snippets and metadata.

Cases that are known to fail are listed in ``fixtures/PENDING.txt`` (``case`` or ``case/input-file``,
a tab, then the failing fields, comma-separated; ``body`` names the body test). They run as strict
xfails: a listed case that starts passing fails the suite, so the list is kept honest, and a field
that is not listed still fails outright.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import prclean
from prclean.bench.scoring import precision_recall, snippet_hits

from .conftest import FIXTURES, fixture_inputs, gold

INPUTS = fixture_inputs()
METADATA_FIELDS = ("title", "subtitle", "date", "dateline_location", "wire", "issuer", "author", "language")


class PendingMismatch(AssertionError):
    """The fields listed for this input in fixtures/PENDING.txt still differ from the gold."""


def read_pending(path: Path = FIXTURES / "PENDING.txt") -> dict[str, set[str]]:
    """``fixtures/PENDING.txt`` as {case or case/input: failing fields}; blank and ``#`` lines skipped."""
    pending: dict[str, set[str]] = {}
    if not path.is_file():
        return pending
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, _, fields = line.partition("\t")
        pending.setdefault(key.strip(), set()).update(f.strip() for f in fields.split(",") if f.strip())
    return pending


PENDING = read_pending()


def pending_fields(path: Path) -> set[str]:
    return PENDING.get(path.parent.name, set()) | PENDING.get(f"{path.parent.name}/{path.name}", set())


def _params(kind: str) -> list[Any]:
    """The inputs, those whose ``kind`` (body, or any metadata field) is pending marked strict xfail."""
    params = []
    for path in INPUTS:
        fields = pending_fields(path)
        listed = "body" in fields if kind == "body" else bool(fields - {"body"})
        marks = [pytest.mark.xfail(strict=True, raises=AssertionError if kind == "body" else PendingMismatch,
                                   reason=f"fixtures/PENDING.txt: {', '.join(sorted(fields))}")] if listed else []
        params.append(pytest.param(path, marks=marks, id=f"{path.parent.name}/{path.name}"))
    return params


def test_there_are_enough_fixtures():
    cases = {p.parent.name for p in INPUTS}
    assert len(cases) >= 30
    flavours = {p.name.split(".")[1] for p in INPUTS if p.name.count(".") == 2}
    assert {"w3m", "lynx", "md", "inner"} <= flavours
    assert any(p.suffix == ".html" for p in INPUTS)


def test_pending_list_names_real_cases_and_fields():
    known = {p.parent.name for p in INPUTS} | {f"{p.parent.name}/{p.name}" for p in INPUTS}
    assert set(PENDING) <= known
    assert set().union(*PENDING.values(), set()) <= {"body", "canonical_url", *METADATA_FIELDS}


@pytest.mark.parametrize("path", _params("body"))
def test_fixture_body(path: Path):
    expected, meta = gold(path)
    release = prclean.clean(path.read_bytes())
    precision, recall = precision_recall(expected, release.text)
    assert precision >= 0.95 and recall >= 0.95, (precision, recall)
    assert snippet_hits(meta["must"], release.text) == len(meta["must"])
    leaked = [s for s in meta["must_not"] if snippet_hits([s], release.text)]
    assert leaked == []


@pytest.mark.parametrize("path", _params("metadata"))
def test_fixture_metadata(path: Path):
    """Every field equals its gold, a null gold included: a value where the page has none is wrong."""
    _, meta = gold(path)
    release = prclean.clean(path.read_bytes())
    fields = METADATA_FIELDS + (("canonical_url",) if "canonical_url" in meta else ())
    wrong = {f: (meta[f], getattr(release, f)) for f in fields if getattr(release, f) != meta[f]}
    pending = pending_fields(path) - {"body"}
    assert {f: v for f, v in wrong.items() if f not in pending} == {}
    if pending and set(wrong) == pending:
        raise PendingMismatch(wrong)


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

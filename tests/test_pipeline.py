"""The pipeline hands typed, frozen data forward: no stage writes into an earlier stage's output."""

from __future__ import annotations

import dataclasses

import pytest

import prclean
from prclean.describe import FIELDS, describe
from prclean.detect import DETECTORS, detect
from prclean.extract import extract
from prclean.labels import Label
from prclean.limits import Deadline
from prclean.model import Block
from prclean.options import Options
from prclean.pipeline import run
from prclean.read import read_page
from prclean.read.load import load
from prclean.render import BLOCK_FIELDS, _block


@pytest.fixture(scope="module")
def page_text(fixtures_dir):
    return (fixtures_dir / "prnewswire-w3m-solar" / "input.w3m.txt").read_text(encoding="utf-8")


def test_units_are_frozen(page_text):
    page = read_page(page_text, "text", None)
    with pytest.raises(AttributeError):
        page.units[0].text = "changed"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        page.facts.canonical = "changed"  # type: ignore[misc]


def test_extraction_does_not_write_into_the_detectors_verdicts(fixtures_dir):
    html = (fixtures_dir / "gov-de-w3m-ministerium" / "input.w3m.txt").read_text(encoding="utf-8")
    page = read_page(html, "text", None)
    verdicts = detect(page)
    before = dict(verdicts)
    extraction = extract(page, verdicts)
    assert verdicts == before
    assert set(extraction.verdicts) >= set(verdicts)


def test_metadata_does_not_depend_on_the_callers_options(fixtures_dir):
    data = (fixtures_dir / "prnewswire-w3m-solar" / "input.w3m.txt").read_bytes()
    kept, dropped = prclean.clean(data), prclean.clean(data, keep_about=False, keep_contacts=False,
                                                        keep_forward_looking=False)
    assert kept.text != dropped.text
    for field in FIELDS:
        assert getattr(kept, field) == getattr(dropped, field), field


def test_every_detector_has_the_same_signature(page_text):
    page = read_page(page_text, "text", None)
    for detector in DETECTORS:
        assert isinstance(detector(page, {}), dict), detector.__name__


def test_stages_compose_to_clean(page_text):
    text, kind = load(page_text)
    page = read_page(text, kind, None)
    extraction = extract(page, detect(page))
    meta = describe(page, extraction, None)
    release, _ = run(page_text, None, Options(), Deadline(None))
    assert release.title == meta.values["title"] and release == prclean.clean(page_text)


def test_a_spent_budget_stops_between_stages(page_text):
    clock = Deadline(0.0)
    with pytest.raises(prclean.Timeout, match="load"):
        run(page_text, None, Options(), clock)


def test_render_makes_blocks_as_the_constructor_does():
    """render's fast block maker sets every field of Block, and nothing else."""
    assert tuple(f.name for f in dataclasses.fields(Block)) == BLOCK_FIELDS
    made = _block("Read more", Label.MENU, "short-run", (3, 4))
    assert made == Block("Read more", Label.MENU, "short-run", (3, 4))
    assert hash(made) == hash(Block("Read more", Label.MENU, "short-run", (3, 4)))

"""The numpy feature matrix of a big page: the very floats the unit-by-unit reference computes, bit for bit."""

from __future__ import annotations

import random
import struct
from itertools import chain
from pathlib import Path

import pytest

from prclean.detect import detect
from prclean.detect.containers import containers
from prclean.detect.verdict import Verdict
from prclean.extract.unitfeatures import NAMES, reference_parts, unit_features, unit_parts
from prclean.extract.unitmodel import TABLE_FROM, shipped_model
from prclean.labels import Label, RuleName
from prclean.read import read_page
from prclean.read.units import Unit

FIXTURES = Path(__file__).resolve().parent.parent.parent / "fixtures"
LINES = ("Home", "HOME", "News", "Contact us | Imprint | Privacy", "Share on Facebook", "www.example.com",
         "Straße", "STRASSE", "Read more...", "© 2026 Harbour Town. All rights reserved.", "海港城市新闻稿。今天开通。",
         "BERLIN, 3. Mai 2026 (ots) - Die Stadt eröffnet heute ihre erste elektrische Fährlinie über den See.",
         ("HARBOUR TOWN, May 3, 2026 /PRNewswire/ -- The council opened its first electric ferry line on Sunday, "
          "replacing two diesel boats on the crossing."), "Call +1 555 010 2030 or write to press@harbour.example",
         "The two new boats carry ninety passengers each, and charge at the quay between crossings; see https://x.org.",
         "Über uns", "1.", "", "Prices: $12.50, €9,99 and 3,000 units!", "* * *")
VERDICTS = (Verdict(Label.MENU, RuleName.SHORT_RUN), Verdict(Label.MENU, "html-menu"),
            Verdict(Label.FOOTER, RuleName.REPEATED), Verdict(Label.SHARE, RuleName.SHARE),
            Verdict(Label.WIRE_TRAILER, RuleName.SOURCE_LINE, anywhere=True, terminal=True),
            Verdict(Label.RELATED, RuleName.LINK_DENSE), Verdict(Label.CAPTION, RuleName.BULLET_RUN))


def _bits(rows: list[tuple[float, ...]]) -> bytes:
    """The rows' floats as bytes: equal only when every float is the same, down to the sign of zero."""
    return struct.pack(f"{len(rows) * len(NAMES)}d", *chain.from_iterable(rows))


def _random_page(rng: random.Random, n: int) -> tuple[list[Unit], dict[int, Verdict], frozenset[int], dict[int, Verdict]]:
    units = []
    for i in range(n):
        text = rng.choice(LINES)
        units.append(Unit.of(i, text, (i, i), link_chars=rng.choice((0, 0, len(text), rng.randint(0, len(text)))),
                             blank_before=rng.randint(0, 5), indent=rng.choice((0, 0, 2)), bullet=rng.random() < 0.2,
                             heading=rng.random() < 0.1, decoration=rng.random() < 0.05))
    if rng.random() < 0.3:  # a unit whose word count is not its text's: the matrix must read the field
        units[0] = units[0]._replace(words=rng.randint(0, 30), ends_sentence=not units[0].ends_sentence)
    found = {i: rng.choice(VERDICTS) for i in range(n) if rng.random() < 0.4}
    boxes = {i: rng.choice(VERDICTS[:2]) for i in range(n) if rng.random() < 0.2}
    start = rng.randint(0, n)
    inside = frozenset(range(start, min(n, start + rng.randint(0, n)))) | frozenset({n + 3})
    return units, found, inside if rng.random() < 0.7 else frozenset(), boxes


@pytest.mark.parametrize("seed", range(40))
def test_the_matrix_equals_the_reference_rows_on_generated_pages(seed: int) -> None:
    rng = random.Random(seed)
    units, found, inside, boxes = _random_page(rng, rng.choice((TABLE_FROM, TABLE_FROM + 1, 60, 333)))
    fast = unit_parts(units, found, inside, boxes)
    assert not isinstance(fast.own, list)  # the numpy path was taken
    assert _bits(fast.rows()) == _bits(reference_parts(units, found, inside, boxes).rows())


def test_the_matrix_equals_the_reference_rows_on_real_pages() -> None:
    model = shipped_model()
    checked = 0
    for path in sorted(FIXTURES.glob("*/input*")):
        page = read_page(path.read_bytes().decode("utf-8", "replace"), "html" if path.suffix == ".html" else "text", None)
        if len(page.units) < TABLE_FROM:
            continue
        found = detect(page)
        inside = page.main.units if page.main else frozenset()
        boxes = containers(page, {}) if page.kind == "html" else {}
        fast, reference = unit_parts(page.units, found, inside, boxes), reference_parts(page.units, found, inside, boxes)
        assert _bits(fast.rows()) == _bits(reference.rows()), path
        assert model.probabilities(*fast) == model.probabilities(*reference), path
        checked += 1
    assert checked >= 20


def test_small_pages_keep_the_python_path_and_training_rows_are_tuples() -> None:
    units, found, inside, boxes = _random_page(random.Random(1), TABLE_FROM - 1)
    assert isinstance(unit_parts(units, found, inside, boxes).own, list)
    big, found, inside, boxes = _random_page(random.Random(2), TABLE_FROM * 2)
    rows = unit_features(big, found, inside, boxes)
    assert all(type(r) is tuple and type(r[0]) is float and len(r) == len(NAMES) for r in rows)

"""The unit model: loading and checking the weights, scoring rows, and the shipped file's feature list."""

from __future__ import annotations

import json
import math
from importlib import resources

import pytest

from prclean.detect import detect
from prclean.extract import treetable
from prclean.extract.unitfeatures import NAMES, page_features
from prclean.extract.unitmodel import (
    MODEL_PACKAGE,
    MODEL_PATH,
    TABLE_FROM,
    ModelError,
    UnitModel,
    shipped_model,
)
from prclean.read import read_page

# two trees over two features: x0 <= 0.5 ? (x1 <= 2 ? -1 : 0.5) : 2, and x1 <= 1 ? -0.25 : 0.25
SPEC = {"kind": "boosted-trees", "features": ["a", "b"], "base": 0.1, "trees": [
    [[0, 0.5, 1, 2, None], [1, 2.0, 3, 4, None], [0, 0, 0, 0, 2.0], [0, 0, 0, 0, -1.0], [0, 0, 0, 0, 0.5]],
    [[1, 1.0, 1, 2, None], [0, 0, 0, 0, -0.25], [0, 0, 0, 0, 0.25]],
]}


def _sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-z))


def test_the_trees_are_walked_and_summed_with_the_base():
    model = UnitModel.from_spec(SPEC)
    assert model.log_odds([0.0, 0.0]) == pytest.approx(0.1 - 1.0 - 0.25)
    assert model.log_odds([0.0, 3.0]) == pytest.approx(0.1 + 0.5 + 0.25)
    assert model.log_odds([1.0, 1.0]) == pytest.approx(0.1 + 2.0 - 0.25)


def test_the_compiled_form_gives_what_the_walk_gives():
    model = UnitModel.from_spec(SPEC)
    rows = [[0.0, 0.0], [0.5, 2.0], [0.51, 2.01], [1.0, 1.0], [-3.0, 9.0]]
    assert model.probabilities(rows) == pytest.approx([_sigmoid(model.log_odds(r)) for r in rows])


@pytest.mark.parametrize("change", [
    {"kind": "forest"},
    {"base": "0.1"},
    {"features": "a b"},
    {"trees": []},
    {"trees": [[[0, "__import__('os').system('true')", 1, 2, None], [0, 0, 0, 0, 1.0], [0, 0, 0, 0, 1.0]]]},
    {"trees": [[[0, float("nan"), 1, 2, None], [0, 0, 0, 0, 1.0], [0, 0, 0, 0, 1.0]]]},
    {"trees": [[[5, 0.5, 1, 2, None], [0, 0, 0, 0, 1.0], [0, 0, 0, 0, 1.0]]]},  # no feature 5
    {"trees": [[[0, 0.5, 0, 1, None], [0, 0, 0, 0, 1.0]]]},  # a child before its parent: a loop
    {"trees": [[[0, 0.5, 1, 9, None], [0, 0, 0, 0, 1.0]]]},  # no node 9
    {"trees": [[[0, 0.5, 1, 2, None], [0, 0, 0, 0, "1.0"], [0, 0, 0, 0, 1.0]]]},
    {"trees": [[[True, 0.5, 1, 2, None], [0, 0, 0, 0, 1.0], [0, 0, 0, 0, 1.0]]]},
])
def test_a_malformed_weights_file_is_refused_before_anything_is_compiled(change: dict[str, object]):
    with pytest.raises(ModelError):
        UnitModel.from_spec({**SPEC, **change})


def test_the_shipped_weights_name_exactly_the_features_the_code_writes():
    """The model is tied to the feature code: a feature added, dropped or reordered needs a retrain."""
    spec = json.loads(resources.files(MODEL_PACKAGE).joinpath(MODEL_PATH).read_text(encoding="utf-8"))
    assert tuple(spec["features"]) == NAMES
    assert shipped_model().features == NAMES


def test_the_shipped_model_scores_a_page_and_its_compiled_form_matches_the_walk():
    lead = ("HARBOUR TOWN, May 3, 2026 /PRNewswire/ -- The town council opened its first electric ferry line "
            "on Sunday, replacing two diesel boats on the twenty-minute crossing to Little Tern island.")
    page = read_page("Home\n\nNews\n\nContact\n\n" + lead + "\n\nShare on Facebook\n", "text", None)
    rows = page_features(page, detect(page))
    model = shipped_model()
    probs = model.probabilities(rows)
    assert probs == pytest.approx([_sigmoid(model.log_odds(r)) for r in rows])
    assert all(0.0 <= q <= 1.0 for q in probs)
    lead_at = next(u.index for u in page.units if u.text == lead)
    assert probs[lead_at] > 0.5 > max(probs[u.index] for u in page.units if u.text in ("Home", "News"))


def _random_rows(n: int, width: int, seed: int) -> list[list[float]]:
    import random

    rng = random.Random(seed)
    return [[rng.choice((0.0, 0.5, 1.0, rng.random(), rng.uniform(-2, 3))) for _ in range(width)] for _ in range(n)]


def test_the_numpy_table_gives_the_walks_floats_bit_for_bit():
    """A page at or above TABLE_FROM units is scored with numpy: same leaves, same sum order, same floats."""
    model = shipped_model()
    rows = _random_rows(TABLE_FROM * 4, len(NAMES), seed=7)
    table = treetable.build(model.trees, model.base)
    assert table is not None
    assert treetable.log_odds(table, rows) == [model.log_odds(r) for r in rows]
    assert model.probabilities(rows) == [_sigmoid_exact(model.log_odds(r)) for r in rows]


def test_rows_given_in_two_halves_score_as_the_whole_rows():
    model = shipped_model()
    rows = _random_rows(TABLE_FROM + 3, len(NAMES), seed=11)
    cut = 40
    own, columns = [tuple(r[:cut]) for r in rows], [list(c) for c in zip(*(r[cut:] for r in rows))]
    whole = model.probabilities(rows)
    assert model.probabilities(own, columns) == whole
    assert model.probabilities(own[:3], [c[:3] for c in columns]) == whole[:3]  # the small-page walk


def test_trees_deeper_than_the_table_keep_the_walk():
    deep = [[0, 0.5, 1, 2, None], [0, 0, 0, 0, 1.0], [0, 0.7, 3, 4, None], [0, 0, 0, 0, 2.0],
            [0, 0.8, 5, 6, None], [0, 0, 0, 0, 3.0], [0, 0.9, 7, 8, None], [0, 0, 0, 0, 4.0], [0, 0, 0, 0, 5.0]]
    model = UnitModel.from_spec({**SPEC, "trees": [deep]})
    assert treetable.build(model.trees, model.base) is None
    rows = [[v / 10, 0.0] for v in range(TABLE_FROM * 2)]
    assert model.probabilities(rows) == [_sigmoid_exact(model.log_odds(r)) for r in rows]


def _sigmoid_exact(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))

"""The fitted body/chrome model: boosted decision trees, evaluated in Python (numpy for whole pages).

The weights ship as package data (``prclean/data/unit_model.json``, written by
``python -m prclean.train``)::

    {"kind": "boosted-trees", "features": [names], "base": b,
     "trees": [[[feature, threshold, left, right, leaf], ...], ...], "meta": {...}}

In a tree, node 0 is the root; a row goes left when ``row[feature] <= threshold``; a node whose
``leaf`` is a number ends the walk. The model's output is ``base`` plus the leaf each tree
reaches: the log-odds that the unit is part of the body.

Walking 200 trees node by node costs about 40 µs a unit. So on first use the trees are written out
as one Python function of nested conditionals and compiled once (about 6 µs a unit); its source is
built only from integers and floats that :meth:`UnitModel.from_spec` has checked to be numbers, so
the file stays data and nothing of it is run as code. The model is read on first use, not on import.
A page of :data:`TABLE_FROM` units or more is scored all at once with numpy instead (:mod:`.treetable`,
about 4 µs a unit including the conversion, and the same floats bit for bit).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple

from . import treetable

if TYPE_CHECKING:
    from .unitmatrix import Matrix

MODEL_PACKAGE, MODEL_PATH = "prclean", "data/unit_model.json"
"""Where the shipped weights live inside the installed package."""
_EXP_FLOOR = -700.0
"""Below this log-odds ``exp`` would overflow: the probability is zero."""
TABLE_FROM = 16
"""Pages with this many units are scored with numpy: below it the arrays' fixed cost outweighs the walk
(measured: 16 units 93 µs either way, 256 units 675 µs against 1,080 µs)."""

Row = Sequence[float]


class Node(NamedTuple):
    """One tree node: a split (``feature``, ``threshold``, children) or a leaf (``leaf`` set)."""

    feature: int
    threshold: float
    left: int
    right: int
    leaf: float | None


class ModelError(ValueError):
    """The weights file is not a model this code can evaluate (a packaging error, not bad input)."""


class UnitModel:
    """Boosted trees over the rows :mod:`.unitfeatures` writes; ``probabilities`` scores a page."""

    def __init__(self, features: tuple[str, ...], base: float, trees: tuple[tuple[Node, ...], ...]) -> None:
        self.features = features
        self.base = base
        self.trees = trees
        self._compiled: Callable[[Row], float] | None = None
        self._table: treetable.Table | None | bool = False  # False: not built yet; None: the trees don't fit

    @classmethod
    def from_spec(cls, spec: Mapping[str, Any]) -> UnitModel:
        """A model from the parsed JSON, every field checked to be what it must be."""
        if spec.get("kind") != "boosted-trees":
            raise ModelError(f"unknown model kind {spec.get('kind')!r}")
        features = spec.get("features")
        if not isinstance(features, list) or not all(isinstance(f, str) for f in features):
            raise ModelError("features must be a list of names")
        trees = spec.get("trees")
        if not isinstance(trees, list) or not trees:
            raise ModelError("trees must be a non-empty list")
        return cls(tuple(features), _number(spec.get("base")),
                   tuple(_tree(t, len(features)) for t in trees))

    def log_odds(self, row: Row) -> float:
        """The log-odds that a unit is body, by walking each tree (the reference for the compiled form)."""
        total = self.base
        for tree in self.trees:
            node = tree[0]
            while node.leaf is None:
                node = tree[node.left] if row[node.feature] <= node.threshold else tree[node.right]
            total += node.leaf
        return total

    def probabilities(self, rows: Sequence[Row] | Matrix, columns: Sequence[Sequence[float]] = ()) -> list[float]:
        """The probability that each row's unit is body; each row goes on with its value in each of
        ``columns`` (a page's features come in two halves, :class:`.unitfeatures.Features`, or whole
        as a numpy matrix of units by features)."""
        if len(rows) >= TABLE_FROM:
            if self._table is False:
                self._table = treetable.build(self.trees, self.base)
            if isinstance(self._table, treetable.Table):
                return [_sigmoid(z) for z in treetable.log_odds(self._table, rows, columns)]
        if self._compiled is None:
            self._compiled = self._compile()
        fn = self._compiled
        if not isinstance(rows, Sequence):  # a matrix the table could not score: walk its rows
            rows = rows.tolist()
        if columns:
            rows = [(*a, *b) for a, b in zip(rows, zip(*columns))]
        return [_sigmoid(fn(row)) for row in rows]

    def _compile(self) -> Callable[[Row], float]:
        """The trees as one compiled function: ``x0, x1, ... = x; return base + (a if x3 <= 0.5 else b) + ...``.

        The row is unpacked into local names once, which is faster than indexing it at every split.
        """
        names = ", ".join(f"x{i}" for i in range(len(self.features)))
        terms = " + ".join([repr(self.base), *(_expression(tree, 0) for tree in self.trees)])
        code = compile(f"def score(x):\n    {names}, = x\n    return {terms}\n", "<prclean unit model>", "exec")
        namespace: dict[str, Any] = {"__builtins__": {}}
        exec(code, namespace)  # noqa: S102 - the source holds only numbers checked by from_spec
        fn: Callable[[Row], float] = namespace["score"]
        return fn


def _expression(tree: tuple[Node, ...], i: int) -> str:
    node = tree[i]
    if node.leaf is not None:
        return repr(node.leaf)
    return (f"({_expression(tree, node.left)} if x{node.feature} <= {node.threshold!r} "
            f"else {_expression(tree, node.right)})")


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z)) if z > _EXP_FLOOR else 0.0


def _number(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise ModelError(f"not a finite number: {value!r}")
    return float(value)


def _index(value: object, limit: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < limit:
        raise ModelError(f"not an index below {limit}: {value!r}")
    return value


def _tree(nodes: object, n_features: int) -> tuple[Node, ...]:
    """A tree's nodes, checked: numbers where numbers go, children after their parent (so walks end)."""
    if not isinstance(nodes, list) or not nodes:
        raise ModelError("a tree must be a non-empty list of nodes")
    out: list[Node] = []
    for i, node in enumerate(nodes):
        if not isinstance(node, list) or len(node) != len(Node._fields):
            raise ModelError(f"node {i}: expected {len(Node._fields)} fields")
        feature, threshold, left, right, leaf = node
        if leaf is not None:
            out.append(Node(0, 0.0, 0, 0, _number(leaf)))
            continue
        left, right = _index(left, len(nodes)), _index(right, len(nodes))
        if left <= i or right <= i:
            raise ModelError(f"node {i}: a child must come after its parent")
        out.append(Node(_index(feature, n_features), _number(threshold), left, right, None))
    return tuple(out)


@cache
def shipped_model() -> UnitModel:
    """The model shipped with prclean, read and checked once, on first use."""
    from importlib import resources  # here, not at the top: it costs `import prclean` 4 ms

    path = resources.files(MODEL_PACKAGE).joinpath(MODEL_PATH)
    return UnitModel.from_spec(json.loads(path.read_text(encoding="utf-8")))

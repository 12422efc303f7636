"""The unit model's trees evaluated over a whole page at once, with numpy, bit for bit as the compiled form.

Walking 200 trees unit by unit costs about 7 µs a unit even compiled; a page of a few hundred units
pays milliseconds. A tree of depth 3 or less has at most seven splits, so it can be laid out as a
complete tree of seven slots (root 0, children of slot ``s`` at ``2s + 1`` and ``2s + 2``). Then:

1. every split of every tree is tested on every unit in one comparison, ``X[:, feature] <= threshold``
   (the same IEEE comparison the compiled form makes, on the same float64 values);
2. a tree's seven answers are packed into a 7-bit code, and a table of 128 entries per tree, built
   once by walking the tree for each code, gives the leaf the walk reaches (slots off the walk's
   path, and padding slots of trees with fewer splits, are simply ignored by the table);
3. the leaves are added up in tree order, starting from the base, one tree's row at a time (numpy
   reduces over a C-ordered array's first axis that way): the same additions, in the same order, as
   ``base + leaf_0 + leaf_1 + ...``, so the same float.

numpy is imported here only, and only when a page is big enough to be worth it, so ``import prclean``
and small pages never pay for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from .unitmodel import Node

MAX_DEPTH = 3
"""Trees up to this depth fit the table: 7 slots, 128 codes. Deeper trees keep the compiled walk."""
SLOTS = (1 << MAX_DEPTH) - 1
CODES = 1 << SLOTS


class Table(NamedTuple):
    """The trees as arrays, slot-major (slot ``s`` of tree ``t`` at ``s * trees + t``).

    Trees share many splits (540 distinct among 1,400), so each distinct split is tested once and
    ``slot_split`` says which distinct split each slot asks.
    """

    split_features: Any  # numpy intp array: a distinct split's feature
    split_thresholds: Any  # numpy float64 column: its threshold
    slot_split: Any  # numpy intp array, SLOTS * trees: the distinct split each slot asks
    leaves: Any  # numpy float64 array, trees * CODES: tree t's leaf for code c at t * CODES + c
    offsets: Any  # numpy intp column: t * CODES
    base: float


def build(trees: Sequence[Sequence[Node]], base: float) -> Table | None:
    """The table of these trees, or None when one is deeper than :data:`MAX_DEPTH`."""
    import numpy as np

    per_tree: list[list[tuple[int, float]]] = []
    leaves: list[float] = []
    for tree in trees:
        slots: list[tuple[int, float]] = [(0, 0.0)] * SLOTS  # padding: any split, the table ignores it
        if not _place(tree, 0, 0, slots):
            return None
        per_tree.append(slots)
        leaves += [_leaf(tree, code) for code in range(CODES)]
    splits = list(dict.fromkeys(split for slots in per_tree for split in slots))
    number = {split: k for k, split in enumerate(splits)}
    slot_split = [number[slots[s]] for s in range(SLOTS) for slots in per_tree]
    return Table(np.array([f for f, _ in splits], dtype=np.intp),
                 np.array([[t] for _, t in splits], dtype=np.float64), np.array(slot_split, dtype=np.intp),
                 np.array(leaves, dtype=np.float64), np.arange(len(trees), dtype=np.intp)[:, None] * CODES, base)


def _place(tree: Sequence[Node], node: int, slot: int, slots: list[tuple[int, float]]) -> bool:
    """Put the splits under ``node`` into their slots; False when the tree is too deep."""
    n = tree[node]
    if n.leaf is not None:
        return True
    if slot >= SLOTS:
        return False
    slots[slot] = (n.feature, n.threshold)
    return _place(tree, n.left, 2 * slot + 1, slots) and _place(tree, n.right, 2 * slot + 2, slots)


def _leaf(tree: Sequence[Node], code: int) -> float:
    """The leaf a walk reaches when slot ``s``'s test answered bit ``s`` of ``code`` (1: go left)."""
    node, slot = tree[0], 0
    while node.leaf is None:
        left = (code >> slot) & 1
        node, slot = (tree[node.left], 2 * slot + 1) if left else (tree[node.right], 2 * slot + 2)
    return node.leaf


def log_odds(table: Table, rows: Sequence[Sequence[float]] | Any, columns: Sequence[Sequence[float]] = ()) -> list[float]:
    """Every row's log-odds, equal bit for bit to the compiled form's ``base + leaf_0 + leaf_1 + ...``;
    each row goes on with its value in each of ``columns``. ``rows`` may be a numpy matrix already
    (units by features, :mod:`.unitmatrix`): then it is read as it is."""
    import numpy as np

    if isinstance(rows, np.ndarray):
        x = rows.T
    else:
        width = len(rows[0])  # rows are all as wide (one page's features); read flat, faster than nested
        x = np.fromiter(chain.from_iterable(rows), np.float64, count=len(rows) * width).reshape(len(rows), width).T
    if len(columns):
        x = np.concatenate((x, np.array(columns, dtype=np.float64)))
    answers = (x[table.split_features] <= table.split_thresholds).view(np.uint8)
    trees = len(table.offsets)
    slots = answers[table.slot_split].reshape(SLOTS, trees, -1)
    codes = slots[0].copy()
    for s in range(1, SLOTS):
        codes |= slots[s] << s
    # numpy reduces a C-ordered array over its first axis row after row, from ``initial``: for each
    # unit the compiled sum's additions in its order (a sum along the last axis would pair terms up)
    totals: list[float] = np.add.reduce(table.leaves[codes + table.offsets], axis=0, initial=table.base).tolist()
    return totals

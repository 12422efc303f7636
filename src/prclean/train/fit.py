"""Fitting the unit model: site-grouped cross-validation, the final fit, and the JSON prclean ships.

The model is scikit-learn's histogram gradient boosting (200 trees of depth 3, 8 leaves): a
logistic regression cannot say "short *and* between two paragraphs", and deeper or more trees gave
no better cross-validated F1 in the research that chose it. Each page counts once, and inside it a
unit by its share of the page's words (what page-level shingle F1 rewards); release pages count
:data:`RELEASE_WEIGHT` times, since their conventions (contacts, About sections, datelines) are few
among a thousand ordinary pages but are what prclean is for.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from ..bench.scoring import f1_of, precision_recall
from ..extract.unitfeatures import NAMES
from ..extract.unitmodel import UnitModel
from .dataset import Record
from .label import BODY_COVERED

TREES, DEPTH, LEAVES, LEARNING_RATE, L2 = 200, 3, 8, 0.1, 1.0
"""The boosted trees' size and step (research: 200 x depth 3 matched larger models out of fold)."""
RELEASE_WEIGHT = 10.0
"""Release pages weigh ten times an ordinary page (dev F1 of the model 0.671 -> 0.778, web alike)."""
PAGE_WEIGHT = 100.0
"""A page's units weigh this much together, shared by their words."""
SEED = 0
"""Fixed, so the same data gives the same weights."""
ROUND = 6
"""Decimal places kept of a leaf value (a 1e-6 change of the log-odds changes no decision); thresholds
are kept whole, since a feature value may sit just beside one."""
_Array = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Stacked:
    """All training units in one matrix, with labels, weights, CV groups and where each input starts."""

    X: _Array
    y: npt.NDArray[np.bool_]
    weight: _Array
    groups: npt.NDArray[np.str_]
    offsets: npt.NDArray[np.int64]


def stack(records: Sequence[Record], release_weight: float = RELEASE_WEIGHT) -> Stacked:
    """The records' units stacked for fitting; each page's units share :data:`PAGE_WEIGHT` by words."""
    weights = []
    for r in records:
        w = np.maximum(r.words, 1.0)
        weights.append(w / w.sum() * PAGE_WEIGHT * (release_weight if r.is_release else 1.0))
    offsets = np.cumsum([0] + [len(r.covered) for r in records])
    return Stacked(np.concatenate([r.features for r in records]),
                   np.concatenate([r.covered for r in records]) >= BODY_COVERED,
                   np.concatenate(weights),
                   np.concatenate([[r.group] * len(r.covered) for r in records]).astype(str),
                   offsets.astype(np.int64))


def make_model(trees: int = TREES) -> Any:
    from sklearn.ensemble import HistGradientBoostingClassifier

    return HistGradientBoostingClassifier(max_iter=trees, max_depth=DEPTH, max_leaf_nodes=LEAVES,
                                          learning_rate=LEARNING_RATE, l2_regularization=L2,
                                          early_stopping=False, random_state=SEED)


def cross_validate(data: Stacked, folds: int, trees: int = TREES) -> tuple[_Array, list[Any], dict[str, int]]:
    """Out-of-fold probabilities (each unit scored by a model that saw no page of its group), the fold
    models, and each group's fold."""
    from sklearn.model_selection import GroupKFold

    oof = np.zeros(len(data.y))
    models: list[Any] = []
    fold_of: dict[str, int] = {}
    start = time.process_time()
    for k, (train, test) in enumerate(GroupKFold(n_splits=folds).split(data.X, data.y, data.groups)):
        model = make_model(trees)
        model.fit(data.X[train], data.y[train], sample_weight=data.weight[train])
        oof[test] = model.predict_proba(data.X[test])[:, 1]
        models.append(model)
        fold_of.update({str(g): k for g in np.unique(data.groups[test])})
        print(f"  fold {k + 1}/{folds}: {time.process_time() - start:.0f} s CPU", file=sys.stderr)
    return oof, models, fold_of


def report(records: Sequence[Record], data: Stacked, oof: _Array) -> list[str]:
    """A markdown table per corpus cell: units, accuracy, body F1, AUC, and page F1 of keeping p >= 0.5."""
    from sklearn.metrics import roc_auc_score

    cells: dict[str, list[int]] = {"all": list(range(len(records)))}
    for i, r in enumerate(records):
        cells.setdefault(f"web/{r.flavor}" if r.corpus == "web" else r.corpus, []).append(i)
    lines = ["| cell | inputs | units | accuracy | F1 (body) | AUC | page F1, p >= 0.5 |", "|---|---|---|---|---|---|---|"]
    for name in sorted(cells):
        idx = np.concatenate([np.arange(data.offsets[i], data.offsets[i + 1]) for i in cells[name]])
        y, p = data.y[idx], oof[idx]
        said = p >= 0.5
        f1 = 2 * (y & said).sum() / max(1, y.sum() + said.sum())
        auc = roc_auc_score(y, p) if 0 < y.mean() < 1 else float("nan")
        page = _page_f1([records[i] for i in cells[name]], [oof[data.offsets[i]:data.offsets[i + 1]] for i in cells[name]])
        lines.append(f"| {name} | {len(cells[name])} | {len(idx)} | {(y == said).mean():.3f} | {f1:.3f} | "
                     f"{auc:.3f} | {page:.3f} |")
    return lines


def _page_f1(records: Sequence[Record], probs: Sequence[_Array]) -> float:
    """Shingle F1 (the benchmark's: averaged precision and recall) of keeping each page's p >= 0.5 units."""
    pairs = [precision_recall(r.gold, "\n".join(t for t, q in zip(r.texts, p) if q >= 0.5))
             for r, p in zip(records, probs)]
    return f1_of(sum(p for p, _ in pairs) / len(pairs), sum(r for _, r in pairs) / len(pairs))


def fit(data: Stacked, trees: int = TREES) -> Any:
    model = make_model(trees)
    model.fit(data.X, data.y, sample_weight=data.weight)
    return model


def export(model: Any, meta: dict[str, Any]) -> dict[str, Any]:
    """The fitted trees as the JSON :class:`~prclean.extract.unitmodel.UnitModel` reads."""
    trees = []
    for (predictor,) in model._predictors:
        trees.append([[int(n["feature_idx"]), float(n["num_threshold"]), int(n["left"]),
                       int(n["right"]), round(float(n["value"]), ROUND) if n["is_leaf"] else None]
                      for n in predictor.nodes])
    base = round(float(np.ravel(model._baseline_prediction)[0]), ROUND)
    return {"kind": "boosted-trees", "features": list(NAMES), "base": base, "trees": trees, "meta": meta}


def check_export(spec: dict[str, Any], model: Any, X: _Array, rows: int = 2000) -> float:
    """Largest difference between scikit-learn's probabilities and the shipped form's, on a sample."""
    pick = np.random.default_rng(SEED).choice(len(X), size=min(rows, len(X)), replace=False)
    ours = np.asarray(UnitModel.from_spec(spec).probabilities(X[pick].tolist()))
    theirs = model.predict_proba(X[pick])[:, 1]
    return float(np.abs(ours - theirs).max())


def write(spec: dict[str, Any], out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(spec, separators=(",", ":")) + "\n", encoding="utf-8")

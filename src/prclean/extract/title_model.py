"""The fitted headline scorer: a linear score per candidate, a softmax over the page's candidates.

A page's candidates compete for being its headline, and "none of them" competes too (with score
0): the probability of the best candidate is ``exp(s) / (1 + sum(exp(s_i)))``, a conditional
logit. The weights were fitted on pages nobody tuned on (``benchmarks/train_title.py`` reproduces
them from ``../shared``: the web corpus in five renderings, the release corpus and the fixtures),
so no number in this module decides anything by hand. Inference is dot products and one softmax.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

WEIGHTS_FILE = "title_weights.json"
"""Shipped next to this module; written by the training script."""


@dataclass(frozen=True, slots=True)
class TitleModel:
    """Feature names, their weights and the bias, and the probability under which no line is the title."""

    features: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float

    def score(self, values: Mapping[str, float]) -> float:
        """A candidate's linear score (its log-odds against "no headline here"); features it lacks are 0."""
        weight = self.by_name
        return self.bias + sum(weight[f] * v for f, v in values.items() if v)

    def scores(self, rows: Sequence[Mapping[str, float]]) -> list[float]:
        """:meth:`score` of each row, the weights looked up once for the page's candidates."""
        weight, bias = self.by_name, self.bias
        return [bias + sum(weight[f] * v for f, v in values.items() if v) for values in rows]

    @property
    def by_name(self) -> dict[str, float]:
        return _weights_by_name(self)

    def probabilities(self, scores: Sequence[float]) -> list[float]:
        """Each candidate's probability of being the headline, "none" taking the rest."""
        top = max([0.0, *scores])
        exps = [math.exp(s - top) for s in scores]
        total = math.exp(-top) + sum(exps)
        return [e / total for e in exps]


@cache
def _weights_by_name(model: TitleModel) -> dict[str, float]:
    return dict(zip(model.features, model.weights))


def model_from(data: Mapping[str, object], expected: Sequence[str]) -> TitleModel:
    """A model from its JSON form, checked against the features the code computes."""
    features = tuple(str(f) for f in data["features"])  # type: ignore[attr-defined]
    weights = tuple(float(w) for w in data["weights"])  # type: ignore[attr-defined]
    if set(features) != set(expected) or len(weights) != len(features):
        raise ValueError(f"{WEIGHTS_FILE} does not match the title features; retrain it")
    return TitleModel(features, weights, float(data["bias"]), float(data["threshold"]))  # type: ignore[arg-type]


@cache
def load_model(expected: tuple[str, ...]) -> TitleModel:
    """The shipped model, read once."""
    text = resources.files(__package__).joinpath(WEIGHTS_FILE).read_text(encoding="utf-8")
    return model_from(json.loads(text), expected)

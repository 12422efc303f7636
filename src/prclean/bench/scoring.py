"""Scores for extracted text against hand-cleaned gold.

Shingle precision/recall follow the ScrapingHub article-extraction benchmark: word 4-grams of the
lower-cased ``\\w+`` tokens, counted as multisets; per document TP, FP and FN are normalised to
sum to one; precision and recall are averaged over documents and F1 is taken from the averages.
Snippet scores read the gold's ``must`` (recall) and ``must_not`` (leak) lists.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import regex

_TOKEN = regex.compile(r"\w+")
META_FIELDS = ("title", "subtitle", "date", "dateline_location", "wire", "issuer", "author", "language")


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text.casefold())
    if len(tokens) < n:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def tp_fp_fn(expected: str, predicted: str) -> tuple[float, float, float]:
    """Normalised shingle TP/FP/FN of one document (all zero when both texts are empty)."""
    want, got = shingles(expected), shingles(predicted)
    tp = sum((want & got).values())
    fp = sum((got - want).values())
    fn = sum((want - got).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def precision_recall(expected: str, predicted: str) -> tuple[float, float]:
    tp, fp, fn = tp_fp_fn(expected, predicted)
    if tp + fp + fn == 0:
        return 1.0, 1.0
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def snippet_hits(snippets: Sequence[str], predicted: str) -> int:
    hay = _norm(predicted)
    return sum(1 for s in snippets if _norm(s) and _norm(s) in hay)


def meta_equal(gold: object, got: object) -> bool:
    if gold is None or got is None:
        return gold is None and got is None
    return _norm(str(gold)) == _norm(str(got))


@dataclass
class Tally:
    """Running totals for one (system, input kind) cell of the report."""

    docs: int = 0
    errors: int = 0
    precision: float = 0.0
    recall: float = 0.0
    must: int = 0
    must_hit: int = 0
    must_not: int = 0
    leaked: int = 0
    seconds: float = 0.0
    bytes: int = 0

    def add(self, expected: str, predicted: str, must: Sequence[str], must_not: Sequence[str]) -> tuple[float, float]:
        p, r = precision_recall(expected, predicted)
        self.docs += 1
        self.precision += p
        self.recall += r
        self.must += len(must)
        self.must_hit += snippet_hits(must, predicted)
        self.must_not += len(must_not)
        self.leaked += snippet_hits(must_not, predicted)
        return p, r

    def summary(self) -> dict[str, float]:
        n = max(1, self.docs)
        p, r = self.precision / n, self.recall / n
        return {
            "docs": self.docs, "errors": self.errors,
            "precision": round(p, 4), "recall": round(r, 4),
            "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "must_recall": round(self.must_hit / self.must, 4) if self.must else 1.0,
            "leak": round(self.leaked / self.must_not, 4) if self.must_not else 0.0,
            "docs_per_s": round(self.docs / self.seconds, 1) if self.seconds else 0.0,
            "mb_per_s": round(self.bytes / 1e6 / self.seconds, 2) if self.seconds else 0.0,
        }

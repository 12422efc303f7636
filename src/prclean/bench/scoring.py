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
_SPACED_INITIALS = regex.compile(r"(?<=\b\w\.)\s+(?=\w\.(?:\W|$))")
"""The space between one-letter abbreviations ("e. V.", "S. A."): a spelling, not a different name."""
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


def meta_value(value: object) -> str | None:
    """A metadata value as compared: whitespace-normalised and case-folded, one-letter abbreviations
    closed up ("e. V." as "e.V.": pages spell the legal form both ways, in a <title> and a logo's
    alt text); empty counts as none."""
    if value is None:
        return None
    text = _SPACED_INITIALS.sub("", _norm(str(value)))
    return text or None


def meta_equal(gold: object, got: object) -> bool:
    """Strict match: equal after normalising, or both none."""
    return meta_value(gold) == meta_value(got)


def f1_of(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class MetaTally:
    """One metadata field's counts in one cell.

    A value where the gold says none is a false positive, no value where the gold has one a miss,
    a wrong value both; ``strict`` counts exact matches over all cases (gold none included)."""

    cases: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    strict: int = 0

    def add(self, gold: object, got: object) -> str:
        """Count one case; return its outcome: ``ok``, ``none`` (both none), ``fp``, ``miss`` or ``wrong``."""
        want, have = meta_value(gold), meta_value(got)
        self.cases += 1
        if want == have:
            self.strict += 1
            self.tp += want is not None
            return "ok" if want is not None else "none"
        if want is None:
            self.fp += 1
            return "fp"
        self.fn += 1
        if have is None:
            return "miss"
        self.fp += 1
        return "wrong"

    def summary(self) -> dict[str, float]:
        """Precision (1.0 when no value was given), recall (1.0 when the gold never has one), strict."""
        return {
            "cases": self.cases, "gold": self.tp + self.fn, "given": self.tp + self.fp,
            "precision": round(self.tp / (self.tp + self.fp), 4) if self.tp + self.fp else 1.0,
            "recall": round(self.tp / (self.tp + self.fn), 4) if self.tp + self.fn else 1.0,
            "strict": round(self.strict / self.cases, 4) if self.cases else 1.0,
        }


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
        self.record(p, r, (len(must), snippet_hits(must, predicted)),
                    (len(must_not), snippet_hits(must_not, predicted)))
        return p, r

    def record(self, p: float, r: float, must: tuple[int, int], must_not: tuple[int, int]) -> None:
        """Count one scored document: its precision and recall, (must snippets, found) and
        (must_not snippets, leaked)."""
        self.docs += 1
        self.precision += p
        self.recall += r
        self.must += must[0]
        self.must_hit += must[1]
        self.must_not += must_not[0]
        self.leaked += must_not[1]

    def summary(self) -> dict[str, float]:
        """The cell's figures: averaged P and R, F1 of the averages, snippet rates, CPU-time speed."""
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

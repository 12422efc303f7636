"""Fit the headline scorer's weights (src/prclean/extract/title_weights.json) from ../shared.

    pip install -e ".[train]"
    python benchmarks/train_title.py [--shared ../shared] [--cache benchmarks/out/title_rows.pkl]
                                     [--baseline old_titles.json] [--threshold T] [--write]

Data: the web corpus's articles and documentation pages in all five renderings (gold title = the
page's headline), the release corpus (dev, seeds) and the repo's fixtures. Every page runs through
prclean up to extraction; each headline candidate near the body's start gets its evidence
(``prclean.extract.headline.evidence``) and the label "its text is the gold title" (whitespace,
case and curly quotes normalised). A logistic regression is fitted on the candidates, and a page's
title is its best candidate when the probability clears a threshold, else the page's own title
(HTML) or none.

Reported: site-grouped 5-fold cross-validation (a web page is its own site, every rendering of it
in the same fold; a release case is one group), title accuracy and precision per input kind, for
the fitted scorer and, given ``--baseline`` (a JSON of titles an older build gave, keyed as
``group|kind|file``), for that build. ``--write`` stores the weights fitted on everything.
scikit-learn is needed here only; prclean itself reads the JSON with plain Python.
"""

from __future__ import annotations

import argparse
import gzip
import json
import pickle
import sys
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WEB_FILES = {"html": "input.html.gz", "w3m": "input.w3m.txt", "lynx": "input.lynx.txt", "md": "input.md.txt",
             "inner": "input.inner.txt"}
WEB_TYPES = ("article", "documentation")
FOLDS = 5
SEED = 0
C = 1.0
"""Inverse L2 strength on standardised features (the cross-validation barely moves between 0.03 and 3)."""
RELEASE_WEIGHT = 1.0
"""How many web pages a release page (dev, seeds, fixtures) counts as. Weighting them 3, 5, 10 or 20
times raised the release pages' in-sample accuracy but not their cross-validated one (0.921 at 1, 3
and 5), and cost the web renderings one to three points: they count once."""
THRESHOLD_STEP = 5
"""Thresholds tried, in hundredths."""
UTILITY_SLACK = 0.01
"""The utility is flat near its best (one input in a hundred); of near-equal thresholds the lowest is
taken, because release pages, what prclean is for, lose right titles fastest as the threshold rises."""
_Q = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\xa0": " "})


def gold_norm(v: object) -> str | None:
    """Gold comparison: whitespace, case and curly quotes normalised."""
    return " ".join(str(v).translate(_Q).split()).casefold() if v else None


@dataclass(frozen=True)
class Input:
    corpus: str
    group: str
    kind: str
    path: Path
    title: str | None
    subtitle: str | None = None
    has_subtitle: bool = False

    @property
    def key(self) -> str:
        return f"{self.group}|{self.kind}|{self.path.name}"

    def data(self) -> bytes:
        raw = self.path.read_bytes()
        return gzip.decompress(raw) if self.path.suffix == ".gz" else raw


def _kind_of(name: str) -> str:
    if name.endswith((".html", ".html.gz")):
        return "html"
    parts = name.split(".")
    return parts[1] if len(parts) == 3 else "txt"


def web_inputs(shared: Path, kinds: Sequence[str] = tuple(WEB_FILES)) -> Iterator[Input]:
    for case in sorted((shared / "corpus" / "web").iterdir()):
        if not (case / "expected.json").exists():
            continue
        gold = json.loads((case / "expected.json").read_text())
        if gold.get("page_type") in WEB_TYPES:
            for kind in kinds:
                yield Input("web", f"web/{case.name}", kind, case / WEB_FILES[kind], gold.get("title"))


def release_inputs(corpus: str, root: Path) -> Iterator[Input]:
    for case in sorted(p for p in root.iterdir() if (p / "expected.json").exists()):
        gold = json.loads((case / "expected.json").read_text())
        for inp in sorted(case.glob("input*")):
            yield Input(corpus, f"{corpus}/{case.name}", _kind_of(inp.name), inp, gold.get("title"),
                        gold.get("subtitle"), "subtitle" in gold)


def all_inputs(shared: Path) -> Iterator[Input]:
    yield from web_inputs(shared)
    yield from release_inputs("dev", shared / "corpus" / "dev")
    yield from release_inputs("seeds", shared / "corpus" / "seeds")
    yield from release_inputs("fixtures", ROOT / "fixtures")


@dataclass
class PageRows:
    """One input's candidates: their texts, evidence and labels, and the page's own title (HTML)."""

    inp: Input
    texts: list[str] = field(default_factory=list)
    rows: list[dict[str, float]] = field(default_factory=list)
    labels: list[bool] = field(default_factory=list)
    fallback: str | None = None


def collect(inp: Input) -> PageRows:
    """Run prclean up to extraction and describe the headline candidates."""
    from prclean import PrcleanError
    from prclean.describe.title import page_title
    from prclean.detect import detect
    from prclean.extract import extract
    from prclean.extract.headline import candidates, evidence
    from prclean.read import read_page
    from prclean.read.load import load

    out = PageRows(inp)
    try:
        text, kind = load(inp.data())
        page = read_page(text, kind, None)
        ex = extract(page, detect(page))
    except PrcleanError:
        return out
    out.fallback = page_title(page.facts)
    if ex.span is None:
        return out
    titles = page.facts.titles
    cands = candidates(page.units, ex.span.start, ex.header.issuer_unit, titles)
    gold = gold_norm(inp.title)
    out.texts = [c.text for c in cands]
    out.rows = evidence(cands, page.units, ex.verdicts, ex.span.start, titles, ex.header.issuer_unit)
    out.labels = [gold is not None and gold_norm(c.text) == gold for c in cands]
    return out


def _neutral_header_model() -> None:
    """Extraction runs the header, whose own choice is not used here: give it a model that matches
    the features being trained, since the shipped weights may be for an older feature list."""
    from prclean.extract import header
    from prclean.extract.title_model import TitleModel

    header.load_model = lambda expected: TitleModel(expected, (0.0,) * len(expected), 0.0, 1.0)  # type: ignore[assignment]


def load_rows(shared: Path, cache: Path | None) -> list[PageRows]:
    if cache and cache.exists():  # plain data, so the cache reads the same from any script
        return [PageRows(Input(**{**i, "path": Path(i["path"])}), *rest) for i, *rest in pickle.loads(cache.read_bytes())]
    _neutral_header_model()
    pages = []
    for n, inp in enumerate(all_inputs(shared)):
        pages.append(collect(inp))
        if n % 500 == 0:
            print(f"  {n} inputs read", file=sys.stderr)
    if cache:
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_bytes(pickle.dumps([({**vars(p.inp), "path": str(p.inp.path)}, p.texts, p.rows, p.labels,
                                          p.fallback) for p in pages]))
    return pages


def matrix(pages: Sequence[PageRows], features: Sequence[str]):  # type: ignore[no-untyped-def]
    """Candidate rows as arrays: features, labels, and the page each row belongs to."""
    import numpy as np

    x = np.array([[r.get(f, 0.0) for f in features] for p in pages for r in p.rows], dtype=float)
    y = np.array([lab for p in pages for lab in p.labels], dtype=int)
    owner = np.array([k for k, p in enumerate(pages) for _ in p.rows], dtype=int)
    return x.reshape(len(y), len(features)), y, owner


def fit(x, y, owner, c: float, weight):  # type: ignore[no-untyped-def]
    """Conditional logit on standardised features: each page's candidates and "none" (score 0) compete,
    and the loss is minus the log of the probability given to the gold candidates (or to "none" when
    the gold is not among them), weighted per page, with an L2 penalty ``1/c``. Returns raw-scale
    weights and bias."""
    import numpy as np
    from scipy.optimize import minimize

    mean, scale = x.mean(0), x.std(0)
    scale[scale == 0] = 1.0
    xs = (x - mean) / scale
    pages, seg = np.unique(owner, return_inverse=True)
    starts = np.r_[0, np.flatnonzero(np.diff(seg)) + 1]
    page_w = np.bincount(seg, weights=weight, minlength=len(pages)) / np.bincount(seg, minlength=len(pages))
    has_gold = np.bincount(seg, weights=y, minlength=len(pages)) > 0

    def loss(theta):  # type: ignore[no-untyped-def]
        w, b = theta[:-1], theta[-1]
        s = xs @ w + b
        top = np.maximum(0, np.maximum.reduceat(s, starts))
        log_z = top + np.log(np.exp(-top) + np.bincount(seg, weights=np.exp(s - top[seg]), minlength=len(pages)))
        sg = np.where(y == 1, s, -np.inf)
        gtop = np.maximum.reduceat(sg, starts)
        gtop = np.where(np.isfinite(gtop), gtop, 0.0)
        log_p = gtop + np.log(np.maximum(1e-300, np.bincount(seg, weights=np.exp(sg - gtop[seg]),
                                                             minlength=len(pages))))
        value = (page_w * log_z).sum() - (page_w * log_p)[has_gold].sum() + 0.5 / c * w @ w
        grad_s = page_w[seg] * (np.exp(s - log_z[seg]) - np.where(y == 1, np.exp(np.minimum(0, s - log_p[seg])), 0))
        return value, np.append(xs.T @ grad_s + w / c, grad_s.sum())

    theta = minimize(loss, np.zeros(x.shape[1] + 1), jac=True, method="L-BFGS-B", options={"maxiter": 5000}).x
    w = theta[:-1] / scale
    return w, float(theta[-1] - (theta[:-1] * mean / scale).sum())


def probabilities(x, owner, w, b):  # type: ignore[no-untyped-def]
    """Each candidate's probability of being its page's headline, as prclean computes it."""
    import numpy as np

    s = x @ w + b
    out = np.zeros(len(s))
    for k in np.unique(owner):
        rows = owner == k
        top = max(0.0, s[rows].max())
        e = np.exp(s[rows] - top)
        out[rows] = e / (np.exp(-top) + e.sum())
    return out


def row_weights(pages: Sequence[PageRows], owner):  # type: ignore[no-untyped-def]
    import numpy as np

    return np.array([1.0 if pages[k].inp.corpus == "web" else RELEASE_WEIGHT for k in owner])


def out_of_fold(pages: Sequence[PageRows], features: Sequence[str], c: float):  # type: ignore[no-untyped-def]
    """Each candidate's probability from a model that never saw its page's group (any rendering)."""
    import numpy as np
    from sklearn.model_selection import GroupKFold

    x, y, owner = matrix(pages, features)
    groups = np.array([pages[k].inp.group for k in owner])
    weight = row_weights(pages, owner)
    probs = np.zeros(len(y))
    for train, test in GroupKFold(n_splits=FOLDS, shuffle=True, random_state=SEED).split(x, y, groups):
        w, b = fit(x[train], y[train], owner[train], c, weight[train])
        probs[test] = probabilities(x[test], owner[test], w, b)
    return probs, owner


def choose(pages: Sequence[PageRows], probs, owner, threshold: float) -> list[str | None]:  # type: ignore[no-untyped-def]
    """Each page's title: its best candidate over the threshold (the first of ties), else its own title."""
    best: dict[int, tuple[float, int]] = {}
    for i, (p, k) in enumerate(zip(probs, owner)):
        if k not in best or p > best[k][0]:
            best[k] = (float(p), i)
    offset = {}
    n = 0
    for k, page in enumerate(pages):
        offset[k] = n
        n += len(page.rows)
    out: list[str | None] = []
    for k, page in enumerate(pages):
        if k in best and best[k][0] >= threshold:
            out.append(page.texts[best[k][1] - offset[k]])
        else:
            out.append(page.fallback)
    return out


def score(pages: Sequence[PageRows], titles: Sequence[str | None]) -> dict[str, tuple[float, float, int]]:
    """Per input kind (and all): strict accuracy, precision (right among given), inputs."""
    tally: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for page, t in zip(pages, titles):
        g, v = gold_norm(page.inp.title), gold_norm(t)
        for key in (_bucket(page.inp), "all"):
            s = tally[key]
            s[0] += g == v
            s[1] += v is not None
            s[2] += v is not None and g == v
            s[3] += 1
    return {k: (s[0] / s[3], s[2] / max(1, s[1]), s[3]) for k, s in sorted(tally.items())}


def _bucket(inp: Input) -> str:
    if inp.corpus == "web":
        return f"web:{inp.kind}"
    return f"release:{'html' if inp.kind == 'html' else 'text'}"


def utility(table: dict[str, tuple[float, float, int]]) -> float:
    """Right titles minus wrong ones (a wrong title costs what a right one earns; none costs nothing),
    per input, averaged over the input kinds so that each kind counts the same."""
    kinds = [v for k, v in table.items() if k != "all"]
    return sum(acc - (acc / prec - acc if prec else 0.0) for acc, prec, _ in kinds) / len(kinds)


def pick_threshold(pages: Sequence[PageRows], probs, owner) -> float:  # type: ignore[no-untyped-def]
    """The lowest "no title" threshold whose :func:`utility` out of fold is within UTILITY_SLACK of the best."""
    grid = [k / 100 for k in range(0, 80, THRESHOLD_STEP)]
    values = {t: utility(score(pages, choose(pages, probs, owner, t))) for t in grid}
    best = max(values.values())
    return min(t for t, v in values.items() if v >= best - UTILITY_SLACK)


def report(name: str, table: dict[str, tuple[float, float, int]]) -> None:
    print(f"\n{name}")
    print("| inputs | n | accuracy | precision |\n|---|---|---|---|")
    for k, (acc, prec, n) in table.items():
        print(f"| {k} | {n} | {acc:.3f} | {prec:.3f} |")


def main() -> None:
    from prclean.extract.headline import FEATURES
    from prclean.extract.title_model import WEIGHTS_FILE

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--cache", type=Path, default=None, help="pickle of the candidate rows (read if present)")
    ap.add_argument("--baseline", type=Path, default=None)
    ap.add_argument("--c", type=float, default=C)
    ap.add_argument("--threshold", type=float, default=None,
                    help="use this \"no title\" threshold instead of picking one")
    ap.add_argument("--write", action="store_true", help=f"write src/prclean/extract/{WEIGHTS_FILE}")
    args = ap.parse_args()
    pages = load_rows(args.shared, args.cache)
    pages = [p for p in pages if p.inp.title]  # a page without a gold headline says nothing here
    probs, owner = out_of_fold(pages, FEATURES, args.c)
    threshold = args.threshold if args.threshold is not None else pick_threshold(pages, probs, owner)
    cv = score(pages, choose(pages, probs, owner, threshold))
    report(f"fitted, {FOLDS}-fold site-grouped CV (threshold {threshold:.2f})", cv)
    if args.baseline:
        old = json.loads(args.baseline.read_text())
        report("baseline build", score(pages, [old.get(p.inp.key, [None])[0] for p in pages]))
    x, y, owner = matrix(pages, FEATURES)
    w, b = fit(x, y, owner, args.c, row_weights(pages, owner))
    print("\nweights:", ", ".join(f"{f} {v:+.2f}" for f, v in sorted(zip(FEATURES, w), key=lambda t: -abs(t[1]))))
    if args.write:
        data = {"features": list(FEATURES), "weights": [round(float(v), 6) for v in w], "bias": round(b, 6),
                "threshold": threshold, "trained_on": "web articles+documentation (5 renderings), dev, seeds, "
                "fixtures; benchmarks/train_title.py", "cv_accuracy": {k: round(v[0], 4) for k, v in cv.items()}}
        path = ROOT / "src" / "prclean" / "extract" / WEIGHTS_FILE
        path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {path}")


if __name__ == "__main__":
    main()

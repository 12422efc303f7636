"""Reproduce the shipped unit model from ``../shared``: read, label, cross-validate by site, fit, export.

    pip install -e ".[train]"
    python -m prclean.train --shared ../shared --out src/prclean/data/unit_model.json

Prints the site-grouped cross-validation table (out-of-fold: every page scored by a model that
never saw it, in any rendering) and writes the weights. ``--cache FILE`` keeps the read corpus
(a pickle, outside the repo) so that refitting does not read every page again.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
from pathlib import Path

try:
    from . import dataset, fit
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise SystemExit(f"training needs the 'train' extra (pip install -e '.[train]'): {exc}") from exc


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="python -m prclean.train", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=Path("../shared"), help="the shared folder holding corpus/")
    ap.add_argument("--fixtures", default="fixtures", help="the repo's fixtures ('' for none)")
    ap.add_argument("--out", type=Path, help="write the weights here (default: only cross-validate)")
    ap.add_argument("--folds", type=int, default=5, help="cross-validation folds, grouped by page (0: none)")
    ap.add_argument("--trees", type=int, default=fit.TREES)
    ap.add_argument("--release-weight", type=float, default=fit.RELEASE_WEIGHT)
    ap.add_argument("--jobs", type=int, default=1, help="processes reading the corpora")
    ap.add_argument("--cache", type=Path, help="pickle of the read corpus: read it if present, else write it")
    ap.add_argument("--fold-models", type=Path,
                    help="folder: write each fold's model (fold<k>.json) and each page group's fold (folds.json), "
                         "to measure the whole pipeline out of fold")
    return ap


def _records(a: argparse.Namespace) -> list[dataset.Record]:
    if a.cache and a.cache.exists():
        with a.cache.open("rb") as fh:
            records: list[dataset.Record] = pickle.load(fh)
        return records
    start = time.perf_counter()
    fixtures = Path(a.fixtures) if a.fixtures else None
    records = dataset.build(a.shared, fixtures, jobs=a.jobs)
    print(f"read {len(records)} inputs in {time.perf_counter() - start:.0f} s", file=sys.stderr)
    if a.cache:
        with a.cache.open("wb") as fh:
            pickle.dump(records, fh, protocol=pickle.HIGHEST_PROTOCOL)
    return records


def main(argv: list[str] | None = None) -> int:
    a = _parser().parse_args(argv)
    records = [r for r in _records(a) if len(r.covered)]
    data = fit.stack(records, a.release_weight)
    groups = len({r.group for r in records})
    print(f"{len(records)} inputs, {len(data.y)} units ({data.y.mean():.2f} body), {groups} groups, "
          f"{data.X.shape[1]} features")
    cv = None
    if a.folds:
        oof, models, fold_of = fit.cross_validate(data, a.folds, a.trees)
        cv = fit.report(records, data, oof)
        if a.fold_models:
            for k, model in enumerate(models):
                fit.write(fit.export(model, {"fold": k}), a.fold_models / f"fold{k}.json")
            (a.fold_models / "folds.json").write_text(json.dumps(fold_of, indent=0), encoding="utf-8")
        print(f"\nSite-grouped {a.folds}-fold cross-validation, out of fold:\n")
        print("\n".join(cv))
    if a.out:
        model = fit.fit(data, a.trees)
        meta = {"inputs": len(records), "units": len(data.y), "groups": groups, "trees": a.trees,
                "release_weight": a.release_weight, "web_types": list(dataset.WEB_TYPES), "cv": cv}
        spec = fit.export(model, meta)
        print(f"\nlargest probability difference, scikit-learn vs shipped form: "
              f"{fit.check_export(spec, model, data.X):.2e}")
        fit.write(spec, a.out)
        print(f"wrote {a.out} ({a.out.stat().st_size / 1024:.0f} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Fold models for a variant: the text renderings' records as read for the shipped model (a cache of
`python -m prclean.train --cache`), the HTML inputs read again under the variant, five site-grouped
folds as train.py makes them.

    python build.py CACHE.pkl OUTDIR VARIANT
"""
from __future__ import annotations

import json
import pickle
import sys
import time
from pathlib import Path

import variants

from prclean.train import dataset, fit

cache, out, name = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
variants.use(name)
out.mkdir(parents=True, exist_ok=True)
t0 = time.time()
with cache.open("rb") as fh:
    records = pickle.load(fh)
print(f"loaded {len(records)} in {time.time() - t0:.0f} s", file=sys.stderr)
cases = {(f"{c.corpus}/{c.name}/{c.flavor}"): (g, c) for g, c in dataset.corpus_cases(Path("/work/shared"), Path("/work/wt-html/fixtures"))}
fresh = []
for r in records:
    if r.flavor == "html":
        g, c = cases[r.key]
        r = dataset.record(g, c)
    if r is not None:
        fresh.append(r)
print(f"reread html in {time.time() - t0:.0f} s; calls {variants.CALLS}", file=sys.stderr)
records = [r for r in fresh if len(r.covered)]
data = fit.stack(records)
oof, models, fold_of = fit.cross_validate(data, 5)
for k, model in enumerate(models):
    fit.write(fit.export(model, {"fold": k, "variant": name}), out / f"fold{k}.json")
(out / "folds.json").write_text(json.dumps(fold_of, indent=0), encoding="utf-8")
print("\n".join(fit.report(records, data, oof)))

"""The whole pipeline out of fold: each page decided by the fold model that never saw it, its main
content read as the variant says.  Web articles and documentation (HTML), dev, seeds, fixtures (HTML).

    python oof.py FOLDS VARIANT OUT.json
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import variants

import prclean
import prclean.extract.fitted as F
from prclean.bench.corpus import Selection, load_cases
from prclean.bench.scoring import f1_of, precision_recall
from prclean.extract.unitmodel import UnitModel

folds, name, out = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
variants.use(name)
fold_of = json.loads((folds / "folds.json").read_text())
models: dict[int, UnitModel] = {}


def model_for(group: str) -> UnitModel:
    k = fold_of[group]
    if k not in models:
        models[k] = UnitModel.from_spec(json.loads((folds / f"fold{k}.json").read_text()))
    return models[k]


REFERENCE = Path("/tmp/port/base_full.json")  # a `prclean bench --json` report with trafilatura's web cases
ref = {c["case"]: c["recall"] for c in json.loads(REFERENCE.read_text())["cases"]
       if c["system"] == "trafilatura" and c["flavor"] == "html"}
sets = [("web", Path("/work/shared/corpus/web"), Selection(types=("article", "documentation"), kinds=("html",))),
        ("dev", Path("/work/shared/corpus/dev"), Selection(kinds=("html",))),
        ("seeds", Path("/work/shared/corpus/seeds"), Selection(kinds=("html",))),
        ("fixtures", Path("/work/wt-html/fixtures"), Selection(kinds=("html",)))]
rows = []
for prefix, root, sel in sets:
    for c in load_cases(root, sel):
        m = model_for(f"{prefix}:{c.name}")
        F._model = lambda m=m: m  # type: ignore[assignment]
        skips = variants.CALLS["skip"]
        try:
            text = prclean.clean(c.read()).text
        except prclean.PrcleanError:
            text = ""
        p, r = precision_recall(c.expected, text)
        rows.append({"set": prefix, "case": c.name, "type": c.page_type, "p": p, "r": r,
                     "skip": variants.CALLS["skip"] > skips, "traf_r": ref.get(c.name)})
out.write_text(json.dumps(rows))


def f1(sub: list[dict]) -> str:
    if not sub:
        return "-"
    return f"{f1_of(sum(x['p'] for x in sub) / len(sub), sum(x['r'] for x in sub) / len(sub)):.4f}"


for prefix in ("web", "dev", "seeds", "fixtures"):
    sub = [x for x in rows if x["set"] == prefix]
    cat = [x["case"] for x in sub if prefix == "web" and x["r"] < 0.3 and (x["traf_r"] or 0) >= 0.7]
    sk = [x for x in sub if x["skip"]]
    print(f"{name:7s} {prefix:8s} n={len(sub)} F1={f1(sub)} cat={len(cat)} skip={len(sk)} "
          f"F1(skip)={f1(sk)} F1(called)={f1([x for x in sub if not x['skip']])} {' '.join(cat)}", flush=True)

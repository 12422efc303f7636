"""Out-of-fold errors for one bucket: the chosen candidate vs the gold one, with their strongest evidence."""
import sys, random
sys.path.insert(0, "benchmarks")
from pathlib import Path
import numpy as np
import train_title as T
from prclean.extract.headline import FEATURES
pages = [p for p in T.load_rows(None, Path("/work/scratch/title-cache/rows.pkl")) if p.inp.title]
bucket = sys.argv[1]; n = int(sys.argv[2]) if len(sys.argv) > 2 else 15
probs, owner = T.out_of_fold(pages, FEATURES, 1.0)
x, y, ow = T.matrix(pages, FEATURES)
w, b = T.fit(x, y, ow, 1.0, T.row_weights(pages, ow))
off = 0; shown = 0
rows = list(range(len(pages))); 
for k, p in enumerate(pages):
    m = len(p.rows); sl = slice(off, off + m); off += m
    if T._bucket(p.inp) != bucket or not any(p.labels): continue
    pr = probs[sl]; i = int(np.argmax(pr))
    if p.labels[i]: continue
    j = next(j for j, l in enumerate(p.labels) if l)
    shown += 1
    if shown > n: break
    print(f"\n{p.inp.group} {p.inp.kind}: chose {pr[i]:.2f} {p.texts[i][:80]!r}\n    gold {pr[j]:.2f} {p.texts[j][:80]!r}")
    ci = x[off - m + i] * w; cj = x[off - m + j] * w
    d = cj - ci
    order = np.argsort(-np.abs(d))[:8]
    print("    gold-minus-chosen:", ", ".join(f"{FEATURES[o]} {d[o]:+.2f}" for o in order))

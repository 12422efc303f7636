"""Oracle recall, top-1 accuracy by threshold, per kind, from the training cache."""
import sys, pickle
sys.path.insert(0, "benchmarks")
import numpy as np
import train_title as T
from prclean.extract.headline import FEATURES
from pathlib import Path
pages = [p for p in T.load_rows(None, Path("/work/scratch/title-cache/rows.pkl")) if p.inp.title]
C = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
probs, owner = T.out_of_fold(pages, FEATURES, C)
import numpy as np
from collections import defaultdict
orc = defaultdict(lambda: [0,0])
for p in pages:
    b = T._bucket(p.inp); orc[b][0] += any(p.labels); orc[b][1] += 1
print("oracle", {k: round(a/n,3) for k,(a,n) in sorted(orc.items())})
for t in (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7):
    s = T.score(pages, T.choose(pages, probs, owner, t))
    print(t, " ".join(f"{k}:{a:.3f}/{pr:.3f}" for k,(a,pr,n) in s.items()))

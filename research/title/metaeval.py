"""Strict metadata accuracy on dev+seeds(+fixtures): value where gold null counts as wrong."""
import json, sys
from pathlib import Path
from collections import defaultdict
import prclean
FIELDS = ("title", "subtitle", "date", "dateline_location", "wire", "issuer", "author", "language")
def norm(v): return " ".join(str(v).split()).casefold() if v is not None else None
roots = [Path(p) for p in sys.argv[1:]] or [Path("/work/shared/corpus/dev"), Path("/work/shared/corpus/seeds")]
stats = defaultdict(lambda: [0, 0, 0, 0])  # ok, n, fp(value where wrong/none), fn
miss = []
for root in roots:
    for case in sorted(p for p in root.iterdir() if (p / "expected.json").exists()):
        gold = json.loads((case / "expected.json").read_text())
        for inp in sorted(case.glob("input*")):
            kind = "html" if inp.suffix == ".html" else "text"
            r = prclean.clean(inp.read_bytes())
            for f in FIELDS:
                if f not in gold: continue
                g, v = norm(gold[f]), norm(getattr(r, f))
                s = stats[(f, kind)]
                s[1] += 1
                if g == v: s[0] += 1
                else:
                    if v is not None: s[2] += 1
                    if g is not None: s[3] += 1
                    miss.append((f, case.name, inp.name, gold[f], getattr(r, f), r.provenance.get(f)))
for f in FIELDS:
    row = [f]
    for k in ("html", "text"):
        ok, n, fp, fn = stats[(f, k)]
        row.append(f"{k} {ok}/{n} ({ok/max(n,1):.3f}) fp={fp} fn={fn}")
    print("  ".join(row))
if "-v" in sys.argv[0:0] or True:
    for m in miss: print(m)

import json, random, sys, gzip
from pathlib import Path
import prclean
WEB = Path("/work/shared/corpus/web")
kind = sys.argv[1]; n = int(sys.argv[2])
cases = sorted(p for p in WEB.iterdir() if (p / "expected.json").exists()); random.Random(11).shuffle(cases)
Q = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\xa0": " "})
def norm(v): return " ".join(str(v).translate(Q).split()).casefold() if v else None
ok = got = right = 0; tot = 0
for c in cases[:n]:
    g = json.loads((c / "expected.json").read_text())
    if g.get("page_type") not in ("article", "documentation"): continue
    f = {"html": "input.html.gz", "w3m": "input.w3m.txt", "lynx": "input.lynx.txt", "md": "input.md.txt", "inner": "input.inner.txt"}[kind]
    data = (c / f).read_bytes()
    if kind == "html": data = gzip.decompress(data)
    try: r = prclean.clean(data)
    except prclean.PrcleanError: continue
    tot += 1; gt, t = norm(g.get("title")), norm(r.title)
    ok += gt == t; got += t is not None; right += t is not None and gt == t
print(f"{kind}: title strict {ok/tot:.3f} precision {right/max(got,1):.3f} ({right}/{got}) n={tot}")

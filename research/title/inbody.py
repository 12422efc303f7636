import sys
from collections import Counter
import prclean
from prclean.detect import detect
from prclean.extract import extract
from prclean.read import read_page
from prclean.read.load import load
from corpus import all_inputs, norm
c = Counter(); ex=[]
for inp in all_inputs():
    if inp.kind not in sys.argv[1].split(","): continue
    g = norm(inp.title)
    if not g: continue
    try:
        text, kind = load(inp.data()); page = read_page(text, kind, None); found = detect(page); e = extract(page, found)
    except prclean.PrcleanError: continue
    if not e.span: continue
    u = page.units; s = e.span.start
    if any(norm(x.text) == g for x in u[:s]): continue
    hits = [x.index for x in u[s:] if norm(x.text) == g]
    if not hits: continue
    keep = list(e.span.keep)
    k = hits[0]
    pos = sum(1 for i in keep if i < k)
    c[min(pos, 20)] += 1
    if pos <= 3: ex.append((inp.group, pos, k in keep))
print(sorted(c.items())); print(ex[:20])
